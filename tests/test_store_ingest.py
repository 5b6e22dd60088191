"""Ingest: every input kind, idempotency, bad lines, batch Parquet, a kill mid-run (no spaCy)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotetrace.errors import InputError
from quotetrace.store import Store
from quotetrace.store.ingest import Analyser
from quotetrace.store.sources import discover
from test_store_fixtures import CEASEFIRE, RIVER, FakeExtractor

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def fake_analyser():
    return Analyser(extractor=FakeExtractor(), frame=False)


def ingest(db: Path, paths, analyser):
    with Store.open(db, create=True) as s:
        return s.ingest([str(p) for p in paths], analyser=analyser)


def jsonl(path: Path, lines) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    return path


def test_bad_jsonl_lines_are_reported_by_line_number_and_the_rest_stored(tmp_path, fake_analyser):
    src = jsonl(tmp_path / "feed.jsonl", [
        {"id": "a1", "text": '"We stay," Lina Haddad said.', "outlet": "Herald",
         "published": "2024-02-01", "title": "Stay", "url": "https://example.org/a1"},
        "{not json",
        "",
        '["a", "list"]',
        {"id": "a3", "title": "no body"},
        {"id": "a4", "text": 42},
        {"id": "a5", "text": "   "},
        {"id": "a6", "html": "<html><body><article><h1>Talks</h1><p>\"It is over,\" Daniel Mensah "
                             "said. The talks ended on Friday after a long week of meetings in "
                             "the capital, officials said.</p></article></body></html>"},
    ])  # fmt: skip
    report = ingest(tmp_path / "q.db", [src], fake_analyser)
    assert report.stored == 2
    failed = dict(report.failed)
    assert set(failed) == {f"{src}:2", f"{src}:4", f"{src}:5", f"{src}:6", f"{src}:7"}
    assert "not valid JSON" in failed[f"{src}:2"]
    assert "JSON object" in failed[f"{src}:4"]
    assert '"text" or "html"' in failed[f"{src}:5"]
    assert "empty" in failed[f"{src}:7"]
    with Store.open(tmp_path / "q.db") as s:
        row = s.conn.execute("SELECT * FROM articles WHERE ext_id = 'a1'").fetchone()
        assert (row["outlet"], row["published"], row["title"]) == ("Herald", "2024-02-01", "Stay")
        assert row["source"] == f"{src}:1"
        assert s.search("over").hits[0].speaker == "Daniel Mensah"


def test_ingest_is_idempotent_by_id_and_by_content(tmp_path, fake_analyser):
    text = '"The river is ours," Adaeze Okafor said.'
    src = jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": text}, {"id": "x", "text": "other"},
                                        {"id": "y", "text": text + "\n\n"}])  # fmt: skip
    first = ingest(tmp_path / "q.db", [src], fake_analyser)
    assert (first.stored, first.duplicates) == (1, 2)
    again = ingest(tmp_path / "q.db", [src], fake_analyser)
    assert (again.stored, again.duplicates, again.failed) == (0, 3, [])
    with Store.open(tmp_path / "q.db") as s:
        assert s.counts()["articles"] == 1 and s.counts()["quotes"] == 1


def test_duplicates_are_skipped_before_extraction(tmp_path):
    fake = FakeExtractor()
    analyser = Analyser(extractor=fake, frame=False)
    lines = [{"id": str(i), "text": f'"Hi {i}," A B said.'} for i in range(5)]
    src = jsonl(tmp_path / "a.jsonl", lines)
    ingest(tmp_path / "q.db", [src], analyser)
    assert fake.seen == 5
    ingest(tmp_path / "q.db", [src], analyser)
    assert fake.seen == 5  # nothing new: spaCy would not have run


def test_an_extraction_failure_costs_one_article(tmp_path, fake_analyser):
    src = jsonl(tmp_path / "a.jsonl", [{"id": "1", "text": '"Fine," A B said.'},
                                        {"id": "2", "text": "EXPLODE please"},
                                        {"id": "3", "text": '"Also fine," C D said.'}])  # fmt: skip
    report = ingest(tmp_path / "q.db", [src], fake_analyser)
    assert report.stored == 2
    assert [w for w, _ in report.failed] == [f"{src}:2"]
    assert "analysis failed" in report.failed[0][1]


def test_folders_use_relative_paths_as_ids(tmp_path, fake_analyser):
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    (corpus / "b").mkdir()
    (corpus / "a" / "x.txt").write_text('Headline one\n\n"First," Ann Lee said.\n')
    (corpus / "b" / "x.txt").write_text('Headline two\n\n"Second," Bo Kim said.\n')
    (corpus / "b" / "page.html").write_text(
        '<html><head><title>Third</title></head><body><article><p>"Third quote here," Cy Ng '
        "said, adding that the vote would take place on Thursday in the assembly.</p>"
        "</article></body></html>"
    )
    (corpus / "notes.md").write_text("ignored")
    (corpus / "empty.txt").write_text("")
    report = ingest(tmp_path / "q.db", [corpus], fake_analyser)
    assert report.stored == 3
    assert [w for w, _ in report.failed] == [str(corpus / "empty.txt")]
    with Store.open(tmp_path / "q.db") as s:
        ids = {r[0] for r in s.conn.execute("SELECT ext_id FROM articles")}
        titles = {r[0] for r in s.conn.execute("SELECT title FROM articles")}
    assert ids == {"a/x", "b/x", "b/page"}
    assert {"Headline one", "Headline two"} <= titles


def test_missing_paths_and_empty_folders_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        discover([tmp_path / "nope"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no .txt"):
        discover([tmp_path / "empty"])


# --- quotetrace batch output ---------------------------------------------------------------


def write_batch(folder: Path, rows: list[dict], name: str = "part-00000.parquet") -> Path:
    """A tiny `quotetrace batch` output folder: DIR/articles/*.parquet with its columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        ("id", pa.string()), ("source", pa.string()), ("status", pa.string()),
        ("error", pa.string()), ("title", pa.string()), ("url", pa.string()),
        ("outlet", pa.string()), ("published", pa.string()), ("text", pa.string()),
        ("n_quotes", pa.int32()), ("n_words", pa.int32()), ("article_json", pa.string()),
    ])  # fmt: skip
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    path = folder / "articles" / name
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return path


def batch_row(article, id_, **extra) -> dict:
    row = {
        "id": id_, "source": f"feed.jsonl:{id_}", "status": "ok", "error": None,
        "title": article.title, "url": f"https://example.org/{id_}", "outlet": "Herald",
        "published": "2024-05-01", "text": article.text, "n_quotes": len(article.quotes),
        "n_words": len(article.text.split()), "article_json": article.to_json(),
    }  # fmt: skip
    row.update(extra)
    return row


def test_batch_parquet_is_stored_without_extraction(tmp_path):
    out = tmp_path / "batch-out"
    write_batch(out, [
        batch_row(CEASEFIRE, "cf"),
        batch_row(CEASEFIRE, "failed-1", status="failed", error="not UTF-8", article_json=None),
        batch_row(CEASEFIRE, "bad-json", article_json='{"quotes": []}', text="x"),
        batch_row(RIVER, "river", outlet="Courier"),
    ])  # fmt: skip
    (out / "manifest.journal.jsonl").write_text('{"partition": 0}\n')  # not an article
    (out / "articles" / ".tmp-part-00001.parquet").write_text("half written")

    class NoExtractor:
        def pipe(self, docs):
            raise AssertionError("batch output is already analysed")

    report = ingest(tmp_path / "q.db", [out], Analyser(extractor=NoExtractor()))
    assert report.stored == 2
    assert [w for w, _ in report.upstream_failed] == [f"{out}/articles/part-00000.parquet row 2"]
    assert "not UTF-8" in report.upstream_failed[0][1]
    assert [w for w, _ in report.failed] == [f"{out}/articles/part-00000.parquet row 3"]
    with Store.open(tmp_path / "q.db") as s:
        assert s.search("ceasefire", limit=1).hits[0].url == "https://example.org/cf"
        assert s.counts()["outlets"] == 2
        stored = s.article(s.search("river").hits[0].article_id)
        assert stored.article.to_dict() == RIVER.to_dict()
    again = ingest(tmp_path / "q.db", [out], Analyser(extractor=NoExtractor()))
    assert again.stored == 0 and again.duplicates == 2


def test_batch_jsonl_rows_are_rebuilt_too(tmp_path):
    out = tmp_path / "batch-out" / "articles"
    out.mkdir(parents=True)
    jsonl(out / "part-00000.jsonl", [batch_row(RIVER, "river")])
    report = ingest(tmp_path / "q.db", [tmp_path / "batch-out"], Analyser(extractor=object()))
    assert report.stored == 1 and not report.failed


# --- crash safety --------------------------------------------------------------------------


def consistency(conn: sqlite3.Connection) -> int:
    """Articles whose quotes are not all there (must always be 0)."""
    return conn.execute(
        """SELECT count(*) FROM articles a
           WHERE a.n_quotes != (SELECT count(*) FROM quotes q WHERE q.article_id = a.id)"""
    ).fetchone()[0]


def test_a_process_killed_mid_ingest_leaves_only_whole_articles(tmp_path):
    n = 600
    rows = []
    for i in range(n):
        # Distinct text per row (the content hash), same shape as CEASEFIRE.
        data = json.loads(CEASEFIRE.to_json())
        data["text"] = data["text"] + f"\n\n#{i}"
        rows.append(batch_row(CEASEFIRE, f"a{i}", article_json=json.dumps(data)))
    out = tmp_path / "batch"
    write_batch(out, rows)
    db = tmp_path / "q.db"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotetrace", "ingest", str(out), "--db", str(db), "--quiet"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        reader = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if reader is None and db.exists():
                try:
                    reader = sqlite3.connect(db, timeout=5)
                except sqlite3.Error:
                    reader = None
            if reader is not None:
                try:
                    stored = reader.execute("SELECT count(*) FROM articles").fetchone()[0]
                except sqlite3.OperationalError:  # schema still being created
                    stored = 0
                if stored:
                    assert consistency(reader) == 0  # a reader never sees half an article
                if stored >= 20:
                    break
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if reader is not None:
        reader.close()
    with Store.open(db) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        s.conn.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('integrity-check')")
        killed_at = s.counts()["articles"]
        assert 0 < killed_at < n, "the ingest should have been killed part-way"
        assert consistency(s.conn) == 0
    # Running the same ingest again stores exactly what is missing.
    report = ingest(db, [out], Analyser(extractor=object()))
    assert report.stored == n - killed_at and report.duplicates == killed_at
    with Store.open(db) as s:
        assert s.counts()["articles"] == n and consistency(s.conn) == 0
