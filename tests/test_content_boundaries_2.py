"""More of the boundary step (extract/boundaries.py, extract/boundary_features.py): a start that
takes in the object and the preposition that governs the content, and the time feature that
reads time words where the pipeline runs no NER.

The sentences are written for these tests (not taken from any corpus or article).
"""

from __future__ import annotations

import pytest

from quotetrace.extract.boundaries import candidates


@pytest.fixture(scope="module")
def nlp():
    from quotetrace.extract import build_pipeline

    return build_pipeline()


def reading(nlp, text: str, verb: str, how: str):
    """The parsed doc and the reading of the cue ``verb`` found ``how``."""
    from quotetrace.extract.indirect import indirect_drafts

    doc = nlp(text)
    cue = next(c for c in nlp.get_pipe("quotetrace_quotes").cue_finder.find(doc) if c.head.text == verb)
    return doc, next(d for d in indirect_drafts(doc, cue, []) if d.extent_kind == how)


def grown(doc, draft, side: str) -> dict[str, list[str]]:
    """Each outward candidate's content text with its features."""
    starts, ends = candidates(doc, draft, [])
    span = doc.char_span(draft.start, draft.end, "expand")
    out = {}
    for e in starts if side == "start" else ends:
        if e.move == "extend":
            first = e.token if side == "start" else span.start
            last = e.token if side == "end" else span.end - 1
            out[doc[first : last + 1].text] = e.feats
    return out


@pytest.mark.parametrize(
    ("text", "verb", "whole"),
    [
        (
            "The mayor described the new stadium as a waste of public money.\n",
            "described",
            "the new stadium as a waste of public money",
        ),
        (
            "The union blamed the city council for the long delay in repairs.\n",
            "blamed",
            "the city council for the long delay in repairs",
        ),
    ],
)
def test_a_start_may_take_in_the_object_and_the_word_that_governs_the_content(nlp, text, verb, whole):
    doc, draft = reading(nlp, text, verb, "verb_prep")
    assert whole.endswith(doc.text[draft.start : draft.end]) and whole != doc.text[draft.start : draft.end]
    starts = grown(doc, draft, "start")
    assert whole in starts
    # Half the object's noun phrase is still no edge.
    assert whole.split(" ", 1)[1] not in starts


def test_an_end_may_take_in_a_phrase_that_hangs_on_the_content(nlp):
    doc, draft = reading(
        nlp, "The union blamed the city council for the long delay in repairs.\n", "blamed", "dobj"
    )
    assert doc.text[draft.start : draft.end] == "the city council"
    assert "the city council for the long delay in repairs" in grown(doc, draft, "end")


@pytest.mark.parametrize(
    ("text", "verb", "timed", "untimed"),
    [
        (
            "The council announced the new levy on Tuesday in the old hall.\n",
            "announced",
            "the new levy on Tuesday",
            "the new levy on Tuesday in the old hall",
        ),
        (
            "The ministry published the figures in 2019 after a long review.\n",
            "published",
            "the figures in 2019",
            "the figures in 2019 after a long review",
        ),
        (
            "The council announced the new levy last week at the town hall.\n",
            "announced",
            "the new levy last week",
            "the new levy last week at the town hall",
        ),
    ],
)
def test_a_trailing_time_is_a_feature_without_named_entities(nlp, text, verb, timed, untimed):
    doc, draft = reading(nlp, text, verb, "dobj")
    assert not doc.ents  # the pipeline runs no NER: the words and the number's shape say time
    ends = grown(doc, draft, "end")
    assert "end:extend|time" in ends[timed]
    assert "end:extend|time" not in ends[untimed]


def test_a_preposition_before_a_word_that_is_no_time_is_no_time(nlp):
    doc, draft = reading(
        nlp, "The council announced the new levy on behalf of the mayor.\n", "announced", "dobj"
    )
    assert all("end:extend|time" not in feats for feats in grown(doc, draft, "end").values())


def subject_starts(doc, draft, others=frozenset()) -> list[str]:
    starts, _ = candidates(doc, draft, [], others)
    end = doc.char_span(draft.start, draft.end, "expand").end
    return [doc[e.token : end].text for e in starts if e.move == "subject"]


@pytest.mark.parametrize(
    ("text", "verb", "whole"),
    [
        (
            "The old harbour bridge appears to need new cables.\n",
            "appears",
            "The old harbour bridge appears to need new cables",
        ),
        (
            "Most of the new tenants are expected to plant oak trees in the spring.\n",
            "expected",
            "Most of the new tenants are expected to plant oak trees in the spring",
        ),
    ],
)
def test_a_raising_verb_offers_a_start_at_its_subject(nlp, text, verb, whole):
    doc, draft = reading(nlp, text, verb, "xcomp")
    assert doc.text[draft.start : draft.end].startswith("to ")
    assert subject_starts(doc, draft) == [whole]


def test_other_verbs_and_other_cues_offer_no_start_over_the_cue(nlp):
    doc, draft = reading(nlp, "The pastor urged the new tenants to plant more oak trees.\n", "urged", "xcomp")
    assert subject_starts(doc, draft) == []
    doc, draft = reading(
        nlp, "The new budget, the clerk said, seems to favour the farmers.\n", "seems", "xcomp"
    )
    said = next(t.i for t in doc if t.text == "said")
    assert subject_starts(doc, draft) == ["The new budget, the clerk said, seems to favour the farmers"]
    assert subject_starts(doc, draft, frozenset({said})) == []


def test_a_chooser_that_prefers_the_subject_start_takes_subject_and_verb_into_the_content(nlp):
    from quotetrace.extract.boundaries import BoundaryChooser

    doc, draft = reading(nlp, "The old harbour bridge appears to need new cables.\n", "appears", "xcomp")
    BoundaryChooser({"weights": {"start:subject": 5.0}, "margin": 1.0})(doc, draft, [])
    assert doc.text[draft.start : draft.end] == "The old harbour bridge appears to need new cables"
    assert draft.kind == "indirect"
