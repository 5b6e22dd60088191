"""The indirect-speech gate: learned by default, rules as the fallback, fixed per pipeline."""

from __future__ import annotations

import json

import pytest

from quotetrace.extract.gate import GATES, MODEL_FILE, LearnedGate, default_gate
from quotetrace.paths import data_file


def test_shipped_model_is_small_and_documented():
    path = data_file(MODEL_FILE)
    assert path.stat().st_size < 2_000_000
    model = json.loads(path.read_text())
    assert 0 < model["threshold"] < 1
    assert "bias" in model["weights"] and len(model["weights"]) > 100
    # Shipped only because it beat the rules in cross-validation on train (end to end).
    learned, rules = model["cv_f1"]["learned"], model["cv_f1"]["rules"]
    assert sum(learned[k] for k in ("content_overlap", "content_exact", "source", "cue")) > sum(
        rules[k] for k in ("content_overlap", "content_exact", "source", "cue")
    )


def test_default_is_learned_when_weights_ship():
    assert isinstance(default_gate(), LearnedGate)
    assert set(GATES) == {"rules", "learned"}


@pytest.mark.parametrize("gate", ["rules", "learned"])
def test_both_gates_find_clear_indirect_speech(gate):
    from quotetrace.extract import Extractor

    text = "The senator denied reports that she had met the lobbyists in March.\n"
    extractor = Extractor(gate=gate)
    assert extractor.nlp.get_pipe("quotetrace_quotes").gate_name == gate
    quote = next(q for q in extractor.extract(text).quotes if "lobbyists" in q.text)
    assert quote.kind == "indirect" and quote.cue.lemma == "deny"
    assert 0 < quote.confidence <= 1


def test_interleaved_extractors_keep_their_own_gate():
    """Regression: the gate used to be set on a shared pipeline at run time, so the last
    Extractor created decided for all of them."""
    from quotetrace.extract import Extractor
    from quotetrace.extract.gate import rule_gate

    rules = Extractor(gate="rules")
    learned = Extractor()
    text = "Officials said the bridge would reopen in the spring.\n"
    first = list(rules.pipe([text]))
    list(learned.pipe([text]))
    again = list(rules.pipe([text]))
    assert rules.nlp.get_pipe("quotetrace_quotes").gate is rule_gate
    assert isinstance(learned.nlp.get_pipe("quotetrace_quotes").gate, LearnedGate)
    assert [q.to_dict() for q in first[0].quotes] == [q.to_dict() for q in again[0].quotes]


def test_unknown_gate_is_a_clear_error():
    from quotetrace.extract import Extractor

    with pytest.raises(ValueError, match="unknown gate"):
        Extractor(gate="oracle")


def test_quotes_are_doc_spans_and_survive_serialisation(extractor):
    from spacy.tokens import Doc

    doc = extractor.nlp('"We will win," the senator said.\n')
    assert [s.label_ for s in doc.spans["cues"]] == ["say"]
    assert doc.spans["quotes"][0].text.startswith('"We will win')
    restored = Doc(extractor.nlp.vocab).from_bytes(doc.to_bytes())
    assert [s.text for s in restored.spans["sources"]] == ["the senator"]


def test_shipped_cue_forms_match_what_the_lemmatizer_derives(extractor):
    """data/cue_forms.tsv (train/build_cue_forms.py) saves ~3 s of start-up; it must equal the
    forms the model's lemmatizer would derive for the current lexicon."""
    from quotetrace.extract.cues import cue_forms, shipped_cue_forms
    from quotetrace.extract.lexicon import cue_lexicon

    shipped = shipped_cue_forms(cue_lexicon())
    assert shipped is not None and shipped == cue_forms(extractor.nlp, cue_lexicon())


def test_the_verbs_subject_negation_and_modal_are_features(extractor):
    from quotetrace.extract.gate import features
    from quotetrace.extract.indirect import indirect_drafts

    nlp = extractor.nlp
    finder = nlp.get_pipe("quotetrace_quotes").cue_finder

    def feats(text: str, verb: str) -> dict[str, float]:
        doc = nlp(text)
        cue = next(c for c in finder.find(doc) if c.head.text == verb)
        return features(cue, indirect_drafts(doc, cue, [])[0])

    hedged = feats("She would not admit that the ferry was late.\n", "admit")
    assert {"negated", "modal", "subj_pron=she", "subj_dep=nsubj"} <= set(hedged)
    plain = feats("The harbour master admitted that the ferry was late.\n", "admitted")
    assert "negated" not in plain and "modal" not in plain
    assert "subj_lemma_len=3" in plain and not any(k.startswith("subj_pron=") for k in plain)
    bare = feats("Admitting that the ferry was late, the clerk left.\n", "Admitting")
    assert bare.get("subj=none") == 1.0
