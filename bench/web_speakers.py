"""Speakers on real web pages: quotetrace against the hand-made gold in bench/data/web_gold/.

Each gold quote (rules in docs/web-gold.md) is located in the text quotetrace
keeps from the page; a printed quote (any kind but ``term``) that overlaps it
finds it, and the speaker is right when its canonical name equals the gold name
after normalising case, whitespace, hyphens and a leading "the". Printed quotes
that overlap no gold quote are counted as not reported speech.

The printed quotes are those of a view (quotetrace.speech_view, as ``quotetrace extract
--acts``): the reported-speech view by default, in full, then a summary line for every
attribution (``all``); ``--acts all`` swaps them.

    .venv/bin/python bench/web_speakers.py [--pages DIR] [--only NAME ...] [--acts VIEW] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from quotetrace.paths import REPO_ROOT, shared_data_dir

GOLD_DIR = REPO_ROOT / "bench" / "data" / "web_gold"
QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'"})
PAGE_FIELDS = ("name", "gold", "found", "right", "rows", "not_speech")
CALIBRATION_EDGES = (0.0, 0.35, 0.5, 0.65, 0.75, 0.85, 0.92, 1.01)
BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 1.01)


@dataclass
class Gold:
    quote: str
    speaker: str
    type: str
    kind: str
    span: tuple[int, int] | None = None


@dataclass
class PageResult:
    name: str
    gold: int = 0
    found: int = 0
    right: int = 0
    rows: int = 0
    not_speech: int = 0
    errors: list[dict] = field(default_factory=list)
    scored: list[tuple[float, bool]] = field(default_factory=list)


def load_gold(path: Path) -> list[Gold]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            rows.append(Gold(data["quote"], data["speaker"], data["type"], data["kind"]))
        except (ValueError, KeyError) as exc:
            raise SystemExit(f"{path}:{n}: not a gold line ({exc})") from None
    return rows


def normalised(text: str) -> tuple[str, list[int]]:
    """Text with one quote-mark style and single spaces, and each character's original offset."""
    out, where = [], []
    space = False
    for i, ch in enumerate(text.translate(QUOTE_MARKS)):
        if ch.isspace():
            if not space and out:
                out.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        out.append(ch)
        where.append(i)
    return "".join(out), where


def locate(text: str, gold: list[Gold]) -> list[str]:
    """Set each gold quote's span in ``text``; the n-th repeat of a snippet is its n-th occurrence."""
    flat, where = normalised(text)
    seen: dict[str, int] = {}
    missing = []
    for g in gold:
        needle = normalised(g.quote)[0].strip()
        at = -1
        for _ in range(seen.get(needle, 0) + 1):
            at = flat.find(needle, at + 1)
            if at < 0:
                break
        seen[needle] = seen.get(needle, 0) + 1
        if at < 0:
            missing.append(g.quote)
            continue
        g.span = (where[at], where[at + len(needle) - 1] + 1)
    return missing


def canonical(name: str | None) -> str:
    name = (name or "").translate(QUOTE_MARKS).lower().replace("-", " ")
    name = re.sub(r"\s+", " ", name).strip()
    return name[4:] if name.startswith("the ") else name


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def speaker_error(gold: str, predicted: str) -> str:
    g, p = canonical(gold), canonical(predicted)
    if not p:
        return "no speaker"
    if p in {"he", "she", "they", "it", "we", "i", "who"}:
        return "pronoun left unresolved"
    if p.endswith(" " + g) or p.startswith(g + " "):
        return "titles or descriptors kept"
    if set(p.split()) < set(g.split()):
        return "part of the name only"
    return "another speaker"


