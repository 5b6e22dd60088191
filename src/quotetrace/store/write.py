"""Write analysed articles into the store, one transaction per article."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from functools import lru_cache

from quotetrace.records import Article, Quote
from quotetrace.store.dates import normalise_published
from quotetrace.store.db import transaction
from quotetrace.store.speaker_merge import article_speakers, name_key
from quotetrace.text.lexicon import words


@dataclass(slots=True)
class ArticleMeta:
    """What the store knows about an article besides its analysis."""

    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    source: str | None = None


def content_hash(text: str) -> str:
    """Whitespace-insensitive: the same article re-wrapped or re-indented is the same article."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _pronouns() -> frozenset[str]:
    return words("pronouns.txt")


def find_existing(conn: sqlite3.Connection, ext_id: str | None, digest: str) -> tuple[int, str] | None:
    """(article id, "id" | "content") when the article is already stored."""
    if ext_id is not None:
        row = conn.execute("SELECT id FROM articles WHERE ext_id = ?", (ext_id,)).fetchone()
        if row:
            return row[0], "id"
    row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
    return (row[0], "content") if row else None


def add_article(conn: sqlite3.Connection, article: Article, meta: ArticleMeta) -> int:
    """Insert the article with its quotes, cues, frames and speakers; returns its row id.

    Everything happens in one transaction: readers and a crash see all of it or none.
    """
    published = normalise_published(meta.published)
    raw_published = None if published or meta.published is None else str(meta.published)
    with transaction(conn):
        article_id = conn.execute(
            """INSERT INTO articles (ext_id, content_hash, title, url, outlet, published,
                   published_raw, source, text, n_quotes, n_words, headline_check, balance,
                   article_json, ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                meta.id,
                content_hash(article.text),
                meta.title or article.title,
                meta.url,
                meta.outlet,
                published,
                raw_published,
                meta.source,
                article.text,
                len(article.quotes),
                len(article.text.split()),
                _json_or_none(article.headline_check),
                _json_or_none(article.balance),
                article.to_json(),
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        ).lastrowid
        assert article_id is not None  # sqlite3 sets lastrowid after an INSERT
        speaker_ids = _add_speakers(conn, article_id, article)
        for quote in article.quotes:
            _add_quote(conn, article_id, quote, speaker_ids)
    return article_id


def _json_or_none(record) -> str | None:
    return None if record is None else json.dumps(record.to_dict(), ensure_ascii=False)


def _speaker_id(conn: sqlite3.Connection, name: str, cache: dict[str, int]) -> int | None:
    key = name_key(name)
    if not key:
        return None
    if key not in cache:
        cache[key] = conn.execute(
            """INSERT INTO speakers (key, name) VALUES (?, ?)
               ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING id""",
            (key, name.strip()),
        ).fetchone()[0]
    return cache[key]


def _add_alias(conn: sqlite3.Connection, speaker_id: int, alias: str) -> None:
    key = name_key(alias)
    if key and key not in _pronouns():
        conn.execute(
            "INSERT OR IGNORE INTO speaker_aliases (speaker_id, key, alias) VALUES (?, ?, ?)",
            (speaker_id, key, alias.strip()),
        )


def _add_speakers(conn: sqlite3.Connection, article_id: int, article: Article) -> dict[str, int]:

    ids: dict[str, int] = article_speakers(conn, article_id, article)
    airtime: dict[int, list[int]] = {}
    for speaker in article.speakers:
        sid = _speaker_id(conn, speaker.name, ids)
        if sid is None:
            continue
        for alias in speaker.aliases:
            _add_alias(conn, sid, alias)
        counts = airtime.setdefault(sid, [0, 0])
        counts[0] += speaker.quotes
        counts[1] += speaker.words
    # A quote whose speaker the article's speaker list forgot still counts for that speaker.
    for quote in article.quotes:
        if quote.speaker is None:
            continue
        sid = _speaker_id(conn, quote.speaker.name, ids)
        if sid is None:
            continue
        _add_alias(conn, sid, quote.speaker.mention)
        if sid not in airtime:
            airtime[sid] = [0, 0]
            for q in article.quotes:
                if q.speaker and name_key(q.speaker.name) == name_key(quote.speaker.name):
                    airtime[sid][0] += 1
                    airtime[sid][1] += q.content_words()
    conn.executemany(
        "INSERT INTO article_speakers (article_id, speaker_id, quotes, words) VALUES (?, ?, ?, ?)",
        [(article_id, sid, q, w) for sid, (q, w) in airtime.items()],
    )
    return ids


def _add_quote(conn: sqlite3.Connection, article_id: int, quote: Quote, ids: dict[str, int]) -> None:
    speaker_id = _speaker_id(conn, quote.speaker.name, ids) if quote.speaker else None
    quote_id = conn.execute(
        """INSERT INTO quotes (article_id, idx, kind, text, start_char, end_char, speaker_id,
               mention, continuation, confidence)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            article_id,
            quote.id,
            quote.kind,
            # The content as read: the index, search hits and trace never see the narration between
            # fragments ('"A," she said, "B."'); the offsets stay the whole extent, and the
            # fragments themselves are in articles.article_json.
            quote.content_text(),
            quote.start,
            quote.end,
            speaker_id,
            quote.speaker.mention if quote.speaker else None,
            int(quote.continuation),
            float(quote.confidence),
        ),
    ).lastrowid
    if quote.cue is not None:
        cue = quote.cue
        conn.execute(
            "INSERT INTO cues (quote_id, text, lemma, start_char, end_char) VALUES (?, ?, ?, ?, ?)",
            (quote_id, cue.text, cue.lemma, cue.start, cue.end),
        )
    if quote.frame is not None:
        frame = quote.frame
        conn.execute(
            "INSERT INTO frames (quote_id, frame_class, veridicality, markers) VALUES (?, ?, ?, ?)",
            (
                quote_id,
                frame.cls,
                frame.veridicality,
                json.dumps([asdict(m) for m in frame.markers], ensure_ascii=False),
            ),
        )
