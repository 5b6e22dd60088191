"""``/api/``: JSON endpoints mirroring the command line."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from quotetrace.ingest import bytes_to_document, text_to_document
from quotetrace.ingest.decoding import first_surrogate
from quotetrace.web.errors import responses
from quotetrace.web.state import AppState

# Every route can meet the size guard (400/413) and a missing store (503); listing them all
# keeps the OpenAPI spec a complete list of what a client may see.
router = APIRouter(prefix="/api", tags=["api"], responses=responses(400, 404, 413, 422, 503))
MAX_OFFSET = 1_000_000_000
MAX_ARTICLE_ID = 2**63 - 1  # SQLite's largest rowid
Q_HELP = 'words (all must match), "phrases", prefix*, OR, NOT; empty lists every quote'
SPEAKER_HELP = "a canonical name, a mention of it, or whole words of the name"


class ExtractRequest(BaseModel):
    """One article: give ``text`` or ``html`` (not both)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="the article as plain text")
    html: str | None = Field(None, description="the article as an HTML page")
    title: str | None = Field(None, description="headline (default: first line, if headline-like)")
    frame: bool = Field(True, description="run the framing analysis when it is installed")

    @field_validator("text", "html", "title")
    @classmethod
    def encodable(cls, value: str | None) -> str | None:
        # JSON may spell a lone surrogate ("\ud800"); no encoder takes one, so say where it is.
        at = first_surrogate(value) if value else None
        if value and at is not None:
            code = ord(value[at])
            raise ValueError(f"holds invalid Unicode: an unpaired surrogate U+{code:04X} at character {at}")
        return value

    @model_validator(mode="after")
    def one_input(self) -> ExtractRequest:
        if self.text is None and self.html is None:
            raise ValueError(
                "give exactly one of 'text' or 'html': both are missing or null "
                '("text" takes the article as plain text, "html" as a web page)'
            )
        if self.text is not None and self.html is not None:
            raise ValueError("give exactly one of 'text' or 'html', not both")
        return self


def _state(request: Request) -> AppState:
    return request.app.state.qt


@router.post("/extract", summary="Extract and attribute the quotes of one article")
def extract(body: ExtractRequest, request: Request) -> dict[str, Any]:
    """The Article JSON contract, as ``quotetrace extract --format json`` writes it."""
    state = _state(request)
    if body.text is not None:
        document = text_to_document(body.text, "text")
    else:
        assert body.html is not None  # the model requires text or html
        document = bytes_to_document(body.html.encode("utf-8"), "html", kind="html")
    if body.title:
        document.title = body.title
    return state.analyse(document, frame=body.frame and state.frame).to_dict()


@router.get("/search", summary="Full-text search over stored quotes")
def search(
    request: Request,
    q: Annotated[str, Query(description=Q_HELP)] = "",
    speaker: Annotated[str | None, Query(description=SPEAKER_HELP)] = None,
    outlet: str | None = None,
    since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    kind: Annotated[list[str] | None, Query(description="direct, mixed, indirect, term")] = None,
    limit: Annotated[int, Query(ge=0, le=500)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    """Same result as ``quotetrace search --format json``: hits best first, with ``matches``
    ([start, end] offsets of the matched words in ``text``)."""
    from quotetrace.store.search import Filters
    from quotetrace.store.search import search as run_search

    filters = Filters.parse(speaker, outlet, since, until, kind)
    with _state(request).connection() as conn:
        return run_search(conn, q, filters, limit=limit, offset=offset).to_dict()


@router.get("/speakers", summary="Speakers with quote counts, most quoted first")
def speakers(
    request: Request,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: Annotated[int | None, Query(ge=0, le=10_000)] = None,
) -> list[dict[str, Any]]:
    from quotetrace.store.search import speakers as list_speakers

    with _state(request).connection() as conn:
        rows = list_speakers(conn, outlet=outlet, since=since, until=until, limit=limit)
    return [r.to_dict() for r in rows]


@router.get("/articles/{article_id}", summary="One stored article with its analysis")
def article(article_id: int, request: Request) -> dict[str, Any]:
    from quotetrace.store.search import get_article

    if not 0 < article_id <= MAX_ARTICLE_ID:
        raise HTTPException(404, f"no article {article_id}")
    with _state(request).connection() as conn:
        stored = get_article(conn, article_id)
    if stored is None:
        raise HTTPException(404, f"no article {article_id}")
    return {**stored.meta_dict(), "article": stored.article.to_dict()}


@router.get("/health", summary="Liveness and store size")
def health(request: Request) -> dict[str, Any]:
    state = _state(request)
    out: dict[str, Any] = {"status": "ok", "database": state.db_name}
    if state.db:
        from quotetrace.store.search import counts

        with state.connection() as conn:
            out.update(counts(conn))
    return out
