"""Word alignment of one quote fragment against one source.

1. Seeds: every quote word pair found at most ``MAX_SEED_HITS`` times in the
   source (positions from ``SourceIndex.pair_hits``), and every word found at most
   twice; common pairs ("of the") seed nothing.
2. Blocks: each seed grown left and right into a maximal run of equal words.
3. Chain: the co-linear set of blocks covering most quote words (dynamic
   programming over blocks). Moving to a distant or earlier part of the
   source costs a penalty, so a chain only jumps when the quote really joins
   separate passages; each jump starts a new piece. Quote words left over at the
   ends of a piece are then sought near it, with any word pair however common.
4. Inside a piece, the short stretches between blocks (and the quote's ragged
   edges) are aligned with rapidfuzz Levenshtein opcodes over words.

Only the candidate windows around seeds are ever aligned, never the whole
source, which is what keeps 50 quotes against a 10,000-word source fast.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from quotetrace.text.tokens import SENTINEL
from quotetrace.verify.pieces import Block, Op, Piece
from quotetrace.verify.quotes import Item
from quotetrace.verify.source import SourceIndex

_PLACEHOLDER_BASE = 0x100000  # plane 16: never a source word character
MAX_SEED_HITS = 24  # a word pair found more often than this is too common to seed from
RARE_WORD_HITS = 2  # a single word this rare in the source is a seed on its own
SHORT_RETRY_WORDS = 8  # a quote this short with few seeds is seeded again ...
SHORT_RETRY_HITS = 256  # ... from pairs found up to this often
MAX_BLOCKS = 48
BLOCKS_PER_WORD = 3  # alternative source places kept per quote word
LOCAL_GAP = 8  # unmarked omission/replacement of at most this many source words stays "altered"
MARKED_GAP = 60  # an ellipsis may stand for at most this many source words in one passage
STITCH_PENALTY = 2.5  # words of coverage a jump to another passage must buy
MIN_PIECE_WORDS = 3  # a passage of a stitched quote matches at least this many words
_CLAUSE_STOP = re.compile(r"[.!?…:;\"“”„«»()\[\]—–]")
_CLAUSE_STOPS = re.compile(r"(?:[.!?…:;\"“”„«»()\[\]—–]\s*)+")  # one boundary, marks and all


def encode_quote(items: list[Item], vocab: dict[str, str]) -> str:
    """One character per item: a source word's character, or a unique never-matching one."""
    chars = []
    for i, item in enumerate(items):
        char = vocab.get(item.norm) if item.is_word else None
        chars.append(char or chr(_PLACEHOLDER_BASE + i))
    return "".join(chars)


def quote_pairs(q: str) -> set[str]:
    """The word pairs of an encoded quote that can match the source (no placeholders)."""
    return {
        q[i : i + 2]
        for i in range(len(q) - 1)
        if ord(q[i]) < _PLACEHOLDER_BASE and ord(q[i + 1]) < _PLACEHOLDER_BASE
    }


def exact_hits(q: str, enc: str, limit: int = 20) -> list[int]:
    """Source word positions where the whole encoded quote occurs."""
    hits: list[int] = []
    pos = enc.find(q)
    while pos != -1 and len(hits) < limit:
        hits.append(pos)
        pos = enc.find(q, pos + 1)
    return hits


