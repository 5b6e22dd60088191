"""Store reads that only the web pages need: the article list, ids by name, a speaker's record."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from quotetrace.records import flat
from quotetrace.store.db import from_row


@dataclass(slots=True)
class ArticleRow:
    id: int
    ext_id: str | None
    title: str | None
    outlet: str | None
    published: str | None
    n_quotes: int
    speakers: list[str]


def list_articles(
    conn: sqlite3.Connection, outlet: str = "", limit: int = 50, offset: int = 0
) -> tuple[int, list[ArticleRow]]:
    """Stored articles, newest first (undated last), with their most quoted speakers."""
    where, params = ("WHERE a.outlet = ? COLLATE NOCASE", [outlet]) if outlet else ("", [])
    total = conn.execute(f"SELECT count(*) FROM articles a {where}", params).fetchone()[0]
    rows = conn.execute(
        f"""SELECT a.id, a.ext_id, a.title, a.outlet, coalesce(a.published, a.published_raw) AS published,
                   a.n_quotes,
                   (SELECT json_group_array(name) FROM (
                        SELECT s.name FROM article_speakers x JOIN speakers s ON s.id = x.speaker_id
                        WHERE x.article_id = a.id AND x.quotes > 0
                        ORDER BY x.words DESC, s.name LIMIT 4)) AS speakers
            FROM articles a {where}
            ORDER BY a.published IS NULL, a.published DESC, a.id DESC
            LIMIT ? OFFSET ?""",
        [*params, max(0, limit), max(0, offset)],
    ).fetchall()
    return total, [from_row(ArticleRow, r, speakers=json.loads(r["speakers"])) for r in rows]


def article_id_for(conn: sqlite3.Connection, ref: str) -> int | None:
    """The store's number for ``ref``: the number itself, or the id that ``ingest`` reports."""
    row = conn.execute("SELECT id FROM articles WHERE ext_id = ?", (ref,)).fetchone()
    if row is not None:
        return row[0]
    if ref.isascii() and ref.isdigit() and len(ref) < 19:  # fits SQLite's 64-bit integer
        row = conn.execute("SELECT id FROM articles WHERE id = ?", (int(ref),)).fetchone()
        return row[0] if row is not None else None
    return None


@dataclass(slots=True)
class SpeakerQuote:
    article_id: int
    quote_index: int
    title: str | None
    outlet: str | None
    published: str | None
    kind: str
    text: str
    cue: str | None
    frame_class: str | None


@dataclass(slots=True)
class SpeakerRecord:
    name: str
    aliases: list[str]
    quotes: list[SpeakerQuote] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return len({q.article_id for q in self.quotes})

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "aliases": self.aliases, "quotes": [flat(q) for q in self.quotes]}


def speaker_record(conn: sqlite3.Connection, name: str) -> SpeakerRecord | None:
    """Everything stored for the speaker called ``name`` (case does not matter), oldest quote first."""
    row = conn.execute(
        "SELECT id, name FROM speakers WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1", (name,)
    ).fetchone()
    if row is None:
        return None
    aliases = [
        r[0]
        for r in conn.execute(
            "SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias", (row["id"],)
        )
        if r[0] != row["name"]
    ]
    quotes = [
        from_row(SpeakerQuote, r)
        for r in conn.execute(
            """SELECT q.article_id, q.idx AS quote_index, q.kind, q.text, a.title, a.outlet,
                      a.published, c.lemma AS cue, f.frame_class
               FROM quotes q JOIN articles a ON a.id = q.article_id
               LEFT JOIN cues c ON c.quote_id = q.id LEFT JOIN frames f ON f.quote_id = q.id
               WHERE q.speaker_id = ? AND q.kind != 'term'
               ORDER BY a.published IS NULL, a.published, q.article_id, q.idx""",
            (row["id"],),
        )
    ]
    return SpeakerRecord(name=row["name"], aliases=aliases, quotes=quotes)
