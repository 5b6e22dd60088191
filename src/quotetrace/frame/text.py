"""Light text handling for framing: word tokens, sentences and quoted segments, by regex.

Framing must stay cheap (it runs on every ``quotetrace extract``), so nothing
here loads spaCy: offsets come from regular expressions over ``Article.text``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

WORD = re.compile(r"[A-Za-z0-9]+(?:[-'’.][A-Za-z0-9]+)*(?:n['’]t)?")
OPEN_QUOTES = '"“‘«'
# A sentence ends at . ! ? (maybe inside closing quotes/brackets) before a capital or an
# opening quote, or at a paragraph break.
_SENT_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=\S)")
# Words after which a full stop does not end a sentence ("Mr. Smith", "Sept. 11", "U.S. Senate").
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "st",
        "jr",
        "sr",
        "prof",
        "rev",
        "gop",
        "inc",
        "corp",
        "co",
        "ltd",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "d.c",
        "e.u",
    ]
)
_OPENERS = frozenset(" \t\n([{—–-/")


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


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; every character of text belongs to one span."""
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


_WORD_BEFORE_DOT = re.compile(r"[A-Za-z.]{1,12}$")


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group().lower().rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and text[dot - 1].isupper())


def sentence_at(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the sentence holding ``offset``."""
    return max(0, bisect_right(spans, (offset, float("inf"))) - 1)


_MARK = re.compile(r"''|[\"“”«»‘’']|\n\s*\n")


def quoted_segments(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans (marks included) inside quotation marks within [start, end).

    Straight quotes open after a space or bracket and close otherwise; a single
    quote followed by a letter is an apostrophe ("Trump’s", "don't"); '' is a
    double quote (some newswires). A double quote left open at a paragraph
    break ends there, the convention for a quotation running over several
    paragraphs; an unclosed single quote is dropped ("the '90s").
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    open_kind = ""
    for m in _MARK.finditer(text, start, end):
        mark, pos = m.group(), m.start()
        if mark[0] == "\n":
            if open_at is not None and open_kind == "double":
                spans.append((open_at, pos))
            open_at = None
            continue
        kind = "single" if mark in ("‘", "’", "'") else "double"
        if open_at is None or (open_kind == "single" and kind == "double"):
            if _opens(text, pos, m.end(), mark, start):
                open_at, open_kind = pos, kind
        elif kind == open_kind and _closes(text, m.end(), mark):
            spans.append((open_at, m.end()))
            open_at = None
    if open_at is not None and open_kind == "double":
        spans.append((open_at, end))
    return spans


def _opens(text: str, pos: int, after: int, mark: str, start: int) -> bool:
    if mark in ("“", "«"):
        return True
    if mark in ("”", "»", "’"):
        return False
    before = text[pos - 1] if pos > start else " "
    if after >= len(text) or text[after].isspace() or (mark == "'" and text[after].isdigit()):
        return False  # a closing mark, or the apostrophe of "'90s"
    return before in _OPENERS or before in "“\"'"


def _closes(text: str, after: int, mark: str) -> bool:
    if mark in ("“", "«", "‘"):
        return False
    if mark in ("’", "'"):
        return not (after < len(text) and text[after].isalpha())  # an apostrophe
    return True