def find_blocks(q: str, idx: SourceIndex, max_hits: int = MAX_SEED_HITS) -> list[Block]:
    enc = idx.enc
    n, m = len(q), len(enc)
    blocks: list[Block] = []
    covered: set[tuple[int, int]] = set()

    def grow(i: int, j: int, k: int) -> None:
        a, b = i, j
        while a > 0 and b > 0 and q[a - 1] == enc[b - 1]:
            a, b = a - 1, b - 1
        e, f = i + k, j + k
        while e < n and f < m and q[e] == enc[f]:
            e, f = e + 1, f + 1
        blocks.append(Block(a, e, b, f))
        covered.update((b - a, x) for x in range(a, e))

    pairs, counts = idx.pair_hits(quote_pairs(q)), idx.counts
    for i in range(n - 1):
        hits = pairs.get(q[i : i + 2])
        if hits and len(hits) <= max_hits:
            for j in hits:
                if (j - i, i) not in covered:
                    grow(i, j, 2)
    for i, ch in enumerate(q):
        if 0 < counts.get(ch, 0) <= RARE_WORD_HITS:
            j = enc.find(ch)
            while j != -1:
                if (j - i, i) not in covered:
                    grow(i, j, 1)
                j = enc.find(ch, j + 1)
    # Keep, for each quote word, only the few longest blocks that cover it: the rest are
    # chance matches of common word pairs, and the chaining below is quadratic in blocks.
    blocks.sort(key=lambda b: (-b.size, b.s0))
    depth = [0] * n
    kept = []
    for b in blocks:
        if min(depth[b.q0 : b.q1]) < BLOCKS_PER_WORD:
            kept.append(b)
            for x in range(b.q0, b.q1):
                depth[x] += 1
            if len(kept) == max(MAX_BLOCKS, n // 2):  # a long quote has many true blocks
                break
    return kept


def local_blocks(q: str, enc: str, q_lo: int, q_hi: int, s_lo: int, s_hi: int) -> list[Block]:
    """Maximal runs of equal words between quote items [q_lo, q_hi) and source words
    [s_lo, s_hi), from every word pair of the quote found in that window."""
    s_lo, s_hi = max(0, s_lo), min(len(enc), s_hi)
    out: list[Block] = []
    seen: set[tuple[int, int]] = set()
    for i in range(q_lo, q_hi - 1):
        pair = q[i : i + 2]
        j = enc.find(pair, s_lo, s_hi)
        while j != -1:
            if (j - i, i) not in seen:
                a, b = i, j
                while a > q_lo and b > s_lo and q[a - 1] == enc[b - 1]:
                    a, b = a - 1, b - 1
                e, f = i + 2, j + 2
                while e < q_hi and f < s_hi and q[e] == enc[f]:
                    e, f = e + 1, f + 1
                out.append(Block(a, e, b, f))
                seen.update((b - a, x) for x in range(a, e))
            j = enc.find(pair, j + 1, s_hi)
    return out


_SWAP = {"insert": "delete", "delete": "insert"}


def _word_ops(q: str, s: str, q0: int, s0: int) -> list[Op]:
    """Levenshtein opcodes of quote words ``q`` vs source words ``s``, in this module's terms:
    "insert" = words only in the quote, "delete" = source words the quote leaves out."""
    return [
        Op(
            _SWAP.get(o.tag, o.tag),
            q0 + o.src_start,
            q0 + o.src_end,
            s0 + o.dest_start,
            s0 + o.dest_end,
        )
        for o in Levenshtein.opcodes(q, s)
    ]


class Aligner:
    """Aligns the items of one fragment against one source index."""

    def __init__(self, items: list[Item], index: SourceIndex, text: str, quote: str = ""):
        self.items = items
        self.idx = index
        self.text = text
        self.quote = quote  # the fragment the items index (to see its own clause boundaries)
        self.q = encode_quote(items, index.vocab)
        self._ellipsis_before = [0]
        for item in items:
            self._ellipsis_before.append(self._ellipsis_before[-1] + (item.kind == "ellipsis"))

    # -- junctions -------------------------------------------------------------------------
    def junction(self, a_q1: int, a_s1: int, b_q0: int, b_s0: int) -> str:
        """How the passage ending at (a_q1, a_s1) continues at (b_q0, b_s0).

        "local": same passage, unmarked changes between; "marked": same passage, an
        ellipsis stands for the words skipped; "stitch": a different passage.
        """
        ds = b_s0 - a_s1
        if ds < 0 or SENTINEL in self.idx.enc[a_s1:b_s0]:
            return "stitch"
        if self._ellipsis_before[b_q0] > self._ellipsis_before[a_q1]:
            return "marked" if ds <= MARKED_GAP else "stitch"
        if ds > LOCAL_GAP:
            return "stitch"
        dq = b_q0 - a_q1
        if ds > dq + 2 and self.idx.sentence_of(a_s1 - 1) != self.idx.sentence_of(b_s0):
            return "stitch"  # a whole sentence (or its end and the next's start) left out unmarked
        return "local"

    def _penalty(self, a: Block, b_q0: int, b_s0: int) -> float:
        kind = self.junction(a.q1, a.s1, b_q0, b_s0)
        if kind == "stitch":
            return STITCH_PENALTY
        if kind == "local":
            return 0.05 * abs((b_s0 - a.s1) - (b_q0 - a.q1))
        return 0.01 * (b_s0 - a.s1)

    # -- chaining --------------------------------------------------------------------------
    def chain(self, blocks: list[Block]) -> list[Block]:
        if not blocks:
            return []
        blocks = sorted(blocks, key=lambda b: (b.q0, b.s0))
        best = [float(b.size) for b in blocks]
        back: list[tuple[int, int] | None] = [None] * len(blocks)
        for j, b in enumerate(blocks):
            for i in range(j):
                a = blocks[i]
                if a.q0 >= b.q0 or a.q1 >= b.q1:
                    continue
                overlap = a.q1 - b.q0 if a.q1 > b.q0 else 0
                value = best[i] + (b.q1 - b.q0 - overlap)
                if value <= best[j]:
                    continue  # cannot win even without a penalty
                ds = b.s0 + overlap - a.s1
                if 0 <= ds <= MARKED_GAP:
                    value -= self._penalty(a, b.q0 + overlap, b.s0 + overlap)
                else:
                    value -= STITCH_PENALTY  # far away or backwards: always another passage
                value -= min(abs(ds), 10_000) * 1e-6  # of equal chains, the tightest wins
                if value > best[j]:
                    best[j], back[j] = value, (i, overlap)
        at: int | None = max(range(len(blocks)), key=lambda k: (best[k], -blocks[k].s0))
        out: list[Block] = []
        trim = 0
        while at is not None:
            b = blocks[at]
            out.append(Block(b.q0 + trim, b.q1, b.s0 + trim, b.s1))
            prev = back[at]
            at, trim = (prev[0], prev[1]) if prev else (None, 0)
        out.reverse()
        return out

    # -- pieces ----------------------------------------------------------------------------
    def pieces(self, chain: list[Block]) -> list[list[Block]]:
        groups: list[list[Block]] = []
        for b in chain:
            last = groups[-1][-1] if groups else None
            if last and self.junction(last.q1, last.s1, b.q0, b.s0) != "stitch":
                groups[-1].append(b)
            else:
                groups.append([b])
        if len(groups) > 1:
            kept = [g for g in groups if sum(b.size for b in g) >= MIN_PIECE_WORDS]
            groups = kept or [max(groups, key=lambda g: sum(b.size for b in g))]
        return groups

    def _gap_ops(self, q0: int, q1: int, s0: int, s1: int) -> list[Op]:
        if q0 == q1 and s0 == s1:
            return []
        if q0 == q1:
            return [Op("delete", q0, q0, s0, s1)]
        if s0 == s1:
            return [Op("insert", q0, q1, s0, s0)]
        if all(not it.is_word or it.marked for it in self.items[q0:q1]):
            return [Op("replace", q0, q1, s0, s1)]  # one marked edit: keep it whole
        return _word_ops(self.q[q0:q1], self.idx.enc[s0:s1], q0, s0)

    def _edge_window(
        self, anchor: int, before: bool, want: int, stops: int = 0
    ) -> tuple[int, int]:
        """Up to ``want`` source words just before/after word ``anchor``, in its clause.

        A quote's edge that differs from the source is most likely where the speaker's
        clause starts or ends, so the window stops at a colon, quotation mark, bracket,
        dash or sentence end, unless the quote's edge crosses as many (``stops``): "They
        will not. What ..." against "They won't. What ..." crosses one sentence end.
        """
        enc, starts, ends = self.idx.enc, self.idx.starts, self.idx.ends
        budget = [stops]

        def open_between(k: int) -> bool:  # may the window cross from word k to word k+1?
            if enc[k] == SENTINEL or enc[k + 1] == SENTINEL:
                return False
            if not _CLAUSE_STOP.search(self.text[ends[k] : starts[k + 1]]):
                return True
            budget[0] -= 1
            return budget[0] >= 0

        if before:
            lo = anchor
            while lo > 0 and anchor - lo < want and open_between(lo - 1):
                lo -= 1
            return lo, anchor
        hi = anchor + 1
        while hi < len(enc) and hi - anchor - 1 < want and open_between(hi - 1):
            hi += 1
        return anchor + 1, hi

    def _edge_ops(self, q0: int, q1: int, anchor: int, before: bool) -> list[Op]:
        """Align the quote's ragged edge [q0, q1) with the source just before/after ``anchor``.

        Of the windows of nearby sizes, the one closest to the edge wins (ties: the size of
        the edge), so the words outside the quote are never drawn into its span.
        """
        want = q1 - q0
        lo, hi = self._edge_window(anchor, before, want + 2, self._edge_stops(q0, q1, before))
        if lo == hi:
            return [Op("insert", q0, q1, lo, lo)]
        edge = self.q[q0:q1]
        best: tuple[int, int, int, int] | None = None
        for size in range(1, hi - lo + 1):
            w_lo, w_hi = (hi - size, hi) if before else (lo, lo + size)
            dist = Levenshtein.distance(edge, self.idx.enc[w_lo:w_hi])
            key = (dist, abs(size - want), w_lo, w_hi)
            if best is None or key < best:
                best = key
        assert best is not None
        ops = _word_ops(edge, self.idx.enc[best[2] : best[3]], q0, best[2])
        while ops and ops[0 if before else -1].tag == "delete":
            ops.pop(0 if before else -1)
        return ops

    def _edge_stops(self, q0: int, q1: int, before: bool) -> int:
        """Clause boundaries in the quote between its edge [q0, q1) and the matched words."""
        items = self.items
        if before:
            a, b = items[q0].start, items[q1].start if q1 < len(items) else len(self.quote)
        else:
            a, b = items[q0 - 1].end if q0 else 0, items[q1 - 1].end
        return len(_CLAUSE_STOPS.findall(self.quote[a:b]))

    def piece_ops(self, group: list[Block], q_lo: int, q_hi: int, lead: bool, tail: bool) -> Piece:
        """Ops for one piece; quote items [q_lo, first block) and [last block, q_hi) are edges."""
        ops: list[Op] = []
        first, last = group[0], group[-1]
        if first.q0 > q_lo:
            if lead:
                ops.extend(self._edge_ops(q_lo, first.q0, first.s0, before=True))
            else:
                ops.append(Op("insert", q_lo, first.q0, first.s0, first.s0))
        for a, b in zip(group, group[1:], strict=False):
            ops.append(Op("equal", a.q0, a.q1, a.s0, a.s1))
            ops.extend(self._gap_ops(a.q1, b.q0, a.s1, b.s0))
        ops.append(Op("equal", last.q0, last.q1, last.s0, last.s1))
        if last.q1 < q_hi:
            if tail:
                ops.extend(self._edge_ops(last.q1, q_hi, last.s1 - 1, before=False))
            else:
                ops.append(Op("insert", last.q1, q_hi, last.s1, last.s1))
        return Piece(ops)

    def _nearby_blocks(self, chain: list[Block]) -> list[Block]:
        """Blocks for the quote words outside each passage of the chain, sought only near it.

        Word pairs too common to seed from the whole source ("Donald Trump is") are still
        worth finding a few words before or after a passage: across an ellipsis, or where
        a chance match elsewhere in the source was chained instead.
        """
        n, enc, reach = len(self.q), self.idx.enc, MARKED_GAP + LOCAL_GAP
        found: list[Block] = []
        for group in self.pieces(chain):
            first, last = group[0], group[-1]
            if first.q0 >= 2:
                found += local_blocks(
                    self.q, enc, 0, first.q0, first.s0 - first.q0 - reach, first.s0
                )
            if n - last.q1 >= 2:
                found += local_blocks(
                    self.q, enc, last.q1, n, last.s1, last.s1 + n - last.q1 + reach
                )
        return found

    def align(self, hint: int | None = None) -> list[Piece]:
        """The pieces of the best alignment; ``hint`` is an exact-match start, if known."""
        n = len(self.items)
        if hint is not None:
            return [Piece([Op("equal", 0, n, hint, hint + n)])]
        blocks = find_blocks(self.q, self.idx)
        if len(self.q) <= SHORT_RETRY_WORDS and sum(b.size for b in blocks) < len(self.q) // 2:
            # A short quote of common words: seed from common pairs too (cheap at this size).
            blocks = find_blocks(self.q, self.idx, SHORT_RETRY_HITS)
        chain = self.chain(blocks)
        if not chain:
            return []
        extra = self._nearby_blocks(chain)
        if extra:
            chain = self.chain(blocks + extra)
        groups = self.pieces(chain)
        out = []
        for k, group in enumerate(groups):
            q_lo = 0 if k == 0 else group[0].q0
            q_hi = n if k == len(groups) - 1 else groups[k + 1][0].q0
            out.append(self.piece_ops(group, q_lo, q_hi, lead=k == 0, tail=k == len(groups) - 1))
        return out
