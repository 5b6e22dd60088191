"""The registry of corpus readers: every input format as a stream of ``RawItem``, in a fixed order.

Nothing here decodes article text; that happens where the article is
analysed (a batch worker, the store's ingest loop). Whatever makes a record
unusable at this stage (a broken JSON line, a truncated gzip stream, an empty
file, text holding a lone surrogate) becomes an item carrying ``error``
instead of bytes, so a run records it and goes on. The order of items is a
pure function of the inputs, which lets a resumed batch map the same articles
to the same partitions.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from quotetrace.errors import InputError
from quotetrace.ingest.decoding import first_surrogate, scrub_surrogates
from quotetrace.ingest.items import RawItem, ReadOptions
from quotetrace.ingest.streams import OPENERS, compression_of, lines, stream_errors
from quotetrace.ingest.warc import read_warc

ARTICLE_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".xhtml": "html"}
META_FIELDS = ("title", "url", "outlet", "published")
# Other names corpora commonly use for the same metadata.
META_ALIASES = {"published": ("date", "publish_date"), "outlet": ("sitename", "domain")}
STDIN = "-"
# The source of standard input read as one article; its JSON lines are "stdin:1", "stdin:2", ...
STDIN_SOURCE = "stdin"

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
    kind = ARTICLE_SUFFIXES.get(path.suffix.lower())
    yield RawItem(source, id_hint, data, kind=kind, given_id=id_hint)


def read_stdin(opts: ReadOptions) -> Iterator[RawItem]:
    """Standard input: JSON lines when it starts with a JSON object, else one article.

    JSON lines are read line by line, as from a file, so a corpus piped in is read to its
    end however long it is (each line is held alone, under the same size limit)."""
    stream = sys.stdin.buffer
    head = b""
    while not head.lstrip():  # the first bytes that are not white space decide the format
        chunk = stream.read(1 << 16)
        if not chunk:
            break
        head += chunk
    if head.lstrip()[:1] == b"{":
        with io.BufferedReader(_Prefixed(head, stream)) as fh:
            yield from (item for _, item in _jsonl_lines(fh, Path(STDIN_SOURCE), opts) if item is not None)
        return
    data = head + stream.read(max(0, opts.max_bytes + 1 - len(head)))
    if len(data) > opts.max_bytes:
        yield RawItem.failure(
            STDIN_SOURCE, STDIN_SOURCE, f"too large: over the {opts.max_bytes:,}-byte article limit"
        )
        return
    yield RawItem(STDIN_SOURCE, STDIN_SOURCE, data)


class _Prefixed(io.RawIOBase):
    """The bytes already read from a stream, then the rest of it."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if not self._head:
            data = self._rest.read(len(b))
        else:
            data, self._head = self._head[: len(b)], self._head[len(b) :]
        b[: len(data)] = data
        return len(data)


# --- JSON lines, plain or compressed ----------------------------------------------------


def read_jsonl(path: Path, id_hint: str, opts: ReadOptions) -> Iterator[RawItem]:
    compression = compression_of(path)
    lineno, seen = 0, False
    try:
        with OPENERS[compression](path) as fh:
            for lineno, item in _jsonl_lines(fh, path, opts):  # noqa: B007 - the except clause reports it
                if item is not None:
                    seen = True
                    yield item
    except stream_errors() as exc:
        what = "truncated or corrupt compressed stream" if compression else "read error"
        yield RawItem.failure(
            f"{path}:{lineno + 1}", f"{path.name}:{lineno + 1}",
            f"{what} after line {lineno}: {exc}; the rest of the file is lost",
        )  # fmt: skip
        return
    if not seen:
        yield RawItem.failure(str(path), path.name, "empty file: no articles in it")


