"""Score the headline check against labelled headlines (bench/data/headline_labels.tsv).

A label row names the article whose headline is checked and the article whose
body it is checked against (the same id for a real article; another id for a
"swapped" negative), the gold status and the gold speaker. Building the texts
and running the extractor is the caller's job (bench/headline_check_bench.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotetrace.records import Article, HeadlineCheck

STATUSES = ("supported", "partly", "unsupported", "no attribution in headline")


@dataclass(frozen=True, slots=True)
class Label:
    headline_id: str
    body_id: str
    status: str
    speaker: str | None
    note: str

    @property
    def swapped(self) -> bool:
        return self.headline_id != self.body_id


def read_labels(path: Path) -> list[Label]:
    rows = [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    labels = []
    for row in rows[1:]:
        headline_id, body_id, status, speaker, note = row
        if status not in STATUSES:
            raise ValueError(f"{path}: unknown status {status!r} for {headline_id}")
        labels.append(Label(headline_id, body_id, status, None if speaker == "-" else speaker, note))
    return labels


def compose(headline_text: str, body_text: str) -> tuple[str, str]:
    """(text, headline) of the article to check: one file's headline over another's body."""
    headline = headline_text.lstrip("\n").partition("\n")[0].strip()
    body = body_text.lstrip("\n").partition("\n")[2].lstrip("\n")
    return f"{headline}\n\n{body}", headline


def score(labels: list[Label], checks: list[HeadlineCheck]) -> dict[str, Any]:
    """Accuracy, a confusion matrix, per-status precision/recall, and two task-level rates:
    how often a supported headline gets a supporting quote, and how often a headline that no
    quote supports is called unsupported."""
    confusion: Counter[tuple[str, str]] = Counter()
    for label, check in zip(labels, checks, strict=True):
        confusion[(label.status, check.status)] += 1
    total = len(labels)
    correct = sum(n for (g, p), n in confusion.items() if g == p)
    per_status = {}
    for s in STATUSES:
        tp = confusion[(s, s)]
        gold = sum(n for (g, _), n in confusion.items() if g == s)
        pred = sum(n for (_, p), n in confusion.items() if p == s)
        per_status[s] = {
            "gold": gold,
            "predicted": pred,
            "precision": round(tp / pred, 3) if pred else None,
            "recall": round(tp / gold, 3) if gold else None,
        }
    supported = [(lb, c) for lb, c in zip(labels, checks, strict=True) if lb.status == "supported"]
    with_quote = sum(1 for _, c in supported if c.status in ("supported", "partly") and c.supporting_quotes)
    negatives = [(lb, c) for lb, c in zip(labels, checks, strict=True) if lb.status == "unsupported"]
    return {
        "items": total,
        "accuracy": round(correct / total, 3) if total else 0.0,
        "per_status": per_status,
        "confusion": {f"{g} -> {p}": n for (g, p), n in sorted(confusion.items())},
        "supported_with_quote": f"{with_quote}/{len(supported)}",
        "unsupported_caught": f"{sum(c.status == 'unsupported' for _, c in negatives)}/{len(negatives)}",
    }


def evaluate_labels(labels: list[Label], text_dir: Path) -> tuple[list[HeadlineCheck], dict[str, Any]]:
    """Extract and frame every labelled pair from ``text_dir``: (the checks, their scores)."""
    import time

    from quotetrace.extract import Extractor
    from quotetrace.frame import frame_article
    from quotetrace.ingest import Document

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
    checks = [_check_of(frame_article(a)) for a in articles]
    framed = time.perf_counter() - start
    result = score(labels, checks)
    result["seconds"] = {"extract": round(extracted, 1), "frame": round(framed, 3)}
    return checks, result


def _check_of(article: Article) -> HeadlineCheck:
    if article.headline_check is None:  # frame_article always sets it
        raise RuntimeError("framing returned an article without a headline check")
    return article.headline_check


def format_report(result: dict[str, Any]) -> str:
    lines = [
        f"items {result['items']}  accuracy {result['accuracy']:.3f}",
        f"supported headlines with a supporting quote: {result['supported_with_quote']}",
        f"unsupported headlines called unsupported:    {result['unsupported_caught']}",
        f"{'status':28} {'gold':>5} {'pred':>5} {'prec':>6} {'rec':>6}",
    ]
    for status, s in result["per_status"].items():
        prec = "-" if s["precision"] is None else f"{s['precision']:.2f}"
        rec = "-" if s["recall"] is None else f"{s['recall']:.2f}"
        lines.append(f"{status:28} {s['gold']:>5} {s['predicted']:>5} {prec:>6} {rec:>6}")
    lines.append("confusion (gold -> predicted):")
    lines += [f"  {pair}: {n}" for pair, n in result["confusion"].items()]
    sec = result["seconds"]
    per = 1000 * sec["frame"] / max(result["items"], 1)
    lines.append(f"time: extract {sec['extract']} s, frame {sec['frame']} s ({per:.1f} ms per article)")
    return "\n".join(lines)


def format_errors(labels: list[Label], checks: list[HeadlineCheck]) -> list[str]:
    """One line per item the check gets wrong."""
    return [
        f"[{'swapped' if label.swapped else 'real'}] {label.headline_id} / {label.body_id}: "
        f"gold {label.status}, got {check.status} (score {check.score}, speaker {check.speaker!r})"
        for label, check in zip(labels, checks, strict=True)
        if label.status != check.status
    ]
