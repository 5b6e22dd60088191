"""``quotetrace extract``: who said what in articles: files, corpora, folders, globs, web addresses."""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter

from quotetrace.cli.options import add_encoding_argument, add_model, add_no_frame
from quotetrace.cli.output import add_wide_argument, fragments_cell, write_csv, write_json, write_table
from quotetrace.errors import QuotetraceError, UsageError
from quotetrace.records import Article
from quotetrace.speech_view import DEFAULT_ACTS, parse_acts, select, view_name

DESCRIPTION = """\
Extract every quotation in articles: direct ("..." he said), mixed (a
partial quote inside paraphrase) and indirect (X denied reports that ...),
each with its cue, the speaker mention and the person it resolves to, and
character offsets into the text.

PATH is a .txt or .html file (one article), a corpus file read one article
per record (.jsonl, .jsonl.gz, .jsonl.zst or .ndjson lines with "text" or
"html" and optional "id", "title", "url", "outlet", "published"; a .warc or
.warc.gz archive, each HTML response; a .parquet file with a "text" column),
a folder (every file of those kinds in it, in sorted path order), a quoted
glob ('pages/*.html'), an http(s):// address (fetched, 20 s and 5 MB at
most), or - for standard input, read as `quotetrace ingest -` reads it: JSON
lines (one article per record, stdin:1, stdin:2, ...) when it starts with {,
else one article; give as many as you like. These are the formats
`quotetrace ingest` and `batch` read (docs/input.md). HTML is reduced to
its main text with trafilatura, and the page's url, outlet, date and author
go into the JSON, as do a record's metadata. The first line of a text is
taken as the headline when it looks like one.

With several articles (several inputs, a folder of several files, a corpus
file, JSON lines on stdin), --format json writes JSON Lines (one article a
line, each with its "source": the file, or file:line for a record, and the
record's "id"), jsonl and csv add the source to each quote, and the table
has one section per article. An input or record that cannot be read is
reported on standard error with where it is (feed.jsonl:3: not valid JSON
...) and the others are still extracted (exit code 1).

examples:
  quotetrace extract examples/interview.txt
  quotetrace extract page.html --format json > quotes.json
  quotetrace extract saved/ 'more/*.html' --format json > articles.jsonl
  quotetrace extract corpus.jsonl.gz crawl.warc.gz --format json > articles.jsonl
  quotetrace extract https://example.org/news/story.html
  curl -s URL | quotetrace extract - --format csv
  quotetrace extract article.txt --format jsonl --kinds direct,mixed
  quotetrace extract article.txt --acts all        # beliefs, intentions, stance too

exit codes: 0 success, 1 an input could not be read, 2 bad usage.
"""

