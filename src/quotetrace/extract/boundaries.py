"""Where an unquoted content starts and ends: a learned choice among the parse's boundaries.

The readings of ``indirect`` follow the parse ("urged | the state to act": the cue's object
stays out; "my sentence on Fox News": the trailing phrase stays in), while PolNeAR's
annotators include an object before an infinitive or a "for" phrase ("criticized | Clinton for
accepting ...") and leave out a trailing relative clause, dash aside or place phrase more often
than not. After the gate has chosen a reading, each end of it may move to another constituent
edge of its sentence: inward, dropping whole subtrees at that end, or outward, taking in
whole subtrees between the cue and the content. A logistic regression over the tokens at and
around each candidate edge (trained by ``train/train_content_boundaries.py`` on PolNeAR train,
shipped as ``data/content_boundaries.json``) scores every candidate; an edge moves only when
its best candidate beats the reading's own edge by the margin chosen in cross-validation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from quotetrace.extract.boundary_features import Window, edge_features
from quotetrace.extract.cues import text_of
from quotetrace.extract.draft import Draft, overlaps, trim
from quotetrace.extract.lexicon import PREDICATE_VERBS, RAISING_VERBS
from quotetrace.paths import shipped_model

MODEL_FILE = "content_boundaries.json"
# How far (in tokens) an edge may move; longer moves are another reading, not a boundary.
MAX_MOVE = 30
# Contents longer than this are left as they are: their candidates would cost more than they win.
MAX_TOKENS = 120
# Feature weights a chooser keeps looked up: far more than the model's features and words.
MEMO_LIMIT = 100_000

# bounds(doc, draft, quoted ranges, other cues' heads): moves the draft's edges in place.
Bounds = Callable[[Doc, Draft, list, frozenset[int]], None]


@dataclass(slots=True)
class Edge:
    """One place an end of the content may lie: the first (start) or last (end) token kept."""

    side: str  # "start" | "end"
    token: int
    move: str  # "keep" | "cut" (inward) | "extend" (outward) | "subject" (over the cue, _subject_start)
    # Its features, each of value 1, as the pieces that joined make its name: the chooser looks
    # the pieces up without building the name, which costs more than the lookup.
    parts: list[tuple[str, ...]]

    @property
    def feats(self) -> list[str]:
        """The names of its features, as the model file and the training script know them."""
        return ["".join(part) for part in self.parts]


def candidates(
    doc: Doc, draft: Draft, ranges: list, others: frozenset[int] = frozenset(), window: Window | None = None
) -> tuple[list[Edge], list[Edge]] | None:
    """Every start and every end the content may take, its own first; None when it cannot move
    (a content in fragments, an unparsable span, a very long one). A content never grows over a
    quotation or over ``others``, the heads of other cues: ', saying that ...' or 'but argued
    that ...' is another attribution, which a longer content would swallow."""
    if draft.fragments is not None or draft.cue is None or draft.label is not None:
        return None
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None or not len(span) or len(span) > MAX_TOKENS:
        return None
    first, last = span.start, span.end - 1
    sent = doc[first].sent
    cue = draft.cue.head
    # The content never takes in the cue itself; it may take in the words the cue ran to
    # ("criticized Clinton for | X" -> "criticized | Clinton for X"): move_to gives them back.
    own = doc.char_span(draft.cue.start, draft.cue.end, alignment_mode="expand")
    cue_last = own.end - 1 if own is not None and len(own) else cue.i
    lo_limit = max(sent.start, first - MAX_MOVE)
    hi_limit = min(sent.end - 1, last + MAX_MOVE)
    if cue.i < first:
        lo_limit = max(lo_limit, cue.i + 1)
    elif cue.i > last:
        hi_limit = min(hi_limit, cue.i - 1)
    w = window if window is not None else Window(doc)
    tok_start, tok_end, gap = w.starts, w.ends, w.gap
    # A stretch is whole subtrees when no token of the sentence outside it hangs on one inside:
    # when its tokens and their dependents in the sentence (``low``/``high``, from ``base``)
    # reach no further than itself. Each loop's stretches grow from one fixed end, so the
    # reach of the tokens taken so far (``out_lo``/``out_hi``) is kept as they grow.
    base = sent.start
    low, high = w.reach((sent.start, sent.end), max(sent.end, last + 1))

    # (move, lo, hi, edge) of each side's candidates that are whole subtrees.
    stretch: dict[str, list[tuple[str, int, int, int]]] = {"start": [], "end": []}
    out_lo, out_hi = first, first
    for j in range(first + 1, min(last, first + MAX_MOVE) + 1):  # start moves in: drop doc[first:j]
        if overlaps(span.start_char, tok_start[j], ranges):
            break  # a content keeps the quotation it holds
        out_lo, out_hi = min(out_lo, low[j - 1 - base]), max(out_hi, high[j - 1 - base])
        if not gap[j] and out_lo >= first and out_hi < j:
            stretch["start"].append(("cut", first, j, j))
    out_lo, out_hi = first, -1
    for j in range(first - 1, lo_limit - 1, -1):  # start moves out: take in doc[j:first]
        if (
            (j <= cue_last and cue.i < first)
            or j in others
            or overlaps(tok_start[j], span.start_char, ranges)
        ):
            break
        out_lo, out_hi = min(out_lo, low[j - base]), max(out_hi, high[j - base])
        # Its words may govern words of the content: 'described | Cruz as a uniter' takes in
        # 'as', the head of what it keeps.
        if not gap[j] and out_lo >= j and out_hi <= last:
            stretch["start"].append(("extend", j, first, j))
    out_lo, out_hi = last + 1, last
    for j in range(last - 1, max(first, last - MAX_MOVE) - 1, -1):  # end moves in: drop doc[j+1:last+1]
        if overlaps(tok_end[j], span.end_char, ranges):
            break
        out_lo, out_hi = min(out_lo, low[j + 1 - base]), max(out_hi, high[j + 1 - base])
        if not gap[j] and out_lo >= j + 1 and out_hi < last + 1:
            stretch["end"].append(("cut", j + 1, last + 1, j))
    out_lo, out_hi = last + 1, last
    for j in range(last + 1, hi_limit + 1):  # end moves out: take in doc[last+1:j+1]
        if j == cue.i or (cue.i > last and j >= cue.i):
            break
        if j in others or overlaps(span.end_char, tok_end[j], ranges):
            break
        if w.lower(j) == "as" and w.dep(j) == "prep" and draft.cue.lemma not in PREDICATE_VERBS:
            break  # 'announced the levy | as part of the budget': only 'described X as Y' says Y of X
        out_lo, out_hi = min(out_lo, low[j - base]), max(out_hi, high[j - base])
        if not gap[j] and out_lo >= first and out_hi < j + 1:
            stretch["end"].append(("extend", last + 1, j + 1, j))
    found: dict[str, list[Edge]] = {
        "start": [
            Edge("start", first, "keep", edge_features(w, draft, "start", "keep", first, first, first))
        ],
        "end": [Edge("end", last, "keep", edge_features(w, draft, "end", "keep", last, last, last))],
    }
    for side, moves in stretch.items():
        found[side].extend(
            Edge(side, edge, move, edge_features(w, draft, side, move, lo, hi, edge))
            for move, lo, hi, edge in moves
        )
    subject = _subject_start(draft, first, sent.start, others, ranges, tok_start)
    if subject is not None:
        found["start"].append(
            Edge(
                "start",
                subject,
                "subject",
                edge_features(w, draft, "start", "subject", subject, first, subject),
            )
        )
    return found["start"], found["end"]


