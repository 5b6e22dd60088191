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

from collections import Counter

from spacy.tokens import Doc, Span, Token

from quotetrace.extract.cues import text_of
from quotetrace.extract.lexicon import (
    ANSWER_LABELS,
    ARTICLES,
    DEFINITE,
    DETERMINERS,
    EPITHETS,
    FIRST_PERSON,
    INDEFINITE,
    NEUTER_PRONOUNS,
    PAST_OFFICE,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
)
from quotetrace.extract.role_holder import holder_after_of_object
from quotetrace.extract.speaker_calibration import calibrated
from quotetrace.extract.speaker_descriptions import DescriptionIndex, document_author
from quotetrace.extract.speaker_entities import Entity, Spoken, headline_end
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
    owned_org_words,
    printed_type,
    roles,
    strip_titles,
)
from quotetrace.extract.speaker_orgnames import INNER_WORDS, body_fits, org_run
from quotetrace.extract.speaker_pronouns import NEUTER, PRONOUN_GENDER, WINDOW
from quotetrace.records import Speaker, SpeakerRef

EPITHET_DEPS = frozenset({"det", "amod", "compound", "punct", "relcl"})


class SpeakerResolver(DescriptionIndex):
    """Built once per Doc; ``resolve`` maps a mention's head token to a ``SpeakerRef``."""

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]]):
        self._turns: list[tuple[int, int, SpeakerRef]] = []  # labelled answers, in text order
        self._first_answer: int | None = None  # where the first "A:" label stands
        super().__init__(doc, quoted)

    def note_turn(self, start: int, end: int, speaker: SpeakerRef) -> None:
        """A labelled answer ("OKAFOR: ...", "AD ..."): its "I" is the labelled person."""
        if speaker.type == "person":
            self._turns.append((start, end, speaker))

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
                type=printed_type(kind),
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
                turn = next((t for s, e, t in self._turns if s <= head.idx < e), None)
                if turn is not None and lower not in PLURAL_PRONOUNS:
                    return ref(turn.name, turn.type, 0.85)  # 'AD ... I kept saying, "..."'
                signed = self._tweet_signature(head.idx)
                if signed is not None:
                    return ref(signed.name, signed.type, 0.8)  # an embedded tweet and its author line
                writer = self.writer(head)
                if writer is not None:
                    return ref(writer, "person", 0.7)  # the reporter's own 'I asked her ...'
                return ref(mention, "unknown", 0.2)  # the writer, or a speaker the page does not name
            gender = PRONOUN_GENDER.get(lower, "")
            if lower in NEUTER_PRONOUNS and not self._in_quote(head.idx):
                # Inside quotation marks "it" is the quoted person's own words taken for a cue's
                # subject; the quote's speaker is still the best answer there.
                gender = NEUTER
            found = self._antecedent(head.idx, gender, lower in PLURAL_PRONOUNS)
            if found is None:
                return ref(mention, "unknown", 0.2)
            name, kind, confidence, others = found
            return ref(name, kind, confidence, others)
        aged = self._aged(span, head)
        if aged is not None:
            return ref(aged.name, aged.type, 0.85)
        if head.pos_ == "PROPN" and self._quoted_title(span):
            return ref(mention.strip("\"“”'‘’ "), "unknown", 0.2)  # '"Night Harbor" tells ...': a title
        if head.pos_ == "PROPN":
            entity = self._match_single(head.text, head.idx) if len(org_run(head)) == 1 else None
            if entity is not None:
                return ref(entity.name, entity.type, 0.9)  # "May" for Mark May, never the month
            described = (
                self._described(_description_words(span, head), head.idx, head.lower_)
                if span[0].lower_ in DEFINITE
                else None
            )
            if described is not None:
                return ref(described.name, described.type, 0.75)  # "the Ohio Democrat"
            named = self._name_for(org_run(head))
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
        owner = self._owner(head)
        if owner is not None:
            return ref(f"{owner} {head.lower_}", "organisation", 0.7)
        inner = name_inside(head) or holder_after_of_object(head)
        if inner is not None:
            named = self._name_for(org_run(inner))
            if named is not None:
                name, kind, confidence = named
                return ref(name, kind, confidence * 0.95)
        linked = self._role_antecedent(head, span)
        if linked is not None:
            return ref(linked.name, linked.type, 0.75)
        kind = noun_type(head)
        if is_document(head.lower_):
            author = document_author(head, WINDOW)
            named = self._name_for(name_run(author)) if author is not None else None
            if named is not None:
                return ref(named[0], named[1], 0.6)  # "The email said": the sender named before
            return ref(description(span, head), "unknown", 0.3)  # a document with no one behind it
        return ref(description(span, head), kind, 0.6 if kind != "unknown" else 0.4)

    def annotate(self, speakers: list[Speaker]) -> None:
        """Fill each article speaker's type and descriptors (titles kept out of the name)."""
        for speaker in speakers:
            entity = self.entities.get(speaker.name)
            ref = self._refs.get(speaker.name)
            speaker.type = printed_type(entity.type) if entity else (ref.type if ref else "unknown")
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
        if entity is None and label.lower() in ANSWER_LABELS:
            if self._first_answer is None:
                self._first_answer = start  # names inside the answers do not say who answers
            entity = self._answering_person(self._first_answer)
        name = entity.name if entity else (label.title() if label.isupper() and len(label) > 3 else label)
        if entity is None and label.lower() in non_person_words():
            out = SpeakerRef(name=label, mention=label, start=start, end=end, type="unknown")
            out.confidence = round(calibrated(0.2), 3)  # "NEW:", "UPDATE:": a kicker, not a speaker
            return out
        kind = printed_type(entity.type) if entity else "unknown"
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
        inner = range(run[0].i + 1, run[-1].i) if run else range(0)
        propn = [
            t
            for t in run
            if (t.pos_ == "PROPN" and t.text[:1].isupper())
            or t.text == "-"
            or (t.i in inner and t.lower_ in INNER_WORDS)
        ]
        if not propn:
            return None
        name_toks, found, gender = strip_titles(propn)
        if not name_toks:
            title = expand_abbreviation([t.text for t in propn])
            entity = self._titled(title.split()[0], propn[0].idx, title) if title else None
            return (entity.name, entity.type, 0.8) if entity else None
        key = tuple(name_words(name_toks))
        if len(key) == 1:
            entity = self._match_single(key[0], name_toks[0].idx, gender)
            if entity is not None:
                return entity.name, entity.type, 0.9
            title = expand_abbreviation(key)
            entity = self._titled(title.split()[0], name_toks[0].idx, title) if title else None
            if entity is not None:
                return entity.name, entity.type, 0.8
            spelt = self._spelt_out(key[0], name_toks[0].idx)
            if spelt is not None:
                known = self.entities.get(spelt)
                return spelt, known.type if known else "organisation", 0.8
        entity = self.entities.get(" ".join(key))
        if entity is not None:
            return entity.name, entity.type, 0.95 if len(key) > 1 else 0.8
        return " ".join(key), name_type(name_toks), 0.7

    def _owner(self, head: Token) -> str | None:
        """'Clinton's campaign', 'her campaign': the person whose campaign it is, by full name."""
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None or head.lower_ not in owned_org_words():
            return None
        if owner.lower_ in PRONOUN_GENDER:
            found = self._antecedent(owner.idx, PRONOUN_GENDER[owner.lower_], False)
            return found[0] if found and found[1] == "person" else None
        named = self._name_for(name_run(owner)) if owner.pos_ == "PROPN" else None
        return named[0] if named and named[1] == "person" else None

    def _role_antecedent(self, head: Token, span: Span) -> Entity | Spoken | None:
        """'the director', 'the then chancellor', 'the station's forecaster': the person so described."""
        word = head.lower_.rstrip(".")
        unheld = False  # a role no one in the article is given
        definite = any(t.lower_ in DEFINITE or t.dep_ == "poss" for t in span[:3])
        if not definite and head.idx < headline_end(text_of(self.doc)):
            return self._headline_role(span)
        if not definite or head.tag_ in ("NNS", "NNPS"):
            return None
        past = {t.lower_ for t in span if t.i < head.i} & PAST_OFFICE
        words = _description_words(span, head)
        described = self._described(words, head.idx, word) if not past else None
        if described is not None and (len(words) > 1 or not in_lexicon(word, roles())):
            return described  # "the Idaho senator" among two senators; "the goalkeeper"
        if word in roles() or in_lexicon(word, roles()):
            # Only someone already introduced: "the senator" never means a senator named later.
            entity = self._titled(word, head.idx, " ".join([*sorted(past), word]) if past else "")
            if past and entity is not None and not past <= {t.lower() for t in entity.titles}:
                entity = None
            if entity is not None and any(m.entity is entity for m in self._before(head.idx)):
                return entity
            # Only a bare 'the mayor': 'the Hungarian economist, who ...' may introduce someone new.
            bare_role = all(t.i == head.i or t.lower_ in DEFINITE for t in span)
            unheld = bare_role and entity is None and self._titled(word, len(text_of(self.doc))) is None
        if past:
            return None  # 'the former minister' is nobody the article calls the minister now
        if in_lexicon(word, org_words()) or head.text[:1].isupper() or word in org_nouns():
            # "the agency", "the department": the organisation named with that word before.
            for m in reversed(self._before(head.idx)):
                if m.entity.type != "person" and m.entity.words[-1].lower() == word:
                    return m.entity
        bare = all(t.i == head.i or t.lower_ in DEFINITE or t.lower_ == "same" for t in span)
        if word in org_nouns() and bare:
            # "the company said": the organisation named last, when one was named close by, and of
            # a kind that fits: a firm, not the agency named in between.
            for m in reversed(self._before(head.idx)):
                if head.idx - m.start > WINDOW:
                    break
                if m.entity.type != "organisation" or m.start < headline_end(text_of(self.doc)):
                    continue
                if body_fits(word, m.entity.words):
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
            mention = ref.mention if ref is not None else ""
            # 'a Department of Health spokesperson ... The spokesperson added': the head comes last.
            if mention.split() and (head_word(mention) == word or mention.lower().split()[-1] == word):
                return spoken
        found = self._introduced(head) or self._interviewee(head)
        if found is None and unheld:
            # 'the mayor' of a profile that never puts the title before her name: its subject.
            return self._principal(head.idx)
        return found

    def _headline_role(self, span: Span) -> Entity | None:
        """'Housing minister defends rent cap': a headline names its speaker by office alone; that
        is the one person the body gives every word of it ('Housing Minister Delphine Aubrac')."""
        words = [t.lower_.rstrip(".") for t in span if not t.is_punct]
        if not words or span.root.tag_ in ("NNS", "NNPS") or not in_lexicon(words[-1], roles()):
            return None
        holders = {m.entity.name: m.entity for m in self.mentions if m.entity.type == "person"}
        holders = {n: e for n, e in holders.items() if set(words) <= {t.lower() for t in e.titles}}
        return next(iter(holders.values())) if len(holders) == 1 else None

    def _interviewee(self, head: Token) -> Spoken | None:
        """'The veteran diplomat, who ..., said': an epithet no title matched, for the one quoted most.

        Reporters vary how they name the official they interview ('Halvorsen', 'the envoy', 'the
        Danish diplomat'). Only when that official also spoke last, and only for 'the' and plain
        modifiers: 'the union's negotiator', 'the head of the union', 'the other envoy' are others.
        """
        if head.lower_ not in EPITHETS or any(c.dep_ not in EPITHET_DEPS for c in head.children):
            return None
        before = [c for c in head.lefts if c.dep_ != "punct"]
        if not before or before[0].lower_ != "the" or any(c.lower_ in DETERMINERS for c in before[1:]):
            return None  # 'the other envoy', 'the two envoys': not the one quoted
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


def _description_words(span: Span, head: Token) -> set[str]:
    """The head noun of a description and the words that narrow it: "the Ohio Democrat" ->
    {ohio, democrat}; a possessive ("the station's forecaster") or a clause is not one of them."""
    narrow = {t.lower_ for t in head.children if t.dep_ in ("amod", "compound") and t.i < head.i}
    return {head.lower_.rstrip("."), *narrow}
