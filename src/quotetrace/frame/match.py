"""Lexical matching of a headline claim against quotes: stems, synonyms and BM25 idf weights.

The score of a quote is the idf-weighted share of the claim's content words
that the quote contains (as the same stem, a listed near-synonym, or a word
sharing its first six letters): 1.0 when every content word of the claim is
in the quote, weighted so that rare words ("Hamas", "cocaine") count more than
common ones ("people"). idf is BM25's, over the body's sentences.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from quotetrace.frame.lexicon import stopwords, synonym_groups
from quotetrace.text.stem import stem
from quotetrace.text.tokens import WORD

PREFIX = 6


@lru_cache(maxsize=65536)
def _content_stem(word: str) -> str | None:
    """The stem of a content word; None for a function word."""
    low = word.lower().replace("’", "'")
    if len(low) < 2 or low in stopwords() or re.sub(r"'s$", "", low) in stopwords():
        return None
    return stem(low)


def content_stems(text: str) -> list[str]:
    """Stems of the content words; a hyphenated word counts as its parts."""
    words = [part for w in WORD.findall(text) for part in w.split("-")]
    return [s for s in map(_content_stem, words) if s is not None]


@dataclass(slots=True)
class Bag:
    """The matchable forms of one text."""

    stems: frozenset[str]
    groups: frozenset[int]
    prefixes: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Bag:
        stems = frozenset(content_stems(text))
        syn = synonym_groups()
        groups = frozenset(g for s in stems for g in syn.get(s, ()))
        return cls(stems, groups, frozenset(s[:PREFIX] for s in stems if len(s) >= PREFIX))

    def has(self, term: str) -> bool:
        if term in self.stems:
            return True
        if len(term) >= PREFIX and term[:PREFIX] in self.prefixes:
            return True
        return bool(self.groups and self.groups & synonym_groups().get(term, frozenset()))


class Idf:
    """BM25 inverse document frequency of the claim's terms over the body's sentences.

    A sentence holds a term when one of its words starts with the term's stem ("push" in
    "pushed"): counted with one string search per claim term, not by stemming the whole
    body, which keeps the check well under a millisecond on long articles.
    """

    def __init__(self, text: str, spans: list[tuple[int, int]], terms: Iterable[str]):
        self.n = len(spans)
        starts = [s for s, _ in spans]
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters change length when lowered
            lowered = text
        lo, hi = (spans[0][0], spans[-1][1]) if spans else (0, 0)
        self.df: dict[str, int] = {}
        for term in set(terms):
            hits = set()
            pos = lowered.find(term, lo, hi)
            while pos >= 0:
                if pos == 0 or not lowered[pos - 1].isalnum():
                    hits.add(bisect_right(starts, pos) - 1)
                pos = lowered.find(term, pos + 1, hi)
            self.df[term] = len(hits)

    def __call__(self, term: str) -> float:
        # A word the body never uses weighs as much as its rarest word, no more: otherwise in
        # a short body the claim's unseen words would drown everything the quotes do match.
        df = max(self.df.get(term, 0), 1)
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))


def greedy_cover(claim: list[str], bags: list[Bag], idf: Idf, k: int) -> tuple[float, list[int]]:
    """Coverage of the claim by the (at most) ``k`` bags that add most to it, chosen greedily."""
    terms = list(dict.fromkeys(claim))
    total = sum(idf(t) for t in terms)
    chosen: list[int] = []
    covered: set[str] = set()
    for _ in range(k):
        gains = [
            (sum(idf(t) for t in terms if t not in covered and bag.has(t)), i)
            for i, bag in enumerate(bags)
            if i not in chosen
        ]
        gain, best = max(gains, default=(0.0, -1))
        if gain <= 0:
            break
        chosen.append(best)
        covered |= {t for t in terms if bags[best].has(t)}
    # Summed in the claim's order, never a set's: float sums in hash order differ in the last
    # bit between runs, and ties between quotes then broke differently with PYTHONHASHSEED.
    return (sum(idf(t) for t in terms if t in covered) / total if total else 0.0), chosen


def coverage(claim: list[str], bags: list[Bag], idf: Idf) -> tuple[float, set[str]]:
    """idf-weighted share of the claim's terms found in any of ``bags``, and the terms found."""
    terms = list(dict.fromkeys(claim))
    total = sum(idf(t) for t in terms)
    if not total:
        return 0.0, set()
    found = {t for t in terms if any(b.has(t) for b in bags)}
    return sum(idf(t) for t in terms if t in found) / total, found
