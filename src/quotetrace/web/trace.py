"""Quote provenance pages: a family with its timeline and diffs, the quote-to-family link,
and ``GET /api/trace`` (the JSON of ``quotetrace trace``).

The timeline is an SVG drawn here, on the server (no script, no CDN): outlets on the
vertical axis in order of first appearance, dates on the horizontal axis, one dot per
quotation coloured by its relation to the first. All article text reaches the page
through Jinja's autoescaping, the SVG included.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from quotetrace.errors import UsageError
from quotetrace.store import family_reads
from quotetrace.web.render import environment

router = APIRouter()
RELATION_COLOURS = {
    "verbatim": "#15803d", "trimmed": "#0e7490", "edited": "#7c3aed",
    "altered": "#c2410c", "stitched": "#b91c1c", "paraphrase": "#6b7280",
}  # fmt: skip
WIDTH, ROW, LEFT, RIGHT, TOP = 760, 34, 150, 24, 28


def _page(request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    state = request.app.state.qt
    context.setdefault("nav", "trace")
    context.setdefault("page_title", "Trace")
    html = (
        environment()
        .get_template("trace.html")
        .render(db_name=state.db_name, relation_colours=RELATION_COLOURS, **context)
    )
    return HTMLResponse(html, status_code=status)


@router.get("/api/trace", tags=["api"])
def api_trace(
    request: Request,
    q: Annotated[str | None, Query(description="words of the quote to trace")] = None,
    top: Annotated[int | None, Query(ge=1, le=500, description="families in most outlets")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> JSONResponse:
    """`quotetrace trace`: `{"query", "families": [...]}`; give `q` or `top`."""
    if (q is None) == (top is None):
        raise HTTPException(422, "give either q (words of a quote) or top (a number)")
    with request.app.state.qt.connection() as conn:
        try:
            if top is not None:
                families = family_reads.top(conn, top)
            else:
                families = family_reads.find(conn, q or "", limit)
        except UsageError as exc:
            raise HTTPException(422, str(exc)) from exc
    return JSONResponse(family_reads.result(q, families))


@router.get("/trace", response_class=HTMLResponse, include_in_schema=False)
def trace_search(request: Request, q: str = "") -> HTMLResponse:
    state = request.app.state.qt
    context: dict[str, Any] = {"q": q, "families": None, "family": None}
    if not state.db:
        return _page(request, **context)
    with state.connection() as conn:
        try:
            context["families"] = family_reads.find(conn, q) if q.strip() else family_reads.top(conn, 20)
        except UsageError as exc:
            return _page(request, 400, error=str(exc), **context)
    context["listing"] = "matching" if q.strip() else "top"
    return _page(request, **context)


@router.get("/trace/quote/{article_id}/{idx}", include_in_schema=False)
def quote_family(request: Request, article_id: int, idx: int):
    """The link beside every quote of an article page: to its family, if it has one."""
    with request.app.state.qt.connection() as conn:
        row = conn.execute(
            "SELECT id, text FROM quotes WHERE article_id = ? AND idx = ?", (article_id, idx)
        ).fetchone()
        if row is None:
            raise HTTPException(404, f"There is no quote {idx} in article {article_id}.")
        family_id = family_reads.family_of_quote(conn, row[0])
    if family_id is not None:
        return RedirectResponse(f"/trace/{family_id}", status_code=303)
    return _page(request, alone={"article_id": article_id, "text": row[1]}, families=None, family=None)


@router.get("/trace/{family_id}", response_class=HTMLResponse, include_in_schema=False)
def family_page(request: Request, family_id: int) -> HTMLResponse:
    with request.app.state.qt.connection() as conn:
        fam = family_reads.family(conn, family_id)
    if fam is None:
        raise HTTPException(404, f"There is no quote family {family_id} in the store.")
    return _page(request, family=fam, families=None, timeline=timeline(fam["members"]),
                 page_title=f"Family {family_id}")  # fmt: skip


def timeline(members: list[dict]) -> dict[str, Any]:
    """Coordinates for the SVG: one row per outlet, x by publication date (undated at the end)."""
    outlets = list(dict.fromkeys(m["outlet"] or "unknown outlet" for m in members))
    days = [_day(m["published"]) for m in members]
    known = [d for d in days if d is not None]
    lo, hi = (min(known), max(known)) if known else (None, None)
    span = max(1, (hi - lo).days) if lo and hi else 1
    inner = WIDTH - LEFT - RIGHT
    dots = []
    for m, d in zip(members, days, strict=True):
        row = outlets.index(m["outlet"] or "unknown outlet")
        x = LEFT + (inner * (d - lo).days / span if d is not None and lo else inner)
        if d is not None and lo == hi:
            x = LEFT + inner / 2
        dots.append({
            "x": round(x, 1), "y": TOP + row * ROW + ROW / 2, "relation": m["relation"],
            "colour": RELATION_COLOURS.get(m["relation"], "#111827"),
            "label": f"{(m['published'] or 'undated')[:16]} · {m['outlet'] or '?'} · {m['relation']}",
            "href": f"/articles/{m['article_id']}" if isinstance(m["article_id"], int) else None,
        })  # fmt: skip
    height = TOP + len(outlets) * ROW + 30
    ticks = []
    if lo and hi:
        ticks = [{"x": LEFT, "label": lo.isoformat(), "anchor": "start"}]
        if hi != lo:
            ticks.append({"x": LEFT + inner, "label": hi.isoformat(), "anchor": "end"})
    return {
        "width": WIDTH, "height": height, "left": LEFT, "right": WIDTH - RIGHT, "axis_y": height - 24,
        "rows": [{"y": TOP + i * ROW + ROW / 2, "name": o} for i, o in enumerate(outlets)],
        "dots": dots, "ticks": ticks,
    }  # fmt: skip


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None
