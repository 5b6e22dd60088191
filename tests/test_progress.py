"""Progress of batch and ingest: a bar with total and time left on a terminal, a line every
few seconds in a log."""

from __future__ import annotations

import io

from quotetrace.batch.progress import Progress
from quotetrace.cli import main
from test_store_fixtures import FakeExtractor


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_log_lines_every_few_seconds_with_total_rate_and_time_left(monkeypatch):
    assert Progress.LINE_SECONDS <= 5
    monkeypatch.setattr(Progress, "LINE_SECONDS", 0.0)
    log = io.StringIO()
    progress = Progress(True, log, desc="quotetrace ingest", total=10)
    for _ in range(3):
        progress.update(1, failed=1)
    lines = log.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[-1].startswith("quotetrace ingest: 3 of 10 articles (30%), ")
    assert "/s, about " in lines[-1] and lines[-1].endswith(" left; 1 failed")


def test_terminal_bar_shows_total_and_eta():
    screen = Terminal()
    with Progress(True, screen, desc="quotetrace batch", total=4) as progress:
        progress.update(2)
    shown = screen.getvalue()
    assert "quotetrace batch" in shown and "2/4" in shown and "50%" in shown and "left" in shown


def test_batch_counts_its_inputs_in_the_background(tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(f'"Yes," Ann Lee said. {i}\n')
    (tmp_path / "feed.jsonl").write_text('{"id": "x", "text": "a"}\n{"id": "y", "text": "b"}\n')
    progress = Progress(True, io.StringIO(), inputs=[str(tmp_path)])
    progress.counter.join(10)
    assert progress.total == 5


def test_ingest_logs_progress_when_not_on_a_terminal(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(Progress, "LINE_SECONDS", 0.0)
    monkeypatch.setattr("quotetrace.store.ingest.Analyser", _fake_analyser)
    for i in range(2):
        (tmp_path / f"a{i}.txt").write_text(f'Title {i}\n\n"Yes {i}," Ann Lee said.\n')
    assert main(["ingest", str(tmp_path), "--db", str(tmp_path / "q.db"), "--no-frame"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("quotetrace ingest: 1 of 2 articles (50%), ")
    assert err[1].startswith("quotetrace ingest: 2 of 2 articles (100%), ")
    assert "stored 2 article(s)" in err[-1]


def _fake_analyser(model=None, frame=True):
    from quotetrace.pipeline import Analyser

    return Analyser(frame=False, extractor=FakeExtractor())
