"""Quote families over ``quotetrace batch`` output, with Dask: for corpora past one machine.

The same pure functions as the store (``quotetrace.trace.cluster``), spread out:

1. each Parquet partition of quotes (joined with its articles' outlet and date) is
   sketched where it lies: wording, word count, LSH bands, 3-grams;
2. every (band or 3-gram, quotation) pair is shuffled by key: a bucket of 2 to
   ``MAX_BUCKET`` quotations yields the candidate pairs (3-grams only where the shorter
   quotation has fewer than ``GRAM_WORDS`` words, as in the store);
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
from itertools import combinations
from pathlib import Path

from quotetrace.trace.cluster import (
    GRAM_WORDS,
    MAX_BUCKET,
    Sketch,
    assemble,
    describe,
    link,
    order_key,
    sketch,
)
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


def _emit(sk: Sketch) -> list[tuple[str, tuple[str, int]]]:
    keys = [(f"b{k}", (sk.rec.key, sk.n_words)) for k in sk.bands]
    return keys + [(f"g{g}", (sk.rec.key, sk.n_words)) for g in sk.grams]


def _bucket_pairs(item) -> list[tuple[str, str]]:
    key, members = item
    members = sorted({tuple(m) for m in members})
    if not 1 < len(members) <= MAX_BUCKET:
        return []
    grams = key.startswith("g")
    return [
        (a, b) for (a, na), (b, nb) in combinations(members, 2)
        if not grams or na < GRAM_WORDS or nb < GRAM_WORDS
    ]  # fmt: skip


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
            dask.delayed(lambda q, a: [s for s in map(sketch, _recs(q, a)) if s is not None])(part, arts)
            for part in quotes.to_delayed()
        ])  # fmt: skip
        pairs = (
            sketches.map(_emit).flatten().groupby(lambda kv: kv[0])
            .map(lambda kv: (kv[0], [m for _, m in kv[1]])).map(_bucket_pairs).flatten().distinct()
        )  # fmt: skip
        by_key = sketches.map(lambda s: (s.rec.key, s))
        all_sketches, all_pairs = dask.compute(by_key, pairs)
    table = dict(all_sketches)
    links = _links(table, all_pairs, scheduler)
    groups = assemble({k: s.partial for k, s in table.items()}, links)
    result = []
    for group in groups:
        members = [table[k].rec for k in group]
        if len({m.article for m in members}) < 2:
            continue
        first = min(members, key=order_key)
        result.append({"id": first.key, **describe(members)})
    return sorted(result, key=lambda f: f["id"])


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
