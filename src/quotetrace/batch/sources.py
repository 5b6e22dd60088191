"""Read a corpus as a stream of raw articles, in a fixed order.

Every reader yields ``RawItem`` records: the article's bytes plus what the
input says about it (id, title, url, ...). Nothing here parses or decodes
article text; that happens on the workers. Whatever makes a record unusable
at this stage (a broken JSON line, a truncated gzip stream, an empty file)
becomes an item carrying ``error`` instead of bytes, so the run records it and
goes on. The order of items is a pure function of the inputs, which is what
lets a resumed run map the same articles to the same partitions.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from quotetrace.errors import InputError
from quotetrace.ingest import MAX_INPUT_BYTES

ARTICLE_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".xhtml": "html"}
META_FIELDS = ("title", "url", "outlet", "published")
# Other names corpora commonly use for the same metadata.
META_ALIASES = {"published": ("date", "publish_date"), "outlet": ("sitename", "domain")}


@dataclass(slots=True)
class ReadOptions:
    text_field: str = "text"
    id_field: str = "id"
    html_field: str = "html"
    max_bytes: int = MAX_INPUT_BYTES


@dataclass(slots=True)
class RawItem:
    """One article before decoding. ``payload`` is None exactly when ``error`` is set.

    ``id_hint`` is the id the input gives (an id field, a WARC record id), else
    the file name, else ``file:line``; the partitioner makes it unique.
    """

    source: str
    id_hint: str
    payload: bytes | None
    kind: str | None = None  # "text", "html" or None to sniff
    meta: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    id: str = ""  # final, de-duplicated id; assigned by the partitioner

    @classmethod
    def failure(cls, source: str, id_hint: str, error: str) -> RawItem:
        return cls(source=source, id_hint=id_hint, payload=None, error=error)


Reader = Callable[[Path, str, ReadOptions], Iterator[RawItem]]


# --- plain article files ----------------------------------------------------------------


def read_article_file(path: Path, id_hint: str, opts: ReadOptions) -> Iterator[RawItem]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > opts.max_bytes:
            yield RawItem.failure(
                source, id_hint,
                f"too large: {size:,} bytes, over the {opts.max_bytes:,}-byte article limit",
            )  # fmt: skip
            return
        data = path.read_bytes()
    except OSError as exc:
        yield RawItem.failure(source, id_hint, f"cannot read file: {exc.strerror or exc}")
        return
    yield RawItem(source, id_hint, data, kind=ARTICLE_SUFFIXES.get(path.suffix.lower()))


# --- JSON lines, plain or compressed ----------------------------------------------------


class _ZstdReader(io.RawIOBase):
    """Zstandard frames as a byte stream that raises EOFError on a cut frame.

    zstandard's own stream reader ends quietly at a truncated frame, which
    would lose the tail of a corpus without a word.
    """

    def __init__(self, path: Path):
        import zstandard

        self._fh = open(path, "rb")  # noqa: SIM115 - closed in close()
        self._dctx = zstandard.ZstdDecompressor()
        self._frame = self._dctx.decompressobj()
        self._in_frame = False
        self._buf = bytearray()

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not self._buf:
            chunk = self._fh.read(1 << 16)
            if not chunk:
                if self._in_frame:
                    raise EOFError("zstd stream ends in the middle of a frame")
                return 0
            self._feed(chunk)
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        del self._buf[:n]
        return n

    def _feed(self, data: bytes) -> None:
        while data:
            self._buf += self._frame.decompress(data)
            self._in_frame = not self._frame.eof
            data = b""
            if self._frame.eof:
                data = self._frame.unused_data
                self._frame = self._dctx.decompressobj()

    def close(self) -> None:
        self._fh.close()
        super().close()


OPENERS: dict[str, Callable[[Path], BinaryIO]] = {
    "": lambda p: open(p, "rb"),  # noqa: SIM115
    ".gz": lambda p: gzip.open(p, "rb"),  # noqa: SIM115
    ".zst": lambda p: io.BufferedReader(_ZstdReader(p)),
}


def _stream_errors() -> tuple[type[BaseException], ...]:
    import zstandard

    return (EOFError, OSError, zlib.error, zstandard.ZstdError)


def _lines(fh: BinaryIO, limit: int) -> Iterator[tuple[bytes, bool]]:
    """Lines as bytes; a line longer than ``limit`` is skipped over and flagged, never held."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line, False
            continue
        while line and not line.endswith(b"\n"):
            line = fh.readline(1 << 20)
        yield b"", True


