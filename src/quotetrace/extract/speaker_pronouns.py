"""Pronoun antecedents: the candidates a "he", "she" or "they" may mean, and how they score.

Candidates within the last ``WINDOW`` characters are scored on gender and number agreement,
person vs organisation vs group, salience (main-clause subjects; a person who is the subject
of an adverbial clause earlier in the pronoun's own sentence), recency and paragraph, and the
quote-paragraph convention: the person quoted last continues unless another was introduced as a
subject in between. ``SpeakerResolver`` builds on this with names, roles and labels.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import TAG
from spacy.tokens import Doc, Token

from quotetrace.extract.cues import text_of
from quotetrace.extract.lexicon import FIRST_PERSON, PLURAL_PRONOUNS, VIEW_PREPOSITIONS
from quotetrace.extract.speaker_entities import (
    SUBORDINATE,
    Entity,
    EntityIndex,
    NameMention,
    Spoken,
    headline_end,
)
from quotetrace.extract.speaker_names import description, mention_span, noun_type, roles
from quotetrace.records import SpeakerRef
from quotetrace.text.lexicon import word_class

PRONOUN_GENDER = {word: "m" for word in word_class("male_pronoun")} | {
    word: "f" for word in word_class("female_pronoun")
}
NEUTER = "n"
WINDOW = 2500  # characters back that a pronoun looks for its antecedent
TWEET_SIGNATURE = re.compile(r"^[—–-]\s*([^()@]{2,60}?)\s*\(@\w{1,30}\)")
AMBIGUOUS_MARGIN = 0.8  # second-best score at least this share of the best: ambiguous


# A byline: 'By' and two to four capitalised words, alone on its line or before a comma.
BYLINE_NAME = r"By[ \t]+((?:[A-Z][\w.'’-]*[ \t]+){1,3}[A-Z][\w'’-]+)[ \t]*"
BYLINE = re.compile(r"^[ \t]*" + BYLINE_NAME + r"(?:,[^\n]*)?$", re.M)
# One that ends a magazine's standfirst ('... she did not build. By Nora Quist'): the line ends
# with the name ('. By Friday Evening, crews ...' is a sentence).
STANDFIRST_BYLINE = re.compile(r"(?<=[.!?][ \t])[ \t]*" + BYLINE_NAME + "$", re.M)
BYLINE_REACH = 600  # the byline stands under the headline, before the story


class PronounIndex(EntityIndex):
    """The article's names and the speakers quoted so far, for pronouns to look back on."""

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]]):
        self.spoken: list[Spoken] = []
        self._refs: dict[str, SpeakerRef] = {}
        self._groups: list[NameMention] | None = None
        self._scopes: dict[int, tuple[int, int]] = {}  # group mention start -> its clause
        super().__init__(doc, quoted)

    def _group_mentions(self) -> list[NameMention]:
        """Plural nouns for people that a "they" may mean besides names: a subject ('her
        Republican rivals have called ...', 'officials met ...') or the people whose view a
        sentence opens with ('To her supporters, ...'). Found on the first "they" only."""
        if self._groups is not None:
            return self._groups
        doc = self.doc
        tags = doc.to_array([TAG]) if len(doc) else numpy.zeros(0)
        found = []
        for i in numpy.flatnonzero(tags == doc.vocab.strings["NNS"]):
            tok = doc[int(i)]
            if noun_type(tok) != "group" or self._in_quote(tok.idx):
                continue
            verb = tok.head
            frame = (
                tok.dep_ == "pobj"
                and verb.lower_ in VIEW_PREPOSITIONS
                and verb.head.dep_ == "ROOT"
                and verb.i < verb.head.i
            )
            if tok.dep_ not in ("nsubj", "nsubjpass") and not frame:
                continue
            main = frame or verb.dep_ not in SUBORDINATE
            span = mention_span(tok)
            name = description(span, tok) if span is not None else tok.text
            entity = Entity(name=name, words=(tok.lower_,), type="group")
            start = span.start_char if span is not None else tok.idx
            # Any clause's subject is salient for a "they" inside that clause ('as her rivals
            # have called for ... what they say was ...'), not for one after it ('until voters
            # head to the polls, they argued').
            self._scopes[start] = (verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge))
            found.append(NameMention(entity, start, main))
        self._groups = found
        return found

    def note_speaker(self, char: int, name: str) -> None:
        ref = self._refs.get(name)
        entity = self.entities.get(name)
        kind = ref.type if ref else (entity.type if entity else "unknown")
        if entity is not None and entity.type in ("place", "work"):
            kind = entity.type  # printed as an organisation or unknown, still no antecedent
        gender = entity.gender if entity else ""
        if ref is not None and not gender:
            gender = PRONOUN_GENDER.get(ref.mention.lower(), "") or roles().get(
                ref.mention.split()[-1].lower(), ""
            )
        if self.spoken and self.spoken[-1].start > char:
            return
        self.spoken.append(Spoken(char, name, kind, gender, entity))

    def _antecedent(self, char: int, gender: str, plural: bool) -> tuple[str, str, float, list[str]] | None:
        scores: dict[str, float] = {}
        kinds: dict[str, str] = {}
        genders: dict[str, str] = {}

        def agrees(kind: str, known: str) -> bool:
            if gender == NEUTER:
                return kind in ("organisation", "place", "unknown")  # "Amazon ... it said"
            if kind in ("place", "work"):
                return False  # "Florida", "the Oval Office", "the film Night Harbor": no "he"
            if plural:
                return kind in ("organisation", "group", "unknown")
            if kind in ("organisation", "group"):
                return False
            return not gender or known in ("", gender)

        def typed(kind: str) -> float:
            # A name of unknown kind may be a headline or a place: a weaker antecedent.
            return -0.5 if kind == "unknown" else 0.0

        para = self._para_start(char)
        sentence = self._sentence_start(char)
        body = headline_end(text_of(self.doc))
        named = self._before(char)
        if plural:
            groups = [m for m in self._group_mentions() if m.start < char]
            named = sorted(named + groups, key=lambda m: m.start)
        # 'Ms. Nwanguma was shocked, she said' reports on herself; 'they' reports on others.
        told = self._reported_subjects(char) if plural else []
        window = [
            m
            for m in named
            if char - m.start <= WINDOW and m.start >= body and not any(a <= m.start < b for a, b in told)
        ]

        def salient(m: NameMention) -> bool:
            # A person who is the subject of an adverbial clause earlier in the pronoun's own
            # sentence is who it goes on about: 'When Ruiz was asked about it, he said ...'.
            # Not a reported clause's subject ('Trump isn't a conservative, he said').
            if m.entity.type == "group" and m.start in self._scopes:
                first, last = self._scopes[m.start]
                return m.subject or first <= char < last
            return m.subject or (m.adverbial and m.start >= sentence and m.entity.type == "person")

        for rank, m in enumerate(reversed(window)):
            e = m.entity
            if not agrees(e.type, e.gender):
                continue
            score = (
                1.0 / (1 + rank)
                + (0.6 if salient(m) else 0.0)
                + (0.3 if gender and e.gender == gender else 0.0)
            )
            score += (0.2 if m.start >= para else 0.0) + typed(e.type)
            scores[e.name] = max(scores.get(e.name, 0.0), score)
            kinds[e.name], genders[e.name] = e.type, e.gender
        # A document or a title quoted last is no "he" or "she": only people continue a quote;
        # nor is a place or a work, so the person quoted before it still does.
        recent = [
            s
            for s in self.spoken
            if s.start < char
            and char - s.start <= WINDOW
            and (plural or gender == NEUTER or s.type != "unknown")
            and (gender == NEUTER or s.type not in ("place", "work"))
        ]
        if recent:
            last = recent[-1]
            if agrees(last.type, last.gender):
                introduced = [
                    m
                    for m in window
                    if m.start > last.start
                    and salient(m)
                    and m.entity.name != last.name
                    and agrees(m.entity.type, m.entity.gender)
                ]
                bonus = 0.1 if introduced else 1.6
                scores[last.name] = scores.get(last.name, 0.0) + bonus
                kinds.setdefault(last.name, last.type)
                genders.setdefault(last.name, last.gender)
        if not scores:
            return None
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        best, top = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        close = [n for n, s in ranked[1:3] if s >= AMBIGUOUS_MARGIN * top]
        confidence = 0.45 + 0.5 * (top - second) / top if top else 0.3
        entity = self.entities.get(best)
        if entity is not None and gender and gender != NEUTER and not entity.gender:
            entity.gender = gender  # a pronoun that resolves to a person tells us their gender
        return best, kinds.get(best, "person"), min(confidence, 0.95), close

    def _reported_subjects(self, char: int) -> list[tuple[int, int]]:
        """Where the subjects of the clause a plural pronoun reports stand: 'Russia is blocking
        the talks, they say' is about Russia, and 'they' are others (as in 'they said Russia ...')."""
        tokens = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if tokens is None or not len(tokens):
            return []
        pronoun = tokens[0]
        verb = pronoun.head
        reported = [c for c in verb.children if c.dep_ == "ccomp"]
        # A cue set after its content by a comma; not 'Zimmerman said he planned ...', where
        # the pronoun opens the content of another speaker's cue.
        after_comma = pronoun.i > 0 and pronoun.nbor(-1).text == ","
        if verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and after_comma:
            reported.append(verb.head)
        return [
            (sub.left_edge.idx, sub.right_edge.idx + len(sub.right_edge))
            for clause in reported
            for sub in clause.children
            if sub.dep_ in ("nsubj", "nsubjpass")
        ]

    def _tweet_signature(self, char: int) -> Entity | None:
        """'I hope to fly ...' followed by the line '— Tony Fernandes (@tonyfernandes) December 31'."""
        text = text_of(self.doc)
        end = text.find("\n", char)
        if end < 0:
            return None
        line = text[end + 1 : text.find("\n", end + 1) if text.find("\n", end + 1) > 0 else len(text)]
        match = TWEET_SIGNATURE.match(line.strip())
        if match is None:
            return None
        words = match.group(1).split()
        return self.entities.get(" ".join(words)) or (self._match_single(words[-1], char) if words else None)

    def writer(self, head: Token) -> str | None:
        """The byline's name when ``head`` is the writer's own first person outside quotations."""
        if head.lower_ not in FIRST_PERSON or head.lower_ in PLURAL_PRONOUNS or self._in_quote(head.idx):
            return None
        return self._byline()

    def _byline(self) -> str | None:
        """'By Nora Quist' (', Staff Writer') on a line of its own near the top: who the story's
        own 'I' is ('When I asked her ...', 'she told me')."""
        top = text_of(self.doc)[:BYLINE_REACH]
        match = BYLINE.search(top) or STANDFIRST_BYLINE.search(top)
        if match is None:
            return None
        words = match.group(1).split()
        entity = self.entities.get(" ".join(words))
        return entity.name if entity is not None else " ".join(words)

    def _sentence_start(self, char: int) -> int:
        tokens = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return tokens[0].sent.start_char if tokens is not None and len(tokens) else char

    def _para_start(self, char: int) -> int:
        text = text_of(self.doc)
        return text.rfind("\n", 0, char) + 1