def score_page(name: str, article: dict, gold: list[Gold], min_confidence: float = 0.0) -> PageResult:
    result = PageResult(name=name, gold=len(gold))
    for quote in locate(article["text"], gold):
        result.errors.append({"category": "gold snippet not in the reduced text", "quote": quote})
    printed = [
        q for q in article["quotes"] if q["kind"] != "term" and _speaker_confidence(q) >= min_confidence
    ]
    terms = [q for q in article["quotes"] if q["kind"] == "term"]
    result.rows = len(printed)
    for g in gold:
        if g.span is None:
            continue
        hits = sorted(printed, key=lambda q: -_overlap(g.span, (q["start"], q["end"])))
        best = hits[0] if hits and _overlap(g.span, (hits[0]["start"], hits[0]["end"])) else None
        if best is None:
            as_term = any(_overlap(g.span, (q["start"], q["end"])) for q in terms)
            category = "reported as a term" if as_term else "quote not found"
            result.errors.append({"category": category, "quote": g.quote, "gold": g.speaker})
            continue
        result.found += 1
        speaker = best.get("speaker") or {}
        ok = canonical(speaker.get("name")) == canonical(g.speaker)
        result.right += ok
        result.scored.append((float(speaker.get("confidence", best.get("confidence", 0.5))), ok))
        if not ok:
            result.errors.append(
                {
                    "category": speaker_error(g.speaker, speaker.get("name")),
                    "quote": g.quote,
                    "gold": g.speaker,
                    "predicted": speaker.get("name"),
                    "mention": speaker.get("mention"),
                }
            )
    spans = [g.span for g in gold if g.span]
    for q in printed:
        if not any(_overlap(s, (q["start"], q["end"])) for s in spans):
            result.not_speech += 1
            who = (q.get("speaker") or {}).get("name")
            error = {"category": "not reported speech", "quote": q["text"][:90], "predicted": who}
            result.errors.append(error)
    return result


def _speaker_confidence(quote: dict) -> float:
    speaker = quote.get("speaker") or {}
    return float(speaker.get("confidence", 0.0)) if speaker else 0.0


def reliability(scored: list[tuple[float, bool]]) -> list[dict]:
    table = []
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        cell = [ok for c, ok in scored if lo <= c < hi]
        table.append(
            {
                "bin": f"{lo:.1f}-{min(hi, 1.0):.1f}",
                "quotes": len(cell),
                "accuracy": round(sum(cell) / len(cell), 3) if cell else None,
            }
        )
    return table


def extract_pages(pages: list[Path]) -> dict[str, dict]:
    from quotetrace.errors import InputError
    from quotetrace.extract import Extractor
    from quotetrace.ingest import read_document

    extractor = Extractor()
    out = {}
    for page in pages:
        try:
            doc = read_document(page)
        except InputError as exc:
            out[page.stem] = {"text": "", "quotes": [], "error": str(exc)}
            continue
        out[page.stem] = extractor.extract(doc.text, title=doc.title).to_dict()
    return out


def in_view(article: dict, acts: frozenset[str]) -> dict:
    """The article with only the quotes the view prints (``term`` quotes kept: they are scored apart)."""
    from quotetrace.speech_view import shown

    quotes = [q for q in article["quotes"] if q["kind"] == "term" or shown(q, acts)]
    return {**article, "quotes": quotes}


def run(
    pages_dir: Path, only: list[str] | None = None, min_confidence: float = 0.0, acts: str = "speech",
    articles: dict[str, dict] | None = None,
) -> dict:  # fmt: skip
    golds = sorted(GOLD_DIR.glob("*.jsonl"))
    if only:
        golds = [g for g in golds if g.name[: -len(".jsonl")] in only]
    if not golds:
        raise SystemExit(f"no gold files to score in {GOLD_DIR}")
    pages = [pages_dir / (g.name[: -len(".jsonl")] + ".html") for g in golds]
    absent = [str(p) for p in pages if not p.is_file()]
    if absent:
        raise SystemExit(f"page not found: {absent[0]}")
    from quotetrace.speech_view import parse_acts, view_name

    view = parse_acts(acts)
    articles = articles if articles is not None else extract_pages(pages)
    results = [
        score_page(p.stem, in_view(articles[p.stem], view), load_gold(g), min_confidence)
        for p, g in zip(pages, golds, strict=True)
    ]
    total = {k: sum(getattr(r, k) for r in results) for k in ("gold", "found", "right", "rows", "not_speech")}
    scored = [s for r in results for s in r.scored]
    return {
        "view": view_name(view),
        "articles": articles,
        "scored": scored,
        "pages": len(results),
        **total,
        "found_share": _share(total["found"], total["gold"]),
        "right_speaker_share": _share(total["right"], total["gold"]),
        "right_speaker_of_found": _share(total["right"], total["found"]),
        "not_speech_share": _share(total["not_speech"], total["rows"]),
        "reliability": reliability(scored),
        "per_page": [{k: getattr(r, k) for k in PAGE_FIELDS} for r in results],
        "errors": [dict(e, page=r.name) for r in results for e in r.errors],
    }


