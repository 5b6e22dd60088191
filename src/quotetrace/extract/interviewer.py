"""The interviewer an article names, for the questions whose asker the sentence leaves out.

'Asked whether ..., she said', 'Pressed on the cost, he said', 'She was asked whether ...' and
a transcript's 'Q:' name no asker. In an interview retelling the asker is the interviewer the
article names: the person it showed asking the questions ('Okonjo asked whether ...'), else the
person it calls an interviewer and says the interview was with ('in an interview with host Ana
Ruiz', 'speaking to anchor Ana Ruiz'). An outlet ('gave an interview to the Ledger') is not
taken: the reporter who asked is still unnamed, and so is an interviewer the article never names.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from quotetrace.extract.cues import PUT_TO_LEMMA
from quotetrace.extract.lexicon import INTERVIEWER_ROLES, PARTNER_HOSTS, QUESTION_CUES, QUESTION_LABELS
from quotetrace.extract.speakers import SpeakerResolver
from quotetrace.records import Quote, SpeakerRef

PARTNER_PREPOSITIONS = frozenset({"with", "to"})


def asks(lemma: str, content: str = "") -> bool:
    """The cue puts a question ('asked', 'pressed her on', 'quizzed'); 'was asked to preserve the
    files' is a request, made by whoever the sentence names or by nobody."""
    asking = lemma in QUESTION_CUES or lemma.split()[0] in QUESTION_CUES
    return asking and not content.startswith("to ")


def addressee(cue: Token, lemma: str) -> Token | None:
    """Whom a question cue puts its question to: 'asked the mayor whether', 'pressed him on'."""
    for child in cue.children:
        if child.dep_ == "dobj" and child.pos_ in ("PROPN", "NOUN", "PRON") and child.lower_ != "it":
            return child
        if child.dep_ == "prep" and child.lower_ == "to" and lemma == PUT_TO_LEMMA:
            return next((c for c in child.children if c.dep_ == "pobj"), None)  # 'put it to him'
    return None


def is_question_label(label: str) -> bool:
    return label.strip().rstrip(".").lower() in QUESTION_LABELS


class Interviewer:
    """Built once per Doc, fed each finished quote in text order."""

    def __init__(self, doc: Doc, resolver: SpeakerResolver):
        self._resolver = resolver
        self._askers: list[tuple[int, SpeakerRef]] = []  # (quote start, who asked)
        self._quoted: Counter[str] = Counter()  # every quote of each speaker so far
        self._questions: list[tuple[int, str]] = []  # (quote start, who asked), any kind of asker
        self._doc = doc
        self._partner_list: list[Token] | None = None

    @property
    def _partners(self) -> list[Token]:
        """Names the interview is said to be with; found on first use, because only a question
        without an asker needs them and scanning every token of every article cost 2% of
        extraction."""
        if self._partner_list is None:
            self._partner_list = [tok for tok in self._doc if _interview_partner(tok)]
        return self._partner_list

    def note(self, quote: Quote) -> None:
        """A question with a person named as its asker ('Anyone questioning it asked' names nobody)."""
        if quote.cue is None or quote.speaker is None or quote.kind == "term":
            return
        self._quoted[quote.speaker.name] += 1
        if not asks(quote.cue.lemma):
            return
        self._questions.append((quote.start, quote.speaker.name))
        named = self._resolver.entities.get(quote.speaker.name)
        if named is not None and named.type == "person":
            self._askers.append((quote.start, quote.speaker))

    def at(self, char: int) -> SpeakerRef | None:
        """The interviewer as of ``char``: who asked most so far (the later on a tie), else the
        person the interview was last said to be with. An asker most of whose quotes are not
        questions is a speaker of the story ('Cruz asked whether ...' in a debate), not its
        interviewer. Where no one asker put most of the questions so far ('a reporter from the
        Echo asked', 'Ana Ruiz asked', 'another reporter pressed her'), it is a press conference
        and the question's asker is anyone's guess."""
        asked = Counter(name for start, name in self._questions if start < char)
        if asked and 2 * max(asked.values()) <= sum(asked.values()):
            return None
        askers = [ref for start, ref in self._askers if start < char]
        counts = Counter(ref.name for ref in askers)
        askers = [ref for ref in askers if 2 * counts[ref.name] > self._quoted[ref.name]]
        if askers:
            top = max(counts[ref.name] for ref in askers)
            return next(ref for ref in reversed(askers) if counts[ref.name] == top)
        for tok in reversed(self._partners):
            if tok.idx >= char:
                continue
            ref = self._resolver.resolve(tok)
            entity = self._resolver.entities.get(ref.name) if ref is not None else None
            if entity is not None and tok.text in entity.words and entity.type == "person" and entity.gender:
                return ref  # a given name or a title says it is a person, not 'the Valley Courier'
        return None


def role_read_as_verb(tok: Token) -> bool:
    """'Speaking to presenter Ana Ruiz': the parser reads 'to presenter' as an infinitive (an
    xcomp or advcl verb with 'Ana Ruiz' its object) where the role word can only be the noun of
    a 'to' phrase saying whom the speaker addressed."""
    return (
        tok.dep_ in ("xcomp", "advcl")
        and tok.lower_ in INTERVIEWER_ROLES
        and tok.head.lower_ in PARTNER_HOSTS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.lefts)
    )


def _interview_partner(tok: Token) -> bool:
    """A name after 'interview with/to' or 'speaking/talking to/with' that the article calls an
    interviewer ('anchor Ana Ruiz', 'the presenter Otto Brandt', 'senior writer Ana Ruiz'): 'spoke
    to Senator Ruiz' or 'cited interviews with Ruiz' is someone addressed or questioned."""
    if tok.pos_ != "PROPN":
        return False
    if tok.dep_ == "dobj" and role_read_as_verb(tok.head):
        return True
    obj = tok.head if tok.dep_ == "appos" else tok
    if obj.dep_ != "pobj" or obj.head.lower_ not in PARTNER_PREPOSITIONS:
        return False
    if obj.head.head.lower_ not in PARTNER_HOSTS:
        return False
    return any(t.lower_ in INTERVIEWER_ROLES for t in obj.subtree if t.i <= tok.i)
