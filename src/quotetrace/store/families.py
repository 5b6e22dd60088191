"""Quote families (``quotetrace.trace``) in the SQLite store, kept up to date as articles are ingested.

``trace_articles`` sketches each new quote once (``trace_quotes`` remembers which
are done, so an article ingested or traced twice adds nothing), finds candidates
through the stored LSH bands and 3-grams, keeps the accepted links, then rebuilds
only the region of the link graph the new quotes touch, with the same pure
functions as the batch (``quotetrace.trace.cluster`` and ``quotetrace.trace.families``):
the families are a function of the links, whatever order the articles came in.
``store.ingest`` calls ``trace_articles`` after storing each article.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from quotetrace.store.db import transaction
from quotetrace.trace.cluster import ANCHOR_BUCKET, MAX_BUCKET, Sketch, assemble, link, sketches
from quotetrace.trace.families import Family, families
from quotetrace.trace.wording import QuoteRec

ANCHOR = 1 << 40  # anchor rows of trace_grams: the 3-gram hash (32 bits) moved past its range

_REC_SQL = """
    SELECT q.id, q.idx, q.kind, q.text, q.article_id, a.ext_id, a.outlet, a.published, a.url,
           s.name AS speaker
    FROM quotes q JOIN articles a ON a.id = q.article_id
    LEFT JOIN speakers s ON s.id = q.speaker_id
"""


def _rec(row: sqlite3.Row) -> QuoteRec:
    article = row["ext_id"] or str(row["article_id"])
    return QuoteRec(
        key=f"{article}#{row['idx']}", article=article, kind=row["kind"], text=row["text"],
        outlet=row["outlet"], published=row["published"], url=row["url"],
        speaker=row["speaker"], quote_id=row["id"], article_id=row["article_id"],
    )  # fmt: skip


def load(conn: sqlite3.Connection, quote_ids: Iterable[int]) -> dict[int, QuoteRec]:
    ids = sorted(set(quote_ids))
    out: dict[int, QuoteRec] = {}
    for k in range(0, len(ids), 500):
        part = ids[k : k + 500]
        sql = f"{_REC_SQL} WHERE q.id IN ({','.join('?' * len(part))})"
        out.update((r["id"], _rec(r)) for r in conn.execute(sql, part))
    return out


def trace_articles(conn: sqlite3.Connection, article_ids: Iterable[int]) -> int:
    """Add the quotes of these stored articles to the families; returns quotes newly traced."""
    new: list[int] = []
    for article_id in article_ids:
        rows = conn.execute(
            f"{_REC_SQL} WHERE q.article_id = ? AND q.id NOT IN (SELECT quote_id FROM trace_quotes)"
            " ORDER BY q.idx",
            (article_id,),
        ).fetchall()
        if not rows:
            continue
        with transaction(conn):
            new += _add_quotes(conn, [_rec(r) for r in rows])
    if new:
        with transaction(conn):
            _refresh(conn, new)
    return len(new)


def _add_quotes(conn: sqlite3.Connection, recs: list[QuoteRec]) -> list[int]:
    """Sketch, store and link quotes; every quote is marked traced, even one too short.
    A quote is traced as its units (``wording.units``): itself, and the fragments of a
    mixed quote the reporter's sentence joins; a link names the unit (``piece``)."""
    done: list[int] = []
    for rec in recs:
        units = sketches(rec)
        conn.execute(
            "INSERT OR IGNORE INTO trace_quotes (quote_id, n_words, partial) VALUES (?, ?, ?)",
            (rec.quote_id, units[0].n_words if units else 0, int(units[0].partial) if units else 0),
        )
        if not units:
            continue
        others = [_candidates(conn, s) for s in units]
        conn.executemany("INSERT OR IGNORE INTO trace_bands VALUES (?, ?)",
                         [(k, rec.quote_id) for s in units for k in s.bands])  # fmt: skip
        conn.executemany("INSERT OR IGNORE INTO trace_grams VALUES (?, ?)",
                         [(g, rec.quote_id) for s in units for g in s.grams]
                         + [(g + ANCHOR, rec.quote_id) for s in units for g in s.anchors])  # fmt: skip
        for s, found in zip(units, others, strict=True):
            for other in found:
                score = link(s, other)
                if score is not None:
                    a, b = sorted(((_row_id(s.rec), s.rec.piece), (_row_id(other.rec), other.rec.piece)))
                    conn.execute("INSERT OR REPLACE INTO trace_links VALUES (?, ?, ?, ?, ?)", (*a, *b, score))
        done.append(_row_id(rec))
    return done


def _row_id(rec: QuoteRec) -> int:
    """The store row of a quote read from the store (a ``QuoteRec`` may also come from elsewhere)."""
    if rec.quote_id is None:
        raise ValueError("a quote without a store row id cannot be traced in the store")
    return rec.quote_id


