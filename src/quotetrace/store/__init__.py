"""The embedded quote store: one SQLite file with an FTS5 index, no server.

    from quotetrace.store import Store
    with Store.open("quotes.db", create=True) as store:
        store.ingest(["articles/"])
        for hit in store.search("ceasefire", Filters.parse(speaker="Okafor")).hits: ...

Everything is also reachable as plain functions over a connection
(``search.search``, ``write.add_article``, ``ingest.ingest``), which is what
the CLI and the web app use.
"""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotetrace.store.db import connect

if TYPE_CHECKING:
    from quotetrace.store.search import Filters, Hit, SearchResult, SpeakerCount, StoredArticle
    from quotetrace.store.write import ArticleMeta

__all__ = [
    "ArticleMeta",
    "Filters",
    "Hit",
    "SearchResult",
    "SpeakerCount",
    "Store",
    "StoredArticle",
]
# Loaded on first use: a command that only reads one table (``quotetrace trace``) should not
# pay for the search and write modules (and what they import) at start-up.
_WHERE = {"ArticleMeta": "quotetrace.store.write"} | dict.fromkeys(
    ("Filters", "Hit", "SearchResult", "SpeakerCount", "StoredArticle"), "quotetrace.store.search"
)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'quotetrace.store' has no attribute {name!r}")
    return getattr(importlib.import_module(_WHERE[name]), name)


class Store:
    """A thin object over one connection; use one Store per thread."""

    def __init__(self, conn: sqlite3.Connection, path: str):
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: str | Path, create: bool = False) -> Store:
        return cls(connect(path, create=create), str(path))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def add(self, article, meta: ArticleMeta | None = None) -> int:
        from quotetrace.store.write import ArticleMeta, add_article

        return add_article(self.conn, article, meta or ArticleMeta())

    def ingest(self, paths, analyser=None, on_item=None):
        from quotetrace.store.ingest import ingest
        from quotetrace.store.sources import discover, items

        return ingest(self.conn, items(discover(list(paths))), analyser, on_item)

    def search(self, query: str, filters: Filters | None = None, limit: int = 20, offset: int = 0):
        from quotetrace.store.search import search

        return search(self.conn, query, filters, limit, offset)

    def speakers(self, **kwargs) -> list[SpeakerCount]:
        from quotetrace.store.search import speakers

        return speakers(self.conn, **kwargs)

    def article(self, article_id: int) -> StoredArticle | None:
        from quotetrace.store.search import get_article

        return get_article(self.conn, article_id)

    def counts(self) -> dict[str, int]:
        from quotetrace.store.search import counts

        return counts(self.conn)
