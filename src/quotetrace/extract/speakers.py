"""Resolve a speaker mention ("he", "Blinken", "the secretary") to a canonical person.

No coreference model can be had offline, so this is a small, explainable
resolver: proper-name runs from the parse are the entities; surnames and
titles are merged with the full name introduced elsewhere in the article;
pronouns take the most recent entity outside quotation marks whose gender and
number agree, preferring people who were just quoted (the usual interview
pattern: '"...," Blinken said. He added ...').
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import numpy
from spacy.attrs import POS
from spacy.parts_of_speech import PROPN as PROPN_ID
from spacy.parts_of_speech import PUNCT as PUNCT_ID
from spacy.tokens import Doc, Span, Token

from quotetrace.extract.cues import text_of
from quotetrace.extract.lexicon import first_name_gender, titles
from quotetrace.records import SpeakerRef

PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we", "us"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
FIRST_PERSON = frozenset({"i", "me", "we", "us", "my", "our"})
DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "another",
        "some",
        "several",
        "many",
        "most",
        "few",
        "two",
        "three",
        "four",
        "other",
        "both",
        "all",
        "this",
        "that",
        "these",
        "those",
        "one",
    ]
)
ORG_WORDS = frozenset(
    [
        "post",
        "times",
        "news",
        "journal",
        "house",
        "department",
        "committee",
        "party",
        "campaign",
        "university",
        "inc",
        "corp",
        "association",
        "council",
        "agency",
        "office",
        "bureau",
        "court",
        "congress",
        "senate",
        "network",
        "cnn",
        "fbi",
        "cia",
        "administration",
        "commission",
        "foundation",
        "institute",
        "group",
        "center",
        "centre",
        "press",
        "tribune",
        "magazine",
        "company",
        "organization",
    ]
)


@dataclass(slots=True)
class Entity:
    name: str
    tokens: tuple[str, ...]
    gender: str = ""
    org: bool = False
    titles: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)


@dataclass(slots=True)
class NameMention:
    entity: Entity
    start: int  # char offset
    subject: bool


class SpeakerResolver:
    """Built once per Doc; ``resolve`` maps a mention's head token to a ``SpeakerRef``."""

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]]):
        self.doc = doc
        self.quoted = sorted(quoted)
        self.entities: dict[str, Entity] = {}
        self.mentions: list[NameMention] = []
        self.recent_speakers: list[tuple[int, Entity]] = []
        self._starts: list[int] = []
        self._speaker_chars: list[int] = []
        self._by_last: dict[str, list[NameMention]] = {}
        self._by_first: dict[str, list[NameMention]] = {}
        self._scan_names()

    # -- entities -------------------------------------------------------
    def _in_quote(self, char: int) -> bool:
        i = bisect.bisect_right(self.quoted, (char, float("inf"))) - 1
        return i >= 0 and self.quoted[i][0] <= char < self.quoted[i][1]

    def _before(self, char: int) -> list[NameMention]:
        """Mentions that start before ``char``, oldest first (mentions are kept sorted)."""
        return self.mentions[: bisect.bisect_left(self._starts, char)]

    def _scan_names(self) -> None:
        runs: list[list[Token]] = []
        run: list[Token] = []
        doc = self.doc
        pos = doc.to_array([POS]) if len(doc) else ()
        last = -2
        # Only proper nouns (and the hyphens inside names) are looked at as Token objects.
        for i in numpy.flatnonzero((pos == PROPN_ID) | (pos == PUNCT_ID)):
            tok = doc[int(i)]
            if tok.pos == PUNCT_ID and not (run and tok.text == "-" and int(i) == last + 1):
                continue
            if tok.pos == PROPN_ID and not tok.text[:1].isupper():
                continue
            if run and int(i) != last + 1:
                runs.append(run)
                run = []
            run.append(tok)
            last = int(i)
        if run:
            runs.append(run)
        by_full: dict[tuple[str, ...], Entity] = {}
        pending_single: list[tuple[list[Token], str, set[str]]] = []
        for run in runs:
            name_toks, run_titles, gender = self._strip_titles(run)
            if not name_toks:
                continue
            key = tuple(t.text for t in name_toks)
            if len(key) == 1:
                pending_single.append((name_toks, gender, run_titles))
                continue
            entity = by_full.get(key)
            if entity is None:
                entity = self._new_entity(name_toks, gender)
                by_full[key] = entity
            entity.titles |= run_titles
            self._add_mention(entity, name_toks)
        for name_toks, gender, run_titles in pending_single:
            entity = self._match_single(name_toks[0].text, name_toks[0].idx)
            if entity is None:
                key = (name_toks[0].text,)
                entity = by_full.get(key) or self._new_entity(name_toks, gender)
                by_full[key] = entity
            entity.titles |= run_titles
            if gender and not entity.gender:
                entity.gender = gender
            self._add_mention(entity, name_toks)
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]

    def _strip_titles(self, run: list[Token]) -> tuple[list[Token], set[str], str]:
        known = titles()
        cut, gender, found = 0, "", set()
        for i, tok in enumerate(run):
            word = tok.lower_
            if word in known:
                cut = i + 1
                found.add(word.rstrip("."))
                gender = known[word] or gender
        name = [t for t in run[cut:] if t.text not in ("-", "'s", "’s")]
        # "Secretary of State Antony Blinken": the run starts inside the title; a known first
        # name marks where the person's name begins.
        given = first_name_gender()
        for i, tok in enumerate(name[:-1]):
            if tok.lower_ in given and i > 0:
                found.update(t.lower_ for t in name[:i])
                name = name[i:]
                break
        # Preceding title outside the PROPN run: "the secretary, Antony Blinken" / "Sen. X".
        prev = run[0].nbor(-1) if run[0].i > 0 else None
        if prev is not None and prev.lower_ == "of" and prev.i > 0:
            prev = prev.nbor(-1)  # "Secretary of State ...", "Minister of Finance ..."
        if prev is not None and prev.lower_ in known:
            found.add(prev.lower_.rstrip("."))
            gender = known[prev.lower_] or gender
        return name, found, gender

    def _new_entity(self, name_toks: list[Token], gender: str) -> Entity:
        text = " ".join(t.text for t in name_toks)
        if not gender and len(name_toks) >= 2:
            gender = first_name_gender().get(name_toks[0].lower_, "")
        org = any(t.lower_ in ORG_WORDS for t in name_toks)
        entity = Entity(name=text, tokens=tuple(t.text for t in name_toks), gender=gender, org=org)
        self.entities[text] = entity
        return entity

    def _match_single(self, word: str, char: int) -> Entity | None:
        """A lone surname (or first name) joins the full name it abbreviates, nearest first."""
        candidates = self._by_last.get(word) or self._by_first.get(word, [])
        if not candidates:
            return None
        before = [m for m in candidates if m.start <= char]
        return (before[-1] if before else candidates[0]).entity

    def _add_mention(self, entity: Entity, name_toks: list[Token]) -> None:
        entity.aliases.add(" ".join(t.text for t in name_toks))
        head = name_toks[-1]
        subject = head.dep_ in ("nsubj", "nsubjpass") or (
            head.head.dep_ in ("nsubj", "nsubjpass") and head.head.i in range(name_toks[0].i, head.i + 3)
        )
        if self._in_quote(name_toks[0].idx):
            return
        mention = NameMention(entity, name_toks[0].idx, subject)
        self.mentions.append(mention)
        if len(entity.tokens) > 1:
            self._by_last.setdefault(entity.tokens[-1], []).append(mention)
            self._by_first.setdefault(entity.tokens[0], []).append(mention)

    # -- resolution -----------------------------------------------------
    def note_speaker(self, char: int, name: str) -> None:
        entity = self.entities.get(name)
        if entity is not None:
            self.recent_speakers.append((char, entity))
            self._speaker_chars.append(char)

    def resolve(self, head: Token) -> SpeakerRef | None:
        span = mention_span(head)
        if span is None:
            return None
        mention = span.text
        lower = head.lower_
        if lower in RELATIVE_PRONOUNS and head.head.dep_ in ("relcl", "acl") and head.head.head.i != head.i:
            antecedent = self.resolve(head.head.head)
            name = antecedent.name if antecedent else mention
        elif head.pos_ == "PRON" or lower in PRONOUN_GENDER or lower in PLURAL_PRONOUNS:
            if lower in FIRST_PERSON and not self._in_quote(head.idx):
                name = mention
            else:
                entity = self._antecedent(head.idx, PRONOUN_GENDER.get(lower, ""), lower in PLURAL_PRONOUNS)
                name = entity.name if entity else mention
        elif head.pos_ == "PROPN":
            name = self._name_for(_name_run(head)) or mention
        else:
            entity = self._title_antecedent(head, span)
            name = entity.name if entity else _strip_determiners(span)
        return SpeakerRef(name=name, mention=mention, start=span.start_char, end=span.end_char)

    def resolve_label(self, start: int, end: int) -> SpeakerRef:
        """A transcript or headline label: "PENCE" -> "Mike Pence", "Q" stays "Q"."""
        label = text_of(self.doc)[start:end]
        words = label.split()
        word = words[-1].title() if label.isupper() else words[-1]
        entity = self._match_single(word, start) if len(word) > 1 else None
        name = entity.name if entity else (label.title() if label.isupper() and len(label) > 2 else label)
        return SpeakerRef(name=name, mention=label, start=start, end=end)

    def _name_for(self, run: list[Token]) -> str | None:
        propn = [t for t in run if t.pos_ == "PROPN" and t.text[:1].isupper()]
        if not propn:
            return None
        name_toks, _, _ = self._strip_titles(propn)
        if not name_toks:
            return None
        key = " ".join(t.text for t in name_toks)
        if len(name_toks) == 1:
            entity = self._match_single(key, name_toks[0].idx)
            if entity is not None:
                return entity.name
        entity = self.entities.get(key)
        return entity.name if entity else key

    def _antecedent(self, char: int, gender: str, plural: bool) -> Entity | None:
        def agrees(entity: Entity) -> bool:
            if plural:
                return entity.org
            if entity.org:
                return False
            return not gender or entity.gender in ("", gender)

        # The last quoted speaker wins when they agree and nobody else was named since.
        recent = self.recent_speakers[: bisect.bisect_left(self._speaker_chars, char)]
        earlier = self._before(char)
        since = recent[-1][0] if recent else -1
        named_since = earlier[bisect.bisect_right(self._starts, since) :] if recent else earlier
        if (
            recent
            and agrees(recent[-1][1])
            and not any(agrees(m.entity) and m.entity is not recent[-1][1] and m.subject for m in named_since)
        ):
            return self._bind(recent[-1][1], gender)
        best: Entity | None = None
        for m in reversed(earlier):
            if not agrees(m.entity):
                continue
            if not gender or m.entity.gender == gender:
                return self._bind(m.entity, gender)
            best = best or m.entity
        return self._bind(best, gender) if best else None

    @staticmethod
    def _bind(entity: Entity, gender: str) -> Entity:
        # A pronoun that resolves to a person also tells us that person's gender.
        if gender and not entity.gender:
            entity.gender = gender
        return entity

    def _title_antecedent(self, head: Token, span: Span) -> Entity | None:
        word = head.lower_.rstrip(".")
        if word not in titles() or not any(t.lower_ in ("the", "this") for t in span[:1]):
            return None
        for m in reversed(self._before(head.idx)):
            if word in m.entity.titles:
                return m.entity
        return None


