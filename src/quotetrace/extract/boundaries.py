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

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.tokens import Doc, Token

from quotetrace.extract.cues import text_of
from quotetrace.extract.draft import Draft, heads_of, overlaps, trim
from quotetrace.paths import data_file
from quotetrace.text.lexicon import word_class

MODEL_FILE = "content_boundaries.json"
# How far (in tokens) an edge may move; longer moves are another reading, not a boundary.
MAX_MOVE = 30
# Contents longer than this are left as they are: their candidates would cost more than they win.
MAX_TOKENS = 120
# Verbs whose object takes what the speaker says of it ('described X as Y', indirect.py).
PREDICATE_VERBS = frozenset(word_class("predicate_verb"))

# bounds(doc, draft, quoted ranges, other cues' heads): moves the draft's edges in place.
Bounds = Callable[[Doc, Draft, list, frozenset[int]], None]


@dataclass(slots=True)
class Edge:
    """One place an end of the content may lie: the first (start) or last (end) token kept."""

    side: str  # "start" | "end"
    token: int
    move: str  # "keep" | "cut" (inward) | "extend" (outward)
    feats: dict[str, float]


def _word(tok: Token) -> str:
    """A function word as itself, any other word by its part of speech."""
    return tok.lower_ if tok.is_stop or tok.is_punct else f"pos:{tok.pos_}"


def _bin(n: int) -> int:
    return n if n <= 3 else 4 if n <= 5 else 6 if n <= 8 else 9 if n <= 12 else 13


def _stretch_root(doc: Doc, heads: numpy.ndarray, lo: int, hi: int) -> Token:
    """The first token of doc[lo:hi] whose head lies outside it: the stretch's constituent."""
    for i in range(lo, hi):
        h = int(heads[i])
        if (h < lo or h >= hi or h == i) and not doc[i].is_punct:
            return doc[i]
    return doc[lo]


def _edge_features(doc: Doc, heads, draft: Draft, side: str, move: str, lo: int, hi: int, edge: int) -> dict:
    """The candidate edge's tokens: the stretch it adds or drops (doc[lo:hi]), the token kept at
    the edge, the token beyond it, and how the reading was found."""
    how = draft.extent_kind or draft.kind
    feats: dict[str, float] = {f"{side}:{move}": 1.0, f"{side}:{move}|how={how}": 1.0}
    kept = doc[edge]
    beyond_i = edge - 1 if side == "start" else edge + 1
    beyond = doc[beyond_i] if 0 <= beyond_i < len(doc) else None
    feats[f"{side}:{move}|kept={_word(kept)}"] = 1.0
    feats[f"{side}:{move}|beyond={_word(beyond) if beyond is not None else 'none'}"] = 1.0
    # Annotators' contents mostly run from the cue to the end of the sentence.
    if side == "end":
        feats[f"end|sent_end={all(t.is_punct or t.is_space for t in doc[edge + 1 : kept.sent.end])}"] = 1.0
    elif draft.cue is not None and draft.cue.head.i < edge:
        gap = sum(not (t.is_punct or t.is_space) for t in doc[draft.cue.head.i + 1 : edge])
        feats[f"start|after_cue={_bin(gap)}"] = 1.0
    if move == "keep":
        return feats
    words = [t for t in doc[lo:hi] if not (t.is_punct or t.is_space)]
    if not words:
        return feats
    root = _stretch_root(doc, heads, lo, hi)
    first = words[0] if side == "end" or move == "extend" else words[-1]
    lemma = draft.cue.lemma if draft.cue is not None else ""
    # The punctuation that sets the stretch off at the edge: ', which ...', '— a message that ...'.
    mark = doc[lo] if side == "end" else doc[hi - 1]
    feats.update(
        {
            f"{side}:{move}|dep={root.dep_}": 1.0,
            f"{side}:{move}|dep={root.dep_}|how={how}": 1.0,
            f"{side}:{move}|first={_word(first)}": 1.0,
            f"{side}:{move}|dep={root.dep_}|first={_word(first)}": 1.0,
            f"{side}:{move}|tag={root.tag_}": 1.0,
            f"{side}:{move}|len={_bin(len(words))}": 1.0,
            f"{side}:{move}|verb={any(t.pos_ in ('VERB', 'AUX') for t in words)}": 1.0,
            f"{side}:{move}|mark={mark.text if mark.is_punct else 'none'}": 1.0,
            f"{side}:{move}|lemma={lemma}|dep={root.dep_}": 1.0,
        }
    )
    if all(t.ent_type_ in ("DATE", "TIME") for t in words):
        feats[f"{side}:{move}|time"] = 1.0
    return feats


