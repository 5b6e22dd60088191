"""Evaluate the headline check (``quotetrace.frame``) on labelled PolNeAR dev headlines.

Labels: bench/data/headline_labels.tsv (ids and labels only; see docs/frame.md for how they
were made). Texts: ../shared/data/polnear/dev/text (or $QUOTETRACE_SHARED_DATA). Every
article is run through the real extractor (one spaCy load) and ``frame_article``; the
report gives accuracy, per-status precision/recall, the confusion matrix, how many
supported headlines got a supporting quote and how many unsupported ones were caught.

    .venv/bin/python bench/headline_check_bench.py [--errors] [--json]

Takes about half a minute (the extraction; framing itself is a few ms per article).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from quotetrace.frame import frame_article
from quotetrace.frame.evaluate import compose, read_labels, score
from quotetrace.ingest import Document
from quotetrace.paths import shared_data_dir

LABELS = Path(__file__).resolve().parent / "data" / "headline_labels.tsv"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--errors", action="store_true", help="list every item the check gets wrong")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args()
    data = shared_data_dir()
    if data is None:
        print("headline_check_bench: ../shared/data is absent (set QUOTETRACE_SHARED_DATA)", file=sys.stderr)
        return 1
    from quotetrace.extract import Extractor

    text_dir = data / "polnear" / "dev" / "text"
    labels = read_labels(args.labels)
    docs = []
    for label in labels:
        head = (text_dir / f"{label.headline_id}.txt").read_text(encoding="utf-8")
        body = (text_dir / f"{label.body_id}.txt").read_text(encoding="utf-8")
        text, headline = compose(head, body)
        docs.append(Document(text=text, title=headline, id=f"{label.headline_id}|{label.body_id}"))
    start = time.perf_counter()
    articles = list(Extractor().pipe(docs))
    extracted = time.perf_counter() - start
    start = time.perf_counter()
    checks = [frame_article(a).headline_check for a in articles]
    framed = time.perf_counter() - start
    result = score(labels, checks)
    result["seconds"] = {"extract": round(extracted, 1), "frame": round(framed, 3)}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        report(result)
    if args.errors:
        for label, check in zip(labels, checks, strict=True):
            if label.status != check.status:
                kind = "swapped" if label.swapped else "real"
                print(
                    f"[{kind}] {label.headline_id} / {label.body_id}: gold {label.status}, "
                    f"got {check.status} (score {check.score}, speaker {check.speaker!r})"
                )
    return 0


def report(result: dict) -> None:
    print(f"items {result['items']}  accuracy {result['accuracy']:.3f}")
    print(f"supported headlines with a supporting quote: {result['supported_with_quote']}")
    print(f"unsupported headlines called unsupported:    {result['unsupported_caught']}")
    print(f"{'status':28} {'gold':>5} {'pred':>5} {'prec':>6} {'rec':>6}")
    for status, s in result["per_status"].items():
        prec = "-" if s["precision"] is None else f"{s['precision']:.2f}"
        rec = "-" if s["recall"] is None else f"{s['recall']:.2f}"
        print(f"{status:28} {s['gold']:>5} {s['predicted']:>5} {prec:>6} {rec:>6}")
    print("confusion (gold -> predicted):")
    for pair, n in result["confusion"].items():
        print(f"  {pair}: {n}")
    sec = result["seconds"]
    per = 1000 * sec["frame"] / max(result["items"], 1)
    print(f"time: extract {sec['extract']} s, frame {sec['frame']} s ({per:.1f} ms per article)")


if __name__ == "__main__":
    raise SystemExit(main())
