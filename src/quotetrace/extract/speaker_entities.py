"""The people and organisations an article names, as the speaker resolver sees them.

Proper-name runs from the parse become entities (names and descriptors split by
``speaker_names``); a lone surname, first or middle name joins the full name it
abbreviates; each mention outside quotation marks is kept, in order, with
whether it was a subject, so that pronouns and roles can look back.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

import numpy
from spacy.attrs import POS
from spacy.parts_of_speech import PROPN as PROPN_ID
from spacy.parts_of_speech import PUNCT as PUNCT_ID
from spacy.tokens import Doc, Token

from quotetrace.extract.cues import text_of
from quotetrace.extract.lexicon import LOCATIVE, NAME_JOINERS, TOPIC_PHRASES, first_name_gender
from quotetrace.extract.speaker_names import (
    abbreviations,
    descriptors,
    in_lexicon,
    name_type,
    name_words,
    org_nouns,
    org_words,
    strip_titles,
)
from quotetrace.extract.speaker_orgnames import joined_runs
from quotetrace.text.lexicon import rows

# Clauses under another: their subject is not the sentence's main one.
SUBORDINATE = frozenset({"ccomp", "acl", "relcl", "advcl", "xcomp", "pcomp"})


@dataclass(slots=True)
class Entity:
    name: str
    words: tuple[str, ...]
    gender: str = ""
    type: str = "person"
    titles: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    # Words of a description set beside the name ("Whitcombe, an Ohio Democrat,"): what a later
    # "the Ohio Democrat" matches; never printed, unlike the titles.
    described: set[str] = field(default_factory=set)
    # Their head nouns ("democrat", "adviser"): a later description's head must be one of them or
    # a title, so "the campaign" never means "a campaign adviser".
    described_heads: set[str] = field(default_factory=set)


@dataclass(slots=True)
class NameMention:
    entity: Entity
    start: int  # char offset
    subject: bool  # of the main clause: salient for what follows
    # The subject of an adverbial clause ('When Ruiz was asked ...,'): salient for the rest of
    # its sentence ('..., he said').
    adverbial: bool = False
    located: bool = False  # the object of a locative preposition: 'rallied in Orlando'


@dataclass(slots=True)
class Spoken:
    """A speaker the article has quoted, as a pronoun may continue it."""

    start: int
    name: str
    type: str
    gender: str
    entity: Entity | None


class EntityIndex:
    """Every name of one Doc, its mentions in order, and lookups by word and by title."""

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]]):
        self.doc = doc
        self.quoted = sorted(quoted)
        self.entities: dict[str, Entity] = {}
        self.mentions: list[NameMention] = []
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
        runs = joined_runs(runs)
        given = first_name_gender()
        for run in runs:
            # "Mark May": the tagger reads a surname that is also a word ("May") as a verb.
            nxt = run[-1].i + 1
            if (
                run[-1].lower_ in given
                and nxt < len(doc)
                and doc[nxt].text[:1].isupper()
                and doc[nxt].is_alpha
            ):
                run.append(doc[nxt])
        return runs

    def _scan_names(self) -> None:
        by_full: dict[tuple[str, ...], Entity] = {}
        pending: list[tuple[list[Token], tuple[str, ...], str, set[str]]] = []
        parsed = []
        for run in self._runs():
            name_toks, run_titles, gender = strip_titles(run)
            key = tuple(name_words(name_toks)) if name_toks else ()
            if key:
                parsed.append((name_toks, run_titles, gender, key))
        # A Title Case headline capitalises every word: its runs are names only if the body has them.
        body = headline_end(text_of(self.doc))
        in_body = {key for toks, _, _, key in parsed if toks[0].idx >= body}
        for name_toks, run_titles, gender, key in parsed:
            if name_toks[0].idx < body and key not in in_body:
                continue
            run_titles |= descriptors(name_toks[-1])
            if len(key) == 1:
                pending.append((name_toks, key, gender, run_titles))
                continue
            entity = by_full.get(key)
            if entity is None:
                entity = self._new_entity(name_toks, key, gender)
                by_full[key] = entity
            _describe(entity, name_toks[-1], run_titles)
            self._add_mention(entity, name_toks, key)
        # Lone words join the full name they abbreviate once every full name is known.
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        for name_toks, key, gender, run_titles in pending:
            entity = self._match_single(key[0], name_toks[0].idx, gender)
            if entity is None:
                entity = by_full.get(key) or self._new_entity(name_toks, key, gender)
                by_full[key] = entity
            _describe(entity, name_toks[-1], run_titles)
            # "Mr. and Mrs. Khan" with two Khans of unknown gender: the title cannot say which.
            shared = {m.entity.name for m in self._by_word.get(key[0], []) if m.entity.type == "person"}
            if gender and not entity.gender and len(shared) < 2:
                entity.gender = gender
            self._add_mention(entity, name_toks, key)
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._type_located()

    def _type_located(self) -> None:
        """A name the article puts after "in" at least as often as anywhere else ('a rally in
        Orlando', 'marched in Louisville ... Louisville has never') is a place the lists do not
        hold, unless something says person: a title, a gender, a known first name before
        another word. Not once in many ('confidence in Obama')."""
        votes: dict[str, int] = {}
        for m in self.mentions:
            votes[m.entity.name] = votes.get(m.entity.name, 0) + (1 if m.located else -1)
        given = first_name_gender()
        for name, vote in votes.items():
            e = self.entities.get(name)
            if e is None or vote < 0 or e.type not in ("person", "unknown") or e.gender or e.titles:
                continue
            if not any(m.located for m in self.mentions if m.entity is e):
                continue
            if len(e.words) > 1 and e.words[0].lower() in given:
                continue
            e.type = "place"

    def _new_entity(self, name_toks: list[Token], key: tuple[str, ...], gender: str) -> Entity:
        if not gender and len(key) >= 2:
            gender = first_name_gender().get(key[0].lower(), "")
        kind = name_type(name_toks)
        if kind == "place" and gender:
            kind = "person"  # "Mr. Jordan", "Sen. Georgia": the title says who, not the list
        entity = Entity(name=" ".join(key), words=key, gender=gender, type=kind)
        self.entities.setdefault(entity.name, entity)
        return self.entities[entity.name]

    def _match_single(self, word: str, char: int, gender: str = "") -> Entity | None:
        """A lone surname (or first or middle name) joins the full name nearest before it.

        Among the names holding the word, a person of the title's gender comes first ("Mrs.
        Clinton" is not Bill Clinton), then a person over an organisation or a place ("Trump"
        is not Trump University), then a person whose first name is known over two capitalised
        words that only look like a name ("Clinton" is not "Team Clinton"); nearness decides
        between equals, as before.
        """
        candidates = self._by_word.get(word, [])
        if not candidates:
            return None
        before = [m for m in candidates if m.start <= char]
        pool = before[::-1] + [m for m in candidates if m.start > char]

        def rank(m: NameMention) -> tuple[bool, bool, bool]:
            e = m.entity
            return bool(gender) and e.gender not in ("", gender), e.type != "person", not e.gender

        return min(pool, key=rank).entity

    def _add_mention(self, entity: Entity, name_toks: list[Token], key: tuple[str, ...]) -> None:
        entity.aliases.add(" ".join(key))
        head = name_toks[-1]
        if any(t.lower_ in NAME_JOINERS for t in name_toks):
            inside = {t.i for t in name_toks}  # 'Department of Justice': Department heads it
            head = next((t for t in name_toks if t.head.i not in inside), head)
        subject = head.dep_ in ("nsubj", "nsubjpass") or (
            head.head.dep_ in ("nsubj", "nsubjpass") and head.head.i in range(name_toks[0].i, head.i + 3)
        )
        # "Her younger brother, Cheikh Ndiaye, joined ...": the name set beside a subject that
        # describes it is that subject, as salient for a following "he" as a bare name would be.
        subject = subject or (
            head.dep_ == "appos" and head.head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ == "NOUN"
        )
        # Salience is the main clause's: "Blinken denied reports that Washington had set ..."
        # leaves Blinken, not Washington, as the one a following "he" means.
        clause = head.head if head.dep_ in ("nsubj", "nsubjpass") else head.head.head
        main = subject and clause.dep_ not in SUBORDINATE
        if self._in_quote(name_toks[0].idx):
            return
        located = head.dep_ == "pobj" and head.head.lower_ in LOCATIVE
        # 'As for Trump, he said ...': the topic its sentence goes on about, like an adverbial subject.
        prep = head.head
        topic = head.dep_ == "pobj" and f"{prep.head.lower_} {prep.lower_}" in TOPIC_PHRASES
        adverbial = (subject and clause.dep_ == "advcl") or topic
        mention = NameMention(entity, name_toks[0].idx, main, adverbial, located)
        self.mentions.append(mention)
        if len(entity.words) > 1:
            for word in entity.words[1:] + entity.words[:1]:
                self._by_word.setdefault(word, []).append(mention)

    # -- resolution -----------------------------------------------------

    def _initials(self, label: str, char: int) -> Entity | None:
        """'AD' and 'OW' in an interview transcript: the people with those initials."""
        matches = [
            e
            for e in self.entities.values()
            if e.type == "person" and len(e.words) >= 2 and "".join(w[0] for w in e.words).upper() == label
        ]
        return matches[0] if len(matches) == 1 else None

    def _answering_person(self, char: int) -> Entity | None:
        """Who 'A:' answers for: the person named most often before the first answer (the
        introduction says whom the interview is with); the first named wins a tie."""
        counts: dict[str, int] = {}
        people: dict[str, Entity] = {}
        for m in self._before(char):
            if m.entity.type == "person":
                counts[m.entity.name] = counts.get(m.entity.name, 0) + 1
                people.setdefault(m.entity.name, m.entity)
        if not counts:
            return None
        return people[max(counts, key=lambda name: counts[name])]  # max keeps the first of equals

    def _titled(self, word: str, char: int, full: str = "") -> Entity | None:
        """The person the article gave this title, nearest before ``char`` (else the first after)."""
        wanted = {word, *full.split()} - {"of", "the"}
        hits = [m for m in self.mentions if _titles(m.entity) & wanted and m.entity.type == "person"]
        if full and len(wanted) > 1:
            strict = [m for m in hits if wanted <= _titles(m.entity)]
            hits = strict or hits
        before = [m for m in hits if m.start < char]
        pick = before[-1] if before else (hits[0] if hits else None)
        return pick.entity if pick else None

    def _described(self, words: set[str], char: int, head: str) -> Entity | None:
        """The person nearest before ``char`` whom the article gave every one of ``words`` as a
        title or a description beside the name: "the Ohio Democrat" is the one called "an Ohio
        Democrat", not the person named last."""
        if not words or in_lexicon(head, org_words()) or head in org_nouns():
            return None  # "the campaign said" is the campaign, not "a campaign adviser"
        for m in reversed(self._before(char)):
            e = m.entity
            titles = {t.lower() for t in _titles(e)}
            if e.type == "person" and words <= titles | e.described and head in titles | e.described_heads:
                return e
        return None


