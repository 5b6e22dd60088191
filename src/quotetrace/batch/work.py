"""What runs on a worker: one partition of raw items in, its encoded output files out.

The same function serves the local process pool and Dask workers. The spaCy
pipeline is built once per worker process and kept in a module global; it is
rebuilt after ``RECYCLE_ARTICLES`` articles because spaCy's string store only
grows, which over millions of articles would slowly raise worker memory.
Every per-article problem (undecodable bytes, no text in the HTML, too long,
an extractor or framing exception) becomes a failed row; only the death of
the process itself escapes, and the driver handles that.
"""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from quotetrace.batch.limits import TimeLimitExceeded, time_limit
from quotetrace.batch.output import encode
from quotetrace.batch.partition import Partition
from quotetrace.batch.sources import RawItem
from quotetrace.errors import InputError
from quotetrace.ingest import Document, bytes_to_document
from quotetrace.pipeline import Analyser, one_line
from quotetrace.records import Article, Quote

RECYCLE_ARTICLES = 10_000
DEFAULT_TIME_LIMIT = 120.0  # seconds for one article: 50x what a 20,000-word one takes
MAX_ERROR_CHARS = 500
MAX_REPORTED_FAILURES = 5


@dataclass(frozen=True, slots=True)
class WorkSettings:
    """Everything that changes a partition's output; part of its fingerprint."""

    model: str | None = None
    frame: bool = True
    max_words: int = 20_000
    fmt: str = "parquet"
    batch_size: int = 8
    encoding: str | None = None  # of article bytes; None detects it
    time_limit: float = DEFAULT_TIME_LIMIT  # seconds per article; 0 for none


@dataclass(slots=True)
class PartitionResult:
    index: int
    fingerprint: str
    files: dict[str, bytes]
    articles: int = 0
    failed: int = 0
    quotes: int = 0
    words: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # the first few (id, error)
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # of the thread that ran it: below ``seconds`` when CPU was short
    worker: str = ""


# --- per-process state ------------------------------------------------------------------

_state: dict[str, Any] = {"extractor": None, "model": None, "articles": 0, "setup_error": None}


class WorkerSetupError(RuntimeError):
    """The worker cannot analyse anything (model missing, import error): the run must stop."""


def get_extractor(model: str | None):
    stale = _state["articles"] >= RECYCLE_ARTICLES or _state["model"] != model
    if _state["extractor"] is None or stale:
        from quotetrace.extract import Extractor, build_pipeline

        if _state["extractor"] is not None:
            _state["extractor"] = None
            build_pipeline.cache_clear()  # a fresh Language, so the old string store is freed
        _state.update(extractor=Extractor(model), model=model, articles=0)
    return _state["extractor"]


