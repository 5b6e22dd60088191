"""Score ``verify_quotes`` on the synthetic set of ``quotetrace.evaluate.synth``.

Reports precision/recall/F1 per status, the confusion matrix, and for the
quotes whose status is right: whether the reported changes are exactly the
ones made (as word multisets), whether the source offsets land on the right
passage(s), and whether transcript speaker checks agree.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from quotetrace.evaluate.synth import ChangeKey, Expected, SynthDoc, change_key
from quotetrace.records import Quote
from quotetrace.verify.core import verify_quotes
from quotetrace.verify.result import STATUSES, Verification

SPAN_IOU = 0.8


MISSED = "missed"  # end-to-end only: the extractor did not find the quote


@dataclass(slots=True)
class Outcome:
    doc: str
    quote_id: int
    expected: Expected
    got: Verification | None  # None: missed by the extractor
    diff_ok: bool | None = None
    spans_ok: bool | None = None
    speaker_ok: bool | None = None

    @property
    def predicted(self) -> str:
        return self.got.status if self.got else MISSED


@dataclass(slots=True)
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0
    docs: int = 0
    extra: int = 0  # end-to-end only: extracted quotes that match no written quote

    def per_class(self) -> dict[str, dict[str, float]]:
        pairs = [(o.expected.status, o.predicted) for o in self.outcomes]
        out = {}
        for status in STATUSES:
            tp = sum(1 for e, g in pairs if e == g == status)
            predicted = sum(1 for _, g in pairs if g == status)
            support = sum(1 for e, _ in pairs if e == status)
            p = tp / predicted if predicted else 0.0
            r = tp / support if support else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[status] = {
                "support": support,
                "predicted": predicted,
                "precision": p,
                "recall": r,
                "f1": f,
            }
        return out

    def confusion(self) -> Counter:
        return Counter((o.expected.status, o.predicted) for o in self.outcomes)

    @staticmethod
    def _rate(values: list[bool | None]) -> tuple[int, int]:
        known = [v for v in values if v is not None]
        return sum(known), len(known)

    def checks(self) -> dict[str, tuple[int, int]]:
        return {
            "changes exactly right (edited/altered, status right)": self._rate(
                [o.diff_ok for o in self.outcomes]
            ),
            "source offsets on the right passage(s) (status right)": self._rate(
                [o.spans_ok for o in self.outcomes]
            ),
            "speaker consistency right (transcripts)": self._rate(
                [o.speaker_ok for o in self.outcomes]
            ),
        }

    def to_markdown(self) -> str:
        n = len(self.outcomes)
        acc = sum(o.expected.status == o.predicted for o in self.outcomes) / n if n else 0.0
        missed = sum(o.got is None for o in self.outcomes)
        lines = [
            f"{n} quotes from {self.docs} sources; status accuracy {acc:.1%}; "
            f"{self.seconds * 1000 / max(1, self.docs):.1f} ms per source (verification only)."
            + (
                f" End to end: {missed} quotes missed by the extractor, {self.extra} extracted "
                "quotes matching no written quote."
                if self.extra or missed
                else ""
            ),
            "",
            "| status | support | predicted | precision | recall | F1 |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for status, m in self.per_class().items():
            lines.append(
                f"| {status} | {m['support']} | {m['predicted']} | {m['precision']:.3f} | "
                f"{m['recall']:.3f} | {m['f1']:.3f} |"
            )
        lines += ["", "| check | right | of | rate |", "|---|---:|---:|---:|"]
        for name, (ok, total) in self.checks().items():
            rate = f"{ok / total:.1%}" if total else "-"
            lines.append(f"| {name} | {ok} | {total} | {rate} |")
        lines += ["", "Confusion (rows: expected, columns: predicted):", ""]
        used = [s for s in (*STATUSES, MISSED) if any(s in pair for pair in self.confusion())]
        lines.append("| expected \\ predicted | " + " | ".join(used) + " |")
        lines.append("|---|" + "---:|" * len(used))
        conf = self.confusion()
        for e in (s for s in used if s != MISSED):
            lines.append(f"| {e} | " + " | ".join(str(conf.get((e, g), 0)) for g in used) + " |")
        return "\n".join(lines)

    def errors(self, limit: int = 50) -> list[str]:
        out = []
        for o in self.outcomes:
            if (
                o.expected.status == o.predicted
                and o.diff_ok is not False
                and o.spans_ok is not False
            ):
                continue
            if o.got is None:
                out.append(f"{o.doc} #{o.quote_id} [{o.expected.variant}] missed by the extractor")
                continue
            out.append(
                f"{o.doc} #{o.quote_id} [{o.expected.variant}] expected {o.expected.status}, "
                f"got {o.got.status} ({o.got.score:.2f}); "
                f"diff_ok={o.diff_ok} spans_ok={o.spans_ok}\n"
                f"    quote : {o.got.quote_text!r}\n"
                f"    want  : {sorted(o.expected.changes)}\n"
                f"    got   : {sorted(_got_changes(o.got))}"
            )
            if len(out) >= limit:
                break
        return out


def _got_changes(v: Verification) -> list[ChangeKey]:
    return [change_key(c.op, c.source, c.quote, c.kind or "word") for c in v.changes]


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def _spans_ok(expected: Expected, got: Verification) -> bool | None:
    if not expected.spans or got.status == "not_found":
        return None
    if got.status == "paraphrase_supported":
        if got.source_start is None or got.source_end is None:
            return False
        return _iou(expected.spans[0], (got.source_start, got.source_end)) > 0
    spans = [(p.source_start, p.source_end) for p in got.pieces]
    return len(spans) == len(expected.spans) and all(
        _iou(e, g) >= SPAN_IOU for e, g in zip(expected.spans, spans, strict=True)
    )


def _score(outcome: Outcome) -> Outcome:
    expected, got = outcome.expected, outcome.got
    if got is None:
        return outcome
    right = expected.status == got.status
    if right and expected.status in ("edited", "altered"):
        outcome.diff_ok = Counter(_got_changes(got)) == Counter(expected.changes)
    if right:
        outcome.spans_ok = _spans_ok(expected, got)
    if expected.speaker_consistent is not None:
        outcome.speaker_ok = got.speaker_consistent == expected.speaker_consistent
    return outcome


def evaluate(docs: list[SynthDoc]) -> Report:
    """Verify the written quotes themselves (what the extractor should find)."""
    report = Report(docs=len(docs))
    for doc in docs:
        quotes = [case.quote for case in doc.cases]
        t0 = time.perf_counter()
        results = verify_quotes(quotes, [doc.source])
        report.seconds += time.perf_counter() - t0
        by_key = {(v.quote_id, v.fragment): v for v in results}
        for case in doc.cases:
            for n, expected in enumerate(case.expected):
                frag = n if case.quote.kind == "mixed" else None
                got = by_key[(case.quote.id, frag)]
                report.outcomes.append(
                    _score(Outcome(doc.source.name, case.quote.id, expected, got))
                )
    return report


def _article_span(result: Verification, quote: Quote) -> tuple[int, int]:
    """Where in the article the verified words are: the fragment's place inside the quote."""
    at = quote.text.find(result.quote_text) if result.quote_text else -1
    if at < 0:
        return quote.start, quote.end
    return quote.start + at, quote.start + at + len(result.quote_text)


