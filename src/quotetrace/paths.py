"""Where bundled data and the shared evaluation corpora live."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

PACKAGE_DATA = Path(__file__).parent / "data"
REPO_ROOT = Path(__file__).resolve().parents[2]


def data_file(name: str) -> Path:
    return PACKAGE_DATA / name


@cache
def shipped_model(name: str) -> dict | None:
    """A model a script in train/ fitted and shipped as JSON in data/ (the gate, the boundary
    model); None when the file is absent, so the caller falls back to its rules."""
    path = data_file(name)
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def shared_data_dir() -> Path | None:
    """``../shared/data`` beside the checkout, or $QUOTETRACE_SHARED_DATA; None when absent."""
    candidates = [os.environ.get("QUOTETRACE_SHARED_DATA"), REPO_ROOT.parent / "shared" / "data"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None