def _jsonl_lines(fh: BinaryIO, path: Path, opts: ReadOptions) -> Iterator[tuple[int, RawItem | None]]:
    """(line number, its item) for every line; None for a blank line."""
    for lineno, (raw, too_long) in enumerate(lines(fh, opts.max_bytes * 2), 1):
        if too_long:
            yield lineno, RawItem.failure(
                f"{path}:{lineno}", f"{path.name}:{lineno}",
                f"line {lineno} is over {opts.max_bytes * 2:,} bytes: too large an article",
            )  # fmt: skip
        else:
            yield lineno, _jsonl_item(raw, path, lineno, opts) if raw.strip() else None


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
    # Without its line ending: json reports an error at the end of "...\n" as column 1 of a
    # second line, and "Expecting value at column 1" hid that the line was cut off.
    line = line.rstrip("\r\n")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        # exc.msg may end in "at" ("Invalid control character at"): the column completes it,
        # as the wording asks: "Invalid control character at column 39".
        reason = f"{exc.msg.removesuffix(' at')} at column {exc.colno}"
        if _cut_off(line, exc):
            return RawItem.failure(
                source, fallback,
                f"line {lineno} is not a complete JSON object (the line is cut off or malformed: {reason})",
            )  # fmt: skip
        return RawItem.failure(source, fallback, f"line {lineno} is not valid JSON: {reason}")
    if not isinstance(obj, dict):
        return RawItem.failure(
            source, fallback,
            f"line {lineno} is a JSON {type(obj).__name__}, not an object (each line must be a JSON object)",
        )  # fmt: skip
    return record_item(obj, source, fallback, opts)


def _cut_off(line: str, exc: json.JSONDecodeError) -> bool:
    """An object that the line ends inside of: the last line of a truncated file, a record cut
    by a writer that died. json then fails at the end of the text, or on a string that never
    closes; "{broken" or trailing "Extra data" fail earlier and stay "not valid JSON"."""
    if not line.lstrip().startswith("{"):
        return False
    return exc.pos >= len(line.rstrip()) or exc.msg.startswith("Unterminated string")


def record_item(obj: dict[str, Any], source: str, fallback: str, opts: ReadOptions) -> RawItem:
    """One article from a mapping of fields (a JSON object or a Parquet row)."""
    given = obj.get(opts.id_field)
    usable = isinstance(given, str | int) and not isinstance(given, bool) and str(given).strip()
    given_id = scrub_surrogates(str(given).strip()) if usable else None
    id_hint = given_id or fallback
    if opts.analysed_rows and "article_json" in obj:
        return _analysed_row(obj, source, id_hint, given_id)
    text, kind = obj.get(opts.text_field), "text"
    if not isinstance(text, str) and isinstance(obj.get(opts.html_field), str):
        text, kind = obj[opts.html_field], "html"
    if not isinstance(text, str):
        return RawItem.failure(
            source, id_hint,
            f'no {opts.text_field!r} field with the article text (give "{opts.text_field}" or '
            f'"{opts.html_field}" as a string)',
        )  # fmt: skip
    bad = first_surrogate(text)
    if bad is not None:
        # A JSON escape such as "\ud800" decodes to a code point no encoder accepts: the
        # record is rejected here, alone, rather than failing wherever the text is encoded.
        return RawItem.failure(
            source, id_hint,
            f"{kind} holds invalid Unicode (an unpaired surrogate U+{ord(text[bad]):04X} at character {bad})",
        )  # fmt: skip
    return RawItem(source, id_hint, text.encode("utf-8"), kind=kind, meta=_meta(obj), given_id=given_id)


def _analysed_row(obj: dict[str, Any], source: str, id_hint: str, given_id: str | None) -> RawItem:
    payload = obj.get("article_json")
    if obj.get("status") == "failed" or payload is None:
        reason = obj.get("error") or "no article_json"
        return RawItem.failure(source, id_hint, f"failed in batch: {reason}", upstream=True)
    if isinstance(payload, str):
        payload = payload.encode("utf-8", "surrogatepass")
    meta = _meta(obj)
    if obj.get("source"):
        meta["source"] = str(obj["source"])
    return RawItem(source, id_hint, payload, kind="article", meta=meta, given_id=given_id)


