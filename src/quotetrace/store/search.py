"""Queries over the store: ranked full-text search, speaker counts, one article."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any

from quotetrace.errors import UsageError
from quotetrace.records import QUOTE_KINDS, Article, field_names
from quotetrace.speech_view import DEFAULT_ACTS, parse_acts, shown
from quotetrace.store.dates import parse_since, parse_until
from quotetrace.store.db import from_row
from quotetrace.store.query import to_fts_query
from quotetrace.store.speaker_merge import name_key

DEFAULT_KINDS: tuple[str, ...] = ("direct", "mixed", "indirect")
# highlight()/snippet() wrap matches in these; they cannot occur in stored text
# (ingest drops control characters), and each caller turns them into its own markup.
OPEN, CLOSE = "\x02", "\x03"
SNIPPET_TOKENS = 24


@dataclass(slots=True)
class Filters:
    speaker: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    kinds: tuple[str, ...] = DEFAULT_KINDS
    # The view (quotetrace.speech_view): reported speech by default, "all" for every attribution.
    acts: frozenset[str] = DEFAULT_ACTS

    @classmethod
    def parse(
        cls,
        speaker: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        kinds: list[str] | tuple[str, ...] | None = None,
        acts: str | None = None,
    ) -> Filters:
        """Validate user input (UsageError on a bad date, kind or act); blanks mean no filter
        (for ``acts``: the reported-speech view)."""
        try:
            chosen_acts = parse_acts(acts) if acts and acts.strip() else DEFAULT_ACTS
        except ValueError as exc:
            raise UsageError(f"--acts: {exc}") from None
        chosen: list[str] = []
        for item in kinds or ():
            chosen.extend(k.strip() for k in str(item).split(",") if k.strip())
        unknown = sorted(set(chosen) - set(QUOTE_KINDS))
        if unknown:
            raise UsageError(
                f"--kind: unknown kind(s) {', '.join(unknown)}; choose from {', '.join(QUOTE_KINDS)}"
            )
        return cls(
            speaker=(speaker or "").strip() or None,
            outlet=(outlet or "").strip() or None,
            since=parse_since(since) if since and since.strip() else None,
            until=parse_until(until) if until and until.strip() else None,
            kinds=tuple(dict.fromkeys(chosen)) or DEFAULT_KINDS,
            acts=chosen_acts,
        )


@dataclass(slots=True)
class Hit:
    quote_id: int
    article_id: int
    quote_index: int
    kind: str
    text: str
    speaker: str | None
    mention: str | None
    cue: str | None
    frame_class: str | None
    confidence: float
    start: int
    end: int
    article_ext_id: str | None
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    score: float | None = None
    matches: list[tuple[int, int]] = field(default_factory=list)
    snippet: str = ""
    snippet_matches: list[tuple[int, int]] = field(default_factory=list)
    # The content's pieces with their article offsets ({start, end, text}, as in the JSON
    # contract); ``text`` above is them joined with " … ".
    fragments: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["matches"] = [list(m) for m in self.matches]
        out["snippet_matches"] = [list(m) for m in self.snippet_matches]
        return out


@dataclass(slots=True)
class SearchResult:
    query: str
    fts_query: str | None
    total: int
    hits: list[Hit]
    offset: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "hits": [h.to_dict() for h in self.hits],
        }


def unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Strip highlight sentinels; return the plain text and the matched (start, end) spans."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    start: int | None = None
    for ch in marked:
        if ch == OPEN:
            start = pos
        elif ch == CLOSE:
            if start is not None and pos > start:
                spans.append((start, pos))
            start = None
        else:
            plain.append(ch)
            pos += 1
    return "".join(plain), spans


def _where(filters: Filters) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    clauses.append(f"q.kind IN ({', '.join('?' for _ in filters.kinds)})")
    params.extend(filters.kinds)
    if filters.speaker:
        key = name_key(filters.speaker)
        # Exact canonical name or alias, or the whole words of a canonical name
        # ("Mensah" finds "Daniel Mensah").
        clauses.append(
            """q.speaker_id IN (
                SELECT id FROM speakers WHERE key = ? OR (' ' || key || ' ') LIKE ? ESCAPE '\\'
                UNION SELECT speaker_id FROM speaker_aliases WHERE key = ?)"""
        )
        params.extend([key, "% " + _like_escape(key) + " %", key])
    if filters.outlet:
        clauses.append("a.outlet = ? COLLATE NOCASE")
        params.append(filters.outlet)
    if filters.since:
        clauses.append("a.published >= ?")
        params.append(filters.since)
    if filters.until:
        clauses.append("a.published < ?")
        params.append(filters.until)
    if "all" not in filters.acts:
        # The act is only in the stored article JSON (Quote.act, as ``extract`` printed it).
        act = "json_extract(a.article_json, '$.quotes[' || q.idx || '].act')"
        clauses.append(f"qt_shown(q.kind, q.text, {act}, s.name, s.type, q.mention, ?)")
        params.append(",".join(sorted(filters.acts)))
    return clauses, params


def _shown(kind, text, act, name, type_, mention, acts: str) -> int:
    """SQL function: the speech view's rule on a stored row, so that search filters exactly
    what ``extract`` shows."""
    speaker = {"name": name, "mention": mention, "type": type_ or "unknown"} if name or mention else None
    quote = {"kind": kind, "text": text, "speaker": speaker, "act": act or "speech"}
    return int(shown(quote, frozenset(acts.split(","))))


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_SELECT = """
    q.id AS quote_id, q.article_id, q.idx AS quote_index, q.kind, q.text, q.mention, q.confidence,
    q.start_char AS start, q.end_char AS "end", s.name AS speaker, c.text AS cue, f.frame_class,
    a.ext_id AS article_ext_id, a.title, a.outlet, a.published, a.url,
    json_extract(a.article_json, '$.quotes[' || q.idx || '].fragments') AS fragments
