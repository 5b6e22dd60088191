"""``cluster``: families over a collection held on one machine, in memory that grows linearly.

Band and 3-gram keys go into flat int64 arrays as quotations are sketched (a list of
Python ints per quotation would cost ten times more), then sorting them gives the
buckets of candidates, and candidate pairs are decided as they come out of a bucket,
never gathered into a set. Two full quotations already in one family are not aligned
again: families of full quotations are connected components, which such a link
cannot change, so the result is that of aligning every candidate pair
(``cluster.links``). That keeps a family of k variants at about k alignments, not k²/2.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from quotetrace.trace.cluster import Sketch, _anchored, _buckets_flat, _Union, assemble, link
from quotetrace.trace.cluster import sketches as sketches_of
from quotetrace.trace.wording import QuoteRec


@dataclass(slots=True)
class Stats:
    """What a run cost, for the benchmark."""

    quotations: int = 0
    traced: int = 0
    candidate_pairs: int = 0
    aligned: int = 0
    links: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def cluster(recs: Iterable[QuoteRec], stats: Stats | None = None, clock=None) -> list[list[str]]:
    """Families (sorted lists of keys) of ``recs``; the same as the store gives."""
    stats = stats if stats is not None else Stats()
    tick = _Ticker(stats, clock)
    sketches: list[Sketch] = []
    keys = {name: (array("q"), array("q")) for name in ("bands", "grams", "anchors")}
    for rec in recs:
        stats.quotations += 1
        for s in sketches_of(rec):
            i = len(sketches)
            for name, (values, owners) in keys.items():
                got = getattr(s, name)
                values.extend(got)
                owners.extend([i] * len(got))
            s.bands, s.grams, s.anchors = [], [], []  # kept in the arrays from here on
            sketches.append(s)
    stats.traced = len(sketches)
    tick("sketch")
    arrays = {
        n: (np.frombuffer(v, dtype=np.int64), np.frombuffer(o, dtype=np.int64)) for n, (v, o) in keys.items()
    }
    found = _decide(sketches, _pairs(arrays, [s.partial for s in sketches]), stats)
    del arrays, keys
    tick("candidates+links")
    families = assemble({s.rec.key: s.partial for s in sketches}, found)
    tick("assemble")
    return families


def _pairs(arrays, partial: list[bool]) -> Iterator[tuple[int, int]]:
    for bucket in _buckets_flat(*arrays["bands"]):
        yield from combinations(bucket.tolist(), 2)
    (gram_keys, gram_owners), (anchor_keys, anchor_owners) = arrays["grams"], arrays["anchors"]
    for s, others in _anchored(gram_keys, gram_owners, anchor_keys, anchor_owners, partial):
        yield from ((min(s, x), max(s, x)) for x in others if x != s)


def _decide(sketches: list[Sketch], pairs: Iterable[tuple[int, int]], stats: Stats) -> list:
    uf = _Union()
    seen: set[tuple[int, int]] = set()  # rejected pairs, and pairs with a partial side
    found = []
    for i, j in pairs:
        stats.candidate_pairs += 1
        a, b = sketches[i], sketches[j]
        full = not a.partial and not b.partial
        if full and uf.find(a.rec.key) == uf.find(b.rec.key):
            continue
        if (i, j) in seen:
            continue
        stats.aligned += 1
        score = link(a, b)
        if full and score is not None:
            uf.union(a.rec.key, b.rec.key)  # the union find remembers it: no need for `seen`
        else:
            seen.add((i, j))
        if score is not None:
            found.append((*sorted((a.rec.key, b.rec.key)), score))
    stats.links = len(found)
    return found


class _Ticker:
    def __init__(self, stats: Stats, clock) -> None:
        import time

        self.stats, self.clock = stats, clock or time.perf_counter
        self.last = self.clock()

    def __call__(self, name: str) -> None:
        now = self.clock()
        self.stats.seconds[name] = now - self.last
        self.last = now
