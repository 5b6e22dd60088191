"""Character and word normalisation that never moves an offset.

Quotes and sources differ in typography that no fact-checker cares about:
curly or straight quotation marks and apostrophes, hyphen or en/em dash,
case, spacing. Every mapping here is one character to one character, so a
match found in the normalised text indexes the original text unchanged.
Words of folded text are ``tokens.FOLDED_WORD``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from quotetrace.text.lexicon import rows
from quotetrace.text.quotes import DOUBLE_MARKS, SINGLE_MARKS

_DOUBLE = "".join(DOUBLE_MARKS)
_SINGLE = "".join(SINGLE_MARKS) + "′`´"  # primes and accents typed for apostrophes
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


@lru_cache(maxsize=1)
def _contractions() -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for form, expansion in rows("contractions.tsv", ("form", "expansion")):
        out.setdefault(form, []).append(tuple(expansion.split()))
    return out


def _word_expansions(word: str) -> list[tuple[str, ...]]:
    table = _contractions()
    if word in table:
        return table[word]
    for suffix in ("n't", "'re", "'s", "'ve", "'ll", "'d", "'m"):
        if word.endswith(suffix) and len(word) > len(suffix):
            head = word[: -len(suffix)]
            return [(head, *tail) for tail in table[suffix]]
    return [(word,)]


MAX_READINGS = 16


def expansions(words: list[str]) -> set[tuple[str, ...]]:
    """Every reading of folded ``words`` with contractions spelled out ("he's" -> he is / he has)."""
    readings: set[tuple[str, ...]] = {()}
    for word in words:
        readings = {r + e for r in readings for e in _word_expansions(word)}
        if len(readings) > MAX_READINGS:
            return set()  # too ambiguous to say: never called a contraction
    return readings


def same_but_contracted(quote_words: list[str], source_words: list[str]) -> bool:
    """The two word runs differ only by contractions ("there's" ~ "there is")."""
    if quote_words == source_words:
        return False
    return bool(expansions(quote_words) & expansions(source_words))