CSV_HEADER = (
    "id", "kind", "speaker", "mention", "cue", "cue_lemma", "start", "end",
    "continuation", "confidence", "frame_class", "text", "fragments",
)  # fmt: skip
FORMATS = ("table", "json", "jsonl-articles", "jsonl", "csv")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract and attribute the quotations of articles (files, folders, corpora, URLs)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH",
        help=".txt/.html files, .jsonl[.gz|.zst]/.warc[.gz]/.parquet corpora, folders, globs, "
        "http(s) addresses, or - for stdin (JSON lines when it starts with {, else one article)",
    )  # fmt: skip
    parser.add_argument(
        "--format", "-f", choices=FORMATS, default="table",
        help="table (default, for reading), json (the full contract; one article a line when "
        "several), jsonl-articles (always one article a line), jsonl (one quote a line), csv",
    )  # fmt: skip
    parser.add_argument(
        "--kinds", default="direct,mixed,indirect",
        help="comma-separated kinds to show in table/csv/jsonl (default: direct,mixed,indirect; "
        "add 'term' for scare quotes and titles). json always holds every quote.",
    )  # fmt: skip
    parser.add_argument(
        "--acts", default="speech", metavar="ACTS",
        help="comma-separated: speech (default: what a reader calls reported speech, see "
        "docs/acts.md), belief, intention, other (perception, stance, depiction), or all "
        "(every attribution, as PolNeAR counts them). json holds every quote and names the view.",
    )  # fmt: skip
    parser.add_argument(
        "--min-confidence", type=float, default=0.0, metavar="P",
        help="table/csv/jsonl: only quotes whose confidence is at least P (0 to 1; default 0). "
        "json always holds every quote with its confidence.",
    )  # fmt: skip
    add_wide_argument(parser)
    add_encoding_argument(parser)
    add_no_frame(parser)
    add_model(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quotetrace.cli.inputs import expand, read_inputs
    from quotetrace.ingest import Document
    from quotetrace.pipeline import Analyser, one_line

    kinds = {k.strip() for k in args.kinds.split(",") if k.strip()}
    unknown = kinds - {"direct", "mixed", "indirect", "term"}
    if unknown:
        raise UsageError(f"--kinds: unknown kind(s) {', '.join(sorted(unknown))}")
    if not 0.0 <= args.min_confidence <= 1.0:
        raise UsageError("--min-confidence must be between 0 and 1")
    try:
        acts = parse_acts(args.acts)
    except ValueError as exc:
        raise UsageError(f"--acts: {exc}") from None
    specs = expand(args.paths)
    analyser = Analyser(model=args.model, frame=not args.no_frame)
    found = read_inputs(specs, encoding=args.encoding)
    if isinstance(found, Document):  # one article: its error was the command's error
        article = analyser.analyse(found)
        emit(article, args.format, kinds, min_confidence=args.min_confidence, wide=args.wide, acts=acts)
        return 0
    failed = emitted = 0
    for entry in found:
        if entry.document is None:
            failed += 1
            print(f"quotetrace extract: {entry.error}", file=sys.stderr)
            continue
        try:
            article = analyser.analyse(entry.document)
        except QuotetraceError as exc:
            failed += 1
            print(f"quotetrace extract: {exc}", file=sys.stderr)
            continue
        except Exception as exc:  # one article that breaks a stage must not stop the others
            failed += 1
            print(f"quotetrace extract: {entry.source}: {one_line(f'{type(exc).__name__}: {exc}')}",
                  file=sys.stderr)  # fmt: skip
            continue
        emit(article, args.format, kinds, source=entry.source, record_id=entry.id, first=emitted == 0,
             min_confidence=args.min_confidence, wide=args.wide, acts=acts)  # fmt: skip
        emitted += 1
        sys.stdout.flush()  # one article at a time, for a reader following along
    return 1 if failed else 0


def emit(
    article: Article, fmt: str, kinds: set[str], out=None, *, source: str | None = None,
    record_id: str | None = None, first: bool = True, min_confidence: float = 0.0, wide: bool = False,
    acts: frozenset[str] = DEFAULT_ACTS,
) -> None:  # fmt: skip
    """``source`` is set when there are several inputs: it labels each article's output.
    ``record_id`` is the id a corpus record gives (JSON lines, Parquet, WARC): json carries it.

    ``acts`` picks the view (quotetrace.speech_view): the reported-speech view by default.
    json keeps every quote, so that other tools read the whole contract, and records the view.
    """
    out = out or sys.stdout
    quotes = [q for q in article.quotes if q.kind in kinds and q.confidence >= min_confidence]
    quotes = select(quotes, acts)
    if fmt in ("json", "jsonl-articles"):
        data = {**article.to_dict(), "view": view_name(acts)}
        if source is not None:
            data = {"source": source, **({"id": record_id} if record_id else {}), **data}
        write_json(data, out, indent=2 if fmt == "json" and source is None else None)
    elif fmt == "jsonl":
        for q in quotes:
            data = q.to_dict() if source is None else {"source": source, **q.to_dict()}
            write_json(data, out, indent=None)
    elif fmt == "csv":
        header = CSV_HEADER if source is None else ("source", *CSV_HEADER)
        rows = (_row(q) if source is None else [source, *_row(q)] for q in quotes)
        if first:
            write_csv(header, rows, out)
        else:
            csv.writer(out).writerows(rows)
    else:
        if source is not None:
            out.write(("" if first else "\n") + f"== {source}\n")
        _table(article, quotes, out, wide)


def _row(q) -> list:
    return [
        q.id, q.kind, q.speaker.name if q.speaker else "", q.speaker.mention if q.speaker else "",
        q.cue.text if q.cue else "", q.cue.lemma if q.cue else "", q.start, q.end,
        q.continuation, round(q.confidence, 3), q.frame.cls if q.frame else "", q.text,
        fragments_cell(q.fragments),
    ]  # fmt: skip


def _table(article: Article, quotes, out, wide: bool = False) -> None:
    if article.title:
        out.write(f"{article.title}\n")
    source = " · ".join(x for x in (article.outlet, (article.published or "")[:10], article.author) if x)
    if source:
        out.write(f"{source}\n")
    if article.title or source:
        out.write("\n")
    if not quotes:
        out.write("no quotations found\n")
        return
    rows = [
        [
            q.id,
            q.kind + (" (cont.)" if q.continuation else ""),
            q.speaker.name if q.speaker else "?",
            q.cue.text if q.cue else "",
            f"{q.confidence:.2f}",
            q.content_text(),
        ]
        for q in quotes
    ]
    write_table(("#", "kind", "speaker", "cue", "conf", "quote"), rows, out, flexible=5, wide=wide,
                numeric=(0, 4))  # fmt: skip
    out.write("\n")
    # Counted over the rows shown, so that the two tables agree under any --acts/--kinds view.
    shown = Counter(q.speaker.name for q in quotes if q.speaker)
    words: Counter[str] = Counter()
    for q in quotes:
        if q.speaker:
            words[q.speaker.name] += q.content_words()
    speakers = [
        [s.name, shown[s.name], words[s.name], ", ".join(s.aliases)]
        for s in article.speakers
        if shown[s.name]
    ]
    if speakers:
        write_table(("speaker", "quotes", "words", "mentions"), speakers, out, flexible=3, wide=wide,
                    numeric=(1, 2))  # fmt: skip
