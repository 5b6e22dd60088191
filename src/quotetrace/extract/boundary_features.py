"""The features of the boundary step's candidate edges (``extract.boundaries``).

Each feature is a name of value 1 that the model file weighs; an edge carries its features as
the pieces that joined make the name, so the chooser can look up a weight without building it.
The token attributes the features read are taken once per Doc (``Window``).
"""

from __future__ import annotations

import numpy
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    IDX,
    IS_PUNCT,
    IS_SPACE,
    IS_STOP,
    LENGTH,
    LOWER,
    POS,
    SENT_START,
    SHAPE,
    TAG,
)
from spacy.parts_of_speech import ADP, AUX, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc

from quotetrace.extract.draft import Draft, heads_of
from quotetrace.extract.lexicon import TIME_WORDS


def _bin(n: int) -> int:
    return n if n <= 3 else 4 if n <= 5 else 6 if n <= 8 else 9 if n <= 12 else 13


class _Names:
    """The fixed beginnings of one (side, move)'s feature names, built once."""

    def __init__(self, side: str, move: str):
        p = f"{side}:{move}|"
        self.own = (f"{side}:{move}",)
        self.how, self.kept, self.beyond = f"{p}how=", f"{p}kept=", f"{p}beyond="
        self.dep, self.first, self.tag, self.len = f"{p}dep=", f"{p}first=", f"{p}tag=", f"{p}len="
        self.verb, self.mark, self.lemma = f"{p}verb=", f"{p}mark=", f"{p}lemma="
        self.time = (f"{p}time",)


_NAMES = {(side, move): _Names(side, move) for side in ("start", "end") for move in ("keep", "cut", "extend")}
_NAMES["start", "subject"] = _Names("start", "subject")
_BINS = [str(_bin(n)) for n in range(14)]  # _bin(n) is 13 from 13 on
_BOOL = {True: "True", False: "False"}


ATTRS = (IS_PUNCT, IS_SPACE, IS_STOP, POS, DEP, TAG, LOWER, ENT_TYPE, SENT_START, IDX, LENGTH, SHAPE)
# The pipeline runs no NER, so a time is also a time word or a four-digit number (a year).
_TIME_IDS = numpy.array(sorted(get_string_id(w) for w in TIME_WORDS), dtype=numpy.uint64)
_YEAR_SHAPE = numpy.uint64(get_string_id("dddd"))


class Window:
    """What the features read of each token, taken once per Doc from its arrays: Token objects
    are the extractor's costliest thing to make, and every candidate reads the same tokens."""

    def __init__(self, doc: Doc):
        cols = doc.to_array(list(ATTRS)).astype(numpy.uint64) if len(doc) else numpy.zeros((0, len(ATTRS)))
        punct, space, stop, pos, dep, tag, lower, ent, sent_start, idx, length, shape = cols.T
        self.strings = doc.vocab.strings
        self.heads: list[int] = heads_of(doc).tolist()
        self.punct: list[bool] = (punct == 1).tolist()
        gap = (punct == 1) | (space == 1)  # no word
        self.gap: list[bool] = gap.tolist()
        starts = sent_start == 1
        if len(starts):
            starts[0] = True
        self.sent_start: list[bool] = starts.tolist()
        self.starts: list[int] = idx.astype(numpy.int64).tolist()
        self.ends: list[int] = (idx + length).astype(numpy.int64).tolist()
        self._stop, self._pos, self._dep, self._tag, self._lower = (
            c.tolist() for c in (stop, pos, dep, tag, lower)
        )
        self.adp: list[bool] = (pos == int(ADP)).tolist()
        verb = (pos == int(VERB)) | (pos == int(AUX))
        dates = numpy.uint64(self.strings["DATE"]), numpy.uint64(self.strings["TIME"])
        time = (ent == dates[0]) | (ent == dates[1]) | numpy.isin(lower, _TIME_IDS) | (shape == _YEAR_SHAPE)
        # Words (verbs, times) before each position: a stretch's counts are two subtractions.
        word = ~gap
        self.words_before, self.verbs_before, self.times_before = (
            numpy.concatenate(([0], numpy.cumsum(c, dtype=numpy.int64))).tolist()
            for c in (word, word & verb, word & time)
        )
        self._names: dict[int, str] = {}
        self._words: list[str | None] = [None] * len(doc)
        self._reach: dict[tuple[int, int, int], tuple[list[int], list[int]]] = {}

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
        word = self._words[i]
        if word is None:
            word = self.lower(i) if self._stop[i] or self.punct[i] else f"pos:{self._name(self._pos[i])}"
            self._words[i] = word
        return word

    def sent_end(self, edge: int) -> bool:
        """Only punctuation follows doc[edge] in its sentence."""
        for i in range(edge + 1, len(self.gap)):
            if self.sent_start[i]:
                return True
            if not self.gap[i]:
                return False
        return True

    def reach(self, sent: tuple[int, int], hi: int) -> tuple[list[int], list[int]]:
        """For each token of doc[sent[0]:hi], the lowest and the highest position among it and
        its dependents in the sentence (indexed from sent[0]): a stretch is whole subtrees when
        its tokens reach no further than itself."""
        key = (sent[0], sent[1], hi)
        found = self._reach.get(key)
        if found is None:
            base = sent[0]
            low, high = list(range(base, hi)), list(range(base, hi))
            heads = self.heads
            for t in range(base, sent[1]):
                h = heads[t]
                if base <= h < hi:
                    k = h - base
                    if t < low[k]:
                        low[k] = t
                    elif t > high[k]:
                        high[k] = t
            found = self._reach[key] = (low, high)
        return found


