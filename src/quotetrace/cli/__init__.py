"""The ``quotetrace`` command line.

Each sub-command lives in its own module of this package and exposes
``register(subparsers)``; modules are discovered, not listed, so adding a
command is adding a file. ``register`` must set ``func`` on its parser: a
callable taking the parsed ``argparse.Namespace`` and returning an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from quotetrace import __version__
from quotetrace.cli import _spacy_cli
from quotetrace.errors import QuotetraceError

DESCRIPTION = """\
quotetrace reads news articles and answers, for every piece of reported
speech: who said what, how the outlet framed it, and whether the quote is
faithful to its source.

examples:
  quotetrace extract article.txt                 readable table of quotes
  quotetrace extract page.html --format json     the JSON contract
  cat article.txt | quotetrace extract - --format csv
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotetrace",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"quotetrace {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    _spacy_cli.defer()  # a quarter of importing spaCy is its own CLI, which we never run
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    # A command may take one leftover "-x" as its positional (search -x): argparse reads
    # anything starting with "-" as an option.
    slot = getattr(args, "dash_positional", None)
    if slot and len(extra) == 1 and extra[0].startswith("-") and getattr(args, slot) is None:
        setattr(args, slot, extra.pop())
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except QuotetraceError as exc:
        print(f"quotetrace {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"quotetrace {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error for the user.
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
