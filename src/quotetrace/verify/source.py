"""A source text (interview, speech, press release) and its search index.

The index encodes each source word as one character of a private alphabet
(same word, same character), so that exact search is ``str.find`` and word
alignment is rapidfuzz over plain strings: both run in C, and a 10,000-word
source is one 10,000-character string.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import add

from quotetrace.errors import InputError
from quotetrace.text.normalize import fold
from quotetrace.text.sentences import sentence_spans
from quotetrace.text.tokens import FOLDED_WORD_OR_SENTINEL, SENTINEL, words_with_spans
from quotetrace.verify.turns import Turn, parse_turns

MAX_SOURCE_CHARS = 20_000_000
_FIRST_WORD_CHAR = 0x10000  # word characters live above the BMP ...
_LAST_WORD_CHAR = 0xEFFFF  # ... and below plane 16, kept for quote placeholders
CONTEXT_MAX_CHARS = 600


@dataclass(slots=True)
class SourceIndex:
    enc: str
    starts: list[int]
    ends: list[int]
    vocab: dict[str, str]
    sentences: list[tuple[int, int]]
    sentence_starts: list[int]
    turn_starts: list[int]
    # Content terms of each sentence and their document frequency, built on first use
    # by quotetrace.verify.paraphrase (only indirect quotes need them).
    terms: list[frozenset[str]] | None = None
    term_sentences: dict[str, list[int]] | None = None
    negated: list[bool] | None = None
    _pairs: dict[str, list[int]] = field(default_factory=dict)
    _counts: Counter[str] | None = None

    def pair_hits(self, wanted: Iterable[str]) -> dict[str, list[int]]:
        """Word pair (two encoded characters) -> its start positions, for the ``wanted`` pairs.

        Positions are gathered on demand, in one pass for all pairs not seen before:
        ``verify_quotes`` asks for every pair of every quote at once, which is cheaper
        than indexing all the source's pairs.
        """
        missing = set(wanted).difference(self._pairs)
        if missing:
            found: defaultdict[str, list[int]] = defaultdict(list)
            for i, pair in enumerate(map(add, self.enc, self.enc[1:])):
                if pair in missing:
                    found[pair].append(i)
            for pair in missing:
                self._pairs[pair] = found.get(pair, [])
        return self._pairs

    @property
    def counts(self) -> Counter[str]:
        """Encoded word -> how often it occurs."""
        if self._counts is None:
            self._counts = Counter(self.enc)
        return self._counts

    def sentence_of(self, word: int) -> int:
        return max(0, bisect_right(self.sentence_starts, self.starts[word]) - 1)

    def turn_of(self, word: int) -> int:
        """Index of the turn holding ``word``; -1 before the first label or without labels."""
        return bisect_right(self.turn_starts, self.starts[word]) - 1


@dataclass(slots=True)
class Source:
    """One source document. ``speaker`` says who speaks where no turn label does."""

    text: str
    name: str = "source"
    turns: list[Turn] = field(default_factory=list)
    speaker: str | None = None
    _index: SourceIndex | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_text(cls, text: str, name: str = "source", speaker: str | None = None) -> Source:
        if len(text) > MAX_SOURCE_CHARS:
            raise InputError(
                f"{name} has {len(text):,} characters, "
                f"over the {MAX_SOURCE_CHARS:,}-character limit for a source"
            )
        return cls(text=text, name=name, turns=parse_turns(text), speaker=speaker)

    @property
    def speakers(self) -> dict[str, list[tuple[int, int]]]:
        """Turn label -> the (start, end) spans of that speaker's turns."""
        out: dict[str, list[tuple[int, int]]] = {}
        for turn in self.turns:
            out.setdefault(turn.label, []).append((turn.body_start, turn.end))
        return out

    @property
    def index(self) -> SourceIndex:
        if self._index is None:
            self._index = build_index(self.text, self.turns)
        return self._index

    def turn_at(self, word: int) -> Turn | None:
        i = self.index.turn_of(word)
        return self.turns[i] if i >= 0 else None

    def context(self, start: int, end: int) -> tuple[str, str]:
        """The source text from the sentence before ``start`` and to the sentence after ``end``."""
        idx = self.index
        if not idx.sentences:
            return "", ""
        first = max(0, bisect_right(idx.sentence_starts, start) - 1)
        last = max(0, bisect_right(idx.sentence_starts, max(start, end - 1)) - 1)
        lo = idx.sentences[max(0, first - 1)][0]
        hi = idx.sentences[min(len(idx.sentences) - 1, last + 1)][1]
        before = self.text[min(lo, start) : start]
        after = self.text[end : max(hi, end)]
        if len(before) > CONTEXT_MAX_CHARS:
            before = "…" + before[-CONTEXT_MAX_CHARS:].split(" ", 1)[-1]
        if len(after) > CONTEXT_MAX_CHARS:
            after = after[:CONTEXT_MAX_CHARS].rsplit(" ", 1)[0] + "…"
        return before, after


def build_index(text: str, turns: list[Turn]) -> SourceIndex:
    folded = fold(text)
    if turns:
        # A speaker label becomes one sentinel "word" that matches nothing, so no match
        # runs from one speaker's turn into the next.
        parts, pos = [], 0
        for turn in turns:
            parts.append(folded[pos : turn.start])
            parts.append(SENTINEL + " " * (turn.body_start - turn.start - 1))
            pos = turn.body_start
        parts.append(folded[pos:])
        folded = "".join(parts)
    words, starts, ends = words_with_spans(folded, FOLDED_WORD_OR_SENTINEL)
    vocab = dict.fromkeys(words, "")
    vocab.pop(SENTINEL, None)
    if len(vocab) > _LAST_WORD_CHAR - _FIRST_WORD_CHAR:
        raise InputError("source has too many distinct words to index")
    for code, word in enumerate(vocab, _FIRST_WORD_CHAR):
        vocab[word] = chr(code)
    vocab[SENTINEL] = SENTINEL
    enc = "".join(map(vocab.__getitem__, words))
    sentences = sentence_spans(text, breaks=[b for t in turns for b in (t.start, t.body_start)])
    return SourceIndex(
        enc=enc,
        starts=starts,
        ends=ends,
        vocab=vocab,
        sentences=sentences,
        sentence_starts=[s for s, _ in sentences],
        turn_starts=[t.start for t in turns],
    )
