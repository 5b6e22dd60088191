"""The article text as HTML: quotes, cues and markers as nested elements, everything escaped.

Spans may overlap or nest; they are emitted as a properly nested tree by
closing and re-opening elements at each boundary, so the output is
well-formed whatever the offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from quotetrace.records import QUOTE_KINDS, Article, Quote
from quotetrace.web.render_colours import css_token, frame_colour, speaker_colour, speaker_colours, tint


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
