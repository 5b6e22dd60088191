"""The records ``verify_quotes`` returns; ``Verification.to_dict()`` is the JSON contract."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Best first: when several sources match a quote, the best status wins.
STATUSES: tuple[str, ...] = (
    "verbatim",
    "edited",
    "altered",
    "stitched",
    "paraphrase_supported",
    "not_found",
    "not_checked",  # not found, but not expected in the source (verify/scope.py)
)
STATUS_RANK = {status: rank for rank, status in enumerate(STATUSES)}
# What a change is: an unmarked word change ("word") makes a quote altered; the rest are
# marked by the writer (brackets, ellipsis, [sic]) or trivial (punctuation, a contraction
# spelled out or made: "there is" -> "there's") and keep it edited.
CHANGE_KINDS: tuple[str, ...] = ("word", "bracket", "ellipsis", "sic", "punctuation", "contraction")
MARKED_KINDS = frozenset(CHANGE_KINDS) - {"word"}


@dataclass(slots=True)
class WordEdit:
    """One step between source words and quoted words. op: equal | replace | insert | delete |
    jump.

    A verification lists them twice: ``changes`` holds only the differences, each with its
    ``kind`` (one of CHANGE_KINDS: what decides edited or altered); ``diff`` is the full word
    diff in quote order, the equal runs included (what the HTML and table views draw), where
    ``kind`` is set on differences, None on equal runs, and on a jump to another source
    passage is the signed number of source words skipped ("-40" for 40 words back).
    """

    op: str
    source: str
    quote: str
    kind: str | None = None


@dataclass(slots=True)
class SourcePiece:
    """A source passage that a (stitched) quote uses. ``gap_words``: source words between
    this piece and the previous one; negative when it comes earlier in the source."""

    text: str
    source_start: int
    source_end: int
    quote_text: str
    gap_words: int | None = None
    speaker: str | None = None


@dataclass(slots=True)
class Verification:
    """The verdict for one quote (or one quoted fragment of a mixed quote)."""

    quote_id: int
    quote_text: str
    kind: str
    status: str
    score: float
    source: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    source_text: str | None = None
    context_before: str = ""
    context_after: str = ""
    changes: list[WordEdit] = field(default_factory=list)
    pieces: list[SourcePiece] = field(default_factory=list)
    gap_words: int | None = None
    source_speaker: str | None = None
    speaker_consistent: bool | None = None
    speaker: str | None = None  # who the article says spoke
    fragment: int | None = None  # index of the quoted fragment within a mixed quote
    diff: list[WordEdit] = field(default_factory=list)
    note: str | None = None  # why a quote could not be checked, when it could not

    @property
    def found(self) -> bool:
        return self.status not in ("not_found", "not_checked")

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["score"] = round(self.score, 3)
        return out