def read_jsonl(path: Path, id_hint: str, opts: ReadOptions) -> Iterator[RawItem]:
    compression = path.suffix.lower() if path.suffix.lower() in OPENERS else ""
    lineno, seen = 0, False
    try:
        with OPENERS[compression](path) as fh:
            for lineno, (raw, too_long) in enumerate(_lines(fh, opts.max_bytes * 2), 1):
                if too_long:
                    seen = True
                    yield RawItem.failure(
                        f"{path}:{lineno}", f"{path.name}:{lineno}",
                        f"line {lineno} is over {opts.max_bytes * 2:,} bytes: too large an article",
                    )  # fmt: skip
                elif raw.strip():
                    seen = True
                    yield _jsonl_item(raw, path, lineno, opts)
    except _stream_errors() as exc:
        what = "truncated or corrupt compressed stream" if compression else "read error"
        yield RawItem.failure(
            f"{path}:{lineno + 1}", f"{path.name}:{lineno + 1}",
            f"{what} after line {lineno}: {exc}; the rest of the file is lost",
        )  # fmt: skip
        return
    if not seen:
        yield RawItem.failure(str(path), path.name, "empty file: no articles in it")


def _jsonl_item(raw: bytes, path: Path, lineno: int, opts: ReadOptions) -> RawItem:
    source, fallback = f"{path}:{lineno}", f"{path.name}:{lineno}"
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return RawItem.failure(
            source,
            fallback,
            f"line {lineno} is not valid UTF-8 (byte {raw[exc.start]:#04x} at {exc.start})",
        )
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return RawItem.failure(
            source, fallback, f"line {lineno} is not valid JSON: {exc.msg} at column {exc.colno}"
        )
    if not isinstance(obj, dict):
        return RawItem.failure(
            source, fallback, f"line {lineno} is a JSON {type(obj).__name__}, not an object"
        )
    return record_item(obj, source, fallback, opts)


def record_item(obj: dict[str, Any], source: str, fallback: str, opts: ReadOptions) -> RawItem:
    """One article from a mapping of fields (a JSON object or a Parquet row)."""
    given = obj.get(opts.id_field)
    usable = isinstance(given, str | int) and not isinstance(given, bool) and str(given).strip()
    id_hint = str(given).strip() if usable else fallback
    text, kind = obj.get(opts.text_field), "text"
    if not isinstance(text, str) and isinstance(obj.get(opts.html_field), str):
        text, kind = obj[opts.html_field], "html"
    if not isinstance(text, str):
        return RawItem.failure(source, id_hint, f"no {opts.text_field!r} field with the article text")
    try:
        payload = text.encode("utf-8")
    except UnicodeEncodeError:
        return RawItem.failure(source, id_hint, "text holds invalid Unicode (an unpaired surrogate)")
    return RawItem(source, id_hint, payload, kind=kind, meta=_meta(obj))


def _meta(obj: dict[str, Any]) -> dict[str, str]:
    meta = {}
    for name in META_FIELDS:
        for key in (name, *META_ALIASES.get(name, ())):
            value = obj.get(key)
            if value is not None and value != "":
                meta[name] = str(value)
                break
    return meta


# --- WARC -------------------------------------------------------------------------------


