"""``quotetrace evaluate``: score the extractor against an annotated corpus."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from quotetrace.cli.options import add_format, polnear_texts
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

HEADLINE_DESCRIPTION = """\
Score the headline check against hand-labelled PolNeAR dev headlines: each
label names the article whose headline is checked, the article whose body it
is checked against (another one for a swapped negative) and the right status.
Every article is extracted (one spaCy load) and framed; the report gives
accuracy, per-status precision/recall and the confusion matrix.

examples:
  quotetrace evaluate headline
  quotetrace evaluate headline --format json --errors
"""


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
    add_format(polnear, ("table", "json"), short=False)
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
    from quotetrace.cli import verify_eval

    verify = datasets.add_parser(
        "verify",
        help="the verify stage, on quotes written from PolNeAR with known changes",
        description=verify_eval.DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    verify_eval.add_arguments(verify)
    headline = datasets.add_parser(
        "headline",
        help="the headline check, on labelled PolNeAR dev headlines",
        description=HEADLINE_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    headline.add_argument(
        "--labels", metavar="FILE", help="label file (default bench/data/headline_labels.tsv)"
    )
    headline.add_argument(
        "--texts", metavar="DIR", help="article folder (default ../shared/data/polnear/dev/text)"
    )
    add_format(headline, ("table", "json"), short=False)
    headline.add_argument("--errors", action="store_true", help="list every item the check gets wrong")
    headline.set_defaults(func=run_headline)


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


def run_headline(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quotetrace.errors import InputError
    from quotetrace.evaluate.headline import evaluate_labels, format_errors, format_report, read_labels
    from quotetrace.paths import REPO_ROOT

    labels_path = Path(args.labels) if args.labels else REPO_ROOT / "bench" / "data" / "headline_labels.tsv"
    texts = polnear_texts("dev", args.texts, flag="--texts")
    if not labels_path.is_file():
        raise InputError(f"{labels_path}: no such label file")
    labels = read_labels(labels_path)
    checks, result = evaluate_labels(labels, texts)
    if args.format == "json":
        print(json.dumps(result, indent=2))
    else:
        print(format_report(result))
    for line in format_errors(labels, checks) if args.errors else []:
        print(line)
    return 0
