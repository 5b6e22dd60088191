"""Which quotes a source cannot be expected to hold: the ``not_checked`` verdict.

An article that retells an interview also has its own narration, background and other
people's words. A quote that is not in the source is evidence against the article only when
the article says the source's speaker said it. A quote not found in a source is
``not_checked`` (with a note saying why), not ``not_found``, when

- it is not reported speech in the sense of ``quotetrace.speech_view`` (the extractor's
  default view): an attribution of a belief, intention or perception ("feared that ...",
  "the suit seeks ..."), a paraphrase with no speaker ("Asked whether ..., the minister was
  blunt"), a topic or a title: the article's words about someone, not words it says they
  said;
- it is a paraphrase of what someone denied ("Okafor denied reports that ...", frame class
  ``denial``): its content is the claim denied, not the speaker's words;
- the source's speakers are all known by name (transcript labels, ``--source-speaker``) and
  the article attributes the quote to someone else ("Opposition spokesman Daniel Mensah"):
  the source is not where that quote would be.

A direct quote of one of the source's speakers, or of an unnamed or unresolved speaker
("she", "SPEAKER 1:", "A:"), or checked against a source whose speakers are unknown, stays
``not_found``: that is the finding the check is for.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from quotetrace.records import Quote
from quotetrace.speech_view import is_reported_speech
from quotetrace.text.lexicon import words as word_list
from quotetrace.text.tokens import name_tokens
from quotetrace.verify.source import Source
from quotetrace.verify.turns import label_words_of

NOT_CHECKED = "not_checked"
_LETTER = re.compile(r"[a-z]")
_NARRATION = "the article's narration (no speaker), not words it attributes to anyone"
_ACTS = {"belief": "a belief", "intention": "an intention", "other": "a perception or stance"}


Speakers = list[tuple[str, frozenset[str]]] | None


def outside_note(quote: Quote, source: Source, speakers: Speakers, paraphrase: bool) -> str | None:
    """Why ``source`` cannot be expected to hold ``quote`` (a note), or None when it can.

    ``speakers``: ``source_speakers(source)``, computed once per source. ``paraphrase``: the
    verdict is a paraphrase check (an indirect quote), not the check of words in quotation
    marks."""
    # A quote built by hand (no cue) is taken as speech unless its act says otherwise: only
    # the extractor's records carry what the reported-speech view reads.
    if (quote.cue is not None or quote.act != "speech") and not is_reported_speech(quote):
        return _not_speech_note(quote)
    if paraphrase and quote.frame is not None and quote.frame.cls == "denial":
        who = quote.speaker.name if quote.speaker else "the speaker"
        return f"a denial: the content is the claim {who} denied, not what the speaker said"
    return _other_speaker_note(quote, source.name, speakers)


def _not_speech_note(quote: Quote) -> str:
    if quote.speaker is None:
        return _NARRATION
    if quote.act != "speech":
        cue = f" ({quote.cue.text})" if quote.cue else ""
        act = _ACTS.get(quote.act, quote.act)
        return f"attributes {act}{cue}, not words: nothing the source must contain"
    return "not reported speech (a topic, a title, a request), not words the source must contain"


def _other_speaker_note(quote: Quote, source_name: str, speakers: Speakers) -> str | None:
    if quote.speaker is None or speakers is None:
        return None
    said_by = _person(quote.speaker.name)
    if not said_by:
        return None  # an unresolved pronoun or a bare title: it may be the source's speaker
    also = said_by | _person(quote.speaker.mention)
    if any(also & words for _, words in speakers):
        return None
    labels = "; ".join(dict.fromkeys(label for label, _ in speakers))
    return (
        f"attributed to {quote.speaker.name}; no one of that name speaks in {source_name} "
        f"(speakers there: {labels})"
    )


def source_speakers(source: Source) -> Speakers:
    """(label, name words) of each named speaker of the source; None when someone unnamed may
    speak in it (no labels and no ``--source-speaker``, labels that do not make a dialogue, an
    "A:" or "UNIDENTIFIED MALE:" turn).
    Questioner labels without a name ("Q:", "HOST:") are not counted: they ask, the article's
    quotes come from the people who answer."""
    named: list[tuple[str, frozenset[str]]] = []
    if not source.speaker and source.turns and not _dialogue(source):
        return None
    if source.speaker:
        words = _person(source.speaker)
        if not words:
            return None
        named.append((source.speaker, words))
    for turn in source.turns:
        words = _person(turn.name or "")
        # "UNIDENTIFIED MALE:" names no one: with such a label, anyone may speak in the source.
        if words and not words & label_words_of("anonymous"):
            named.append((turn.label, words))
        elif turn.role != "questioner":
            return None
    return named or None


def _dialogue(source: Source) -> bool:
    """The labels make a transcript: two speakers or more, and most of the words after the
    first label. An article with a few labelled lines ("Clinton: 2,312 delegates", a
    headline "Sanders: ..." repeated in the text) names no one for most of its words."""
    if len({turn.label for turn in source.turns}) < 2:
        return False
    idx = source.index
    before = bisect_left(idx.starts, source.turns[0].start)
    return before <= len(idx.enc) - before


def _person(name: str) -> frozenset[str]:
    """Name words that identify someone: titles, pronouns and bare numbers dropped."""
    words = name_tokens(name, label_words_of("title"))
    return frozenset(t for t in words if t not in _pronouns() and _LETTER.search(t))


@lru_cache(maxsize=1)
def _pronouns() -> frozenset[str]:
    return word_list("pronouns.txt")
