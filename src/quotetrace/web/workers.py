"""Extraction off the server's process: a bounded pool of worker processes with a time limit.

spaCy's tokenizer and parser hold the GIL for long stretches, so an
extraction running in a thread of the server slows every other request
(a search waited 26 s behind one hostile article). Running it in a separate
process leaves the server's own threads free for searches and pages. The pool
is bounded twice: ``workers`` processes analyse at once and at most ``queue``
more requests wait (beyond that: 503, try later), and each article has
``time_limit`` seconds, after which its process is killed and replaced
(422: the article cannot be analysed here). A worker that dies (out of
memory) costs its one request, never the server.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Any

from quotetrace.errors import QuotetraceError
from quotetrace.ingest import Document
from quotetrace.records import Article

DEFAULT_WORKERS = 1  # one spaCy process: the other core serves searches and pages
DEFAULT_QUEUE = 16  # waiting requests hold threads of the server's pool (40): leave most to searches
DEFAULT_TIME_LIMIT = 60.0  # seconds per article; a 2 MB request (the size cap) needs ~40 s
# spaCy's string store only grows: a fresh process now and then (its start, a few seconds,
# falls on the request that finds it replaced).
RECYCLE_TASKS = 2_000


class ExtractionBusy(QuotetraceError):
    """Every worker is busy and the queue is full."""

    status = 503


class ExtractionFailed(QuotetraceError):
    """The article ran out of time, or its worker process died."""

    status = 422


@dataclass
class ExtractionPool:
    workers: int = DEFAULT_WORKERS
    queue: int = DEFAULT_QUEUE
    time_limit: float = DEFAULT_TIME_LIMIT
    _pool: Any = field(default=None, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _slots: threading.BoundedSemaphore | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self._slots = threading.BoundedSemaphore(self.workers + self.queue)

    def analyse(self, document: Document, frame: bool) -> Article:
        """The article of ``document``; blocks the calling thread (not the event loop)."""
        slots = self._slots
        assert slots is not None  # set by __post_init__
        if not slots.acquire(blocking=False):
            raise ExtractionBusy("the server is busy analysing other articles: try again shortly")
        try:
            future = self._ensure_pool().schedule(
                _analyse, args=(document, frame), timeout=self.time_limit or None
            )
            try:
                return future.result()
            except FutureTimeout:
                raise ExtractionFailed(
                    f"the analysis took over {self.time_limit:g} s, this server's limit for one "
                    "article; analyse it with 'quotetrace extract' instead"
                ) from None
            except _expired() as exc:
                raise ExtractionFailed(
                    f"the analysis process stopped ({exc}); the article may be too large for this server"
                ) from None
        finally:
            slots.release()

    def _ensure_pool(self):
        with self._lock:
            if self._pool is None:
                from pebble import ProcessPool

                # spawn, not fork: the server has threads, and a forked child would inherit
                # their locks in whatever state they were.
                self._pool = ProcessPool(
                    max_workers=self.workers,
                    max_tasks=RECYCLE_TASKS,
                    initializer=_warm_up,
                    context=multiprocessing.get_context("spawn"),
                )
            return self._pool

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.stop()
                self._pool.join(timeout=10)
                self._pool = None


def _expired() -> tuple[type[BaseException], ...]:
    from concurrent.futures.process import BrokenProcessPool

    from pebble import ProcessExpired

    return (ProcessExpired, BrokenProcessPool)


# --- in the worker process --------------------------------------------------------------

_analysers: dict[bool, Any] = {}


def _warm_up() -> None:
    _analyser(True).extractor  # noqa: B018 - loads spaCy before the first request's clock starts


def _analyser(frame: bool):
    if frame not in _analysers:
        from quotetrace.pipeline import Analyser

        _analysers[frame] = Analyser(frame=frame)
    return _analysers[frame]


def _analyse(document: Document, frame: bool) -> Article:
    return _analyser(frame).analyse(document)
