"""The reported-speech view checked on PolNeAR train (never dev: the view's rule is not tuned there).

PolNeAR annotates speech, beliefs and intentions alike, without saying which is which. Its speech
is taken here as the gold attributions whose cue contains a word of the Gender Gap Tracker
quote-verb list (surface forms; "think" and its forms left out, a belief) or is "according to",
or whose content is in quotation marks. For the quotes quotetrace finds on a sample of train
articles (matched to a gold attribution when their contents overlap), it prints:

- kept of speech: of the quotes matching gold speech, the share the view keeps (it should drop
  little real speech);
- kept of non-speech: of the quotes matching other gold attributions, the share it keeps;
- view rows matching no gold attribution, against every attribution.

    .venv/bin/python bench/acts_polnear.py [--docs N]
"""

from __future__ import annotations

import argparse
import glob
import random
import re
import sys
from pathlib import Path

from quotetrace.paths import shared_data_dir

QUOTE_CHARS = "\"“”'‘’`"
BELIEF_FORMS = {"think", "thinks", "thinking", "thought"}


def gold_attributions(ann: Path, text: str) -> list[tuple[list[tuple[int, int]], str]]:
    """(content spans, cue text) per attribution of a brat .ann file."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, where = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in p.split()) for p in where.split(";")]
            spans[parts[0]] = (label, [(a, b) for a, b in pieces])
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    out = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""), ("", []))[1]
        cue = " ".join(text[a:b] for a, b in spans.get(rel.get("Cue", ""), ("", []))[1])
        if content:
            out.append((content, cue))
    return out


def is_gold_speech(content: list[tuple[int, int]], cue: str, text: str, verbs: set[str]) -> bool:
    words = set(re.findall(r"[a-z]+", cue.lower()))
    quoted = any(text[a:b].strip()[:1] in QUOTE_CHARS for a, b in content)
    return quoted or bool(words & verbs - BELIEF_FORMS) or "according" in words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=60, help="train articles to sample (default 60)")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    data = shared_data_dir()
    if data is None:
        print("error: ../shared/data is not beside the checkout", file=sys.stderr)
        return 2
    from quotetrace.extract import Extractor
    from quotetrace.speech_view import is_reported_speech

    lexicon = data / "lexicons" / "ggt_quote_verb_list.txt"
    verbs = {w.strip() for w in lexicon.read_text(encoding="utf-8").splitlines() if w and w[0] != "#"}
    train = data / "polnear" / "train"
    paths = sorted((train / "text").glob("*.txt"))
    random.Random(args.seed).shuffle(paths)
    extractor = Extractor()
    counts = {"speech": [0, 0], "other": [0, 0], "unmatched": [0, 0], "rows": [0, 0]}
    for path in paths[: args.docs]:
        text = path.read_text(encoding="utf-8")
        anns = sorted((train / "attributions").glob(glob.escape(path.stem) + "_*.ann"))
        if not anns:
            continue
        gold = gold_attributions(anns[0], text)  # one annotator's reading when there are several
        for q in extractor.extract(text).quotes:
            if q.kind == "term":
                continue
            kept = is_reported_speech(q)
            hits = [g for g in gold if any(min(b, q.end) > max(a, q.start) for a, b in g[0])]
            key = "unmatched"
            if hits:
                key = "speech" if any(is_gold_speech(c, cue, text, verbs) for c, cue in hits) else "other"
            counts[key][0] += kept
            counts[key][1] += 1
            counts["rows"][0] += kept
            counts["rows"][1] += 1
    s, o, u, r = counts["speech"], counts["other"], counts["unmatched"], counts["rows"]
    print(f"PolNeAR train, {min(args.docs, len(paths))} articles: {r[1]} quotes found, {r[0]} in the view")
    print(f"kept of gold speech:      {s[0]}/{s[1]} = {100 * s[0] / max(1, s[1]):.1f}%")
    print(f"kept of gold non-speech:  {o[0]}/{o[1]} = {100 * o[0] / max(1, o[1]):.1f}%")
    print(f"unmatched rows: view {u[0]}/{r[0]} = {100 * u[0] / max(1, r[0]):.1f}%, "
          f"all {u[1]}/{r[1]} = {100 * u[1] / max(1, r[1]):.1f}%")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
