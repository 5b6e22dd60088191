"""``quotetrace frame``: how one article frames what its sources said."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from quotetrace.cli.options import add_encoding_argument, add_format, add_model
from quotetrace.cli.output import add_wide_argument, shorten, write_json, write_table
from quotetrace.errors import InputError, UsageError
from quotetrace.records import Article, Balance, HeadlineCheck

DESCRIPTION = """\
Report how an article frames the speech it reports:

  per quote     the reporting verb's class (neutral "said", assertive
                "acknowledged", doubt "claimed", admission "conceded", denial
                "denied", emphasis "stressed"), its veridicality (-1 presents
                the content as false, 0 as neutral as "said", +1 as true;
                graded by MegaVeridicality v2.1) and the writer's markers next
                to it: evaluative words ("rightly", "despite revelations"),
                intensifiers ("flatly denied"), hedges ("reportedly"),
                negation ("did not deny") and scare quotes.
  balance       each speaker's quotes, words and share of the article; how
                much of it is quoted speech and how much the writer's text.
  headline      whether the body quotes the headline's speaker saying what the
                headline claims: supported, partly, unsupported, or no
                attribution in headline; with the supporting quotes.

PATH is a .txt or .html article (or - for standard input), or the JSON that
`quotetrace extract --format json` wrote, as a .json file or on standard input
(then no extraction is rerun).

examples:
  quotetrace frame examples/interview.txt
  quotetrace frame article.html --format json > framed.json
  quotetrace extract story.txt --format json > q.json && quotetrace frame q.json
  quotetrace extract story.txt --format json | quotetrace frame -
  quotetrace frame story.txt --format html > story.html
  quotetrace frame story.txt --wide | less -S       one line per row on a terminal

exit codes: 0 success, 1 unreadable input, 2 bad usage.
"""

MARKER_LABELS = {
    "evaluative": "eval",
    "intensifier": "intens",
    "hedge": "hedge",
    "negation": "neg",
    "scare_quote": "scare",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "frame",
        help="how an article frames its quotes: verb classes, markers, balance, headline check",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", metavar="PATH", help="a .txt/.html article, - for stdin, or extract JSON")
    add_format(
        parser, ("table", "json", "html"),
        "table (default, a readable report), json (the full record), html (article view)",
    )  # fmt: skip
    add_wide_argument(parser)
    add_model(parser)
    add_encoding_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    render = _html_renderer() if args.format == "html" else None
    article = load_article(args.path, args.model, args.encoding)
    if args.format == "json":
        write_json(article.to_dict())
    elif render is not None:
        sys.stdout.write(render(article))
    else:
        report(article, sys.stdout, wide=args.wide)
    return 0


def _html_renderer():
    try:
        from quotetrace.web.render import standalone_html
    except ImportError as exc:
        raise UsageError(
            "--format html needs the article view (quotetrace.web.render.standalone_html), "
            "which this installation does not have yet; use --format table or json"
        ) from exc
    return standalone_html


def load_article(path: str, model: str | None = None, encoding: str | None = None) -> Article:
    """Extract-JSON (a .json file, or JSON on standard input) is framed as it is; an article
    (.txt/.html/stdin text) is extracted first."""
    from quotetrace.frame import frame_article
    from quotetrace.ingest import MAX_INPUT_BYTES, bytes_to_document, read_document

    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        if data.lstrip()[:1] == b"{":
            return frame_article(_parse_json(data, "standard input"))
        document = bytes_to_document(data, "standard input", encoding=encoding)
    elif path.lower().endswith(".json"):
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError as exc:
            raise InputError(f"{path}: no such file") from exc
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
        return frame_article(_parse_json(data, path))
    else:
        document = read_document(path, encoding=encoding)
    from quotetrace.pipeline import Analyser

    return Analyser(model=model, frame=frame_article).analyse(document)


def _parse_json(data: bytes, name: str) -> Article:
    try:
        return Article.from_dict(json.loads(data.decode("utf-8-sig")))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{name}: not readable as JSON ({exc})") from exc
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{name}: not the JSON of `quotetrace extract --format json`") from exc


# -- the table report ------------------------------------------------------------
def report(article: Article, out: TextIO, wide: bool = False) -> None:
    """The table report; ``wide``: on a terminal one line per row, as ``extract --wide``."""
    if article.title:
        out.write(f"{article.title}\n\n")
    _quotes(article, out, wide)
    _balance(article.balance, out, wide)
    _headline(article.headline_check, out)


def _markers(q) -> str:
    if not q.frame or not q.frame.markers:
        return ""
    return ", ".join(f"{MARKER_LABELS.get(m.kind, m.kind)}:{m.text}" for m in q.frame.markers)


def _quotes(article: Article, out: TextIO, wide: bool = False) -> None:
    quotes = [q for q in article.quotes if q.kind != "term"]
    if not quotes:
        out.write("no quotations found\n\n")
        return
    rows = [
        [
            q.id,
            q.speaker.name if q.speaker else "?",
            (q.cue.text if q.cue else "") + (" (cont.)" if q.continuation else ""),
            q.frame.cls if q.frame else "",
            _score(q.frame.veridicality if q.frame else None),
            _markers(q),
            q.content_text(),
        ]
        for q in quotes
    ]
    header = ("#", "speaker", "cue", "class", "verid", "markers", "quote")
    write_table(header, rows, out, flexible=6, wide=wide)
    out.write("\n")


def _score(value: float | None) -> str:
    return "" if value is None else f"{value:+.2f}"


def _balance(balance: Balance | None, out: TextIO, wide: bool = False) -> None:
    if balance is None:
        return
    out.write(
        f"Balance: {balance.article_words} words; quoted speech {balance.quoted_share:.0%}, "
        f"writer's own text {balance.writer_share:.0%} "
        f"(paraphrase of sources {balance.paraphrased_share:.0%})\n"
    )
    rows = [
        [s.name, s.quotes, s.words, s.quoted_words, f"{s.share:.0%}", _bar(s.share)] for s in balance.speakers
    ]
    if rows:
        header = ("speaker", "quotes", "words", "quoted", "share", "")
        write_table(header, rows, out, flexible=0, wide=wide)
    classes = balance.cue_classes
    if classes:
        parts = ", ".join(f"{k} {v}" for k, v in sorted(classes.items(), key=lambda kv: -kv[1]))
        out.write(f"Cue classes: {parts}\n")
    if balance.scare_quotes:
        parts = ", ".join(
            s.text + (f" (#{s.quote_id})" if s.quote_id is not None else "") for s in balance.scare_quotes
        )
        out.write(f"Scare quotes / terms: {parts}\n")
    out.write("\n")


def _bar(share: float, width: int = 12) -> str:
    """12 cells: the narrowest a table column is capped at (cli/output.py), so a full bar
    does not wrap in an 80-column terminal."""
    return "█" * round(share * width)


def _headline(check: HeadlineCheck | None, out: TextIO) -> None:
    if check is None:
        return
    out.write(f"Headline check: {check.status.upper()}")
    if check.status != "no attribution in headline":
        out.write(f" (score {check.score:.2f})")
    out.write("\n")
    for key in ("speaker", "cue", "claim"):
        if getattr(check, key):
            out.write(f"  {key}: {getattr(check, key)}\n")
    for s in check.supporting_quotes:
        out.write(f"  #{s.id} ({s.score:.2f}) {shorten(s.text, 100)}\n")
