"""Shared output helpers for sub-commands: table, CSV and JSON writers."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

FORMATS = ("table", "json", "jsonl", "csv")


def write_json(obj: Any, out: TextIO | None = None, indent: int | None = 2) -> None:
    out = out or sys.stdout
    out.write(json.dumps(obj, ensure_ascii=False, indent=indent))
    out.write("\n")


def write_csv(
    header: Sequence[str], rows: Iterable[Sequence[Any]], out: TextIO = sys.stdout
) -> None:
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)


def shorten(value: Any, width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def write_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    out: TextIO | None = None,
    flexible: int | None = None,
) -> None:
    """An aligned plain-text table; column ``flexible`` takes the terminal width that is left."""
    out = out or sys.stdout
    cells = [[shorten(c, 10_000) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    if flexible is not None:
        total = shutil.get_terminal_size((120, 24)).columns
        fixed = sum(w for i, w in enumerate(widths) if i != flexible) + 2 * (len(widths) - 1)
        widths[flexible] = max(20, min(widths[flexible], total - fixed))
    line = "  ".join(h.ljust(widths[i]) for i, h in enumerate(header))
    out.write(line.rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write(
            "  ".join(shorten(c, widths[i]).ljust(widths[i]) for i, c in enumerate(row)).rstrip()
        )
        out.write("\n")
