"""The small records and span helpers that every attribution stage shares."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

import numpy
from spacy.attrs import HEAD
from spacy.tokens import Doc, Token

from quotetrace.extract.cues import CueCandidate

# gate(cue, draft) -> confidence, or None to reject an unquoted candidate (see extract.gate).
Gate = Callable[[CueCandidate, "Draft"], "float | None"]
STRIP = " \n\t,;:—–-"
HEADS_KEY = "qt_heads"  # removed by the component once a Doc is attributed


@dataclass(slots=True)
class Draft:
    """A quote before ids and continuation are settled."""

    kind: str
    start: int
    end: int
    cue: CueCandidate | None
    speaker_tok: Token | None
    confidence: float
    continuation: bool = False
    label: tuple[int, int] | None = None  # an explicit speaker label ("PENCE:") instead of a token
    extent_kind: str = ""  # how the content was found: ccomp, object, parataxis, according, ...
    # The content's pieces when the cue or its clause interrupts it ("A," she said, "B").
    fragments: list[tuple[int, int]] | None = None
    # Where the cue ends when the content's extent widens it ("expressed concern about").
    cue_end: int | None = None
    # A reporting participle cut from the end of this content (', saying that ...'): its cue
    # speaks for this draft's speaker.
    participle: Token | None = None

    def pieces(self) -> list[tuple[int, int]]:
        return self.fragments or [(self.start, self.end)]


def heads_of(doc: Doc) -> numpy.ndarray:
    """Each token's head as an absolute index, computed once per Doc: walking the tree over
    this array creates no Token objects, which are the extractor's largest cost."""
    cached = doc.user_data.get(HEADS_KEY)
    if cached is None:
        relative = doc.to_array([HEAD]).astype(numpy.int64).reshape(-1) if len(doc) else numpy.zeros(0)
        cached = doc.user_data[HEADS_KEY] = relative.astype(numpy.int64) + numpy.arange(len(doc))
    return cached


def governors_of(doc: Doc, start: int, end: int) -> set[int]:
    """Tokens that govern some token of doc[start:end]: the ancestors of its roots."""
    heads = heads_of(doc)
    positions = numpy.arange(start, end)
    local = heads[start:end]
    roots = positions[(local < start) | (local >= end) | (local == positions)]
    found: set[int] = set()
    for root in roots.tolist():
        i = root
        while heads[i] != i:
            i = int(heads[i])
            if i in found:
                break  # the rest of this chain is known already
            found.add(i)
    return found


def inside(char: int, ranges: list[tuple[int, int]]) -> bool:
    """``ranges`` sorted by start and non-overlapping, as quotation spans are."""
    i = bisect.bisect_right(ranges, (char, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= char < ranges[i][1]


def overlaps(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_left(ranges, (end, -1))  # ranges starting before ``end``
    return i > 0 and ranges[i - 1][1] > start


def between(cues: list[CueCandidate], start: int, end: int) -> list[CueCandidate]:
    """Cues (sorted by start) that start in [start, end)."""
    starts = [c.start for c in cues]
    return cues[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in STRIP:
        start += 1
    while end > start and text[end - 1] in " \n\t,;:—–":
        end -= 1
    return start, end