def _meta(obj: dict[str, Any]) -> dict[str, str]:
    meta = {}
    for name in META_FIELDS:
        for key in (name, *META_ALIASES.get(name, ())):
            value = obj.get(key)
            if value is not None and value != "":
                meta[name] = scrub_surrogates(str(value))
                break
    return meta


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
    analysed = opts.analysed_rows and "article_json" in names
    if not analysed and opts.text_field not in names and opts.html_field not in names:
        yield RawItem.failure(
            str(path), path.name,
            f"no {opts.text_field!r} column (it has {', '.join(sorted(names))}); see --text-field",
        )  # fmt: skip
        return
    wanted = {opts.text_field, opts.html_field, opts.id_field, *META_FIELDS}
    wanted |= {a for aliases in META_ALIASES.values() for a in aliases}
    if analysed:
        wanted |= {"article_json", "status", "error", "source"}
    columns = [n for n in pf.schema_arrow.names if n in wanted]
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=512, columns=columns):
            for obj in batch.to_pylist():
                row += 1
                yield record_item(obj, f"{path} row {row}", f"{path.name}:{row}", opts)
    except (OSError, pa.ArrowException) as exc:
        yield RawItem.failure(
            f"{path}:{row + 1}",
            f"{path.name}:{row + 1}",
            f"Parquet read error after row {row}: {exc}",
        )
        return
    if row == 0:
        yield RawItem.failure(str(path), path.name, "empty file: no articles in it")


# --- the registry -----------------------------------------------------------------------

# Longest suffixes first: "x.jsonl.gz" is JSON lines, not an article called "x.jsonl".
CORPUS_SUFFIXES: dict[str, Reader] = {
    ".jsonl.gz": read_jsonl, ".jsonl.zst": read_jsonl, ".ndjson.gz": read_jsonl,
    ".ndjson.zst": read_jsonl, ".jsonl": read_jsonl, ".ndjson": read_jsonl,
    ".warc.gz": read_warc, ".warc": read_warc, ".arc.gz": read_warc,
    ".parquet": read_parquet,
}  # fmt: skip
KNOWN_TYPES = ".txt/.html, .jsonl[.gz|.zst], .warc[.gz] or .parquet"


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    for suffix, reader in CORPUS_SUFFIXES.items():
        if name.endswith(suffix):
            return reader
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        return read_article_file
    return None


def check_inputs(inputs: list[str], any_file: bool = False) -> list[Path]:
    """Fail before any work when an INPUT does not exist, has a type we cannot read, or is a
    folder with nothing readable in it. ``any_file``: a file of unknown type is one article."""
    paths = []
    for raw in inputs:
        if raw == STDIN:
            paths.append(Path(STDIN))
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{raw}: no such file or folder")
        if path.is_file() and reader_for(path) is None and not any_file:
            raise InputError(f"{raw}: unknown input type; expected {KNOWN_TYPES}, or a folder of them")
        if path.is_dir() and next(iter(walk(path)), None) is None:
            raise InputError(f"{raw}: no {KNOWN_TYPES} files in this folder")
        paths.append(path)
    return paths


def iter_items(
    inputs: list[str], opts: ReadOptions | None = None, any_file: bool = False
) -> Iterator[RawItem]:
    """Every article of every input, in command-line order; folders in sorted path order."""
    opts = opts or ReadOptions()
    for path in check_inputs(inputs, any_file):
        yield from read_path(path, opts)


def read_path(path: Path, opts: ReadOptions) -> Iterator[RawItem]:
    if str(path) == STDIN:
        yield from read_stdin(opts)
    elif path.is_dir():
        for inner in walk(path):
            reader = reader_for(inner)
            if reader is None:  # walk() yields readable files only; a type narrowing
                continue
            # Relative path without suffix: unique within the folder, stable wherever it lives.
            yield from reader(inner, inner.relative_to(path).with_suffix("").as_posix(), opts)
    else:
        yield from (reader_for(path) or read_article_file)(path, path.stem, opts)


def walk(root: Path) -> Iterator[Path]:
    """Readable files under ``root`` in sorted path order, depth first, without listing all at once."""
    with os.scandir(root) as it:
        entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir():
            yield from walk(Path(entry.path))
        elif entry.is_file() and reader_for(Path(entry.path)) is not None:
            yield Path(entry.path)
