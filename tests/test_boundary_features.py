"""The boundary step's features (extract/boundary_features.py) and how the chooser weighs them.

The chooser looks each feature's weight up from the pieces of its name, once per process; the
scores must be the very sums of the named weights that the training script fitted, in the same
order, or a near tie could move an edge. The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from quotetrace.extract import boundaries
from quotetrace.extract.boundaries import BoundaryChooser, candidates, default_bounds
from quotetrace.paths import shipped_model


@pytest.fixture(scope="module")
def nlp():
    from quotetrace.extract import build_pipeline

    return build_pipeline()


def reading(nlp, text: str, verb: str):
    from quotetrace.extract.indirect import indirect_drafts

    doc = nlp(text)
    cue = next(c for c in nlp.get_pipe("quotetrace_quotes").cue_finder.find(doc) if c.head.text == verb)
    return doc, indirect_drafts(doc, cue, [])[0]


CLAUSE = "The clerk disputed the tally, which had taken nine days to finish.\n"


def test_a_cut_relative_clause_is_named_by_its_dependency_first_word_and_mark(nlp):
    doc, draft = reading(nlp, CLAUSE, "disputed")
    _, ends = candidates(doc, draft, [])
    keep = ends[0]
    assert keep.move == "keep" and keep.feats[0] == "end:keep"
    assert "end|sent_end=True" in keep.feats
    cut = next(e for e in ends if e.move == "cut" and doc[e.token].text == "tally")
    feats = set(cut.feats)
    assert {"end:cut", "end:cut|dep=relcl", "end:cut|first=which", "end:cut|dep=relcl|first=which"} <= feats
    # 'which had taken nine days to finish': six words, a verb among them, set off by a comma.
    assert {
        "end:cut|len=6",
        "end:cut|verb=True",
        "end:cut|mark=,",
        "end:cut|lemma=dispute|dep=relcl",
    } <= feats
    assert "end|sent_end=False" in feats and "end:cut|time" not in feats


def test_a_stretch_of_times_only_says_so(nlp):
    from spacy.tokens import Span

    doc, draft = reading(nlp, "The council announced the new levy last Monday in the hall.\n", "announced")
    assert doc.text[draft.start : draft.end] == "the new levy"
    # The pipeline runs no NER; a date marked by hand is what the feature reads.
    doc.ents = [Span(doc, 6, 8, label="DATE")]
    _, ends = candidates(doc, draft, [])
    grown = {doc[e.token].text: e.feats for e in ends if e.move == "extend"}
    assert "end:extend|time" in grown["Monday"]  # 'last Monday': times only
    assert "end:extend|time" not in grown["hall"]  # 'last Monday in the hall'
    assert "end:extend|len=2" in grown["Monday"] and "end:extend|verb=False" in grown["Monday"]


def test_every_score_is_the_sum_of_its_named_weights_in_order(nlp):
    model = shipped_model(boundaries.MODEL_FILE)
    assert model is not None
    weights = model["weights"]
    texts = (
        (CLAUSE, "disputed"),
        ("The pastor urged the new tenants to plant more oak trees before the spring.\n", "urged"),
        ("The mayor said on Friday that the bridge, which opened in May, needs new cables.\n", "said"),
    )
    shared = default_bounds()
    for text, verb in texts:
        doc, draft = reading(nlp, text, verb)
        starts, ends = candidates(doc, draft, [])
        for edge in starts + ends:
            total = 0.0
            for name in edge.feats:
                total += weights.get(name, 0.0)
            assert shared.score(edge) == total
            assert BoundaryChooser(model).score(edge) == total  # a chooser of its own


def test_the_weights_kept_looked_up_stay_bounded(nlp, monkeypatch):
    model = {"weights": {"end:cut|dep=relcl": 2.0}, "margin": 0.0}
    monkeypatch.setattr(boundaries, "MEMO_LIMIT", 5)
    memo: dict = {}
    chooser = BoundaryChooser(model, memo)
    doc, draft = reading(nlp, CLAUSE, "disputed")
    _, ends = candidates(doc, draft, [])
    for edge in ends:
        assert chooser.score(edge) == sum(model["weights"].get(n, 0.0) for n in edge.feats)
    assert 0 < len(memo) <= 6


def test_choosers_of_one_shipped_model_share_what_they_looked_up():
    first, second = default_bounds(), default_bounds()
    assert isinstance(first, BoundaryChooser) and first is not second
    assert first._memo is second._memo
    assert BoundaryChooser(shipped_model(boundaries.MODEL_FILE) or {"weights": {}, "margin": 0})._memo == {}
