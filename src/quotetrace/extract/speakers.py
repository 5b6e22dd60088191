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

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from quotetrace.extract.cues import text_of
from quotetrace.extract.speaker_calibration import calibrated
from quotetrace.extract.speaker_entities import Entity, EntityIndex, Spoken, headline_end
from quotetrace.extract.speaker_names import (
    description,
    expand_abbreviation,
    head_word,
    in_lexicon,
    is_document,
    mention_span,
    name_inside,
    name_run,
    name_type,
    name_words,
    non_person_words,
    noun_type,
    org_nouns,
    org_words,
    roles,
    strip_titles,
)
from quotetrace.records import Speaker, SpeakerRef
from quotetrace.text.lexicon import word_class

PRONOUN_GENDER = {word: "m" for word in word_class("male_pronoun")} | {
    word: "f" for word in word_class("female_pronoun")
}
PLURAL_PRONOUNS = frozenset(word_class("plural_pronoun"))
RELATIVE_PRONOUNS = frozenset(word_class("relative_pronoun"))
INDEFINITE = frozenset(word_class("indefinite_pronoun"))
FIRST_PERSON = frozenset(word_class("first_person_pronoun"))
ARTICLES = frozenset(word_class("article"))
DEFINITE = frozenset(word_class("definite_determiner"))
EPITHETS = frozenset(word_class("epithet_role"))
NOT_THE_SAME = frozenset(word_class("name_determiner"))  # 'the other official', 'the two envoys'
EPITHET_DEPS = frozenset({"det", "amod", "compound", "punct", "relcl"})
WINDOW = 2500  # characters back that a pronoun looks for its antecedent
TWEET_SIGNATURE = re.compile(r"^[—–-]\s*([^()@]{2,60}?)\s*\(@\w{1,30}\)")
AGE_DESCRIPTION = re.compile(r"\b(\d{1,3})-year-old$")  # 'the 61-year-old', not '-old boy'
AMBIGUOUS_MARGIN = 0.8  # second-best score at least this share of the best: ambiguous


