"""Readings of what a cue verb reports where the parse hides the usual complement.

``indirect.content_extent`` and ``indirect._alternative_extents`` read the content off the
verb's complement, object or prepositional object. These are the shapes where PolNeAR's
annotators mark content that the parser hangs elsewhere or that stands before the verb:
an indirect question made an adverbial clause ("asked workers if ..."), a "for ... to"
clause made one ("called for the board to resign"), and the noun a cue's clause is on
("a plan announced last year", "the delay the engineers warned of"); and the clause a
prepositional cue is on ("According to X, S", "In her words, S").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotetrace.extract.cues import CueCandidate
from quotetrace.extract.lexicon import OBJECT_PREPS, QUESTION_MARKS, WORDS_CUE


def question_clause(head: Token, clause: Token, hearer_object: bool) -> bool:
    """'asked workers if they would vote', 'wondered whether X': the parser often hangs the
    question on the cue as an adverbial clause. With a subject of its own, right after the verb
    or after the hearer of a verb that takes one, it is the complement all the same; an 'if' only
    after such a verb, else a condition ('would explain it if asked', 'will speak if elected')."""
    mark = clause.left_edge
    if clause.dep_ != "advcl" or mark.lower_ not in QUESTION_MARKS or mark.dep_ != "mark":
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    if mark.lower_ == "if" and not hearer_object:
        return False  # 'if' is a condition far more often, unless the verb asks someone
    before = head.doc[mark.i - 1]
    after_hearer = hearer_object and any(o.dep_ == "dobj" and o.right_edge.i == before.i for o in head.rights)
    return before.i == head.i or after_hearer


def for_clause_objects(head: Token) -> Iterator[tuple[int, int, str, int]]:
    """'is calling for the board to resign': the parser makes 'for' the mark of an adverbial
    clause; it is the preposition of 'calling for' with its object, as annotators mark it, so
    the reading is the one of a prepositional object (the cue runs to the preposition)."""
    for clause in head.rights:
        mark = clause.left_edge
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        if clause.dep_ == "advcl" and infinitive and mark.dep_ == "mark" and mark.lower_ in OBJECT_PREPS:
            last = clause.right_edge
            yield head.doc[mark.i + 1].idx, last.idx + len(last), "verb_prep", mark.idx + len(mark)


def antecedent_extent(head: Token) -> tuple[int, int, str] | None:
    """'a plan announced last year', 'the change the party warned about': a cue in a clause on a
    noun, with no object after it, reports (in one reading) the noun phrase before the clause."""
    noun, last = head.head, head.doc[head.left_edge.i - 1]  # trim drops a comma before the clause
    if head.dep_ not in ("acl", "relcl") or noun.pos_ not in ("NOUN", "PROPN") or noun.i >= head.left_edge.i:
        return None
    return noun.left_edge.idx, last.idx + len(last), "antecedent"


def prepositional_extent(cue: CueCandidate) -> tuple[int, int] | None:
    """'According to X, S' / 'S, according to X': S without the prepositional phrase."""
    if cue.lemma == WORDS_CUE:
        return _words_extent(cue.head.head)
    sent = cue.head.sent
    phrase = {t.i for t in cue.head.subtree}
    before = [t for t in sent if t.i < min(phrase) and not t.is_punct]
    after = [t for t in sent if t.i > max(phrase) and not t.is_punct]
    side = after if len(after) >= len(before) else before
    if not side:
        return None
    return side[0].idx, side[-1].idx + len(side[-1])


def _words_extent(prep: Token) -> tuple[int, int] | None:
    """'In her words, S', 'because, in Forbes' words, S': the clause the phrase is on. After its
    verb the phrase closes what it reports: 'she dislikes surprises, in the words of an aide,
    and bristled ...' reports the surprises, not the bristling. A phrase the parser hung on an
    auxiliary ('was, by her own account, "running on ..."') is on the auxiliary's verb."""
    host = prep.head.head if prep.head.dep_ in ("aux", "auxpass") else prep.head
    phrase = {t.i for t in prep.subtree}
    toks = [t for t in host.subtree if t.i not in phrase and not t.is_punct]
    toks = [t for t in toks if not (t.dep_ == "mark" and t.head.i == host.i and t.i < prep.i)]
    if prep.i > host.i:
        toks = [t for t in toks if t.i < prep.i]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])
