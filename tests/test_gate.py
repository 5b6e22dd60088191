"""The indirect-speech gate: learned by default, rules as the fallback, same interface."""

from __future__ import annotations

import json

import pytest

from quotetrace.extract.gate import GATES, MODEL_FILE, LearnedGate, default_gate, rule_gate
from quotetrace.paths import data_file


def test_shipped_model_is_small_and_documented():
    path = data_file(MODEL_FILE)
    assert path.stat().st_size < 2_000_000
    model = json.loads(path.read_text())
    assert 0 < model["threshold"] < 1
    assert model["dev_content_partial_f1"]["learned"] > model["dev_content_partial_f1"]["rules"]
    assert "bias" in model["weights"] and len(model["weights"]) > 100


def test_default_is_learned_when_weights_ship():
    assert isinstance(default_gate(), LearnedGate)
    assert set(GATES) == {"rules", "learned"}


def test_both_gates_find_clear_indirect_speech(extractor):
    text = "The senator denied reports that she had met the lobbyists in March.\n"
    original = extractor.gate
    try:
        for gate in (rule_gate, GATES["learned"]()):
            extractor.gate = gate
            article = extractor.extract(text)
            assert extractor.nlp.get_pipe("quotetrace_quotes").gate is gate
            quote = next(q for q in article.quotes if "lobbyists" in q.text)
            assert quote.kind == "indirect" and quote.cue.lemma == "deny"
            assert 0 < quote.confidence <= 1
    finally:
        extractor.gate = original


def test_unknown_gate_is_a_clear_error():
    from quotetrace.extract import Extractor

    with pytest.raises(ValueError, match="unknown gate"):
        Extractor(gate="oracle")
