"""The scoring itself, on tiny hand-made gold/prediction pairs with known P/R/F1."""

from __future__ import annotations

import pytest

from quotetrace.evaluate.metrics import (
    PRF,
    TokenIndex,
    as_span,
    exact_matches,
    greedy_match,
    normalise,
    span_text,
    token_prf,
)
from quotetrace.evaluate.polnear import Attribution, is_quoted, score_article


def sp(text: str, *parts: str) -> tuple[tuple[int, int], ...]:
    """The span of one or more substrings, each found after the previous one."""
    ranges, pos = [], 0
    for part in parts:
        start = text.index(part, pos)
        ranges.append((start, start + len(part)))
        pos = start + len(part)
    return as_span(ranges)


def prf(score: PRF) -> tuple[float, float, float]:
    return (round(score.p, 4), round(score.r, 4), round(score.f1, 4))


TEXT = (
    'Smith said that taxes will rise. "We will fight," Jones said, "and we will win." '
    "Brown thinks rates will fall."
)


# --- building blocks --------------------------------------------------------------------


def test_prf_conventions():
    assert prf(PRF(1, 2, 1)) == (0.5, 1.0, 0.6667)
    assert prf(PRF(0, 0, 3)) == (0.0, 0.0, 0.0)  # no predictions: no precision
    assert prf(PRF(0, 0, 0)) == (0.0, 0.0, 0.0)
    assert PRF(1, 2, 3) + PRF(1, 1, 1) == PRF(2, 3, 4)
    assert PRF(1, 2, 1).to_dict()["f1"] == 0.6667


def test_as_span_sorts_and_merges():
    assert as_span([(30, 40), (10, 20), (5, 5), (18, 25)]) == ((10, 25), (30, 40))


def test_tokens_of_covers_partly_overlapped_words_and_skips_punctuation():
    index = TokenIndex("He said: “no way.”")
    said = (3, 7)
    assert index.tokens_of(((4, 5),)) == {1}  # a cut word counts whole
    assert index.tokens_of(((7, 10),)) == frozenset()  # ': “' holds no word
    assert index.tokens_of((said, (10, 18))) == {1, 2, 3}
    assert index.tokens_of(()) == frozenset()


def test_normalise_strips_edges_and_merges_punctuation_gaps():
    text = '  "We will fight," he said.'
    assert normalise(text, sp(text, '"We will fight,"')) == sp(text, "We will fight")
    assert normalise(text, sp(text, " ")) == ()
    two = 'a "one," "two" b'
    assert normalise(two, sp(two, '"one,"', '"two"')) == ((3, 13),)  # one," "two
    gap = "one and two"
    assert normalise(gap, sp(gap, "one", "two")) == sp(gap, "one", "two")


def test_span_text_marks_only_real_gaps():
    text = "The New York Post reports"
    assert span_text(text, sp(text, "York", "Post")) == "York Post"
    assert span_text(text, sp(text, "The", "Post")) == "The … Post"


def test_greedy_match_prefers_largest_overlap_and_is_one_to_one():
    a, b = frozenset({1, 2, 3}), frozenset({7, 8, 9})
    p1, p2 = frozenset({1, 2, 3, 7}), frozenset({8, 9})
    assert greedy_match([a, b], [p1, p2]) == [(0, 0), (1, 1)]
    # A second prediction of the same gold span finds nothing left to match.
    assert greedy_match([a], [a, a]) == [(0, 0)]
    assert greedy_match([a], [b]) == []


def test_exact_matches_is_a_multiset_intersection():
    s, t = ((0, 3),), ((5, 9),)
    assert exact_matches([s, t], [s, s, t]) == 2
    assert exact_matches([s, s], [s]) == 1
    assert exact_matches([()], [()]) == 0  # an empty span matches nothing


def test_token_prf_counts_each_token_once():
    assert token_prf([frozenset({1, 2, 3, 4})], [frozenset({1, 2}), frozenset({2, 3, 9})]) == PRF(
        3, 4, 4
    )


# --- whole articles ---------------------------------------------------------------------


def test_discontinuous_gold_against_contiguous_prediction():
    gold = [Attribution(sp(TEXT, '"We will fight,"', '"and we will win."'))]
    pred = [Attribution(sp(TEXT, '"We will fight," Jones said, "and we will win."'))]
    scores = score_article("a", TEXT, gold, pred).scores
    assert prf(scores["content_partial"]) == (1.0, 1.0, 1.0)
    assert prf(scores["content_exact"]) == (0.0, 0.0, 0.0)  # "Jones said" is not content
    # 7 gold tokens, 9 predicted (+ Jones, said), all 7 found.
    assert scores["content_tokens"] == PRF(7, 9, 7)
    assert prf(scores["content_tokens"]) == (0.7778, 1.0, 0.875)


