"""The article view's context, the Jinja2 environment and the standalone page.

Article text, titles, speaker names and anything the framing stage wrote are
hostile input: templates autoescape, and the few pieces built here go
through ``markupsafe``. Colours live in ``render_colours``, the highlighted
text in ``render_text``, the speaker page's chart in ``render_plot``.

``standalone_html(article)`` is a complete page with inline CSS and no
script (``quotetrace frame --format html`` writes it); the web app renders
the same partial template inside its own layout.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from quotetrace.records import QUOTE_KINDS, Article
from quotetrace.web.render_colours import (
    FRAME_PALETTE,
    SPEAKER_PALETTE,
    UNATTRIBUTED,
    css_token,
    frame_colour,
    speaker_colour,
    speaker_colours,
    tint,
)
from quotetrace.web.render_text import article_fragment, highlight_text, mark_matches

__all__ = [
    "FRAME_PALETTE", "SPEAKER_PALETTE", "STATIC", "TEMPLATES", "article_context", "article_fragment",
    "css_token", "environment", "frame_colour", "highlight_text", "inline_stylesheet", "key_values",
    "mark_matches", "speaker_colour", "speaker_colours", "standalone_html", "stylesheet", "tint",
]  # fmt: skip

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
KIND_LABELS = {
    "direct": "direct: the speaker's own words",
    "mixed": "mixed: paraphrase with quoted fragments",
    "indirect": "indirect: reported speech, no quotation marks",
    "term": "term: scare quotes or a title",
}
# Offsets and kinds are for programs (they are in the JSON); a reader gets the text.
INTERNAL_KEYS = frozenset({"id", "quote_id", "start", "end", "kind", "text", "name"})
SHARE_SUFFIX = "_share"


def _scalar(value: Any, key: str = "") -> str:
    if isinstance(value, float) and key.endswith(SHARE_SUFFIX) and 0 <= value <= 1:
        return f"{value:.0%}"
    if isinstance(value, bool) or value is None:
        return {True: "yes", False: "no", None: "—"}[value]
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _item(value: Any) -> Markup:
    """One element of a list the framing stage wrote: a quote, a speaker, a number."""
    if not isinstance(value, dict):
        return escape(_scalar(value) if not isinstance(value, list | dict) else json.dumps(value))
    head = value.get("text", value.get("name"))
    rest = ", ".join(
        f"{str(k).replace('_', ' ')} {_scalar(v, str(k))}"
        for k, v in value.items()
        if k not in INTERNAL_KEYS and not isinstance(v, list | dict)
    )
    label = escape(_scalar(head)) if head is not None else escape(rest)
    quote_id = value.get("id", value.get("quote_id"))
    if isinstance(quote_id, int) and not isinstance(quote_id, bool) and head is not None:
        # A quote of this article: link to its highlight.
        label = Markup('<a href="#q-{}">{}</a>').format(quote_id, label)
    if head is not None and rest:
        label += Markup(' <span class="muted">({})</span>').format(rest)
    return label


def _value(value: Any, key: str = "") -> Markup:
    if isinstance(value, dict):
        pairs = (
            f"{str(k).replace('_', ' ')} {_scalar(v, str(k))}"
            for k, v in value.items()
            if k not in INTERNAL_KEYS
        )
        return escape(" · ".join(pairs)) if value else escape("—")
    if isinstance(value, list):
        if not value:
            return escape("none")
        if all(not isinstance(v, dict | list) for v in value):
            return escape(", ".join(_scalar(v) for v in value))
        return Markup('<ul class="kv-list">{}</ul>').format(
            Markup("").join(Markup("<li>{}</li>").format(_item(v)) for v in value)
        )
    return escape(_scalar(value, key))


def key_values(data: dict[str, Any] | None, skip: tuple[str, ...] = ()) -> list[tuple[str, Markup]]:
    """A dict from the framing stage as readable (label, value) rows, whatever its keys."""
    if not isinstance(data, dict):
        return []
    return [(str(k).replace("_", " "), _value(v, str(k))) for k, v in data.items() if k not in skip]


def article_context(article: Article) -> dict[str, Any]:
    """Everything the article templates need (the partial ``_article.html``)."""
    colours = speaker_colours(article)
    check = article.headline_check.to_dict() if article.headline_check else None
    attributed = [q for q in article.quotes if q.kind != "term"]
    total_words = sum(s.words for s in article.speakers) or 1
    top_words = max((s.words for s in article.speakers), default=0) or 1
    speakers = [
        {
            "name": s.name,
            "colour": colours.get(s.name, speaker_colour(s.name)),
            "tint": tint(colours.get(s.name, speaker_colour(s.name))),
            "quotes": s.quotes,
            "words": s.words,
            "share": round(100 * s.words / total_words),
            "bar": round(100 * s.words / top_words),
            "aliases": [a for a in s.aliases if a != s.name],
        }
        for s in sorted(article.speakers, key=lambda s: (-s.words, -s.quotes, s.name))
        if s.quotes or s.words
    ]
    frame_counts = Counter(q.frame.cls for q in article.quotes if q.frame and q.cue)
    frames = [
        {"cls": c, "token": css_token(c), "colour": frame_colour(c), "count": n}
        for c, n in sorted(frame_counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    kinds = Counter(q.kind for q in article.quotes)
    quotes = [
        {
            "id": q.id,
            "kind": q.kind if q.kind in QUOTE_KINDS else "other",
            "speaker": q.speaker.name if q.speaker else None,
            "colour": colours.get(q.speaker.name, UNATTRIBUTED) if q.speaker else UNATTRIBUTED,
            "cue": q.cue.text if q.cue else None,
            "frame": q.frame.cls if q.frame else None,
            "text": q.text,
        }
        for q in article.quotes
    ]
    return {
        "article": article,
        "fragment": article_fragment(article),
        "speakers": speakers,
        "unattributed": sum(1 for q in attributed if q.speaker is None),
        "n_quotes": len(attributed),
        "quotes": quotes,
        "kinds": [(k, KIND_LABELS[k], kinds.get(k, 0)) for k in QUOTE_KINDS if kinds.get(k)],
        "frames": frames,
        "headline_status": _status(check),
        "headline_check": key_values(check, skip=("status",)),
        # Per-speaker airtime is already the speaker list; the rest is the article's balance.
        "balance": key_values(article.balance.to_dict() if article.balance else None, skip=("speakers",)),
        "framed": any(q.frame for q in article.quotes) or article.headline_check is not None,
    }


def _status(check: dict[str, Any] | None) -> dict[str, str] | None:
    if not isinstance(check, dict) or check.get("status") is None:
        return None
    status = str(check["status"])
    return {"text": status, "token": css_token(status)}


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(enabled_extensions=("html",), default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["mark_matches"] = mark_matches
    env.globals["speaker_colour"] = speaker_colour
    env.globals["tint"] = tint
    return env


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return (STATIC / "quotetrace.css").read_text(encoding="utf-8")


def inline_stylesheet() -> Markup:
    """The stylesheet for a self-contained page's own ``<style>`` (base_standalone.html), with
    "</" escaped so that nothing in it can close the element."""
    return Markup(stylesheet().replace("</", "<\\/"))


def standalone_html(article: Article, title: str | None = None) -> str:
    """A self-contained page (inline CSS, no script, no external resource) for one article."""
    context = article_context(article)
    return (
        environment()
        .get_template("standalone.html")
        .render(
            page_title=title or article.title or "quotetrace article",
            css=inline_stylesheet(),
            json_href=None,
            **context,
        )
    )
