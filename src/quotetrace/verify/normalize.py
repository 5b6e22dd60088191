"""Character and word normalisation that never moves an offset.

Quotes and sources differ in typography that no fact-checker cares about:
curly or straight quotation marks and apostrophes, hyphen or en/em dash,
case, spacing. Every mapping here is one character to one character, so a
match found in the normalised text indexes the original text unchanged.
Hyphens split words ("co-conspirators" is "co" "-" "conspirators") so that
"1990–1995", "1990-1995" and "well known"/"well-known" differ only in
punctuation, never in words.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import accumulate
from operator import add

_DOUBLE = '"“”„‟«»〝〞＂'
_SINGLE = "'‘’‚‛′‹›`´"
_DASHES = "‐‑‒–—―−﹘﹣－"
# No-break, thin, em and other wide spaces.
_SPACES = "".join(chr(c) for c in (0xA0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000))

CHAR_MAP = str.maketrans(
    {
        **{c: '"' for c in _DOUBLE},
        **{c: "'" for c in _SINGLE},
        **{c: "-" for c in _DASHES},
        **{c: " " for c in _SPACES},
    }
)

# A word: letters/digits with internal apostrophes ("don't", "it's"), after CHAR_MAP.
WORD = re.compile(r"\w+(?:'\w+)*+")
SENTINEL = "\ue000"  # stands for a transcript speaker label in the word stream
WORD_OR_SENTINEL = re.compile(r"\w+(?:'\w+)*+|\ue000")


_SPECIAL = re.compile("[" + re.escape("".join(map(chr, CHAR_MAP))) + "]")


def fold(text: str) -> str:
    """CHAR_MAP then lower case, keeping the length (and so every offset) of ``text``."""
    # re.sub beats str.translate here: the mapped characters are rare in running text.
    mapped = _SPECIAL.sub(lambda m: CHAR_MAP[ord(m.group())], text)
    lowered = mapped.lower()
    if len(lowered) == len(mapped):
        return lowered
    # A few characters grow when lower-cased (U+0130); fold them one by one instead.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in mapped)


def norm_word(word: str) -> str:
    """The comparison form of one word already passed through ``fold``."""
    if word.isascii():
        return word
    return unicodedata.normalize("NFKC", word)


def words_with_spans(
    folded: str, pattern: re.Pattern[str] = WORD
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


_QUOTE_CHARS = re.compile(r"[\"']")
_DASH_RUN = re.compile(r"-+")
_DOTS = re.compile(r"\.\s*\.\s*\.|…")


def norm_punct(between: str) -> str:
    """The comparison form of the text between two words: punctuation, without spacing.

    Quotation marks are dropped (a nested quote turns double marks into single
    ones, and a quote inside the source loses its marks when quoted) and any run
    of dashes counts as one dash.
    """
    s = "".join(between.translate(CHAR_MAP).split())
    s = _QUOTE_CHARS.sub("", s)
    s = _DOTS.sub("…", s)
    return _DASH_RUN.sub("-", s)


def has_ellipsis(text: str) -> bool:
    return bool(_DOTS.search(text))
