"""``quotetrace frame`` and the framing fields of ``quotetrace extract``."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from frame_builders import ArticleBuilder
from quotetrace.cli import main
from quotetrace.cli.frame import report
from quotetrace.evaluate.headline import STATUSES
from quotetrace.frame import frame_article

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "interview.txt"


def extract_json(tmp_path: Path) -> Path:
    title = "Ruiz admits: the ferry plan is dead"
    text = (
        f"{title}\n\n"
        'Mayor Ana Ruiz finally admitted on Monday that the ferry plan was dead. "There is no '
        'money left," she said. Opposition leader Tom Berg claimed the "savings" were invented.'
    )
    b = ArticleBuilder(text, title=title)
    b.quote("that the ferry plan was dead", kind="indirect", cue="admitted", lemma="admit",
            speaker="Ana Ruiz", mention="Mayor Ana Ruiz")  # fmt: skip
    b.quote('"There is no money left,"', cue="said", lemma="say", speaker="Ana Ruiz", mention="she")
    b.quote('the "savings" were invented', kind="mixed", cue="claimed", lemma="claim",
            speaker="Tom Berg", mention="Opposition leader Tom Berg")  # fmt: skip
    b.term('"savings"')
    path = tmp_path / "article.json"
    path.write_text(b.build().to_json(), encoding="utf-8")
    return path


def test_table_report_from_extract_json(tmp_path, capsys):
    assert main(["frame", str(extract_json(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "Ruiz admits: the ferry plan is dead" in out
    assert "admission" in out and "doubt" in out and "eval:finally" in out
    assert 'scare:"savings"' in out
    assert "Balance:" in out and "Ana Ruiz" in out
    assert "Headline check: SUPPORTED" in out


def test_json_report(tmp_path, capsys):
    assert main(["frame", str(extract_json(tmp_path)), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [q["frame"]["class"] for q in data["quotes"]] == ["admission", "neutral", "doubt", "term"]
    assert data["headline_check"]["status"] == "supported"
    assert data["balance"]["speakers"][0]["name"] == "Ana Ruiz"


def test_html_without_the_article_view_is_a_clear_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "quotetrace.web.render", None)  # import now fails
    assert main(["frame", str(extract_json(tmp_path)), "--format", "html"]) == 2
    err = capsys.readouterr().err
    assert "quotetrace.web.render" in err and "--format table or json" in err


def test_html_with_the_article_view(tmp_path, capsys):
    pytest.importorskip("quotetrace.web.render")
    assert main(["frame", str(extract_json(tmp_path)), "--format", "html"]) == 0
    assert "<html" in capsys.readouterr().out.lower()


def test_bad_inputs(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["frame", str(bad)]) == 1
    assert main(["frame", str(tmp_path / "missing.json")]) == 1
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"quotes": []}', encoding="utf-8")
    assert main(["frame", str(wrong)]) == 1
    err = capsys.readouterr().err
    assert err.count("quotetrace frame: error:") == 3


def test_frame_on_a_real_article(capsys):
    """End to end with the extractor: the example interview's cues and headline."""
    assert main(["frame", str(EXAMPLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_cue = {q["cue"]["lemma"]: q["frame"]["class"] for q in data["quotes"] if q["cue"]}
    assert by_cue["acknowledge"] == "assertive"
    assert by_cue["deny"] == "denial"
    assert by_cue["claim"] == "doubt"
    assert by_cue["say"] == "neutral"
    hc = data["headline_check"]
    assert hc["status"] == "supported" and hc["speaker"] == "Adaeze Okafor"
    assert any("never about money" in q["text"] for q in hc["supporting_quotes"])
    assert data["balance"]["speakers"][0]["name"] == "Adaeze Okafor"


def test_extract_json_carries_the_frame(capsys):
    assert main(["extract", str(EXAMPLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert all("frame" in q for q in data["quotes"])
    assert data["headline_check"]["status"] in STATUSES
    assert {"article_words", "quoted_share", "writer_share", "speakers"} <= set(data["balance"])


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _screen_lines(screen: Terminal) -> list[str]:
    return [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in screen.getvalue().splitlines()]


def test_wide_keeps_each_row_on_one_line_on_a_terminal(tmp_path, monkeypatch, capsys):
    """As with extract: by default a long quote wraps inside an 80-column terminal, whole and
    in order; --wide prints it on one line (for a wide window or 'less -S')."""
    monkeypatch.setenv("COLUMNS", "80")
    long = "We will " + " ".join(f"rebuild bridge number {i} before the rains" for i in range(8))
    b = ArticleBuilder(f'Bridges first\n\n"{long}," said Mayor Ana Ruiz.', title="Bridges first")
    b.quote(f'"{long},"', cue="said", lemma="say", speaker="Ana Ruiz", mention="Mayor Ana Ruiz")
    article = frame_article(b.build())

    screen = Terminal()
    report(article, screen)
    lines = _screen_lines(screen)
    tables = [line for line in lines if not line.startswith(("Balance:", "Headline check"))]
    assert max(len(line) for line in tables) <= 80
    assert sum("█" in line for line in lines) == 1  # the share bar fits its column
    assert not any(long in line for line in lines)
    assert f'"{long},"' in " ".join(" ".join(lines).split()) and "…" not in screen.getvalue()

    wide = Terminal()
    report(article, wide, wide=True)
    assert any(f'"{long},"' in line for line in _screen_lines(wide))

    path = tmp_path / "article.json"
    path.write_text(b.build().to_json(), encoding="utf-8")
    assert main(["frame", str(path), "--wide"]) == 0  # a pipe: one line a row either way
    assert f'"{long},"' in capsys.readouterr().out
