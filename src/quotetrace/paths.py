"""Where bundled data and the shared evaluation corpora live."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DATA = Path(__file__).parent / "data"
REPO_ROOT = Path(__file__).resolve().parents[2]


def data_file(name: str) -> Path:
    return PACKAGE_DATA / name


def shared_data_dir() -> Path | None:
    """``../shared/data`` beside the checkout, or $QUOTETRACE_SHARED_DATA; None when absent."""
    candidates = [os.environ.get("QUOTETRACE_SHARED_DATA"), REPO_ROOT.parent / "shared" / "data"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None
