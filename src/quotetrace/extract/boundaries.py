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

import numpy
from spacy.attrs import DEP, ENT_TYPE, IDX, IS_PUNCT, IS_SPACE, IS_STOP, LENGTH, LOWER, POS, SENT_START, TAG
from spacy.parts_of_speech import AUX, VERB
from spacy.tokens import Doc

from quotetrace.extract.cues import text_of
from quotetrace.extract.draft import Draft, heads_of, overlaps, trim
from quotetrace.paths import shipped_model
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
    feats: list[str]  # the names of its features, each of value 1


def _bin(n: int) -> int:
    return n if n <= 3 else 4 if n <= 5 else 6 if n <= 8 else 9 if n <= 12 else 13


ATTRS = (IS_PUNCT, IS_SPACE, IS_STOP, POS, DEP, TAG, LOWER, ENT_TYPE, SENT_START, IDX, LENGTH)


class _Window:
    """What the features read of each token, taken once per Doc from its arrays: Token objects
    are the extractor's costliest thing to make, and every candidate reads the same tokens."""

    def __init__(self, doc: Doc):
        cols = doc.to_array(list(ATTRS)).astype(numpy.uint64) if len(doc) else numpy.zeros((0, len(ATTRS)))
        punct, space, stop, pos, dep, tag, lower, ent, sent_start, idx, length = cols.T
        self.a = 0
        self.strings = doc.vocab.strings
        self.punct: list[bool] = (punct == 1).tolist()
        self.gap: list[bool] = ((punct == 1) | (space == 1)).tolist()  # no word
        starts = sent_start == 1
        if len(starts):
            starts[0] = True
        self.sent_start: list[bool] = starts.tolist()
        self.starts: list[int] = idx.astype(numpy.int64).tolist()
        self.ends: list[int] = (idx + length).astype(numpy.int64).tolist()
        self._stop, self._pos, self._dep, self._tag, self._lower = (
            c.tolist() for c in (stop, pos, dep, tag, lower)
        )
        self.verb: list[bool] = ((pos == int(VERB)) | (pos == int(AUX))).tolist()
        dates = numpy.uint64(self.strings["DATE"]), numpy.uint64(self.strings["TIME"])
        self.time: list[bool] = ((ent == dates[0]) | (ent == dates[1])).tolist()
        self._names: dict[int, str] = {}

    def _name(self, key) -> str:
        key = int(key)
        name = self._names.get(key)
        if name is None:
            name = self._names[key] = self.strings[key] if key else ""
        return name

    def dep(self, i: int) -> str:
        return self._name(self._dep[i])

    def tag(self, i: int) -> str:
        return self._name(self._tag[i])

    def lower(self, i: int) -> str:
        return self._name(self._lower[i])

    def word(self, i: int) -> str:
        """A function word as itself, any other word by its part of speech."""
        if self._stop[i] or self.punct[i]:
            return self.lower(i)
        return f"pos:{self._name(self._pos[i])}"

    def sent_end(self, edge: int) -> bool:
        """Only punctuation follows doc[edge] in its sentence."""
        for i in range(edge + 1, len(self.gap)):
            if self.sent_start[i]:
                return True
            if not self.gap[i]:
                return False
        return True


def _stretch_root(w: _Window, heads: numpy.ndarray, lo: int, hi: int) -> int:
    """The first token of doc[lo:hi] whose head lies outside it: the stretch's constituent."""
    for i in range(lo, hi):
        h = int(heads[i])
        if (h < lo or h >= hi or h == i) and not w.punct[i - w.a]:
            return i
    return lo


def _edge_features(
    w: _Window, heads, draft: Draft, side: str, move: str, lo: int, hi: int, edge: int
) -> list:
    """The candidate edge's tokens: the stretch it adds or drops (doc[lo:hi]), the token kept at
    the edge, the token beyond it, and how the reading was found. Each feature is a name whose
    value is 1."""
    a = w.a
    how = draft.extent_kind or draft.kind
    p = f"{side}:{move}|"
    beyond_i = (edge - 1 if side == "start" else edge + 1) - a
    beyond = w.word(beyond_i) if 0 <= beyond_i < len(w.gap) else "none"
    feats = [f"{side}:{move}", f"{p}how={how}", f"{p}kept={w.word(edge - a)}", f"{p}beyond={beyond}"]
    # Annotators' contents mostly run from the cue to the end of the sentence.
    if side == "end":
        feats.append(f"end|sent_end={w.sent_end(edge)}")
    elif draft.cue is not None and draft.cue.head.i < edge:
        gap = sum(not w.gap[i - a] for i in range(draft.cue.head.i + 1, edge))
        feats.append(f"start|after_cue={_bin(gap)}")
    if move == "keep":
        return feats
    words = [i for i in range(lo, hi) if not w.gap[i - a]]
    if not words:
        return feats
    root = _stretch_root(w, heads, lo, hi) - a
    first = w.word((words[0] if side == "end" or move == "extend" else words[-1]) - a)
    lemma = draft.cue.lemma if draft.cue is not None else ""
    # The punctuation that sets the stretch off at the edge: ', which ...', '— a message that ...'.
    mark = (lo if side == "end" else hi - 1) - a
    dep = w.dep(root)
    feats += [
        f"{p}dep={dep}",
        f"{p}dep={dep}|how={how}",
        f"{p}first={first}",
        f"{p}dep={dep}|first={first}",
        f"{p}tag={w.tag(root)}",
        f"{p}len={_bin(len(words))}",
        f"{p}verb={any(w.verb[i - a] for i in words)}",
        f"{p}mark={w.lower(mark) if w.punct[mark] else 'none'}",
        f"{p}lemma={lemma}|dep={dep}",
    ]
    if all(w.time[i - a] for i in words):
        feats.append(f"{p}time")
    return feats


