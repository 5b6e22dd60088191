"""Framing never fails on odd input, and its offsets and shares stay consistent."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrace.frame import frame_article
from quotetrace.records import Article, Cue, Quote, SpeakerRef

WORDS = ["said", "claimed", "rightly", "flatly", "denied", "reportedly", "may", "not", '"',
         "“", "”", "'", "’", "Smith", "Jones", "the", "plan", ".", ",", "\n\n", "despite",
         "revelations", "Mr.", "so-called", "perhaps", ":"]  # fmt: skip


@st.composite
def articles(draw):
    text = " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=60)))
    quotes = []
    for i in range(draw(st.integers(0, 4))):
        if not text:
            break
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a + 1, len(text)))
        cue = None
        if draw(st.booleans()):
            c = draw(st.integers(0, len(text) - 1))
            cue = Cue(text[c : c + 1], draw(st.sampled_from(["say", "claim", "go on", "x"])), c, c + 1)
        speaker = SpeakerRef("Smith", "Smith", 0, 0) if draw(st.booleans()) else None
        kind = draw(st.sampled_from(["direct", "mixed", "indirect", "term"]))
        quotes.append(Quote(i, kind, text[a:b], a, b, cue, speaker))
    title = text.split("\n")[0][:40] or None
    return Article(text, title, quotes)


@settings(max_examples=150, deadline=None)
@given(articles())
def test_frame_article_is_total_and_consistent(article):
    framed = frame_article(article)
    for q in framed.quotes:
        assert q.frame is not None
        for m in q.frame.markers:
            assert framed.text[m.start : m.end] == m.text
    bal = framed.balance
    assert 0.0 <= bal.quoted_share <= 1.0 and 0.0 <= bal.writer_share <= 1.0
    assert bal.quoted_words <= bal.article_words
    assert framed.headline_check.status in {
        "supported", "partly", "unsupported", "no attribution in headline"
    }  # fmt: skip
