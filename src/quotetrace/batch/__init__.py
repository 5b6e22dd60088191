"""Run quotetrace over a corpus: many cores or a Dask cluster, columnar output, resumable.

``run_batch(BatchConfig(inputs, out))`` is what ``quotetrace batch`` calls.
Modules: ``sources`` (input readers), ``partition`` (ids and partitions),
``work`` (what a worker runs), ``runner`` (local process pool),
``dask_runner`` (Dask cluster), ``output`` (files, manifest, journal),
``driver`` (the loop that ties them together). See docs/batch.md.
"""

from __future__ import annotations

from quotetrace.batch.config import BatchConfig
from quotetrace.batch.driver import run_batch
from quotetrace.batch.output import read_output

__all__ = ["BatchConfig", "read_output", "run_batch"]
