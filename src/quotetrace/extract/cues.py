"""Find reporting cues ("said", "pointed out", "according to") in a parsed Doc."""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import VERB as VERB_ID
from spacy.strings import hash_string  # type: ignore[attr-defined]  # in the Cython module, not its stub
from spacy.tokens import Doc, Token

from quotetrace.extract.lexicon import (
    CLAUSE_MARKERS,
    CONTENT_PREPS,
    HYPHEN_ADJECTIVE_PREFIXES,
    PREPOSITIONAL_CUES,
    WORDS_CUE,
    cue_form_rows,
    cue_lexicon,
    cue_prepositions,
)
from quotetrace.nlp import model_lemmatizer
from quotetrace.records import Cue
from quotetrace.text.lexicon import word_class

# Subject-taking verbs whose subject is the speaker; for these the object is the hearer.
ACCORDING_ID = hash_string("according")
# 'in her words', 'by his own account': a phrase that gives the clause it is on to the owner.
OWNED_WORDS = frozenset(tuple(phrase.split()) for phrase in word_class("owned_words_phrase"))
OWNED_WORD_IDS = [hash_string(noun) for _, noun in OWNED_WORDS]
CUE_MODIFIER_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
PUT_TO_VERBS = frozenset(word_class("put_to_verb"))
PUT_TO_LEMMA = "put it to"
PUT_TO_RATE_OF = "ask"


@dataclass(slots=True)
class CueCandidate:
    head: Token  # the verb (or "according")
    lemma: str
    start: int
    end: int
    rate: float  # how often this lemma is a cue in PolNeAR train
    prepositional: bool = False
    kind: str = "verb"  # "verb", or "noun" for a noun cue (extract.noun_cues)
    act: str | None = None  # the act a noun cue reports; verbs take theirs from data/cue_acts.tsv
    source: Token | None = None  # a noun cue's source, found with the candidate
    source_how: str = ""  # where a noun cue's source stands: poss, prep_from, light_verb, none

    def record(self) -> Cue:
        text = text_of(self.head.doc)[self.start : self.end]
        return Cue(text=text, lemma=self.lemma, start=self.start, end=self.end)


def _hyphen_adjective(tok: Token) -> bool:
    """'so-called': the verb form is half of a hyphenated adjective, so it reports nothing.

    Without this a scare quote after it that ends in a comma ('the so-called "levy," which
    ...') was read as a direct quote with the cue 'called' and no speaker.
    """
    if tok.i < 2:
        return False
    hyphen, prefix = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
    return (
        hyphen.text == "-"
        and not hyphen.whitespace_
        and not prefix.whitespace_
        and prefix.lower_ in HYPHEN_ADJECTIVE_PREFIXES
    )


def _put_to_hearer(tok: Token) -> Token | None:
    """The 'to' of 'put it to <someone> that S' (its 'it' standing for the that-clause), or None."""
    kids = list(tok.children)
    if not any(c.dep_ == "dobj" and c.lower_ == "it" for c in kids) or not any(map(that_clause, kids)):
        return None
    return next((c for c in kids if c.dep_ == "prep" and c.lower_ == "to" and any(c.children)), None)


def that_clause(tok: Token) -> bool:
    """A complement clause, also where the parser hangs a 'that' clause as an adverbial one."""
    return tok.dep_ == "ccomp" or (
        tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
    )


def text_of(doc: Doc) -> str:
    """``doc.text`` rebuilds the string on every access; cache it once per Doc."""
    text = doc.user_data.get("qt_text")
    if text is None:
        text = doc.user_data["qt_text"] = doc.text
    return text


