"""Resolve a speaker mention ("he", "Blinken", "the secretary") to a canonical speaker.

No coreference model can be had offline, so this is a small, explainable
resolver that reads like a reader: proper-name runs from the parse are the
entities (names and descriptors split by ``speaker_names``); surnames and roles
("the director") join the full name introduced elsewhere in the article;
pronouns score the candidates before them on gender and number agreement,
person vs organisation vs group, salience (subjects, recency) and the quote
paragraph convention ('"...," Blinken said. "...," he added.': the last speaker
continues unless another person was introduced in between). The margin between
the best two candidates gives the confidence; close ones make it ambiguous.
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
from quotetrace.extract.lexicon import first_name_gender
from quotetrace.extract.speaker_names import (
    description,
    expand_abbreviation,
    in_lexicon,
    is_document,
    name_inside,
    name_run,
    name_type,
    name_words,
    noun_type,
    org_words,
    roles,
    strip_titles,
)
from quotetrace.records import SpeakerRef

PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we", "us"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
FIRST_PERSON = frozenset({"i", "me", "we", "us", "my", "our"})
WINDOW = 2500  # characters back that a pronoun looks for its antecedent
AMBIGUOUS_MARGIN = 0.8  # second-best score at least this share of the best: ambiguous


@dataclass(slots=True)
class Entity:
    name: str
    words: tuple[str, ...]
    gender: str = ""
    type: str = "person"
    titles: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)


@dataclass(slots=True)
class NameMention:
    entity: Entity
    start: int  # char offset
    subject: bool


@dataclass(slots=True)
class Spoken:
    """A speaker the article has quoted, as a pronoun may continue it."""

    start: int
    name: str
    type: str
    gender: str
    entity: Entity | None


class SpeakerResolver:
    """Built once per Doc; ``resolve`` maps a mention's head token to a ``SpeakerRef``."""

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]]):
        self.doc = doc
        self.quoted = sorted(quoted)
        self.entities: dict[str, Entity] = {}
        self.mentions: list[NameMention] = []
        self.spoken: list[Spoken] = []
        self._refs: dict[str, SpeakerRef] = {}
        self._starts: list[int] = []
        self._by_word: dict[str, list[NameMention]] = {}
        self._scan_names()

    # -- entities -------------------------------------------------------
    def _in_quote(self, char: int) -> bool:
        i = bisect.bisect_right(self.quoted, (char, float("inf"))) - 1
        return i >= 0 and self.quoted[i][0] <= char < self.quoted[i][1]

    def _before(self, char: int) -> list[NameMention]:
        """Mentions that start before ``char``, oldest first (mentions are kept sorted)."""
        return self.mentions[: bisect.bisect_left(self._starts, char)]

    def _runs(self) -> list[list[Token]]:
        runs: list[list[Token]] = []
        run: list[Token] = []
        doc = self.doc
        pos = doc.to_array([POS]) if len(doc) else ()
        last = -2
        # Only proper nouns (and the hyphens inside names) are looked at as Token objects.
        for i in numpy.flatnonzero((pos == PROPN_ID) | (pos == PUNCT_ID)):
            tok = doc[int(i)]
            if tok.pos == PUNCT_ID and not (
                run and tok.text == "-" and int(i) == last + 1 and not tok.whitespace_
            ):
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
        return runs

    def _scan_names(self) -> None:
        by_full: dict[tuple[str, ...], Entity] = {}
        pending: list[tuple[list[Token], tuple[str, ...], str, set[str]]] = []
        for run in self._runs():
            name_toks, run_titles, gender = strip_titles(run)
            if not name_toks:
                continue
            key = tuple(name_words(name_toks))
            if not key:
                continue
            run_titles |= _descriptors(name_toks[-1])
            if len(key) == 1:
                pending.append((name_toks, key, gender, run_titles))
                continue
            entity = by_full.get(key)
            if entity is None:
                entity = self._new_entity(name_toks, key, gender)
                by_full[key] = entity
            entity.titles |= run_titles
            self._add_mention(entity, name_toks, key)
        # Lone words join the full name they abbreviate once every full name is known.
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        for name_toks, key, gender, run_titles in pending:
            entity = self._match_single(key[0], name_toks[0].idx)
            if entity is None:
                entity = by_full.get(key) or self._new_entity(name_toks, key, gender)
                by_full[key] = entity
            entity.titles |= run_titles
            if gender and not entity.gender:
                entity.gender = gender
            self._add_mention(entity, name_toks, key)
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]

    def _new_entity(self, name_toks: list[Token], key: tuple[str, ...], gender: str) -> Entity:
        if not gender and len(key) >= 2:
            gender = first_name_gender().get(key[0].lower(), "")
        entity = Entity(name=" ".join(key), words=key, gender=gender, type=name_type(name_toks))
        self.entities.setdefault(entity.name, entity)
        return self.entities[entity.name]

    def _match_single(self, word: str, char: int) -> Entity | None:
        """A lone surname (or first or middle name) joins the full name nearest before it."""
        candidates = self._by_word.get(word, [])
        if not candidates:
            return None
        before = [m for m in candidates if m.start <= char]
        return (before[-1] if before else candidates[0]).entity

    def _add_mention(self, entity: Entity, name_toks: list[Token], key: tuple[str, ...]) -> None:
        entity.aliases.add(" ".join(key))
        head = name_toks[-1]
        subject = head.dep_ in ("nsubj", "nsubjpass") or (
            head.head.dep_ in ("nsubj", "nsubjpass") and head.head.i in range(name_toks[0].i, head.i + 3)
        )
        if self._in_quote(name_toks[0].idx):
            return
        mention = NameMention(entity, name_toks[0].idx, subject)
        self.mentions.append(mention)
        if len(entity.words) > 1:
            for word in entity.words[1:] + entity.words[:1]:
                self._by_word.setdefault(word, []).append(mention)

    # -- resolution -----------------------------------------------------
    def note_speaker(self, char: int, name: str) -> None:
        ref = self._refs.get(name)
        entity = self.entities.get(name)
        kind = ref.type if ref else (entity.type if entity else "unknown")
        gender = entity.gender if entity else ""
        if ref is not None and not gender:
            gender = PRONOUN_GENDER.get(ref.mention.lower(), "") or roles().get(
                ref.mention.split()[-1].lower(), ""
            )
        if self.spoken and self.spoken[-1].start > char:
            return
        self.spoken.append(Spoken(char, name, kind, gender, entity))

    def resolve(self, head: Token) -> SpeakerRef | None:
        span = mention_span(head)
        if span is None:
            return None
        ref = self._resolve(head, span)
        if ref is not None:
            self._refs.setdefault(ref.name, ref)
        return ref

    def _resolve(self, head: Token, span: Span) -> SpeakerRef:
        mention = span.text
        lower = head.lower_

        def ref(name: str, kind: str, confidence: float, candidates: list[str] | None = None) -> SpeakerRef:
            return SpeakerRef(
                name=name,
                mention=mention,
                start=span.start_char,
                end=span.end_char,
                type=kind,
                confidence=round(confidence, 3),
                candidates=candidates or [],
                ambiguous=bool(candidates),
            )

        if lower in RELATIVE_PRONOUNS and head.head.dep_ in ("relcl", "acl") and head.head.head.i != head.i:
            antecedent = self.resolve(head.head.head)
            if antecedent is not None:
                return ref(
                    antecedent.name, antecedent.type, antecedent.confidence * 0.95, antecedent.candidates
                )
            return ref(mention, "unknown", 0.3)
        if head.pos_ == "PRON" or lower in PRONOUN_GENDER or lower in PLURAL_PRONOUNS:
            if lower in FIRST_PERSON and not self._in_quote(head.idx):
                return ref(mention, "unknown", 0.2)  # the writer, or a speaker the page does not name
            found = self._antecedent(head.idx, PRONOUN_GENDER.get(lower, ""), lower in PLURAL_PRONOUNS)
            if found is None:
                return ref(mention, "unknown", 0.2)
            name, kind, confidence, others = found
            return ref(name, kind, confidence, others)
        if head.pos_ == "PROPN":
            entity = self._match_single(head.text, head.idx) if len(name_run(head)) == 1 else None
            if entity is not None:
                return ref(entity.name, entity.type, 0.9)  # "May" for Mark May, never the month
            named = self._name_for(name_run(head))
            if named is not None:
                name, kind, confidence = named
                return ref(name, kind, confidence)
        if head.text[:1].isupper() and head.pos_ != "PROPN":
            # The tagger sometimes misses a surname it saw as a name earlier: "Lund said".
            entity = self._match_single(head.text, head.idx) or self.entities.get(head.text)
            if entity is not None:
                return ref(entity.name, entity.type, 0.85)
        inner = name_inside(head)
        if inner is not None:
            named = self._name_for(name_run(inner))
            if named is not None:
                name, kind, confidence = named
                return ref(name, kind, confidence * 0.95)
        linked = self._role_antecedent(head, span)
        if linked is not None:
            return ref(linked.name, linked.type, 0.75)
        kind = noun_type(head)
        if is_document(head.lower_):
            return ref(description(span, head), "unknown", 0.3)  # a document with no one behind it
        return ref(description(span, head), kind, 0.6 if kind != "unknown" else 0.4)

    def resolve_label(self, start: int, end: int) -> SpeakerRef:
        """A transcript or headline label: "PENCE" -> "Mike Pence", "Q" stays "Q"."""
        label = text_of(self.doc)[start:end]
        words = label.replace(".", " ").split()
        word = words[-1].title() if label.isupper() else words[-1]
        entity = self._match_single(word, start) if len(word) > 1 else None
        title = expand_abbreviation(words)
        if entity is None and title is not None:
            entity = self._titled(title.split()[0], start, title)
        if entity is None and label.isupper() and 2 <= len(label) <= 3:
            entity = self._initials(label, start)
        name = entity.name if entity else (label.title() if label.isupper() and len(label) > 3 else label)
        kind = entity.type if entity else "unknown"
        out = SpeakerRef(name=name, mention=label, start=start, end=end, type=kind)
        out.confidence = 0.85 if entity else 0.4
        self._refs.setdefault(out.name, out)
        return out

    def _initials(self, label: str, char: int) -> Entity | None:
        """'AD' and 'OW' in an interview transcript: the people with those initials."""
        matches = [
            e
            for e in self.entities.values()
            if e.type == "person" and len(e.words) >= 2 and "".join(w[0] for w in e.words).upper() == label
        ]
        return matches[0] if len(matches) == 1 else None

    def _name_for(self, run: list[Token]) -> tuple[str, str, float] | None:
        propn = [t for t in run if (t.pos_ == "PROPN" and t.text[:1].isupper()) or t.text == "-"]
        if not propn:
            return None
        name_toks, found, _ = strip_titles(propn)
        if not name_toks:
            title = expand_abbreviation([t.text for t in propn])
            entity = self._titled(title.split()[0], propn[0].idx, title) if title else None
            return (entity.name, entity.type, 0.8) if entity else None
        key = tuple(name_words(name_toks))
        if len(key) == 1:
            entity = self._match_single(key[0], name_toks[0].idx)
            if entity is not None:
                return entity.name, entity.type, 0.9
            title = expand_abbreviation(key)
            entity = self._titled(title.split()[0], name_toks[0].idx, title) if title else None
            if entity is not None:
                return entity.name, entity.type, 0.8
        entity = self.entities.get(" ".join(key))
        if entity is not None:
            return entity.name, entity.type, 0.95 if len(key) > 1 else 0.8
        return " ".join(key), name_type(name_toks), 0.7

    def _titled(self, word: str, char: int, full: str = "") -> Entity | None:
        """The person the article gave this title, nearest before ``char`` (else the first after)."""
        wanted = {word, *full.split()} - {"of", "the"}
        hits = [m for m in self.mentions if m.entity.titles & wanted and m.entity.type == "person"]
        if full and len(wanted) > 1:
            strict = [m for m in hits if wanted <= m.entity.titles]
            hits = strict or hits
        before = [m for m in hits if m.start < char]
        pick = before[-1] if before else (hits[0] if hits else None)
        return pick.entity if pick else None

    def _role_antecedent(self, head: Token, span: Span) -> Entity | Spoken | None:
        """'the director', 'the then chancellor', 'the station's forecaster': the person so described."""
        word = head.lower_.rstrip(".")
        definite = any(t.lower_ in ("the", "this", "that") or t.dep_ == "poss" for t in span[:3])
        if not definite or head.tag_ in ("NNS", "NNPS"):
            return None
        if word in roles() or in_lexicon(word, roles()):
            entity = self._titled(word, head.idx)
            if entity is not None:
                return entity
        if in_lexicon(word, org_words()) or head.text[:1].isupper():
            # "the agency", "the department": the organisation named with that word before.
            for m in reversed(self._before(head.idx)):
                if m.entity.type != "person" and m.entity.words[-1].lower() == word:
                    return m.entity
        if any(t.lower_ == "same" for t in span[:3]):
            # "the same official told Reuters": the person quoted last.
            person = next(
                (sp for sp in reversed(self.spoken) if sp.start < head.idx and sp.type == "person"), None
            )
            if person is not None:
                return person
        # "a source close to the investigation said ... The source added": the same description.
        for spoken in reversed(self.spoken):
            if spoken.start >= head.idx or head.idx - spoken.start > WINDOW:
                break
            ref = self._refs.get(spoken.name)
            if ref is not None and ref.mention.split() and _head_word(ref.mention) == word:
                return spoken
        return None

    def _antecedent(self, char: int, gender: str, plural: bool) -> tuple[str, str, float, list[str]] | None:
        scores: dict[str, float] = {}
        kinds: dict[str, str] = {}
        genders: dict[str, str] = {}

        def agrees(kind: str, known: str) -> bool:
            if plural:
                return kind in ("organisation", "group", "unknown")
            if kind in ("organisation", "group"):
                return False
            return not gender or known in ("", gender)

        def typed(kind: str) -> float:
            # A name of unknown kind may be a headline or a place: a weaker antecedent.
            return -0.5 if kind == "unknown" else 0.0

        para = self._para_start(char)
        window = [m for m in self._before(char) if char - m.start <= WINDOW]
        for rank, m in enumerate(reversed(window)):
            e = m.entity
            if not agrees(e.type, e.gender):
                continue
            score = (
                1.0 / (1 + rank)
                + (0.6 if m.subject else 0.0)
                + (0.3 if gender and e.gender == gender else 0.0)
            )
            score += (0.2 if m.start >= para else 0.0) + typed(e.type)
            scores[e.name] = max(scores.get(e.name, 0.0), score)
            kinds[e.name], genders[e.name] = e.type, e.gender
        recent = [s for s in self.spoken if s.start < char and char - s.start <= WINDOW]
        if recent:
            last = recent[-1]
            if agrees(last.type, last.gender):
                introduced = [
                    m
                    for m in window
                    if m.start > last.start
                    and m.subject
                    and m.entity.name != last.name
                    and agrees(m.entity.type, m.entity.gender)
                ]
                bonus = 0.4 if introduced else 1.6
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
        if entity is not None and gender and not entity.gender:
            entity.gender = gender  # a pronoun that resolves to a person tells us their gender
        return best, kinds.get(best, "person"), min(confidence, 0.95), close

    def _para_start(self, char: int) -> int:
        text = text_of(self.doc)
        return text.rfind("\n", 0, char) + 1


def _head_word(mention: str) -> str:
    words = [w for w in mention.lower().replace(",", " ").split() if w.isalpha()]
    stop = {"who", "which", "that", "close", "to", "of", "in", "at", "with", "for"}
    head = []
    for w in words:
        if w in stop:
            break
        head.append(w)
    return head[-1] if head else ""


def _descriptors(name_tok: Token) -> set[str]:
    """Role nouns the text attaches to a name: "Don Marshall, the foundation's executive director"."""
    out = set()
    for tok in (*name_tok.children, name_tok.head):
        related = tok.dep_ in ("appos", "compound") or (
            tok is name_tok.head and name_tok.dep_ in ("appos", "compound")
        )
        if related and tok.pos_ == "NOUN":
            out.add(tok.lower_)
            out.update(
                c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ")
            )
    return out


def mention_span(head: Token) -> Span | None:
    """The speaker's noun phrase: the subject's whole subtree, appositives included.

    PolNeAR marks sources that way ("Dean, a former DNC chairman,"), and the
    apposition is useful context for a reader; the canonical name is separate.
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