def test_discontinuous_prediction_matches_exactly_despite_marks():
    gold = [Attribution(sp(TEXT, '"We will fight,"', '"and we will win."'))]
    pred = [Attribution(sp(TEXT, "We will fight", "and we will win"))]
    assert prf(score_article("a", TEXT, gold, pred).scores["content_exact"]) == (1.0, 1.0, 1.0)


def test_overlapping_predictions_cannot_inflate_scores():
    gold = [Attribution(sp(TEXT, "that taxes will rise"))]
    pred = [
        Attribution(sp(TEXT, "that taxes will rise.")),
        Attribution(sp(TEXT, "taxes will")),
        Attribution(sp(TEXT, "that taxes will rise")),
    ]
    scores = score_article("a", TEXT, gold, pred).scores
    assert scores["content_partial"] == PRF(1, 3, 1)
    assert prf(scores["content_partial"]) == (0.3333, 1.0, 0.5)
    assert scores["content_exact"] == PRF(1, 3, 1)
    assert scores["content_tokens"] == PRF(4, 4, 4)


def test_empty_predictions_and_empty_gold():
    gold = [Attribution(sp(TEXT, "that taxes will rise")), Attribution(sp(TEXT, "rates will fall"))]
    none = score_article("a", TEXT, gold, []).scores
    assert none["content_partial"] == PRF(0, 0, 2)
    assert prf(none["content_partial"]) == (0.0, 0.0, 0.0)
    assert none["source"] == PRF(0, 0, 0)
    alarms = score_article("a", TEXT, [], gold).scores
    assert alarms["content_partial"] == PRF(0, 2, 0)
    assert alarms["content_tokens"] == PRF(0, 7, 0)
    assert all(p == PRF(0, 0, 0) for p in score_article("a", TEXT, [], []).scores.values())


def test_source_and_cue_are_scored_over_matched_content_only():
    t = TEXT
    jones_said = t.index("Jones said") + len("Jones ")
    said2 = ((jones_said, jones_said + 4),)
    gold = [
        Attribution(sp(t, "that taxes will rise"), sp(t, "said"), sp(t, "Smith")),
        Attribution(sp(t, '"We will fight,"'), said2, sp(t, "Jones")),
        Attribution(sp(t, "rates will fall"), sp(t, "thinks"), sp(t, "Brown")),  # missed
    ]
    pred = [
        Attribution(sp(t, "taxes will rise"), sp(t, "said"), sp(t, "Smith")),  # both right
        Attribution(sp(t, "We will fight"), sp(t, "Jones said"), ()),  # cue wrong, no source
        Attribution(sp(t, "Brown"), sp(t, "thinks"), sp(t, "Brown")),  # false alarm: ignored
    ]
    scores = score_article("a", t, gold, pred).scores
    assert scores["content_partial"] == PRF(2, 3, 3)
    assert scores["content_exact"] == PRF(1, 3, 3)
    assert scores["source"] == PRF(1, 1, 2)  # p = 1/1 predicted, r = 1/2 gold
    assert scores["cue"] == PRF(1, 2, 2)
    assert scores["cue_partial"] == PRF(2, 2, 2)  # "said" overlaps "Jones said"


def test_quoted_and_unquoted_subsets():
    gold = [Attribution(sp(TEXT, '"We will fight,"')), Attribution(sp(TEXT, "rates will fall"))]
    pred = [Attribution(sp(TEXT, "We will fight")), Attribution(sp(TEXT, "that taxes"))]
    scores = score_article("a", TEXT, gold, pred).scores
    assert scores["content_partial_quoted"] == PRF(1, 1, 1)  # marks just outside still count
    assert scores["content_partial_unquoted"] == PRF(0, 1, 1)


@pytest.mark.parametrize(
    ("text", "part", "quoted"),
    [
        ('he said "no way" today', "no way", True),
        ("he said ''no way'' today", "no way", True),
        ("he said “no way” today", "“no way”", True),
        ("he said no way today", "no way", False),
        ("the voters’ choice", "voters’ choice", False),
    ],
)
def test_is_quoted(text, part, quoted):
    assert is_quoted(text, sp(text, part)) is quoted
