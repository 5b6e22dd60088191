"""The records of the synthetic verification set: a case, its expected result, comparison words."""

from __future__ import annotations

from dataclasses import dataclass, field

from quotetrace.records import Quote
from quotetrace.text.normalize import fold
from quotetrace.text.tokens import FOLDED_WORD as WORD
from quotetrace.verify.source import Source

ChangeKey = tuple[str, tuple[str, ...], tuple[str, ...], str]


@dataclass(slots=True)
class Expected:
    """Ground truth for one quote (or one fragment of a mixed quote)."""

    status: str
    variant: str
    changes: list[ChangeKey] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # source pieces, quote order
    speaker_consistent: bool | None = None
    article_span: tuple[int, int] | None = None  # where the quoted words are in the article


@dataclass(slots=True)
class Case:
    quote: Quote
    expected: list[Expected]  # one per fragment for mixed quotes, else one


@dataclass(slots=True)
class SynthDoc:
    """One source and the secondary article that quotes it."""

    source: Source
    article: str
    cases: list[Case]


def words_of(text: str) -> tuple[str, ...]:
    """Comparison words; brackets are dropped so "[T]he" gives "the" and "[sic]" "sic"."""
    return tuple(WORD.findall(fold(text.replace("[", "").replace("]", ""))))


def change_key(op: str, source: str, quote: str, kind: str) -> ChangeKey:
    return (op, words_of(source), words_of(quote), kind)
