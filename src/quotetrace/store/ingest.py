"""The ingest pipeline: read inputs, skip what is stored, analyse the rest, store each article.

spaCy is only loaded when some input still needs extraction (Parquet from
``quotetrace batch`` is already analysed). Each article is written in its own
transaction, so a process killed mid-ingest leaves only whole articles, and
running the same ingest again picks up where it stopped.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from quotetrace.errors import QuotetraceError
from quotetrace.pipeline import Analyser, Failure
from quotetrace.store.sources import Item
from quotetrace.store.write import add_article, content_hash, find_existing

CHUNK = 16  # items analysed together: spaCy batches within a chunk


@dataclass(slots=True)
class IngestReport:
    stored: int = 0
    quotes: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    upstream_failed: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"stored {self.stored} article(s) with {self.quotes} quote(s)"]
        if self.duplicates:
            parts.append(f"{self.duplicates} already stored")
        if self.failed:
            parts.append(f"{len(self.failed)} could not be read")
        if self.upstream_failed:
            parts.append(f"{len(self.upstream_failed)} failed in batch")
        return ", ".join(parts)


def ingest(
    conn: sqlite3.Connection,
    items: Iterable[Item],
    analyser: Analyser | None = None,
    on_item: Callable[[Item, str, str | None], None] | None = None,
) -> IngestReport:
    """Store every item; ``on_item(item, outcome, message)`` is told what became of each:
    outcome is "stored", "duplicate", "failed" or "upstream_failed"."""
    analyser = analyser or Analyser()
    report = IngestReport()
    seen_ids: set[str] = set()
    seen_hashes: set[str] = set()

    def tell(item: Item, outcome: str, message: str | None = None) -> None:
        if on_item is not None:
            on_item(item, outcome, message)

    def fresh(stream: Iterable[Item]) -> Iterator[Item]:
        for item in stream:
            if item.error is not None:
                target = report.upstream_failed if item.upstream_failure else report.failed
                target.append((item.where, item.error))
                tell(item, "upstream_failed" if item.upstream_failure else "failed", item.error)
                continue
            digest = content_hash(item.text)
            ext_id = item.meta.id
            existing = find_existing(conn, ext_id, digest)
            if existing or digest in seen_hashes or (ext_id is not None and ext_id in seen_ids):
                report.duplicates += 1
                how = existing[1] if existing else "run"
                tell(item, "duplicate", f"already stored (same {how})")
                continue
            seen_hashes.add(digest)
            if ext_id is not None:
                seen_ids.add(ext_id)
            yield item

    stream = fresh(items)
    while chunk := list(islice(stream, CHUNK)):
        todo = [i.document for i in chunk if i.article is None and i.document is not None]
        results = analyser.pipe(todo) if todo else iter(())
        for item in chunk:
            result = item.article if item.article is not None else next(results)
            if isinstance(result, Failure):
                _fail(report, item, f"analysis failed: {result.error!r}", tell)
                continue
            try:
                article_id = add_article(conn, result, item.meta)
            except sqlite3.IntegrityError as exc:
                # Another ingest of the same inputs may have stored it since the check above:
                # that is the outcome both runs want, not a failure of this one.
                if find_existing(conn, item.meta.id, content_hash(item.text)):
                    report.duplicates += 1
                    tell(item, "duplicate", "already stored (by another run)")
                else:
                    _fail(report, item, f"not stored: {exc}", tell)
                continue
            except sqlite3.OperationalError as exc:  # locked past the busy timeout, disk full
                _fail(report, item, f"not stored: {exc}", tell)
                continue
            except (QuotetraceError, ValueError, TypeError) as exc:
                _fail(report, item, f"not stored: {exc}", tell)
                continue
            _trace(conn, article_id)
            report.stored += 1
            report.quotes += len(result.quotes)
            tell(item, "stored")
    return report


def _fail(report: IngestReport, item: Item, message: str, tell) -> None:
    report.failed.append((item.where, message))
    tell(item, "failed", message)


def _trace(conn: sqlite3.Connection, article_id: int) -> None:
    """Add the article's quotes to the quote families (store.families). Families are derived
    data that ``quotetrace trace --rebuild`` recomputes: a failure there keeps the article."""
    from quotetrace.store.families import trace_articles

    try:
        trace_articles(conn, [article_id])
    except (sqlite3.Error, QuotetraceError, ValueError) as exc:
        logging.getLogger(__name__).warning(
            "article %s stored, but not added to quote families: %s", article_id, exc
        )
