"""The "reported speech" view: which attributions a reader calls reported speech.

The extractor returns every attribution PolNeAR's scheme counts, beliefs, intentions and
stance included (``Quote.act``). What a user of the command line, the web page or search
wants by default is narrower: words someone said or wrote. The rule (chosen on the real-page
gold, bench/data/web_gold/, and checked on PolNeAR train by bench/acts_polnear.py; docs/acts.md):

- never a ``term`` (scare quotes, titles), nor a content under ``MIN_WORDS`` words;
- a ``direct`` quotation (in quotation marks) whatever its cue's act and even with no speaker
  found (the words in marks were said; the cue picked for them is often a verb of the
  narration), except a label line with no one behind it ("SOURCE: ...", a dateline);
- a ``mixed`` or ``indirect`` quote (a paraphrase) only when its cue reports speech
  (``act == "speech"``) and its content is not an infinitive ("asked him to resign");
- an ``indirect`` quote also needs a content, not a topic: with a cue of
  data/speech_topic_cues.txt ("spoke about the loss", "tweeted his thanks") its content must
  open a clause (data/clause_openers.txt); and a speaker that is a person, organisation or
  group, or a capitalised name that is not a document or a work (data/speaker_documents.txt,
  data/speaker_works.txt) nor the writer's own "I"/"we" (data/speaker_first_person.txt).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from quotetrace.paths import data_file

# What --acts accepts; "speech" (the default) is the reported-speech view.
DEFAULT_ACTS = frozenset({"speech"})
ACT_CHOICES = ("all", "speech", "belief", "intention", "other")
# Shorter contents in quotation marks are names and titles ('"Selma"', '"the Liars"').
MIN_WORDS = 3
# "asked him to resign", "refused to discuss": a request, plan or attempt, not what was said.
_INFINITIVE = re.compile(r"\s*to\s+\w", re.IGNORECASE)
# SpeakerRef.type values of a resolved speaker ("unknown" is a document, a title, the writer).
_SPEAKER_TYPES = ("person", "organisation", "group")
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@cache
def _words(name: str) -> frozenset[str]:
    lines = data_file(name).read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


def _field(quote: Any, name: str, default: Any = None) -> Any:
    """Read a field from a Quote or from its JSON dict (the store and web keep dicts)."""
    if isinstance(quote, dict):
        return quote.get(name, default)
    return getattr(quote, name, default)


def _head(speaker: Any) -> str:
    """The speaker's head word: the last word of its name or mention, lower-cased."""
    text = _field(speaker, "name") or _field(speaker, "mention") or ""
    words = _WORD.findall(text.lower())
    return words[-1] if words else ""


def _not_a_speaker(speaker: Any) -> bool:
    if _field(speaker, "type") in _SPEAKER_TYPES:
        return False
    name = (_field(speaker, "name") or "").strip()
    if name[:1].islower():  # resolved to no one: "a semifinal game", "the reference to irony"
        return True
    head = _head(speaker)
    singular = head[:-1] if head.endswith("s") else head
    nouns = _words("speaker_documents.txt") | _words("speaker_works.txt")
    return not head or head in nouns or singular in nouns or head in _words("speaker_first_person.txt")


def content_words(quote: Any) -> int:
    return len(_WORD.findall(_field(quote, "text") or ""))


def is_reported_speech(quote: Any) -> bool:
    """True when a reader would call this quote reported speech (see the module docstring)."""
    kind = _field(quote, "kind")
    act = _field(quote, "act", "speech") or "speech"
    speaker = _field(quote, "speaker")
    if kind == "term" or content_words(quote) < MIN_WORDS:
        return False
    if kind == "direct":
        # A label line whose "speaker" is no one ("SOURCE: ...", a dateline) is page furniture.
        return not (_is_label(quote) and _field(speaker, "type") not in _SPEAKER_TYPES)
    if act != "speech":  # a paraphrase, quoted words and all, reports what its cue reports
        return False
    text = _field(quote, "text") or ""
    if _INFINITIVE.match(text):
        return False
    if kind == "mixed":
        return True
    if _topic_cue(quote) and not _opens_clause(text):
        return False
    return speaker is not None and not _not_a_speaker(speaker)


def _is_label(quote: Any) -> bool:
    cue = _field(quote, "cue")
    return cue is not None and (_field(cue, "lemma") or "").strip() == ":"


def _topic_cue(quote: Any) -> bool:
    cue = _field(quote, "cue")
    lemma = (_field(cue, "lemma") or "").split() if cue is not None else []
    return bool(lemma) and lemma[0].lower() in _words("speech_topic_cues.txt")


def _opens_clause(text: str) -> bool:
    words = _WORD.findall(text.lower())
    return bool(words) and words[0] in _words("clause_openers.txt")


def parse_acts(value: str) -> frozenset[str]:
    """``--acts`` value ("speech", "all", "speech,belief") -> the set of names.

    Raises ValueError with a one-line message on an unknown name.
    """
    names = frozenset(v.strip().lower() for v in value.split(",") if v.strip())
    unknown = names - set(ACT_CHOICES)
    if unknown or not names:
        shown = ", ".join(sorted(unknown)) or "(none)"
        raise ValueError(f"unknown act(s) {shown}; choose from {', '.join(ACT_CHOICES)}")
    return frozenset({"all"}) if "all" in names else names


def shown(quote: Any, acts: frozenset[str]) -> bool:
    """Whether a view shows a quote: "speech" is the reported-speech view, not every
    attribution whose cue is a speech verb; "belief", "intention", "other" add those acts;
    "all" is every attribution the extractor returns. A ``term`` (scare quote, title) is not
    an attribution: the kind filters (``--kinds``) alone decide whether it is shown."""
    if "all" in acts or _field(quote, "kind") == "term":
        return True
    act = _field(quote, "act", "speech") or "speech"
    if act != "speech" and act in acts:
        return True
    return "speech" in acts and is_reported_speech(quote)


def select(quotes: Iterable[Any], acts: frozenset[str]) -> list[Any]:
    return [q for q in quotes if shown(q, acts)]


def view_name(acts: frozenset[str]) -> str:
    """The name the JSON output records under "view"."""
    return ",".join(a for a in ACT_CHOICES if a in acts)
