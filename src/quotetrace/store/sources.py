"""What ``quotetrace ingest`` reads: files, folders, JSONL and ``quotetrace batch`` Parquet.

Every source yields ``Item`` records in a stable order. An input that cannot
be read becomes an item with an ``error`` (and where it was: file, line,
row) instead of an exception, so one bad line never stops a long ingest.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quotetrace.errors import InputError, QuotetraceError
from quotetrace.ingest import (
    MAX_INPUT_BYTES,
    Document,
    bytes_to_document,
    read_document,
    text_to_document,
)
from quotetrace.records import Article
from quotetrace.store.write import ArticleMeta

TEXT_SUFFIXES = frozenset({".txt", ".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
PARQUET_SUFFIXES = frozenset({".parquet"})
# Columns of `quotetrace batch` output (DIR/articles/*.parquet); extra ones are ignored.
PARQUET_COLUMNS = (
    "id", "source", "status", "error", "title", "url", "outlet", "published", "article_json",
)  # fmt: skip
META_FIELDS = ("title", "url", "outlet", "published")


@dataclass(slots=True)
class Item:
    """One article to store: a document still to analyse, or an already analysed article."""

    where: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    document: Document | None = None
    article: Article | None = None
    error: str | None = None
    upstream_failure: bool = False  # a row `quotetrace batch` itself could not analyse

    @property
    def text(self) -> str:
        if self.article is not None:
            return self.article.text
        return self.document.text if self.document is not None else ""


def discover(paths: list[str | Path]) -> list[tuple[str, Path, Path | None]]:
    """(kind, path, root) for every input under ``paths``; root is the folder walked, if any.

    Raises InputError for a path that does not exist or holds nothing to ingest.
    """
    found: list[tuple[str, Path, Path | None]] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            batch = _batch_parts(path)
            if batch:  # the output folder of `quotetrace batch`
                found.extend((_kind(p), p, None) for p in batch)
                continue
            inside = [
                p for p in sorted(path.rglob("*"))
                if p.is_file() and not p.name.startswith(".") and _kind(p) in ("text", "jsonl")
            ]  # fmt: skip
            if not inside:
                raise InputError(f"{path}: no .txt, .html or .jsonl files in this folder")
            found.extend((_kind(p), p, path) for p in inside)
        else:
            found.append((_kind(path) or "text", path, None))
    return found


def _batch_parts(folder: Path) -> list[Path]:
    """``DIR/articles/*.parquet`` (or ``*.jsonl``), without the writer's hidden temporaries."""
    articles = folder / "articles"
    if not articles.is_dir():
        return []
    return [
        p for p in sorted(articles.iterdir())
        if p.is_file() and not p.name.startswith(".") and ".tmp-" not in p.name
        and _kind(p) in ("parquet", "jsonl")
    ]  # fmt: skip


def _kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


def count(found: list[tuple[str, Path, Path | None]]) -> int | None:
    """How many items the inputs hold (for the progress bar); None if unknown."""
    total = 0
    for kind, path, _root in found:
        try:
            total += COUNTERS[kind](path)
        except (OSError, QuotetraceError, ValueError):
            return None
    return total


def items(found: list[tuple[str, Path, Path | None]]) -> Iterator[Item]:
    for kind, path, root in found:
        yield from READERS[kind](path, root)


def _count_jsonl(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


def _count_parquet(path: Path) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows


def read_text_file(path: Path, root: Path | None) -> Iterator[Item]:
    where = str(path)
    try:
        document = read_document(path)
    except InputError as exc:
        yield Item(where=where, error=str(exc))
        return
    # Inside a walked folder the relative path is the id: a/x.txt and b/x.txt differ.
    ext_id = path.relative_to(root).with_suffix("").as_posix() if root else document.id
    meta = ArticleMeta(
        id=ext_id,
        title=document.title,
        url=document.url,
        outlet=document.outlet,
        published=document.published,
        source=where,
    )
    yield Item(where=where, meta=meta, document=document)


def read_jsonl(path: Path, root: Path | None = None) -> Iterator[Item]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Item(where=str(path), error=f"{path}: {exc.strerror or exc}")
        return
    with fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                yield _jsonl_item(raw, where)
            except InputError as exc:
                yield Item(where=where, error=str(exc))


def _jsonl_item(raw: bytes, where: str) -> Item:
    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not valid JSON ({exc})") from None
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    if "article_json" in record:  # a row of `quotetrace batch --format jsonl`: analysed already
        return _batch_item(record, where)
    text, html = record.get("text"), record.get("html")
    if text is None and html is None:
        raise InputError('no "text" or "html" field')
    if not isinstance(text if text is not None else html, str):
        raise InputError('"text" / "html" must be a string')
    for name in META_FIELDS:
        if record.get(name) is not None and not isinstance(record[name], str | int | float):
            raise InputError(f'"{name}" must be a string')
    if text is not None:
        if len(text.encode("utf-8", "replace")) > MAX_INPUT_BYTES:
            raise InputError(f"text is over the {MAX_INPUT_BYTES:,}-byte limit for one article")
        document = text_to_document(text, where)
        if record.get("title"):
            document.title = str(record["title"])
    else:
        document = bytes_to_document(html.encode("utf-8", "replace"), where, kind="html")
    ext_id = record.get("id")
    meta = ArticleMeta(
        id=None if ext_id is None or ext_id == "" else str(ext_id),
        title=_str(record.get("title")) or document.title,
        url=_str(record.get("url")) or document.url,
        outlet=_str(record.get("outlet")) or document.outlet,
        published=_str(record.get("published")) or document.published,
        source=where,
    )
    return Item(where=where, meta=meta, document=document)


def _str(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def read_parquet(path: Path, root: Path | None = None) -> Iterator[Item]:
    """Rows of ``quotetrace batch`` output: analysed articles, rebuilt from ``article_json``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        yield Item(where=str(path), error=f"{path}: not a readable Parquet file ({exc})")
        return
    names = set(parquet.schema_arrow.names)
    if "article_json" not in names:
        error = f"{path}: no article_json column (not quotetrace batch output)"
        yield Item(where=str(path), error=error)
        return
    columns = [c for c in PARQUET_COLUMNS if c in names]
    number = 0
    try:
        for batch in parquet.iter_batches(batch_size=256, columns=columns):
            for row in batch.to_pylist():
                number += 1
                yield _batch_item(row, f"{path} row {number}")
    except pa.ArrowException as exc:
        yield Item(where=f"{path} row {number + 1}", error=f"unreadable Parquet data ({exc})")


def _batch_item(row: dict, where: str) -> Item:
    status = row.get("status")
    payload = row.get("article_json")
    if status == "failed" or payload is None:
        reason = row.get("error") or "no article_json"
        return Item(where=where, error=f"failed in batch: {reason}", upstream_failure=True)
    try:
        article = Article.from_dict(json.loads(payload))
    except (TypeError, ValueError, KeyError) as exc:
        return Item(where=where, error=f"article_json is not an Article record ({exc!r})")
    ext_id = row.get("id")
    published = row.get("published")
    meta = ArticleMeta(
        id=None if ext_id is None or ext_id == "" else str(ext_id),
        title=_str(row.get("title")) or article.title,
        url=_str(row.get("url")),
        outlet=_str(row.get("outlet")),
        published=published if not isinstance(published, str) else _str(published),
        source=_str(row.get("source")) or where,
    )
    return Item(where=where, meta=meta, article=article)


READERS: dict[str, Callable[[Path, Path | None], Iterator[Item]]] = {
    "text": read_text_file,
    "jsonl": read_jsonl,
    "parquet": read_parquet,
}
COUNTERS: dict[str, Callable[[Path], int]] = {
    "text": lambda _path: 1,
    "jsonl": _count_jsonl,
    "parquet": _count_parquet,
}
