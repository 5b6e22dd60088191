"""``quotetrace extract``: who said what in one article."""

from __future__ import annotations

import argparse
import sys

from quotetrace.cli.ingest import add_encoding_argument
from quotetrace.cli.output import write_csv, write_json, write_table
from quotetrace.errors import UsageError
from quotetrace.records import Article

DESCRIPTION = """\
Extract every quotation in one article: direct ("..." he said), mixed (a
partial quote inside paraphrase) and indirect (X denied reports that ...),
each with its cue, the speaker mention and the person it resolves to, and
character offsets into the text.

PATH is a .txt or .html file, or - for standard input. HTML is reduced to
its main text with trafilatura. The first line of a text file is taken as the
headline when it looks like one.

examples:
  quotetrace extract examples/interview.txt
  quotetrace extract page.html --format json > quotes.json
  curl -s URL | quotetrace extract - --format csv
  quotetrace extract article.txt --format jsonl --kinds direct,mixed

exit codes: 0 success, 1 unreadable input, 2 bad usage.
"""

CSV_HEADER = (
    "id", "kind", "speaker", "mention", "cue", "cue_lemma", "start", "end",
    "continuation", "confidence", "frame_class", "text",
)  # fmt: skip


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract and attribute the quotations of one article",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", metavar="PATH", help="a .txt or .html file, or - for stdin")
    parser.add_argument(
        "--format", "-f", choices=("table", "json", "jsonl", "csv"), default="table",
        help="table (default, for reading), json (the full contract), jsonl (one quote a line), csv",
    )  # fmt: skip
    parser.add_argument(
        "--kinds", default="direct,mixed,indirect",
        help="comma-separated kinds to show in table/csv/jsonl (default: direct,mixed,indirect; "
        "add 'term' for scare quotes and titles). json always holds every quote.",
    )  # fmt: skip
    add_encoding_argument(parser)
    parser.add_argument("--no-frame", action="store_true", help="skip framing analysis")
    parser.add_argument("--model", help="spaCy model package to use instead of the default")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quotetrace.ingest import read_document
    from quotetrace.pipeline import Analyser

    kinds = {k.strip() for k in args.kinds.split(",") if k.strip()}
    unknown = kinds - {"direct", "mixed", "indirect", "term"}
    if unknown:
        raise UsageError(f"--kinds: unknown kind(s) {', '.join(sorted(unknown))}")
    document = read_document(args.path, encoding=args.encoding)
    article = Analyser(model=args.model, frame=not args.no_frame).analyse(document)
    emit(article, args.format, kinds)
    return 0


def emit(article: Article, fmt: str, kinds: set[str], out=None) -> None:
    out = out or sys.stdout
    quotes = [q for q in article.quotes if q.kind in kinds]
    if fmt == "json":
        write_json(article.to_dict(), out)
    elif fmt == "jsonl":
        for q in quotes:
            write_json(q.to_dict(), out, indent=None)
    elif fmt == "csv":
        write_csv(CSV_HEADER, (_row(q) for q in quotes), out)
    else:
        _table(article, quotes, out)


def _row(q) -> list:
    return [
        q.id, q.kind, q.speaker.name if q.speaker else "", q.speaker.mention if q.speaker else "",
        q.cue.text if q.cue else "", q.cue.lemma if q.cue else "", q.start, q.end,
        q.continuation, round(q.confidence, 3), q.frame.cls if q.frame else "", q.text,
    ]  # fmt: skip


def _table(article: Article, quotes, out) -> None:
    if article.title:
        out.write(f"{article.title}\n\n")
    if not quotes:
        out.write("no quotations found\n")
        return
    rows = [
        [
            q.id,
            q.kind + (" (cont.)" if q.continuation else ""),
            q.speaker.name if q.speaker else "?",
            q.cue.text if q.cue else "",
            q.text,
        ]
        for q in quotes
    ]
    write_table(("#", "kind", "speaker", "cue", "quote"), rows, out, flexible=4)
    out.write("\n")
    speakers = [[s.name, s.quotes, s.words, ", ".join(s.aliases)] for s in article.speakers]
    if speakers:
        write_table(("speaker", "quotes", "words", "mentions"), speakers, out, flexible=3)
