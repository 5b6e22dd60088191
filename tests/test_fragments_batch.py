"""Batch output: the quotes table has a fragments column (list of start/end/text) read back by
pyarrow and DuckDB; ``text`` follows the store's rule (the fragments joined with " … ")."""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from quotetrace.batch.output import QUOTE_SCHEMA, encode, read_output, write_partition
from quotetrace.batch.work import quote_rows
from test_fragments_fixtures import FIRST, NARRATION, SECOND, SHOWN, two_fragment_article


def _write(out, fmt: str = "parquet") -> None:
    article = two_fragment_article(frame=True)
    (out / "articles").mkdir(parents=True)
    (out / "quotes").mkdir()
    files = encode(fmt, {"articles": [], "quotes": quote_rows("storm", article.quotes)})
    write_partition(out, 0, fmt, files)


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_quotes_table_has_the_fragments_with_their_offsets(tmp_path, fmt):
    _write(tmp_path, fmt)
    rows = read_output(tmp_path)["quotes"].to_pylist()
    text = two_fragment_article().text
    first = rows[0]
    assert first["text"] == SHOWN and NARRATION not in first["text"]
    assert [f["text"] for f in first["fragments"]] == [FIRST, SECOND]
    assert all(text[f["start"] : f["end"]] == f["text"] for f in first["fragments"])
    assert text[first["start"] : first["end"]].count(NARRATION) == 1  # start/end: the whole extent
    assert first["fragments"] == [
        {"start": 18, "end": 36, "text": FIRST},
        {"start": 70, "end": 98, "text": SECOND},
    ]
    assert [f["text"] for f in rows[1]["fragments"]] == ["the levee held overnight"]


def test_the_parquet_schema_is_a_list_of_structs(tmp_path):
    _write(tmp_path)
    schema = pq.read_schema(next((tmp_path / "quotes").glob("*.parquet")))
    assert schema.names[-1] == "fragments"
    assert schema.field("fragments").type == pa.list_(
        pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])
    )
    assert schema == QUOTE_SCHEMA


def test_duckdb_reads_the_fragments(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    _write(tmp_path)
    got = duckdb.sql(
        f"select quote_id, len(fragments), fragments[2].text, fragments[1].start "
        f"from '{tmp_path}/quotes/*.parquet' order by quote_id"
    ).fetchall()
    assert got == [(0, 2, SECOND, 18), (1, 1, None, 115)]
    words = duckdb.sql(
        f"select f.text from (select unnest(fragments) as f from '{tmp_path}/quotes/*.parquet') "
        "where f.text like '%horrifying%'"
    ).fetchall()
    assert words == [(FIRST,)]


def test_a_partition_written_before_the_column_still_reads(tmp_path):
    # An output folder from an older quotetrace (resumed, or read later) has no fragments column.
    _write(tmp_path)
    path = next((tmp_path / "quotes").glob("*.parquet"))
    old = pq.read_table(path).drop_columns(["fragments"])
    sink = io.BytesIO()
    pq.write_table(old, sink)
    path.write_bytes(sink.getvalue())
    rows = read_output(tmp_path)["quotes"].to_pylist()
    assert [r["fragments"] for r in rows] == [None, None]
    assert rows[0]["quote_id"] == 0
