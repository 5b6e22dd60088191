"""The web page and JSON API: ``create_app(db_path)`` returns the FastAPI application.

Pages are server-rendered Jinja2 templates with one stylesheet and no
script; ``render.py`` builds the highlighted article HTML (also used for
``quotetrace frame --format html``) without needing FastAPI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app"]


def create_app(db: str | None = None, frame: bool = True, max_bytes: int | None = None, **options) -> FastAPI:
    """``options``: ``extract_workers`` and ``time_limit`` of the extraction pool (web/workers.py)."""
    from quotetrace.web.app import create_app as _create

    return _create(db, frame=frame, max_bytes=max_bytes, **options)
