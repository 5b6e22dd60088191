"""A self-contained HTML report: every quote, its verdict, and a word diff against the source.

Inline CSS only, no scripts, no external resources; every piece of text is
passed through ``html.escape``.
"""

from __future__ import annotations

from html import escape

from quotetrace.verify.render import STATUS_NOTES, jump_text, summary
from quotetrace.verify.result import DiffOp, Verification

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222;padding:0 1rem}
h1{font-size:1.4rem}.meta{color:#666}
.card{border:1px solid #ddd;border-radius:6px;padding:.8rem 1rem;margin:1rem 0}
.head{display:flex;gap:.6rem;align-items:baseline;flex-wrap:wrap}
.badge{font-weight:600;padding:.1rem .5rem;border-radius:4px;color:#fff;font-size:.85rem}
.verbatim{background:#2e7d32}.edited{background:#558b2f}.altered{background:#e65100}
.stitched{background:#6a1b9a}.paraphrase_supported{background:#1565c0}.not_found{background:#b71c1c}
.score,.where,.kind{color:#555;font-size:.9rem}
.label{color:#777;font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;margin-top:.5rem}
.diff,.quote,.passage{padding:.3rem .5rem;background:#fafafa;border-left:3px solid #ccc}
del{background:#ffebee;color:#b71c1c}ins{background:#e8f5e9;color:#1b5e20;text-decoration:none;font-weight:600}
del.marked,ins.marked{background:#f3f3f3;color:#444;border-bottom:1px dotted #888}
.jump{color:#6a1b9a;font-style:italic}.ctx{color:#888}mark{background:#fff3bf}
.speaker-bad{color:#b71c1c;font-weight:600}.speaker-ok{color:#2e7d32}
table.changes{border-collapse:collapse;font-size:.9rem}
table.changes td,table.changes th{border:1px solid #e0e0e0;padding:.15rem .4rem;text-align:left}
table.summary td{padding:.1rem .6rem}
"""


def _diff_html(diff: list[DiffOp]) -> str:
    out = []
    for op in diff:
        marked = ' class="marked"' if op.kind not in (None, "word") else ""
        quote = escape(op.quote)
        if op.op == "equal":
            out.append(quote)
        elif op.op == "jump":
            out.append(f' <span class="jump">⟪ {escape(jump_text(op.kind))} ⟫</span> ')
        elif op.op == "delete":
            out.append(f"<del{marked}>{escape(op.source)}</del> ")
        elif op.op == "insert":
            out.append(f"<ins{marked}>{quote.rstrip()}</ins> ")
        else:
            out.append(
                f"<del{marked}>{escape(op.source)}</del> <ins{marked}>{quote.rstrip()}</ins> "
            )
    return "".join(out)


def _speaker_html(r: Verification) -> str:
    if r.speaker_consistent is None:
        return (
            f"<div class=where>source speaker: {escape(r.source_speaker)}</div>"
            if r.source_speaker
            else ""
        )
    cls, word = (
        ("speaker-ok", "consistent") if r.speaker_consistent else ("speaker-bad", "inconsistent")
    )
    return (
        f'<div class="{cls}">speaker {word}: the article says {escape(r.speaker or "?")}, '
        f"the source has {escape(r.source_speaker or '?')}</div>"
    )


def _card(r: Verification) -> str:
    ref = f"#{r.quote_id}" + (f".{r.fragment + 1}" if r.fragment is not None else "")
    parts = [
        '<div class="card">',
        f'<div class="head"><b>{escape(ref)}</b><span class="kind">{escape(r.kind)}</span>'
        f'<span class="badge {escape(r.status)}" title="{escape(STATUS_NOTES[r.status])}">'
        f"{escape(r.status.replace('_', ' '))}</span>"
        f'<span class="score">score {r.score:.2f}</span>',
    ]
    if r.source and r.source_start is not None:
        parts.append(
            f'<span class="where">{escape(r.source)} [{r.source_start}:{r.source_end}]</span>'
        )
    parts.append("</div>")
    parts.append(f'<div class="label">quote</div><div class="quote">{escape(r.quote_text)}</div>')
    if r.diff and r.status != "verbatim":
        parts.append(
            '<div class="label">word diff (source → quote)</div>'
            f'<div class="diff">{_diff_html(r.diff)}</div>'
        )
    if r.source_text:
        label = (
            "closest passage (below the threshold)" if r.status == "not_found" else "source passage"
        )
        parts.append(
            f'<div class="label">{label}</div><div class="passage"><span class="ctx">'
            f"{escape(r.context_before)}</span><mark>{escape(r.source_text)}</mark>"
            f'<span class="ctx">{escape(r.context_after)}</span></div>'
        )
    if len(r.pieces) > 1:
        rows = "".join(
            f"<tr><td>{n}</td><td>[{p.source_start}:{p.source_end}]</td>"
            f"<td>{'' if p.gap_words is None else f'{p.gap_words:+d}'}</td>"
            f"<td>{escape(p.text)}</td></tr>"
            for n, p in enumerate(r.pieces, 1)
        )
        parts.append(
            '<div class="label">pieces</div><table class="changes"><tr><th>#</th><th>offsets</th>'
            f"<th>words from previous</th><th>source text</th></tr>{rows}</table>"
        )
    if r.changes:
        rows = "".join(
            f"<tr><td>{escape(c.kind)}</td><td>{escape(c.op)}</td><td><del>{escape(c.source)}</del></td>"
            f"<td><ins>{escape(c.quote)}</ins></td></tr>"
            for c in r.changes
        )
        parts.append(
            '<div class="label">changes</div><table class="changes"><tr><th>kind</th><th>op</th>'
            f"<th>source</th><th>quote</th></tr>{rows}</table>"
        )
    if r.note:
        parts.append(f'<div class="where">{escape(r.note)}</div>')
    parts.append(_speaker_html(r))
    parts.append("</div>")
    return "".join(parts)


def render_html(results: list[Verification], article: str, sources: list[str]) -> str:
    counts = summary(results)
    rows = "".join(
        f'<tr><td><span class="badge {escape(s)}">{escape(s.replace("_", " "))}</span></td>'
        f"<td>{n}</td><td>{escape(STATUS_NOTES[s])}</td></tr>"
        for s, n in counts.items()
    )
    title = f"Quote check: {article}"
    return (
        "<!doctype html>\n<html lang=en><head><meta charset=utf-8>"
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f'<p class="meta">{len(results)} quotes checked against {escape(", ".join(sources))}</p>'
        f'<table class="summary">{rows}</table>'
        + "".join(_card(r) for r in results)
        + "</body></html>\n"
    )
