"""Frame counts a two-fragment quote's words by its fragments: the narration between them is the writer's."""

from __future__ import annotations

from quotetrace.frame import frame_article
from quotetrace.frame.balance import balance
from test_fragments_fixtures import two_fragment_article


def test_airtime_counts_the_fragments_not_the_narration():
    result = balance(two_fragment_article())
    lopez = next(s for s in result.speakers if s.name == "Ana Lopez")
    # "It's horrifying" (2) + "and I'm sure it will pass" (6); "Mayor Ana Lopez said on Tuesday" (6)
    # would make it 14 if the whole extent were counted.
    assert (lopez.words, lopez.quoted_words) == (8, 8)
    assert result.quoted_words == 8
    assert result.article_words - result.quoted_words == 15  # the writer's, narration included


def test_a_marker_in_the_narration_between_fragments_is_the_writers():
    # "falsely" is between the fragments: the writer's evaluation of the quote, not quoted speech.
    article = frame_article(two_fragment_article(narration="Mayor Ana Lopez falsely said on Tuesday,"))
    markers = article.quotes[0].frame.markers
    assert [(m.kind, m.text) for m in markers] == [("evaluative", "falsely")]
