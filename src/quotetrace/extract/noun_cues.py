"""Attributions whose cue is a noun: "his criticism of X", "the claim that X", "voiced support for X".

PolNeAR's annotators mark a noun as the cue when it names an act of saying, thinking or stance
and its complement is what was said: a prepositional object ("criticism of X", "calls for X"),
a that-clause ("the claim that X") or an infinitive ("his promise to X"). No verb cue covers
these, so before this module they had no candidate at all. Each noun of ``data/noun_cues.tsv``
(with its PolNeAR-train cue rate, ``train/build_noun_cues.py``) that has such a complement is a
candidate; its readings go to the same learned gate as the verbs', which tells them apart by
the features ``gate.features`` adds for nouns (lemma, how the content hangs, where the source is).

The source is the noun's possessor ("Obama's criticism"), a "from"/"by" phrase ("criticism from
Democrats") or, when the noun is the object of a verb that is no cue of its own ("voiced support
for X"), that verb's subject; the light verb then opens the cue, as annotators mark it.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import numpy
from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import ADJ as ADJ_ID
from spacy.parts_of_speech import NOUN as NOUN_ID
from spacy.strings import hash_string  # type: ignore[attr-defined]  # in the Cython module, not its stub
from spacy.tokens import Doc, Token

from quotetrace.extract.cues import CueCandidate, text_of
from quotetrace.extract.draft import Draft, inside, overlaps, trim
from quotetrace.extract.lexicon import LIGHT_VERBS, NOUN_CONTENT_PREPS, SOURCE_PREPS, SPEECH_NOUNS
from quotetrace.text.lexicon import rows
from quotetrace.text.stem import stem

# Nouns less often a cue than this in train are left out: at 0.1 the gate still finds the
# attributions of frequent nouns ("support", "question") and the rest are noise.
NOUN_MIN_RATE = 0.1
SUBJECT_DEPS = ("nsubj",)
# Python ints, not spaCy's enum members: numpy compares an array or a scalar with an enum member
# only after looking attributes up on the enum class.
_NOUN, _ADJ = int(NOUN_ID), int(ADJ_ID)


NOUN_CUES_FILE = "noun_cues.tsv"
ADJECTIVE_CUES_FILE = "adjective_cues.tsv"


@lru_cache(maxsize=2)
def cue_forms_of(name: str) -> dict[str, tuple[str, float]]:
    """Surface form -> (lemma, smoothed PolNeAR-train cue rate) of every word listed in ``name``."""
    out: dict[str, tuple[str, float]] = {}
    for lemma, cues, count, forms in rows(name, ("lemma", "cue_count", "pos_count", "forms")):
        rate = int(cues) / (int(count) + 1)
        for form in forms.split(","):
            out.setdefault(form, (lemma, rate))
    return out


@lru_cache(maxsize=1)
def _form_ids() -> numpy.ndarray:
    forms = set(cue_forms_of(NOUN_CUES_FILE)) | set(cue_forms_of(ADJECTIVE_CUES_FILE))
    return numpy.array(sorted(hash_string(form) for form in forms), dtype=numpy.uint64)


def find_noun_cues(doc: Doc, ranges: list[tuple[int, int]], verb_heads: set[int]) -> list[CueCandidate]:
    """Noun and adjective cue candidates outside quotations; ``verb_heads`` are the verb cues'
    tokens (a noun that is the object of one is that verb's reading already: "expressed
    concern about"; likewise the channel noun of "said in a statement that")."""
    if not len(doc):
        return []
    nouns, adjectives = cue_forms_of(NOUN_CUES_FILE), cue_forms_of(ADJECTIVE_CUES_FILE)
    pos, lower = doc.to_array([POS, LOWER]).T
    # Most nouns are no cue: pick the listed forms from the arrays before any string lookup.
    forms = _form_ids()
    if not len(forms):
        return []
    place = numpy.searchsorted(forms, lower).clip(max=len(forms) - 1)
    picked = numpy.flatnonzero((forms[place] == lower) & ((pos == _NOUN) | (pos == _ADJ)))
    strings = doc.vocab.strings
    found = []
    for i, p, form in zip(picked.tolist(), pos[picked].tolist(), lower[picked].tolist(), strict=True):
        is_noun = p == _NOUN
        entry = (nouns if is_noun else adjectives).get(strings[form])
        if entry is None or entry[1] < NOUN_MIN_RATE:
            continue
        word = doc[i]
        if inside(word.idx, ranges) or (word.head.i in verb_heads and word.dep_ in ("dobj", "acomp")):
            continue
        cue = _noun_cue(word, *entry, verb_heads) if is_noun else _adjective_cue(word, *entry)
        if cue is not None:
            found.append(cue)
    return found


def _adjective_cue(adj: Token, lemma: str, rate: float) -> CueCandidate | None:
    """'Republicans have been critical of X', 'she is optimistic that X': the predicate
    adjective reports a stance of the copula's subject; the cue runs from the auxiliaries."""
    verb = adj.head
    if adj.dep_ != "acomp" or verb.pos_ not in ("AUX", "VERB"):
        return None
    subj = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    aux = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg") and (subj is None or c.i > subj.i)]
    start = min([verb, *aux], key=lambda t: t.i).idx
    how = "copula_subject" if subj is not None else "none"
    return CueCandidate(
        adj, lemma, start, adj.idx + len(adj), rate, kind="adj", act="other", source=subj, source_how=how
    )


def _noun_cue(noun: Token, lemma: str, rate: float, verb_heads: set[int]) -> CueCandidate | None:
    if noun.dep_ == "compound" or (noun.dep_ == "pobj" and noun.head.head.i in verb_heads):
        return None  # "said in a statement that X", "spoke at length about X": the verb's channel
    left = noun
    while (
        left.i > 0
        and noun.doc[left.i - 1].dep_ in ("amod", "advmod")
        and noun.doc[left.i - 1].head.i
        in (
            noun.i,
            left.i,
        )
    ):
        left = noun.doc[left.i - 1]  # "harsh criticism of": annotators keep the adjective
    det = next((c for c in noun.lefts if c.dep_ == "det"), None)
    if det is not None and det.i < left.i:
        left = det  # "a call for", "no consensus on": train cues include the article 73 times in 88
    start = left.idx
    source, how = _source(noun)
    there = next((c for c in noun.head.lefts if c.dep_ == "expl"), None) if noun.dep_ == "attr" else None
    if how == "light_verb":
        start = noun.head.idx
    elif there is not None:
        start = there.idx  # "there's no consensus on", "there are questions about", as annotators mark it
    act = "speech" if lemma in SPEECH_NOUNS else "other"
    return CueCandidate(
        noun, lemma, start, noun.idx + len(noun), rate, kind="noun", act=act, source=source, source_how=how
    )


def _source(noun: Token) -> tuple[Token | None, str]:
    poss = next((c for c in noun.lefts if c.dep_ == "poss"), None)
    if poss is not None:
        return poss, "poss"
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in SOURCE_PREPS:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj, f"prep_{prep.lower_}"
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb, how = verb.head, "verb_prep"  # "held rallies in hopes of X": who held them hopes
    elif noun.dep_ == "dobj":
        # 'voiced support for X' is the subject's; 'faced criticism for X', 'won the endorsement
        # of X' are said of the subject by someone else, who is not named there.
        how = "light_verb" if _light_verb(verb) else "object"
    else:
        return None, "none"
    if verb.pos_ != "VERB" or how == "object":
        return None, how
    return next((c for c in verb.lefts if c.dep_ in SUBJECT_DEPS), None), how


def _light_verb(verb: Token) -> bool:
    """A verb whose subject says or holds what its object noun names (data: light_verb)."""
    return verb.pos_ == "VERB" and stem(verb.lower_) in _light_verb_stems()


@lru_cache(maxsize=1)
def _light_verb_stems() -> frozenset[str]:
    # The list holds irregular forms too ("made", "held"): the stemmer maps those to their base.
    return frozenset(stem(word) for word in LIGHT_VERBS)


def noun_drafts(
    doc: Doc, cue: CueCandidate, ranges: list[tuple[int, int]], verb_heads: set[int]
) -> list[Draft]:
    """Each reading of what a noun or adjective cue reports, each with its own cue extent.

    A complement headed by a verb cue is that verb's to report: in 'was quick to add that X'
    or 'his decision to announce that X' the adjective or noun would swallow the verb's quote.
    """
    noun = cue.head
    text = text_of(doc)
    readings: list[tuple[Token, str, int]] = []
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in NOUN_CONTENT_PREPS:
            objs = [o for o in child.children if o.dep_ in ("pobj", "pcomp")]
            if objs:
                readings.append((objs[0], f"{cue.kind}_prep_{child.lower_}", child.idx + len(child)))
        elif child.dep_ in ("acl", "ccomp", "relcl", "xcomp") and _opens_complement(child):
            how = (
                f"{cue.kind}_infinitive"
                if child.dep_ in ("acl", "xcomp") and not _has_that(child)
                else f"{cue.kind}_clause"
            )
            readings.append((child, how, cue.end))
    drafts = []
    for part, how, cue_end in readings:
        if part.i in verb_heads:
            continue
        start, end = trim(text, part.left_edge.idx, part.right_edge.idx + len(part.right_edge))
        if start < cue_end or start >= end:
            continue
        reading_cue = replace(cue, end=cue_end)
        kind = "mixed" if overlaps(start, end, ranges) else "indirect"
        draft = Draft(kind, start, end, reading_cue, cue.source, 0.35 + 0.5 * cue.rate)
        draft.extent_kind = how
        drafts.append(draft)
    return drafts


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.lefts)


def _opens_complement(clause: Token) -> bool:
    """'the claim that X' or 'a promise to X': a complement, not a relative clause ('the claim
    that he made', where 'that' is the object, is ``relcl`` with no ``mark``)."""
    if _has_that(clause) or clause.dep_ == "ccomp":
        return True
    return clause.dep_ in ("acl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.lefts)
