"""``quotetrace verify-eval``: precision/recall of ``verify`` per status on real text."""

from __future__ import annotations

import argparse
import json
import sys

from quotetrace.cli.options import add_format, polnear_texts
from quotetrace.errors import InputError, UsageError

DESCRIPTION = """\
Measure how well 'quotetrace verify' classifies quotes, on a test set built
from real articles: each PolNeAR article serves as a source, and a secondary
text quotes it with known changes (typography only, ellipsis, [brackets],
[sic], punctuation, unmarked substitutions/insertions/omissions, passages
joined, sentences from other articles, paraphrases; every 4th source is
rewritten as an interview transcript with speaker labels). The ground truth
is recorded as the quotes are written, so the report gives precision, recall
and F1 per status, whether the listed changes are exactly the ones made, whether
the offsets land on the right passages, and speaker-check accuracy.

With --extract, the quotes are found in the written articles by the real
extractor (as 'quotetrace verify' does), so extraction errors count too:
quotes it misses are a column of their own.

The set is seeded: the same data and seed give the same quotes and numbers.

examples:
  quotetrace evaluate verify                     dev split, markdown table
  quotetrace verify-eval                         the same (the older name)
  quotetrace verify-eval --errors 20             also list 20 misclassified quotes
  quotetrace verify-eval --extract               end to end, with the spaCy extractor
  quotetrace verify-eval --merge 10              sources of 10 articles (~8,000 words) each
  quotetrace verify-eval --split train --limit 200 --format json
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "verify-eval",
        help="the same as 'quotetrace evaluate verify'",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(parser)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--split", default="dev", help="PolNeAR split to use as sources (default dev)")
    parser.add_argument("--data", metavar="DIR", help="folder of .txt sources instead of PolNeAR")
    parser.add_argument("--limit", type=int, metavar="N", help="use only the first N sources")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--merge",
        type=int,
        default=1,
        metavar="K",
        help="join K articles into each source (long sources: more chance matches, repeats)",
    )
    add_format(parser, ("markdown", "json"))
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="list N errors after the table")
    parser.add_argument(
        "--extract",
        action="store_true",
        help="end to end: find the quotes in each written article with the extractor (spaCy) "
        "instead of verifying the written quotes directly",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quotetrace.evaluate.synth import build_set, load_corpus
    from quotetrace.evaluate.verify import evaluate, evaluate_extracted

    articles = load_corpus(polnear_texts(args.split, args.data))[: args.limit]
    if len(articles) < 2:
        raise InputError("need at least two source texts (negatives come from the others)")
    if args.merge < 1:
        raise UsageError("--merge must be 1 or more")
    docs = build_set(articles, seed=args.seed, merge=args.merge)
    if args.extract:
        from quotetrace.extract import Extractor

        report = evaluate_extracted(docs, Extractor())
    else:
        report = evaluate(docs)
    if args.format == "json":
        payload = {
            "quotes": len(report.outcomes),
            "sources": report.docs,
            "per_class": report.per_class(),
            "checks": {k: {"right": ok, "of": n} for k, (ok, n) in report.checks().items()},
            "confusion": [
                {"expected": e, "predicted": g, "count": n}
                for (e, g), n in sorted(report.confusion().items())
            ],
        }
        sys.stdout.write(json.dumps(payload, indent=2) + "\n")
    else:
        sys.stdout.write(report.to_markdown() + "\n")
    for line in report.errors(args.errors) if args.errors else []:
        sys.stdout.write("\n" + line + "\n")
    return 0
