"""Input readers, ids and partitions: no spaCy, no processes."""

from __future__ import annotations

import gzip
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard

from quotetrace.batch.output import Journal
from quotetrace.batch.partition import IdAssigner, IdSet, partitions
from quotetrace.batch.sources import iter_items
from quotetrace.errors import InputError
from test_batch_fixtures import article_text, corpus_records, write_jsonl


def items(*paths):
    return list(iter_items([str(p) for p in paths]))


def failures(found):
    return [(i.source, i.error) for i in found if i.error]


# --- JSON lines -------------------------------------------------------------------------


def test_jsonl_fields_ids_and_metadata(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "x1", "text": "One.", "title": "T", "url": "u", "date": "2024-01-02"},
        {"text": "No id here."},
        {"id": 7, "html": "<html><body><p>Hi</p></body></html>"},
    ])  # fmt: skip
    a, b, c = items(path)
    assert (a.id_hint, a.payload, a.kind) == ("x1", b"One.", "text")
    assert a.meta == {"title": "T", "url": "u", "published": "2024-01-02"}
    assert b.id_hint == "c.jsonl:2" and b.source == f"{path}:2"
    assert (c.id_hint, c.kind) == ("7", "html")


def test_broken_json_line_is_one_failure_and_the_rest_is_read(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "a", "text": "fine"}, b'{"id": "b", "text": "cut off', b"[1, 2]",
        {"id": "c"}, {"id": "d", "text": "fine too"},
    ])  # fmt: skip
    found = items(path)
    assert [i.id_hint for i in found] == ["a", "c.jsonl:2", "c.jsonl:3", "c", "d"]
    errors = [i.error for i in found]
    assert errors[0] is None and errors[4] is None
    assert "line 2 is not a complete JSON object" in errors[1]
    assert "not an object" in errors[2]
    assert "no 'text' field" in errors[3]


def test_a_cut_off_line_says_so_with_where_json_stopped(tmp_path):
    # A line that ends inside its object (a truncated file's last line, with or without its
    # newline) is named as such; one that goes wrong before its end is still "not valid JSON".
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"id": "a", "text": "fine"}\n{broken\n{"id": "b", "text": \n{"text": "abc')
    cut = "is not a complete JSON object (the line is cut off or malformed"
    name = "Expecting property name enclosed in double quotes"
    assert failures(items(path)) == [
        (f"{path}:2", f"line 2 is not valid JSON: {name} at column 2"),
        (f"{path}:3", f"line 3 {cut}: Expecting value at column 21)"),
        (f"{path}:4", f"line 4 {cut}: Unterminated string starting at column 10)"),
    ]


def test_non_utf8_line_is_a_failure_with_the_byte(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "a", "text": "fine"}, b'{"id": "b", "text": "caf\xe9"}',
    ])  # fmt: skip
    found = items(path)
    assert found[0].error is None
    assert "line 2 is not valid UTF-8" in found[1].error and "0xe9" in found[1].error


def test_truncated_gzip_keeps_complete_lines_and_records_the_loss(tmp_path):
    full = tmp_path / "full.jsonl.gz"
    write_jsonl(full, corpus_records(40))
    data = full.read_bytes()
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    found = items(cut)
    ok = [i for i in found if not i.error]
    assert 0 < len(ok) < 40
    assert [i.id_hint for i in ok] == [f"a{k:03d}" for k in range(len(ok))]
    (failure,) = failures(found)
    assert "truncated or corrupt compressed stream" in failure[1]
    assert f"after line {len(ok)}" in failure[1]


def test_zstd_jsonl_and_a_corrupt_one(tmp_path):
    raw = b"".join(json.dumps(r).encode() + b"\n" for r in corpus_records(5))
    good = tmp_path / "c.jsonl.zst"
    good.write_bytes(zstandard.ZstdCompressor().compress(raw))
    assert [i.id_hint for i in items(good)] == [f"a{k:03d}" for k in range(5)]
    bad = tmp_path / "bad.jsonl.zst"
    bad.write_bytes(good.read_bytes()[:-20])
    assert "truncated or corrupt" in failures(items(bad))[0][1]


def test_empty_files_are_failures(tmp_path):
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_bytes(b"\n  \n")
    (tmp_path / "empty.jsonl.gz").write_bytes(gzip.compress(b""))
    found = items(tmp_path / "empty.jsonl", tmp_path / "blank.jsonl", tmp_path / "empty.jsonl.gz")
    assert [i.error for i in found] == ["empty file: no articles in it"] * 3
    assert [i.id_hint for i in found] == ["empty.jsonl", "blank.jsonl", "empty.jsonl.gz"]


def test_overlong_line_is_skipped_without_reading_it_whole(tmp_path):
    from quotetrace.batch.sources import ReadOptions

    path = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "big", "text": "x" * 5000}, {"id": "small", "text": "fine"},
    ])  # fmt: skip
    found = list(iter_items([str(path)], ReadOptions(max_bytes=1000)))
    assert "too large" in found[0].error and found[1].id_hint == "small" and not found[1].error


