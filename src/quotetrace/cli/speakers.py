"""``quotetrace speakers``: who is quoted, how often, in the store."""

from __future__ import annotations

import argparse
import sys

from quotetrace.cli.options import add_db_argument, require_db
from quotetrace.cli.output import write_csv, write_json, write_table

DESCRIPTION = """\
List the speakers of the stored quotes, most quoted first: quotes, articles
they appear in, words of quotation (airtime), outlets, the latest date they
were quoted, and the mentions that resolved to them. Speakers are merged
across articles by canonical name.

examples:
  quotetrace speakers --db quotes.db
  quotetrace speakers --outlet "Harbour Herald" --since 2024 --db quotes.db   # who does X quote?
  quotetrace speakers --format csv --db quotes.db > speakers.csv
"""

CSV_HEADER = ("name", "quotes", "articles", "words", "outlets", "last_published", "aliases")


def register(subparsers: argparse._SubParsersAction) -> None:
    from quotetrace.cli.search import add_filter_arguments

    parser = subparsers.add_parser(
        "speakers",
        help="list stored speakers with quote counts",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_db_argument(parser)
    add_filter_arguments(parser)
    parser.set_defaults(speaker=None)
    parser.add_argument(
        "--format", "-f", choices=("table", "json", "jsonl", "csv"), default="table",
        help="table (default), json, jsonl, csv",
    )  # fmt: skip
    parser.add_argument("--limit", "-n", type=int, default=None, help="show the top N only")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quotetrace.errors import UsageError
    from quotetrace.store import Store

    if args.limit is not None and args.limit < 0:
        raise UsageError("--limit must be 0 or more")
    with Store.open(require_db(args)) as store:
        rows = store.speakers(outlet=args.outlet, since=args.since, until=args.until, limit=args.limit)
    out = sys.stdout
    if args.format == "json":
        write_json([r.to_dict() for r in rows], out)
    elif args.format == "jsonl":
        for r in rows:
            write_json(r.to_dict(), out, indent=None)
    elif args.format == "csv":
        write_csv(CSV_HEADER, (_row(r, "; ") for r in rows), out)
    elif not rows:
        out.write("no speakers stored\n")
    else:
        write_table(
            ("speaker", "quotes", "articles", "words", "outlets", "last", "also called"),
            [_row(r, ", ") for r in rows], out, flexible=6,
        )  # fmt: skip
    return 0


def _row(r, sep: str) -> list:
    last = (r.last_published or "")[:10]
    return [r.name, r.quotes, r.articles, r.words, r.outlets, last, sep.join(r.aliases)]
