"""Options several commands share, declared once so they read and behave the same everywhere.

Not a command (no ``register``): ``cli/__init__`` skips it. Importing it stays cheap
(``quotetrace --help`` builds every parser).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from quotetrace.errors import InputError, UsageError


def add_format(
    parser: argparse.ArgumentParser, choices: Sequence[str], help: str | None = None, short: bool = True
) -> None:
    """``--format`` (``-f``); the first choice is the default."""
    flags = ("--format", "-f") if short else ("--format",)
    parser.add_argument(*flags, choices=tuple(choices), default=choices[0], help=help)


def add_model(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", help="spaCy model package to use instead of the default")


def add_no_frame(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-frame", action="store_true", help="skip framing analysis")


def encoding_name(value: str) -> str:
    """argparse type: an encoding Python knows (a bad name is a usage error, exit 2)."""
    import codecs

    try:
        codecs.lookup(value)
    except LookupError:
        raise argparse.ArgumentTypeError(
            f"unknown encoding {value!r} (try utf-8, cp1252, latin-1, utf-16)"
        ) from None
    return value


def add_encoding_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding", metavar="NAME", type=encoding_name,
        help="the encoding of article files (e.g. cp1252, latin-1, utf-16); default: detect, "
        "preferring UTF-8, then cp1252 for Western text",
    )  # fmt: skip


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", default=os.environ.get("QUOTETRACE_DB"),
        help="the store's SQLite file (default: $QUOTETRACE_DB)",
    )  # fmt: skip


def require_db(args: argparse.Namespace) -> str:
    if not args.db:
        raise UsageError("--db FILE is required (or set QUOTETRACE_DB)")
    return args.db


def polnear_texts(split: str, override: str | None = None, flag: str = "--data") -> Path:
    """The folder of PolNeAR ``split`` texts in the shared data, or ``override`` when given."""
    from quotetrace.paths import shared_data_dir

    if override:
        folder = Path(override)
    else:
        shared = shared_data_dir()
        if shared is None:
            raise InputError(f"../shared/data is absent (or set QUOTETRACE_SHARED_DATA); use {flag} DIR")
        folder = shared / "polnear" / split / "text"
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder")
    return folder
