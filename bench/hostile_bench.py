"""Time and peak memory of one extraction as the input grows: is the work bounded by its size?

Cases, each in its own fresh subprocess (so peak RSS is its own):
  article-10k / -100k / -1m   news text (examples/interview.txt, repeated with its paragraphs)
  punct-5k / -10k / -20k      that many "(" with no space: the tokenizer's worst case

For each: seconds for ``Analyser().analyse`` (extraction and framing, spaCy loaded and
warmed up first, not counted), peak RSS of the process, and the RSS the loaded model
already held. Then, per family, the time per 1,000 characters: time grows linearly when
that figure stays flat as the input grows (it is printed with the largest/smallest ratio).

Usage (repo root):
  .venv/bin/python bench/hostile_bench.py               # every case
  .venv/bin/python bench/hostile_bench.py --cases article-10k,punct-5k --no-frame
  .venv/bin/python bench/hostile_bench.py --json        # machine-readable rows
Numbers depend on the machine and its load: compare rows of the same run.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "interview.txt"
CASES = {
    "article-10k": ("article", 10_000),
    "article-100k": ("article", 100_000),
    "article-1m": ("article", 1_000_000),
    "punct-5k": ("punct", 5_000),
    "punct-10k": ("punct", 10_000),
    "punct-20k": ("punct", 20_000),
}
LINEAR_SLACK = 2.0  # per-character cost may vary this much before growth counts as super-linear


def make_text(family: str, size: int) -> str:
    if family == "punct":
        return "(" * size
    base = EXAMPLE.read_text(encoding="utf-8").strip()
    parts, total, n = [], 0, 0
    while total < size:
        # Numbered copies: distinct paragraphs, as in a real long document.
        part = f"Part {n}.\n\n{base}"
        parts.append(part)
        total += len(part) + 2
        n += 1
    return "\n\n".join(parts)[:size]


def child(case: str, frame: bool) -> dict:
    from quotetrace.pipeline import Analyser

    analyser = Analyser(frame=frame)
    analyser.analyse("Warm up. “Yes,” she said.")
    loaded_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    family, size = CASES[case]
    text = make_text(family, size)
    started = time.perf_counter()
    article = analyser.analyse(text)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert article.text == text.replace("\r", "")
    return {
        "case": case,
        "chars": len(text),
        "words": len(text.split()),
        "quotes": len(article.quotes),
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(peak_kb / 1024),
        "model_rss_mb": round(loaded_kb / 1024),
    }


def run_case(case: str, frame: bool, timeout: float) -> dict:
    cmd = [sys.executable, __file__, "--child", case] + ([] if frame else ["--no-frame"])
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"case": case, "error": f"over {timeout:g} s"}
    if out.returncode != 0:
        return {"case": case, "error": (out.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def linearity(rows: list[dict]) -> list[str]:
    lines = []
    for family in ("article", "punct"):
        done = [r for r in rows if r["case"].startswith(family) and "seconds" in r]
        if len(done) < 2:
            continue
        per_k = [r["seconds"] / r["chars"] * 1000 for r in done]
        ratio = max(per_k) / max(min(per_k), 1e-9)
        verdict = "linear" if ratio <= LINEAR_SLACK else "SUPER-LINEAR"
        figures = ", ".join(f"{r['case']} {p:.3f}" for r, p in zip(done, per_k, strict=True))
        lines.append(f"{family}: s per 1,000 chars {figures}; max/min {ratio:.2f} -> {verdict}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated, of: " + ", ".join(CASES))
    parser.add_argument("--no-frame", action="store_true", help="extraction only (no framing)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per case (default 900)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, frame=not args.no_frame)))
        return
    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        parser.error(f"unknown case(s): {', '.join(unknown)}")
    rows = []
    for case in cases:
        row = run_case(case, frame=not args.no_frame, timeout=args.timeout)
        rows.append(row)
        if not args.json:
            if "error" in row:
                print(f"{case:<13} FAILED: {row['error']}", flush=True)
            else:
                print(
                    f"{case:<13} {row['chars']:>9,} chars {row['words']:>8,} words {row['quotes']:>6} quotes "
                    f"{row['seconds']:>8.2f} s  peak RSS {row['peak_rss_mb']:>5} MB "
                    f"(model {row['model_rss_mb']} MB)",
                    flush=True,
                )
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    for line in linearity(rows):
        print(line)
    big = next((r for r in rows if r["case"] == "article-1m" and "peak_rss_mb" in r), None)
    if big is not None:
        verdict = "under" if big["peak_rss_mb"] < 1024 else "OVER"
        print(f"1 MB article: peak RSS {big['peak_rss_mb']} MB ({verdict} 1 GB)")


if __name__ == "__main__":
    main()
