"""Word tokens by regular expression, with character offsets.

One module, three patterns, because three jobs need different words and their
figures are tied to them:

- ``WORD``: a news word as written ("don't", "co-founder", "U.S.", "9/11" is two):
  framing counts and matches these on the raw article text.
- ``FOLDED_WORD``: a word of text already passed through ``normalize.fold``; hyphens
  split ("co-conspirators" is two) so verification compares dash spellings as
  punctuation, never as words.
- ``SCORING_TOKEN``: the ``\\w+`` runs that the PolNeAR span metric is defined on
  (docs/evaluation.md); apostrophes split, so the metric matches the reference scorer.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import accumulate
from operator import add
from typing import NamedTuple

WORD = re.compile(r"[A-Za-z0-9]+(?:[-'’.][A-Za-z0-9]+)*(?:n['’]t)?")
FOLDED_WORD = re.compile(r"\w+(?:'\w+)*+")
SENTINEL = "\ue000"  # stands for a transcript speaker label in a folded word stream
FOLDED_WORD_OR_SENTINEL = re.compile(r"\w+(?:'\w+)*+|\ue000")
SCORING_TOKEN = re.compile(r"\w+")


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
