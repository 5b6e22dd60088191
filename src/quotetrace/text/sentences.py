"""Sentences by regular expression, with character offsets, without a parser.

Two views of the same split, for two jobs: ``sentences`` partitions the text
(every character belongs to one sentence: framing looks up the sentence of any
offset), ``sentence_spans`` trims the spaces around each sentence and can be
told extra places where one must start (verification shows sentences as
context and compares them with quotes). Both skip the full stop of an
abbreviation or an initial (data/abbreviations.tsv).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

from quotetrace.text.lexicon import rows


@lru_cache(maxsize=2)
def abbreviations(splitter: str) -> frozenset[str]:
    """The abbreviations that ``splitter`` ("partition" or "trimmed") does not end a sentence at."""
    table = rows("abbreviations.tsv", ("abbreviation", "splitters"))
    return frozenset(word for word, splitters in table if splitter in splitters.split(","))


_WORD_BEFORE_DOT = re.compile(r"[A-Za-z.]{1,12}$")


def is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` ends an abbreviation ("Sen.") or an initial ("J.")."""
    m = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group().lower().rstrip(".")
    return word in abbreviations("partition") or (len(word) == 1 and text[dot - 1].isupper())


# A sentence ends at . ! ? (maybe inside closing quotes/brackets) before a capital or an
# opening quote, or at a paragraph break.
_SENT_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=\S)")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; every character of text belongs to one span."""
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        if text[m.start()] == "." and is_abbreviation(text, m.start()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def sentence_at(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the sentence holding ``offset``."""
    return max(0, bisect_right(spans, (offset, float("inf"))) - 1)


_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_NEXT_START = re.compile(r"\s+([\"'“‘«(\[]?)(\S)")


def sentence_spans(text: str, breaks: Iterable[int] = ()) -> list[tuple[int, int]]:
    """(start, end) of each sentence, spaces trimmed; ``breaks`` are offsets where one must start."""
    cuts = set(breaks)
    for m in _END.finditer(text):
        nxt = _NEXT_START.match(text, m.end())
        if not nxt:
            continue
        first = nxt.group(2)
        if not (first.isupper() or first.isdigit() or nxt.group(1)):
            continue
        if m.group() == "." and _ends_abbreviation(text, m.end()):
            continue
        cuts.add(m.end())
    cuts.update(m.start() for m in _BLANK_LINE.finditer(text))
    spans = []
    prev = 0
    for cut in sorted(c for c in cuts if 0 < c < len(text)) + [len(text)]:
        start, end = prev, cut
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
        prev = cut
    return spans


def _ends_abbreviation(text: str, dot_end: int) -> bool:
    # Unlike ``is_abbreviation`` this takes any word character before the dot (digits, accents),
    # as verification always has; one rule for both would move the figures of one of them.
    m = _WORD_BEFORE.search(text, max(0, dot_end - 12), dot_end)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # "Donald J. Trump"
    return word.lower() in abbreviations("trimmed")
