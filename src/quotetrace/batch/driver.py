"""The driver: stream partitions to a backend, write what comes back, survive deaths.

The driver is the only writer of ``OUT``. It reads the corpus in order,
cuts it into partitions, skips those the journal says are complete (same
fingerprint, files present), keeps a bounded number in flight on the
backend, and writes each result atomically before journaling it.

When a worker dies, the partitions it may have been running are retried; a
partition that keeps dying, or dies alone, is split into single articles,
and an article that kills its worker on its own is recorded as failed. So
one poisonous article costs one row, never the run.
"""

from __future__ import annotations

import contextlib
import fcntl
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quotetrace.batch import output
from quotetrace.batch.config import BatchConfig, code_digest, frame_available
from quotetrace.batch.partition import Partition, partitions
from quotetrace.batch.progress import Progress, RunStats
from quotetrace.batch.runner import LocalPool, Outcome, pin_worker_hash_seed
from quotetrace.batch.sources import check_inputs, iter_items
from quotetrace.batch.work import (
    MAX_REPORTED_FAILURES,
    PartitionResult,
    WorkerSetupError,
    failed_result,
)
from quotetrace.errors import QuotetraceError, UsageError

# In a local pool a death cannot be pinned on one partition: a partition in flight
# at this many deaths is retried alone, where a death is its own.
SHARED_DEATHS_BEFORE_SOLO = 2
WORKER_DIED = "the worker process died while analysing this article (killed, crashed or out of memory)"
OUR_NAMES = {"articles", "quotes", output.MANIFEST, output.JOURNAL, ".lock"}
MAX_FAILURES_SHOWN = 10

Log = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass(slots=True)
class Task:
    part: Partition
    attempts: int = 0
    pos: int | None = None  # index inside a split partition; None for a whole partition


def make_backend(config: BatchConfig):
    settings = config.work_settings()
    if config.scheduler is None:
        return LocalPool(config.workers, settings)
    from quotetrace.batch.dask_runner import DaskCluster

    return DaskCluster(config.scheduler, config.workers, settings)


def run_batch(config: BatchConfig, log: Log = _stderr) -> RunStats:
    """Process ``config.inputs`` into ``config.out``; resumable, safe to re-run."""
    started = time.perf_counter()
    _validate(config)
    check_inputs(config.inputs)
    out = Path(config.out)
    out.mkdir(parents=True, exist_ok=True)
    with _locked(out):
        identity = config.identity()
        header = _open_output(out, identity, config.overwrite, log)
        journal = output.Journal(out)
        try:
            if journal.records:
                log(f"resuming: {len(journal.records):,} partitions in {out} are already complete")
            backend = make_backend(config)
            driver = Driver(config, backend, journal)
            driver.stats.started = started
            driver.stats.startup = time.perf_counter() - started
            try:
                stats = driver.run()
            except BaseException:
                backend.close(abort=True)
                raise
            backend.close()
            _finish(out, header, journal, driver, stats)
        finally:
            journal.close()
    stats.backend = backend.description
    return stats


