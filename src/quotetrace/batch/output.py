"""What a batch run writes, and how it writes it so that a kill never leaves half a result.

Layout of ``OUT``::

    articles/part-00000.parquet   one row per input article (ok or failed)
    quotes/part-00000.parquet     one row per quote of the ok articles
    manifest.json                 settings, and on completion every partition with counts
    manifest.journal.jsonl        append-only: one line per completed partition (resume log)

A partition's files are written to a hidden temporary name and renamed into
place (atomic on POSIX), then its journal line is appended and fsynced. A run
killed at any point leaves each partition either complete or absent from the
journal, and an absent one is redone under the same name: nothing is lost or
duplicated. Readers that glob ``*.parquet`` never see temporary files.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa

FORMATS = ("parquet", "jsonl")
TABLES = ("articles", "quotes")
MANIFEST = "manifest.json"
JOURNAL = "manifest.journal.jsonl"
TMP_MARK = ".tmp-"

ARTICLE_SCHEMA = pa.schema([
    ("id", pa.string()), ("source", pa.string()), ("status", pa.string()),
    ("error", pa.string()), ("title", pa.string()), ("url", pa.string()),
    ("outlet", pa.string()), ("published", pa.string()), ("text", pa.string()),
    ("n_quotes", pa.int32()), ("n_words", pa.int32()), ("article_json", pa.string()),
])  # fmt: skip

# A quote's content pieces, in order: '"A," she said, "B."' is two; ``text`` is them joined
# with " … " (as in the store), ``start``/``end`` the whole extent. Added last: columns only grow.
FRAGMENTS = pa.list_(pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())]))

QUOTE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("quote_id", pa.int32()), ("kind", pa.string()),
    ("text", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
    ("cue_text", pa.string()), ("cue_lemma", pa.string()), ("cue_start", pa.int32()),
    ("cue_end", pa.int32()), ("speaker_name", pa.string()), ("speaker_mention", pa.string()),
    ("speaker_start", pa.int32()), ("speaker_end", pa.int32()), ("continuation", pa.bool_()),
    ("confidence", pa.float64()), ("frame_class", pa.string()), ("veridicality", pa.float64()),
    ("fragments", FRAGMENTS),
])  # fmt: skip

SCHEMAS = {"articles": ARTICLE_SCHEMA, "quotes": QUOTE_SCHEMA}


def file_name(index: int, fmt: str) -> str:
    return f"part-{index:05d}.{fmt}"


# --- encoding one partition -------------------------------------------------------------


def _encode_parquet(rows: list[dict[str, Any]], schema: pa.Schema) -> bytes:
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=schema)
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="snappy")  # what Spark and Hive read by default
    return sink.getvalue()


def _encode_jsonl(rows: list[dict[str, Any]], schema: pa.Schema) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows)


ENCODERS = {"parquet": _encode_parquet, "jsonl": _encode_jsonl}


def encode(fmt: str, tables: dict[str, list[dict[str, Any]]]) -> dict[str, bytes]:
    return {name: ENCODERS[fmt](tables[name], SCHEMAS[name]) for name in TABLES}


def _decode_parquet(data: bytes) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    return pq.read_table(io.BytesIO(data)).to_pylist()


def _decode_jsonl(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.splitlines() if line.strip()]


DECODERS = {"parquet": _decode_parquet, "jsonl": _decode_jsonl}


def merge(fmt: str, parts: Iterable[dict[str, bytes]]) -> dict[str, bytes]:
    """One partition's files from the files of its pieces (used when a partition was split)."""
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for files in parts:
        for name in TABLES:
            tables[name].extend(DECODERS[fmt](files[name]))
    return encode(fmt, tables)


# --- writing ----------------------------------------------------------------------------


def atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}{TMP_MARK}{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_partition(out: Path, index: int, fmt: str, files: dict[str, bytes]) -> list[str]:
    written = []
    for name in TABLES:
        rel = f"{name}/{file_name(index, fmt)}"
        atomic_write(out / rel, files[name])
        written.append(rel)
    return written


def prepare_dirs(out: Path) -> None:
    for name in TABLES:
        (out / name).mkdir(parents=True, exist_ok=True)
        for tmp in (out / name).glob(f".*{TMP_MARK}*"):
            tmp.unlink(missing_ok=True)  # left by a killed run


def remove_stale(out: Path, keep: set[str]) -> int:
    """Delete partition files no partition of this run owns (a larger input, another format)."""
    removed = 0
    for name in TABLES:
        for path in (out / name).glob("part-*"):
            if f"{name}/{path.name}" not in keep:
                path.unlink()
                removed += 1
    return removed


# --- manifest and journal ---------------------------------------------------------------


def read_manifest(out: Path) -> dict[str, Any] | None:
    path = out / MANIFEST
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    atomic_write(out / MANIFEST, (json.dumps(manifest, indent=1, ensure_ascii=False) + "\n").encode())


class Journal:
    """Append-only record of completed partitions; the last record of an index wins."""

    def __init__(self, out: Path):
        self.path = out / JOURNAL
        self.records: dict[int, dict[str, Any]] = {}
        data = self.path.read_bytes() if self.path.exists() else b""
        for line in data.splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a line torn by a kill mid-write: that partition is redone
            if isinstance(record, dict) and isinstance(record.get("index"), int):
                self.records[record["index"]] = record
        self._fh = open(self.path, "ab")  # noqa: SIM115 - closed in close()
        if data and not data.endswith(b"\n"):
            self._fh.write(b"\n")  # end a torn line so the next record starts clean

    def add(self, record: dict[str, Any]) -> None:
        self._fh.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self.records[record["index"]] = record

    def close(self) -> None:
        self._fh.close()


# --- reading a finished output ----------------------------------------------------------


def read_output(out: str | Path) -> dict[str, pa.Table]:
    """The articles and quotes tables of a batch output folder, partitions in order."""
    import pyarrow.parquet as pq

    out = Path(out)
    result = {}
    for name in TABLES:
        files = sorted((out / name).glob("part-*"))
        tables = []
        for path in files:
            if path.suffix == ".parquet":
                tables.append(pq.read_table(path, schema=SCHEMAS[name]))
            else:
                rows = _decode_jsonl(path.read_bytes())
                tables.append(pa.Table.from_pylist(rows, schema=SCHEMAS[name]))
        result[name] = pa.concat_tables(tables) if tables else SCHEMAS[name].empty_table()
    return result