def _stretch_root(w: Window, lo: int, hi: int) -> int:
    """The first token of doc[lo:hi] whose head lies outside it: the stretch's constituent."""
    heads, punct = w.heads, w.punct
    for i in range(lo, hi):
        h = heads[i]
        if (h < lo or h >= hi or h == i) and not punct[i]:
            return i
    return lo


def _first_word(w: Window, lo: int) -> int:
    while w.gap[lo]:
        lo += 1
    return lo


def edge_features(w: Window, draft: Draft, side: str, move: str, lo: int, hi: int, edge: int) -> list:
    """The candidate edge's tokens: the stretch it adds or drops (doc[lo:hi]), the token kept at
    the edge, the token beyond it, and how the reading was found. Each feature is a name whose
    value is 1, given as the pieces that make it (``Edge.parts``)."""
    how = draft.extent_kind or draft.kind
    names = _NAMES[side, move]
    beyond_i = edge - 1 if side == "start" else edge + 1
    beyond = w.word(beyond_i) if 0 <= beyond_i < len(w.gap) else "none"
    feats: list[tuple[str, ...]] = [
        names.own,
        (names.how, how),
        (names.kept, w.word(edge)),
        (names.beyond, beyond),
    ]
    # Annotators' contents mostly run from the cue to the end of the sentence.
    if side == "end":
        feats.append(("end|sent_end=", _BOOL[w.sent_end(edge)]))
    elif draft.cue is not None and draft.cue.head.i < edge:
        gap = w.words_before[edge] - w.words_before[draft.cue.head.i + 1]
        feats.append(("start|after_cue=", _BINS[min(gap, 13)]))
    if move == "keep":
        return feats
    n_words = w.words_before[hi] - w.words_before[lo]
    if not n_words:
        return feats
    root = _stretch_root(w, lo, hi)
    gap_at = w.gap
    if side == "end" or move == "extend":  # the stretch's first word
        first_i = _first_word(w, lo)
    else:  # its last word
        first_i = hi - 1
        while gap_at[first_i]:
            first_i -= 1
    first = w.word(first_i)
    lemma = draft.cue.lemma if draft.cue is not None else ""
    # The punctuation that sets the stretch off at the edge: ', which ...', '— a message that ...'.
    mark = lo if side == "end" else hi - 1
    dep = w.dep(root)
    feats += [
        (names.dep, dep),
        (names.dep, dep, "|how=", how),
        (names.first, first),
        (names.dep, dep, "|first=", first),
        (names.tag, w.tag(root)),
        (names.len, _BINS[min(n_words, 13)]),
        (names.verb, _BOOL[w.verbs_before[hi] - w.verbs_before[lo] > 0]),
        (names.mark, w.lower(mark) if w.punct[mark] else "none"),
        (names.lemma, lemma, "|dep=", dep),
    ]
    # 'last Monday', and with the preposition that opens it, 'on Monday', 'in 2015'.
    times = w.times_before[hi] - w.times_before[lo]
    if times and (times == n_words or (times == n_words - 1 and w.adp[_first_word(w, lo)])):
        feats.append(names.time)
    return feats
