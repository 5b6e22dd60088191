"""Benchmark ``quotetrace batch`` on the PolNeAR train texts.

Measured in one run, on one corpus (the 840 PolNeAR train articles, cut to
``--articles`` or repeated ``--repeat`` times; repeats get new ids):

  bare        spaCy ``nlp.pipe`` of the same model and pipes, one process, in memory
  extract     quotetrace ``Extractor.pipe`` + framing, one process, in memory
  pool-1      ``quotetrace batch --workers 1``   (local process pool)
  pool-2      ``quotetrace batch --workers 2``
  dask-2      ``quotetrace batch --scheduler local --workers 2`` (Dask LocalCluster)

The batch runs are separate ``quotetrace batch`` processes, timed end to end
(interpreter start, worker start-up, reading, writing Parquet) and also in
steady state (between the first and the last partition written, from the
journal). Peak RSS is the kernel's high-water mark (VmHWM) of every worker
process and of the driver. The outputs of the three batch runs must be
identical.

The package is first copied to a temporary snapshot that every run imports,
so that edits made to the working tree while the benchmark runs (it takes
minutes) cannot make the runs differ; ``--live`` skips that.

    .venv/bin/python bench/batch_bench.py [--articles N | --repeat R] [--partition-size 50]
        [--rounds 3] [--skip extract] [--json results.json] [--live]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

import psutil

from quotetrace.batch import read_output
from quotetrace.paths import shared_data_dir

TARGET_SPEEDUP = 1.7  # 2 workers vs 1
TARGET_DASK_GAP = 0.15  # Dask LocalCluster within 15% of the local pool
TARGET_RSS_MB = 600  # per worker


def load_texts(articles: int | None, repeat: int) -> list[tuple[str, str]]:
    data = shared_data_dir()
    if data is None:
        sys.exit("batch_bench: ../shared/data is absent (set QUOTETRACE_SHARED_DATA); nothing to run")
    files = sorted((data / "polnear" / "train" / "text").glob("*.txt"))
    base = [(f.stem, f.read_text(encoding="utf-8")) for f in files]
    corpus = [(f"r{r}-{stem}", text) for r in range(repeat) for stem, text in base]
    return corpus[:articles] if articles else corpus


def peak_rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class RssWatch:
    """Samples the high-water mark of a process tree until stopped (workers may exit first)."""

    def __init__(self, root: int):
        self.root = root
        self.peaks: dict[int, tuple[str, float]] = {}
        self.driver_cpu = 0.0  # user + system seconds of the driver process itself
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [psutil.Process(self.root)]
                procs += procs[0].children(recursive=True)
            except psutil.Error:
                procs = []
            try:
                t = procs[0].cpu_times() if procs else None
                self.driver_cpu = t.user + t.system if t else self.driver_cpu
            except psutil.Error:
                pass
            for p in procs:
                try:
                    role = "worker" if "spawn_main" in " ".join(p.cmdline()) else "driver"
                except psutil.Error:
                    continue
                if p.pid == self.root:
                    role = "driver"
                peak = peak_rss_mb(p.pid)
                if peak:
                    self.peaks[p.pid] = (role, max(peak, self.peaks.get(p.pid, ("", 0.0))[1]))
            time.sleep(0.2)

    def stop(self) -> dict[str, float]:
        self._stop.set()
        self._thread.join()
        workers = [mb for role, mb in self.peaks.values() if role == "worker"]
        drivers = [mb for role, mb in self.peaks.values() if role == "driver"]
        return {
            "worker_peak_rss_mb": round(max(workers, default=0.0), 1),
            "workers_seen": len(workers),
            "driver_peak_rss_mb": round(max(drivers, default=0.0), 1),
            "driver_cpu_s": round(self.driver_cpu, 2),
        }


def steady_rate(out: Path) -> dict[str, float]:
    """Articles and words per second between the first and the last partition written."""
    records = [json.loads(line) for line in (out / "manifest.journal.jsonl").read_text().splitlines()]
    records.sort(key=lambda r: r["written"])
    stamps = [datetime.fromisoformat(r["written"]).timestamp() for r in records]
    if len(records) < 3:
        return {}
    span = stamps[-1] - stamps[0]
    later = records[1:]
    return {
        "code_versions": sorted({r.get("code", "") for r in records}),
        "steady_articles_per_s": round(sum(r["articles"] for r in later) / span, 2),
        "steady_words_per_s": round(sum(r["words"] for r in later) / span, 1),
        "worker_busy_s": round(sum(r["seconds"] for r in records), 1),
    }


def run_batch_cli(corpus: Path, out: Path, size: int, extra: list[str]) -> dict:
    cmd = [sys.executable, "-m", "quotetrace", "batch", str(corpus), "--out", str(out),
           "--partition-size", str(size), "--no-progress", "--summary", "json", *extra]  # fmt: skip
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watch = RssWatch(proc.pid)
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - started
    rss = watch.stop()
    if proc.returncode != 0:
        sys.exit(f"batch_bench: {' '.join(cmd)} failed:\n{stderr}")
    summary = json.loads(stdout)
    total = summary["total"]
    return {
        "command": " ".join(["quotetrace", *cmd[3:]]),
        "wall_s": round(wall, 2),
        "articles_per_s": round(total["articles"] / wall, 2),
        "words_per_s": round(total["words"] / wall, 1),
        "quotes": total["quotes"],
        "failed": total["failed"],
        **steady_rate(out),
        **rss,
    }


def median_run(runs: list[dict]) -> dict:
    """The median of every number over the rounds (the maximum for peaks)."""
    merged = dict(runs[0])
    for key, value in runs[0].items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            values = [r[key] for r in runs if key in r]
            pick = max if "rss" in key else statistics.median  # a peak is the worst round's
            merged[key] = round(pick(values), 2)
    merged["rounds"] = len(runs)
    if len(runs) > 1:
        merged["words_per_s_each"] = [r["words_per_s"] for r in runs]
        merged["steady_words_per_s_each"] = [r.get("steady_words_per_s") for r in runs]
    merged["code_versions"] = sorted({v for r in runs for v in r.get("code_versions", ())})
    return merged


def run_in_process(texts: list[str], words: int, mode: str) -> dict:
    """The single-process baselines, timed without the model load."""
    from quotetrace.extract import Extractor
    from quotetrace.nlp import load_pipeline

    t0 = time.perf_counter()
    if mode == "bare":
        nlp = load_pipeline()
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=8):
            pass
    else:
        from quotetrace.frame import frame_article

        extractor = Extractor()
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        for article in extractor.pipe(texts):
            frame_article(article)
    secs = time.perf_counter() - t1
    return {
        "load_s": round(load, 2),
        "wall_s": round(secs, 2),
        "articles_per_s": round(len(texts) / secs, 2),
        "words_per_s": round(words / secs, 1),
        "peak_rss_mb": round(peak_rss_mb(os.getpid()), 1),
    }


def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    names = [line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")]
    model = names[0] if names else platform.processor()
    return {
        "cpu": model,
        "cores_available": len(os.sched_getaffinity(0)),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
    }


SNAPSHOT_ENV = "QUOTETRACE_BENCH_SNAPSHOT"


def rerun_on_snapshot() -> int:
    """Run this script again with a frozen copy of the package first on PYTHONPATH."""
    import quotetrace

    data = shared_data_dir()
    with tempfile.TemporaryDirectory(prefix="batch-bench-code-") as snap:
        src = Path(quotetrace.__file__).parent
        shutil.copytree(src, Path(snap) / "quotetrace", ignore=shutil.ignore_patterns("__pycache__"))
        env = {
            **os.environ,
            SNAPSHOT_ENV: snap,
            "PYTHONPATH": os.pathsep.join(filter(None, [snap, os.environ.get("PYTHONPATH")])),
        }
        if data is not None:  # paths.py finds ../shared from its own location
            env["QUOTETRACE_SHARED_DATA"] = str(data)
        return subprocess.call([sys.executable, __file__, *sys.argv[1:]], env=env)


def main() -> None:
    if "--live" not in sys.argv and SNAPSHOT_ENV not in os.environ:
        sys.exit(rerun_on_snapshot())
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, help="use the first N articles (default: all)")
    parser.add_argument("--repeat", type=int, default=1, help="repeat the 840 texts R times")
    parser.add_argument("--partition-size", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=1, help="interleaved repeats (median)")
    parser.add_argument("--skip", default="", help="comma-separated runs to skip (e.g. extract)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--live", action="store_true", help="import the working tree directly")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))

    corpus = load_texts(args.articles, args.repeat)
    texts = [t for _, t in corpus]
    words = sum(len(t.split()) for t in texts)
    from quotetrace.batch.config import code_digest

    results: dict = {"machine": machine(), "articles": len(texts), "words": words,
                     "code": code_digest(), "code_snapshot": SNAPSHOT_ENV in os.environ,
                     "partition_size": args.partition_size, "runs": {}}  # fmt: skip
    print(f"corpus: {len(texts)} articles, {words:,} words", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="batch-bench-") as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for id_, text in corpus:
                fh.write(json.dumps({"id": id_, "text": text}, ensure_ascii=False) + "\n")
        batch_runs = {
            "pool-1": ["--workers", "1"],
            "pool-2": ["--workers", "2"],
            "dask-2": ["--scheduler", "local", "--workers", "2"],
        }
        rounds: dict[str, list[dict]] = {n: [] for n in batch_runs if n not in skip}
        # Interleaved rounds: on a shared machine, load from other users hits every run alike.
        for k in range(args.rounds):
            for name in rounds:
                print(f"round {k + 1}/{args.rounds}: {name} ...", file=sys.stderr)
                out = Path(tmp) / name
                shutil.rmtree(out, ignore_errors=True)
                rounds[name].append(run_batch_cli(path, out, args.partition_size, batch_runs[name]))
        for name, runs in rounds.items():
            results["runs"][name] = median_run(runs)
        outs = [Path(tmp) / n for n in batch_runs if n not in skip]
        if len(outs) > 1:
            first = read_output(outs[0])
            results["identical_outputs"] = all(
                read_output(o)["articles"].equals(first["articles"])
                and read_output(o)["quotes"].equals(first["quotes"])
                for o in outs[1:]
            )
    # In-process baselines last, so the driver runs above had the machine to themselves.
    for mode in ("bare", "extract"):
        if mode not in skip:
            print(f"running {mode} ...", file=sys.stderr)
            results["runs"][mode] = run_in_process(texts, words, mode)
    results["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


def report(results: dict) -> None:
    runs = results["runs"]
    print(f"\n{results['articles']} articles, {results['words']:,} words; "
          f"{results['machine']['cpu']}, {results['machine']['cores_available']} cores")  # fmt: skip
    print("| run | wall s | articles/s | words/s | steady words/s | worker peak RSS MB "
          "| driver peak RSS MB | driver CPU s |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in runs.items():
        rss = r.get("worker_peak_rss_mb", r.get("peak_rss_mb"))
        print(f"| {name} | {r['wall_s']} | {r['articles_per_s']} | {r['words_per_s']:,.0f} | "
              f"{r.get('steady_words_per_s', '')} | {rss} | {r.get('driver_peak_rss_mb', '')} "
              f"| {r.get('driver_cpu_s', '')} |")  # fmt: skip
    checks = []
    if "pool-1" in runs and "pool-2" in runs:
        for key in ("words_per_s", "steady_words_per_s"):
            if key in runs["pool-1"] and key in runs["pool-2"]:
                ratio = runs["pool-2"][key] / runs["pool-1"][key]
                checks.append(f"2 workers / 1 worker ({key}): {ratio:.2f}x "
                              f"(target >= {TARGET_SPEEDUP}x)")  # fmt: skip
    if "pool-2" in runs and "dask-2" in runs:
        for key in ("words_per_s", "steady_words_per_s"):
            if key in runs["pool-2"] and key in runs["dask-2"]:
                gap = 1 - runs["dask-2"][key] / runs["pool-2"][key]
                checks.append(f"Dask vs pool ({key}): {gap:+.1%} slower "
                              f"(target <= {TARGET_DASK_GAP:.0%})")  # fmt: skip
    peaks = [r["worker_peak_rss_mb"] for r in runs.values() if "worker_peak_rss_mb" in r]
    if peaks:
        checks.append(f"worker peak RSS: {max(peaks):.0f} MB (target <= {TARGET_RSS_MB} MB)")
    if "identical_outputs" in results:
        checks.append(f"identical outputs across batch runs: {results['identical_outputs']}")
        versions = {v for r in runs.values() for v in r.get("code_versions", ())}
        if len(versions) > 1:
            checks.append(
                f"  the analysis code changed during the benchmark ({len(versions)} versions "
                "in the journals): outputs cannot be compared; re-run on a quiet tree"
            )
    print("\n".join(checks))
    results["checks"] = checks


if __name__ == "__main__":
    main()
