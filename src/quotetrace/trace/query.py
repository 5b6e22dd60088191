"""Find families by the words of a quote: the query is matched against stored members with the
same rule as tracing (``relate.same_utterance``). The SQL it runs is ``store.family_reads``."""

from __future__ import annotations

import sqlite3

from quotetrace.errors import UsageError
from quotetrace.store.family_reads import family, member_quotes, quotes_with_grams
from quotetrace.trace.relate import same_utterance
from quotetrace.trace.wording import gram_keys, wording, words

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
