"""The server-rendered pages: analyse, search, speakers, one stored article."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from quotetrace.errors import QuotetraceError
from quotetrace.ingest import bytes_to_document
from quotetrace.records import Article
from quotetrace.speech_view import ACT_CHOICES, parse_acts, select, view_name
from quotetrace.web.render import article_context, environment
from quotetrace.web.state import AppState

router = APIRouter(include_in_schema=False)
KINDS_READ_AS = {"auto": None, "text": "text", "html": "html"}
PAGE_SIZE = 20


def _state(request: Request) -> AppState:
    return request.app.state.qt


def _page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    state = _state(request)
    context.setdefault("nav", None)
    context.setdefault("page_title", "quotetrace")
    html = environment().get_template(template).render(db_name=state.db_name, **context)
    return HTMLResponse(html, status_code=status)


def _in_view(article: Article, acts_value: str, href: str | None) -> dict[str, Any]:
    """The article context with only the quotes of the chosen view (quotetrace.speech_view, the
    same rule as ``extract`` and ``search``): reported speech unless the reader asks for more."""
    try:
        acts = parse_acts(acts_value or "speech")
    except ValueError as exc:
        raise HTTPException(400, f"acts: {exc}") from None
    shown = select(article.quotes, acts)
    hidden = sum(1 for q in article.quotes if q.kind != "term") - sum(1 for q in shown if q.kind != "term")
    links = [(a, f"{href}?acts={a}") for a in ACT_CHOICES] if href else []
    view = {"name": view_name(acts), "hidden": hidden, "links": links}
    return {**article_context(replace(article, quotes=shown)), "view": view}


def _analyse_form(request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    max_mb = f"{_state(request).max_bytes / 1_000_000:g}"
    return _page(
        request, "analyse.html", status, nav="analyse", page_title="Analyse", max_mb=max_mb,
        **context,
    )  # fmt: skip


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    return _analyse_form(request, kind="auto")


@router.post("/analyse", response_class=HTMLResponse)
def analyse(
    request: Request,
    text: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "auto",
    file: Annotated[UploadFile | None, File()] = None,
    acts: Annotated[str, Form()] = "speech",
) -> HTMLResponse:
    form = {"text": text, "title": title, "kind": kind}
    if kind not in KINDS_READ_AS:
        return _analyse_form(request, 400, error=f"unknown input kind {kind!r}", **form)
    upload = file if file is not None and file.filename else None
    if upload is None and not text.strip():
        return _analyse_form(request, 400, error="Paste an article or choose a file.", **form)
    try:
        if upload is not None:
            data, name = upload.file.read(), upload.filename or "upload"
        else:
            data, name = text.encode("utf-8"), "pasted text"
        document = bytes_to_document(data, name, kind=KINDS_READ_AS[kind])
    except QuotetraceError as exc:
        return _analyse_form(request, 400, error=str(exc), **form)
    if title.strip():
        document.title = title.strip()
    article = _state(request).analyse(document)
    payload = article.to_json(indent=2)
    return _page(
        request, "article.html", nav="analyse", page_title=article.title or "Analysis",
        stored=None, json_href="data:application/json;charset=utf-8," + quote(payload),
        json_name="quotetrace-article.json", **_in_view(article, acts, None),
    )  # fmt: skip


def _search_form(request: Request) -> dict[str, str]:
    params = request.query_params
    return {k: params.get(k, "").strip() for k in ("q", "speaker", "outlet", "since", "kind")}


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, offset: int = 0) -> HTMLResponse:
    from quotetrace.store.search import Filters, counts, outlets
    from quotetrace.store.search import search as run_search

    form = _search_form(request)
    context: dict[str, Any] = {"nav": "search", "page_title": "Search", "form": form,
                               "result": None, "offset": max(0, offset)}  # fmt: skip
    state = _state(request)
    if not state.db:
        return _page(request, "search.html", **context)
    with state.connection() as conn:
        context.update(stats=counts(conn), outlets=outlets(conn))
        try:
            filters = Filters.parse(form["speaker"], form["outlet"], form["since"], None, [form["kind"]])
        except QuotetraceError as exc:
            return _page(request, "search.html", 400, error=str(exc), **context)
        result = run_search(conn, form["q"], filters, limit=PAGE_SIZE, offset=context["offset"])
    context["result"] = result
    base = {k: v for k, v in form.items() if v}
    if context["offset"] > 0:
        prev = max(0, context["offset"] - PAGE_SIZE)
        context["prev_href"] = "/search?" + urlencode({**base, "offset": prev})
    if context["offset"] + len(result.hits) < result.total:
        nxt = context["offset"] + PAGE_SIZE
        context["next_href"] = "/search?" + urlencode({**base, "offset": nxt})
    return _page(request, "search.html", **context)


@router.get("/speakers", response_class=HTMLResponse)
def speakers(request: Request) -> HTMLResponse:
    from quotetrace.store.search import outlets
    from quotetrace.store.search import speakers as list_speakers

    form = {k: request.query_params.get(k, "").strip() for k in ("outlet", "since")}
    context: dict[str, Any] = {"nav": "speakers", "page_title": "Speakers", "form": form,
                               "rows": None}  # fmt: skip
    state = _state(request)
    if not state.db:
        return _page(request, "speakers.html", **context)
    with state.connection() as conn:
        context["outlets"] = outlets(conn)
        try:
            rows = list_speakers(conn, outlet=form["outlet"], since=form["since"], limit=500)
        except QuotetraceError as exc:
            return _page(request, "speakers.html", 400, error=str(exc), **context)
    context.update(rows=rows, top_words=max((r.words for r in rows), default=0) or 1)
    return _page(request, "speakers.html", **context)


def _stored(request: Request, ref: str):
    from quotetrace.store.search import get_article
    from quotetrace.web.library import article_id_for

    with _state(request).connection() as conn:
        article_id = article_id_for(conn, ref)
        stored = get_article(conn, article_id) if article_id is not None else None
    if stored is None:
        raise HTTPException(404, f"There is no article {ref} in the store.")
    return stored


def _safe_url(url: str | None) -> str | None:
    """Only web links become links: a stored 'javascript:' URL stays text."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, offset: int = 0) -> HTMLResponse:
    from quotetrace.store.search import counts, outlets
    from quotetrace.web.library import list_articles

    outlet = request.query_params.get("outlet", "").strip()
    offset = max(0, offset)
    context: dict[str, Any] = {"nav": "articles", "page_title": "Articles", "rows": None,
                               "form": {"outlet": outlet}, "offset": offset}  # fmt: skip
    state = _state(request)
    if not state.db:
        return _page(request, "articles.html", **context)
    with state.connection() as conn:
        total, rows = list_articles(conn, outlet, limit=PAGE_SIZE, offset=offset)
        context.update(stats=counts(conn), outlets=outlets(conn), total=total, rows=rows)
    base = {"outlet": outlet} if outlet else {}
    if offset > 0:
        context["prev_href"] = "/articles?" + urlencode({**base, "offset": max(0, offset - PAGE_SIZE)})
    if offset + len(rows) < total:
        context["next_href"] = "/articles?" + urlencode({**base, "offset": offset + PAGE_SIZE})
    return _page(request, "articles.html", **context)


