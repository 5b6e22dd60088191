"""``quotetrace batch`` end to end: pool, Dask, SIGKILL and resume, bad inputs.

Everything runs on a 60-article corpus of short synthetic articles with
4-article partitions, so each run takes seconds; the reference output of an
uninterrupted run is built once and every other run must match it exactly.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
from pathlib import Path

import psutil
import pyarrow.parquet as pq
import pytest

from quotetrace.batch import BatchConfig, read_output, run_batch
from quotetrace.batch.config import code_digest
from quotetrace.batch.driver import WORKER_DIED
from quotetrace.batch.output import read_manifest
from quotetrace.errors import UsageError
from test_batch_fixtures import (
    batch_command,
    corpus_records,
    journal_count,
    run_cli,
    wait_for,
    write_jsonl,
)

SIZE = 4
N_LINES = 60
# tests/poison/sitecustomize.py makes a worker SIGKILL itself on this article id.
POISON_DIR = Path(__file__).resolve().parent / "poison"
POISON_ENV = {
    "PYTHONPATH": os.pathsep.join(filter(None, [str(POISON_DIR), os.environ.get("PYTHONPATH")])),
    "QUOTETRACE_TEST_KILL_ON_ID": "a005",
}
N_PARTITIONS = N_LINES // SIZE


def corpus_lines() -> list:
    """58 articles (two with a repeated id), a broken JSON line and a non-UTF-8 line."""
    records: list = corpus_records(58)
    records[20]["id"] = records[3]["id"]
    records[40]["id"] = records[3]["id"]
    records.insert(30, b'{"id": "broken", "text": "no end')
    records.insert(50, b'{"id": "latin", "text": "caf\xe9 au lait"}')
    return records


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", corpus_lines())


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("reference") / "out"
    stats = run_batch(BatchConfig([str(corpus)], out, workers=2, partition_size=SIZE, progress=False))
    assert stats.total.articles == N_LINES
    return out


def assert_same_output(out, reference):
    got, want = read_output(out), read_output(reference)
    ids = got["articles"].column("id").to_pylist()
    assert len(ids) == len(set(ids)) == N_LINES, "an article was lost or duplicated"
    quotes = got["quotes"]
    keys = list(zip(quotes["article_id"].to_pylist(), quotes["quote_id"].to_pylist(), strict=True))
    assert len(keys) == len(set(keys)), "a quote row was duplicated"
    assert got["articles"].equals(want["articles"])
    assert got["quotes"].equals(want["quotes"])
    manifest = read_manifest(out)
    assert manifest["complete"] and len(manifest["partitions"]) == N_PARTITIONS
    assert not [p for p in out.rglob(".*") if p.name != ".lock"], "temporary files left behind"


# --- the reference run ------------------------------------------------------------------


def test_reference_output_records_every_line(reference):
    tables = read_output(reference)
    articles = {r["id"]: r for r in tables["articles"].to_pylist()}
    assert len(articles) == N_LINES
    assert {"a003", "a003~2", "a003~3"} <= set(articles)
    broken = articles["corpus.jsonl:31"]
    assert broken["status"] == "failed" and "not a complete JSON object" in broken["error"]
    latin = articles["corpus.jsonl:51"]
    assert latin["status"] == "failed" and "not valid UTF-8" in latin["error"]
    ok = [r for r in articles.values() if r["status"] == "ok"]
    assert len(ok) == 58 and all(r["n_quotes"] > 0 for r in ok)
    assert tables["quotes"].num_rows == sum(r["n_quotes"] for r in ok)
    manifest = read_manifest(reference)
    assert manifest["totals"] == {"articles": 60, "failed": 2, "quotes": tables["quotes"].num_rows,
                                  "words": sum(r["n_words"] for r in ok), "partitions": 15}  # fmt: skip


def test_output_is_readable_by_pandas_pyarrow_and_duckdb(reference):
    import pandas as pd
    import pyarrow.dataset as ds

    frame = pd.read_parquet(reference / "quotes")
    assert len(frame) == read_output(reference)["quotes"].num_rows
    assert ds.dataset(reference / "articles", format="parquet").count_rows() == N_LINES
    assert pq.read_schema(next((reference / "articles").glob("*.parquet"))).names[:3] == [
        "id", "source", "status",
    ]  # fmt: skip
    duckdb = pytest.importorskip("duckdb")
    count = duckdb.sql(f"select count(*) from '{reference}/articles/*.parquet'").fetchall()[0][0]
    assert count == N_LINES


# --- crashes ----------------------------------------------------------------------------


def test_sigkill_of_the_driver_then_resume_gives_the_uninterrupted_result(corpus, reference, tmp_path):
    out = tmp_path / "out"
    args = [str(corpus), "--out", str(out), "--partition-size", str(SIZE)]
    # One worker makes the run slow enough to be caught half-way.
    proc = subprocess.Popen(
        batch_command(*args, "--workers", "1", "--no-progress"),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        started = wait_for(lambda: journal_count(out) >= 1 or proc.poll() is not None, 180)
        assert started and proc.poll() is None, "the run ended before it could be killed"
        children = psutil.Process(proc.pid).children(recursive=True)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    done = journal_count(out)
    assert 1 <= done < N_PARTITIONS
    assert not read_manifest(out)["complete"]
    # The orphaned workers notice their driver is gone and exit.
    _, alive = psutil.wait_procs(children, timeout=20)
    assert not alive, f"workers outlived their driver: {alive}"

    summary = run_cli(*args, "--workers", "2")
    assert summary["resumed"]["partitions"] >= done
    assert summary["this_run"]["partitions"] == N_PARTITIONS - summary["resumed"]["partitions"]
    assert summary["total"]["articles"] == N_LINES
    assert_same_output(out, reference)

    again = run_cli(*args)
    assert again["this_run"]["articles"] == 0 and again["resumed"]["partitions"] == N_PARTITIONS
    assert_same_output(out, reference)


def test_a_killed_worker_is_replaced_and_nothing_is_lost(corpus, reference, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.Popen(
        batch_command(str(corpus), "--out", str(out), "--partition-size", str(SIZE),
                      "--workers", "2", "--no-progress", "--summary", "json"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert wait_for(lambda: journal_count(out) >= 1 or proc.poll() is not None, 180)
        workers = [
            p for p in psutil.Process(proc.pid).children(recursive=True)
            if "spawn_main" in " ".join(p.cmdline())
        ]  # fmt: skip
        assert workers and journal_count(out) < N_PARTITIONS - 2, "too late to kill a worker"
        workers[0].send_signal(signal.SIGKILL)
        stdout, stderr = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, stderr
    assert json.loads(stdout)["worker_restarts"] >= 1
    assert_same_output(out, reference)


def test_an_article_that_kills_its_worker_is_recorded_and_the_rest_done(corpus, reference, tmp_path):
    small = write_jsonl(tmp_path / "small.jsonl", corpus_records(8))
    out = tmp_path / "out"
    summary = run_cli(
        str(small), "--out", str(out), "--partition-size", str(SIZE), "--workers", "1",
        env=POISON_ENV,
    )  # fmt: skip
    assert summary["total"] == {"articles": 8, "failed": 1, "quotes": summary["total"]["quotes"],
                                "words": summary["total"]["words"], "partitions": 2}  # fmt: skip
    assert summary["failures"] == [{"id": "a005", "error": WORKER_DIED}]
    got = read_output(out)
    rows = {r["id"]: r for r in got["articles"].to_pylist()}
    assert [r["id"] for r in got["articles"].to_pylist()] == [f"a{i:03d}" for i in range(8)]
    assert rows["a005"]["status"] == "failed"
    # Every other article comes out exactly as in a run without the poison.
    want = read_output(reference)
    keep = [f"a{i:03d}" for i in range(8) if i != 5]
    pick = lambda t, col: sorted(  # noqa: E731 - the source differs: another file
        json.dumps({**r, "source": None}, sort_keys=True) for r in t.to_pylist() if r[col] in keep
    )
    assert pick(got["articles"], "id") == pick(want["articles"], "id")
    assert pick(got["quotes"], "article_id") == pick(want["quotes"], "article_id")


# --- Dask -------------------------------------------------------------------------------


def test_dask_local_cluster_gives_the_same_result(corpus, reference, tmp_path):
    out = tmp_path / "out"
    config = BatchConfig(
        [str(corpus)], out, workers=2, scheduler="local", partition_size=SIZE, progress=False
    )
    stats = run_batch(config)
    assert stats.backend.startswith("Dask LocalCluster, 2 workers")
    assert_same_output(out, reference)


# --- inputs and reruns ------------------------------------------------------------------


def test_malformed_inputs_are_failures_with_reasons_and_the_run_completes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    records = corpus_records(3)
    (folder / "good.txt").write_text(records[0]["text"])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\xff\x10" * 100)
    write_jsonl(folder / "lines.jsonl", [records[1], b'{"id": "x", "text": "caf\xe9"}', b"{oops"])
    full = gzip.compress(b"".join(json.dumps(r).encode() + b"\n" for r in corpus_records(30)))
    (folder / "cut.jsonl.gz").write_bytes(full[: len(full) // 2])
    (folder / "nothing.jsonl").write_bytes(b"")
    out = tmp_path / "out"
    config = BatchConfig([str(folder)], out, workers=1, partition_size=5, fmt="jsonl", progress=False)
    stats = run_batch(config)
    assert sorted(p.name for p in (out / "articles").iterdir())[0] == "part-00000.jsonl"
    rows = read_output(out)["articles"].to_pylist()
    errors = {r["id"]: r["error"] for r in rows if r["status"] == "failed"}
    ok = {r["id"] for r in rows if r["status"] == "ok"}
    assert {"good", "a001"} <= ok
    assert "is empty" in errors["empty"]
    assert "binary" in errors["binary"]
    assert "not valid UTF-8" in errors["lines.jsonl:2"]
    assert "not valid JSON" in errors["lines.jsonl:3"]
    assert "empty file" in errors["nothing.jsonl"]
    (cut,) = [e for e in errors.values() if "truncated or corrupt compressed stream" in e]
    assert stats.total.articles == len(rows) and stats.total.failed == len(errors) == 6


def test_a_different_command_on_the_same_output_is_refused(corpus, reference, tmp_path):
    with pytest.raises(UsageError, match="differs in: partition_size"):
        run_batch(BatchConfig([str(corpus)], reference, partition_size=SIZE + 1, progress=False))
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(UsageError, match="not a quotetrace batch output"):
        run_batch(BatchConfig([str(corpus)], tmp_path, progress=False))


def test_changed_input_redoes_only_its_partitions(tmp_path):
    path, out = tmp_path / "corpus.jsonl", tmp_path / "out"
    records = corpus_records(12)
    write_jsonl(path, records)
    config = BatchConfig([str(path)], out, workers=1, partition_size=SIZE, progress=False)
    run_batch(config)
    first = read_output(out)
    records[9]["text"] += '\n\n"This line is new," the mayor said.\n'
    write_jsonl(path, records)
    stats = run_batch(config)
    assert (stats.redone, stats.done_now.partitions, stats.resumed.partitions) == (1, 1, 2)
    rows = read_output(out)["articles"].to_pylist()
    assert "This line is new" in rows[9]["text"]
    assert rows[:8] == first["articles"].to_pylist()[:8]


def test_partitions_made_by_other_code_are_kept_or_redone_on_request(reference, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(reference, out)
    journal = out / "manifest.journal.jsonl"
    records = [json.loads(line) for line in journal.read_text().splitlines()]
    for r in records:  # the live code, then one partition from "another version"
        r["code"] = code_digest()
    records[2]["code"] = "an-older-version"
    journal.write_text("".join(json.dumps(r) + "\n" for r in records))
    corpus = read_manifest(out)["identity"]["inputs"]
    config = BatchConfig(corpus, out, workers=1, partition_size=SIZE, progress=False)
    kept = run_batch(config)
    assert (kept.stale_kept, kept.done_now.partitions) == (1, 0)
    config.redo_stale = True
    redone = run_batch(config)
    assert (redone.stale_kept, redone.done_now.partitions) == (0, 1)
    assert "an-older-version" not in read_manifest(out)["code_versions"]
    assert_same_output(out, reference)
