"""Quotation marks: the one scanner of quoted stretches, and the mark sets everyone shares.

News text mixes every mark style (“ ” " « » „ ‘ ’ '), types closing marks as
opening ones, forgets to close, and continues a quote over paragraphs by
repeating the opening mark. Each mark is classed by what flanks it (space or
letter on either side) rather than by its glyph, which survives all of those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = frozenset('"“”„‟«»〝〞＂')
SINGLE_MARKS = frozenset("'‘’‚‛‹›")
ALL_MARKS = "".join(sorted(DOUBLE_MARKS | SINGLE_MARKS))
# Some wire/archive texts (the New York Times in PolNeAR) type a double mark as two singles.
DOUBLE_DIGRAPHS = ("''", "``")
_OPEN_ONLY = frozenset("«„‚‹〝")
_CLOSE_ONLY = frozenset("»")
_OPENING_CONTEXT = frozenset("([{—–-/")
OPEN_QUOTES = '"“‘«'  # marks that can open a quote in a headline
_SEGMENT_OPENERS = frozenset(" \t\n([{—–-/")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A quotation from its opening mark to its closing mark (inclusive)."""

    start: int
    end: int
    closed: bool  # False when the closing mark was missing and the paragraph end was used
    paragraphs: int = 1

    def inner(self, text: str) -> str:
        return text[self.start : self.end].strip("".join(DOUBLE_MARKS | SINGLE_MARKS) + " \n\t")


def _flank(text: str, i: int, width: int = 1) -> str:
    """'open', 'close' or 'both' from the characters around the mark at ``i``."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    left_space = prev.isspace() or prev in _OPENING_CONTEXT
    right_space = nxt.isspace() or (not nxt.isalnum() and nxt not in "$£€#@([")
    if left_space and not right_space:
        return "open"
    if right_space and not left_space:
        return "close"
    return "both"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank-line separated, or single newlines before a mark."""
    spans, pos = [], 0
    for m in re.finditer(r"\n", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _open_mark_at_start(text: str, start: int, end: int) -> int | None:
    """Index of the mark that opens paragraph [start, end), if it opens with one."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i < end and text[i] in DOUBLE_MARKS and _flank(text, i) != "close":
        return i
    if i + 1 < end and text[i] in "'`" and text[i + 1] == text[i] and _flank(text, i, 2) != "close":
        return i
    return None


# A double mark, or a typewriter digraph, scanned left to right as the marks are read (three
# straight singles are a digraph and an apostrophe): one regex pass, not a Python step per
# character of the text.
_DOUBLE_MARK = re.compile("[" + re.escape("".join(sorted(DOUBLE_MARKS))) + "]|''|``")


def _double_marks(text: str, start: int, end: int):
    """(index, width) of each double mark in [start, end); `` and '' (typewriter style, as
    the New York Times archive writes them) count as one mark of width 2."""
    for m in _DOUBLE_MARK.finditer(text, start, end):
        yield m.start(), m.end() - m.start()


def find_double_quotes(text: str, paras: list[tuple[int, int]] | None = None) -> list[QuotedSpan]:
    """``paras``: ``paragraphs(text)``, when the caller has it already."""
    spans: list[QuotedSpan] = []
    paras = paragraphs(text) if paras is None else paras
    open_at: int | None = None
    open_paras = 0
    reopen_mark: int | None = None
    for index, (p_start, p_end) in enumerate(paras):
        for i, width in _double_marks(text, p_start, p_end):
            if i == reopen_mark:
                continue
            ch = text[i]
            side = (
                "open"
                if ch in _OPEN_ONLY or ch == "`"
                else "close"
                if ch in _CLOSE_ONLY
                else _flank(text, i, width)
            )
            if open_at is None:
                if side != "close":
                    open_at, open_paras = i, 1
            elif side != "open" or text[i - 1] in ".,!?;:…":
                spans.append(QuotedSpan(open_at, i + width, True, open_paras))
                open_at = None
            else:
                # An opener while one is open: the earlier one was never closed.
                spans.append(_unclosed(text, open_at, i, open_paras))
                open_at, open_paras = i, 1
        if open_at is None:
            continue
        nxt = paras[index + 1] if index + 1 < len(paras) else None
        reopen_mark = _open_mark_at_start(text, *nxt) if nxt else None
        if reopen_mark is not None:
            # Multi-paragraph quote: the next paragraph re-opens instead of closing this one.
            open_paras += 1
            continue
        spans.append(_unclosed(text, open_at, p_end, open_paras))
        open_at = None
    return spans


def _unclosed(text: str, start: int, end: int, paras: int) -> QuotedSpan:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return QuotedSpan(start, end, False, paras)


_SINGLE = re.compile(r"(?<![\w’'])[‘'‚‹](?=[^\s’'])([^\n]*?[^\s‘])[’'›](?![\w’'])")


def find_single_quotes(text: str, outside: list[QuotedSpan]) -> list[QuotedSpan]:
    """‘Single-quoted’ speech, as headlines use it; apostrophes are ruled out by their flanks."""
    taken = [(s.start, s.end) for s in outside]
    found = []
    for m in _SINGLE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        inner = m.group(1)
        # "rock ’n’ roll", "the ’90s": too short or digit-led to be speech.
        if len(inner) < 2 or inner[0].isdigit():
            continue
        found.append(QuotedSpan(m.start(), m.end(), True, 1))
    return found


def find_quotations(text: str, paras: list[tuple[int, int]] | None = None) -> list[QuotedSpan]:
    doubles = find_double_quotes(text, paras)
    return sorted(doubles + find_single_quotes(text, doubles), key=lambda s: s.start)


def has_double_quote(text: str) -> bool:
    return any(ch in DOUBLE_MARKS for ch in text) or any(d in text for d in DOUBLE_DIGRAPHS)


# -- quoted segments: the verbatim words inside a span already known to be a quote ---------
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
    return before in _SEGMENT_OPENERS or before in "“\"'"


def _closes(text: str, after: int, mark: str) -> bool:
    if mark in ("“", "«", "‘"):
        return False
    if mark in ("’", "'"):
        return not (after < len(text) and text[after].isalpha())  # an apostrophe
    return True