def _titles(entity: Entity) -> set[str]:
    """An entity's titles with one-word short forms spelt out: "Sen. Marco Rubio" is the
    senator a later "the Florida senator" means, and the lawmaker a later "the lawmaker" means."""
    short = abbreviations()
    held = entity.titles | {short[t] for t in entity.titles if " " not in short.get(t, " ")}
    lowered = {t.lower() for t in held}
    return held | {means for title, means in role_hypernyms() if title <= lowered}


@lru_cache(maxsize=1)
def role_hypernyms() -> tuple[tuple[frozenset[str], str], ...]:
    """(words of a title, the broader role it is): ({district, attorney}, prosecutor)."""
    table = rows("speaker_role_hypernyms.tsv", ("title", "means"))
    return tuple((frozenset(title.split()), means.strip()) for title, means in table)


def headline_end(text: str) -> int:
    """Where the body starts when the first line is a headline (no closing punctuation), else 0.

    A closing quotation mark ends a headline when no stop comes before it: 'Rival calls rent cap
    "a gimmick"' is a headline, '"We will win."' a paragraph of quoted speech."""
    cut = text.find("\n\n", 0, 400)
    first = text[:cut].rstrip() if cut > 0 else ""
    if first.endswith(('"', "”")):
        first = first[:-1].rstrip()
    headline = cut > 0 and "\n" not in text[:cut] and not first.endswith((".", "!", "?", ",", '"', "”"))
    return cut if headline else 0