# --- WARC, Parquet, folders -------------------------------------------------------------


def _warc(path, records):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, status, ctype, body in records:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)
            writer.write_record(rec)
        writer.write_record(
            writer.create_warc_record(
                "https://n.example/x", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
        )
    return path


def test_warc_keeps_html_responses_only(tmp_path):
    page = f"<html><body><article><p>{article_text(1)}</p></article></body></html>".encode()
    path = _warc(tmp_path / "crawl.warc.gz", [
        ("https://n.example/a", "200 OK", "text/html; charset=utf-8", page),
        ("https://n.example/missing", "404 Not Found", "text/html", b"<html>nope</html>"),
        ("https://n.example/logo.png", "200 OK", "image/png", b"\x89PNG...."),
    ])  # fmt: skip
    (item,) = items(path)
    assert item.kind == "html" and item.payload == page
    assert item.meta == {"url": "https://n.example/a"}
    assert item.id_hint.startswith("urn:uuid:") and item.source == f"{path}#{item.id_hint}"


def test_truncated_warc_is_a_failure_after_the_good_records(tmp_path):
    pages = [
        (
            f"https://n.example/{i}",
            "200 OK",
            "text/html",
            f"<html><body><p>{article_text(i)}</p></body></html>".encode(),
        )
        for i in range(6)
    ]
    path = _warc(tmp_path / "crawl.warc.gz", pages)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    found = items(cut)
    assert found[-1].error and "truncated or corrupt WARC" in found[-1].error
    assert all(i.error is None for i in found[:-1])
    assert 0 < len(found) - 1 < 6


def test_parquet_text_column(tmp_path):
    path = tmp_path / "c.parquet"
    pq.write_table(pa.table({"id": ["p1", None], "text": ["Hello.", None], "title": ["T", "U"]}), path)
    a, b = items(path)
    assert (a.id_hint, a.payload, a.meta) == ("p1", b"Hello.", {"title": "T"})
    assert b.id_hint == "c.parquet:2" and "no 'text' field" in b.error
    other = tmp_path / "other.parquet"
    pq.write_table(pa.table({"body": ["x"]}), other)
    assert "no 'text' column" in items(other)[0].error


def test_folder_is_read_in_sorted_order_with_relative_ids(tmp_path):
    root = tmp_path / "corpus"
    (root / "b").mkdir(parents=True)
    (root / "z.txt").write_text("Zed.")
    (root / "b" / "a.html").write_text("<p>Hi</p>")
    (root / "a.txt").write_text("Ay.")
    (root / "notes.md").write_text("ignored")
    (root / ".hidden.txt").write_text("ignored")
    write_jsonl(root / "m.jsonl", [{"id": "j1", "text": "Jay."}])
    found = items(root)
    assert [i.id_hint for i in found] == ["a", "b/a", "j1", "z"]
    assert [i.kind for i in found] == ["text", "html", "text", "text"]


def test_bad_inputs_fail_before_any_work(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        items(tmp_path / "missing.jsonl")
    (tmp_path / "x.docx").write_bytes(b"PK")
    with pytest.raises(InputError, match="unknown input type"):
        items(tmp_path / "x.docx")


# --- ids and partitions -----------------------------------------------------------------


def test_duplicate_ids_get_stable_suffixes():
    ids = IdAssigner()
    got = [ids.assign(x) for x in ["a", "b", "a", "a~2", "a", "b"]]
    assert got == ["a", "b", "a~2", "a~2~2", "a~3", "b~2"]
    assert len(set(got)) == len(got)


def test_idset_grows_and_remembers():
    s = IdSet(capacity=8)
    assert all(s.add(f"id{i}") for i in range(20_000))
    assert not any(s.add(f"id{i}") for i in range(0, 20_000, 7))
    assert len(s) == 20_000


def test_partitions_are_deterministic_and_fingerprinted(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", corpus_records(10) + corpus_records(3))
    first = list(partitions(iter_items([str(path)]), 4, "salt"))
    again = list(partitions(iter_items([str(path)]), 4, "salt"))
    assert [len(p.items) for p in first] == [4, 4, 4, 1]
    assert [p.fingerprint for p in first] == [p.fingerprint for p in again]
    ids = [i.id for p in first for i in p.items]
    assert ids[10:] == ["a000~2", "a001~2", "a002~2"] and len(set(ids)) == 13
    salted = list(partitions(iter_items([str(path)]), 4, "other settings"))
    assert all(a.fingerprint != b.fingerprint for a, b in zip(first, salted, strict=True))
    records = corpus_records(10) + corpus_records(3)
    records[5]["text"] += " Changed."
    write_jsonl(path, records)
    changed = list(partitions(iter_items([str(path)]), 4, "salt"))
    same = [a.fingerprint == b.fingerprint for a, b in zip(first, changed, strict=True)]
    assert same == [True, False, True, True]


def test_journal_ignores_a_torn_last_line(tmp_path):
    j = Journal(tmp_path)
    j.add({"index": 0, "fingerprint": "f0"})
    j.close()
    with open(tmp_path / "manifest.journal.jsonl", "ab") as fh:
        fh.write(b'{"index": 1, "finger')  # killed mid-write
    j = Journal(tmp_path)
    assert set(j.records) == {0}
    j.add({"index": 1, "fingerprint": "f1"})
    j.close()
    assert set(Journal(tmp_path).records) == {0, 1}


def test_json_lines_on_stdin_are_read_to_the_end_line_by_line(monkeypatch):
    """Standard input was read up to twice the article limit and the rest dropped without a
    word; it is now read like a file: every record, each line held alone."""
    from quotetrace.batch.sources import ReadOptions
    from quotetrace.ingest.readers import read_stdin

    records = [{"id": f"r{i}", "text": f"Article {i}. " + "words " * 30} for i in range(60)]
    data = b"\n  \n" + "".join(json.dumps(r) + "\n" for r in records).encode()
    assert len(data) > 2 * 1000 * 5  # well past what the old single read took in
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    found = list(read_stdin(ReadOptions(max_bytes=1000)))
    assert [i.id_hint for i in found] == [r["id"] for r in records]
    assert [i.source for i in found] == [f"stdin:{n}" for n in range(3, 63)]  # blank lines counted
    assert not any(i.error for i in found)
    # Plain text after leading blank lines is still one article, whole, under the limit.
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\n\n" + b"x" * 900)))
    (one,) = read_stdin(ReadOptions(max_bytes=1000))
    assert one.payload == b"\n\n" + b"x" * 900 and one.error is None
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"x" * 1001)))
    (big,) = read_stdin(ReadOptions(max_bytes=1000))
    assert big.payload is None and "too large" in big.error
