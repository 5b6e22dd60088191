"""Coarse parts of speech from fine tags, as the model's attribute_ruler sets them, in numpy.

en_core_web_sm maps each fine tag to a part of speech with an ``attribute_ruler`` (a Matcher
over ~180 patterns) that costs about a sixth of the whole parse. quotetrace needs only its POS
output, so ``quotetrace_tag_pos`` reads the same patterns (from the loaded ruler, or from the
model folder when the ruler is excluded at load, as ``nlp.load_pipeline`` does: building its
Matcher was a tenth of the model load) and applies the ones that set POS in the ruler's order
(a later match wins, as in the ruler): the one-token rules by the combination of a token's
columns, worked out once per process (``TokenRules``), a longer rule as array masks. On
PolNeAR dev every token gets the same POS as from the ruler (tests/test_tag_pos.py). A pattern
of a shape it cannot express keeps (or restores) the ruler instead.
"""

# No `from __future__ import annotations`: spaCy validates factory signatures at runtime.

from pathlib import Path
from typing import Any

import numpy
import srsly
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

ATTRS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")


class UnsupportedPattern(ValueError):
    """An attribute_ruler pattern this component cannot apply as a mask."""


def _values(vocab, attr: str, value: Any) -> tuple[list[int], bool]:
    """The array values a token constraint names, and whether it accepts or rejects them:
    one value, an IN list or a NOT_IN list."""
    if attr == "IS_SPACE":
        if not isinstance(value, bool):
            raise UnsupportedPattern(f"IS_SPACE {value!r}")
        return [int(value)], False
    if isinstance(value, str):
        return [vocab.strings.add(value)], False
    if isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
        ((op, listed),) = value.items()
        return [vocab.strings.add(v) for v in listed], op == "NOT_IN"
    raise UnsupportedPattern(f"{attr} {value!r}")


Rule = tuple[int, list[tuple[int, int, list[int], bool]], int, int]
RULER = "attribute_ruler"


def ruler_patterns(nlp: Language) -> list[dict[str, Any]] | None:
    """The attribute_ruler's patterns: from the loaded ruler, else as saved in the model folder
    ``nlp`` was loaded from; None when the model has no ruler."""
    if RULER in nlp.component_names:
        ruler: Any = nlp.get_pipe(RULER)
        return ruler.patterns
    saved = Path(nlp.path) / RULER / "patterns" if nlp.path is not None else None
    return srsly.read_msgpack(saved) if saved is not None and saved.is_file() else None


def compile_rules(vocab: Vocab, patterns: list[dict[str, Any]]) -> list[Rule]:
    """Per rule: (token index the POS goes to, [(offset, column, values, negated)], POS id,
    pattern length)."""
    rules = []
    for entry in patterns:
        pos = entry["attrs"].get("POS")
        if pos is None:
            continue
        pos_id = vocab.strings.add(pos)
        for pattern in entry["patterns"]:
            tests = []
            for offset, token in enumerate(pattern):
                for attr, value in token.items():
                    if attr not in ATTRS:
                        raise UnsupportedPattern(attr)
                    values, negate = _values(vocab, attr, value)
                    tests.append((offset, COLUMNS.index(attr), values, negate))
            index = entry.get("index", 0)
            rules.append((index if index >= 0 else len(pattern) + index, tests, pos_id, len(pattern)))
    return rules


