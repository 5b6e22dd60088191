"""The learned gate's context features: who speaks, where the cue stands, questions."""

from __future__ import annotations

from quotetrace.extract.gate import MODEL_FILE, LearnedGate, features
from quotetrace.extract.indirect import indirect_drafts
from quotetrace.paths import shipped_model


def gate_features(extractor, parse, text: str, verb: str) -> dict[str, float]:
    """The features of the first reading the verb ``verb`` offers the gate."""
    doc = parse(text)
    cue = next(
        c for c in extractor.nlp.get_pipe("quotetrace_quotes").cue_finder.find(doc) if c.head.text == verb
    )
    drafts = indirect_drafts(doc, cue, [])
    assert drafts, f"no reading of {verb!r}"
    return features(cue, drafts[0])


def test_the_subject_kind_tells_a_role_a_document_a_name_and_a_thing_apart(extractor, parse):
    role = gate_features(extractor, parse, "The senator argued that the fund was nearly empty.", "argued")
    document = gate_features(extractor, parse, "The study argued that the fund was nearly empty.", "argued")
    name = gate_features(extractor, parse, "Mirela Ostrova argued that the fund was nearly empty.", "argued")
    pronoun = gate_features(extractor, parse, "She argued that the fund was nearly empty.", "argued")
    assert role.get("who=role") == 1.0 and "who=document" not in role
    assert document.get("who=document") == 1.0 and "who=role" not in document
    assert name.get("who=name") == 1.0
    assert pronoun.get("who=person_pronoun") == 1.0
    reader = gate_features(extractor, parse, "You can read the full report on the council's website.", "read")
    assert reader.get("who=pronoun:you") == 1.0 and "who=person_pronoun" not in reader


def test_a_verb_sharing_its_subject_takes_the_subject_of_its_governor(extractor, parse):
    feats = gate_features(extractor, parse, "The senator wants to argue that the fund is empty.", "argue")
    assert feats.get("who=role") == 1.0
    alone = gate_features(extractor, parse, "Arguing that the fund is empty helps nobody.", "Arguing")
    assert "who=role" not in alone


def test_a_cue_under_a_relative_clause_is_marked_and_under_a_main_verb_is_not(extractor, parse):
    inner = gate_features(
        extractor,
        parse,
        "The farmers who said that they complained about the drought left early.",
        "complained",
    )
    main = gate_features(
        extractor, parse, "The farmers said that they complained about the drought.", "complained"
    )
    assert inner.get("inside=relcl") == 1.0
    assert not any(name.startswith("inside=") for name in main)


def test_a_question_sentence_is_marked(extractor, parse):
    asked = gate_features(extractor, parse, "Did the mayor suggest that the bridge would close?", "suggest")
    stated = gate_features(extractor, parse, "The mayor suggested that the bridge would close.", "suggested")
    assert asked.get("question_sentence") == 1.0
    assert "question_sentence" not in stated


def test_the_refit_model_loads_and_knows_the_new_features():
    model = shipped_model(MODEL_FILE)
    gate = LearnedGate(model)
    assert 0 < gate.threshold < 1
    assert any(name.startswith("who=") for name in gate.weights)
    assert any(name.startswith("inside=") for name in gate.weights)


def test_how_far_into_its_sentence_the_cue_stands(extractor, parse):
    first = gate_features(
        extractor, parse, "Officials warned that the river would flood by Friday.", "warned"
    )
    late = gate_features(
        extractor,
        parse,
        "After a long night of heavy rain over the hills and the farms to the north, the officials warned that it would flood.",
        "warned",
    )
    assert first.get("words_before=0") == 1.0
    assert late.get("words_before=4") == 1.0 and "words_before=0" not in late


def test_a_cue_governed_by_another_verb_names_that_verb(extractor, parse):
    effort = gate_features(
        extractor, parse, "The inspectors are trying to determine whether the dam leaked.", "determine"
    )
    main = gate_features(extractor, parse, "The inspectors determined that the dam leaked.", "determined")
    assert effort.get("governor=xcomp|trying") == 1.0
    assert not any(name.startswith("governor=") for name in main)