def mention_span(head: Token) -> Span | None:
    """The speaker's noun phrase: the subject's whole subtree, appositives included.

    PolNeAR marks sources that way ("Dean, a former DNC chairman,"), and the
    apposition is useful context for a reader; the canonical name is separate.
    A subtree that runs into a verb's clause ("X, who said ...") is cut there.
    """
    doc = head.doc
    toks = [t for t in head.subtree if t.dep_ != "punct" or head.i > t.i > head.left_edge.i]
    left = min(t.i for t in toks) if toks else head.i
    right = max(t.i for t in toks) if toks else head.i
    span = doc[left : right + 1]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    while len(span) > 1 and (span[0].is_punct or span[0].is_space):
        span = span[1:]
    return span if len(span) else None


def _name_run(head: Token) -> list[Token]:
    """The contiguous run of proper nouns that ends at (or contains) the head: "Antony Blinken"."""
    doc = head.doc
    left = head.i
    while left > 0 and doc[left - 1].pos_ == "PROPN":
        left -= 1
    right = head.i
    while right + 1 < len(doc) and doc[right + 1].pos_ == "PROPN" and doc[right + 1].head.i == head.i:
        right += 1
    return list(doc[left : right + 1])


def _strip_determiners(span: Span) -> str:
    words = [t for t in span if not t.is_punct]
    while len(words) > 1 and words[0].lower_ in DETERMINERS:
        words = words[1:]
    return " ".join(t.text for t in words)
