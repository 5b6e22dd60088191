"""HTML for an analysed article, built from offsets with every piece of text escaped.

Article text, titles, speaker names and anything the framing stage wrote are
hostile input: nothing here concatenates them into markup unescaped. Spans
(quotes, cues, framing markers) may overlap or nest; they are emitted as a
properly nested tree by closing and re-opening elements at each boundary,
so the output is always well-formed whatever the offsets.

``standalone_html(article)`` is a complete page with inline CSS and no
script (``quotetrace frame --format html`` writes it); the web app renders
the same partial template inside its own layout.
"""

from __future__ import annotations

import colorsys
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from quotetrace.records import QUOTE_KINDS, Article, Quote

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

# Saturated hues, dark enough for a 2px underline and a legible tint behind text.
SPEAKER_PALETTE = (
    "#2563eb", "#ea580c", "#16a34a", "#9333ea", "#0891b2", "#db2777",
    "#ca8a04", "#dc2626", "#4f46e5", "#65a30d", "#c026d3", "#0d9488",
)  # fmt: skip
MIN_HUE_GAP = 45.0  # degrees: below this, two tinted highlights are hard to tell apart
FRAME_PALETTE = ("#0f766e", "#b91c1c", "#7c3aed", "#c2410c", "#1d4ed8", "#a16207", "#be185d")
UNATTRIBUTED = "#6b7280"
KIND_LABELS = {
    "direct": "direct: the speaker's own words",
    "mixed": "mixed: paraphrase with quoted fragments",
    "indirect": "indirect: reported speech, no quotation marks",
    "term": "term: scare quotes or a title",
}
_CLASS_SAFE = re.compile(r"[^a-z0-9_-]+")


def css_token(value: str | None, default: str = "none") -> str:
    """A string safe inside a class attribute: lowercase letters, digits, - and _."""
    token = _CLASS_SAFE.sub("-", (value or "").lower()).strip("-")
    return token or default


