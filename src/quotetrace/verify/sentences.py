"""Split source text into sentences with character offsets, without a parser.

Good enough for what verification needs from sentences: the context shown
around a match, the unit a paraphrase is compared with, and telling an
omission inside one sentence from a join of two distant ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from quotetrace.paths import data_file

_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_NEXT_START = re.compile(r"\s+([\"'“‘«(\[]?)(\S)")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    lines = data_file("verify_abbreviations.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _is_abbreviation(text: str, dot_end: int) -> bool:
    """True when the period ending at ``dot_end`` belongs to an abbreviation or an initial."""
    m = _WORD_BEFORE.search(text, max(0, dot_end - 12), dot_end)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # "Donald J. Trump"
    return word.lower() in abbreviations()


def sentence_spans(text: str, breaks: Iterable[int] = ()) -> list[tuple[int, int]]:
    """(start, end) of each sentence; ``breaks`` are extra offsets where one must start."""
    cuts = set(breaks)
    for m in _END.finditer(text):
        nxt = _NEXT_START.match(text, m.end())
        if not nxt:
            continue
        first = nxt.group(2)
        if not (first.isupper() or first.isdigit() or nxt.group(1)):
            continue
        if text[m.end() - 1] == "." and m.group() == "." and _is_abbreviation(text, m.end()):
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
