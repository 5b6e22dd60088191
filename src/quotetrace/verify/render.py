"""Text views of verification results: table, JSON, JSON lines and CSV (HTML: web/verify_report.py)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable

from quotetrace.verify.result import STATUSES, Verification, WordEdit

_ANSI = {
    "del": "\x1b[31;9m",
    "ins": "\x1b[32;1m",
    "mark": "\x1b[33m",
    "dim": "\x1b[2m",
    "end": "\x1b[0m",
}
STATUS_NOTES = {
    "verbatim": "identical (typography aside)",
    "edited": "only marked edits: ellipsis, [brackets], [sic], punctuation",
    "altered": "unmarked word changes",
    "stitched": "joins passages that are apart in the source",
    "paraphrase_supported": "a source sentence says this",
    "not_found": "nothing in the source is close enough",
    "not_checked": "not found, and not expected in the source: narration, a belief, intention "
    "or denial, or someone who does not speak in it",
}


def summary(results: list[Verification]) -> dict[str, int]:
    counts = Counter(r.status for r in results)
    return {s: counts[s] for s in STATUSES if counts[s]}


def _split_tail(text: str) -> tuple[str, str]:
    core = text.rstrip()
    return core, text[len(core) :]


def jump_text(gap: str | None) -> str:
    """ "+12" -> "skips 12 source words"; "-40" -> "jumps back 40 source words"."""
    n = int(gap or 0)
    return f"skips {n} source words" if n >= 0 else f"jumps back {-n} source words"


def word_diff(diff: list[WordEdit], color: bool = False) -> str:
    """The quote as a word diff: [-source words-]{+quoted words+}, or coloured for a terminal."""

    def dele(s: str) -> str:
        return f"{_ANSI['del']}{s}{_ANSI['end']}" if color else f"[-{s}-]"

    def ins(s: str) -> str:
        return f"{_ANSI['ins']}{s}{_ANSI['end']}" if color else f"{{+{s}+}}"

    out = []
    for op in diff:
        quote, tail = _split_tail(op.quote)
        if op.op == "equal":
            out.append(op.quote)
        elif op.op == "jump":
            out.append(f"⟪{jump_text(op.kind)}⟫ ")
        elif op.op == "delete":
            out.append(dele(op.source) + " ")
        elif op.op == "insert":
            out.append(ins(quote) + (tail or " "))
        else:
            out.append(dele(op.source) + ins(quote) + (tail or " "))
    return "".join(out).strip()


def _speaker_note(r: Verification) -> str:
    if r.speaker_consistent is None:
        if r.source_speaker:
            return f"source speaker: {r.source_speaker}"
        return ""
    mark = "consistent" if r.speaker_consistent else "INCONSISTENT"
    said = r.speaker or "?"
    return f"speaker: article says {said}, source has {r.source_speaker or '?'} ({mark})"


def _one_line(text: str | None, limit: int = 300) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def render_table(
    results: list[Verification], article: str, sources: list[str], color: bool = False
) -> str:
    lines = [f"{len(results)} quotes in {article} checked against {', '.join(sources)}", ""]
    for r in results:
        ref = f"#{r.quote_id}" + (f".{r.fragment + 1}" if r.fragment is not None else "")
        status = r.status.upper()
        head = f"{ref} {r.kind} · {status} {r.score:.2f}"
        if r.source and r.source_start is not None:
            head += f" · {r.source} [{r.source_start}:{r.source_end}]"
        lines.append(head)
        lines.append(f"    quote   {_one_line(r.quote_text)}")
        if r.status in ("not_found", "not_checked"):
            if r.source_text:
                lines.append(f"    closest {_one_line(r.source_text)}")
            if r.note:
                lines.append(f"    note    {r.note}")
        elif r.status == "paraphrase_supported":
            lines.append(f"    source  {_one_line(r.source_text)}")
        else:
            if r.status != "verbatim":
                lines.append(f"    source  {_one_line(' … '.join(p.text for p in r.pieces))}")
                lines.append(f"    diff    {_one_line(word_diff(r.diff, color), 600)}")
            for c in r.changes:
                arrow = f"{c.source or '∅'} → {c.quote or '∅'}"
                lines.append(f"    change  {c.kind}: {_one_line(arrow, 160)}")
            if len(r.pieces) > 1:
                for n, p in enumerate(r.pieces, 1):
                    gap = (
                        ""
                        if p.gap_words is None
                        else f" ({p.gap_words:+d} words from the previous piece)"
                    )
                    lines.append(
                        f"    piece {n} [{p.source_start}:{p.source_end}]{gap}: "
                        + _one_line(p.text, 120)
                    )
        note = _speaker_note(r)
        if note:
            lines.append(f"    {note}")
        lines.append("")
    counts = ", ".join(f"{n} {s}" for s, n in summary(results).items())
    lines.append(f"summary: {counts or 'no quotes'}")
    return "\n".join(lines)


def render_json(results: list[Verification], article: str, sources: list[dict]) -> str:
    payload = {
        "article": article,
        "sources": sources,
        "summary": summary(results),
        "results": [r.to_dict() for r in results],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def render_jsonl(results: list[Verification], *_: object) -> str:
    return "\n".join(json.dumps(r.to_dict(), ensure_ascii=False) for r in results)


CSV_FIELDS = (
    "quote_id",
    "fragment",
    "kind",
    "status",
    "score",
    "source",
    "source_start",
    "source_end",
    "speaker",
    "source_speaker",
    "speaker_consistent",
    "quote_text",
    "source_text",
    "changes",
    "gap_words",
    "note",  # why not_checked, or why a quote could not be checked
)


def render_csv(results: list[Verification], *_: object) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for r in results:
        row = {k: getattr(r, k) for k in CSV_FIELDS if k != "changes"}
        row["score"] = round(r.score, 3)
        row["changes"] = "; ".join(f"{c.kind}: {c.source} -> {c.quote}" for c in r.changes)
        writer.writerow(row)
    return buf.getvalue().rstrip("\n")


RENDERERS: dict[str, Callable[..., str]] = {
    "jsonl": render_jsonl,
    "csv": render_csv,
}
