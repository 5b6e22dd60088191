"""Quote families against the hand-checked gold (bench/data/families_gold.jsonl).

Reproduce (PolNeAR train+dev, 924 articles; ingesting takes a while on 2 cores):

    .venv/bin/python bench/trace_eval.py --make-jsonl /tmp/polnear.jsonl
    .venv/bin/quotetrace ingest /tmp/polnear.jsonl --db /tmp/polnear.db --quiet
    .venv/bin/python bench/trace_eval.py --db /tmp/polnear.db

Each gold member (an article and a snippet of its quotation) is mapped to the stored
quote whose span overlaps the snippet most (words in quotation marks the extractor
attributed to nobody, kind "term", only when no quotation overlaps it more), then to
that quote's family (a mixed quote traced in fragments can be in several: the one whose
member covers the snippet); a member the extractor did not find as a quote stays
unmapped and loses its pairs.
Pairwise precision and recall are over pairs of gold members: "same family" in the
store against "same family" in the gold. Pairs that involve quotes outside the gold are
not judged. First appearance: the store's first member of the family holding most of a
gold family's members must be one of the gold's first articles (PolNeAR gives dates
without times: same-day members all count as first). ``trace`` latency is timed for one
query per gold family (its first snippet).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
GOLD = ROOT / "bench" / "data" / "families_gold.jsonl"
_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def make_jsonl(path: Path) -> int:
    with open(POLNEAR / "metadata.tsv", encoding="utf-8") as f:
        meta = {r["filename"]: r for r in csv.DictReader(f, delimiter="\t")}
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for comp in ("train", "dev"):
            for p in sorted((POLNEAR / comp / "text").glob("*.txt")):
                m = meta[p.stem]
                row = {"id": p.stem, "text": p.read_text(encoding="utf-8"), "title": m["title"],
                       "outlet": m["publisher"], "published": m["publication_date"],
                       "url": f"polnear://{comp}/{p.stem}"}  # fmt: skip
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
    return n


def _norm(text: str) -> str:
    return text.translate(_MARKS).replace("''", '"')


def map_members(conn, gold: list[dict]) -> dict[tuple[int, int], int | None]:
    """(family index, member index) -> stored quote id (None when no quote covers it)."""
    out: dict[tuple[int, int], int | None] = {}
    for f, fam in enumerate(gold):
        for k, m in enumerate(fam["members"]):
            row = conn.execute("SELECT id, text FROM articles WHERE ext_id = ?", (m["article"],)).fetchone()
            if row is None:
                out[f, k] = None
                continue
            text = _norm(row[1])
            start = text.find(_norm(m["text"]))
            if start < 0:
                raise SystemExit(f"gold snippet not in stored text: {m['article']}: {m['text']!r}")
            end = start + len(_norm(m["text"]))
            best, best_overlap = None, 0
            for qid, s, e in conn.execute(
                # Quoted words attributed to nobody ("term") only where no quotation covers more.
                "SELECT id, start_char, end_char FROM quotes WHERE article_id = ? ORDER BY kind = 'term', id",
                (row[0],),
            ):
                overlap = min(e, end) - max(s, start)
                if overlap > best_overlap:
                    best, best_overlap = qid, overlap
            out[f, k] = best
    return out


def family_of(conn, quote_id: int, snippet: str) -> int | None:
    """The family of a stored quote that holds the snippet: a mixed quote traced in fragments
    can be in several, one per fragment; the member whose words cover most of the snippet
    (the shortest of those) names it."""
    from quotetrace.trace.wording import words

    rows = conn.execute("SELECT family_id FROM family_members WHERE quote_id = ?", (quote_id,))
    fids = [r[0] for r in rows]
    if len(fids) < 2:
        return fids[0] if fids else None
    want = Counter(words(_norm(snippet)))

    def cover(fid: int) -> tuple[int, int, int]:
        body = json.loads(conn.execute("SELECT body FROM families WHERE id = ?", (fid,)).fetchone()[0])
        text = next(m["text"] for m in body["members"] if m["quote_id"] == quote_id)
        have = Counter(words(_norm(text)))
        return (-sum((have & want).values()), sum(have.values()), fid)

    return min(fids, key=cover)


def evaluate(conn, gold: list[dict]) -> dict:
    mapping = map_members(conn, gold)
    fam_of = {
        (f, k): None if qid is None else family_of(conn, qid, gold[f]["members"][k]["text"])
        for (f, k), qid in mapping.items()
    }
    keys = sorted(mapping)
    tp = fp = fn = 0
    for a, b in combinations(keys, 2):
        gold_same = a[0] == b[0]
        sys_same = fam_of[a] is not None and fam_of[a] == fam_of[b]
        tp += gold_same and sys_same
        fp += sys_same and not gold_same
        fn += gold_same and not sys_same
    first_ok, wrong = 0, []
    for f, fam in enumerate(gold):
        ids = Counter(fam_of[f, k] for k in range(len(fam["members"])) if fam_of[f, k] is not None)
        if ids:
            fid = min(ids, key=lambda i: (-ids[i], i))
            first = conn.execute(
                """SELECT a.ext_id FROM families f JOIN quotes q ON q.id = f.first_quote
                   JOIN articles a ON a.id = q.article_id WHERE f.id = ?""",
                (fid,),
            ).fetchone()[0]
            if first in fam["first"]:
                first_ok += 1
                continue
        wrong.append(fam["id"])
    return {
        "families": len(gold),
        "members": len(keys),
        "mapped": sum(q is not None for q in mapping.values()),
        "as_terms": sum(
            conn.execute("SELECT kind = 'term' FROM quotes WHERE id = ?", (q,)).fetchone()[0]
            for q in mapping.values()
            if q is not None
        ),
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "pairs": {"tp": tp, "fp": fp, "fn": fn},
        "first_accuracy": first_ok / len(gold),
        "first_wrong": wrong,
    }


def latency(conn, gold: list[dict]) -> dict:
    from quotetrace.store.family_reads import find

    times, found = [], 0
    for fam in gold:
        t0 = time.perf_counter()
        hits = find(conn, fam["members"][0]["text"])
        times.append(time.perf_counter() - t0)
        found += bool(hits)
    return {"queries": len(times), "max_s": max(times), "mean_s": sum(times) / len(times), "found": found}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="a store with PolNeAR train+dev ingested (families built on ingest)")
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--make-jsonl", metavar="PATH", help="write PolNeAR train+dev as ingest JSONL")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    if args.make_jsonl:
        print(f"{make_jsonl(Path(args.make_jsonl))} articles written to {args.make_jsonl}")
        return 0
    if not args.db:
        ap.error("--db is required")
    from quotetrace.store.db import connect

    with open(args.gold, encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    conn = connect(args.db)
    if conn.execute("SELECT count(*) FROM trace_quotes").fetchone()[0] == 0:
        print("no families in this store: run 'quotetrace trace --rebuild --db DB'", file=sys.stderr)
        return 1
    report = evaluate(conn, gold)
    report["latency"] = latency(conn, gold)
    report["articles"] = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    lat = report["latency"]
    print(
        f"gold: {report['families']} families, {report['members']} members "
        f"({report['mapped'] - report['as_terms']} found as quotes by the extractor, "
        f"{report['as_terms']} only as quoted words attributed to nobody), "
        f"store of {report['articles']} articles"
    )
    print(
        f"pairwise membership: precision {report['precision']:.3f}  recall {report['recall']:.3f}  "
        f"(tp {report['pairs']['tp']}, fp {report['pairs']['fp']}, fn {report['pairs']['fn']})"
    )
    print(
        f"first appearance: {report['first_accuracy']:.1%} right"
        + (f"; wrong: {', '.join(report['first_wrong'])}" if report["first_wrong"] else "")
    )
    print(f"trace latency: max {lat['max_s'] * 1000:.0f} ms, mean {lat['mean_s'] * 1000:.0f} ms "
          f"over {lat['queries']} queries ({lat['found']} found a family)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
