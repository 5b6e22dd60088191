"""Where a source mention and a cue begin and end, following PolNeAR's annotation conventions.

The conventions are written down in docs/evaluation.md ("How spans are bounded"); in short:
- a source is its noun phrase with appositions ("Michael Mulgrew, president of the union,")
  but without a relative clause, a participle phrase or a leading focus word ("even", "both");
- a cue is the verb with its auxiliaries, negation and adverbs, the verbs that control it
  ("refused to endorse", "avoids condemning") and a particle ("pointed out"). Time words and
  the channel after the verb ("said Monday", "said in a statement") are left out: annotators
  include them about as often as not, and including them scored lower on PolNeAR train.
"""

from __future__ import annotations

from spacy.tokens import Token

# Dependents of a source's head that are not part of the mention.
SOURCE_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "punct_tail"})
SOURCE_LEADING_WORDS = frozenset({"even", "both", "only", "also", "but", "and", "predictable"})
# Verbs whose open complement carries the speech act: "refused to endorse", "went on to say".
CONTROL_DEPS = frozenset({"xcomp"})
HEARER_VERBS = frozenset({"tell", "ask", "urge", "warn", "remind", "order", "invite", "encourage"})


def _controlled(verb: Token) -> bool:
    """An open complement, or a to-infinitive of purpose ("took to Twitter to say")."""
    if verb.dep_ in CONTROL_DEPS:
        return True
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts)


def source_extent(head: Token) -> tuple[int, int] | None:
    """Character extent of the source mention headed by ``head``."""
    doc = head.doc
    cut: set[int] = set()
    for child in head.children:
        if child.dep_ in SOURCE_CUT_DEPS or (child.dep_ == "acl" and child.tag_ in ("VBN", "VBG")):
            cut.update(t.i for t in child.subtree)
            # The comma before a cut clause goes with it.
            if child.i > 0 and doc[child.left_edge.i - 1].is_punct:
                cut.add(child.left_edge.i - 1)
    toks = [t for t in head.subtree if t.i not in cut]
    # Keep the contiguous run around the head: a cut clause ends the mention.
    index = {t.i for t in toks}
    left = right = head.i
    while left - 1 in index:
        left -= 1
    while right + 1 in index:
        right += 1
    while left < head.i and (doc[left].is_punct or doc[left].lower_ in SOURCE_LEADING_WORDS):
        left += 1
    while right > head.i and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def cue_left(verb: Token, start_tok: Token) -> Token:
    """The first token of a cue: controlling verbs ("refused to endorse") are part of it."""
    left = start_tok
    node = verb
    for _ in range(3):
        if not _controlled(node) or node.head.i >= node.i or node.head.pos_ not in ("VERB", "AUX"):
            break
        governor = node.head
        if governor.lemma_ in HEARER_VERBS and any(
            c.dep_ == "dobj" and governor.i < c.i < node.i for c in governor.children
        ):
            break  # "asked him to say": the object is the hearer, not part of the cue
        left = min(left, governor, key=lambda t: t.i)
        # auxiliaries/adverbs of the governor: "has refused to", "pointedly refused to"
        for child in governor.lefts:
            if child.dep_ in ("aux", "auxpass", "neg", "advmod") and child.i >= left.i - 2:
                left = min(left, child, key=lambda t: t.i)
        node = governor
    return left
