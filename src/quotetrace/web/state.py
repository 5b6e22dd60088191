"""What every request handler shares: the store path, the size limit, the extraction lock."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from quotetrace.ingest import Document
from quotetrace.pipeline import Analyser
from quotetrace.records import Article
from quotetrace.web.workers import ExtractionPool

MAX_REQUEST_BYTES = 2_000_000


@dataclass
class AppState:
    db: str | None = None
    frame: bool = True
    max_bytes: int = MAX_REQUEST_BYTES
    # spaCy pipelines are not meant to run concurrently: extraction requests take turns,
    # while searches (SQLite readers under WAL) run in parallel.
    extract_lock: threading.Lock = field(default_factory=threading.Lock)
    analysers: dict[bool, Analyser] = field(default_factory=dict, repr=False)
    # Worker processes for extraction (web/workers.py); None analyses in this process.
    pool: ExtractionPool | None = field(default=None, repr=False)

    @property
    def db_name(self) -> str | None:
        return Path(self.db).name if self.db else None

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """A fresh connection per request: sqlite3 connections are cheap and not shared."""
        from quotetrace.store.db import connect

        if not self.db:
            raise NoStore()
        conn = connect(self.db)
        try:
            yield conn
        finally:
            conn.close()

    def analyse(self, document: Document, frame: bool | None = None) -> Article:
        frame = self.frame if frame is None else frame
        if self.pool is not None:
            return self.pool.analyse(document, frame)
        with self.extract_lock:
            if frame not in self.analysers:
                self.analysers[frame] = Analyser(frame=frame)
            return self.analysers[frame].analyse(document)


class NoStore(Exception):
    """A store page or endpoint was asked for while the server runs without --db."""

    message = "no database: start the server with 'quotetrace serve --db quotes.db'"
