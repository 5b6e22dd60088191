"""Where a cue begins and ends, following PolNeAR's annotation conventions.

The conventions are written down in docs/evaluation.md ("How spans are bounded"). A source
mention is its whole noun phrase (``speakers.mention_span``): cutting relative clauses and
participles scored lower on all of PolNeAR train, as annotators keep them about as often as not.
Only a relative clause that reports speech of its own ("X, who noted that Y, said Z") is cut.
- a cue is the verb with its auxiliaries, negation and adverbs (before it, or right after
  it: "said repeatedly", ``finish._after_adverbs``), the verbs that control it
  ("refused to endorse", "avoids condemning") and a particle ("pointed out"). Time words and
  the channel after the verb ("said Monday", "said in a statement") are left out: annotators
  include them about as often as not, and including them scored lower on PolNeAR train.
"""

from __future__ import annotations

from spacy.tokens import Token

from quotetrace.extract.lexicon import HEARER_VERBS

# Verbs whose open complement carries the speech act: "refused to endorse", "went on to say".
CONTROL_DEPS = frozenset({"xcomp"})


def _controlled(verb: Token) -> bool:
    """An open complement, or a to-infinitive of purpose ("took to Twitter to say")."""
    if verb.dep_ in CONTROL_DEPS:
        return True
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts)


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