def _describe(entity: Entity, name_tok: Token, titles: set[str]) -> None:
    """What a mention calls the person: its titles, and a description set beside the name."""
    entity.titles |= titles
    heads = apposed(name_tok)
    entity.described |= apposed_description(heads)
    entity.described_heads |= {t.lower_ for t in heads}


def apposed_description(heads: list[Token]) -> set[str]:
    """The words of the descriptions whose head nouns are ``heads`` (``apposed``), proper nouns
    included: "Whitcombe, an Ohio Democrat" -> {ohio, democrat}; "Marsh, a Republican from
    Idaho" -> {republican, idaho}."""
    out: set[str] = set()
    for tok in heads:
        out.add(tok.lower_)
        for child in tok.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.pos_ in ("NOUN", "PROPN", "ADJ"):
                out.add(child.lower_)
            elif child.dep_ == "prep" and child.lower_ in ("from", "of"):
                out.update(o.lower_ for o in child.children if o.dep_ == "pobj" and o.pos_ == "PROPN")
    return out


def apposed(name_tok: Token) -> list[Token]:
    """The head nouns of the descriptions set beside a name ("an Ohio Democrat" -> Democrat)."""
    beside = [c for c in name_tok.children if c.dep_ == "appos"]
    if name_tok.dep_ == "appos":
        beside.append(name_tok.head)
    return [t for t in beside if t.pos_ in ("NOUN", "PROPN")]
