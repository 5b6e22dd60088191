"""Speaker turns of a transcript ("BLINKEN: ...", "Q: ...", "STEVE INSKEEP, HOST: ...").

A label is a short run of capitalised words at the start of a line followed
by a colon. All-capital labels are taken at once; Title-Case ones ("Blinken:")
only when the same label opens at least two lines, since "Note:" or
"Washington:" also open lines in ordinary articles.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from quotetrace.text.lexicon import rows
from quotetrace.text.tokens import name_tokens

_LABEL = re.compile(
    r"^[ \t]*(?P<label>[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,4}"
    r"(?:,[ \t]*[A-Za-z][\w.'’\- ]{0,40}?)?)[ \t]*:[ \t]+(?=\S)",
    re.M,
)
_PRONOUNS = frozenset(
    ["i", "we", "you", "he", "she", "it", "they", "him", "her", "them", "his", "their", "its"]
)


@dataclass(slots=True)
class Turn:
    """One speaker turn: the label, the person it names (if any) and the text it covers.

    ``start``/``end`` span the whole turn, label included; ``body_start`` is
    where the spoken text begins. ``role`` is "questioner", "answerer" or None.
    """

    label: str
    name: str | None
    role: str | None
    start: int
    body_start: int
    end: int

    def to_dict(self) -> dict:
        return {
            "label": self.label,
            "name": self.name,
            "role": self.role,
            "start": self.start,
            "body_start": self.body_start,
            "end": self.end,
        }


@lru_cache(maxsize=1)
def label_words() -> dict[str, str]:
    table = rows("verify_speaker_labels.tsv", ("word", "category"))
    return {word.strip(): category.strip() for word, category in table}


@lru_cache(maxsize=8)
def label_words_of(category: str) -> frozenset[str]:
    """The label words of one category of verify_speaker_labels.tsv ("title", "anonymous")."""
    return frozenset(w for w, c in label_words().items() if c == category)


def _classify(label: str) -> tuple[str | None, str | None] | None:
    """(name, role) for a speaker label, or None when the label is a heading, not a speaker."""
    words = label_words()
    name_part, _, role_part = label.partition(",")
    key = " ".join(name_part.lower().replace("’", "'").replace(".", " ").split())
    category = words.get(key)
    if category == "not_speaker":
        return None
    if category in ("questioner", "answerer"):
        return None, category
    role = words.get(" ".join(role_part.lower().split())) if role_part else None
    tokens = name_tokens(name_part, label_words_of("title"))  # "SECRETARY BLINKEN" -> blinken
    if not tokens:
        return None, role if role in ("questioner", "answerer") else None
    return " ".join(tokens), None


def parse_turns(text: str) -> list[Turn]:
    """Speaker turns in ``text``; empty for text that is not a transcript."""
    found = []
    for m in _LABEL.finditer(text):
        label = m.group("label").strip()
        found.append((m, label, _in_capitals(label.partition(",")[0])))
    counts = Counter(label for _, label, _ in found)
    turns: list[Turn] = []
    for m, label, upper in found:
        if not upper and counts[label] < 2:
            continue
        parsed = _classify(label)
        if parsed is None:
            continue
        name, role = parsed
        turns.append(Turn(label, name, role, m.start("label"), m.end(), len(text)))
    if len(turns) < 2:
        # One label is a heading or a dateline more often than a transcript.
        return []
    for turn, nxt in zip(turns, turns[1:], strict=False):
        turn.end = nxt.start
        while turn.end > turn.body_start and text[turn.end - 1].isspace():
            turn.end -= 1
    return turns


# Surname prefixes that stay mixed case in an all-capital name ("DAN McNALLY", "MacLEOD").
_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|O['’]|D['’])(?=[A-Z])")


def _in_capitals(name: str) -> bool:
    """The label is written in capitals, as transcripts write speaker labels."""
    letters = [c for word in name.split() for c in _NAME_PREFIX.sub("", word) if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def speaker_matches(turn_name: str | None, role: str | None, speaker: str) -> bool | None:
    """Is the article's ``speaker`` the person who speaks this turn? None when unknowable."""
    if role == "questioner":
        return False
    if not turn_name:
        return None
    said_by = set(name_tokens(speaker, label_words_of("title"))) - _PRONOUNS
    if not said_by:
        return None
    return bool(said_by & set(turn_name.split()))
