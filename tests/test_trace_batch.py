"""Quote families over batch Parquet output with Dask equal the store's on the same articles."""

from __future__ import annotations

import pytest

from quotetrace.batch.output import encode, write_partition
from quotetrace.batch.work import quote_rows
from quotetrace.store.db import connect
from quotetrace.store.ingest import ingest
from quotetrace.store.sources import discover, items
from test_store_fixtures import make_article
from test_trace_store import ARTICLES, RALLY, WEAK, keyed_families

OTHER = [
    ("sun-2", "Sunday Sun", "2024-03-05",
     "The mayor said: “The river will be cleaned by the end of the year, and the fish will come "
     "back to every bend of it.” Critics were unconvinced.",
     [("“The river will be cleaned by the end of the year, and the fish will come back to every "
       "bend of it.”", "Ada Okafor", "direct", "said")]),
    ("times-4", "Daily Times", "2024-03-06",
     "Okafor promised that “the fish will come back to every bend of it” this year.",
     [("Okafor promised that “the fish will come back to every bend of it” this year.",
       "Ada Okafor", "mixed", None)]),
]  # fmt: skip


def write_batch(out, groups):
    """A batch output folder as `quotetrace batch` writes it, from hand-made articles."""
    (out / "articles").mkdir(parents=True)
    (out / "quotes").mkdir()
    for index, group in enumerate(groups):
        arts, quotes = [], []
        for ext_id, outlet, date, text, specs in group:
            article = make_article(text, specs)
            arts.append({
                "id": ext_id, "source": f"{ext_id}.txt", "status": "ok", "error": None,
                "title": None, "url": f"https://example.org/{ext_id}", "outlet": outlet,
                "published": date, "text": text, "n_quotes": len(article.quotes),
                "n_words": len(text.split()), "article_json": article.to_json(),
            })  # fmt: skip
            quotes += quote_rows(ext_id, article.quotes)
        write_partition(out, index, "parquet", encode("parquet", {"articles": arts, "quotes": quotes}))


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("batch") / "out"
    write_batch(out, [ARTICLES[:2] + OTHER[:1], ARTICLES[2:] + OTHER[1:]])
    return out


def store_families(tmp_path, batch_out):
    conn = connect(tmp_path / "q.db", create=True)
    report = ingest(conn, items(discover([batch_out])))
    assert report.stored == 5
    rows = conn.execute(
        """SELECT m.family_id, a.ext_id || '#' || q.idx FROM family_members m
           JOIN quotes q ON q.id = m.quote_id JOIN articles a ON a.id = q.article_id"""
    ).fetchall()
    firsts = conn.execute(
        """SELECT a.ext_id || '#' || q.idx FROM families f JOIN quotes q ON q.id = f.first_quote
           JOIN articles a ON a.id = q.article_id"""
    ).fetchall()
    conn.close()
    groups: dict[int, set[str]] = {}
    for fid, key in rows:
        groups.setdefault(fid, set()).add(key)
    return sorted(sorted(g) for g in groups.values()), sorted(r[0] for r in firsts)


@pytest.mark.parametrize("scheduler", ["sync", "processes"])
def test_dask_families_equal_the_store_families(tmp_path, batch_out, scheduler):
    from quotetrace.batch.families import families

    fams = families(batch_out, scheduler=scheduler)
    got = sorted(sorted(m["quote_id"] for m in f["members"]) for f in fams)
    want, firsts = store_families(tmp_path, batch_out)
    assert got == want and len(got) == 2
    assert sorted(f["id"] for f in fams) == firsts
    wall = next(f for f in fams if f["id"] == "herald-1#0")
    assert wall["misattribution"] is True
    assert [m["relation"] for m in wall["members"]][:2] == ["verbatim", "trimmed"]


def test_a_folder_without_batch_output_is_a_clear_error(tmp_path):
    from quotetrace.batch.families import main
    from quotetrace.errors import InputError

    with pytest.raises(InputError, match="no quotes"):
        main([str(tmp_path)])


@pytest.mark.parametrize("extra", [[], [RALLY]])
def test_a_short_quote_linked_weakly_is_placed_as_the_store_places_it(tmp_path, extra):
    from quotetrace.batch.families import families

    out = tmp_path / "out"
    write_batch(out, [WEAK[:2], WEAK[2:] + extra])
    got = sorted(sorted(m["quote_id"] for m in f["members"]) for f in families(out, scheduler="sync"))
    conn = connect(tmp_path / "q.db", create=True)
    ingest(conn, items(discover([out])))
    want = keyed_families(conn)
    conn.close()
    assert got == want == [["herald-9#0", "post-9#0"] + ([] if extra else ["sun-9#0"])]
