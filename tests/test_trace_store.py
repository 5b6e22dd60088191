"""Quote families in the store: on ingest, idempotent, --rebuild, queries and the CLI JSON."""

from __future__ import annotations

import json

import pytest

from quotetrace.cli import main
from quotetrace.store import ArticleMeta, family_reads
from quotetrace.store.db import connect
from quotetrace.store.families import rebuild
from quotetrace.store.family_reads import top
from quotetrace.store.ingest import ingest
from quotetrace.store.sources import Item
from test_store_fixtures import make_article

WALL = ("We will build a great wall along the southern border, and Mexico is going to pay for "
        "that wall, believe me.")  # fmt: skip
ARTICLES = [
    ("herald-1", "Harbour Herald", "2024-03-01",
     f"Donald Trump spoke at the rally. “{WALL}” Trump said.",
     [(f"“{WALL}”", "Donald Trump", "direct", "said")]),
    ("courier-7", "The Courier", "2024-03-02",
     "Jeb Bush told reporters: “Mexico is going to pay for that wall,” he said on Tuesday.",
     [("“Mexico is going to pay for that wall,”", "Jeb Bush", "direct", "said")]),
    ("post-3", "Morning Post", "2024-03-03",
     "Trump promised “a great wall” to the crowd. Trump said later: “We will build a great wall "
     "along the southern border, and Mexico will pay for that wall, believe me.”",
     [("Trump promised “a great wall” to the crowd.", "Donald Trump", "mixed", None),
      ("“We will build a great wall along the southern border, and Mexico will pay for that wall, "
       "believe me.”", "Donald Trump", "direct", "said")]),
]  # fmt: skip


def items():
    for ext_id, outlet, date, text, specs in ARTICLES:
        meta = ArticleMeta(ext_id, outlet=outlet, published=date, url=f"https://example.org/{ext_id}")
        yield Item(where=ext_id, meta=meta, article=make_article(text, specs))


def stored(path, extra=()):
    """A store at ``path`` holding ``ARTICLES`` (and ``extra`` items), families traced."""
    conn = connect(path, create=True)
    ingest(conn, [*items(), *extra])
    return conn


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "q.db"
    conn = stored(path)
    yield conn, path
    conn.close()


def members(conn):
    return conn.execute("SELECT quote_id, family_id FROM family_members ORDER BY quote_id").fetchall()


def test_ingest_builds_one_family_with_its_first_appearance_and_a_misattribution(db):
    conn, _ = db
    (fam,) = top(conn, 5)
    assert len(fam["members"]) == 4
    assert fam["first"]["outlet"] == "Harbour Herald"
    assert fam["outlets"] == ["Harbour Herald", "The Courier", "Morning Post"]
    assert fam["misattribution"] is True  # The Courier gives it to Jeb Bush
    relations = [m["relation"] for m in fam["members"]]
    assert relations[0] == "verbatim" and "trimmed" in relations and "altered" in relations


def test_an_article_ingested_twice_adds_no_member(db):
    conn, _ = db
    before = [tuple(r) for r in members(conn)]
    report = ingest(conn, items())
    assert report.duplicates == 3
    from quotetrace.store.families import trace_articles

    ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
    assert trace_articles(conn, ids) == 0  # tracing stored articles again does nothing either
    assert [tuple(r) for r in members(conn)] == before


def test_rebuild_gives_the_families_that_ingest_built(db):
    conn, _ = db
    before = [tuple(r) for r in members(conn)]
    assert rebuild(conn) == 1
    assert [tuple(r) for r in members(conn)] == before


def test_find_by_a_few_words_and_no_match(db):
    conn, _ = db
    (fam,) = family_reads.find(conn, "Mexico is going to pay for that wall")
    assert len(fam["members"]) == 4
    assert family_reads.find(conn, "the price of eggs in Lisbon is rising fast") == []


def test_cli_json_has_the_contract_shape(db, capsys):
    _, path = db
    assert main(["trace", "going to pay for that wall", "--db", str(path), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"query", "families"} and out["query"] == "going to pay for that wall"
    (fam,) = out["families"]
    assert set(fam) == {"id", "text", "speakers", "misattribution", "outlets", "first", "members"}
    member_keys = {"quote_id", "article_id", "outlet", "published", "url", "speaker", "text",
                   "relation", "diff"}  # fmt: skip
    assert all(set(m) == member_keys for m in fam["members"])
    assert fam["first"] == fam["members"][0]
    dates = [m["published"] for m in fam["members"]]
    assert dates == sorted(dates)
    assert {"name": "Jeb Bush", "count": 1} in fam["speakers"]


def test_cli_top_table_and_usage_errors(db, capsys):
    _, path = db
    assert main(["trace", "--top", "3", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "MISATTRIBUTION" in out and "Harbour Herald" in out and "trimmed" in out
    assert main(["trace", "--db", str(path)]) == 2
    assert "either TEXT or --top" in capsys.readouterr().err
    assert main(["trace", "--top", "0", "--db", str(path)]) == 2
    assert main(["trace", "x", "--db", str(path.parent / "absent.db")]) == 1
    assert "no such database" in capsys.readouterr().err


REMARK = "Although the Second Amendment people, maybe there is, I don't know. That will be a horrible day."
WEAK = [
    ("herald-9", "Harbour Herald", "2016-08-09", f"Trump said: “{REMARK}”",
     [(f"“{REMARK}”", "Donald Trump", "direct", "said")]),
    ("post-9", "Morning Post", "2016-08-10", f"Trump told the crowd: “{REMARK}”",
     [(f"“{REMARK}”", "Donald Trump", "direct", "told")]),
    ("sun-9", "Sunday Sun", "2016-08-16", "Millennials heard the “Second Amendment people” remark.",
     [("“Second Amendment people”", None, "term", None)]),
]  # fmt: skip
# Another utterance holding the words: they are no longer one utterance's alone.
RALLY = ("daily-9", "Daily Times", "2016-08-20",
         "Pence said: “The Second Amendment people of this state will decide, and they will decide soon.”",
         [("“The Second Amendment people of this state will decide, and they will decide soon.”",
           "Mike Pence", "direct", "said")])  # fmt: skip


def keyed_families(conn):
    rows = conn.execute(
        """SELECT m.family_id, a.ext_id || '#' || q.idx FROM family_members m
           JOIN quotes q ON q.id = m.quote_id JOIN articles a ON a.id = q.article_id"""
    ).fetchall()
    groups: dict[int, list[str]] = {}
    for fid, key in rows:
        groups.setdefault(fid, []).append(key)
    return sorted(sorted(g) for g in groups.values())


def ingest_each(conn, articles):
    for ext_id, outlet, date, text, specs in articles:
        meta = ArticleMeta(ext_id, outlet=outlet, published=date, url=f"https://example.org/{ext_id}")
        ingest(conn, [Item(where=ext_id, meta=meta, article=make_article(text, specs))])


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1), (0, 2, 1)])
def test_a_short_quote_linked_weakly_gives_the_same_families_in_any_order_and_on_rebuild(tmp_path, order):
    conn = connect(tmp_path / "q.db", create=True)
    ingest_each(conn, [WEAK[i] for i in order])
    joined = [["herald-9#0", "post-9#0", "sun-9#0"]]
    assert keyed_families(conn) == joined
    ingest_each(conn, [RALLY])  # the term leaves the family: its region is traced again
    assert keyed_families(conn) == [["herald-9#0", "post-9#0"]]
    rebuild(conn)
    assert keyed_families(conn) == [["herald-9#0", "post-9#0"]]
    conn.close()
