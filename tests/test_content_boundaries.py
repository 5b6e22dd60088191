"""The boundary step for unquoted contents (extract/boundaries.py): where a reading may start and
end, how the learned chooser moves an end, and what the shipped model does with common shapes.

The sentences are written for these tests (not taken from any corpus or article).
"""

from __future__ import annotations

import json

import pytest

from quotetrace.extract.boundaries import (
    MODEL_FILE,
    BoundaryChooser,
    Edge,
    candidates,
    default_bounds,
    move_to,
)
from quotetrace.paths import data_file


@pytest.fixture(scope="module")
def nlp():
    from quotetrace.extract import build_pipeline

    return build_pipeline()


def reading(nlp, text: str, verb: str, how: str | None = None):
    """The parsed doc and one reading of the cue ``verb`` (its first, or the one found ``how``)."""
    from quotetrace.extract.indirect import indirect_drafts

    doc = nlp(text)
    cue = next(c for c in nlp.get_pipe("quotetrace_quotes").cue_finder.find(doc) if c.head.text == verb)
    drafts = indirect_drafts(doc, cue, [])
    draft = next(d for d in drafts if how is None or d.extent_kind == how)
    return doc, draft


def edge_texts(doc, draft, edges: list[Edge]) -> dict[str, str]:
    """Each candidate's content text, by how the edge moved."""
    out: dict[str, list[str]] = {}
    for e in edges:
        first = e.token if e.side == "start" else doc.char_span(draft.start, draft.end, "expand").start
        last = e.token if e.side == "end" else doc.char_span(draft.start, draft.end, "expand").end - 1
        out.setdefault(e.move, []).append(doc[first : last + 1].text)
    return out  # type: ignore[return-value]


# -- candidates: whole constituents only -------------------------------------------------------
def test_a_trailing_relative_clause_can_be_cut_at_its_comma(nlp):
    doc, draft = reading(
        nlp, "The clerk disputed the tally, which had taken nine days to finish.\n", "disputed"
    )
    assert doc.text[draft.start : draft.end].startswith("the tally, which")
    _, ends = candidates(doc, draft, [])
    cuts = edge_texts(doc, draft, ends)["cut"]
    assert "the tally" in cuts
    # Never between a verb and its auxiliary: 'the tally, which had' leaves 'had' hanging.
    assert "the tally, which had" not in cuts and "the tally," not in cuts


def test_the_object_before_an_infinitive_is_a_start_the_content_may_take_in(nlp):
    doc, draft = reading(nlp, "The pastor urged the new tenants to plant more oak trees.\n", "urged")
    assert doc.text[draft.start : draft.end] == "to plant more oak trees"
    starts, _ = candidates(doc, draft, [])
    assert "the new tenants to plant more oak trees" in edge_texts(doc, draft, starts)["extend"]
    # Half a noun phrase is no edge.
    assert "new tenants to plant more oak trees" not in edge_texts(doc, draft, starts)["extend"]


def test_an_edge_never_takes_in_the_cue_or_crosses_a_quotation(nlp):
    text = 'The pastor urged the tenants to plant trees after the "spring cleanup" this year.\n'
    doc, draft = reading(nlp, text, "urged")
    quote = (text.index('"spring'), text.index('up"') + 3)
    starts, ends = candidates(doc, draft, [quote])
    assert all(doc[e.token].idx > doc.text.index("urged") for e in starts)
    assert all(doc[e.token].idx + len(doc[e.token]) <= quote[0] for e in ends if e.move == "extend")


def test_an_edge_never_grows_over_another_cue(nlp):
    text = "The mayor praised the new budget, insisting that taxes would not rise.\n"
    doc, draft = reading(nlp, text, "praised")
    assert doc.text[draft.start : draft.end] == "the new budget"
    insisting = next(t.i for t in doc if t.text == "insisting")
    free = edge_texts(doc, draft, candidates(doc, draft, [])[1]).get("extend", [])
    assert any("taxes would not rise" in t for t in free)
    _, ends = candidates(doc, draft, [], frozenset({insisting}))
    assert all(e.token < insisting for e in ends)