def _subject_start(
    draft: Draft, first: int, sent_start: int, others: frozenset[int], ranges: list, tok_start: list[int]
) -> int | None:
    """Where the cue's subject begins, when the cue is a raising verb just before the content
    ('Indiana appears | to lean left'): annotators take subject and verb into the content."""
    cue = draft.cue
    if cue is None or cue.lemma not in RAISING_VERBS or cue.head.i >= first:
        return None
    subject = next((c for c in cue.head.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    lo = subject.left_edge.i
    if (
        lo < sent_start
        or any(lo <= i < first for i in others)
        or overlaps(tok_start[lo], tok_start[first], ranges)
    ):
        return None
    return lo


class BoundaryChooser:
    """Scores candidate edges with the shipped weights; moves an edge when a candidate beats the
    reading's own by ``margin`` (in log-odds)."""

    def __init__(self, model: dict, memo: dict | None = None):
        """``memo`` keeps the weight of each feature once looked up; choosers of the same model
        may share one."""
        self.weights: dict[str, float] = model["weights"]
        self.margin: float = model["margin"]
        self._memo: dict[tuple[str, ...], float] = {} if memo is None else memo
        self._doc: Doc | None = None  # the Doc whose token attributes ``_window`` holds
        self._window: Window | None = None

    def score(self, edge: Edge) -> float:
        memo = self._memo
        total = 0.0
        for part in edge.parts:  # in the features' order, so the sum is the same to the last bit
            weight = memo.get(part)
            if weight is None:
                if len(memo) > MEMO_LIMIT:
                    memo.clear()  # unseen punctuation in odd texts must not grow it without end
                weight = memo[part] = self.weights.get("".join(part), 0.0)
            total += weight
        return total

    def choose(self, edges: list[Edge]) -> Edge:
        scores = [self.score(e) for e in edges]
        best = max(range(len(edges)), key=scores.__getitem__)
        return edges[best] if scores[best] > scores[0] + self.margin else edges[0]

    def __call__(self, doc: Doc, draft: Draft, ranges: list, others: frozenset[int] = frozenset()) -> None:
        if self._doc is not doc:
            self._doc, self._window = doc, Window(doc)
        found = candidates(doc, draft, ranges, others, self._window)
        if found is None:
            return
        start_edge, end_edge = self.choose(found[0]), self.choose(found[1])
        if start_edge.move == "keep" and end_edge.move == "keep":
            return
        move_to(doc, draft, ranges, start_edge.token, end_edge.token)


def move_to(doc: Doc, draft: Draft, ranges: list, first: int, last: int) -> None:
    """Give the draft the content doc[first:last+1], trimmed as every content is."""
    start, end = trim(text_of(doc), doc[first].idx, doc[last].idx + len(doc[last]))
    if start >= end:
        return
    draft.start, draft.end = start, end
    if draft.cue_end is not None and start < draft.cue_end:
        draft.cue_end = None  # the words the cue ran to are content now ('criticized | X for')
    if draft.kind in ("indirect", "mixed"):
        draft.kind = "mixed" if overlaps(start, end, ranges) else "indirect"


def keep_as_read(doc: Doc, draft: Draft, ranges: list, others: frozenset[int] = frozenset()) -> None:
    """No boundary model: the reading's own edges."""


def default_bounds() -> Bounds:
    model = shipped_model(MODEL_FILE)
    return BoundaryChooser(model, _memo_of(model)) if model is not None else keep_as_read


# id(model) -> (model, its memo): one memo per shipped model for the life of the process, where a
# chooser is made per Doc. The entry holds the model, so its id names no other dict meanwhile.
_MEMOS: dict[int, tuple[dict, dict]] = {}


def _memo_of(model: dict) -> dict:
    entry = _MEMOS.get(id(model))
    if entry is None or entry[0] is not model:
        entry = _MEMOS[id(model)] = (model, {})
    return entry[1]
