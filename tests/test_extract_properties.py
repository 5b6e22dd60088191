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
    assert [q.id for q in article.quotes] == list(range(len(article.quotes)))


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