def write_calibration(scored: list[tuple[float, bool]]) -> None:
    from quotetrace.extract.speaker_calibration import TABLE, fit
    from quotetrace.paths import data_file

    lines = [
        "# Raw speaker score band -> observed accuracy on bench/data/web_gold (add-one smoothed,",
        "# monotone). Written by: .venv/bin/python bench/web_speakers.py --calibrate",
        "lo\thi\tquotes\tright\tconfidence",
    ]
    lines += [
        f"{lo}\t{hi}\t{n}\t{right}\t{rate}" for lo, hi, n, right, rate in fit(scored, CALIBRATION_EDGES)
    ]
    data_file(TABLE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {data_file(TABLE)}", file=sys.stderr)


def _share(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def summary(r: dict) -> str:
    return (
        f"view {r['view']}: found {_pct(r['found_share'])}, right full-name speaker "
        f"{_pct(r['right_speaker_share'])}, rows not speech {r['not_speech']}/{r['rows']} = "
        f"{_pct(r['not_speech_share'])}"
    )


def print_report(report: dict, other: dict | None = None) -> None:
    print(f"{report['pages']} pages, {report['gold']} gold quotes, {report['rows']} printed rows")
    print(summary(report))
    if other is not None:
        print(summary(other))
    r = report
    print(f"\nview {r['view']}:")
    print(f"found:                   {r['found']}/{r['gold']} = {_pct(r['found_share'])}")
    print(f"right full-name speaker: {r['right']}/{r['gold']} = {_pct(r['right_speaker_share'])}")
    print(f"rows not speech:         {r['not_speech']}/{r['rows']} = {_pct(r['not_speech_share'])}")
    print("\nper page:                  gold found right  rows  not-speech")
    for p in report["per_page"]:
        counts = "".join(f"{p[k]:>6}" for k in PAGE_FIELDS[1:])
        print(f"  {p['name']:<24}{counts}")
    print("\nspeaker confidence vs observed accuracy (found quotes):")
    for row in report["reliability"]:
        print(f"  {row['bin']}: {row['quotes']:>4} quotes, accuracy {_pct(row['accuracy'])}")
    by_cat: dict[str, list[dict]] = {}
    for e in report["errors"]:
        by_cat.setdefault(e["category"], []).append(e)
    print("\nerrors by category:")
    for cat, items in sorted(by_cat.items(), key=lambda kv: -len(kv[1])):
        print(f"  {cat}: {len(items)}")
        for e in items:
            who = e.get("predicted")
            extra = f" -> {who!r} (gold {e['gold']!r})" if "gold" in e else f" [{who}]"
            print(f"    {e['page']}: {e['quote'][:70]!r}{extra}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, help="folder of saved pages (default: shared web-articles)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="score only these pages (file stem)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        help="count only printed rows whose speaker confidence is at least this (no speaker: 0)",
    )
    parser.add_argument(
        "--acts", default="speech",
        help="the view scored in full: speech (default, the reported-speech view), all, or acts "
        "as quotetrace extract --acts; the other of speech/all is summarised",
    )  # fmt: skip
    parser.add_argument(
        "--calibrate",
        action="store_true",
        help="fit the speaker confidence table (src/quotetrace/data/speaker_calibration.tsv) on raw scores",
    )
    args = parser.parse_args(argv)
    pages_dir = args.pages or shared_data_dir() / "web-articles"
    if not pages_dir.is_dir():
        print(f"error: page folder not found: {pages_dir}", file=sys.stderr)
        return 2
    if args.calibrate:
        from quotetrace.extract import speaker_calibration

        speaker_calibration.set_enabled(False)
    if args.calibrate:
        # The confidence table maps speaker scores whatever the view: fit it on every attribution.
        args.acts = "all"
    try:
        report = run(pages_dir, args.only, args.min_confidence, args.acts)
    except ValueError as exc:
        print(f"error: --acts: {exc}", file=sys.stderr)
        return 2
    second = "all" if report["view"] != "all" else "speech"
    other = run(pages_dir, args.only, args.min_confidence, second, articles=report.pop("articles"))
    other.pop("articles")
    if args.calibrate:
        write_calibration(report["scored"])
    if args.json:
        print(json.dumps({**report, "other_view": other}, ensure_ascii=False, indent=1))
    else:
        print_report(report, other)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