def init_worker(model: str | None, parent_pid: int | None = None) -> None:
    """Process-pool initializer: load spaCy now, and die with the driver."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the driver's to handle
    if parent_pid is not None:
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    try:
        get_extractor(model)
    except Exception as exc:  # reported by the first task, so the driver can stop cleanly
        _state["setup_error"] = _one_line(f"{type(exc).__name__}: {exc}")


def warm_up(model: str | None) -> tuple[str, str]:
    """Load the pipeline on a Dask worker before any partition: (where, hash seed)."""
    get_extractor(model)
    return f"{socket.gethostname()}:{os.getpid()}", os.environ.get("PYTHONHASHSEED", "random")


def _watch_parent(parent_pid: int) -> None:
    # A SIGKILLed driver cannot stop its workers; without this they would wait forever.
    while os.getppid() == parent_pid:
        time.sleep(1.0)
    os._exit(1)


def _frame_function(enabled: bool):
    if not enabled:
        return None
    try:
        from quotetrace.frame import frame_article
    except Exception as exc:  # a broken install would fail every article: stop instead
        raise WorkerSetupError(_one_line(f"framing cannot be loaded: {exc!r}")) from exc
    return frame_article


# --- one partition ----------------------------------------------------------------------


def process_many(parts: list[Partition], settings: WorkSettings) -> list[PartitionResult]:
    """``dask.bag.map_partitions`` entry point: a bag partition holds one ``Partition``."""
    return [process_partition(part, settings) for part in parts]


def process_partition(part: Partition, settings: WorkSettings) -> PartitionResult:
    started, cpu_started = time.perf_counter(), time.thread_time()
    if _state["setup_error"]:
        raise WorkerSetupError(_state["setup_error"])
    try:
        extractor = get_extractor(settings.model)
    except Exception as exc:
        raise WorkerSetupError(_one_line(f"{type(exc).__name__}: {exc}")) from exc
    frame = _frame_function(settings.frame)
    prepared = [prepare(item, settings) for item in part.items]
    docs = [p for p in prepared if isinstance(p, Document)]
    analysed = iter(analyse(extractor, docs, frame, settings.time_limit))
    articles, quotes = [], []
    result = PartitionResult(part.index, part.fingerprint, {})
    for item, prep in zip(part.items, prepared, strict=True):
        outcome = next(analysed) if isinstance(prep, Document) else prep
        if isinstance(outcome, Article):
            assert isinstance(prep, Document)  # only a Document is analysed
            articles.append(ok_row(item, prep, outcome))
            quotes.extend(quote_rows(item.id, outcome.quotes))
            result.quotes += len(outcome.quotes)
            result.words += articles[-1]["n_words"]
        else:
            articles.append(failed_row(item, outcome))
            result.failed += 1
            if len(result.failures) < MAX_REPORTED_FAILURES:
                result.failures.append((item.id, outcome))
    _state["articles"] += len(part.items)
    result.articles = len(articles)
    result.files = encode(settings.fmt, {"articles": articles, "quotes": quotes})
    result.seconds = time.perf_counter() - started
    result.cpu_seconds = time.thread_time() - cpu_started
    result.worker = f"{socket.gethostname()}:{os.getpid()}"
    return result


def prepare(item: RawItem, settings: WorkSettings) -> Document | str:
    """The article as a ``Document`` ready for the extractor, or why it cannot be analysed."""
    if item.error is not None:
        return item.error
    assert item.payload is not None  # None exactly when item.error is set (RawItem)
    try:
        doc = bytes_to_document(item.payload, "the article", kind=item.kind, encoding=settings.encoding)
    except InputError as exc:
        return str(exc)
    except Exception as exc:  # trafilatura or a decoder failing on odd input
        return _one_line(f"cannot read the article: {type(exc).__name__}: {exc}")
    words = len(doc.text.split())
    if words > settings.max_words:
        return f"too long: {words:,} words, over the limit of {settings.max_words:,} (--max-words)"
    doc.id = item.id
    for name, value in item.meta.items():
        setattr(doc, name, value)
    return doc


def analyse(extractor, docs: list[Document], frame, limit: float = 0) -> list[Article | str]:
    """Articles in the order of ``docs``; an exception or a time-out costs only its own article.

    Documents go through spaCy in groups (batching is faster) under the sum of their
    limits; a group that runs out of time is redone one article at a time, each under
    its own limit, so only the slow article fails.
    """
    analyser = Analyser(extractor=extractor, frame=frame or False)
    out: list[Article | str] = []
    size = getattr(extractor, "batch_size", 8)
    for start in range(0, len(docs), size):
        group = docs[start : start + size]
        try:
            with time_limit(limit * len(group)):
                outcomes = list(analyser.pipe(group))
        except TimeLimitExceeded:
            outcomes = [_alone(analyser, doc, limit) for doc in group]
        out.extend(a if isinstance(a, Article | str) else a.reason for a in outcomes)
    return out


def _alone(analyser: Analyser, doc: Document, limit: float):
    try:
        with time_limit(limit):
            return next(iter(analyser.pipe([doc])))
    except TimeLimitExceeded:
        return f"timed out: over the {limit:g}-second limit for one article (--time-limit)"


def _one_line(message: str) -> str:
    return one_line(message, MAX_ERROR_CHARS)


# --- rows -------------------------------------------------------------------------------


def ok_row(item: RawItem, doc: Document, article: Article) -> dict[str, Any]:
    return {
        "id": item.id, "source": item.source, "status": "ok", "error": None,
        "title": article.title, "url": doc.url, "outlet": doc.outlet, "published": doc.published,
        "text": article.text, "n_quotes": len(article.quotes), "n_words": len(article.text.split()),
        "article_json": article.to_json(),
    }  # fmt: skip


def failed_row(item: RawItem, error: str) -> dict[str, Any]:
    meta = item.meta
    return {
        "id": item.id, "source": item.source, "status": "failed", "error": error,
        "title": meta.get("title"), "url": meta.get("url"), "outlet": meta.get("outlet"),
        "published": meta.get("published"), "text": None, "n_quotes": 0, "n_words": 0,
        "article_json": None,
    }  # fmt: skip


# Quote-row column -> (attribute of Quote holding a record, attribute of that record).
NESTED_COLUMNS = {
    "cue_text": ("cue", "text"), "cue_lemma": ("cue", "lemma"), "cue_start": ("cue", "start"),
    "cue_end": ("cue", "end"), "speaker_name": ("speaker", "name"),
    "speaker_mention": ("speaker", "mention"), "speaker_start": ("speaker", "start"),
    "speaker_end": ("speaker", "end"), "frame_class": ("frame", "cls"),
    "veridicality": ("frame", "veridicality"),
}  # fmt: skip


def quote_rows(article_id: str, quotes: list[Quote]) -> list[dict[str, Any]]:
    rows = []
    for q in quotes:
        row = {
            "article_id": article_id, "quote_id": q.id, "kind": q.kind, "text": q.content_text(),
            "start": q.start, "end": q.end, "continuation": q.continuation,
            "confidence": round(q.confidence, 3),
            "fragments": [{"start": f.start, "end": f.end, "text": f.text} for f in q.fragments],
        }  # fmt: skip
        for column, (record, attr) in NESTED_COLUMNS.items():
            value = getattr(q, record)
            row[column] = getattr(value, attr) if value is not None else None
        rows.append(row)
    return rows


def failed_result(part: Partition, error: str, settings: WorkSettings) -> PartitionResult:
    """The output of a partition whose every article failed with ``error`` (made by the driver)."""
    rows = [failed_row(item, error) for item in part.items]
    files = encode(settings.fmt, {"articles": rows, "quotes": []})
    failures = [(item.id, error) for item in part.items[:MAX_REPORTED_FAILURES]]
    return PartitionResult(
        part.index, part.fingerprint, files, articles=len(rows), failed=len(rows), failures=failures
    )
