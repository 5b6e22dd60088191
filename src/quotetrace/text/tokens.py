"""Word tokens by regular expression, with character offsets.

One module, four patterns, because four jobs need different words and their
figures are tied to them:

- ``WORD``: a news word as written ("don't", "co-founder", "U.S.", "9/11" is two):
  framing counts and matches these on the raw article text.
- ``FOLDED_WORD``: a word of text already passed through ``normalize.fold``; hyphens
  split ("co-conspirators" is two) so verification compares dash spellings as
  punctuation, never as words.
- ``SCORING_TOKEN``: the ``\\w+`` runs that the PolNeAR span metric is defined on
  (docs/evaluation.md); apostrophes split, so the metric matches the reference scorer.
- ``NAME_WORD``: a word of a person's name, in any script; hyphens and dots split
  ("Garcia-Navarro", "J.D." are two) so a surname matches the name it is part of.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set as AbstractSet
from itertools import accumulate
from operator import add
from typing import NamedTuple

WORD = re.compile(r"[A-Za-z0-9]+(?:[-'’.][A-Za-z0-9]+)*(?:n['’]t)?")
FOLDED_WORD = re.compile(r"\w+(?:'\w+)*+")
SENTINEL = "\ue000"  # stands for a transcript speaker label in a folded word stream
FOLDED_WORD_OR_SENTINEL = re.compile(r"\w+(?:'\w+)*+|\ue000")
SCORING_TOKEN = re.compile(r"\w+")
NAME_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class Token(NamedTuple):
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in WORD.finditer(text, start, end)]


def name_tokens(name: str, skip: AbstractSet[str] = frozenset(), capitalised: bool = False) -> list[str]:
    """A name's lower-case words ("O’Neill" is "o'neill"), less those in ``skip`` (titles, say);
    with ``capitalised``, only the words written with a capital ("Secretary of State Blinken").

    Every stage that compares speakers by name (trace, frame, verify) splits names here, so
    two stages never disagree on whether "Garcia" is part of "Lulu Garcia-Navarro".
    """
    found = []
    for match in NAME_WORD.finditer(name):
        word = match.group()
        lower = word.lower().replace("’", "'")
        if lower not in skip and (word[0].isupper() or not capitalised):
            found.append(lower)
    return found


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def words_with_spans(
    folded: str, pattern: re.Pattern[str] = FOLDED_WORD
) -> tuple[list[str], list[int], list[int]]:
    """Words of an already folded text, with their start and end offsets.

    ``pattern`` must have no groups: ``re.split`` with it in a group returns the
    text between words and the words in turn, and their running lengths are the
    offsets (faster than one match object per word).
    """
    parts = re.split(f"({pattern.pattern})", folded)
    words = parts[1::2]
    starts = list(accumulate(map(len, parts)))[0::2][:-1]
    ends = list(map(add, starts, map(len, words)))
    if not folded.isascii() and not "".join(words).isascii():
        words = [w if w.isascii() else unicodedata.normalize("NFKC", w) for w in words]
    return words, starts, ends
