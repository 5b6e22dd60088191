"""Start-up time of the ``quotetrace`` command: ``--help``, one short article end to end, and
one ``trace`` query.

Each run is a fresh process (``python -m quotetrace``), so imports and, for ``extract``, the
spaCy model load are included: it is the time a user waits. Targets from issue 14, on an
idle 2-core machine: ``--help`` 0.3 s, ``extract examples/interview.txt`` 1.5 s; from issue
13: ``trace TEXT --db DB`` 1.0 s on a store of the 924 PolNeAR articles (give it with
``--trace-db``; without it, a store of the bundled examples/trace articles is made first).

Usage (repo root):
  .venv/bin/python bench/startup_bench.py              # 5 runs each, prints the median
  .venv/bin/python bench/startup_bench.py --runs 9 --json --trace-db polnear.db
Numbers depend on the machine and its load: the median of several runs damps the noise.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = {
    "--help": (["--help"], 0.3),
    "extract examples/interview.txt": (["extract", str(ROOT / "examples" / "interview.txt")], 1.5),
}
TRACE_QUERY = "Mexico is going to pay for the wall"
TRACE_TARGET_S = 1.0


def example_store(folder: str) -> str:
    """A store of the bundled trace example (ingest runs the extractor: a few seconds)."""
    db = str(Path(folder) / "trace.db")
    subprocess.run(
        [sys.executable, "-m", "quotetrace", "ingest", str(ROOT / "examples" / "trace" / "articles.jsonl"),
         "--db", db, "--quiet"], cwd=ROOT, check=True,
    )  # fmt: skip
    return db


def wall_time(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "quotetrace", *argv], cwd=ROOT, check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="runs per command (default 5)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--trace-db", metavar="DB", help="the store to trace in (default: the bundled example)")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.trace_db or example_store(tmp)
        commands = {**COMMANDS, "trace TEXT --db DB": (["trace", TRACE_QUERY, "--db", db], TRACE_TARGET_S)}
        results = measure(commands, args.runs)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'command':<34} {'median s':>9} {'min s':>7} {'target s':>9}")
    for name, r in results.items():
        print(f"{name:<34} {r['median_s']:>9.3f} {r['min_s']:>7.3f} {r['target_s']:>9.1f}")
    return 0


def measure(commands: dict[str, tuple[list[str], float]], runs: int) -> dict[str, dict]:
    results = {}
    for name, (argv, target) in commands.items():
        wall_time(argv)  # warm the file cache: the first run reads the model from disk
        times = [wall_time(argv) for _ in range(runs)]
        results[name] = {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
                         "target_s": target}  # fmt: skip
    return results


if __name__ == "__main__":
    raise SystemExit(main())
