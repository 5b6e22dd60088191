"""Quote families from quotations: pure functions over ``QuoteRec`` lists.

The same functions serve the store (one region of the link graph at a time), the
Dask batch (``quotetrace.batch.families``) and the benchmark, so that all three
give the same families for the same quotations:

1. ``sketch``: wording, words, LSH band keys and 3-gram keys of each quotation.
2. ``candidate_pairs``: pairs sharing an LSH band, or a 3-gram when one of the two
   is partial (few words, or indirect).
3. ``links``: the candidates that ``relate.same_utterance`` accepts, with a score
   (negative for a weak link: a short partial quote whose speaker cannot be checked).
4. ``assemble``: families from links. Full quotations are joined through their
   links (connected components); a partial quote or a paraphrase then joins the
   one family it matches best and never joins two families together: "the
   American people" is part of many utterances. Partial quotes matching no full
   one form families among themselves. A partial quote linked only weakly joins a
   family only when every quotation it matches is in it.
5. ``families.describe``: first appearance, members with relations and diffs, speakers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain, combinations

import numpy as np

from quotetrace.text.lexicon import word_class
from quotetrace.text.tokens import name_tokens
from quotetrace.trace.relate import same_utterance
from quotetrace.trace.wording import (
    SHORT_WORDS,
    TERM_WORDS,
    TRACED_KINDS,
    QuoteRec,
    anchor_keys,
    band_keys,
    content_words,
    gram_keys,
    is_partial,
    pieces,
    quotation_key,
    split,
    traceable_words,
    units,
    words,
)

MAX_BUCKET = 200  # a band shared by more quotations than this is boilerplate
# An anchor 3-gram held by more quotations than this is a common phrase ("I don't think"):
# the other anchor, or the bands, must find the longer quotation. It bounds the work per
# quotation, whatever the size of the corpus.
ANCHOR_BUCKET = 30
GRAM_WORDS = 30  # a quotation this short is also sought inside longer ones, through 3-grams
UNKNOWN_SPEAKER_WORDS = 6  # a partial quote with no speaker to check must be this long ...
# ... or, shorter (from ``MIN_WORDS``), its link is weak: the partial quote joins a family only
# when every quotation it matches is in that one family (``assemble``). A weak link is kept with
# a negative score. It needs this many content words ("Second Amendment people", not "Fox
# and Friends" or "oh, my God"):
WEAK_CONTENT_WORDS = 3


@dataclass(slots=True)
class Sketch:
    rec: QuoteRec
    wording: str
    n_words: int
    partial: bool
    bands: list[int] = field(default_factory=list)
    grams: list[int] = field(default_factory=list)
    anchors: list[int] = field(default_factory=list)  # only for quotations under GRAM_WORDS
    # The full stretches (``SHORT_WORDS`` or more) of a quotation of several quoted stretches
    # ("A," she said. "B."): each is also compared on its own (``link``).
    stretches: tuple[str, ...] = ()


def sketches(rec: QuoteRec) -> list[Sketch]:
    """The sketches of what is traced of a quotation (``wording.units``): one, or one per
    fragment of a mixed quote of several."""
    return [s for s in map(sketch, units(rec)) if s is not None]


def sketch(rec: QuoteRec) -> Sketch | None:
    if rec.kind not in TRACED_KINDS:
        return None
    parts = pieces(rec.kind, rec.text)
    text = " … ".join(parts)
    ws = words(text)
    if not traceable_words(ws):
        return None
    anchors = anchor_keys(ws) if len(ws) < GRAM_WORDS else []
    bands = band_keys(ws)
    stretches: tuple[str, ...] = ()
    if len(parts) > 1:
        stretches = tuple(p for p in parts if len(words(p)) >= SHORT_WORDS)
        # A stretch is a near-duplicate of another quotation more often than the whole is.
        bands = sorted(set(bands).union(*(band_keys(words(p)) for p in stretches)))
    # A quotation traced in fragments too is, whole, a partial quote: it never joins two
    # families together (``wording.units``).
    partial = is_partial(rec.kind, len(ws)) or split(rec)
    if partial:
        stretches = ()
    return Sketch(rec, text, len(ws), partial, bands, gram_keys(ws), anchors, stretches)


def candidate_pairs(sketches: list[Sketch]) -> set[tuple[int, int]]:
    """Index pairs (i < j) worth aligning: sharing an LSH band (near-duplicates), or one
    holding an anchor 3-gram of the other, shorter than ``GRAM_WORDS`` words (a quotation
    inside a longer one: too few shared shingles for the Jaccard estimate)."""
    pairs: set[tuple[int, int]] = set()
    for bucket in _buckets([s.bands for s in sketches]):
        pairs.update((int(i), int(j)) for i, j in combinations(bucket, 2))
    hay_keys, hay_owners = _flat([s.grams for s in sketches])
    needle_keys, needle_owners = _flat([s.anchors for s in sketches])
    partial = [s.partial for s in sketches]
    for s, others in _anchored(hay_keys, hay_owners, needle_keys, needle_owners, partial):
        pairs.update((min(s, x), max(s, x)) for x in others if x != s)
    return pairs


def _flat(values: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    counts = np.fromiter((len(v) for v in values), dtype=np.int64, count=len(values))
    keys = np.fromiter(chain.from_iterable(values), dtype=np.int64, count=int(counts.sum()))
    return keys, np.repeat(np.arange(len(values), dtype=np.int64), counts)


def _anchored(hay_keys, hay_owners, needle_keys, needle_owners, partial):
    """(quotation S under ``GRAM_WORDS`` words, the quotations that may hold it). A partial S
    (``partial[S]``) is sought through either anchor held by at most ``ANCHOR_BUCKET``
    quotations; a longer S only in quotations holding both its anchors (each held by at
    most ``MAX_BUCKET``): one shared common phrase is not worth an alignment."""
    order = np.argsort(hay_keys, kind="stable")
    hay_keys, hay_owners = hay_keys[order], hay_owners[order]
    del order
    lo = np.searchsorted(hay_keys, needle_keys, side="left")
    hi = np.searchsorted(hay_keys, needle_keys, side="right")
    size = hi - lo
    n_anchors = np.bincount(needle_owners) if len(needle_owners) else needle_owners
    pending: dict[int, list[int] | None] = {}  # a longer S: holders of its first anchor
    for k in np.flatnonzero(size > 1).tolist():
        s = int(needle_owners[k])
        holders = hay_owners[lo[k] : hi[k]].tolist()
        if partial[s]:
            if size[k] <= ANCHOR_BUCKET:
                yield s, holders
        elif s not in pending:
            pending[s] = holders if size[k] <= MAX_BUCKET else None
        else:
            first = pending.pop(s)
            if first is not None and size[k] <= MAX_BUCKET:
                yield s, sorted(set(first).intersection(holders))
    # A longer S whose two anchors are one 3-gram (or whose other anchor nobody else holds):
    for s, holders in pending.items():
        if holders is not None and n_anchors[s] == 1:
            yield s, holders


def _buckets(values: list[list[int]]):
    return _buckets_flat(*_flat(values))


def _buckets_flat(keys: np.ndarray, owners: np.ndarray):
    """Groups of quotation indexes (ascending) sharing a key, from 2 to ``MAX_BUCKET`` long."""
    order = np.lexsort((owners, keys))
    keys, owners = keys[order], owners[order]
    del order
    starts = np.flatnonzero(np.diff(keys, prepend=keys[:1] - 1)) if len(keys) else keys
    sizes = np.diff(np.append(starts, len(keys)))
    keep = (sizes > 1) & (sizes <= MAX_BUCKET)
    for start, size in zip(starts[keep].tolist(), sizes[keep].tolist(), strict=True):
        yield owners[start : start + size]


def link(a: Sketch, b: Sketch) -> float | None:
    if a.rec.key == b.rec.key or (
        (a.rec.piece or b.rec.piece) and quotation_key(a.rec.key) == quotation_key(b.rec.key)
    ):
        return None  # a quotation and its own fragments: no evidence of anything
    partial = a.partial or b.partial
    weak = False
    if partial:
        checked = _partial_speakers_ok(a, b)
        if checked is None:
            return None
        weak = not checked
    sa, sb = (s if s and person_like(s) else None for s in (a.rec.speaker, b.rec.speaker))
    strict = bool(sa and sb and not same_person(sa, sb))
    score = same_utterance(a.rec.kind, a.wording, b.rec.kind, b.wording, partial=partial, strict=strict)
    if weak:
        short, long = (a, b) if a.n_words <= b.n_words else (b, a)
        if score is None or _cited(short.wording, long.wording):
            return None
        return -score
    if score is not None or partial or not (a.stretches or b.stretches):
        return score
    # Quotations of several stretches: a stretch may be the utterance the other quotes
    # (whole, trimmed or edited) while the wholes differ by the other stretches.
    best = None
    for ta in a.stretches or (a.wording,):
        for tb in b.stretches or (b.wording,):
            got = same_utterance(a.rec.kind, ta, b.rec.kind, tb, partial=False, strict=strict)
            if got is not None and (best is None or got > best):
                best = got
    return best


def _partial_speakers_ok(a: Sketch, b: Sketch) -> bool | None:
    """A few words ("hundreds of thousands of dollars", "the campaign trail") recur in many
    utterances: a partial quote or a paraphrase joins a quotation of the same speaker, or,
    when a speaker is unknown, only if it is long enough to be telling (True). A shorter one
    may still link weakly (False; ``assemble``), never to a paraphrase or to another partial
    quote without a checked speaker. None: no link."""
    sa, sb = (s if s and person_like(s) else None for s in (a.rec.speaker, b.rec.speaker))
    if sa and sb:
        return same_person(sa, sb) or None
    if "indirect" in (a.rec.kind, b.rec.kind):
        return None
    shortest = min(s.n_words for s in (a, b) if s.partial)
    terms = min((s.n_words for s in (a, b) if s.rec.kind == "term"), default=TERM_WORDS)
    if shortest >= UNKNOWN_SPEAKER_WORDS and terms >= TERM_WORDS:
        return True
    if a.partial and b.partial and not (sa or sb):
        return None  # the same few words quoted twice, by nobody named: no evidence
    short = min((s for s in (a, b) if s.partial), key=lambda s: (s.n_words, s.rec.key))
    return False if content_words(words(short.wording)) >= WEAK_CONTENT_WORDS else None


_MARKS = "'‘’\"“”"


def _cited(short: str, long: str) -> bool:
    """Whether ``long`` quotes the words of ``short`` in quotation marks of its own (a critic
    repeating "‘Second Amendment people’"): it cites them, it does not say them again."""
    phrase = short.strip(" .,;:!?" + _MARKS).casefold()
    text, at = long.casefold(), 0
    while phrase and (at := text.find(phrase, at)) >= 0:
        before = text[:at].rstrip()[-1:]
        if before and before in _MARKS:
            return True
        at += 1
    return False


def links(sketches: list[Sketch], pairs: Iterable[tuple[int, int]]) -> list[tuple[str, str, float]]:
    out = []
    for i, j in sorted(pairs):
        score = link(sketches[i], sketches[j])
        if score is not None:
            a, b = sorted((sketches[i].rec.key, sketches[j].rec.key))
            out.append((a, b, score))
    return out


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # the smaller key roots: order-free


def assemble(partial: dict[str, bool], edges: Iterable[tuple[str, str, float]]) -> list[list[str]]:
    """Families (lists of keys, sorted) from links; ``partial`` maps every linked key."""
    full_edges, part_nbrs, weak_nbrs = [], defaultdict(list), defaultdict(list)
    for a, b, score in edges:
        if score < 0:  # a weak link (``link``): a short partial quote and another quotation
            for p, n in ((a, b), (b, a)):
                if partial[p]:
                    weak_nbrs[p].append(n)
        elif not partial[a] and not partial[b]:
            full_edges.append((a, b))
        else:
            part_nbrs[a].append((score, b))
            part_nbrs[b].append((score, a))
    uf = _Union()
    for a, b in full_edges:
        uf.union(a, b)
    home: dict[str, str] = {}
    for p in sorted(k for k in part_nbrs if partial[k]):
        best = _best((s, n) for s, n in part_nbrs[p] if not partial[n])
        if best is not None:
            home[p] = uf.find(best)
    # Partials that match no full quotation: through one already placed, or among themselves.
    loose = sorted(k for k in part_nbrs if partial[k] and k not in home)
    for p in loose:
        best = _best((s, n) for s, n in part_nbrs[p] if n in home)
        if best is not None:
            home[p] = home[best]
    for p in loose:
        if p not in home:
            for _, n in part_nbrs[p]:
                if partial[n] and n not in home:
                    uf.union(p, n)
    # A partial quote linked only weakly joins a family of several full quotations (an
    # utterance repeated) when every quotation it matches is in that family: words that
    # utterance alone holds.
    # Another partial quote holding the words counts against, wherever it is.
    size: defaultdict[str, int] = defaultdict(int)
    for key in uf.parent:
        size[uf.find(key)] += not partial[key]
    placed = dict(home)
    for p in sorted(k for k in weak_nbrs if k not in part_nbrs):
        roots = {placed.get(n) or uf.find(n) for n in weak_nbrs[p]}
        if len(roots) == 1 and size[next(iter(roots))] > 1:
            home[p] = roots.pop()
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for key in set(partial) & (set(uf.parent) | set(home) | set(part_nbrs)):
        groups[home.get(key) or uf.find(key)].append(key)
    return sorted(g for g in map(_once, groups.values()) if len(g) > 1)


def _once(group: list[str]) -> list[str]:
    """A family lists a quotation once: by the whole quotation, or its first fragment there."""
    first: dict[str, str] = {}
    for key in sorted(group, key=lambda k: (quotation_key(k), k != quotation_key(k), k)):
        first.setdefault(quotation_key(key), key)
    return sorted(first.values())


def _best(scored: Iterable[tuple[float, str]]) -> str | None:
    best = min(scored, key=lambda sn: (-round(sn[0], 6), sn[1]), default=None)
    return best[1] if best else None


# -- speakers ------------------------------------------------------------------------------


def same_person(a: str, b: str) -> bool:
    """ "Trump" and "Donald Trump" are one person; "Bill Clinton" and "Hillary Clinton" two."""
    # An initial ("J.") tells no one apart: "J. Smith" may be "John Smith".
    ta, tb = ({t for t in name_tokens(n) if len(t) > 1} for n in (a, b))
    return bool(ta and tb) and (ta <= tb or tb <= ta)


def person_like(name: str) -> bool:
    tokens = name.replace(".", " ").split()
    if len(tokens) == 1 and tokens[0].casefold() in word_class("weekday"):
        return False  # the extractor took a date for the speaker
    if not 1 <= len(tokens) <= 4 or not all(t[:1].isupper() for t in tokens):
        return False
    return len(tokens) > 1 or not tokens[0].endswith("s")  # "Republicans", "Democrats"
