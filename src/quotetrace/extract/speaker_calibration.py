"""Speaker confidence that means what it says: raw resolver scores mapped to observed accuracy.

The resolver scores each speaker from its evidence (a full name, a surname, a
role, a pronoun and its margin over the next candidate). Those raw scores are
mapped through ``data/speaker_calibration.tsv``: for each band of raw score,
the share of speakers that were right on the hand-made real-page gold
(bench/data/web_gold), smoothed and made monotone. ``bench/web_speakers.py
--calibrate`` rebuilds the table; the reliability table it prints shows how well
the mapped confidence matches accuracy.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from quotetrace.paths import data_file

TABLE = "speaker_calibration.tsv"
_enabled = True


def set_enabled(enabled: bool) -> None:
    """The bench turns calibration off to see the raw scores it fits the table on."""
    global _enabled
    _enabled = enabled
    _bands.cache_clear()


@lru_cache(maxsize=1)
def _bands() -> tuple[list[float], list[float]]:
    path = data_file(TABLE)
    if not _enabled or not path.is_file():
        return [], []
    lows, values = [], []
    rows = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
    for line in rows[1:]:  # header
        if line:
            lo, _hi, _n, _right, value = line.split("\t")
            lows.append(float(lo))
            values.append(float(value))
    return lows, values


def calibrated(raw: float) -> float:
    lows, values = _bands()
    if not lows:
        return raw
    i = max(0, bisect.bisect_right(lows, raw) - 1)
    return values[i]


def fit(
    scored: list[tuple[float, bool]], edges: tuple[float, ...]
) -> list[tuple[float, float, int, int, float]]:
    """Rows (lo, hi, n, right, calibrated): add-one smoothed accuracy per band, pooled to be monotone."""
    rows: list[tuple[float, float, int, int]] = []
    for lo, hi in zip(edges, edges[1:], strict=False):
        cell = [ok for c, ok in scored if lo <= c < hi]
        rows.append((lo, hi, len(cell), sum(cell)))
    # Pool adjacent bands whose accuracy would fall as the raw score rises.
    pools: list[list] = [[r] for r in rows]
    i = 0
    while i < len(pools) - 1:
        if _rate(pools[i]) > _rate(pools[i + 1]):
            pools[i] += pools.pop(i + 1)
            i = max(0, i - 1)
        else:
            i += 1
    out: list[tuple[float, float, int, int, float]] = []
    for pool in pools:
        rate = round(_rate(pool), 3)
        out.extend((lo, hi, n, right, rate) for lo, hi, n, right in pool)
    return out


def _rate(pool: list[list]) -> float:
    n = sum(r[2] for r in pool)
    right = sum(r[3] for r in pool)
    return (right + 1) / (n + 2)
