"""Descriptions that stand for someone the article introduced: by age, and by the fuller phrase.

'the 61-year-old' and 'the teenager' are the person introduced with that age ('Ilse Brandvold,
61,'); 'The source added' is the 'a source close to the investigation' introduced before, when
no quote of its own carried that description over; 'The email said' is the author the
article gave that document before. ``SpeakerResolver`` builds on this.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from quotetrace.extract.cues import text_of
from quotetrace.extract.lexicon import ARTICLES, DEFINITE, NAME_JOINERS, TEEN_NOUNS
from quotetrace.extract.speaker_entities import Entity, Spoken, headline_end
from quotetrace.extract.speaker_names import description, is_document, mention_span, noun_type
from quotetrace.extract.speaker_pronouns import WINDOW, PronounIndex

INDEFINITE_ARTICLES = ARTICLES - DEFINITE
AGE_DESCRIPTION = re.compile(r"\b(\d{1,3})-year-old$")  # 'the 61-year-old', not '-old boy'
# 'The 58-year-old Norwegian': with "the" and a noun, still someone already introduced.
DEFINITE_AGE = re.compile(r"^the (\d{1,3})-year-old\b", re.IGNORECASE)
TEEN_AGES = range(13, 20)
MAX_INITIALS = 6  # the longest initials looked up ("NAACP" is five)
PRINCIPAL_QUOTES = 3  # quotes before a person counts as the one the article is about
# A run of capitalised words, with the small words an organisation's name keeps inside it.
SPELT_JOINERS = NAME_JOINERS | DEFINITE
_JOINER_PATTERN = "|".join(re.escape(w) for w in sorted(SPELT_JOINERS))
CAPITALISED_RUN = re.compile(rf"[A-Z][\w'’-]*(?:\s+(?:(?:{_JOINER_PATTERN})\s+)*[A-Z][\w'’-]*)*")
# 'Leon Marchetti, 17,': a capitalised word, then the age between commas.
INTRODUCED_AGE = re.compile(r"([A-Z][\w'’-]+), (\d{1,3}),")


class DescriptionIndex(PronounIndex):
    """Lookups for descriptions that name nobody but mean someone introduced before."""

    def _aged(self, span: Span, head: Token) -> Entity | None:
        """'the 61-year-old said': the person last introduced with that age ('Ilse Brandvold, 61,');
        'the teenager said': the one last introduced with an age of 13 to 19."""
        match = AGE_DESCRIPTION.search(span.text) or DEFINITE_AGE.search(span.text)
        if match is not None:
            ages: range | tuple[int, ...] = (int(match.group(1)),)
        elif head.lower_ in TEEN_NOUNS and span[0].lower_ in DEFINITE:
            ages = TEEN_AGES
        else:
            return None
        text = text_of(self.doc)[: span.start_char]
        introduced = INTRODUCED_AGE.finditer(text)
        found = [m for m in introduced if int(m.group(2)) in ages and not self._in_quote(m.start())]
        return self._match_single(found[-1].group(1), found[-1].start()) if found else None

    def _introduced(self, head: Token) -> Spoken | None:
        """'a source close to the investigation told Reuters ... The source added': the fuller
        description the article introduced the same noun with ("a", "an"), when no quote of its
        own carried it over (the first quote went to 'according to radar data')."""
        if head.tag_ != "NN" or is_document(head.lower_):
            return None  # "the email said" means its sender, as documents resolve, not "an email" again
        for tok in reversed(head.doc[: head.i]):
            if head.idx - tok.idx > WINDOW:
                break
            if tok.lower_ != head.lower_ or tok.tag_ != "NN" or self._in_quote(tok.idx):
                continue
            if not any(c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES for c in tok.children):
                continue
            span = mention_span(tok)
            return Spoken(tok.idx, description(span, tok), noun_type(tok), "", None) if span else None
        return None

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]]):
        self._spellings: dict[str, list[tuple[int, str]]] | None = None  # built on first use
        super().__init__(doc, quoted)

    def _principal(self, char: int) -> Spoken | None:
        """The person an article is about: quoted at least ``PRINCIPAL_QUOTES`` times before
        ``char`` and at least twice as often as anyone else. A profile calls her 'the mayor' or
        'the coach' without ever putting the title before her name, and no one else holds it."""
        body = headline_end(text_of(self.doc))
        people = [sp for sp in self.spoken if body <= sp.start < char and sp.type == "person"]
        ranked = Counter(sp.name for sp in people).most_common(2)
        if not ranked or ranked[0][1] < max(PRINCIPAL_QUOTES, 2 * (ranked[1][1] if len(ranked) > 1 else 0)):
            return None
        return next(sp for sp in reversed(people) if sp.name == ranked[0][0])

    def _spelt_out(self, acronym: str, char: int) -> str | None:
        """'the DOJ', 'FEC filings': the name the article spells those initials out as ('the
        Department of Justice', 'Federal Election Commission'), nearest before, else first after.
        The initials are of the capitalised words, or of every word ('DOJ')."""
        if not (2 <= len(acronym) <= MAX_INITIALS and acronym.isalpha() and acronym.isupper()):
            return None
        found = self._spelt_names().get(acronym, [])
        before = [name for start, name in found if start < char]
        return before[-1] if before else (found[0][1] if found else None)

    def _spelt_names(self) -> dict[str, list[tuple[int, str]]]:
        """Initials -> (where the run starts, the words they stand for), in text order. One scan
        of the article serves every all-capitals mention in it. A spelling has at most twice as
        many words as initials (joiners between them: 'Department of Justice')."""
        if self._spellings is not None:
            return self._spellings
        self._spellings = {}
        for run in CAPITALISED_RUN.finditer(text_of(self.doc)):
            if self._in_quote(run.start()):
                continue
            words = run.group().split()
            for i in range(len(words)):
                for j in range(i + 2, min(len(words), i + 2 * MAX_INITIALS) + 1):
                    part = words[i:j]
                    if part[0] in SPELT_JOINERS or part[-1] in SPELT_JOINERS:
                        continue
                    capitals = "".join(w[0] for w in part if w not in SPELT_JOINERS)
                    every = "".join(w[0].upper() for w in part if w != "&")
                    for initials in {capitals, every}:
                        if len(part) <= 2 * len(initials):
                            self._spellings.setdefault(initials, []).append((run.start(), " ".join(part)))
        return self._spellings


def document_author(head: Token, limit: int) -> Token | None:
    """'The email said': the author the article gave the same document before, within ``limit``
    characters ('an email was sent from the club's director, Jeremy Boreing', 'a handwritten
    note from Donald J. Trump', 'Cook provided a written statement'); None when it gave none."""
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children):
        return None
    for i in range(head.i - 1, -1, -1):
        earlier = head.doc[i]
        if head.idx - earlier.idx > limit:
            return None
        if earlier.pos_ == "NOUN" and earlier.lower_ == head.lower_:  # no lemmatiser in the pipeline
            return _author(earlier)
    return None


def _author(noun: Token) -> Token | None:
    def named(tok: Token) -> Token | None:
        if tok.pos_ == "PROPN":
            return tok
        return next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)

    # "a note from X", or "an email was sent from / by X": the sender.
    holders = [noun, noun.head] if noun.dep_ == "nsubjpass" else [noun]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("from", "by"):
                found = next((named(o) for o in prep.children if o.dep_ == "pobj" and named(o)), None)
                if found is not None:
                    return found
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "in" and verb.dep_ == "prep":
        verb = verb.head  # "Castellane said in a statement that ...": the one who said it
    elif noun.dep_ != "dobj":  # "Cook provided a written statement"
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return named(subject) if subject is not None else None
