"""Shared output helpers for sub-commands: table, CSV and JSON writers.

Tables have two renderings. On a terminal, rich lays them out to the window and
wraps long cells (a quote is what a fact-checker reads, so it is never cut).
Into a pipe or a file the table is plain aligned text with every cell whole and
no escape codes, so that it is the same on every machine and diffs cleanly.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from quotetrace.terminal import console, is_terminal

FORMATS = ("table", "json", "jsonl", "csv")


def write_json(obj: Any, out: TextIO | None = None, indent: int | None = 2) -> None:
    out = out or sys.stdout
    out.write(json.dumps(obj, ensure_ascii=False, indent=indent))
    out.write("\n")


def write_csv(header: Sequence[str], rows: Iterable[Sequence[Any]], out: TextIO = sys.stdout) -> None:
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)


def fragments_cell(fragments: Iterable[Any]) -> str:
    """A CSV cell: the content's pieces as JSON [{start, end, text}], as in the JSON contract
    (a spreadsheet keeps the 'text' column, the whole extent; a program reads the pieces here)."""
    pieces = [
        f if isinstance(f, dict) else {"start": f.start, "end": f.end, "text": f.text} for f in fragments
    ]
    return json.dumps(pieces, ensure_ascii=False)


def shorten(value: Any, width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def add_wide_argument(parser) -> None:
    parser.add_argument(
        "--wide", action="store_true",
        help="on a terminal, one line per row however long (for a wide window or 'less -S'); "
        "by default long cells wrap. Output to a pipe or file is always one line per row.",
    )  # fmt: skip


def _plain(value: Any) -> str:
    plain = getattr(value, "plain", None)  # rich Text
    text = plain if isinstance(plain, str) else "" if value is None else str(value)
    return " ".join(text.split())


def write_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    out: TextIO | None = None,
    flexible: int | None = None,
    wide: bool = False,
    numeric: Sequence[int] = (),
) -> None:
    """An aligned table; column ``flexible`` (the quote) gets the room that is left.

    Cells are values or ``rich.text.Text`` (for highlighted matches); on a
    terminal long cells wrap inside their column, and ``wide`` keeps each row on
    one line instead (a pipe always gets one line a row).
    """
    out = out or sys.stdout
    if is_terminal(out):
        _rich_table(header, rows, out, flexible, wide, numeric)
        return
    cells = [[_plain(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    out.write("  ".join(h.ljust(widths[i]) for i, h in enumerate(header)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write("  ".join(c.ljust(widths[i]) for i, c in enumerate(row)).rstrip() + "\n")


STACK_BELOW = 40  # a quote column narrower than this reads better as a paragraph under its row


def _rich_table(header, rows, out, flexible, wide, numeric) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    term = console(out, wide)
    last = flexible == len(header) - 1  # a paragraph under the row only for the row's last cell
    if not wide and last and _room(header, rows, flexible, term.width) < STACK_BELOW:
        _stacked(header, rows, flexible, term, numeric)
        return
    # Other columns are capped at a fifth of the window so that a long name wraps
    # before the quote is squeezed; rich gives the flexible column what is left.
    cap = None if wide else max(12, term.width // 5)
    table = Table(
        box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 1), collapse_padding=True,
        pad_edge=False, header_style="bold",
    )  # fmt: skip
    for i, name in enumerate(header):
        table.add_column(
            name,
            justify="right" if i in numeric else "left",
            ratio=1 if i == flexible and not wide else None,
            max_width=None if i == flexible else cap,
            no_wrap=wide,
            overflow="fold",
        )
    for row in rows:
        table.add_row(*(c if isinstance(c, Text) else Text(_plain(c)) for c in row))
    term.print(table, crop=not wide)


def _room(header, rows, flexible: int, width: int) -> int:
    """What the flexible column would get beside the others (each capped as in the table)."""
    cap = max(12, width // 5)
    others = sum(
        min(cap, max([len(h)] + [len(_plain(r[i])) for r in rows])) + 2
        for i, h in enumerate(header)
        if i != flexible
    )
    return width - others


def _stacked(header, rows, flexible: int, term, numeric=()) -> None:
    """A narrow window: each row's short cells on one line, then its long cell wrapped below.
    Numbers after the first cell are labelled ("conf 0.87"): there is no column to name them."""
    from rich.padding import Padding
    from rich.text import Text

    names = [h for i, h in enumerate(header) if i != flexible]
    term.print(Text("  ·  ".join(names) + f"  /  {header[flexible]}", style="bold"))
    for row in rows:
        short = [
            f"{header[i]} {_plain(c)}" if i in numeric and i and _plain(c) else _plain(c)
            for i, c in enumerate(row)
            if i != flexible
        ]
        line = Text(short[0], style="bold")
        for cell in short[1:]:
            line.append("  ·  " if cell else "").append(cell)
        long = row[flexible] if isinstance(row[flexible], Text) else Text(_plain(row[flexible]))
        term.print(line)
        term.print(Padding(long, (0, 0, 1, 4)))