def _whole_subtrees(
    heads: numpy.ndarray, sent: tuple[int, int], stretches: list[tuple[int, int]]
) -> list[bool]:
    """For each stretch doc[lo:hi]: is it whole subtrees, no token of the sentence outside it
    hanging on one inside? All stretches of one side in one array operation."""
    if not stretches:
        return []
    positions = numpy.arange(*sent)
    sent_heads = heads[sent[0] : sent[1]]
    lo = numpy.array([s[0] for s in stretches])[:, None]
    hi = numpy.array([s[1] for s in stretches])[:, None]
    outside = (positions < lo) | (positions >= hi)
    broken = numpy.asarray((outside & (sent_heads >= lo) & (sent_heads < hi)).any(axis=1))
    return [not b for b in broken.tolist()]


def candidates(
    doc: Doc, draft: Draft, ranges: list, others: frozenset[int] = frozenset(), window: _Window | None = None
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
    w = window if window is not None else _Window(doc)
    a = w.a

    def tok_end(j: int) -> int:
        return w.ends[j - a]

    def tok_start(j: int) -> int:
        return w.starts[j - a]

    # (move, lo, hi, edge) of each side's candidates, before the subtree test.
    stretch: dict[str, list[tuple[str, int, int, int]]] = {"start": [], "end": []}
    for j in range(first + 1, min(last, first + MAX_MOVE) + 1):  # start moves in: drop doc[first:j]
        if overlaps(span.start_char, tok_start(j), ranges):
            break  # a content keeps the quotation it holds
        if not w.gap[j - a]:
            stretch["start"].append(("cut", first, j, j))
    for j in range(first - 1, lo_limit - 1, -1):  # start moves out: take in doc[j:first]
        if (
            (j <= cue_last and cue.i < first)
            or j in others
            or overlaps(tok_start(j), span.start_char, ranges)
        ):
            break
        if not w.gap[j - a]:
            stretch["start"].append(("extend", j, first, j))
    for j in range(last - 1, max(first, last - MAX_MOVE) - 1, -1):  # end moves in: drop doc[j+1:last+1]
        if overlaps(tok_end(j), span.end_char, ranges):
            break
        if not w.gap[j - a]:
            stretch["end"].append(("cut", j + 1, last + 1, j))
    for j in range(last + 1, hi_limit + 1):  # end moves out: take in doc[last+1:j+1]
        if j == cue.i or (cue.i > last and j >= cue.i):
            break
        if j in others or overlaps(span.end_char, tok_end(j), ranges):
            break
        if w.lower(j - a) == "as" and w.dep(j - a) == "prep" and draft.cue.lemma not in PREDICATE_VERBS:
            break  # 'announced the levy | as part of the budget': only 'described X as Y' says Y of X
        if not w.gap[j - a]:
            stretch["end"].append(("extend", last + 1, j + 1, j))
    found: dict[str, list[Edge]] = {
        "start": [
            Edge(
                "start", first, "keep", _edge_features(w, heads, draft, "start", "keep", first, first, first)
            )
        ],
        "end": [Edge("end", last, "keep", _edge_features(w, heads, draft, "end", "keep", last, last, last))],
    }
    for side, moves in stretch.items():
        whole = _whole_subtrees(heads, (sent.start, sent.end), [(lo, hi) for _, lo, hi, _ in moves])
        found[side].extend(
            Edge(side, edge, move, _edge_features(w, heads, draft, side, move, lo, hi, edge))
            for (move, lo, hi, edge), ok in zip(moves, whole, strict=True)
            if ok
        )
    return found["start"], found["end"]


class BoundaryChooser:
    """Scores candidate edges with the shipped weights; moves an edge when a candidate beats the
    reading's own by ``margin`` (in log-odds)."""

    def __init__(self, model: dict):
        self.weights: dict[str, float] = model["weights"]
        self.margin: float = model["margin"]
        self._doc: Doc | None = None  # the Doc whose token attributes ``_window`` holds
        self._window: _Window | None = None

    def score(self, edge: Edge) -> float:
        weights = self.weights
        total = 0.0
        for name in edge.feats:
            total += weights.get(name, 0.0)
        return total

    def choose(self, edges: list[Edge]) -> Edge:
        scores = [self.score(e) for e in edges]
        best = max(range(len(edges)), key=scores.__getitem__)
        return edges[best] if scores[best] > scores[0] + self.margin else edges[0]

    def __call__(self, doc: Doc, draft: Draft, ranges: list, others: frozenset[int] = frozenset()) -> None:
        if self._doc is not doc:
            self._doc, self._window = doc, _Window(doc)
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
    return BoundaryChooser(model) if model is not None else keep_as_read
