"""What this machine offers a batch run (kept free of heavy imports: ``--help`` shows it)."""

from __future__ import annotations

import os


def default_workers() -> int:
    """The cores this process may use (its CPU affinity), else the machine's count."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1
