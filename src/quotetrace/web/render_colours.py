"""Speaker and frame colours: stable across articles and processes, distinct within one."""

from __future__ import annotations

import colorsys
import hashlib
import re

from quotetrace.records import Article

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