def read_warc(path: Path, id_hint: str, opts: ReadOptions) -> Iterator[RawItem]:
    from warcio.archiveiterator import ArchiveIterator

    count, last = 0, "the start of the file"

    def lost(reason: str) -> RawItem:
        return RawItem.failure(
            f"{path}#after-{count}", f"{path.name}#after-{count}",
            f"truncated or corrupt WARC after {last}: {reason}; the rest of the file is lost",
        )  # fmt: skip

    with open(path, "rb") as fh:
        records = ArchiveIterator(fh)
        try:
            for record in records:
                item = _warc_item(record, path, count + 1, opts)
                if item is None:
                    continue
                if record.raw_stream.limit and item.error is None:
                    # warcio hands out a cut record without complaint: its length tells.
                    yield lost(f"record {item.id_hint} is missing {record.raw_stream.limit} bytes")
                    return
                count += 1
                last = f"record {item.id_hint}"
                yield item
        except Exception as exc:  # warcio raises anything on garbage (even AttributeError)
            yield lost(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            return
        unread = path.stat().st_size - records.offset
        if unread > 0:
            yield lost(f"{unread:,} bytes at the end are not a readable record")
            return
    if count == 0:
        yield RawItem.failure(str(path), path.name, "no HTML response or resource records in it")


def _warc_item(record, path: Path, number: int, opts: ReadOptions) -> RawItem | None:
    """An item for an HTML page; None for records that are not articles (requests, DNS, images)."""
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    if record.rec_type == "response" and (
        headers is None or not (headers.get_statuscode() or "").startswith("2")
    ):
        return None
    ctype = (headers.get_header("Content-Type") or "") if headers else ""
    if "html" not in ctype.lower():
        return None
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    source = f"{path}#{record_id}"
    id_hint = record_id or f"{path.name}#{number}"
    url = record.rec_headers.get_header("WARC-Target-URI")
    meta = {"url": url} if url else {}
    payload = record.content_stream().read(opts.max_bytes + 1)
    if len(payload) > opts.max_bytes:
        return RawItem.failure(
            source, id_hint, f"too large: over the {opts.max_bytes:,}-byte limit for one article"
        )
    return RawItem(source, id_hint, payload, kind="html", meta=meta)


# --- Parquet ----------------------------------------------------------------------------


def read_parquet(path: Path, id_hint: str, opts: ReadOptions) -> Iterator[RawItem]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
        names = set(pf.schema_arrow.names)
    except (OSError, pa.ArrowException) as exc:
        yield RawItem.failure(str(path), path.name, f"not a readable Parquet file: {exc}")
        return
    if opts.text_field not in names and opts.html_field not in names:
        yield RawItem.failure(
            str(path), path.name,
            f"no {opts.text_field!r} column (it has {', '.join(sorted(names))}); see --text-field",
        )  # fmt: skip
        return
    wanted = {opts.text_field, opts.html_field, opts.id_field, *META_FIELDS}
    wanted |= {a for aliases in META_ALIASES.values() for a in aliases}
    columns = [n for n in pf.schema_arrow.names if n in wanted]
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=512, columns=columns):
            for obj in batch.to_pylist():
                row += 1
                yield record_item(obj, f"{path}:{row}", f"{path.name}:{row}", opts)
    except (OSError, pa.ArrowException) as exc:
        yield RawItem.failure(
            f"{path}:{row + 1}",
            f"{path.name}:{row + 1}",
            f"Parquet read error after row {row}: {exc}",
        )
        return
    if row == 0:
        yield RawItem.failure(str(path), path.name, "empty file: no articles in it")


# --- dispatch ---------------------------------------------------------------------------

# Longest suffixes first: "x.jsonl.gz" is JSON lines, not an article called "x.jsonl".
CORPUS_SUFFIXES: dict[str, Reader] = {
    ".jsonl.gz": read_jsonl, ".jsonl.zst": read_jsonl, ".ndjson.gz": read_jsonl,
    ".ndjson.zst": read_jsonl, ".jsonl": read_jsonl, ".ndjson": read_jsonl,
    ".warc.gz": read_warc, ".warc": read_warc, ".arc.gz": read_warc,
    ".parquet": read_parquet,
}  # fmt: skip


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    for suffix, reader in CORPUS_SUFFIXES.items():
        if name.endswith(suffix):
            return reader
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        return read_article_file
    return None


def check_inputs(inputs: list[str]) -> list[Path]:
    """Fail before any work when an INPUT does not exist or has a type we cannot read."""
    paths = []
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{raw}: no such file or folder")
        if path.is_file() and reader_for(path) is None:
            raise InputError(
                f"{raw}: unknown input type; expected .jsonl[.gz|.zst], .warc[.gz], .parquet, "
                ".txt/.html, or a folder of them"
            )
        paths.append(path)
    return paths


def iter_items(inputs: list[str], opts: ReadOptions | None = None) -> Iterator[RawItem]:
    """Every article of every input, in command-line order; folders in sorted path order."""
    opts = opts or ReadOptions()
    for path in check_inputs(inputs):
        if path.is_dir():
            yield from _read_folder(path, opts)
        else:
            yield from reader_for(path)(path, path.stem, opts)


def _read_folder(root: Path, opts: ReadOptions) -> Iterator[RawItem]:
    for path in _walk(root):
        reader = reader_for(path)
        if reader is not None:
            # Relative path without suffix: unique within the folder, stable wherever it lives.
            yield from reader(path, path.relative_to(root).with_suffix("").as_posix(), opts)


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` in sorted path order, depth first, without listing it all at once."""
    with os.scandir(root) as it:
        entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir():
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)