def _validate(config: BatchConfig) -> None:
    if config.fmt not in output.FORMATS:
        raise UsageError(f"--format must be one of {', '.join(output.FORMATS)}")
    if config.partition_size < 1:
        raise UsageError("--partition-size must be at least 1")
    if config.workers < 1:
        raise UsageError("--workers must be at least 1")
    if config.max_words < 1:
        raise UsageError("--max-words must be at least 1")
    if not config.inputs:
        raise UsageError("give at least one INPUT")
    if config.scheduler not in (None, "local") and "://" not in config.scheduler:
        raise UsageError(f"--scheduler {config.scheduler!r}: give 'local' or tcp://HOST:PORT")


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    # flock dies with its process, so a SIGKILLed run never leaves a stale lock.
    with open(out / ".lock", "a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise UsageError(f"another quotetrace batch is writing to {out}") from exc
        yield


def _open_output(out: Path, identity: dict, overwrite: bool, log: Log) -> dict[str, Any]:
    """Check that ``out`` is new, or holds this very run; write the manifest header."""
    old = output.read_manifest(out)
    foreign = sorted(p.name for p in out.iterdir() if p.name not in OUR_NAMES)
    if old is None and foreign:
        raise UsageError(
            f"{out} is not empty and is not a quotetrace batch output "
            f"({', '.join(foreign[:3])}...); choose a new or empty folder"
        )
    if old is not None and old.get("identity") != identity:
        if not overwrite:
            changed = sorted(k for k in identity if (old.get("identity") or {}).get(k) != identity[k])
            raise UsageError(
                f"{out} holds the output of a different command "
                f"(differs in: {', '.join(changed)}); pass --overwrite to replace it, "
                "or choose another --out"
            )
        log(f"--overwrite: replacing the previous output in {out}")
        old = None
    if old is None:
        for name in (output.MANIFEST, output.JOURNAL):
            (out / name).unlink(missing_ok=True)
        if (out / "articles").exists() or (out / "quotes").exists():
            output.prepare_dirs(out)
            output.remove_stale(out, keep=set())
    header = {
        "format": "quotetrace-batch",
        "version": 1,
        "identity": identity,
        "code": code_digest(identity["model"]),
        "frame_available": frame_available(),
        "worker_hash_seed": pin_worker_hash_seed(),
        "complete": False,
        "started": (old or {}).get("started") or _now(),
    }
    output.prepare_dirs(out)
    output.write_manifest(out, header)
    return header


def _finish(out: Path, header: dict, journal: output.Journal, driver: Driver, stats: RunStats) -> None:
    records = [journal.records[i] for i in range(driver.n_partitions)]
    output.remove_stale(out, keep={f for r in records for f in r["files"]})
    manifest = dict(header)
    manifest.update(
        complete=True,
        finished=_now(),
        totals=stats.total.as_dict(),
        code_versions=sorted({r.get("code", "") for r in records}),
        partitions=records,
    )
    output.write_manifest(out, manifest)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Driver:
    def __init__(self, config: BatchConfig, backend, journal: output.Journal):
        self.config = config
        self.backend = backend
        self.journal = journal
        self.out = Path(config.out)
        self.settings = config.work_settings()
        self.code = code_digest(config.model)
        self.stats = RunStats()
        self.progress = Progress(config.progress, inputs=config.inputs)
        self.n_partitions = 0
        self._plan = partitions(
            iter_items(config.inputs, config.read_options()), config.partition_size, config.salt()
        )
        self._inflight: dict[Any, Task] = {}
        self._ready: deque[Task] = deque()  # retries and split pieces, before new partitions
        self._solo: deque[Task] = deque()  # to run with nothing else in flight
        self._splits: dict[int, list[PartitionResult | None]] = {}

    def run(self) -> RunStats:
        try:
            while self._fill():
                outcomes = self.backend.wait(list(self._inflight), timeout=1.0)
                alone = len(self._inflight) == 1 or self.backend.definitive_deaths
                for outcome in outcomes:
                    self._handle(self._inflight.pop(outcome.handle), outcome, alone)
        finally:
            self.progress.close()
        self.stats.worker_restarts = getattr(self.backend, "restarts", 0)
        return self.stats

    # --- scheduling ---------------------------------------------------------------------

    def _fill(self) -> bool:
        """Submit work while there are free slots; False once everything is done."""
        while not self._solo and len(self._inflight) < self.backend.slots:
            task = self._ready.popleft() if self._ready else self._next_new()
            if task is None:
                break
            self._submit(task)
        if self._solo and not self._inflight:
            self._submit(self._solo.popleft())
        return bool(self._inflight)

    def _submit(self, task: Task) -> None:
        self._inflight[self.backend.submit(task.part)] = task

    def _next_new(self) -> Task | None:
        for part in self._plan:
            self.n_partitions = part.index + 1
            record = self.journal.records.get(part.index)
            if record is not None and self._still_valid(record, part):
                self.stats.total.add(record)
                self.stats.resumed.add(record)
                self.stats.stale_kept += record.get("code") != self.code
                continue
            if record is not None:
                self.stats.redone += 1
            return Task(part)
        return None

    def _still_valid(self, record: dict[str, Any], part: Partition) -> bool:
        if self.config.redo_stale and record.get("code") != self.code:
            return False
        return record.get("fingerprint") == part.fingerprint and all(
            (self.out / f).exists() for f in record.get("files", ())
        )

    # --- outcomes -----------------------------------------------------------------------

    def _handle(self, task: Task, outcome: Outcome, alone: bool) -> None:
        if outcome.result is not None:
            self._complete(task, outcome.result)
        elif outcome.died and not alone:
            task.attempts += 1
            queue = self._solo if task.attempts >= SHARED_DEATHS_BEFORE_SOLO else self._ready
            queue.append(task)
        elif outcome.died:
            self._give_up(task, WORKER_DIED)
        elif isinstance(outcome.error, WorkerSetupError):
            raise QuotetraceError(f"a worker cannot analyse articles: {outcome.error}")
        else:
            error = outcome.error
            self._give_up(task, f"internal error: {type(error).__name__}: {error}")

    def _give_up(self, task: Task, error: str) -> None:
        """The task cannot run as it is: split a partition, or record a lone article as failed."""
        part = task.part
        if len(part.items) > 1:
            self._splits[part.index] = [None] * len(part.items)
            for pos, item in enumerate(part.items):
                self._ready.append(Task(Partition(part.index, [item], part.fingerprint), pos=pos))
            return
        self._complete(task, failed_result(part, error, self.settings))

    def _complete(self, task: Task, result: PartitionResult) -> None:
        if task.pos is None:
            self._write(task.part.index, task.part.fingerprint, result)
            return
        pieces = self._splits[task.part.index]
        pieces[task.pos] = result
        if all(p is not None for p in pieces):
            del self._splits[task.part.index]
            done = [p for p in pieces if p is not None]  # every piece, now: narrows the type
            self._write(task.part.index, task.part.fingerprint, _join(done, self.settings.fmt))

    def _write(self, index: int, fingerprint: str, result: PartitionResult) -> None:
        files = output.write_partition(self.out, index, self.settings.fmt, result.files)
        record = {
            "index": index, "fingerprint": fingerprint, "articles": result.articles,
            "failed": result.failed, "quotes": result.quotes, "words": result.words,
            "files": files, "code": self.code, "seconds": round(result.seconds, 3),
            "cpu_seconds": round(result.cpu_seconds, 3),
            "worker": result.worker,
            "written": _now(),
        }  # fmt: skip
        self.journal.add(record)
        self.stats.total.add(record)
        self.stats.done_now.add(record)
        room = MAX_FAILURES_SHOWN - len(self.stats.failures)
        self.stats.failures.extend(result.failures[: max(room, 0)])
        self.progress.advance(record, self.stats)


def _join(pieces: list[PartitionResult], fmt: str) -> PartitionResult:
    first = pieces[0]
    joined = PartitionResult(
        first.index, first.fingerprint, output.merge(fmt, (p.files for p in pieces)),
        worker="split",
    )  # fmt: skip
    for p in pieces:
        joined.articles += p.articles
        joined.failed += p.failed
        joined.quotes += p.quotes
        joined.words += p.words
        joined.seconds += p.seconds
        joined.cpu_seconds += p.cpu_seconds
        joined.failures.extend(p.failures)
    del joined.failures[MAX_REPORTED_FAILURES:]
    return joined
