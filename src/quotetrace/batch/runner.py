"""The default backend: a local pool of worker processes, one spaCy pipeline each.

Workers are started with ``spawn`` (never forked from a process that may
hold spaCy state) and load the pipeline in their initializer. When a worker
dies (SIGKILL, out of memory, a crash in native code) the standard library
marks the whole pool broken; this backend then reports every partition that
was in flight as ``died``, starts a fresh pool, and leaves it to the driver to
decide what to retry.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent import futures
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from quotetrace.batch.partition import Partition
from quotetrace.batch.work import PartitionResult, WorkSettings, init_worker, process_partition

# String hashing is randomised per process unless PYTHONHASHSEED is set, and any
# analysis step that iterates a set of strings can then give a different answer in
# each worker. Workers get one fixed seed so that every backend, worker count and
# resumed run gives the same output: the seed Dask's nannies give their workers
# by default (distributed/nanny.py), so local and Dask workers agree.
WORKER_HASH_SEED = "6640"


def pin_worker_hash_seed() -> str:
    """Make worker processes started from now on share one hash seed; returns it."""
    if os.environ.get("PYTHONHASHSEED", "random") == "random":
        os.environ["PYTHONHASHSEED"] = WORKER_HASH_SEED
    return os.environ["PYTHONHASHSEED"]


@dataclass(slots=True)
class Outcome:
    """What became of one submitted partition."""

    handle: Any
    result: PartitionResult | None = None
    error: BaseException | None = None
    died: bool = False  # its worker process died while it was in flight


class LocalPool:
    # A death here may be another partition's fault: the driver isolates before concluding.
    definitive_deaths = False

    def __init__(self, workers: int, settings: WorkSettings):
        self.workers = max(1, workers)
        self.settings = settings
        self.slots = 2 * self.workers  # one running and one queued per worker: no idle gaps
        self.description = f"{self.workers} local worker process{'es' if self.workers > 1 else ''}"
        self.restarts = 0
        pin_worker_hash_seed()
        self._pool = self._start()

    def _start(self) -> futures.ProcessPoolExecutor:
        return futures.ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
            initargs=(self.settings.model, os.getpid()),
        )

    def submit(self, part: Partition) -> futures.Future:
        return self._pool.submit(process_partition, part, self.settings)

    def wait(self, handles: list[futures.Future], timeout: float) -> list[Outcome]:
        done, _ = futures.wait(handles, timeout=timeout, return_when=futures.FIRST_COMPLETED)
        if not any(isinstance(f.exception(), BrokenProcessPool) for f in done):
            return [_outcome(f) for f in done]
        # Every unfinished future of a broken pool is lost; finished ones still count.
        outcomes = [
            _outcome(f) if f.done() and not isinstance(f.exception(), BrokenProcessPool)
            else Outcome(f, died=True)
            for f in handles
        ]  # fmt: skip
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()
        self.restarts += 1
        return outcomes

    def worker_pids(self) -> list[int]:
        return [p.pid for p in getattr(self._pool, "_processes", {}).values() if p.pid]

    def close(self, abort: bool = False) -> None:
        if abort:
            # Ctrl-C: stop now, not after the partitions in flight; a resume redoes them.
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.kill()
        self._pool.shutdown(wait=True, cancel_futures=True)


def _outcome(f: futures.Future) -> Outcome:
    exc = f.exception()
    return Outcome(f, error=exc) if exc is not None else Outcome(f, result=f.result())
