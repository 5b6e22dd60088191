"""The ``Document`` record: one article as text, before any NLP, and its headline guess.

Kept apart from the readers (``document``, ``html``) so that both can use it without
importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

_TITLE_MAX_WORDS = 30


@dataclass(slots=True)
class Document:
    """One article as text, before any NLP. ``text`` is what offsets refer to."""

    text: str
    title: str | None = None
    id: str | None = None
    url: str | None = None
    outlet: str | None = None  # normalised by quotetrace.outlets when read from a page
    published: str | None = None
    author: str | None = None
    outlet_raw: str | None = None  # the site name as the page gave it


def detect_title(text: str) -> str | None:
    """The first line, when it reads like a headline rather than a sentence of the body."""
    stripped = text.lstrip("\n")
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    if not first or not sep or not rest.strip():
        return None
    words = first.split()
    if len(words) > _TITLE_MAX_WORDS:
        return None
    followed_by_blank = rest.startswith("\n") or rest.lstrip(" \t").startswith("\n")
    capitalised = sum(w[:1].isupper() for w in words) / len(words)
    no_final_stop = not first.endswith((".", "!", "?", '"', "”"))
    if followed_by_blank or capitalised >= 0.6 or no_final_stop:
        return first
    return None
