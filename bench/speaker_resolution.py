"""Speaker resolution on PolNeAR train text: do pronouns, surnames and descriptions reach the right person?

The PolNeAR scorer (bench/accuracy.py) only scores mention spans, and the web gold
(bench/web_speakers.py) has 24 pages, so this gold measures what a fact-checker relies on:
the canonical name behind "he", "Sexton", "the senator" on news text.

How bench/data/speaker_resolution_gold.jsonl was made (by hand, one annotator, 2026-11-30):
  * articles: PolNeAR **train** only (never dev); ``random.Random(20261130).sample`` of 6
    files per publisher from the sorted file list of each of the 7 publishers (42 articles;
    two had no judged speaker, so 40 files appear in the gold);
  * the extractor of commit 1bc7fd6 was run on each (``Extractor().extract(text)``); every
    quote printed in the reported-speech view (quotetrace.speech_view, ``speech``) whose
    speaker mention was NOT already the full name (the mention does not contain a
    multi-word capitalised canonical name) was judged once per mention span;
  * the annotator read the article and wrote who the speaker really is: the full name as
    the article gives it (or the person's well-known full name: "President Obama" is
    Barack Obama), "X campaign" for a candidate's campaign, the description itself when
    the article never names the speaker ("officials", "a source on the call"); type is
    person / organisation / group, or ``none`` where the mention is no speaker at all
    (a headline word, "that", "many" letters): those 9 rows are listed, not scored.
  * one JSON line per judged mention: file, start, end (character offsets in the .txt),
    mention, speaker (gold canonical name), type. No article text is stored.

Limits: judged only where the extractor found a speaker mention in the speech view, so
missed quotes and missed speakers are not measured here (bench/accuracy.py does that);
one annotator, no second pass; a mention the extractor no longer reports after a change
counts as wrong ("mention lost"). Halves: A/B by the parity of sha256(file name), fixed;
tune on A, report both.

A speaker is right when its canonical name equals the gold after web_speakers.canonical
(case, whitespace, hyphens, a leading "the"), with single-letter middle initials also
ignored ("Donald J. Trump" = "Donald Trump").

    PYTHONPATH=src .venv/bin/python bench/speaker_resolution.py [--only FILE ...] [--half A|B] [--json]

The report lists only half A's errors: half B's count is printed, its rows only with
--show-held-out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quotetrace.paths import REPO_ROOT, shared_data_dir  # noqa: E402
from web_speakers import canonical  # noqa: E402  (a sibling bench script, not a package)

GOLD = REPO_ROOT / "bench" / "data" / "speaker_resolution_gold.jsonl"
CLASSES = ("pronoun", "surname", "description", "other")
DETERMINERS = {"the", "a", "an", "one", "some", "several", "many", "his", "her", "their", "its", "another"}


def load_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def half(file_name: str) -> str:
    return "A" if int(hashlib.sha256(file_name.encode()).hexdigest(), 16) % 2 == 0 else "B"


def same_name(gold: str, predicted: str | None) -> bool:
    def key(name: str | None) -> str:
        return " ".join(w for w in canonical(name).split() if not re.fullmatch(r"[a-z]\.", w))

    return bool(predicted) and key(gold) == key(predicted)


def mention_class(mention: str) -> str:
    """pronoun ("he", "who"), surname (one capitalised word after any titles: "Mr. Trump",
    "Sexton"), description (a lower-case head: "the senator", "Clinton's campaign",
    "officials"), other (the rest: headline words, "Team Clinton", long spans)."""
    from quotetrace.text.lexicon import words

    pronouns = words("pronouns.txt") | {"who", "which", "that"}
    titles = {t.split("|")[0] for t in words("titles.txt")}
    tokens = mention.replace("’", "'").split()
    if len(tokens) == 1 and tokens[0].lower() in pronouns:
        return "pronoun"
    if tokens and (tokens[0].lower() in DETERMINERS or tokens[-1][:1].islower()):
        return "description"
    rest = [t for t in tokens if t.lower().rstrip(".") not in titles and t.lower() not in titles]
    if len(rest) == 1 and rest[0][:1].isupper() and not rest[0].endswith("'s"):
        return "surname"
    return "other"


def extract(files: list[str], text_dir: Path) -> dict[str, dict]:
    from quotetrace.extract import Extractor

    extractor = Extractor()
    return {f: extractor.extract((text_dir / f).read_text(encoding="utf-8")).to_dict() for f in files}


def score(gold: list[dict], articles: dict[str, dict]) -> dict:
    rows = []
    for g in gold:
        if g["file"] not in articles:
            continue
        speakers = [q.get("speaker") or {} for q in articles[g["file"]]["quotes"]]
        hit = next((s for s in speakers if (s.get("start"), s.get("end")) == (g["start"], g["end"])), None)
        predicted = hit.get("name") if hit else None
        rows.append(
            {
                **g,
                "half": half(g["file"]),
                "class": mention_class(g["mention"]),
                "predicted": predicted,
                "lost": hit is None,
                "right": same_name(g["speaker"], predicted),
            }
        )
    return {"rows": rows, "table": table(rows)}


def table(rows: list[dict]) -> dict:
    out: dict = {}
    for part in ("A", "B", "all"):
        scored = [r for r in rows if r["type"] != "none" and part in ("all", r["half"])]
        cells = {}
        for cls in (*CLASSES, "total"):
            cell = [r for r in scored if cls in ("total", r["class"])]
            cells[cls] = {"right": sum(r["right"] for r in cell), "judged": len(cell)}
        out[part] = cells
    return out


def _pct(right: int, judged: int) -> str:
    return f"{right}/{judged} = {100 * right / judged:.1f}%" if judged else "-"


def print_report(report: dict, held_out: bool = False) -> None:
    """The table, then the errors: of half A only unless ``held_out``, so that tuning on A
    does not show B's mentions to whoever tunes."""
    rows = report["rows"]
    print(f"{len({r['file'] for r in rows})} articles, {len(rows)} judged mentions "
          f"({sum(r['type'] == 'none' for r in rows)} not a speaker, not scored)")  # fmt: skip
    print(f"{'':8}" + "".join(f"{c:>22}" for c in (*CLASSES, "total")))
    for part, cells in report["table"].items():
        print(f"{part:8}" + "".join(f"{_pct(**cells[c]):>22}" for c in (*CLASSES, "total")))
    errors = [r for r in rows if r["type"] != "none" and not r["right"]]
    kinds = Counter(r["class"] for r in errors)
    print(f"\nerrors ({len(errors)}: {dict(kinds)}):")
    hidden = [r for r in errors if r["half"] == "B" and not held_out]
    if hidden:
        print(f"  ({len(hidden)} of half B, held out, not listed: --show-held-out lists them)")
    for r in (r for r in errors if held_out or r["half"] != "B"):
        got = "mention lost" if r["lost"] else repr(r["predicted"])
        print(f"  {r['half']} {r['class']:<11} {r['file'][:40]:<40} {r['mention'][:30]!r:<32} -> {got} "
              f"(gold {r['speaker']!r})")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", metavar="FILE", help="score only these article files")
    parser.add_argument("--half", choices=("A", "B"), help="score only one half of the gold articles")
    parser.add_argument("--text", type=Path, help="folder of PolNeAR train .txt (default: shared data)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON (every row, B's too)")
    parser.add_argument(
        "--show-held-out", action="store_true", help="list half B's errors too (B reports, never tunes)"
    )
    args = parser.parse_args(argv)
    shared = shared_data_dir()
    text_dir = args.text or (shared / "polnear" / "train" / "text" if shared else None)
    if text_dir is None or not text_dir.is_dir():
        print("error: PolNeAR train text not found (set QUOTETRACE_SHARED_DATA or --text)", file=sys.stderr)
        return 2
    gold = load_gold()
    files = sorted({g["file"] for g in gold})
    if args.only:
        files = [f for f in files if f in args.only]
    if args.half:
        files = [f for f in files if half(f) == args.half]
    report = score(gold, extract(files, text_dir))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_report(report, held_out=args.show_held_out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
