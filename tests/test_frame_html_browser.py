"""`quotetrace frame --format html` renders in headless Chromium: quotes, cue classes, airtime."""

from __future__ import annotations

import pytest

from quotetrace.cli import main
from test_web_live import ARTIFACTS, EXAMPLE, chromium, page  # noqa: F401  (shared browser fixtures)


@pytest.mark.browser
def test_frame_html_page_renders(tmp_path, capsys, page, extractor):  # noqa: F811
    assert main(["frame", str(EXAMPLE), "--format", "html"]) == 0
    html = capsys.readouterr().out
    path = tmp_path / "frame.html"
    path.write_text(html, encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_selector("mark.q")
    speakers = set(page.eval_on_selector_all("mark.q[data-speaker]", "els => els.map(e => e.dataset.speaker)"))
    assert {"Adaeze Okafor", "Daniel Mensah"} <= speakers
    cue_classes = set(page.eval_on_selector_all(".cue", "els => els.map(e => e.className)"))
    assert any("assertive" in c for c in cue_classes) and any("denial" in c for c in cue_classes)
    assert page.locator(".speaker-list .bar > span").count() >= 2  # airtime bars
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "frame.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