class SpeakerResolver(EntityIndex):
    """Built once per Doc; ``resolve`` maps a mention's head token to a ``SpeakerRef``."""

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]]):
        self.spoken: list[Spoken] = []
        self._refs: dict[str, SpeakerRef] = {}
        super().__init__(doc, quoted)

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
        ref.confidence = round(calibrated(ref.confidence), 3)
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
            antecedent_span = mention_span(head.head.head)
            antecedent = self._resolve(head.head.head, antecedent_span) if antecedent_span else None
            if antecedent is not None:
                return ref(
                    antecedent.name, antecedent.type, antecedent.confidence * 0.95, antecedent.candidates
                )
            return ref(mention, "unknown", 0.3)
        if head.pos_ == "PRON" or lower in PRONOUN_GENDER or lower in PLURAL_PRONOUNS:
            if lower in INDEFINITE:
                return ref(mention, "person", 0.3)  # "someone said": nobody the article names
            if lower in FIRST_PERSON and not self._in_quote(head.idx):
                signed = self._tweet_signature(head.idx)
                if signed is not None:
                    return ref(signed.name, signed.type, 0.8)  # an embedded tweet and its author line
                return ref(mention, "unknown", 0.2)  # the writer, or a speaker the page does not name
            found = self._antecedent(head.idx, PRONOUN_GENDER.get(lower, ""), lower in PLURAL_PRONOUNS)
            if found is None:
                return ref(mention, "unknown", 0.2)
            name, kind, confidence, others = found
            return ref(name, kind, confidence, others)
        if head.pos_ == "PROPN" and self._quoted_title(span):
            return ref(mention.strip("\"“”'‘’ "), "unknown", 0.2)  # '"Night Harbor" tells ...': a title
        if head.pos_ == "PROPN":
            entity = self._match_single(head.text, head.idx) if len(name_run(head)) == 1 else None
            if entity is not None:
                return ref(entity.name, entity.type, 0.9)  # "May" for Mark May, never the month
            named = self._name_for(name_run(head))
            if named is not None:
                name, kind, confidence = named
                if kind != "person" and " " not in name:
                    mayor = self._titled("mayor", head.idx)
                    if mayor is not None and name.lower() in mayor.titles:
                        return ref(mayor.name, mayor.type, 0.7)  # "Springfield said": its mayor speaks
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
        aged = self._aged(span)
        if aged is not None:
            return ref(aged.name, aged.type, 0.85)
        linked = self._role_antecedent(head, span)
        if linked is not None:
            return ref(linked.name, linked.type, 0.75)
        kind = noun_type(head)
        if is_document(head.lower_):
            return ref(description(span, head), "unknown", 0.3)  # a document with no one behind it
        return ref(description(span, head), kind, 0.6 if kind != "unknown" else 0.4)

    def annotate(self, speakers: list[Speaker]) -> None:
        """Fill each article speaker's type and descriptors (titles kept out of the name)."""
        for speaker in speakers:
            entity = self.entities.get(speaker.name)
            ref = self._refs.get(speaker.name)
            speaker.type = entity.type if entity else (ref.type if ref else "unknown")
            if entity is not None:
                speaker.titles = sorted(entity.titles)

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
        if entity is None and label.lower() in non_person_words():
            out = SpeakerRef(name=label, mention=label, start=start, end=end, type="unknown")
            out.confidence = round(calibrated(0.2), 3)  # "NEW:", "UPDATE:": a kicker, not a speaker
            return out
        kind = entity.type if entity else "unknown"
        out = SpeakerRef(name=name, mention=label, start=start, end=end, type=kind)
        out.confidence = round(calibrated(0.85 if entity else 0.4), 3)
        self._refs.setdefault(out.name, out)
        return out

    def _quoted_title(self, span: Span) -> bool:
        """The name is a title in quotation marks, or a work named as one ("the novel The Road")."""
        if self._in_quote(span.start_char) and self._in_quote(span.end_char - 1):
            return True
        head = span.root
        if any(
            is_document(t.lower_) and t.dep_ in ("compound", "appos", "nmod") and t.head.i == head.i
            for t in span
        ):
            return True  # "the film Night Harbor", "Night Harbor, the novel"
        before = span[0].i - 1
        while before >= 0 and span.doc[before].lower_ in ARTICLES:
            before -= 1
        if before < 0:
            return False
        work = span.doc[before]
        # "the novel The Road" (linked in the parse), not "a charge Okafor dismissed" (a clause).
        siblings = work.head.i == head.head.i and work.dep_ == head.dep_
        linked = work.head.i == head.i or head.head.i == work.i or siblings
        return is_document(work.lower_) and work.pos_ == "NOUN" and linked

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

    def _aged(self, span: Span) -> Entity | None:
        """'the 61-year-old said': the person last introduced with that age ('Ilse Brandvold, 61,')."""
        match = AGE_DESCRIPTION.search(span.text)
        if match is None:
            return None
        text = text_of(self.doc)[: span.start_char]
        introduced = re.finditer(rf"([A-Z][\w'’-]+), {match.group(1)},", text)
        found = [m for m in introduced if not self._in_quote(m.start())]
        return self._match_single(found[-1].group(1), found[-1].start()) if found else None

    def _role_antecedent(self, head: Token, span: Span) -> Entity | Spoken | None:
        """'the director', 'the then chancellor', 'the station's forecaster': the person so described."""
        word = head.lower_.rstrip(".")
        definite = any(t.lower_ in DEFINITE or t.dep_ == "poss" for t in span[:3])
        if not definite or head.tag_ in ("NNS", "NNPS"):
            return None
        if word in roles() or in_lexicon(word, roles()):
            entity = self._titled(word, head.idx)
            if entity is not None:
                return entity
        if in_lexicon(word, org_words()) or head.text[:1].isupper() or word in org_nouns():
            # "the agency", "the department": the organisation named with that word before.
            for m in reversed(self._before(head.idx)):
                if m.entity.type != "person" and m.entity.words[-1].lower() == word:
                    return m.entity
        bare = all(t.i == head.i or t.lower_ in DEFINITE or t.lower_ == "same" for t in span)
        if word in org_nouns() and bare:
            # "the company said": the organisation named last, when one was named close by.
            for m in reversed(self._before(head.idx)):
                if head.idx - m.start > WINDOW:
                    break
                if m.entity.type == "organisation" and m.start >= headline_end(text_of(self.doc)):
                    return m.entity
        if any(t.lower_ == "same" for t in span[:3]):
            # "the same official told Reuters": the person quoted last.
            person = next(
                (sp for sp in reversed(self.spoken) if sp.start < head.idx and sp.type == "person"), None
            )
            if person is not None:
                return person
        # "a source close to the investigation said ... The source added": the same description.
        # Not a headline's ('Health chief says ...'): it names nobody the body could not name better.
        body = headline_end(text_of(self.doc))
        for spoken in reversed(self.spoken):
            if spoken.start >= head.idx or head.idx - spoken.start > WINDOW or spoken.start < body:
                break
            ref = self._refs.get(spoken.name)
            if ref is not None and ref.mention.split() and head_word(ref.mention) == word:
                return spoken
        return self._interviewee(head)

    def _interviewee(self, head: Token) -> Spoken | None:
        """'The veteran diplomat, who ..., said': an epithet no title matched, for the one quoted most.

        Reporters vary how they name the official they interview ('Halvorsen', 'the envoy', 'the
        Danish diplomat'). Only when that official also spoke last, and only for 'the' and plain
        modifiers: 'the union's negotiator', 'the head of the union', 'the other envoy' are others.
        """
        if head.lower_ not in EPITHETS or any(c.dep_ not in EPITHET_DEPS for c in head.children):
            return None
        before = [c for c in head.lefts if c.dep_ != "punct"]
        if not before or before[0].lower_ != "the" or any(c.lower_ in NOT_THE_SAME for c in before[1:]):
            return None
        body = headline_end(text_of(self.doc))
        spoken = [sp for sp in self.spoken if body <= sp.start < head.idx and head.idx - sp.start <= WINDOW]
        if not spoken or spoken[-1].type != "person":
            return None
        counts = Counter(sp.name for sp in spoken if sp.type == "person")
        last = spoken[-1]
        most = max(n for name, n in counts.items() if name != last.name) if len(counts) > 1 else 0
        if counts[last.name] < max(2, 2 * most):
            return None  # no one official the article is about
        # A person named since the official spoke, and not yet quoted, may be the one it introduces.
        named = (m.entity for m in self._before(head.idx) if m.start > last.start)
        return None if any(e.type == "person" and e.name not in counts for e in named) else last

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
        body = headline_end(text_of(self.doc))
        window = [m for m in self._before(char) if char - m.start <= WINDOW and m.start >= body]
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
        # A document or a title quoted last is no "he" or "she": only people continue a quote.
        recent = [
            s
            for s in self.spoken
            if s.start < char and char - s.start <= WINDOW and (plural or s.type != "unknown")
        ]
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
        if entity is not None and gender and not entity.gender:
            entity.gender = gender  # a pronoun that resolves to a person tells us their gender
        return best, kinds.get(best, "person"), min(confidence, 0.95), close

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

    def _para_start(self, char: int) -> int:
        text = text_of(self.doc)
        return text.rfind("\n", 0, char) + 1
