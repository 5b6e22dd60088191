"""Evaluate the headline check (``quotetrace.frame``) on labelled PolNeAR dev headlines.

Labels: bench/data/headline_labels.tsv (ids and labels only; see docs/frame.md for how they
were made). Texts: ../shared/data/polnear/dev/text (or $QUOTETRACE_SHARED_DATA). Every
article is run through the real extractor (one spaCy load) and ``frame_article``; the
report gives accuracy, per-status precision/recall, the confusion matrix, how many
supported headlines got a supporting quote and how many unsupported ones were caught.

    .venv/bin/python bench/headline_check_bench.py [--errors] [--json]

The same as ``quotetrace evaluate headline``. Takes about half a minute (the extraction;
framing itself is a few ms per article).
"""

from __future__ import annotations

import sys

from quotetrace.cli import main

if __name__ == "__main__":
    argv = ["--format" if a == "--json" else a for a in sys.argv[1:]]
    if "--format" in argv:
        argv.insert(argv.index("--format") + 1, "json")
    raise SystemExit(main(["evaluate", "headline", *argv]))
