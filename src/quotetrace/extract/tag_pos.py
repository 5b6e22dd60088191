"""Coarse parts of speech from fine tags, as the model's attribute_ruler sets them, in numpy.

en_core_web_sm maps each fine tag to a part of speech with an ``attribute_ruler`` (a Matcher
over ~180 patterns) that costs about a sixth of the whole parse. quotetrace needs only its POS
output, so ``quotetrace_tag_pos`` reads the same patterns from the loaded model and applies the
ones that set POS as array masks, in the ruler's order (a later match wins, as in the ruler).
On PolNeAR dev every token gets the same POS as from the ruler (tests/test_tag_pos.py). A
pattern of a shape it cannot express keeps the ruler in the pipeline instead.
"""

# No `from __future__ import annotations`: spaCy validates factory signatures at runtime.

from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

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


def compile_rules(nlp: Language, ruler_name: str = "attribute_ruler") -> list[Rule]:
    """Per rule: (token index the POS goes to, [(offset, column, values, negated)], POS id,
    pattern length)."""
    ruler: Any = nlp.get_pipe(ruler_name)
    rules = []
    for entry in ruler.patterns:
        pos = entry["attrs"].get("POS")
        if pos is None:
            continue
        pos_id = nlp.vocab.strings.add(pos)
        for pattern in entry["patterns"]:
            tests = []
            for offset, token in enumerate(pattern):
                for attr, value in token.items():
                    if attr not in ATTRS:
                        raise UnsupportedPattern(attr)
                    values, negate = _values(nlp.vocab, attr, value)
                    tests.append((offset, COLUMNS.index(attr), values, negate))
            index = entry.get("index", 0)
            rules.append((index if index >= 0 else len(pattern) + index, tests, pos_id, len(pattern)))
    return rules


class TagPos:
    def __init__(self, rules):
        self.rules = rules

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


@Language.factory("quotetrace_tag_pos", assigns=["token.pos"], requires=["token.tag", "token.dep"])
def make_tag_pos(nlp: Language, name: str) -> TagPos:
    """Reads the patterns of the pipeline's ``attribute_ruler``; add it before removing that."""
    return TagPos(compile_rules(nlp))


def replace_attribute_ruler(nlp: Language) -> bool:
    """Swap the model's attribute_ruler for ``quotetrace_tag_pos``; False (ruler kept) when a
    pattern cannot be expressed as masks."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        nlp.add_pipe("quotetrace_tag_pos", after="attribute_ruler")
    except UnsupportedPattern:
        return False
    nlp.remove_pipe("attribute_ruler")
    return True
