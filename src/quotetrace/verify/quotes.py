"""From a Quote record to the word items that are searched in the source.

A direct quote is verified whole, a mixed quote fragment by fragment (each
stretch in quotation marks). Inside a fragment, the quoting conventions
are parsed into items: words, an ellipsis ("...", "…", "[...]") standing
for omitted source words, a bracket ("[the president]") standing for
source words the writer replaced, and "[sic]". A bracket glued to a word
("[T]he", "fight[ing]") is an edited word, not a replacement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotetrace.records import Quote, QuoteKind
from quotetrace.text.normalize import fold, norm_word
from quotetrace.text.quotes import ALL_MARKS

_OPEN_DOUBLE = '"“„«〝＂'
_CLOSE_DOUBLE = '"”“»〞＂'
_FRAGMENT_DOUBLE = re.compile(
    f"[{_OPEN_DOUBLE}]\\s*([^{_OPEN_DOUBLE}{_CLOSE_DOUBLE}]+?)\\s*[{_CLOSE_DOUBLE}]"
)
_FRAGMENT_SINGLE = re.compile(r"(?<!\w)[‘']\s*([^‘’']+?)\s*[’'](?!\w)")
_REOPEN = re.compile(f"\\n\\s*[{_OPEN_DOUBLE}]")
_ITEM = re.compile(
    r"""
      (?P<ell>[\[(]\s*(?:\.\s*){3,}[\])]|[\[(]\s*…\s*[\])]|\.(?:\s?\.){2,}|…)
    | (?P<sic>\[\s*sic\s*!?\s*\])
    | (?P<brk>\[[^\[\]\n]{1,80}\])
    | (?P<word>\w+(?:'\w+)*)
    """,
    re.X | re.I,
)
_GLUEABLE = re.compile(r"\[\w+(?:'\w+)*\]")


@dataclass(slots=True)
class Fragment:
    """A stretch of quoted words as the article prints them, quotation marks removed."""

    text: str
    index: int | None = None  # position among the fragments of a mixed quote


@dataclass(slots=True)
class Item:
    """One unit of a quote: a word, or a marker standing for source words.

    ``kind`` is "word", "ellipsis" or "bracket". ``marked`` flags a word edited
    inside brackets ("[T]he"); ``sic`` a word followed by "[sic]".
    """

    kind: str
    norm: str
    start: int
    end: int
    marked: bool = False
    sic: bool = False

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


def strip_marks(text: str) -> str:
    """The words of a direct quote without its outer (and paragraph re-opening) marks."""
    text = _REOPEN.sub(lambda m: m.group()[:-1], text.strip())
    return text.strip(ALL_MARKS + " \t\n")


def fragments(quote: Quote) -> list[Fragment]:
    """The parts of ``quote`` to verify word for word (none for indirect and term quotes)."""
    if quote.kind == "direct":
        # '"A," she said, "B."' is one quote in two pieces: each is checked, not the narration.
        pieces = [f.text for f in quote.fragments] or [quote.text]
        texts = [t for t in map(strip_marks, pieces) if t]
        return [Fragment(t, i) if len(texts) > 1 else Fragment(t) for i, t in enumerate(texts)]
    if quote.kind == "mixed":
        found = [m.group(1) for m in _FRAGMENT_DOUBLE.finditer(quote.text)]
        if not found:
            found = [m.group(1) for m in _FRAGMENT_SINGLE.finditer(quote.text)]
        return [Fragment(t, i) for i, t in enumerate(f for f in found if f.strip())]
    return []


def parse_items(text: str) -> list[Item]:
    """Words and markers of one fragment, with offsets into ``text``; edge ellipses dropped."""
    folded = fold(text)
    items: list[Item] = []
    for m in _ITEM.finditer(folded):
        kind = m.lastgroup
        if kind == "sic":
            if items and items[-1].is_word:
                items[-1].sic = True
            continue
        if kind == "word":
            items.append(Item("word", norm_word(m.group()), m.start(), m.end()))
        elif kind == "ell":
            if not items or items[-1].kind != "ellipsis":
                items.append(Item("ellipsis", "…", m.start(), m.end()))
        else:
            items.append(Item("bracket", m.group()[1:-1].strip(), m.start(), m.end()))
    items = _glue_brackets(items, folded)
    # An ellipsis at either end only says the sentence went on: nothing quoted is changed.
    while items and items[0].kind == "ellipsis":
        items.pop(0)
    while items and items[-1].kind == "ellipsis":
        items.pop()
    return items


def _glue_brackets(items: list[Item], folded: str) -> list[Item]:
    """Merge "[T]" + "he" into one marked word "the"."""
    out: list[Item] = []
    for item in items:
        prev = out[-1] if out else None
        glued = (
            prev is not None
            and prev.end == item.start
            and {prev.kind, item.kind} <= {"word", "bracket"}
            and "bracket" in {prev.kind, item.kind}
            and all(
                x.kind == "word" or _GLUEABLE.fullmatch(folded[x.start : x.end])
                for x in (prev, item)
            )
        )
        if glued and prev is not None:
            out[-1] = Item(
                "word",
                prev.norm + item.norm,
                prev.start,
                item.end,
                marked=True,
                sic=item.sic,
            )
        else:
            out.append(item)
    return out


_MARKED_SPAN = re.compile(f"[{_OPEN_DOUBLE}][^{_OPEN_DOUBLE}{_CLOSE_DOUBLE}\\n]+[{_CLOSE_DOUBLE}]")
MIN_MARKED_WORDS = 3


def quotes_from_marks(text: str) -> list[Quote]:
    """Every stretch in double quotation marks as a direct quote, without any parsing.

    For ``quotetrace verify --quotes marks``: no spaCy, no speakers. Spans of
    fewer than three words ("so-called", scare quotes) become "term" quotes,
    which verification skips.
    """
    quotes: list[Quote] = []
    for m in _MARKED_SPAN.finditer(text):
        words = len(m.group().split())
        kind: QuoteKind = "direct" if words >= MIN_MARKED_WORDS else "term"
        quotes.append(
            Quote(id=len(quotes), kind=kind, text=m.group(), start=m.start(), end=m.end())
        )
    return quotes
