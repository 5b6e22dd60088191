"""Build the derived lexicons of ``quotetrace.frame`` from ``../shared/data/lexicons``.

Writes two small files under src/quotetrace/data/:

* ``frame_veridicality.tsv``: a graded veridicality score for every verb that
  MegaVeridicality v2.1 (White & Rawlins 2018; CC BY-SA 4.0) rates in a
  "that S" frame. MegaVeridicality's normalised score is on an unbounded latent
  scale on which even "say" sits below zero (-0.84), so the score shipped is
  ``tanh((raw - raw["say"]) / SCALE)``: 0 means "as neutral as said", +1 that
  readers take the reported content as certainly true, -1 as certainly false.
  The active frame "NP Ved that S" is used; a verb rated only in the passive
  frame "NP was Ved that S" ("tell": "someone was told that ...") gets its
  passive score mapped onto the active scale by a least-squares line fitted on
  the 27 verbs rated in both frames (passive ratings are more extreme: active ~ 0.56 x passive).
* ``frame_hedges.txt``: Hyland's (2005) hedges as listed by Recasens et al. 2013
  (MIT, via rpryzant/neutralizing-bias), less the entries that in news prose
  are mostly not the writer hedging (see DROPPED_HEDGES), plus a few
  news-specific hedges written for quotetrace (NEWS_HEDGES).

The reporting-verb classes (frame_verb_classes.tsv), editorial adverbs and
phrases are written by hand; this script checks that every class verb with a
MegaVeridicality proxy exists in the derived table. Run from the repo root:

    .venv/bin/python train/build_frame_lexicons.py [--shared ../shared/data]

Deterministic: the output depends only on the input files.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "quotetrace" / "data"
ACTIVE, PASSIVE = "NP Ved that S", "NP was Ved that S"
SCALE = 2.0
ANCHOR = "say"

# Hyland hedges that in news text are mostly something else: reporting verbs (scored as cues),
# conditional/obligation modals and reported-speech tense ("he said he would"), prepositions of
# place ("about", "around"), frequency adverbs, "rather" ("rather than"), bare "appear" ("appeared
# on TV"; "appear to" is kept) and "supposed" ("was supposed to").
DROPPED_HEDGES = frozenset({
    "claim", "claimed", "claims", "argue", "argues", "argued", "suggest", "suggested", "suggests",
    "indicate", "indicated", "indicates", "feel", "felt", "feels", "estimate", "estimated",
    "would", "should", "could", "couldn't", "ought", "about", "around", "rather", "quite",
    "frequently", "often", "sometimes", "usually", "generally", "typically", "typical", "mostly",
    "mainly", "largely", "in general", "on the whole", "in most cases", "in most instances",
    "appear", "appeared", "appears", "supposed",
})  # fmt: skip
# Hedges typical of news attribution, missing from Hyland's academic list.
NEWS_HEDGES = (
    "reportedly", "allegedly", "seemingly", "purportedly", "ostensibly", "supposedly",
    "appear to", "appears to", "appeared to", "seems to", "seemed to", "is said to", "are said to",
    "was said to", "were said to", "it is unclear", "it was unclear",
)  # fmt: skip


def read_megaveridicality(path: Path) -> dict[str, dict[str, float]]:
    scores: dict[str, dict[str, float]] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["frame"] in (ACTIVE, PASSIVE):
                verb = row["verb"].replace("_", " ")
                scores.setdefault(verb, {})[row["frame"]] = float(row["veridicalitynorm"])
    return scores


def fit_line(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    n = len(pairs)
    mx = sum(x for x, _ in pairs) / n
    my = sum(y for _, y in pairs) / n
    sxx = sum((x - mx) ** 2 for x, _ in pairs)
    sxy = sum((x - mx) * (y - my) for x, y in pairs)
    slope = sxy / sxx
    return slope, my - slope * mx


def veridicality_rows(
    scores: dict[str, dict[str, float]],
) -> tuple[list[tuple], tuple[float, float]]:
    both = [(s[PASSIVE], s[ACTIVE]) for s in scores.values() if ACTIVE in s and PASSIVE in s]
    slope, intercept = fit_line(both)
    anchor = scores[ANCHOR][ACTIVE]
    rows = []
    for verb in sorted(scores):
        frames = scores[verb]
        if ACTIVE in frames:
            raw, frame = frames[ACTIVE], "active"
        else:
            raw, frame = slope * frames[PASSIVE] + intercept, "passive-mapped"
        rows.append((verb, round(math.tanh((raw - anchor) / SCALE), 3), round(raw, 4), frame))
    return rows, (slope, intercept)


def write_veridicality(rows: list[tuple], fit: tuple[float, float], out: Path) -> None:
    header = [
        "# Graded veridicality of clause-embedding verbs, derived from MegaVeridicality v2.1",
        "# by Aaron Steven White & Kyle Rawlins (2018-2020; http://megaattitude.io).",
        "# Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); this",
        "# derived table is shared under the same licence. Changes: score = tanh((raw - raw[say])",
        "# / 2) of the normalised 'NP Ved that S' rating; verbs rated only as 'NP was Ved that S'",
        f"# are mapped onto the active scale by raw = {fit[0]:.3f} * passive {fit[1]:+.3f}.",
        "# Built by train/build_frame_lexicons.py.",
        "verb\tscore\traw\tframe",
    ]
    lines = header + ["\t".join(str(c) for c in row) for row in rows]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def hedge_rows(path: Path) -> list[tuple[str, str]]:
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.strip().lower()
        if word and not word.startswith("#") and word not in DROPPED_HEDGES and word not in words:
            words.append(word)
    rows = [(w, "hyland2005") for w in words]
    rows += [(w, "quotetrace") for w in NEWS_HEDGES if w not in words]
    return rows


def write_hedges(rows: list[tuple[str, str]], out: Path) -> None:
    header = [
        "# Hedges: Ken Hyland (2005), Metadiscourse, as listed by Recasens, Danescu-Niculescu-",
        "# Mizil & Jurafsky (ACL 2013) and redistributed under MIT in rpryzant/neutralizing-bias",
        "# (source 'hyland2005'), less entries that in news are mostly not the writer hedging;",
        "# plus news hedges written for quotetrace (source 'quotetrace').",
        "# Built by train/build_frame_lexicons.py.",
        "hedge\tsource",
    ]
    lines = header + [f"{w}\t{s}" for w, s in rows]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def check_classes(classes: Path, verbs: set[str]) -> list[str]:
    missing = []
    for line in classes.read_text(encoding="utf-8").splitlines()[1:]:
        if line.startswith("#") or line.startswith("cue\t"):
            continue
        cue, _cls, proxy = line.split("\t")
        verb = cue if proxy == "-" else proxy
        if proxy != "none" and verb not in verbs:
            missing.append(cue)
    return missing


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=DATA)
    args = ap.parse_args()
    lex = args.shared / "lexicons"
    if not lex.is_dir():
        print(f"build_frame_lexicons: {lex} is absent; nothing to build", file=sys.stderr)
        return 1
    rows, fit = veridicality_rows(read_megaveridicality(lex / "mega-veridicality-v2.1-normalized.tsv"))
    write_veridicality(rows, fit, args.out / "frame_veridicality.tsv")
    hedges = hedge_rows(lex / "recasens2013_hedges_hyland2005.txt")
    write_hedges(hedges, args.out / "frame_hedges.txt")
    missing = check_classes(DATA / "frame_verb_classes.tsv", {r[0] for r in rows})
    print(f"frame_veridicality.tsv: {len(rows)} verbs (passive->active: {fit[0]:.3f}x{fit[1]:+.3f})")
    print(f"frame_hedges.txt: {len(hedges)} hedges")
    if missing:
        print(f"class cues without a MegaVeridicality score (frame gives None): {', '.join(missing)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