def test_an_as_phrase_joins_only_the_object_of_a_verb_that_says_something_of_it(nlp):
    doc, draft = reading(nlp, "The council announced the tax as part of a wider reform.\n", "announced")
    assert doc.text[draft.start : draft.end] == "the tax"
    grown = edge_texts(doc, draft, candidates(doc, draft, [])[1]).get("extend", [])
    assert not any("reform" in t for t in grown)
    doc, draft = reading(nlp, "The council announced the tax at a meeting in the library.\n", "announced")
    grown = edge_texts(doc, draft, candidates(doc, draft, [])[1]).get("extend", [])
    assert "the tax at a meeting in the library" in grown


def test_a_content_in_fragments_keeps_its_edges(nlp):
    doc, draft = reading(nlp, "The bridge, the engineer said, will need new cables by May.\n", "said")
    draft.fragments = [(0, 10), (31, 58)]
    assert candidates(doc, draft, []) is None


# -- the chooser --------------------------------------------------------------------------------
def test_an_edge_moves_only_when_a_candidate_beats_its_own_by_the_margin(nlp):
    doc, draft = reading(
        nlp, "The clerk disputed the tally, which had taken nine days to finish.\n", "disputed"
    )
    weights = {"end:cut|dep=relcl": 2.0}
    unchanged = (draft.start, draft.end)
    BoundaryChooser({"weights": weights, "margin": 3.0})(doc, draft, [])
    assert (draft.start, draft.end) == unchanged
    BoundaryChooser({"weights": weights, "margin": 1.0})(doc, draft, [])
    assert doc.text[draft.start : draft.end] == "the tally"


def test_taking_in_the_words_the_cue_ran_to_gives_them_back_to_the_content(nlp):
    text = "The coach criticized the referees for ignoring the rules of the league.\n"
    doc, draft = reading(nlp, text, "criticized")
    draft.start, draft.cue_end = text.index("ignoring"), text.index(" ignoring")
    first = next(t.i for t in doc if t.text == "referees") - 1
    move_to(doc, draft, [], first, len(doc) - 3)
    assert text[draft.start : draft.end] == "the referees for ignoring the rules of the league"
    assert draft.cue_end is None and draft.kind == "indirect"


# -- the shipped model ------------------------------------------------------------------------
def test_shipped_model_is_small_and_beat_the_readings_own_edges_in_cross_validation():
    path = data_file(MODEL_FILE)
    assert path.stat().st_size < 1_000_000
    model = json.loads(path.read_text())
    assert model["margin"] >= 0 and len(model["weights"]) > 50
    own, moved = model["cv_f1"]["own_edges"], model["cv_f1"]["boundaries"]
    headline = ("content_overlap", "content_exact", "source", "cue")
    assert sum(moved[k] for k in headline) > sum(own[k] for k in headline)
    assert isinstance(default_bounds(), BoundaryChooser)


# -- partial quotes ------------------------------------------------------------------------------
PARTIAL = 'The mayor called the plan "a costly mistake" at a packed meeting in the old town hall.\n'


def test_a_partial_quotes_clause_moves_its_ends_too(nlp):
    from quotetrace.extract.attribution import attribute

    doc = nlp(PARTIAL)
    cue_finder = nlp.get_pipe("quotetrace_quotes").cue_finder
    gate = nlp.get_pipe("quotetrace_quotes").gate
    kept, _ = attribute(doc, cue_finder, gate, BoundaryChooser({"weights": {}, "margin": 0.0}))
    quote = next(q for q in kept if "costly" in q.text)
    assert quote.kind == "mixed" and quote.text == 'the plan "a costly mistake"'
    grow = BoundaryChooser({"weights": {"end:extend|dep=prep": 5.0}, "margin": 0.0})
    moved, _ = attribute(doc, cue_finder, gate, grow)
    quote = next(q for q in moved if "costly" in q.text)
    assert quote.kind == "mixed" and quote.text.startswith('the plan "a costly mistake" at')
    assert quote.cue is not None and quote.cue.text == "called"


def test_no_cut_drops_a_quotation_the_content_holds(nlp):
    doc, draft = reading(nlp, 'The mayor said the plan was "a costly mistake" for the town.\n', "said")
    text = doc.text
    quote = (text.index('"a'), text.index('mistake"') + 8)
    starts, ends = candidates(doc, draft, [quote])
    assert all(doc[e.token].idx <= quote[0] for e in starts)
    assert all(doc[e.token].idx + len(doc[e.token]) >= quote[1] - 1 for e in ends)
