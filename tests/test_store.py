"""The store: schema migrations, writing, full-text search, filters, speakers (no spaCy)."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrace.errors import InputError, UsageError
from quotetrace.store import ArticleMeta, Filters, Store
from quotetrace.store.db import connect, migrate, schema_version
from quotetrace.store.query import to_fts_query
from quotetrace.store.schema import LATEST_VERSION, MIGRATIONS
from quotetrace.store.search import search
from quotetrace.store.speaker_merge import name_key
from quotetrace.store.write import content_hash
from test_store_fixtures import CEASEFIRE, OKAFOR_AGAIN, RIVER, make_article


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "quotes.db", create=True) as s:
        s.add(CEASEFIRE, ArticleMeta("cf", outlet="Harbour Herald", published="2024-03-05"))
        s.add(RIVER, ArticleMeta("river", outlet="The Courier", published="2023-11-20T08:00:00Z"))
        s.add(OKAFOR_AGAIN, ArticleMeta("again", outlet="harbour herald", published="2024-06-01"))
        yield s


# --- schema and connection -----------------------------------------------------------------


def test_new_database_is_at_latest_version_in_wal_mode(tmp_path):
    conn = connect(tmp_path / "new.db", create=True)
    assert schema_version(conn) == LATEST_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn.close()


def test_missing_database_is_an_input_error_unless_created(tmp_path):
    with pytest.raises(InputError, match="no such database"):
        connect(tmp_path / "absent.db")
    assert not (tmp_path / "absent.db").exists()


def test_upgrade_from_version_1_builds_the_search_index_from_existing_rows(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=1)  # what an older quotetrace left behind
    assert schema_version(conn) == 1
    from quotetrace.store.write import add_article

    add_article(conn, CEASEFIRE, ArticleMeta(id="cf"))
    conn.close()
    with Store.open(path) as s:
        assert schema_version(s.conn) == LATEST_VERSION
        result = s.search("ceasefire")
        assert result.total == 3
        assert all(h.matches for h in result.hits)


# sha256 of each released migration's SQL: a database records the text of its CREATE statements,
# so a released migration never changes, even where schema.py builds part of it (_postings).
RELEASED_MIGRATIONS = {
    1: "d166420c04454af3b320ec46bad8aa16afcec4c31830c4dba50e3833ee8ccc09",
    2: "2acb87d8599613d6433956ed64a02494c2099694465ea890e07df917c631066e",
    3: "da3cf0ef1687ee10eedabc5ac613f898ddd4f881c8b072620ce12233c5fbeb87",
    4: "c495d26d7d98c9f1423210d14855d8b4349e9d1a653e7f5dac4faee9bc69ce36",
}


def test_released_migrations_are_never_edited():
    found = {m.version: hashlib.sha256(m.sql.encode("utf-8")).hexdigest() for m in MIGRATIONS}
    assert {v: found.get(v) for v in RELEASED_MIGRATIONS} == RELEASED_MIGRATIONS


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    connect(path, create=True).execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    with pytest.raises(InputError, match="newer"):
        connect(path)


def test_foreign_files_are_refused(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(InputError, match="other tables"):
        connect(other)
    text = tmp_path / "notes.db"
    text.write_text("this is not a database, just text " * 100)
    with pytest.raises(InputError, match="not a quotetrace database"):
        connect(text)


# --- writing -------------------------------------------------------------------------------


def test_everything_of_an_article_is_stored(store):
    c = store.conn
    art = c.execute("SELECT * FROM articles WHERE ext_id = 'cf'").fetchone()
    assert art["outlet"] == "Harbour Herald" and art["published"] == "2024-03-05"
    assert art["n_quotes"] == 3 and art["title"] == "Ceasefire talks stall"
    n = c.execute("SELECT count(*) FROM quotes WHERE article_id = ?", (art["id"],)).fetchone()[0]
    assert n == 3
    cues = c.execute(
        "SELECT c.lemma FROM cues c JOIN quotes q ON q.id = c.quote_id WHERE q.article_id = ?",
        (art["id"],),
    ).fetchall()
    assert sorted(r[0] for r in cues) == ["added", "said", "said"]
    frames = c.execute("SELECT DISTINCT frame_class FROM frames").fetchall()
    assert [r[0] for r in frames] == ["neutral"]
    stored = store.article(art["id"])
    assert stored.article.to_dict() == CEASEFIRE.to_dict()  # re-renders exactly


def test_speakers_merge_across_articles_by_canonical_name(store):
    rows = {r.name: r for r in store.speakers()}
    assert "ADAEZE  OKÁFOR" not in rows
    okafor = rows["Adaeze Okafor"]
    assert okafor.quotes == 2 and okafor.articles == 2 and okafor.outlets == 2
    assert "the minister" in okafor.aliases
    assert rows["Daniel Mensah"].articles == 2
    assert name_key("  Dr. Ádaeze   OKAFOR ") == "dr adaeze okafor"


def test_pronouns_are_not_kept_as_aliases(tmp_path):
    article = make_article(
        '"Yes," she said. "No," Okafor said.',
        [('"Yes,"', "Adaeze Okafor", "direct", "said", "she"),
         ('"No,"', "Adaeze Okafor", "direct", "said", "Okafor")],
    )  # fmt: skip
    with Store.open(tmp_path / "p.db", create=True) as s:
        s.add(article)
        aliases = [r[0] for r in s.conn.execute("SELECT alias FROM speaker_aliases")]
    assert aliases == ["Okafor"]


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    broken = make_article('"One," A said. "Two," B said.', [('"One,"', "A", "direct", "said")])
    broken.quotes.append(broken.quotes[0])  # duplicate quote id: violates UNIQUE mid-article
    with Store.open(tmp_path / "b.db", create=True) as s:
        with pytest.raises(sqlite3.IntegrityError):
            s.add(broken)
        assert s.counts() == {"articles": 0, "quotes": 0, "speakers": 0, "outlets": 0}


def test_content_hash_ignores_whitespace_only():
    assert content_hash("a  b\n\nc") == content_hash(" a b c ")
    assert content_hash("a b c") != content_hash("a b d")


# --- search --------------------------------------------------------------------------------


def test_ranked_search_with_highlights(store):
    result = store.search("ceasefire")
    assert result.total == 4
    # bm25: "A ceasefire is a ceasefire" (two hits in few words) ranks first.
    assert result.hits[0].text.startswith('"A ceasefire is a ceasefire')
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)
    for hit in result.hits:
        assert hit.matches
        assert all(hit.text[s:e].lower() == "ceasefire" for s, e in hit.matches)
        assert all(hit.snippet[s:e].lower() == "ceasefire" for s, e in hit.snippet_matches)
    assert len(result.hits[0].matches) == 2


def test_phrase_prefix_or_not(store):
    assert store.search('"under fire"').total == 1
    assert store.search('"fire under"').total == 0
    assert store.search("ceasefir*").total == 4
    assert store.search("river OR fishermen").total == 3
    assert store.search("ceasefire NOT river").total == 3
    assert store.search("ceasefire river").total == 1  # words: all must match


def test_filters(store):
    def total(query="", **kw):
        return store.search(query, Filters.parse(**kw)).total

    assert total("ceasefire", speaker="Lina Haddad") == 2
    assert total("ceasefire", speaker="haddad") == 2  # alias
    assert total(speaker="Okafor") == 2  # a whole word of the canonical name
    assert total(speaker="Okaf") == 0  # ...but not a fragment of one
    assert total(speaker="the minister") == 2  # a mention, merged with the canonical name
    assert total(outlet="HARBOUR HERALD") == 4  # case-insensitive, both spellings
    assert total(since="2024") == 4
    assert total(since="2024-04") == 1
    assert total(until="2023") == 2
    assert total(since="2023-11-20", until="2023-11-20") == 2  # a date-time within that day
    assert total(kinds=["mixed"]) == 1
    assert total(kinds=["term"]) == 1
    assert total() == 6  # terms are left out unless asked for
    assert total(kinds=["direct,mixed", "indirect", "term"]) == 7


def test_bad_filters_are_usage_errors():
    with pytest.raises(UsageError, match="--since"):
        Filters.parse(since="last tuesday")
    with pytest.raises(UsageError, match="--kind"):
        Filters.parse(kinds=["quote"])


def test_empty_query_lists_newest_first(store):
    result = store.search("", limit=2)
    assert result.total == 6 and len(result.hits) == 2
    assert result.hits[0].published == "2024-06-01"
    assert result.hits[0].matches == [] and result.hits[0].score is None
    page2 = store.search("", limit=2, offset=2)
    assert {h.quote_id for h in page2.hits}.isdisjoint({h.quote_id for h in result.hits})


@pytest.mark.parametrize(
    "query, expected",
    [
        ("ceasefire", '"ceasefire"'),
        ("cease fire", '"cease" "fire"'),
        ('"river deal" treaty', '"river deal" "treaty"'),
        ("treat*", '"treat"*'),
        ("a OR b", '"a" OR "b"'),
        ("OR a AND", '"a"'),
        ("a NOT NOT b", '"a" NOT "b"'),
        ('he said "yes', '"he" "said" "yes"'),
        ("text:foo", '"text:foo"'),
        ("— ... *", None),
        ("", None),
    ],
)
def test_query_translation(query, expected):
    assert to_fts_query(query) == expected


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_no_query_breaks_the_search(query):
    conn = _search_db()
    result = search(conn, query)
    assert result.total >= 0


_DB: list[sqlite3.Connection] = []


def _search_db() -> sqlite3.Connection:
    if not _DB:
        conn = connect(":memory:")
        from quotetrace.store.write import add_article

        add_article(conn, CEASEFIRE, ArticleMeta(id="cf"))
        _DB.append(conn)
    return _DB[0]
