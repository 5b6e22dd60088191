"""What a worker does with one partition, run in this process (one spaCy load, no pool)."""

from __future__ import annotations

import io
import json

import pyarrow.parquet as pq
import pytest

from quotetrace.batch.output import ARTICLE_SCHEMA, QUOTE_SCHEMA, merge
from quotetrace.batch.partition import Partition
from quotetrace.batch.sources import RawItem
from quotetrace.batch.work import WorkSettings, analyse, process_partition
from quotetrace.ingest import Document
from quotetrace.records import Article
from test_batch_fixtures import article_text


def item(id_, payload, kind="text", **meta):
    return RawItem(f"src:{id_}", id_, payload, kind=kind, meta=meta, id=id_)


def tables(result):
    return {name: pq.read_table(io.BytesIO(data)) for name, data in result.files.items()}


@pytest.fixture(scope="module")
def mixed_result():
    part = Partition(3, [
        item("good", article_text(1).encode(), title="Given title", url="https://u"),
        item("binary", b"\x00\x01\x02garbage\x00" * 50),
        item("empty", b"   \n"),
        item("nohtml", b"<html><body><script>var x;</script></body></html>", kind="html"),
        item("long", ("word " * 300).encode()),
        RawItem.failure("c.jsonl:9", "c.jsonl:9", "line 9 is not valid JSON: Expecting value"),
        item("html", f"<html><body><article><p>{article_text(2)}</p></article></body></html>"
             .encode(), kind="html"),
    ], "fp")  # fmt: skip
    part.items[5].id = "c.jsonl:9"
    return process_partition(part, WorkSettings(max_words=200))


def test_each_article_is_one_row_ok_or_failed_with_a_reason(mixed_result):
    rows = {r["id"]: r for r in tables(mixed_result)["articles"].to_pylist()}
    assert list(rows) == ["good", "binary", "empty", "nohtml", "long", "c.jsonl:9", "html"]
    status = {k: r["status"] for k, r in rows.items()}
    assert status == {"good": "ok", "html": "ok", "binary": "failed", "empty": "failed",
                      "nohtml": "failed", "long": "failed", "c.jsonl:9": "failed"}  # fmt: skip
    assert "binary" in rows["binary"]["error"]
    assert "empty" in rows["empty"]["error"]
    assert "no article text" in rows["nohtml"]["error"]
    assert rows["long"]["error"].startswith("too long: 300 words")
    assert "not valid JSON" in rows["c.jsonl:9"]["error"]
    assert all(rows[k]["text"] is None and rows[k]["article_json"] is None
               for k in status if status[k] == "failed")  # fmt: skip
    assert (mixed_result.articles, mixed_result.failed) == (7, 5)
    assert [f[0] for f in mixed_result.failures] == [
        "binary",
        "empty",
        "nohtml",
        "long",
        "c.jsonl:9",
    ]


def test_ok_rows_carry_the_article_record_and_metadata(mixed_result):
    t = tables(mixed_result)
    good = t["articles"].to_pylist()[0]
    assert (good["title"], good["url"], good["source"]) == ("Given title", "https://u", "src:good")
    article = Article.from_dict(json.loads(good["article_json"]))
    assert article.text == good["text"] and len(article.quotes) == good["n_quotes"] > 0
    quotes = [q for q in t["quotes"].to_pylist() if q["article_id"] == "good"]
    assert [q["quote_id"] for q in quotes] == [q.id for q in article.quotes]
    for row, q in zip(quotes, article.quotes, strict=True):
        assert good["text"][row["start"] : row["end"]] == row["text"] == q.text
        assert row["cue_text"] == (q.cue.text if q.cue else None)
        assert row["speaker_name"] == (q.speaker.name if q.speaker else None)
    assert mixed_result.quotes == t["quotes"].num_rows


def test_files_follow_the_fixed_schema(mixed_result):
    t = tables(mixed_result)
    assert t["articles"].schema.equals(ARTICLE_SCHEMA)
    assert t["quotes"].schema.equals(QUOTE_SCHEMA)


def test_jsonl_format_has_the_same_rows(mixed_result):
    part = Partition(0, [item("good", article_text(1).encode())], "fp")
    as_jsonl = process_partition(part, WorkSettings(fmt="jsonl"))
    lines = as_jsonl.files["articles"].decode().splitlines()
    assert json.loads(lines[0])["id"] == "good"
    assert merge("jsonl", [as_jsonl.files, as_jsonl.files])["articles"].count(b"\n") == 2


class Exploding:
    """An extractor that fails on texts containing BOOM, like a parser bug would."""

    def pipe(self, docs):
        for d in docs:
            if "BOOM" in d.text:
                raise ValueError("parser fell over")
            yield Article(text=d.text)


def test_an_extractor_exception_costs_only_its_article():
    docs = [Document(text=t) for t in ("fine one", "BOOM here", "fine two")]
    out = analyse(Exploding(), docs, frame=None)
    assert isinstance(out[0], Article) and isinstance(out[2], Article)
    assert out[1] == "extractor error: ValueError: parser fell over"


def test_a_framing_exception_fails_its_article():
    def frame(article):
        if "bad" in article.text:
            raise KeyError("marker")
        return article

    out = analyse(Exploding(), [Document(text="good"), Document(text="bad")], frame)
    assert isinstance(out[0], Article)
    assert out[1] == "framing error: KeyError: 'marker'"


def test_framing_that_cannot_load_stops_the_run(monkeypatch):
    import sys
    import types

    from quotetrace.batch.work import WorkerSetupError, _frame_function

    assert _frame_function(True).__name__ == "frame_article"
    # Framing ships with quotetrace: missing or broken, it would fail every article.
    monkeypatch.setitem(sys.modules, "quotetrace.frame", None)
    with pytest.raises(WorkerSetupError, match="framing cannot be loaded"):
        _frame_function(True)
    monkeypatch.setitem(sys.modules, "quotetrace.frame", types.ModuleType("quotetrace.frame"))
    with pytest.raises(WorkerSetupError, match="framing cannot be loaded"):
        _frame_function(True)
    assert _frame_function(False) is None
