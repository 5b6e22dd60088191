"""Render evaluation summaries as an aligned text table or a markdown table."""

from __future__ import annotations

from typing import Any

from quotetrace.evaluate.polnear import METRICS

LABELS: dict[str, str] = {
    "content_exact": "Content, exact",
    "content_partial": "Content, partial",
    "content_tokens": "Content, tokens",
    "content_partial_quoted": "Content, partial, quoted",
    "content_partial_unquoted": "Content, partial, unquoted",
    # No "|" in labels: they are markdown table cells too.
    "source": "Source, matched Content",
    "cue": "Cue, matched Content",
    "source_partial": "Source overlap, matched",
    "cue_partial": "Cue overlap, matched",
}


def _rows(summaries: list[dict[str, Any]], counts: bool) -> tuple[list[str], list[list[str]]]:
    header = ["metric"]
    for s in summaries:
        prefix = f"{s['system']} " if len(summaries) > 1 else ""
        header += [f"{prefix}P", f"{prefix}R", f"{prefix}F1"]
    if counts:
        header += ["correct", "pred", "gold"]
    rows = []
    for key in METRICS:
        row = [LABELS.get(key, key)]
        for s in summaries:
            m = s[key]
            row += [f"{m['p'] * 100:.1f}", f"{m['r'] * 100:.1f}", f"{m['f1'] * 100:.1f}"]
        if counts:
            m = summaries[0][key]
            row += [str(m["correct"]), str(m["predicted"]), str(m["gold"])]
        rows.append(row)
    return header, rows


def format_table(summaries: list[dict[str, Any]]) -> str:
    """Aligned plain-text table (percentages), with counts when there is one system."""
    header, rows = _rows(summaries, counts=len(summaries) == 1)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        return "  ".join([first] + [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)])

    out = [line(header), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append("")
    out += [_footer(s) for s in summaries]
    out += ["", *NOTES]
    return "\n".join(out)


NOTES = (
    "exact: spans equal after stripping edge whitespace, punctuation and quotation marks;",
    "partial: spans share a \\w+ word token, pairs matched one-to-one (largest overlap first);",
    "tokens: word tokens inside any Content; quoted/unquoted: Content with/without a double",
    "quotation mark in or beside it; Source/Cue: exact, over Content-matched pairs only.",
)


def markdown_table(summaries: list[dict[str, Any]]) -> str:
    header, rows = _rows(summaries, counts=False)
    rule = "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"
    out = ["| " + " | ".join(header) + " |", rule]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    out.append("")
    out += [f"- {_footer(s)}" for s in summaries]
    return "\n".join(out)


def _footer(s: dict[str, Any]) -> str:
    return (
        f"{s['system']}: {s['articles']} articles, {s['gold']} gold attributions, "
        f"{s['predicted']} predicted, {s['seconds']:.1f} s"
    )
