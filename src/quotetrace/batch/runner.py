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
        self._pool_of: dict[futures.Future, Any] = {}  # which pool each handle went to

    def _start(self) -> futures.ProcessPoolExecutor:
        return futures.ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
            initargs=(self.settings.model, os.getpid()),
        )

    def submit(self, part: Partition) -> futures.Future:
        try:
            handle = self._pool.submit(process_partition, part, self.settings)
        except BrokenProcessPool:
            # A worker died since the last wait() and the pool now refuses work. Its partitions
            # in flight already carry the error, for wait() to report; this one never ran, so
            # it goes to a fresh pool instead of counting as a death.
            self._restart()
            handle = self._pool.submit(process_partition, part, self.settings)
        self._pool_of[handle] = self._pool
        return handle

    def wait(self, handles: list[futures.Future], timeout: float) -> list[Outcome]:
        # Partitions of a pool replaced at submit() are settled at once: a queued one it
        # cancelled would never count as done for futures.wait.
        replaced = [f for f in handles if self._pool_of.get(f) is not self._pool]
        if replaced:
            return self._settled([_outcome(f) if f.done() else Outcome(f, died=True) for f in replaced])
        done, _ = futures.wait(handles, timeout=timeout, return_when=futures.FIRST_COMPLETED)
        if not any(_broke(f) for f in done):
            return self._settled([_outcome(f) for f in done])
        # Every unfinished future of a broken pool is lost; finished ones still count.
        outcomes = [
            _outcome(f) if f.done() and not _broke(f)
            else Outcome(f, died=True)
            for f in handles
        ]  # fmt: skip
        self._restart()
        return self._settled(outcomes)

    def _restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()
        self.restarts += 1

    def _settled(self, outcomes: list[Outcome]) -> list[Outcome]:
        for o in outcomes:
            self._pool_of.pop(o.handle, None)
        return outcomes

    def worker_pids(self) -> list[int]:
        return [p.pid for p in getattr(self._pool, "_processes", {}).values() if p.pid]

    def close(self, abort: bool = False) -> None:
        if abort:
            # Ctrl-C: stop now, not after the partitions in flight; a resume redoes them.
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.kill()
        self._pool.shutdown(wait=True, cancel_futures=True)


def _broke(f: futures.Future) -> bool:
    """Lost with its pool: failed by the pool's breaking, or cancelled when it was replaced."""
    return f.done() and (f.cancelled() or isinstance(f.exception(), BrokenProcessPool))


def _outcome(f: futures.Future) -> Outcome:
    if _broke(f):
        return Outcome(f, died=True)
    exc = f.exception()
    return Outcome(f, error=exc) if exc is not None else Outcome(f, result=f.result())
