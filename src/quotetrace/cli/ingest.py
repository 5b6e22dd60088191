"""``quotetrace ingest``: analyse articles and keep them in a searchable store."""

from __future__ import annotations

import argparse
import sys

from quotetrace.cli.options import (
    add_db_argument,
    add_encoding_argument,
    add_model,
    add_no_frame,
    require_db,
)

DESCRIPTION = """\
Analyse articles and store them, with their quotes, speakers, cues and
frames, in one SQLite file that 'quotetrace search', 'quotetrace speakers'
and 'quotetrace serve' read. The file is created when it does not exist.

PATH is any mix of:
  a .txt or .html file          one article (its file name is its id)
  a folder                      every readable file under it (the kinds below)
  a .jsonl[.gz|.zst] file       one article per line:
                                {"id", "text" | "html", "url", "title", "published", "outlet"}
  a .warc[.gz] file             every HTML response in the archive
  a .parquet file               a "text" (or "html") column, or 'quotetrace batch' rows
  -                             standard input: JSON lines, or one article
  a 'quotetrace batch' folder   DIR/articles/*.parquet, already analysed (no spaCy needed)

Ingesting is idempotent: an article whose id or text is already stored is
skipped, so re-running after adding files (or after an interrupted run)
stores only what is new. Each article is stored in its own transaction: a
killed run never leaves half an article. Lines or files that cannot be read
are reported (with their line number) and skipped; the rest is stored.

examples:
  quotetrace ingest articles/ --db quotes.db
  quotetrace ingest feed.jsonl more/*.html --db quotes.db
  quotetrace ingest out/batch-2024/ --db quotes.db      # Parquet from quotetrace batch
  QUOTETRACE_DB=quotes.db quotetrace ingest today/

exit codes: 0 all stored (or already there), 1 some inputs could not be read
(the others were stored), 2 bad usage.
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="analyse articles and store them in a searchable database",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, folders, corpus files, or - for standard input"
    )
    add_db_argument(parser)
    add_encoding_argument(parser)
    add_no_frame(parser)
    add_model(parser)
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary line")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quotetrace.batch.progress import Progress
    from quotetrace.ingest import check_encoding_name
    from quotetrace.store import Store
    from quotetrace.store.ingest import Analyser, ingest
    from quotetrace.store.sources import count, discover, items

    db = require_db(args)
    found = discover(args.paths, encoding=check_encoding_name(args.encoding))
    analyser = Analyser(model=args.model, frame=not args.no_frame)
    # On a terminal a bar with the total and time left, once a run lasts a second; in a log,
    # a line every few seconds.
    progress = Progress(not args.quiet, desc="quotetrace ingest", total=count(found), delay=1.0)
    failed = 0

    def on_item(item, outcome: str, message: str | None) -> None:
        nonlocal failed
        failed += outcome in ("failed", "upstream_failed")
        progress.update(1, **({"failed": failed} if failed else {}))
        if outcome == "failed":
            progress.write(f"quotetrace ingest: {item.where}: {message}")
        elif outcome == "upstream_failed":
            progress.write(f"quotetrace ingest: {item.where}: skipped, {message}")

    with Store.open(db, create=True) as store, progress:
        report = ingest(store.conn, items(found), analyser, on_item)
    if not args.quiet:
        print(f"{db}: {report.summary()}", file=sys.stderr)
    return 1 if report.failed else 0