def candidates(
    doc: Doc, draft: Draft, ranges: list, others: frozenset[int] = frozenset()
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
    heads = heads_of(doc)
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
    starts = [
        Edge("start", first, "keep", _edge_features(doc, heads, draft, "start", "keep", first, first, first))
    ]
    ends = [Edge("end", last, "keep", _edge_features(doc, heads, draft, "end", "keep", last, last, last))]
    positions = numpy.arange(sent.start, sent.end)
    sent_heads = heads[sent.start : sent.end]

    def clean(lo: int, hi: int) -> bool:
        """doc[lo:hi] is whole subtrees: no token of the sentence outside it hangs on one inside."""
        outside = (positions < lo) | (positions >= hi)
        return not (outside & (sent_heads >= lo) & (sent_heads < hi)).any()

    for j in range(first + 1, min(last, first + MAX_MOVE) + 1):  # start moves in: drop doc[first:j]
        if overlaps(span.start_char, doc[j].idx, ranges):
            break  # a content keeps the quotation it holds
        if doc[j].is_punct or doc[j].is_space or not clean(first, j):
            continue
        starts.append(Edge("start", j, "cut", _edge_features(doc, heads, draft, "start", "cut", first, j, j)))
    for j in range(first - 1, lo_limit - 1, -1):  # start moves out: take in doc[j:first]
        if j <= cue_last and cue.i < first:
            break
        if j in others or overlaps(doc[j].idx, span.start_char, ranges):
            break
        if doc[j].is_punct or doc[j].is_space or not clean(j, first):
            continue
        starts.append(
            Edge("start", j, "extend", _edge_features(doc, heads, draft, "start", "extend", j, first, j))
        )
    for j in range(last - 1, max(first, last - MAX_MOVE) - 1, -1):  # end moves in: drop doc[j+1:last+1]
        tok = doc[j]
        if overlaps(tok.idx + len(tok), span.end_char, ranges):
            break
        if tok.is_punct or tok.is_space or not clean(j + 1, last + 1):
            continue
        ends.append(
            Edge("end", j, "cut", _edge_features(doc, heads, draft, "end", "cut", j + 1, last + 1, j))
        )
    for j in range(last + 1, hi_limit + 1):  # end moves out: take in doc[last+1:j+1]
        tok = doc[j]
        if j == cue.i or (cue.i > last and j >= cue.i):
            break
        if j in others or overlaps(span.end_char, tok.idx + len(tok), ranges):
            break
        if tok.lower_ == "as" and tok.dep_ == "prep" and draft.cue.lemma not in PREDICATE_VERBS:
            break  # 'announced the levy | as part of the budget': only 'described X as Y' says Y of X
        if tok.is_punct or tok.is_space or not clean(last + 1, j + 1):
            continue
        ends.append(
            Edge("end", j, "extend", _edge_features(doc, heads, draft, "end", "extend", last + 1, j + 1, j))
        )
    return starts, ends


class BoundaryChooser:
    """Scores candidate edges with the shipped weights; moves an edge when a candidate beats the
    reading's own by ``margin`` (in log-odds)."""

    def __init__(self, model: dict):
        self.weights: dict[str, float] = model["weights"]
        self.margin: float = model["margin"]

    def score(self, edge: Edge) -> float:
        return sum(self.weights.get(name, 0.0) * value for name, value in edge.feats.items())

    def choose(self, edges: list[Edge]) -> Edge:
        own = edges[0]
        best = max(edges, key=self.score)
        return best if self.score(best) > self.score(own) + self.margin else own

    def __call__(self, doc: Doc, draft: Draft, ranges: list, others: frozenset[int] = frozenset()) -> None:
        found = candidates(doc, draft, ranges, others)
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


@lru_cache(maxsize=1)
def _load_model() -> dict | None:
    path = data_file(MODEL_FILE)
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def default_bounds() -> Bounds:
    model = _load_model()
    return BoundaryChooser(model) if model is not None else keep_as_read