def _hash_index(value: str, size: int) -> int:
    digest = hashlib.sha256(" ".join(value.casefold().split()).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % size


def speaker_colour(name: str | None) -> str:
    """The same name always gets the same colour, in every article and process."""
    if not name:
        return UNATTRIBUTED
    return SPEAKER_PALETTE[_hash_index(name, len(SPEAKER_PALETTE))]


def frame_colour(cls: str | None) -> str:
    if not cls:
        return UNATTRIBUTED
    return FRAME_PALETTE[_hash_index(cls, len(FRAME_PALETTE))]


def tint(colour: str, strength: float = 0.2) -> str:
    """``colour`` mixed with white: the background behind highlighted text."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * strength) for c in (r, g, b)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def _hue(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[0] * 360


def _hue_gap(a: str, b: str) -> float:
    gap = abs(_hue(a) - _hue(b)) % 360
    return min(gap, 360 - gap)


def speaker_colours(article: Article) -> dict[str, str]:
    """Each speaker's hashed colour, adjusted within one article so that no two speakers
    share a colour and, while the palette allows, their hues sit well apart; the most
    quoted speakers keep their own colour first."""
    names = [s.name for s in sorted(article.speakers, key=lambda s: (-s.quotes, -s.words, s.name))]
    for quote in article.quotes:
        if quote.speaker and quote.speaker.name not in names:
            names.append(quote.speaker.name)
    size = len(SPEAKER_PALETTE)
    out: dict[str, str] = {}
    for name in names:
        start = _hash_index(name, size)
        ring = [SPEAKER_PALETTE[(start + step) % size] for step in range(size)]
        taken = list(out.values())
        choice = next(
            (c for c in ring if all(_hue_gap(c, t) >= MIN_HUE_GAP for t in taken)),
            next((c for c in ring if c not in taken), ring[0]),
        )
        out[name] = choice
    return out


# --- the highlighted text ---------------------------------------------------------------


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    rank: int  # at equal extent, lower ranks enclose higher ones
    tag: str
    attrs: dict[str, str]
    first_only: dict[str, str] = field(default_factory=dict)  # e.g. id: on the first piece only
    opened: bool = False

    def open(self) -> Markup:
        attrs = dict(self.attrs)
        if not self.opened:
            attrs.update(self.first_only)
        self.opened = True
        rendered = Markup("").join(Markup(' {}="{}"').format(k, v) for k, v in attrs.items())
        return Markup("<{}{}>").format(Markup(self.tag), rendered)

    def close(self) -> Markup:
        return Markup(f"</{self.tag}>")


def _quote_span(quote: Quote, colours: dict[str, str]) -> _Span:
    name = quote.speaker.name if quote.speaker else None
    colour = colours.get(name or "", speaker_colour(name))
    kind = quote.kind if quote.kind in QUOTE_KINDS else "other"
    classes = f"q q-{kind}" + (" q-cont" if quote.continuation else "")
    tip = [name or "unattributed", kind]
    if quote.cue:
        tip.append(f"cue: {quote.cue.text}")
    if quote.frame:
        tip.append(f"frame: {quote.frame.cls}")
    return _Span(
        quote.start, quote.end, 0, "mark",
        {
            "class": classes,
            "data-quote": str(quote.id),
            "data-kind": kind,
            "data-speaker": name or "",
            "style": f"--c:{colour};--t:{tint(colour)}",
            "title": " · ".join(tip),
        },
        {"id": f"q-{quote.id}"},
    )  # fmt: skip


def _spans(article: Article) -> list[_Span]:
    n = len(article.text)
    colours = speaker_colours(article)
    spans: list[_Span] = []
    seen: set[tuple[str, int, int]] = set()

    def valid(start: int, end: int, what: str) -> bool:
        key = (what, start, end)
        ok = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= n
        if not ok or key in seen:
            return False
        seen.add(key)
        return True

    for quote in article.quotes:
        if valid(quote.start, quote.end, f"q{quote.id}"):
            spans.append(_quote_span(quote, colours))
        frame_cls = quote.frame.cls if quote.frame else None
        cue = quote.cue
        if cue and valid(cue.start, cue.end, "cue"):
            cls = css_token(frame_cls)
            spans.append(_Span(cue.start, cue.end, 1, "span", {
                "class": f"cue cue-{cls}",
                "data-frame": frame_cls or "",
                "style": f"--f:{frame_colour(frame_cls)}",
                "title": f"cue “{cue.lemma}”" + (f" · frame: {frame_cls}" if frame_cls else ""),
            }))  # fmt: skip
        for marker in quote.frame.markers if quote.frame else []:
            if valid(marker.start, marker.end, "marker"):
                spans.append(_Span(marker.start, marker.end, 2, "span", {
                    "class": f"marker marker-{css_token(marker.kind)}",
                    "title": f"{marker.kind}: {marker.text}"
                    + (f" ({marker.source})" if marker.source else ""),
                }))  # fmt: skip
    return spans


def highlight_text(text: str, spans: list[_Span]) -> Markup:
    """``text`` escaped, with ``spans`` as nested elements (split where they overlap)."""
    order = sorted(spans, key=lambda s: (s.start, -s.end, s.rank))
    position = {id(s): i for i, s in enumerate(order)}
    starts: dict[int, list[_Span]] = {}
    for span in order:
        starts.setdefault(span.start, []).append(span)
    bounds = sorted({0, len(text), *(s.start for s in order), *(s.end for s in order)})
    out: list[Markup] = []
    stack: list[_Span] = []
    active: list[_Span] = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        active = [s for s in active if s.end > left] + starts.get(left, [])
        wanted = sorted(active, key=lambda s: position[id(s)])  # outermost first
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        while len(stack) > keep:
            out.append(stack.pop().close())
        for span in wanted[keep:]:
            out.append(span.open())
            stack.append(span)
        out.append(escape(text[left:right]))
    while stack:
        out.append(stack.pop().close())
    return Markup("").join(out)


def article_fragment(article: Article) -> Markup:
    """The article text with quotes in ``<mark class="q q-KIND">`` and cues in
    ``<span class="cue cue-FRAME">``; wrap it in an element with ``white-space: pre-wrap``.

    When the text opens with the title, that line is wrapped in ``<span class="headline">``
    (quotes in the headline stay highlighted inside it)."""
    spans = _spans(article)
    title = (article.title or "").strip()
    lead = len(article.text) - len(article.text.lstrip())
    if title and article.text.startswith(title, lead):
        spans.append(_Span(lead, lead + len(title), -1, "span", {"class": "headline"}))
    return highlight_text(article.text, spans)


def mark_matches(text: str, matches: list[tuple[int, int]] | list[list[int]]) -> Markup:
    """Search hits: the matched words in ``<mark class="hit">``, everything escaped."""
    spans = [
        _Span(int(s), int(e), 0, "mark", {"class": "hit"})
        for s, e in matches
        if 0 <= int(s) < int(e) <= len(text)
    ]
    return highlight_text(text, spans)


# --- the page around it ----------------------------------------------------------------


def _scalar(value: Any) -> str:
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
        f"{str(k).replace('_', ' ')} {_scalar(v)}"
        for k, v in value.items()
        if k not in ("text", "name", "id") and not isinstance(v, list | dict)
    )
    label = escape(_scalar(head)) if head is not None else escape(rest)
    if isinstance(value.get("id"), int) and head is not None:
        # A quote of this article: link to its highlight.
        label = Markup('<a href="#q-{}">{}</a>').format(value["id"], label)
    if head is not None and rest:
        label += Markup(' <span class="muted">({})</span>').format(rest)
    return label


def _value(value: Any) -> Markup:
    if isinstance(value, dict):
        pairs = (f"{str(k).replace('_', ' ')} {_scalar(v)}" for k, v in value.items())
        return escape(" · ".join(pairs)) if value else escape("—")
    if isinstance(value, list):
        if not value:
            return escape("none")
        if all(not isinstance(v, dict | list) for v in value):
            return escape(", ".join(_scalar(v) for v in value))
        return Markup('<ul class="kv-list">{}</ul>').format(
            Markup("").join(Markup("<li>{}</li>").format(_item(v)) for v in value)
        )
    return escape(_scalar(value))


def key_values(data: dict[str, Any] | None, skip: tuple[str, ...] = ()) -> list[tuple[str, Markup]]:
    """A dict from the framing stage as readable (label, value) rows, whatever its keys."""
    if not isinstance(data, dict):
        return []
    return [(str(k).replace("_", " "), _value(v)) for k, v in data.items() if k not in skip]


def article_context(article: Article) -> dict[str, Any]:
    """Everything the article templates need (the partial ``_article.html``)."""
    colours = speaker_colours(article)
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
        "headline_status": _status(article.headline_check),
        "headline_check": key_values(article.headline_check, skip=("status",)),
        # Per-speaker airtime is already the speaker list; the rest is the article's balance.
        "balance": key_values(article.balance, skip=("speakers",)),
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


def standalone_html(article: Article, title: str | None = None) -> str:
    """A self-contained page (inline CSS, no script, no external resource) for one article."""
    context = article_context(article)
    return (
        environment()
        .get_template("standalone.html")
        .render(
            page_title=title or article.title or "quotetrace article",
            css=Markup(stylesheet().replace("</", "<\\/")),
            json_href=None,
            **context,
        )
    )
