"""The Dask backend: the same partitions, run on a Dask distributed cluster.

Each partition is a one-partition ``dask.bag`` mapped with
``map_partitions(process_many)``, computed on the cluster as soon as a slot
is free, so the driver keeps streaming the corpus with bounded memory and
writes outputs itself: workers need the quotetrace package and its model
but no shared filesystem. ``--scheduler local`` starts a LocalCluster of
single-threaded worker processes (spaCy holds the GIL, so threads would not
help); ``--scheduler tcp://HOST:PORT`` joins a running cluster.

Dask already retries a task whose worker died (``allowed-failures``) and
only then reports ``KilledWorker``, so a death reported here is taken as the
partition's own doing.
"""

from __future__ import annotations

import warnings
from typing import Any

from quotetrace.batch.partition import Partition
from quotetrace.batch.runner import Outcome, pin_worker_hash_seed
from quotetrace.batch.work import WorkSettings, process_many, warm_up
from quotetrace.errors import QuotetraceError, UsageError


class DaskCluster:
    definitive_deaths = True

    def __init__(self, scheduler: str, workers: int, settings: WorkSettings):
        from distributed import Client, LocalCluster

        self.settings = settings
        self._cluster = None
        seed = pin_worker_hash_seed()  # inherited by LocalCluster workers
        try:
            if scheduler == "local":
                self._cluster = LocalCluster(
                    n_workers=max(1, workers), threads_per_worker=1, processes=True,
                    dashboard_address=None,
                )  # fmt: skip
                self._client = Client(self._cluster)
            else:
                if "://" not in scheduler:
                    raise UsageError(f"--scheduler {scheduler!r}: give 'local' or tcp://HOST:PORT")
                self._client = Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            self.close()
            raise QuotetraceError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        try:
            where = self._client.run(warm_up, settings.model)
        except Exception as exc:
            self.close()
            raise QuotetraceError(
                f"Dask workers cannot load quotetrace and its model: {type(exc).__name__}: {exc}"
            ) from exc
        seeds = {s for _, s in where.values()}
        if seeds != {seed}:
            warnings.warn(
                f"Dask workers hash strings with seeds {sorted(seeds)}, not {seed}: results may "
                f"differ between workers; start them with PYTHONHASHSEED={seed}",
                stacklevel=2,
            )
        threads = sum(self._client.nthreads().values()) or len(where) or 1
        self.slots = 2 * threads
        kind = "LocalCluster" if self._cluster is not None else f"cluster at {scheduler}"
        self.description = f"Dask {kind}, {len(where)} workers / {threads} threads"

    def submit(self, part: Partition) -> Any:
        import dask.bag as db

        bag = db.from_sequence([part], npartitions=1).map_partitions(process_many, self.settings)
        return self._client.compute(bag.to_delayed()[0])

    def wait(self, handles: list[Any], timeout: float) -> list[Outcome]:
        from distributed import wait
        from distributed.scheduler import KilledWorker

        try:
            done, _ = wait(handles, timeout=timeout, return_when="FIRST_COMPLETED")
        except TimeoutError:
            return []
        outcomes = []
        for f in done:
            if f.status == "finished":
                outcomes.append(Outcome(f, result=f.result()[0]))
            elif f.status == "error":
                exc = f.exception()
                outcomes.append(Outcome(f, error=exc, died=isinstance(exc, KilledWorker)))
            else:  # cancelled or lost by the scheduler
                outcomes.append(Outcome(f, died=True))
            f.release()
        return outcomes

    def worker_pids(self) -> list[int]:
        return list(self._client.run(_pid).values())

    def close(self, abort: bool = False) -> None:
        client = getattr(self, "_client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()


def _pid() -> int:
    import os

    return os.getpid()
