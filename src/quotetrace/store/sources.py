"""What ``quotetrace ingest`` reads: every format of the shared reader registry, plus the
output folder of ``quotetrace batch``.

The formats themselves (.txt/.html files, folders, .jsonl[.gz|.zst], WARC,
Parquet, standard input) are read by ``quotetrace.ingest.readers``, the same
layer ``batch`` uses. This module turns its raw items into ``Item`` records:
a decoded document to analyse, an already analysed article (rows of batch
output), or an error with where it happened (file, line, row), so one bad
line never stops a long ingest.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quotetrace.errors import InputError, QuotetraceError
from quotetrace.ingest import Document, bytes_to_document
from quotetrace.ingest.items import RawItem, ReadOptions
from quotetrace.ingest.readers import STDIN, check_inputs, read_path, reader_for, walk
from quotetrace.records import Article
from quotetrace.store.write import ArticleMeta

# The reader says "line 7 is not valid JSON"; ingest prints "feed.jsonl:7: " before every
# message, so the line is said once.
_LINE_PREFIX = re.compile(r"^line \d+ (is )?")


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


@dataclass(slots=True)
class Found:
    """The checked inputs of one ingest and how to read them."""

    paths: list[Path]
    options: ReadOptions


def discover(paths: list[str | Path], encoding: str | None = None) -> Found:
    """Every input checked before any work; a batch output folder stands for its parts.

    Raises InputError for a path that does not exist or holds nothing to ingest.
    """
    expanded: list[Path] = []
    for raw in check_inputs([str(p) for p in paths], any_file=True):
        expanded.extend(_batch_parts(raw) or [raw])
    return Found(expanded, ReadOptions(encoding=encoding, analysed_rows=True))


def _batch_parts(folder: Path) -> list[Path]:
    """``DIR/articles/*.parquet`` (or ``*.jsonl``), without the writer's hidden temporaries."""
    articles = folder / "articles"
    if str(folder) == STDIN or not articles.is_dir():
        return []
    return [
        p for p in sorted(articles.iterdir())
        if p.is_file() and not p.name.startswith(".") and ".tmp-" not in p.name
        and p.suffix.lower() in (".parquet", ".jsonl")
    ]  # fmt: skip


def count(found: Found) -> int | None:
    """How many items the inputs hold (for the progress bar); None if unknown."""
    total = 0
    try:
        for path in found.paths:
            for file in walk(path) if path.is_dir() else [path]:
                n = _count(file)
                if n is None:
                    return None
                total += n
    except (OSError, QuotetraceError, ValueError):
        return None
    return total


def _count(path: Path) -> int | None:
    if str(path) == STDIN:
        return None
    name = path.name.lower()
    if name.endswith((".jsonl", ".ndjson")):
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    if name.endswith(".parquet"):
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    if reader_for(path) is None or name.endswith((".txt", ".html", ".htm", ".xhtml")):
        return 1
    return None  # compressed lines, WARC: counting would mean reading it all twice


def items(found: Found) -> Iterator[Item]:
    for path in found.paths:
        for raw in read_path(path, found.options):
            yield to_item(raw, found.options)


def to_item(raw: RawItem, opts: ReadOptions) -> Item:
    where = raw.source
    if raw.error is not None:
        return Item(where=where, error=_LINE_PREFIX.sub("", raw.error), upstream_failure=raw.upstream_failure)
    meta = dict(raw.meta)
    if raw.kind == "article":
        return _analysed(raw, where, meta)
    try:
        assert raw.payload is not None  # None exactly when raw.error is set (RawItem)
        document = bytes_to_document(
            raw.payload, "the article", kind=raw.kind, max_bytes=opts.max_bytes, encoding=opts.encoding
        )
    except InputError as exc:
        return Item(where=where, error=str(exc))
    if meta.get("title"):
        document.title = meta["title"]
    return Item(
        where=where,
        meta=ArticleMeta(
            id=raw.given_id,
            title=meta.get("title") or document.title,
            url=meta.get("url") or document.url,
            outlet=meta.get("outlet") or document.outlet,
            published=meta.get("published") or document.published,
            source=where,
        ),
        document=document,
    )


def _analysed(raw: RawItem, where: str, meta: dict[str, str]) -> Item:
    assert raw.payload is not None  # None exactly when raw.error is set (RawItem)
    try:
        article = Article.from_dict(json.loads(raw.payload))
    except (TypeError, ValueError, KeyError) as exc:
        return Item(where=where, error=f"article_json is not an Article record ({exc!r})")
    return Item(
        where=where,
        meta=ArticleMeta(
            id=raw.given_id,
            title=meta.get("title") or article.title,
            url=meta.get("url"),
            outlet=meta.get("outlet"),
            published=meta.get("published"),
            source=meta.get("source") or where,
        ),
        article=article,
    )