def cue_forms(nlp: Language, lexicon: dict) -> dict[str, str]:
    """Every inflected form of the lexicon's verbs -> lemma, computed once at load time.

    Regular inflections are generated and kept when the model's own rule lemmatizer
    maps them back to the lemma; irregular ones come from its exception table. The
    hot path then needs no lemmatizer call at all (it was the largest per-process cost).
    """
    from spacy.tokens import Doc as SpacyDoc

    lemmas = [lemma for lemma in lexicon if lemma.isalpha()]
    candidates: dict[str, set[str]] = {}
    for lemma in lemmas:
        stem = lemma[:-1]
        forms = {lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed", lemma + "ing"}
        forms |= {
            stem + "ing",
            stem + "ies",
            stem + "ied",
            lemma + lemma[-1] + "ed",
            lemma + lemma[-1] + "ing",
        }
        for form in forms:
            candidates.setdefault(form, set()).add(lemma)
    out: dict[str, str] = {}
    lemmatizer = model_lemmatizer(nlp)
    if lemmatizer is not None:
        words = sorted(candidates)
        doc = SpacyDoc(nlp.vocab, words=words, pos=["VERB"] * len(words))
        for tok in doc:
            try:
                got = lemmatizer.rule_lemmatize(tok)
            except (KeyError, ValueError):
                continue
            if got and got[0].lower() in candidates[tok.text]:
                out[tok.text] = got[0].lower()
        exceptions = lemmatizer.lookups.get_table("lemma_exc").get("verb", {})
        wanted = set(lemmas)
        for form, targets in exceptions.items():
            if targets and targets[0] in wanted:
                out.setdefault(form, targets[0])
    for lemma in lemmas:
        out.setdefault(lemma, lemma)
    return out


def shipped_cue_forms(lexicon: dict) -> dict[str, str] | None:
    """data/cue_forms.tsv as {form: lemma}, or None when it is absent or stale."""
    rows = cue_form_rows()
    if rows is None:
        return None
    lemmas, forms = rows
    if lemmas != sorted(lemma for lemma in lexicon if lemma.isalpha()):
        return None
    return forms


def words_owner(words: Token) -> Token | None:
    """Whose words 'in her words' / 'in the words of X' / 'in Finch's own words' are."""
    owner = next((c for c in words.children if c.dep_ == "poss"), None)
    if owner is None:
        of = next((c for c in words.rights if c.lower_ == "of" and c.dep_ == "prep"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if owner is None and words.i >= 2 and words.doc[words.i - 1].text in ("’", "'"):
        before = words.doc[words.i - 2]  # "in Forbes’ words": the parser lost the possessive
        owner = before if before.pos_ == "PROPN" else None
    return owner


def _words_cue(words: Token) -> CueCandidate | None:
    """'In her words, S', 'by his own account, S': a phrase set off by a comma on a clause, not
    'in other words' (no owner) or 'she put it in her own words' (the manner of a verb, no
    comma)."""
    prep = words.head
    if words.dep_ != "pobj" or (prep.lower_, words.lower_) not in OWNED_WORDS or prep.dep_ != "prep":
        return None
    owner = words_owner(words)
    if owner is None:
        return None
    doc = words.doc
    phrase = list(prep.subtree)
    before = doc[phrase[0].i - 1] if phrase[0].i > phrase[0].sent.start else None
    after = doc[phrase[-1].i + 1] if phrase[-1].i + 1 < len(doc) else None
    if not any(t is not None and t.text == "," for t in (before, after)):
        return None
    # The cue is the preposition, as PolNeAR's annotators mark it; the owner is the speaker.
    return CueCandidate(words, WORDS_CUE, prep.idx, prep.idx + len(prep), 0.9, True)


def _joins_cue(verb: Token, lemma: str, prep: Token) -> bool:
    """Whether the preposition right after a cue verb is part of the cue. Annotators' habit
    depends on the pair ("called for" always, "said in" about half the time), so pairs seen
    often in train follow their train majority; others join only a preposition of content after
    a verb with no complement of its own ("complained about X", not "said that X about Y")."""
    if prep.dep_ not in ("prep", "agent"):
        return False
    listed = cue_prepositions().get((lemma, prep.lower_))
    if listed is not None:
        return listed
    complements = any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.rights)
    return prep.dep_ == "prep" and not complements and prep.lower_ in CONTENT_PREPS


class CueFinder:
    def __init__(self, nlp: Language):
        self.nlp = nlp
        self.lexicon = cue_lexicon()
        # The forms ship precomputed (train/build_cue_forms.py): running the lemmatizer over
        # every candidate form cost ~3 s of start-up. They are recomputed only when the
        # shipped table no longer matches the lexicon.
        self.form_lemma = shipped_cue_forms(self.lexicon) or cue_forms(nlp, self.lexicon)

    def find(self, doc: Doc, min_rate: float = 0.05) -> list[CueCandidate]:
        found = []
        # Token objects are costly to create; pick candidates from the attribute arrays first.
        pos, lower = doc.to_array([POS, LOWER]).T if len(doc) else ((), ())
        owned_noun = numpy.isin(lower, OWNED_WORD_IDS)
        for i in numpy.flatnonzero((pos == VERB_ID) | (lower == ACCORDING_ID) | owned_noun):
            tok = doc[int(i)]
            if owned_noun[int(i)]:
                owned = _words_cue(tok)
                if owned is not None:
                    found.append(owned)
                continue
            if tok.lower == ACCORDING_ID:
                if tok.i + 1 < len(doc):
                    nxt = doc[tok.i + 1]
                    phrase = PREPOSITIONAL_CUES.get((tok.lower_, nxt.lower_))
                    if phrase:
                        found.append(CueCandidate(tok, phrase, tok.idx, nxt.idx + len(nxt), 0.93, True))
                        continue
                if tok.pos != VERB_ID:
                    continue
            # Only inflections of lexicon verbs can be cues; others need no lemmatizing.
            form_lemma = self.form_lemma.get(tok.lower_)
            if form_lemma is None:
                continue
            entry = self.lexicon.get(form_lemma)
            if entry is None or entry.rate < min_rate or _hyphen_adjective(tok):
                continue
            put_to = _put_to_hearer(tok) if entry.lemma in PUT_TO_VERBS else None
            if put_to is not None:
                # 'put it to him that S': a claim or question set before someone, which reports
                # S as often as 'ask' does, though 'put' itself rarely reports anything.
                asked = self.lexicon.get(PUT_TO_RATE_OF)
                rate = asked.rate if asked is not None else entry.rate
                found.append(CueCandidate(tok, PUT_TO_LEMMA, tok.idx, put_to.idx + len(put_to), rate))
                continue
            found.append(self._verb_cue(tok, entry.lemma, entry.rate))
        return found

    def any_verb(self, tok: Token, unlisted_rate: float = 0.3) -> CueCandidate:
        """A cue for a verb that stands where a cue must be, whether the lexicon lists it or not."""
        lemma = self.form_lemma.get(tok.lower_, tok.lower_)
        entry = self.lexicon.get(lemma)
        return self._verb_cue(tok, lemma, entry.rate if entry else unlisted_rate)

    @staticmethod
    def _verb_cue(tok: Token, lemma: str, rate: float) -> CueCandidate:
        start, end = tok.idx, tok.idx + len(tok)
        # PolNeAR-style cue extent: auxiliaries and adverbs right before the verb belong to it
        # ("has strongly denied", "also said"); they also carry framing ("finally admitted").
        left = tok
        while left.i > 0:
            prev = tok.doc[left.i - 1]
            if (
                prev.dep_ in CUE_MODIFIER_DEPS
                and (prev.head.i == tok.i or prev.head.i == left.i)
                and prev.lower_ not in CLAUSE_MARKERS
            ):
                left = prev
            else:
                break
        start = left.idx
        particles = [c for c in tok.rights if c.dep_ == "prt"]
        if particles:
            # Phrasal cues: "pointed out", "shot back".
            end = particles[-1].idx + len(particles[-1])
            lemma = f"{lemma} {' '.join(p.lower_ for p in particles)}"
        nxt = tok.doc[tok.i + 1 + len(particles)] if tok.i + 1 + len(particles) < len(tok.doc) else None
        if nxt is not None and nxt.head.i == tok.i and _joins_cue(tok, lemma.split()[0], nxt):
            end = nxt.idx + len(nxt)  # PolNeAR cues: "speaking of", "called for", "reported by"
        return CueCandidate(tok, lemma, start, end, rate)