def _candidates(conn: sqlite3.Connection, s: Sketch) -> list[Sketch]:
    """Units of stored quotes sharing a band, or holding an anchor 3-gram of the other; the
    same rule as ``cluster.candidate_pairs``, buckets over ``MAX_BUCKET`` (boilerplate) included.
    Keys are stored by quote: the rule is checked again on each unit of a quote found."""
    ids: set[int] = set()
    bands: set[int] = set()
    for key in s.bands:
        hits = [
            r[0]
            for r in conn.execute(
                "SELECT quote_id FROM trace_bands WHERE key = ? LIMIT ?", (key, MAX_BUCKET + 1)
            )
        ]
        if len(hits) < MAX_BUCKET:  # with this quote the bucket holds len(hits) + 1
            ids.update(hits)
            bands.add(key)
    ids.update(_holders_of(conn, s.anchors, s.partial))  # this unit inside longer ones
    counts: dict[int, int] = {}

    def count(gram: int) -> int:
        if gram not in counts:
            counts[gram] = _count(conn, gram)
        return counts[gram]

    grams = set(s.grams)  # shorter ones inside this unit: their anchors, if not common
    marks = ",".join("?" * len(grams))
    found = conn.execute(
        f"SELECT quote_id, gram FROM trace_grams WHERE gram IN ({marks})", [g + ANCHOR for g in grams]
    ).fetchall() if grams else []  # fmt: skip
    ids.update(other for other, gram in found if count(gram - ANCHOR) < MAX_BUCKET)
    ids.discard(_row_id(s.rec))

    def inside(short: Sketch, long: Sketch) -> bool:
        held = set(long.grams)
        if short.partial:  # a partial unit: any of its anchors held there, if not common
            return any(a in held and count(a) < ANCHOR_BUCKET for a in short.anchors)
        return bool(short.anchors) and all(a in held and count(a) < MAX_BUCKET for a in short.anchors)

    return [
        o
        for rec in load(conn, ids).values()
        for o in sketches(rec)
        if bands.intersection(o.bands) or inside(s, o) or inside(o, s)
    ]


def _count(conn: sqlite3.Connection, gram: int) -> int:
    """Stored quotations holding a 3-gram, up to ``MAX_BUCKET`` + 1."""
    return conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM trace_grams WHERE gram = ? LIMIT ?)", (gram, MAX_BUCKET + 1)
    ).fetchone()[0]


def _holders_of(conn: sqlite3.Connection, anchors: list[int], partial: bool) -> set[int]:
    """Stored quotations that may hold a quotation with these anchors: the rule of
    ``cluster._anchored``; counts leave out the quotation being added, the batch's do not."""
    lists = []
    for a in anchors:
        cap = ANCHOR_BUCKET if partial else MAX_BUCKET
        hits = [r[0] for r in conn.execute(
            "SELECT quote_id FROM trace_grams WHERE gram = ? LIMIT ?", (a, cap + 1))]  # fmt: skip
        lists.append(set(hits) if len(hits) < cap else None)
    if partial:
        return set().union(*(h for h in lists if h is not None))
    found = [h for h in lists if h is not None]
    if not found or len(found) < len(lists):
        return set()
    return set.intersection(*found)


def _refresh(conn: sqlite3.Connection, seeds: list[int]) -> None:
    """Recompute the families of the link-graph region reachable from ``seeds``."""
    region, frontier = set(seeds), list(seeds)
    while frontier:
        q = frontier.pop()
        for (other,) in conn.execute(
            "SELECT b FROM trace_links WHERE a = ? UNION SELECT a FROM trace_links WHERE b = ?",
            (q, q),
        ):
            if other not in region:
                region.add(other)
                frontier.append(other)
    marks = ",".join("?" * len(region))
    ids = sorted(region)
    edges = conn.execute(
        f"SELECT a, pa, b, pb, score FROM trace_links WHERE a IN ({marks}) AND b IN ({marks})", ids + ids
    ).fetchall()
    units = {(_row_id(u.rec), u.rec.piece): u for rec in load(conn, region).values() for u in sketches(rec)}
    groups = assemble(
        {u.rec.key: u.partial for u in units.values()},
        [
            (units[a, pa].rec.key, units[b, pb].rec.key, s)
            for a, pa, b, pb, s in edges
            if (a, pa) in units and (b, pb) in units
        ],
    )
    old = {r[0] for r in conn.execute(
        f"SELECT DISTINCT family_id FROM family_members WHERE quote_id IN ({marks})", ids)}  # fmt: skip
    for fid in old:
        conn.execute("DELETE FROM families WHERE id = ?", (fid,))  # members go by cascade
    for family in families(groups, {u.rec.key: u.rec for u in units.values()}):
        write_family(conn, family)


def write_family(conn: sqlite3.Connection, family: Family) -> int:
    """Stored under the row id of its first member's quote (moved past the quote ids, by its
    fragment number, when the first member is a fragment: one quote may be first of two)."""
    first, members, body = family.first, family.members, family.body
    fid = _row_id(first) + (first.piece << 40)
    conn.execute(
        """INSERT INTO families (id, text, n_members, n_outlets, first_quote, published,
               misattribution, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        (fid, body["text"], len(members), len(body["outlets"]), first.quote_id,
         first.published, int(body["misattribution"]), json.dumps(body, ensure_ascii=False)),
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO family_members (quote_id, family_id) VALUES (?, ?)",
        [(m.quote_id, fid) for m in members],
    )
    return fid


def rebuild(conn: sqlite3.Connection, progress=None) -> int:
    """Forget all families and trace every stored article again; returns families made."""
    with transaction(conn):
        for table in ("family_members", "families", "trace_links", "trace_grams", "trace_bands",
                      "trace_quotes"):  # fmt: skip
            conn.execute(f"DELETE FROM {table}")
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    new: list[int] = []
    for n, article_id in enumerate(ids, 1):
        rows = conn.execute(f"{_REC_SQL} WHERE q.article_id = ? ORDER BY q.idx", (article_id,))
        with transaction(conn):
            new += _add_quotes(conn, [_rec(r) for r in rows])
        if progress is not None:
            progress(n, len(ids))
    with transaction(conn):
        if new:
            _refresh(conn, new)
    return conn.execute("SELECT count(*) FROM families").fetchone()[0]
