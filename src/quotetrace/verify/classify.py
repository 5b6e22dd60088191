"""Turn a word alignment into a verdict: status, score, changes and a readable diff."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from quotetrace.text.normalize import fold, has_ellipsis, norm_punct, norm_word, same_but_contracted
from quotetrace.verify.pieces import Piece
from quotetrace.verify.quotes import Item
from quotetrace.verify.result import MARKED_KINDS, SourcePiece, WordEdit
from quotetrace.verify.source import Source

MIN_SCORE = 0.6  # word similarity under which a passage is not the quote's source
MIN_MATCHED = 3  # fewer equal words than this is chance, unless the quote is that short
SHORT_QUOTE = 4  # a quote of fewer words must match exactly (or with marked edits only)
STITCH_MIN_COVERAGE = 0.75  # share of a stitched quote's words that its pieces must match
_SIC = re.compile(r"\[\s*sic\s*!?\s*\]", re.I)


@dataclass(slots=True)
class Verdict:
    status: str
    score: float
    changes: list[WordEdit] = field(default_factory=list)
    diff: list[WordEdit] = field(default_factory=list)
    pieces: list[SourcePiece] = field(default_factory=list)
    gap_words: int | None = None


class Classifier:
    """Reads the ops of each piece against the fragment's text and the source's text."""

    def __init__(
        self, fragment: str, items: list[Item], source: Source, min_score: float = MIN_SCORE
    ):
        self.min_score = min_score
        self.fragment = fragment
        self.items = items
        self.source = source
        self.idx = source.index
        n = len(items)
        self.bounds = [0] + [items[k].start for k in range(1, n)] + [len(fragment)]
        self.changes: list[WordEdit] = []
        self.diff: list[WordEdit] = []
        self.matched = 0
        self.marked_source_words = 0
        self.marked_quote_words = 0

    # -- text of a stretch -----------------------------------------------------------------
    def src(self, s0: int, s1: int) -> str:
        if s1 <= s0:
            return ""
        return self.source.text[self.idx.starts[s0] : self.idx.ends[s1 - 1]]

    def quoted(self, q0: int, q1: int) -> str:
        if q1 <= q0:
            return ""
        return self.fragment[self.items[q0].start : self.items[q1 - 1].end]

    def shown(self, q0: int, q1: int) -> str:
        """Quote text of items [q0, q1) with the punctuation and spacing that follow them."""
        return self.fragment[self.bounds[q0] : self.bounds[q1]] if q1 > q0 else ""

    # -- ops -------------------------------------------------------------------------------
    def _kind(self, tag: str, q0: int, q1: int, s0: int, s1: int) -> str:
        items = self.items[q0:q1]
        if tag == "delete":
            near = [self.items[k] for k in (q0 - 1, q0) if 0 <= k < len(self.items)]
            return "ellipsis" if any(it.kind == "ellipsis" for it in near) else "word"
        if items and all(not it.is_word or it.marked for it in items):
            if any(it.kind == "ellipsis" for it in items):
                if s1 == s0 and self._source_has_ellipsis(s0):
                    return "same"  # the source trails off with "…" there too
                return "ellipsis"
            return "bracket"
        if tag == "replace" and self._contracted(q0, q1, s0, s1):
            return "contraction"
        if tag == "insert" and self._parenthesised(q0, q1):
            return "bracket"  # AP style: the writer's clarification in parentheses
        return "word"

    def _parenthesised(self, q0: int, q1: int) -> bool:
        start, end = self.items[q0].start, self.items[q1 - 1].end
        before, after = self.fragment[:start].rstrip(), self.fragment[end:].lstrip()
        return before.endswith("(") and after.startswith(")")

    def _contracted(self, q0: int, q1: int, s0: int, s1: int) -> bool:
        quote = [it.norm for it in self.items[q0:q1]]
        if not all(it.is_word for it in self.items[q0:q1]):
            return False
        source = [norm_word(fold(self.src(s, s + 1))) for s in range(s0, s1)]
        return same_but_contracted(quote, source)

    def _source_has_ellipsis(self, s: int) -> bool:
        if s <= 0 or s >= len(self.idx.starts):
            return False
        return has_ellipsis(self.source.text[self.idx.ends[s - 1] : self.idx.starts[s]])

    def _equal(self, q0: int, q1: int, s0: int, s1: int) -> None:
        text, starts, ends = self.source.text, self.idx.starts, self.idx.ends
        for k in range(q1 - q0):
            item, s = self.items[q0 + k], s0 + k
            self.matched += 1
            if item.marked:
                word = self.quoted(q0 + k, q0 + k + 1)
                self.changes.append(WordEdit("replace", self.src(s, s + 1), word, "bracket"))
            if item.sic:
                self.changes.append(WordEdit("insert", "", "[sic]", "sic"))
            if k + 1 < q1 - q0:
                between_q = _SIC.sub("", self.fragment[item.end : self.items[q0 + k + 1].start])
                between_s = text[ends[s] : starts[s + 1]]
                if between_q != between_s and norm_punct(between_q) != norm_punct(between_s):
                    pair = self.quoted(q0 + k, q0 + k + 2)
                    self.changes.append(WordEdit("replace", self.src(s, s + 2), pair, "punctuation"))
        self.diff.append(WordEdit("equal", self.src(s0, s1), self.shown(q0, q1)))

    def _other(self, tag: str, q0: int, q1: int, s0: int, s1: int) -> None:
        kind = self._kind(tag, q0, q1, s0, s1)
        if kind == "same":
            self.diff.append(WordEdit("equal", "", self.shown(q0, q1)))
            return
        op = "insert" if s0 == s1 else "delete" if q0 == q1 else "replace"
        if kind in MARKED_KINDS:
            self.marked_source_words += s1 - s0
            self.marked_quote_words += sum(1 for it in self.items[q0:q1] if it.is_word)
        self.changes.append(WordEdit(op, self.src(s0, s1), self.quoted(q0, q1), kind))
        self.diff.append(WordEdit(op, self.src(s0, s1), self.shown(q0, q1), kind))

    # -- verdict ---------------------------------------------------------------------------
    def verdict(self, pieces: list[Piece]) -> Verdict:
        source_words = 0
        spans: list[SourcePiece] = []
        for k, piece in enumerate(pieces):
            if k:
                prev = pieces[k - 1]
                gap = piece.s0 - prev.s1 if piece.s0 >= prev.s1 else -(prev.s0 - piece.s1)
                self.diff.append(WordEdit("jump", "", "", f"{gap:+d}"))
            else:
                gap = None
            ops = _merge_contractions(piece.ops, self._contracted)
            for op in ops:
                source_words += op.s1 - op.s0
                if op.tag == "equal":
                    self._equal(op.q0, op.q1, op.s0, op.s1)
                else:
                    self._other(op.tag, op.q0, op.q1, op.s0, op.s1)
            first = min((op.s0 for op in ops if op.s1 > op.s0), default=piece.s0)
            start, end = self.idx.starts[first], self.idx.ends[piece.s1 - 1]
            spans.append(
                SourcePiece(
                    self.source.text[start:end], start, end, self.quoted(piece.q0, piece.q1), gap
                )
            )
        quote_words = sum(1 for it in self.items if it.is_word) - self.marked_quote_words
        denominator = quote_words + source_words - self.marked_source_words
        score = 2 * self.matched / denominator if denominator > 0 else 0.0
        status = self._status(pieces, score, quote_words)
        gaps = [abs(p.gap_words) for p in spans if p.gap_words is not None]
        return Verdict(
            status=status,
            score=min(1.0, score),
            changes=self.changes,
            diff=self.diff,
            pieces=spans,
            gap_words=max(gaps) if status == "stitched" and gaps else None,
        )

    def _status(self, pieces: list[Piece], score: float, quote_words: int) -> str:
        if not pieces or score < self.min_score or self.matched < min(MIN_MATCHED, quote_words):
            return "not_found"
        if quote_words < SHORT_QUOTE and any(c.kind == "word" for c in self.changes):
            return "not_found"  # two words that differ from the source are no evidence of it
        if len(pieces) > 1:
            # Chance matches of stock phrases ("the New York Times", "the 2016 election") can
            # chain into pieces; a real stitched quote is made of its pieces almost entirely.
            if self.matched < STITCH_MIN_COVERAGE * quote_words:
                return "not_found"
            return "stitched"
        if any(c.kind == "word" for c in self.changes):
            return "altered"
        return "edited" if self.changes else "verbatim"


def _merge_contractions(ops: list, contracted) -> list:
    """Adjacent non-equal ops that together only contract or expand words become one replace:
    the aligner splits "there's" ~ "there is" into a replace and a delete."""
    out: list = []
    k = 0
    while k < len(ops):
        j = k
        while j < len(ops) and ops[j].tag != "equal":
            j += 1
        run = ops[k:j]
        if run:
            q0, q1, s0, s1 = run[0].q0, run[-1].q1, run[0].s0, run[-1].s1
            # A passage's first op may lack the source word the aligner left outside it:
            # "There's no money" starts its passage at "is", after "There".
            starts = (s0, s0 - 1) if k == 0 and s0 > 0 else (s0,)
            found = next((s for s in starts if q1 > q0 and s1 > s and contracted(q0, q1, s, s1)), None)
            if found is not None and (len(run) > 1 or found != s0):
                out.append(replace(run[0], tag="replace", q1=q1, s0=found, s1=s1))
                k = j
                continue
        out.extend(run)
        if j < len(ops):
            out.append(ops[j])
        k = j + 1
    return out
