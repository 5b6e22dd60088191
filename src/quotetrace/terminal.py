"""The terminal as every interface writes to it: whether output is a terminal, and one rich
Console set up so that article text always prints as typed. Below cli/ and batch/ so both can
use it without one importing the other."""

from __future__ import annotations

from typing import TextIO

WIDE_COLUMNS = 10_000  # --wide: as wide as the content, for `less -S` or a wide window


def is_terminal(out: TextIO) -> bool:
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def console(out: TextIO, wide: bool = False):
    from rich.console import Console

    # markup/highlight off: article text is data, "[bold]" in a quote must print as typed.
    return Console(
        file=out, markup=False, highlight=False, emoji=False, soft_wrap=False,
        width=WIDE_COLUMNS if wide else None, force_terminal=is_terminal(out),
    )  # fmt: skip
