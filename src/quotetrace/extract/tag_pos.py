"""Coarse parts of speech from fine tags, as the model's attribute_ruler sets them, in numpy.

en_core_web_sm maps each fine tag to a part of speech with an ``attribute_ruler`` (a Matcher
over ~180 patterns) that costs about a sixth of the whole parse. quotetrace needs only its POS
output, so ``quotetrace_tag_pos`` reads the same patterns (from the loaded ruler, or from the
model folder when the ruler is excluded at load, as ``nlp.load_pipeline`` does: building its
Matcher was a tenth of the model load) and applies the ones that set POS as array masks, in
the ruler's order (a later match wins, as in the ruler). On PolNeAR dev every token gets the
same POS as from the ruler (tests/test_tag_pos.py). A pattern of a shape it cannot express
keeps (or restores) the ruler instead.
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
        (op, listed), = value.items()
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


class TagPos:
    """The component; its patterns are saved with the pipeline (``to_disk``/``to_bytes``), so a
    saved quotetrace pipeline loads again without the model's ruler."""

    def __init__(self, vocab: Vocab, patterns: list[dict[str, Any]]):
        self.vocab = vocab
        self.set_patterns(patterns)

    def set_patterns(self, patterns: list[dict[str, Any]]) -> None:
        self.patterns = patterns
        self.rules = compile_rules(self.vocab, patterns)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        table = doc.to_array([TAG, LOWER, DEP, IS_SPACE, POS]).astype(numpy.uint64)
        pos = table[:, 4].copy()
        for index, tests, pos_id, length in self.rules:
            span = n - length + 1
            if span <= 0:
                continue
            mask = numpy.ones(span, dtype=bool)
            for offset, column, values, negate in tests:
                col = table[offset : offset + span, column]
                hit = col == values[0] if len(values) == 1 else numpy.isin(col, values)
                mask &= ~hit if negate else hit
            if mask.any():
                pos[numpy.flatnonzero(mask) + index] = pos_id
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
