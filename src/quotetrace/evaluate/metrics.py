"""Span metrics for attribution extraction: tokens, normalisation, matching, P/R/F1.

Everything here is a pure function of an article's text and character spans,
so the metric can be unit-tested on hand-made pairs.

Definitions (also in docs/evaluation.md):

- A *span* is a tuple of half-open character ranges ``((start, end), ...)``;
  gold spans may be discontinuous, predicted ones usually are not.
- *Tokens* are the ``\\w+`` runs of the article text. Punctuation and
  quotation marks are never tokens, so mark placement cannot change a token
  set. A span's tokens are the tokens whose characters overlap any of its
  ranges (a range that cuts a word still takes the whole word).
- *Partial match*: a predicted and a gold span match when they share at least
  one token. Pairs are made one-to-one, greedily, largest token overlap
  first, so a duplicate or overlapping prediction cannot match a gold span
  that another prediction already took: it counts as a false alarm.
- *Exact match*: the two spans are equal after ``normalise`` (leading and
  trailing whitespace, punctuation and quotation marks stripped from each
  range, empty ranges dropped, ranges separated only by such characters
  merged), counted one-to-one as a multiset intersection.
- *P/R/F1*: ``p = correct / predicted``, ``r = correct / gold``, each 0.0 when
  its denominator is 0 (no predictions means no precision, not perfect
  precision); the counts are reported alongside so that case stays visible.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quotetrace.text.tokens import SCORING_TOKEN

Range = tuple[int, int]
Span = tuple[Range, ...]

def is_edge_char(ch: str) -> bool:
    """Whitespace, punctuation (quotes, dashes, brackets) or symbol: not part of a span's words."""
    return ch.isspace() or unicodedata.category(ch)[0] in "PS"


@dataclass(frozen=True, slots=True)
class PRF:
    correct: int
    predicted: int
    gold: int

    @property
    def p(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def r(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            self.correct + other.correct,
            self.predicted + other.predicted,
            self.gold + other.gold,
        )

    def to_dict(self, digits: int = 4) -> dict[str, float | int]:
        return {
            "p": round(self.p, digits),
            "r": round(self.r, digits),
            "f1": round(self.f1, digits),
            "correct": self.correct,
            "predicted": self.predicted,
            "gold": self.gold,
        }


ZERO = PRF(0, 0, 0)


def as_span(ranges: Iterable[Range]) -> Span:
    """A canonical span: sorted, empty ranges dropped, overlapping/touching ranges merged."""
    out: list[list[int]] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple((s, e) for s, e in out)


def normalise(text: str, span: Span) -> Span:
    """The span without edge whitespace/punctuation/quotes, for exact comparison."""
    stripped: list[Range] = []
    for start, end in span:
        while start < end and is_edge_char(text[start]):
            start += 1
        while end > start and is_edge_char(text[end - 1]):
            end -= 1
        if end > start:
            stripped.append((start, end))
    merged: list[Range] = []
    for start, end in sorted(stripped):
        if merged and all(is_edge_char(c) for c in text[merged[-1][1] : start]):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def span_text(text: str, span: Span, sep: str = " … ") -> str:
    """The span's characters; a gap of only whitespace/punctuation is kept, others become sep."""
    parts: list[str] = []
    for i, (start, end) in enumerate(span):
        if i:
            gap = text[span[i - 1][1] : start]
            parts.append(gap if all(is_edge_char(c) for c in gap) else sep)
        parts.append(text[start:end])
    return "".join(parts)


class TokenIndex:
    """The word tokens of one text, for looking up the tokens a span covers."""

    def __init__(self, text: str):
        self.tokens: list[Range] = [m.span() for m in SCORING_TOKEN.finditer(text)]
        self._starts = [s for s, _ in self.tokens]
        self._ends = [e for _, e in self.tokens]

    def __len__(self) -> int:
        return len(self.tokens)

    def tokens_of(self, span: Span) -> frozenset[int]:
        ids: set[int] = set()
        for start, end in span:
            # Tokens overlapping [start, end): ending after start and starting before end.
            first = bisect_right(self._ends, start)
            last = bisect_left(self._starts, end)
            ids.update(range(first, last))
        return frozenset(ids)


def greedy_match(
    gold: Sequence[frozenset[int]], pred: Sequence[frozenset[int]]
) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs sharing a token, largest overlap first.

    Ties go to the tighter pair (smaller union), then to document order, so the
    result is deterministic.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = len(g & p)
            if overlap:
                candidates.append((-overlap, len(g | p), gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def exact_matches(gold: Sequence[Span], pred: Sequence[Span]) -> int:
    """How many (already normalised) spans match one-to-one: a multiset intersection."""
    gold_counts = Counter(s for s in gold if s)
    pred_counts = Counter(s for s in pred if s)
    return sum(min(n, pred_counts[s]) for s, n in gold_counts.items())


def partial_prf(gold: Sequence[frozenset[int]], pred: Sequence[frozenset[int]]) -> PRF:
    return PRF(len(greedy_match(gold, pred)), len(pred), len(gold))


def token_prf(gold: Iterable[frozenset[int]], pred: Iterable[frozenset[int]]) -> PRF:
    """Soft token-level score: each token is content or not, in gold and in prediction.

    Unions are taken first, so overlapping predictions cannot count a token twice.
    """
    gold_tokens = frozenset().union(*gold)
    pred_tokens = frozenset().union(*pred)
    return PRF(len(gold_tokens & pred_tokens), len(pred_tokens), len(gold_tokens))