"""
_JOINS = """
    JOIN articles a ON a.id = q.article_id
    LEFT JOIN speakers s ON s.id = q.speaker_id
    LEFT JOIN cues c ON c.quote_id = q.id
    LEFT JOIN frames f ON f.quote_id = q.id
"""


def search(
    conn: sqlite3.Connection,
    query: str,
    filters: Filters | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchResult:
    """Quotes matching ``query`` (best bm25 first) and the filters; an empty query lists
    the filtered quotes, newest article first."""
    filters = filters or Filters()
    conn.create_function("qt_shown", 7, _shown, deterministic=True)
    fts = to_fts_query(query)
    clauses, params = _where(filters)
    if fts:
        sql_from = "quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid" + _JOINS
        clauses.insert(0, "quotes_fts MATCH ?")
        params.insert(0, fts)
        extra = (
            f", highlight(quotes_fts, 0, '{OPEN}', '{CLOSE}') AS marked"
            f", snippet(quotes_fts, 0, '{OPEN}', '{CLOSE}', '…', {SNIPPET_TOKENS}) AS snip"
            ", bm25(quotes_fts) AS score"
        )
        order = "score, a.published DESC, q.id"
    else:
        sql_from = "quotes q" + _JOINS
        extra = ", NULL AS marked, NULL AS snip, NULL AS score"
        order = "a.published IS NULL, a.published DESC, q.article_id DESC, q.idx"
    where = " AND ".join(clauses)
    try:
        total = conn.execute(f"SELECT count(*) FROM {sql_from} WHERE {where}", params).fetchone()[0]
        rows = conn.execute(
            f"SELECT {_SELECT}{extra} FROM {sql_from} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, max(0, int(limit)), max(0, int(offset))],
        ).fetchall()
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
            raise UsageError(f"cannot search for {query!r}: {exc}") from exc
        raise
    hits = [_hit(r) for r in rows]
    return SearchResult(query=query, fts_query=fts, total=total, hits=hits, offset=max(0, offset))


def _hit(row: sqlite3.Row) -> Hit:
    text, matches = unmark(row["marked"]) if row["marked"] is not None else (row["text"], [])
    snippet, snippet_matches = unmark(row["snip"]) if row["snip"] is not None else (text, [])
    return from_row(
        Hit,
        row,
        text=text,
        confidence=round(row["confidence"], 3),
        score=None if row["score"] is None else round(-row["score"], 4),
        matches=matches,
        snippet=snippet,
        snippet_matches=snippet_matches,
        fragments=_fragments(row),
    )


def _fragments(row: sqlite3.Row) -> list[dict[str, Any]]:
    # A quote stored before fragments existed is one piece: its whole extent. The JSON is read
    # by position (idx), so pieces outside the row's extent belong to another quote: not used.
    stored = json.loads(row["fragments"]) if row["fragments"] else None
    start, end = row["start"], row["end"]
    if stored and start <= stored[0]["start"] and stored[-1]["end"] <= end:
        return stored
    return [{"start": start, "end": end, "text": row["text"]}]


@dataclass(slots=True)
class SpeakerCount:
    name: str
    quotes: int
    articles: int
    words: int
    outlets: int
    last_published: str | None
    aliases: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def speakers(
    conn: sqlite3.Connection,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> list[SpeakerCount]:
    """Speakers with how often they are quoted, most quoted first."""
    clauses: list[str] = ["1"]
    params: list[Any] = []
    if outlet and outlet.strip():
        clauses.append("a.outlet = ? COLLATE NOCASE")
        params.append(outlet.strip())
    if since and since.strip():
        clauses.append("a.published >= ?")
        params.append(parse_since(since))
    if until and until.strip():
        clauses.append("a.published < ?")
        params.append(parse_until(until))
    sql = f"""
        SELECT s.id, s.name, sum(x.quotes) AS quotes, count(*) AS articles,
               sum(x.words) AS words, count(DISTINCT a.outlet) AS outlets,
               max(a.published) AS last_published,
               (SELECT json_group_array(alias) FROM
                   (SELECT alias FROM speaker_aliases WHERE speaker_id = s.id ORDER BY alias)
               ) AS aliases
        FROM article_speakers x
        JOIN speakers s ON s.id = x.speaker_id
        JOIN articles a ON a.id = x.article_id
        WHERE {" AND ".join(clauses)}
        GROUP BY s.id
        HAVING sum(x.quotes) > 0
        ORDER BY quotes DESC, words DESC, s.name
    """
    if limit is not None:
        sql += " LIMIT ?"
        params.append(max(0, int(limit)))
    return [
        from_row(SpeakerCount, r, aliases=[a for a in json.loads(r["aliases"]) if a != r["name"]])
        for r in conn.execute(sql, params)
    ]


@dataclass(slots=True)
class StoredArticle:
    id: int
    ext_id: str | None
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    source: str | None
    ingested_at: str
    article: Article

    def meta_dict(self) -> dict[str, Any]:
        return {n: getattr(self, n) for n in field_names(StoredArticle) if n != "article"}


def get_article(conn: sqlite3.Connection, article_id: int) -> StoredArticle | None:
    row = conn.execute(
        """SELECT id, ext_id, title, url, outlet, coalesce(published, published_raw) AS published,
                  source, ingested_at, article_json FROM articles WHERE id = ?""",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    return from_row(StoredArticle, row, article=Article.from_dict(json.loads(row["article_json"])))


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    one = conn.execute(
        """SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quotes),
                  (SELECT count(*) FROM speakers), (SELECT count(DISTINCT outlet) FROM articles)"""
    ).fetchone()
    return {"articles": one[0], "quotes": one[1], "speakers": one[2], "outlets": one[3]}


def outlets(conn: sqlite3.Connection) -> list[str]:
    return [
        r[0]
        for r in conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet")
    ]
