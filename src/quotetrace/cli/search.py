"""``quotetrace search``: full-text search over the stored quotes."""

from __future__ import annotations

import argparse
import re
import sys

from quotetrace.cli.options import add_db_argument, require_db
from quotetrace.cli.output import add_wide_argument, fragments_cell, write_csv, write_json, write_table
from quotetrace.records import QUOTE_KINDS

DESCRIPTION = """\
Search the quotes stored by 'quotetrace ingest', best match first (bm25),
with the matched words highlighted. QUERY is words (all must match),
"exact phrases", prefixes (ceasefir*) and OR / NOT between terms. An empty
QUERY ("") lists the quotes that pass the filters, newest first.

--speaker matches a canonical name, one of its mentions ("the minister"),
or whole words of the name ("Okafor" finds "Adaeze Okafor"). --since and
--until take YYYY, YYYY-MM or YYYY-MM-DD and include the whole period.
Like 'quotetrace extract', search shows reported speech by default; --acts
all adds the beliefs, intentions and stance the extractor also records.

examples:
  quotetrace search ceasefire --db quotes.db
  quotetrace search "ceasefire" --speaker Okafor --since 2024 --db quotes.db
  quotetrace search '"river deal" OR treaty' --kind direct --format json --db quotes.db
  quotetrace search "" --outlet "Harbour Herald" --format csv --limit 1000 --db quotes.db

Open a hit's article in the browser with 'quotetrace serve --db quotes.db'
at /articles/ARTICLE_ID.
"""

CSV_HEADER = (
    "score", "article_id", "quote_id", "published", "outlet", "title", "speaker", "kind",
    "cue", "frame_class", "text", "highlighted", "fragments",
)  # fmt: skip


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--speaker", metavar="NAME", help="only quotes by this speaker")
    parser.add_argument("--outlet", metavar="O", help="only articles from this outlet")
    parser.add_argument("--since", metavar="DATE", help="only articles published on/after DATE")
    parser.add_argument("--until", metavar="DATE", help="only articles published up to DATE")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="full-text search over stored quotes",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # Optional to argparse so that a QUERY starting with "-" ("-x") reaches run() instead of
    # being taken for an unknown option; run() insists on one.
    parser.add_argument(
        "query", metavar="QUERY", nargs="?", help='words, "phrases", prefix*, OR, NOT'
    )
    add_db_argument(parser)
    add_filter_arguments(parser)
    parser.add_argument(
        "--kind", action="append", metavar="KIND",
        help=f"only this kind ({', '.join(QUOTE_KINDS)}); repeat or comma-separate for several "
        "(default: direct, mixed, indirect)",
    )  # fmt: skip
    parser.add_argument(
        "--acts", default="speech", metavar="ACTS",
        help="speech (default: what a reader calls reported speech, as 'quotetrace extract' "
        "shows), belief, intention, other, comma-separated, or all (every attribution)",
    )  # fmt: skip
    parser.add_argument(
        "--format", "-f", choices=("table", "json", "jsonl", "csv"), default="table",
        help="table (default), json (same shape as /api/search), jsonl (one hit a line), csv",
    )  # fmt: skip
    parser.add_argument("--limit", "-n", type=int, default=20, help="hits to show (default 20)")
    parser.add_argument("--offset", type=int, default=0, help="skip this many hits first")
    add_wide_argument(parser)
    parser.set_defaults(func=run, dash_positional="query")


def run(args: argparse.Namespace) -> int:
    from quotetrace.errors import UsageError
    from quotetrace.store import Filters, Store

    if args.query is None:
        raise UsageError('give a QUERY ("" lists every quote)')
    if args.limit < 0 or args.offset < 0:
        raise UsageError("--limit and --offset must be 0 or more")
    for name in ("query", "speaker", "outlet", "since", "until"):
        _check_text(name, getattr(args, name))
    for kind in args.kind or ():
        _check_text("kind", kind)
    filters = Filters.parse(args.speaker, args.outlet, args.since, args.until, args.kind, args.acts)
    with Store.open(require_db(args)) as store:
        result = store.search(args.query, filters, limit=args.limit, offset=args.offset)
    emit(result, args.format, sys.stdout, wide=args.wide)
    return 0


def _check_text(name: str, value: str | None) -> None:
    """Arguments that are not UTF-8 reach Python as lone surrogates (one per bad byte),
    which SQLite cannot encode: say which argument holds which byte instead."""
    from quotetrace.errors import UsageError
    from quotetrace.ingest.decoding import first_surrogate

    at = first_surrogate(value) if value else None
    if value and at is not None:
        what = "QUERY" if name == "query" else f"--{name}"
        code = ord(value[at])
        byte = f"byte {code - 0xDC00:#04x}" if 0xDC80 <= code <= 0xDCFF else f"U+{code:04X}"
        raise UsageError(f"{what} is not valid UTF-8 text ({byte} at character {at})")


def mark(text: str, spans, opener: str, closer: str) -> str:
    out, pos = [], 0
    for start, end in spans:
        out += [text[pos:start], opener, text[start:end], closer]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def emit(result, fmt: str, out, wide: bool = False) -> None:
    if fmt == "json":
        write_json(result.to_dict(), out)
    elif fmt == "jsonl":
        for hit in result.hits:
            write_json(hit.to_dict(), out, indent=None)
    elif fmt == "csv":
        rows = (
            [
                h.score, h.article_id, h.quote_index, h.published or "", h.outlet or "",
                h.title or "", h.speaker or "", h.kind, h.cue or "", h.frame_class or "",
                h.text, mark(h.text, h.matches, "**", "**"), fragments_cell(h.fragments),
            ]
            for h in result.hits
        )  # fmt: skip
        write_csv(CSV_HEADER, rows, out)
    else:
        _table(result, out, wide)


def _table(result, out, wide: bool = False) -> None:
    from quotetrace.cli.output import is_terminal

    if not result.total:
        out.write(f"no quotes match {result.query!r}\n" if result.query else "no quotes match\n")
        return
    if not result.hits:
        out.write(f"{result.total} quote(s); none from offset {result.offset}\n")
        return
    terminal = is_terminal(out)
    rows = []
    for h in result.hits:
        # The snippet keeps the match visible when the quote is longer than a screenful;
        # whitespace is replaced one for one so that the match offsets still hold.
        text, spans = (h.snippet, h.snippet_matches) if h.matches else (h.text, [])
        text = re.sub(r"\s", " ", text)
        rows.append([
            f"{h.article_id}#{h.quote_index}", (h.published or "")[:10], h.outlet or "",
            h.speaker or "?", h.cue or "", h.kind,
            _highlighted(text, spans) if terminal else mark(text, spans, "**", "**"),
        ])  # fmt: skip
    header = ("article#q", "published", "outlet", "speaker", "cue", "kind", "quote")
    write_table(header, rows, out, flexible=6, wide=wide)
    shown = len(result.hits)
    more = f" (showing {shown}; use --limit/--offset for more)" if result.total > shown else ""
    out.write(f"\n{result.total} quote(s){more}\n")


def _highlighted(text: str, spans):
    """The matched words in bold yellow, as rich styles: the table measures the text, not escape codes."""
    from rich.text import Text

    styled = Text(text)
    for start, end in spans:
        styled.stylize("bold yellow", start, end)
    return styled
