"""Run totals, the progress bar, and the closing summary."""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
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
    """Progress of a long run, for ``batch`` and ``ingest``.

    On a terminal: a rich bar with done/total, rate and time left (once the
    total is known). Otherwise (a log, CI, ``nohup``): one line every
    ``LINE_SECONDS`` with the count, rate and time left, so that a stalled run
    shows within seconds. ``inputs`` are counted on a background thread when no
    ``total`` is given: the run starts at once and the bar gets its end when
    the count does. ``delay``: no bar for runs shorter than this.
    """

    LINE_SECONDS = 5.0

    def __init__(
        self, enabled: bool, stream=None, *, desc: str = "quotetrace batch", unit: str = "articles",
        total: int | None = None, inputs: list[str] | None = None, delay: float = 0.0,
    ):  # fmt: skip
        self._stream = stream or sys.stderr
        self._desc = desc
        self._unit = unit
        self._delay = delay
        self._bar_wanted = enabled and _isatty(self._stream)
        self._bar: Any = None  # rich.progress.Progress, started after ``delay``
        self._task: Any = None
        self._lines = enabled and not self._bar_wanted
        self.total = total
        self.position = 0  # items done, this run and resumed
        self._count = 0  # items done by this run
        self._counts: dict[str, int] = {}
        self._started = self._last = time.perf_counter()
        self.counter: threading.Thread | None = None
        if enabled and total is None and inputs:
            self.counter = threading.Thread(target=self._count_inputs, args=(list(inputs),), daemon=True)
            self.counter.start()

    def _count_inputs(self, inputs: list[str]) -> None:
        try:
            from quotetrace.store.sources import count, discover

            total = count(discover(list[str | Path](inputs)))
        except Exception:  # the count is a nicety: a run never fails for it
            return
        if total is not None:
            self.set_total(total)

    def set_total(self, total: int) -> None:
        self.total = total
        if self._bar is not None:
            self._bar.update(self._task, total=total)

    def advance(self, record: dict[str, Any], stats: RunStats) -> None:
        """A batch partition is done; ``stats.total`` includes resumed partitions."""
        self.update(
            record["articles"], position=stats.total.articles,
            quotes=stats.total.quotes, failed=stats.total.failed,
        )  # fmt: skip

    def update(self, n: int = 1, position: int | None = None, **counts: int) -> None:
        self._count += n
        self.position = self.position + n if position is None else position
        self._counts.update(counts)
        if self._bar_wanted and self._bar is None and time.perf_counter() - self._started >= self._delay:
            self._start_bar()
        if self._bar is not None:
            self._bar.update(self._task, completed=self.position, counts=self._extra())
        elif self._lines and time.perf_counter() - self._last >= self.LINE_SECONDS:
            self._last = time.perf_counter()
            print(self.line(), file=self._stream, flush=True)

    def _start_bar(self) -> None:
        from rich import progress as bar

        from quotetrace.terminal import console

        self._bar = bar.Progress(
            bar.TextColumn("{task.description}"), bar.BarColumn(), bar.MofNCompleteColumn(),
            bar.TaskProgressColumn(), bar.TimeElapsedColumn(), bar.TextColumn("elapsed,"),
            bar.TimeRemainingColumn(), bar.TextColumn("left"), bar.TextColumn("{task.fields[counts]}"),
            console=console(self._stream), transient=False,
        )  # fmt: skip
        self._task = self._bar.add_task(self._desc, total=self.total, completed=self.position, counts="")
        self._bar.start()

    def _extra(self) -> str:
        return ", ".join(f"{v:,} {k}" for k, v in self._counts.items())

    def line(self) -> str:
        """``quotetrace ingest: 1,200 of 5,000 articles (24%), 41.3/s, about 1m32s left; 2 failed``."""
        elapsed = max(time.perf_counter() - self._started, 1e-9)
        rate = self._count / elapsed
        done = f"{self.position:,}"
        if self.total:
            done += f" of {self.total:,} {self._unit} ({self.position / self.total:.0%})"
            left = (self.total - self.position) / rate if rate > 0 else None
            eta = f", about {_duration(left)} left" if left is not None and left >= 0 else ""
        else:
            done, eta = f"{done} {self._unit}", ""
        extra = self._extra()
        return f"{self._desc}: {done}, {rate:,.1f}/s{eta}" + (f"; {extra}" if extra else "")

    def write(self, message: str) -> None:
        """A message that must not be torn by the bar (a failed article)."""
        if self._bar is not None:
            from rich.text import Text

            self._bar.console.print(Text(message), soft_wrap=True)
        else:
            print(message, file=self._stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _isatty(stream) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


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
