"""Quote families at scale: cluster 100k and 1M quotations made by mutating real ones.

Real quotations come from PolNeAR (text in double quotation marks, 12 words or more).
Each synthetic utterance splices stretches of two real quotations and replaces a third
of its words from the corpus vocabulary (so that 200,000 utterances are distinct, yet
share common phrases as real ones do), and each is quoted
five times the ways Simmons, Adamic & Adar (2011) saw quotes mutate: as said, copied
verbatim, trimmed to a contiguous part, with a word substituted, and stitched from
its beginning and its end. Every size runs in its own process, so peak memory (max
RSS) is that size's own. Pairwise precision/recall against the synthetic families
are printed too.

    .venv/bin/python bench/trace_bench.py                 # 100k and 1M
    .venv/bin/python bench/trace_bench.py --sizes 20000   # a quick look
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
QUOTE = re.compile(r"[“\"]([^“”\"\n]{40,400}?)[”\"]")
FAMILY = 5


def real_quotes() -> tuple[list[list[str]], list[str]]:
    quotes, vocab = [], Counter()
    for path in sorted(POLNEAR.glob("*/text/*.txt")):
        text = path.read_text(encoding="utf-8")
        for m in QUOTE.finditer(text):
            ws = m.group(1).split()
            if len(ws) >= 12:
                quotes.append(ws)
        vocab.update(w.strip(".,;:!?\"'“”’‘()") for w in text.split())
    words = [w for w, n in vocab.items() if n >= 3 and w.isalpha()]
    return quotes, words


def synthetic(n: int, seed: int = 13):
    """(QuoteRec, true family) for ``n`` quotations, ``FAMILY`` per utterance."""
    from quotetrace.trace.wording import QuoteRec

    rng = random.Random(seed)
    quotes, vocab = real_quotes()
    outlets = [f"Outlet {i:02d}" for i in range(50)]
    for fam in range(n // FAMILY):
        # Two stretches of two real quotations, a third of the words replaced: a new utterance.
        a, b = rng.choice(quotes), rng.choice(quotes)
        i, j = rng.randrange(len(a) - 7), rng.randrange(len(b) - 7)
        spliced = a[i : i + rng.randint(6, 14)] + b[j : j + rng.randint(6, 14)]
        base = [w if rng.random() > 0.3 else rng.choice(vocab) for w in spliced]
        k = len(base)
        cut = rng.randint(k // 2, (4 * k) // 5)
        at = rng.randint(0, k - cut)
        sub = list(base)
        for _ in range(1 if k < 20 else 2):
            sub[rng.randrange(k)] = rng.choice(vocab)
        head, tail = base[: (2 * k) // 5], base[k - (2 * k) // 5 :]
        variants = [base, base, base[at : at + cut], sub, head + tail]
        day = rng.randint(1, 300)
        speaker = f"Speaker{fam % 997} Person{fam}"
        for m, ws in enumerate(variants):
            date = time.strftime("%Y-%m-%d", time.gmtime((16_800 + day + m) * 86_400))
            rec = QuoteRec(
                key=f"{fam}-{m}#0", article=f"{fam}-{m}", kind="direct", text=f"“{' '.join(ws)}”",
                outlet=rng.choice(outlets), published=date, speaker=speaker,
            )  # fmt: skip
            yield rec, fam


def run_one(n: int) -> dict:
    from quotetrace.trace.stream import Stats, cluster

    truth: dict[str, int] = {}

    def recs():
        for rec, fam in synthetic(n):
            truth[rec.key] = fam
            yield rec

    stats = Stats()
    t0 = time.perf_counter()
    families = cluster(recs(), stats)
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    tp = sum(c * (c - 1) // 2 for f in families for c in Counter(truth[k] for k in f).values())
    predicted = sum(len(f) * (len(f) - 1) // 2 for f in families)
    gold = sum(c * (c - 1) // 2 for c in Counter(truth.values()).values())
    return {
        "quotations": stats.quotations, "seconds": round(seconds, 1),
        "us_per_quote": round(1e6 * seconds / stats.quotations, 1), "peak_rss_mb": round(peak_mb),
        "families": len(families), "candidate_pairs": stats.candidate_pairs, "aligned": stats.aligned,
        "precision": round(tp / predicted, 4) if predicted else 0.0,
        "recall": round(tp / gold, 4) if gold else 0.0,
        "phases_s": {k: round(v, 1) for k, v in stats.seconds.items()},
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a size, in this process
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one)))
        return 0
    rows = []
    for n in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        r = rows[-1]
        print(f"{r['quotations']:>9,} quotations  {r['seconds']:>7.1f} s  {r['us_per_quote']:>7.1f} µs/q  "
              f"peak {r['peak_rss_mb']:>6,} MB  {r['families']:,} families  "
              f"P {r['precision']:.3f} R {r['recall']:.3f}  phases {r['phases_s']}", flush=True)  # fmt: skip
    if len(rows) > 1:
        growth = rows[-1]["us_per_quote"] / rows[0]["us_per_quote"]
        print(
            f"time per quote grows {growth:.2f}x from {rows[0]['quotations']:,} to {rows[-1]['quotations']:,}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
