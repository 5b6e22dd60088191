"""``quotetrace verify``: check each quote of an article against its source(s)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from quotetrace.cli.options import add_encoding_argument, add_format
from quotetrace.errors import InputError, QuotetraceError, UsageError

DESCRIPTION = """\
Check every quote of ARTICLE against the text it quotes (an interview
transcript, a speech, a press release): is it in the source word for word,
and if not, exactly what changed?

Each quote gets one status:
  verbatim              identical once quotation marks, apostrophes, dashes,
                        case and spacing are normalised
  edited                only marked edits: "..." for omitted words, [words]
                        replacing source words, [sic], or trivial punctuation
  altered               unmarked word substitutions, insertions or omissions
                        (each listed as source words -> quoted words, with a
                        word-level similarity score)
  stitched              joins source passages that are not adjacent (each
                        piece with its offsets and the words between them)
  paraphrase_supported  (indirect quotes) a source sentence says this
  not_found             nothing in the source is similar enough
  not_checked           not found, and not expected in the source: the
                        article's narration, a belief, intention or denial
                        it reports, or words of someone who does not speak
                        in the source (the note says which)

Direct quotes are checked whole, mixed quotes fragment by fragment, indirect
quotes as paraphrases. Offsets index the source text as read (after HTML
extraction). In transcripts with speaker labels ("BLINKEN:", "Q:",
"STEVE INSKEEP, HOST:") each passage knows its speaker, and the result says
whether the article attributes the quote to that speaker. When all the
source's speakers are named (labels, --source-speaker), a quote the article
gives to someone else is not_checked there, not not_found.

examples:
  quotetrace verify examples/interview.txt --source examples/interview_transcript.txt
  quotetrace verify article.txt --source transcript.txt
  quotetrace verify story.html --source speech.txt --source release.html --format html > report.html
  quotetrace extract article.txt --format json > a.json && quotetrace verify a.json --source t.txt
  quotetrace verify article.txt --source speech.txt --source-speaker "Joe Biden" --format json
  quotetrace verify article.txt --source t.txt --quotes marks     no spaCy: quoted spans only

exit codes: 0 success (whatever the verdicts), 1 unreadable input, 2 bad usage.
"""

FORMATS = ("table", "json", "jsonl", "csv", "html")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "verify",
        help="check each quote of an article against its source",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "article", metavar="ARTICLE", help=".txt, .html, - (stdin), or extract JSON (.json)"
    )
    parser.add_argument(
        "--source",
        "-s",
        action="append",
        required=True,
        metavar="SOURCE",
        help=".txt, .html or - ; repeat for several sources (each quote takes its best match)",
    )
    add_format(parser, FORMATS)
    add_encoding_argument(parser)
    parser.add_argument(
        "--quotes",
        choices=("extract", "marks"),
        default="extract",
        help="find quotes with the full extractor (default; direct, mixed, indirect, with "
        "speakers) or just from quotation marks (fast, no spaCy, direct only)",
    )
    parser.add_argument(
        "--source-speaker",
        metavar="NAME",
        help="who speaks in sources without speaker labels (a speech, a press release)",
    )
    parser.add_argument(
        "--min-score",
        type=float,
        default=None,
        metavar="F",
        help="word similarity (0-1) under which a quote is not_found (default 0.6)",
    )
    parser.add_argument(
        "--output", "-o", metavar="FILE", help="write here instead of standard output"
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the table's word diffs (auto: when writing to a terminal, unless NO_COLOR)",
    )
    parser.set_defaults(func=run)


def _article_quotes(path: str, mode: str, encoding: str | None = None) -> list:
    """Quote records of the article: from extract JSON, the extractor, or quotation marks."""
    from quotetrace.ingest import read_document

    if path.lower().endswith(".json"):
        return _quotes_from_json(Path(path))
    doc = read_document(path, encoding=encoding)
    if mode == "marks":
        from quotetrace.verify.quotes import quotes_from_marks

        return quotes_from_marks(doc.text)
    try:
        from quotetrace.extract import Extractor
    except ImportError as exc:
        raise QuotetraceError(
            f"the quote extractor could not be loaded ({exc}); "
            "use --quotes marks to check quoted spans without it"
        ) from exc
    from quotetrace.frame import frame_quotes

    # Framed as 'extract --format json' frames them: a denial's content is not the speaker's
    # words (verify/scope.py).
    return frame_quotes(Extractor().extract(doc.text, title=doc.title))


def _quotes_from_json(path: Path) -> list:
    from quotetrace.records import Article

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path} is not valid JSON: {exc}") from exc
    if isinstance(data, dict) and isinstance(data.get("articles"), list) and data["articles"]:
        data = data["articles"][0]
    try:
        return Article.from_dict(data).quotes
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(
            f"{path} is not 'quotetrace extract --format json' output (missing {exc})"
        ) from exc


def read_sources(paths: list[str], speaker: str | None, encoding: str | None = None) -> list:
    """The texts named by ``--source`` as verify Sources (``trace --source`` reads them too)."""
    from quotetrace.ingest import read_document
    from quotetrace.verify import Source

    sources = []
    for path in paths:
        doc = read_document(path, encoding=encoding)
        name = "standard input" if path == "-" else path
        sources.append(Source.from_text(doc.text, name=name, speaker=speaker))
    return sources


def run(args: argparse.Namespace) -> int:
    from quotetrace.verify import verify_quotes
    from quotetrace.verify.classify import MIN_SCORE
    from quotetrace.verify.render import (
        RENDERERS,
        render_json,
        render_table,
    )
    from quotetrace.web.verify_report import render_html

    if [args.article, *args.source].count("-") > 1:
        raise UsageError("standard input ('-') can be read only once: give the others as files")
    if args.min_score is not None and not 0 < args.min_score <= 1:
        raise UsageError("--min-score must be between 0 and 1")
    sources = read_sources(args.source, args.source_speaker, args.encoding)
    quotes = _article_quotes(args.article, args.quotes, args.encoding)
    results = verify_quotes(quotes, sources, min_score=args.min_score or MIN_SCORE)
    article = "standard input" if args.article == "-" else args.article
    names = [s.name for s in sources]
    if args.format == "table":
        color = args.color == "always" or (
            args.color == "auto"
            and args.output is None
            and sys.stdout.isatty()
            and not os.environ.get("NO_COLOR")
        )
        text = render_table(results, article, names, color=color)
    elif args.format == "html":
        text = render_html(results, article, names)
    elif args.format == "json":
        meta = [
            {"name": s.name, "words": len(s.index.enc), "turns": [t.to_dict() for t in s.turns]}
            for s in sources
        ]
        text = render_json(results, article, meta)
    else:
        text = RENDERERS[args.format](results)
    if args.output:
        try:
            Path(args.output).write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{args.output}: {exc.strerror or exc}") from exc
    else:
        sys.stdout.write(text + "\n")
    return 0
