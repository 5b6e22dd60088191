"""Run quotetrace over a corpus: many cores or a Dask cluster, columnar output, resumable.

``run_batch(BatchConfig(inputs, out))`` is what ``quotetrace batch`` calls.
Modules: ``sources`` (input readers), ``partition`` (ids and partitions),
``work`` (what a worker runs), ``runner`` (local process pool),
``dask_runner`` (Dask cluster), ``output`` (files, manifest, journal),
``driver`` (the loop that ties them together). See docs/batch.md.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quotetrace.batch.config import BatchConfig
    from quotetrace.batch.driver import run_batch
    from quotetrace.batch.output import read_output

__all__ = ["BatchConfig", "read_output", "run_batch"]
_HOMES = {"BatchConfig": "config", "run_batch": "driver", "read_output": "output"}


def __getattr__(name: str) -> Any:
    # Loaded on first use: importing a light submodule (``batch.host`` for ``--help``) must
    # not pull in spaCy and pyarrow through the driver.
    if name in _HOMES:
        return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
