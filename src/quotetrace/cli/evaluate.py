"""``quotetrace evaluate``: score the extractor against an annotated corpus."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from quotetrace.errors import UsageError

DESCRIPTION = """\
Run the extractor over an annotated corpus split and score its quotes
against the gold attributions (Content, Source and Cue spans).

Datasets:
  polnear DIR   a PolNeAR split folder holding text/NAME.txt and
                attributions/NAME_ANNOTATOR.ann (brat standoff); each article
                is scored against its first annotator file in sorted order.

Metrics (precision, recall, F1; see docs/evaluation.md):
  content_exact       Content spans equal after stripping edge whitespace,
                      punctuation and quotation marks
  content_partial     Content spans sharing a word token, matched one-to-one
  content_tokens      word tokens inside any Content, gold vs predicted
  content_partial_quoted / _unquoted
                      content_partial over spans with / without double quotes
  source, cue         exact span match, over pairs whose Content matched

examples:
  quotetrace evaluate polnear ../shared/data/polnear/dev
  quotetrace evaluate polnear ../shared/data/polnear/dev --format json
  quotetrace evaluate polnear DIR --limit 10 --errors 2     first 10 articles,
                                                           2 examples per error kind
  quotetrace evaluate polnear DIR --baseline                textacy beside quotetrace
"""

BASELINES = ("textacy", "textacy-paragraphs")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="score quotes against an annotated corpus (PolNeAR)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    datasets = parser.add_subparsers(dest="dataset", metavar="DATASET", required=True)
    polnear = datasets.add_parser(
        "polnear",
        help="a PolNeAR split folder (text/ + attributions/)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    polnear.add_argument("directory", metavar="DIR", help="split folder, e.g. .../polnear/dev")
    polnear.add_argument("--format", choices=("table", "json"), default="table")
    polnear.add_argument("--limit", type=int, metavar="N", help="score only the first N articles")
    polnear.add_argument(
        "--errors",
        type=int,
        metavar="N",
        default=0,
        help="add an error analysis with N examples per category",
    )
    polnear.add_argument(
        "--baseline",
        action="store_true",
        help="also score textacy's direct_quotations on the same articles (needs textacy)",
    )
    polnear.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quotetrace.evaluate.analysis import error_analysis, format_errors
    from quotetrace.evaluate.polnear import load_split, run_systems
    from quotetrace.evaluate.report import format_table
    from quotetrace.evaluate.systems import SYSTEMS

    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit must be at least 1")
    if args.errors < 0:
        raise UsageError("--errors must be 0 or more")
    articles = load_split(args.directory, args.limit)
    names = ["quotetrace", *(BASELINES if args.baseline else ())]
    results = run_systems(articles, {n: SYSTEMS[n]() for n in names}, str(args.directory))
    main = results["quotetrace"]
    analysis = error_analysis(main, examples=args.errors) if args.errors else []
    if args.format == "json":
        out: dict[str, Any] = main.summary()
        if args.baseline:
            out["baselines"] = {n: results[n].summary() for n in BASELINES}
        if args.errors:
            out["errors"] = [asdict(c) for c in analysis]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(format_table([r.summary() for r in results.values()]))
    if analysis:
        print("\nerrors of quotetrace (most frequent first):")
        print(format_errors(analysis))
    return 0
