"""The store and search read a quote's fragments: the narration between them is not the quote."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quotetrace.store import ArticleMeta, Store
from test_fragments_fixtures import FIRST, SECOND, SHOWN, two_fragment_article


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "quotes.db", create=True) as s:
        s.add(two_fragment_article(frame=True), ArticleMeta("storm", outlet="Coast Post"))
        yield s


def test_the_narration_between_fragments_is_not_searchable_as_the_quote(store):
    # "Lopez said on Tuesday" sits between the fragments: only the levee paraphrase
    # (whose own text has none of these words) could match, and it does not.
    for words in ("Lopez", "Tuesday", "Mayor Lopez said"):
        assert store.search(words).total == 0, words


def test_words_of_either_fragment_find_the_one_quote(store):
    for words in ("horrifying", "sure pass", "horrifying pass"):
        result = store.search(words)
        assert [h.quote_index for h in result.hits] == [0], words


def test_the_hit_shows_the_fragments_joined_and_keeps_their_offsets(store):
    hit = store.search("horrifying").hits[0]
    assert hit.text == SHOWN
    assert [f["text"] for f in hit.fragments] == [FIRST, SECOND]
    article = two_fragment_article()
    assert all(article.text[f["start"] : f["end"]] == f["text"] for f in hit.fragments)
    assert (hit.start, hit.end) == (article.quotes[0].start, article.quotes[0].end)
    assert json.loads(json.dumps(hit.to_dict()))["fragments"] == hit.fragments
    # The match offsets are into the text shown, so the highlight lands on the word.
    ((s, e),) = hit.matches
    assert hit.text[s:e] == "horrifying"


def test_a_one_piece_quote_has_one_fragment_its_whole_extent(store):
    hit = store.search("levee").hits[0]
    assert hit.fragments == [{"start": hit.start, "end": hit.end, "text": "the levee held overnight"}]


def test_the_stored_article_json_keeps_the_fragments(store):
    stored = store.conn.execute("SELECT article_json FROM articles").fetchone()[0]
    fragments = json.loads(stored)["quotes"][0]["fragments"]
    assert [f["text"] for f in fragments] == [FIRST, SECOND]


def test_speaker_airtime_counts_only_the_quoted_words(tmp_path):
    article = two_fragment_article()
    article.speakers = []  # the store's own count, used when the article lists no speakers
    with Store.open(tmp_path / "q.db", create=True) as s:
        s.add(article, ArticleMeta("storm"))
        words = s.conn.execute(
            "SELECT a.words FROM article_speakers a JOIN speakers p ON p.id = a.speaker_id "
            "WHERE p.name = 'Ana Lopez'"
        ).fetchone()[0]
    assert words == 8  # It's horrifying (2) + and I'm sure it will pass (6); not "Mayor ... said"


@settings(max_examples=20, deadline=None)
@given(st.from_regex(r"[a-z]{6,12}", fullmatch=True))
def test_no_word_of_the_narration_makes_the_quote_a_hit(word):
    article = two_fragment_article(narration=f"Mayor Ana Lopez said {word} on Tuesday,")
    assume(word not in article.quotes[0].content_text() and word not in article.quotes[1].text)
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "q.db", create=True) as s:
        s.add(article, ArticleMeta("storm"))
        assert s.search(word).total == 0
        assert [h.quote_index for h in s.search("horrifying").hits] == [0]
