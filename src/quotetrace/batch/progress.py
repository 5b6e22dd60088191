"""Run totals, the progress bar, and the closing summary."""

from __future__ import annotations

import sys
import time
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Totals:
    articles: int = 0
    failed: int = 0
    quotes: int = 0
    words: int = 0
    partitions: int = 0

    def add(self, record: dict[str, Any]) -> None:
        self.articles += record["articles"]
        self.failed += record["failed"]
        self.quotes += record["quotes"]
        self.words += record["words"]
        self.partitions += 1

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass(slots=True)
class RunStats:
    """The whole corpus (``total``) and the part this invocation analysed (``done_now``)."""

    total: Totals = field(default_factory=Totals)
    done_now: Totals = field(default_factory=Totals)
    resumed: Totals = field(default_factory=Totals)
    redone: int = 0  # completed partitions whose input or settings had changed
    stale_kept: int = 0  # completed partitions made by other analysis code, kept as they are
    failures: list[tuple[str, str]] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)
    worker_restarts: int = 0
    backend: str = ""
    startup: float = 0.0  # reading the output state and starting workers or the cluster

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started


class Progress:
    """A tqdm bar with the live rate on a terminal; a line every ``LINE_SECONDS`` in a log."""

    LINE_SECONDS = 30.0

    def __init__(self, enabled: bool, stream=None):
        self._stream = stream or sys.stderr
        self._bar = None
        self._lines = enabled and not self._stream.isatty()
        self._count = 0
        self._started = self._last = time.perf_counter()
        if enabled and not self._lines:
            from tqdm import tqdm

            self._bar = tqdm(
                unit=" articles", desc="quotetrace batch", file=self._stream, dynamic_ncols=True,
                mininterval=0.5, smoothing=0.1,
            )  # fmt: skip

    def advance(self, record: dict[str, Any], stats: RunStats) -> None:
        self._count += record["articles"]
        if self._bar is not None:
            self._bar.set_postfix(quotes=stats.total.quotes, failed=stats.total.failed, refresh=False)
            self._bar.update(record["articles"])
        elif self._lines and time.perf_counter() - self._last >= self.LINE_SECONDS:
            self._last = time.perf_counter()
            rate = self._count / max(self._last - self._started, 1e-9)
            print(
                f"quotetrace batch: {self._count:,} articles ({rate:,.1f}/s), "
                f"{stats.total.quotes:,} quotes, {stats.total.failed:,} failed",
                file=self._stream, flush=True,
            )  # fmt: skip

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def summary_lines(stats: RunStats, backend: str, out: str) -> list[str]:
    t, now = stats.total, stats.done_now
    secs = max(stats.seconds, 1e-9)
    lines = [
        f"articles   {t.articles:,} ({t.articles - t.failed:,} ok, {t.failed:,} failed)",
        f"quotes     {t.quotes:,}",
        f"words      {t.words:,}",
        f"this run   {now.articles:,} articles in {secs:,.1f} s on {backend}: "
        f"{now.articles / secs:,.1f} articles/s, {now.words / secs:,.0f} words/s"
        + (f" ({stats.startup:,.1f} s of it starting up)" if stats.startup >= 0.1 else ""),
    ]
    if stats.resumed.partitions:
        lines.append(
            f"resumed    {stats.resumed.partitions:,} partitions ({stats.resumed.articles:,} "
            "articles) were already complete and were skipped"
        )
    if stats.redone:
        lines.append(f"redone     {stats.redone:,} completed partitions whose input had changed")
    if stats.stale_kept:
        lines.append(
            f"mixed      {stats.stale_kept:,} resumed partitions were made by another version of "
            "quotetrace's analysis code; --redo-stale redoes them"
        )
    if stats.worker_restarts:
        lines.append(f"workers    restarted {stats.worker_restarts} time(s) after a worker died")
    lines.append(f"output     {out}")
    if stats.failures:
        lines.append("failures   (first few; all are in the articles table, status = 'failed')")
        lines.extend(f"  {aid}: {error}" for aid, error in stats.failures)
    return lines