def evaluate_extracted(docs: list[SynthDoc], extractor: object) -> Report:
    """End to end: quotes found by ``extractor`` (an ``extract.Extractor``) in each written
    article are verified, then matched to the written ones by article offsets."""
    report = Report(docs=len(docs))
    articles = extractor.pipe([doc.article for doc in docs])  # type: ignore[attr-defined]
    for doc, article in zip(docs, articles, strict=True):
        t0 = time.perf_counter()
        results = verify_quotes(article.quotes, [doc.source])
        report.seconds += time.perf_counter() - t0
        by_id = {q.id: q for q in article.quotes}
        spans = [(_article_span(r, by_id[r.quote_id]), r) for r in results]
        used: set[int] = set()
        for case in doc.cases:
            for expected in case.expected:
                assert expected.article_span is not None
                a, b = expected.article_span
                best, best_overlap = None, 0
                for k, ((s, e), _) in enumerate(spans):
                    overlap = min(b, e) - max(a, s)
                    if overlap > best_overlap:
                        best, best_overlap = k, overlap
                got = None
                if best is not None and best_overlap >= 0.5 * (b - a):
                    got = spans[best][1]
                    used.add(best)
                report.outcomes.append(
                    _score(Outcome(doc.source.name, case.quote.id, expected, got))
                )
        report.extra += len(spans) - len(used)
    return report
