"""Open a store database: WAL journal, foreign keys, schema migrated to the latest version;
read its rows into records."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from quotetrace.errors import InputError
from quotetrace.records import field_names
from quotetrace.store.schema import LATEST_VERSION, MIGRATIONS, OWN_TABLES, Migration

BUSY_TIMEOUT_S = 30.0
R = TypeVar("R")


def connect(path: str | Path, *, create: bool = False) -> sqlite3.Connection:
    """A connection with the schema up to date; ``create`` allows a new file.

    Connections are in autocommit mode: writers group their statements with
    ``transaction()`` so that a reader (or a process killed mid-ingest) never
    sees half an article.
    """
    path = str(path)
    if path != ":memory:":
        p = Path(path)
        if p.is_dir():
            raise InputError(f"{p} is a folder, not a database file")
        if not p.exists():
            if not create:
                raise InputError(f"{p}: no such database (create one with 'quotetrace ingest PATH --db {p}')")
            if not p.parent.exists():
                raise InputError(f"{p}: folder {p.parent} does not exist")
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise InputError(f"{path}: cannot open database ({exc})") from exc
    try:
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL is durable across process crashes in WAL mode (only an OS crash may lose
        # the last commits, never corrupt the file), and much faster than FULL.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise InputError(f"{path}: not a quotetrace database ({exc})") from exc
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection, immediate: bool = True) -> Iterator[sqlite3.Connection]:
    """BEGIN ... COMMIT, or ROLLBACK on any error (including KeyboardInterrupt)."""
    conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def from_row(record: type[R], row: sqlite3.Row, **values: Any) -> R:
    """A ``record`` dataclass from the columns of ``row`` named like its fields; ``values`` give
    the fields that need converting (JSON text, nested records) or have no column."""
    return record(**{n: row[n] for n in field_names(record) if n not in values}, **values)


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = LATEST_VERSION) -> int:
    """Apply pending migrations up to ``target`` in one transaction; returns the version."""
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise InputError(
            f"database schema version {current} is newer than this quotetrace knows "
            f"({LATEST_VERSION}); upgrade quotetrace"
        )
    if current >= target:
        return current
    with transaction(conn):
        # Re-read inside the write lock: another process may have migrated meanwhile.
        current = schema_version(conn)
        if current == 0:
            _refuse_foreign(conn)
        for migration in MIGRATIONS:
            if current < migration.version <= target:
                _apply(conn, migration)
                current = migration.version
    return current


def _refuse_foreign(conn: sqlite3.Connection) -> None:
    tables = {
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not r[0].startswith("sqlite_")
    }
    if tables and not tables <= OWN_TABLES:
        raise InputError(
            "this SQLite file holds other tables and no quotetrace schema: "
            "refusing to write into it; give a new file"
        )


def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
    # executescript() would COMMIT first and break the transaction, so statements are
    # split with SQLite's own completeness test (which understands trigger bodies).
    buffer = ""
    for line in migration.sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            conn.execute(buffer)
            buffer = ""
    if buffer.strip():
        raise ValueError(f"migration {migration.version}: incomplete statement {buffer!r}")
    conn.execute(f"PRAGMA user_version = {int(migration.version)}")