# Declared before /articles/{ref}, which would otherwise take "1.json" as the id.
@router.get("/articles/{ref}.json")
def article_json(request: Request, ref: str) -> Response:
    stored = _stored(request, ref)
    return Response(
        stored.article.to_json(indent=2),
        media_type="application/json",
        headers={"content-disposition": f'attachment; filename="article-{stored.id}.json"'},
    )


@router.get("/articles/{ref}", response_class=HTMLResponse)
def article(request: Request, ref: str, acts: str = "speech") -> HTMLResponse:
    """``ref`` is the store's number or the id ``ingest`` reported (the file name, the JSONL id);
    ``acts`` the view (reported speech by default, ``all`` for every attribution)."""
    stored = _stored(request, ref)
    return _page(
        request, "article.html", nav="articles",
        page_title=stored.title or stored.article.title or f"Article {stored.id}",
        stored=stored, safe_url=_safe_url(stored.url),
        json_href=f"/articles/{stored.id}.json", json_name=f"article-{stored.id}.json",
        **_in_view(stored.article, acts, f"/articles/{stored.id}"),
    )  # fmt: skip


@router.get("/speakers/{name:path}", response_class=HTMLResponse)
def speaker(request: Request, name: str) -> HTMLResponse:
    from quotetrace.web import render_plot
    from quotetrace.web.library import speaker_record

    state = _state(request)
    if not state.db:
        raise HTTPException(404, "No store is open: start the server with --db.")
    with state.connection() as conn:
        record = speaker_record(conn, name)
    if record is None:
        raise HTTPException(404, f"There is no speaker {name!r} in the store.")
    return _page(
        request, "speaker.html", nav="speakers", page_title=record.name, record=record,
        plot=render_plot.timeline(record.quotes), classes=render_plot.class_bars(record.quotes),
        cue_words=render_plot.cue_words(record.quotes), undated=render_plot.undated(record.quotes),
        outlets=sorted({q.outlet for q in record.quotes if q.outlet}),
        recent=list(reversed(record.quotes))[:PAGE_SIZE],
    )  # fmt: skip
