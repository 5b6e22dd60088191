"""Arbitrary text never crashes the extractor and never yields an offset that lies."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

MARKS = list("\"“”‘’'«»„‚‹›")
WORDS = ["said", "he", "she", "Blinken", "according", "to", "that", "denied", "reports", "."]
pieces = st.one_of(
    st.sampled_from(MARKS),
    st.sampled_from(WORDS),
    st.sampled_from([" ", "\n", "\n\n", "\t", "—", ",", ":", "\x00", "\x07", "\u200b", "\r\n"]),
    st.text(max_size=12),
)
texts = st.lists(pieces, max_size=80).map("".join)


def check(article):
    text = article.text
    for q in article.quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.kind in ("direct", "mixed", "indirect", "term")
        assert 0.0 <= q.confidence <= 1.0
        if q.cue:
            assert text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.mention
        # Fragments: each one's text is what its offsets say, in order, disjoint, within the
        # quote's extent, which runs from the first fragment's start to the last one's end.
        assert q.fragments
        for f in q.fragments:
            assert text[f.start : f.end] == f.text
        assert all(a.end <= b.start for a, b in zip(q.fragments, q.fragments[1:], strict=False))
        assert (q.fragments[0].start, q.fragments[-1].end) == (q.start, q.end)
    assert [q.id for q in article.quotes] == list(range(len(article.quotes)))


FRAGMENT_PIECES = st.one_of(
    st.sampled_from(['"It is done," she said, "and it will pass."', '"Yes," he said. "No."', " ", "\n\n"]),
    st.sampled_from(WORDS),
    st.sampled_from(MARKS),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENT_PIECES, max_size=30).map(" ".join))
def test_fragments_are_ordered_disjoint_and_true(extractor, text):
    check(extractor.extract(text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_random_marks_and_control_characters(extractor, text):
    check(extractor.extract(text))


@settings(max_examples=3, deadline=None)
@given(st.integers(min_value=5_000, max_value=12_000), st.sampled_from(MARKS))
def test_huge_single_line(extractor, n, mark):
    text = (f"{mark}word, he said {mark} " * (n // 16))[:n]
    check(extractor.extract(text))


def test_empty_and_whitespace(extractor):
    for text in ("", " ", "\n\n\n", '"', "“”"):
        check(extractor.extract(text))
