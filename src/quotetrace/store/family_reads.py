"""Read the quote families the store keeps (``store.families`` writes them): by id, by quote,
by article, by spread, and by a quote's words (``find``: the query is matched against stored
members with the same rule as tracing, ``trace.relate.same_utterance``).

``quotetrace trace TEXT`` reads families through this module and must not load the clustering
code (numpy, datasketch) that ``store.families`` needs to write them: from the trace stage it
takes only the word matching (``trace.relate``, ``trace.wording``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from quotetrace.errors import UsageError
from quotetrace.trace.relate import same_utterance
from quotetrace.trace.wording import gram_keys, wording, words


def _family(row: sqlite3.Row) -> dict:
    body = json.loads(row["body"])
    return {"id": row["id"], **body}


def family(conn: sqlite3.Connection, family_id: int) -> dict | None:
    row = conn.execute("SELECT id, body FROM families WHERE id = ?", (family_id,)).fetchone()
    return _family(row) if row else None


def family_of_quote(conn: sqlite3.Connection, quote_id: int) -> int | None:
    row = conn.execute("SELECT family_id FROM family_members WHERE quote_id = ?", (quote_id,)).fetchone()
    return row[0] if row else None


def families_of_article(conn: sqlite3.Connection, article_id: int) -> dict[int, tuple[int, int]]:
    """Quote idx -> (family id, outlets in the family), for an article page's links."""
    rows = conn.execute(
        """SELECT q.idx, f.id, f.n_outlets FROM quotes q
           JOIN family_members m ON m.quote_id = q.id JOIN families f ON f.id = m.family_id
           WHERE q.article_id = ?""",
        (article_id,),
    )
    return {idx: (fid, n) for idx, fid, n in rows}


def top(conn: sqlite3.Connection, n: int) -> list[dict]:
    """The families that spread furthest: most outlets, then most members, then earliest."""
    if n < 1:
        raise UsageError("--top must be 1 or more")
    rows = conn.execute(
        """SELECT id, body FROM families
           ORDER BY n_outlets DESC, n_members DESC, published IS NULL, published, id LIMIT ?""",
        (n,),
    )
    return [_family(r) for r in rows]


def quotes_with_grams(conn: sqlite3.Connection, grams: Sequence[int]) -> set[int]:
    """Traced quotations holding any of these 3-gram keys (``trace.wording.gram_keys``)."""
    found = conn.execute(
        f"SELECT DISTINCT quote_id FROM trace_grams WHERE gram IN ({','.join('?' * len(grams))})", grams
    )
    return {r[0] for r in found}


def member_quotes(conn: sqlite3.Connection, quote_ids: Sequence[int]) -> list[tuple[int, str, str]]:
    """(family id, kind, text) of each family membership of these quotes."""
    marks = ",".join("?" * len(quote_ids))
    return conn.execute(
        f"""SELECT m.family_id, q.kind, q.text FROM family_members m JOIN quotes q ON q.id = m.quote_id
            WHERE m.quote_id IN ({marks})""",
        quote_ids,
    ).fetchall()


def kinds(conn: sqlite3.Connection, families: list[dict]) -> dict[int, str]:
    """Quote id -> kind (direct, mixed, indirect) of every member of ``families``."""
    ids = sorted({m["quote_id"] for fam in families for m in fam["members"]})
    rows = conn.execute(f"SELECT id, kind FROM quotes WHERE id IN ({','.join('?' * len(ids))})", ids)
    return dict(rows.fetchall())


MAX_QUERY_CHARS = 5000


def find(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[dict]:
    """Families with a member that is the same utterance as ``text`` (or contains it)."""
    text = (text or "").strip()
    if not text:
        raise UsageError("give the words of a quote to trace")
    if len(text) > MAX_QUERY_CHARS:
        raise UsageError(f"the quote to trace is over {MAX_QUERY_CHARS} characters")
    query = wording("direct", text)
    ws = words(query)
    if not ws:
        raise UsageError("the quote to trace has no words")
    # Any traced quotation sharing a 3-gram with the query: a query is usually a few words
    # of a quotation (bands would need MinHash, and datasketch's import is slow).
    grams = gram_keys(ws)
    ids = quotes_with_grams(conn, grams)
    if not ids:
        return []
    rows = member_quotes(conn, sorted(ids))
    scores: dict[int, float] = {}
    for fid, kind, qtext in rows:
        if fid in scores:
            continue
        member = wording(kind, qtext)
        # The query is usually short: it only has to be part of some member, closely.
        score = same_utterance("direct", query, kind, member, partial=len(ws) < len(words(member)))
        if score is not None:
            scores[fid] = score
    ranked = sorted(scores, key=lambda f: (-scores[f], f))[:limit]
    return [f for f in (family(conn, fid) for fid in ranked) if f is not None]


def result(query: str | None, families: list[dict], sources: list[str] | None = None) -> dict:
    """The JSON contract of ``quotetrace trace`` and ``/api/trace``; ``sources`` (the names of
    the transcripts the members were checked against) only when there were some."""
    return {"query": query, **({"sources": sources} if sources else {}), "families": families}
