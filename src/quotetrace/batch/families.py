"""Quote families over ``quotetrace batch`` output, with Dask: for corpora past one machine.

The same pure functions as the store (``quotetrace.trace.cluster``, ``quotetrace.trace.families``),
spread out:

1. each Parquet partition of quotes (joined with its articles' outlet and date) is
   sketched where it lies: wording, word count, LSH bands, 3-grams;
2. every (band or 3-gram, quotation) pair is shuffled by key: a bucket of 2 to
   ``MAX_BUCKET`` quotations yields the candidate pairs (for 3-grams, up to
   ``ANCHOR_BUCKET``: a quotation under
   ``GRAM_WORDS`` words with each quotation holding its first or last 3-gram, as in the
   store);
3. the sketches (words and keys, no article text) come back to the driver with the
   distinct pairs; the pairs are aligned in parallel, the dear part, and only accepted
   links come back;
4. links are few: the driver assembles the families and describes them.

``python -m quotetrace.batch.families OUT [--scheduler tcp://HOST:PORT] > families.jsonl``
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

from quotetrace.trace.cluster import ANCHOR_BUCKET, MAX_BUCKET, Sketch, assemble, link
from quotetrace.trace.cluster import sketches as sketch_units
from quotetrace.trace.families import families as families_of
from quotetrace.trace.wording import QuoteRec

QUOTE_COLUMNS = ["article_id", "quote_id", "kind", "text", "speaker_name"]
ARTICLE_COLUMNS = ["id", "status", "outlet", "published", "url"]


def _recs(quotes, articles) -> list[QuoteRec]:
    """One partition of the quotes table (pandas) -> QuoteRec, keyed as the store keys them."""
    from quotetrace.store.dates import normalise_published

    meta = articles.set_index("id")
    out = []
    for row in quotes.itertuples(index=False):
        if row.article_id not in meta.index:
            continue
        art = meta.loc[row.article_id]
        out.append(QuoteRec(
            key=f"{row.article_id}#{int(row.quote_id)}", article=row.article_id, kind=row.kind,
            text=row.text, outlet=_str(art["outlet"]), published=normalise_published(_str(art["published"])),
            url=_str(art["url"]), speaker=_str(row.speaker_name),
        ))  # fmt: skip
    return out


def _str(value) -> str | None:
    return value if isinstance(value, str) and value else None


def _emit(sk: Sketch) -> list[tuple[str, tuple]]:
    """(bucket key, entry): bands, 3-grams held ("h") and anchors sought ("n", with what
    the rule of ``cluster._anchored`` needs: partial or not, how many anchors)."""
    keys = [(f"b{k}", ("b", sk.rec.key)) for k in sk.bands]
    keys += [(f"g{g}", ("h", sk.rec.key)) for g in sk.grams]
    return keys + [(f"g{g}", ("n", sk.rec.key, sk.partial, len(sk.anchors))) for g in sk.anchors]


def _bucket_pairs(item) -> list[tuple]:
    """Candidates of one bucket: ("pair", a, b), or ("half", S, X, anchors of S) for a longer S,
    which must be found in X through all its anchors."""
    _, entries = item
    bands = sorted({e[1] for e in entries if e[0] == "b"})
    if bands:
        return [("pair", a, b) for a, b in combinations(bands, 2)] if len(bands) <= MAX_BUCKET else []
    held = sorted({e[1] for e in entries if e[0] == "h"})
    out = []
    for _, s, partial, n_anchors in sorted({e for e in entries if e[0] == "n"}):
        if len(held) < 2 or len(held) > (ANCHOR_BUCKET if partial else MAX_BUCKET):
            continue
        for x in held:
            if x != s:
                out.append(("pair", min(s, x), max(s, x)) if partial else ("half", s, x, n_anchors))
    return out


def _resolve(candidates) -> list[tuple[str, str]]:
    """Pairs, from bucket candidates: a "half" counts only when all of S's anchors are in X."""
    pairs: set = set()
    halves: Counter = Counter()
    for c in candidates:
        if c[0] == "pair":
            pairs.add((c[1], c[2]))
        else:
            halves[c[1:]] += 1
    for (s, x, n_anchors), seen in halves.items():
        if seen == n_anchors:
            pairs.add((min(s, x), max(s, x)))
    return sorted(pairs)


def families(out: str | Path, scheduler: str | None = None) -> list[dict]:
    """Families of a batch output folder, each ``{"id": key of its first member, ...describe()}``."""
    import dask
    import dask.bag as db
    import dask.dataframe as dd

    out = Path(out)
    quotes_glob, articles_glob = str(out / "quotes" / "*.parquet"), str(out / "articles" / "*.parquet")
    if not list((out / "quotes").glob("*.parquet")):
        from quotetrace.errors import InputError

        raise InputError(f"{out}: no quotes/*.parquet here (is it a 'quotetrace batch' output?)")
    quotes = dd.read_parquet(quotes_glob, columns=QUOTE_COLUMNS)
    articles = dd.read_parquet(articles_glob, columns=ARTICLE_COLUMNS)
    articles = articles[articles["status"] == "ok"].drop(columns="status")
    # Articles carry only a few short columns here: every quotes partition gets all of them.
    arts = articles.compute() if scheduler is None else articles
    with dask.config.set(scheduler=scheduler or "processes"):
        sketches = db.from_delayed([
            dask.delayed(lambda q, a: [s for r in _recs(q, a) for s in sketch_units(r)])(part, arts)
            for part in quotes.to_delayed()
        ])  # fmt: skip
        pairs = (
            sketches.map(_emit).flatten().groupby(lambda kv: kv[0])
            .map(lambda kv: (kv[0], [tuple(m) for _, m in kv[1]])).map(_bucket_pairs).flatten()
        )  # fmt: skip
        by_key = sketches.map(lambda s: (s.rec.key, s))
        all_sketches, all_pairs = dask.compute(by_key, pairs)
    table = dict(all_sketches)
    links = _links(table, _resolve(all_pairs), scheduler)
    groups = assemble({k: s.partial for k, s in table.items()}, links)
    found = families_of(groups, {k: s.rec for k, s in table.items()})
    return sorted(({"id": f.first.key, **f.body} for f in found), key=lambda f: f["id"])


def _links(table: dict[str, Sketch], pairs: list, scheduler: str | None) -> list[tuple[str, str, float]]:
    import dask
    import dask.bag as db

    def decide(chunk):
        found = []
        for a, b in chunk:
            score = link(table[a], table[b])
            if score is not None:
                found.append((a, b, score))
        return found

    bag = db.from_sequence(sorted(pairs), partition_size=2000)
    with dask.config.set(scheduler=scheduler or "processes"):
        return sorted(bag.map_partitions(decide).compute())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="a 'quotetrace batch' output folder")
    ap.add_argument("--scheduler", default=None, help="threads | processes | sync (default processes)")
    args = ap.parse_args(argv)
    for fam in families(args.out, args.scheduler):
        sys.stdout.write(json.dumps(fam, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