class TokenRules:
    """The rules that match one token and set its own POS (all but one of the model's): their
    outcome depends on the token's four columns only, so it is worked out once per distinct
    combination of them and kept, instead of one array pass per rule per Doc. Each column's
    value becomes its place among the values the rules name, and every value no rule names one
    place more, which every test treats alike: the combinations a process keeps stay few
    however many words it reads."""

    def __init__(self, rules: list[Rule]):
        self.single = {k for k, (index, _, _, length) in enumerate(rules) if length == 1 and index == 0}
        self.rules = [(k, rules[k][1], rules[k][2]) for k in sorted(self.single)]
        named: list[set[int]] = [set() for _ in COLUMNS]
        for _, tests, _ in self.rules:
            for _, column, values, _ in tests:
                named[column].update(values)
        self.named = [numpy.array(sorted(v), dtype=numpy.uint64) for v in named]
        self.known: dict[int, tuple[int, int]] = {}
        # Nearly every rule names the tag it needs: a new combination tries only those rules of
        # its tag (and the few that name none), from the last.
        self.by_tag: dict[int, list[int]] = {}
        self.any_tag: list[int] = []
        for r, (_, tests, _) in enumerate(self.rules):
            tags = next((values for _, column, values, negate in tests if column == 0 and not negate), None)
            for tag in tags or ():
                self.by_tag.setdefault(tag, []).append(r)
            if tags is None:
                self.any_tag.append(r)

    def winners(self, table: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """Per token: the order of the last one-token rule that matches it (-1 for none) and the
        POS it gets (its own where none matches)."""
        code = numpy.zeros(len(table), dtype=numpy.int64)
        for c, named in enumerate(self.named):
            col = table[:, c]
            place = numpy.searchsorted(named, col)
            listed = place < len(named)
            listed[listed] = named[place[listed]] == col[listed]
            code = code * (len(named) + 1) + numpy.where(listed, place, len(named))
        codes, inverse = numpy.unique(code, return_inverse=True)
        known = self.known
        won = [known.get(c) or known.setdefault(c, self._last_match(c)) for c in codes.tolist()]
        order = numpy.array([k for k, _ in won], dtype=numpy.int64)[inverse]
        pos = numpy.array([p for _, p in won], dtype=numpy.uint64)[inverse]
        return order, numpy.where(order >= 0, pos, table[:, 4])

    def _last_match(self, code: int) -> tuple[int, int]:
        key = [0] * len(self.named)
        for c in reversed(range(len(self.named))):
            code, place = divmod(code, len(self.named[c]) + 1)
            key[c] = int(self.named[c][place]) if place < len(self.named[c]) else -1  # named by none
        for r in sorted({*self.by_tag.get(key[0], ()), *self.any_tag}, reverse=True):
            k, tests, pos_id = self.rules[r]
            if all((key[column] in values) != negate for _, column, values, negate in tests):
                return k, pos_id
        return -1, 0


class TagPos:
    """The component; its patterns are saved with the pipeline (``to_disk``/``to_bytes``), so a
    saved quotetrace pipeline loads again without the model's ruler."""

    def __init__(self, vocab: Vocab, patterns: list[dict[str, Any]]):
        self.vocab = vocab
        self.set_patterns(patterns)

    def set_patterns(self, patterns: list[dict[str, Any]]) -> None:
        self.patterns = patterns
        self.rules = compile_rules(self.vocab, patterns)
        self.tokens = TokenRules(self.rules)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        table = doc.to_array([TAG, LOWER, DEP, IS_SPACE, POS]).astype(numpy.uint64)
        # The last rule that matches a token wins: first the one-token rules', then each longer
        # rule in turn takes the tokens it matches where it comes later than their winner.
        order, pos = self.tokens.winners(table)
        for k, (index, tests, pos_id, length) in enumerate(self.rules):
            span = n - length + 1
            if k in self.tokens.single or span <= 0:
                continue
            mask = numpy.ones(span, dtype=bool)
            for offset, column, values, negate in tests:
                col = table[offset : offset + span, column]
                hit = col == values[0] if len(values) == 1 else numpy.isin(col, values)
                mask &= ~hit if negate else hit
            if mask.any():
                targets = numpy.flatnonzero(mask) + index
                targets = targets[order[targets] < k]
                order[targets] = k
                pos[targets] = pos_id
        doc.from_array([POS], pos.reshape(-1, 1))  # type: ignore[arg-type]  # thinc's Ints2d alias
        return doc

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return srsly.msgpack_dumps(self.patterns)

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "TagPos":
        self.set_patterns(srsly.msgpack_loads(data))
        return self

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "patterns").write_bytes(self.to_bytes())

    def from_disk(self, path, *, exclude=tuple()) -> "TagPos":
        return self.from_bytes((Path(path) / "patterns").read_bytes())


@Language.factory("quotetrace_tag_pos", assigns=["token.pos"], requires=["token.tag", "token.dep"])
def make_tag_pos(nlp: Language, name: str) -> TagPos:
    """Applies the model's ``attribute_ruler`` patterns (``ruler_patterns``); loading a saved
    quotetrace pipeline then replaces them with the saved ones (``from_disk``)."""
    return TagPos(nlp.vocab, ruler_patterns(nlp) or [])


def replace_attribute_ruler(nlp: Language) -> bool:
    """Put ``quotetrace_tag_pos`` where the model's attribute_ruler runs (after the parser),
    whether the ruler was loaded or excluded; False when the model has no ruler, or when a
    pattern cannot be expressed as masks (then the ruler is kept, or rebuilt from the saved
    patterns if it was excluded)."""
    patterns = ruler_patterns(nlp)
    if patterns is None:
        return False
    loaded = RULER in nlp.pipe_names
    place = {"after": RULER} if loaded else {"last": True}
    try:
        nlp.add_pipe("quotetrace_tag_pos", **place)
    except UnsupportedPattern:
        if not loaded:
            ruler: Any = nlp.add_pipe(RULER, last=True)
            ruler.add_patterns(patterns)
        return False
    if loaded:
        nlp.remove_pipe(RULER)
    return True
