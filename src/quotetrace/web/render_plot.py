"""The speaker page's chart: one lane per outlet, one dot per article on a time axis.

Geometry is computed here and drawn by the ``_speaker_plot.html`` template as an
inline SVG: no script and no chart library, so the page stays within its
content security policy and renders the same offline and in the standalone file.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from quotetrace.web.library import SpeakerQuote
from quotetrace.web.render_colours import frame_colour, speaker_colour

WIDTH = 800
MARGIN = 24
LANE = 46
AXIS = 34
UNKNOWN_OUTLET = "unknown outlet"


@dataclass(slots=True)
class Dot:
    x: float
    y: float
    r: float
    colour: str
    href: str
    label: str


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def outlet_colour(outlet: str) -> str:
    """Hashed like a speaker's: an outlet has the same colour on every speaker page."""
    return speaker_colour(outlet)


def _ticks(first: date, last: date, count: int = 5) -> list[tuple[date, str]]:
    span = (last - first).days
    step = max(1, span // (count - 1))
    fmt = "%Y" if span > 3 * 365 else "%Y-%m" if span > 90 else "%Y-%m-%d"
    days = [first + timedelta(days=step * i) for i in range(count)]
    seen, out = set(), []
    for d in days:
        label = d.strftime(fmt)
        if d <= last and label not in seen:
            seen.add(label)
            out.append((d, label))
    return out


def timeline(quotes: list[SpeakerQuote]) -> dict[str, Any] | None:
    """Lanes, dots and axis ticks for the dated quotes; None when no quote has a date."""
    per_article: Counter[tuple[str, int]] = Counter()
    when: dict[int, date] = {}
    titles: dict[int, str] = {}
    for q in quotes:
        day = _day(q.published)
        if day is None:
            continue
        per_article[(q.outlet or UNKNOWN_OUTLET, q.article_id)] += 1
        when[q.article_id] = day
        titles[q.article_id] = q.title or f"article {q.article_id}"
    if not per_article:
        return None
    outlets = sorted({o for o, _ in per_article}, key=lambda o: (o == UNKNOWN_OUTLET, o.casefold()))
    first, last = min(when.values()), max(when.values())
    if first == last:  # one day: centre it in a month-wide window
        first, last = first - timedelta(days=15), last + timedelta(days=15)
    span = (last - first).days

    def x_of(day: date) -> float:
        return round(MARGIN + (WIDTH - 2 * MARGIN) * (day - first).days / span, 1)

    lanes: list[dict[str, Any]] = [
        {"outlet": o, "y": AXIS + i * LANE, "colour": outlet_colour(o if o != UNKNOWN_OUTLET else "")}
        for i, o in enumerate(outlets)
    ]
    lane_y = {lane["outlet"]: lane["y"] for lane in lanes}
    colour = {lane["outlet"]: lane["colour"] for lane in lanes}
    dots = [
        Dot(
            x=x_of(when[article]),
            y=lane_y[outlet] + 28,
            r=round(min(14.0, 5 + 3 * math.sqrt(n - 1)), 1),
            colour=colour[outlet],
            href=f"/articles/{article}",
            label=f"{titles[article]} · {outlet} · {when[article].isoformat()} · "
            f"{n} quote{'' if n == 1 else 's'}",
        )  # fmt: skip
        for (outlet, article), n in sorted(per_article.items(), key=lambda kv: when[kv[0][1]])
    ]
    height = AXIS + len(lanes) * LANE + 8
    marks = _ticks(first, last)
    # The end labels are anchored inward so that they are not cut at the edges of the chart.
    ticks = [
        {"x": x_of(d), "label": label,
         "anchor": "start" if i == 0 else "end" if i == len(marks) - 1 and i else "middle"}
        for i, (d, label) in enumerate(marks)
    ]  # fmt: skip
    return {"width": WIDTH, "height": height, "lanes": lanes, "dots": dots, "ticks": ticks,
            "margin": MARGIN, "lane_height": LANE}  # fmt: skip


def class_bars(quotes: list[SpeakerQuote]) -> list[dict[str, Any]]:
    """How the speaker's quotes are introduced: frame class of the cue, most used first."""
    counts = Counter(q.frame_class or "unclassified" for q in quotes if q.cue or q.frame_class)
    top = max(counts.values(), default=1)
    return [
        {"cls": cls, "count": n, "bar": round(100 * n / top), "colour": frame_colour(cls)}
        for cls, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def cue_words(quotes: list[SpeakerQuote], limit: int = 12) -> list[tuple[str, int]]:
    counts = Counter(q.cue for q in quotes if q.cue)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


def undated(quotes: list[SpeakerQuote]) -> int:
    return sum(1 for q in quotes if _day(q.published) is None)
