"""``quotetrace verify`` and ``verify-eval`` from the command line."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest

from quotetrace.cli import main

TRANSCRIPT = """\
Interview with Secretary Blinken

STEVE INSKEEP, HOST: Is the ceasefire going to hold?

SECRETARY BLINKEN: We're working every single day to make sure that it holds. The United States \
will not walk away from this process, and we will not negotiate with people who use violence to \
get their way. That is a basic principle.

STEVE INSKEEP, HOST: Critics say the sanctions have failed.

SECRETARY BLINKEN: I don't think that's right. The sanctions have imposed real costs on the \
regime. Its economy has shrunk by a third. And our partners in Europe have joined us at every \
step, which was not a given when we started.
"""

ARTICLE = """\
Blinken defends sanctions policy

Secretary of State Antony Blinken said the United States "will not walk away from this process, \
and we will never negotiate with people who use violence."

"The sanctions have imposed real costs on the regime ... [and] our partners in Europe have joined \
us at every step," Blinken said.

"Its economy has shrunk by a third," he said. "That is a basic principle."

He also said: "Critics say the sanctions have failed."
"""


@pytest.fixture
def files(tmp_path):
    source = tmp_path / "transcript.txt"
    source.write_text(TRANSCRIPT, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return article, source


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_table_with_marks(files, capsys):
    article, source = files
    code, out, _ = run(capsys, "verify", str(article), "--source", str(source), "--quotes", "marks")
    assert code == 0
    assert "ALTERED" in out and "[-not-]{+never+}" in out and "word: not → never" in out
    assert "EDITED" in out and "VERBATIM" in out
    assert out.rstrip().endswith("summary: 3 verbatim, 1 edited, 1 altered")


def test_json_offsets_index_the_source(files, capsys):
    article, source = files
    code, out, _ = run(
        capsys, "verify", str(article), "-s", str(source), "--quotes", "marks", "--format", "json"
    )
    assert code == 0
    payload = json.loads(out)
    assert [s["name"] for s in payload["sources"]] == [str(source)]
    assert len(payload["sources"][0]["turns"]) == 4
    text = source.read_text(encoding="utf-8")
    for r in payload["results"]:
        assert text[r["source_start"] : r["source_end"]] == r["source_text"]
    critics = next(r for r in payload["results"] if r["quote_text"].startswith("Critics"))
    assert critics["source_speaker"] == "STEVE INSKEEP, HOST"


@pytest.mark.parametrize("fmt", ["html", "csv", "jsonl"])
def test_other_formats(files, capsys, fmt, tmp_path):
    article, source = files
    out_file = tmp_path / f"report.{fmt}"
    code, out, _ = run(
        capsys,
        "verify",
        str(article),
        "-s",
        str(source),
        "--quotes",
        "marks",
        "-f",
        fmt,
        "-o",
        str(out_file),
    )
    assert code == 0 and out == ""
    body = out_file.read_text(encoding="utf-8")
    if fmt == "html":
        assert body.startswith("<!doctype html>") and "<del>not</del> <ins>never</ins>" in body
    elif fmt == "csv":
        assert body.splitlines()[0].startswith("quote_id,")
    else:
        assert all(json.loads(line)["status"] for line in body.splitlines())


def test_article_from_extract_json(files, capsys, tmp_path):
    _, source = files
    article = {
        "text": "x",
        "quotes": [
            {"id": 3, "kind": "direct", "text": "“Critics say the sanctions have failed”",
             "start": 0, "end": 1,
             "speaker": {"name": "Antony Blinken", "mention": "Blinken", "start": 0, "end": 1}},
            {"id": 4, "kind": "term", "text": "“regime”", "start": 0, "end": 1},
        ],
    }  # fmt: skip
    path = tmp_path / "a.json"
    path.write_text(json.dumps(article), encoding="utf-8")
    code, out, _ = run(capsys, "verify", str(path), "-s", str(source), "-f", "jsonl")
    (line,) = out.splitlines()
    result = json.loads(line)
    assert result["quote_id"] == 3 and result["status"] == "verbatim"
    assert result["speaker_consistent"] is False  # the host said it, not Blinken


def test_source_from_stdin(files, capsys, monkeypatch):
    article, _ = files
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TRANSCRIPT.encode())))
    code, out, _ = run(capsys, "verify", str(article), "-s", "-", "--quotes", "marks")
    assert code == 0 and "standard input" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary\x00" * 50, "binary"),
    ],
)
def test_bad_sources_give_one_line_errors(files, capsys, tmp_path, content, message):
    article, _ = files
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run(capsys, "verify", str(article), "-s", str(bad), "--quotes", "marks")
    assert code == 1 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_huge_source_is_refused(files, capsys, tmp_path):
    article, _ = files
    huge = tmp_path / "huge.txt"
    huge.write_text("word " * 1_100_000, encoding="utf-8")
    code, _, err = run(capsys, "verify", str(article), "-s", str(huge), "--quotes", "marks")
    assert code == 1 and "limit" in err


def test_usage_errors(files, capsys):
    article, source = files
    code, _, err = run(capsys, "verify", "-", "-s", "-", "--quotes", "marks")
    assert code == 2 and "only once" in err
    code, _, err = run(capsys, "verify", str(article), "-s", str(source), "--min-score", "3")
    assert code == 2
    code, _, err = run(capsys, "verify", str(article), "-s", "missing.txt")
    assert code == 1 and "no such file" in err


def test_bad_json_article(capsys, files, tmp_path):
    _, source = files
    path = tmp_path / "a.json"
    path.write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, "verify", str(path), "-s", str(source))
    assert code == 1 and "not valid JSON" in err
    path.write_text('{"quotes": [{"kind": "direct"}]}', encoding="utf-8")
    code, _, err = run(capsys, "verify", str(path), "-s", str(source))
    assert code == 1 and "extract --format json" in err


def test_help_teaches(capsys):
    with pytest.raises(SystemExit):
        main(["verify", "--help"])
    out = capsys.readouterr().out
    assert "stitched" in out and "examples:" in out


def _extractor_available() -> bool:
    try:
        from quotetrace.extract import Extractor  # noqa: F401
    except Exception:
        return False
    return True


@pytest.mark.skipif(not _extractor_available(), reason="the spaCy extractor cannot be imported")
def test_end_to_end_with_the_extractor(files, capsys):
    article, source = files
    code, out, _ = run(capsys, "verify", str(article), "-s", str(source), "-f", "json")
    assert code == 0
    results = json.loads(out)["results"]
    statuses = {r["quote_text"][:20]: r["status"] for r in results}
    altered = [r for r in results if r["status"] == "altered"]
    assert altered and altered[0]["changes"][0]["source"] == "not"
    assert any(s == "edited" for s in statuses.values())
    critics = [r for r in results if r["quote_text"].startswith("Critics")]
    assert critics and critics[0]["speaker_consistent"] is False


def _scope_article(tmp_path):
    """Extract JSON of an article retelling the Blinken interview: an invented quote of
    Blinken, a quote of someone who does not speak in the transcript, and narration."""
    said = {"text": "said", "lemma": "say", "start": 0, "end": 1}
    article = {
        "text": "x",
        "quotes": [
            {"id": 0, "kind": "direct", "text": "“We will lift every sanction by the spring”",
             "start": 0, "end": 1, "cue": said,
             "speaker": {"name": "Antony Blinken", "mention": "Blinken", "start": 0, "end": 1,
                         "type": "person"}},
            {"id": 1, "kind": "direct", "text": "“The ceasefire is a fiction and everyone knows it”",
             "start": 0, "end": 1, "cue": said,
             "speaker": {"name": "Ned Price", "mention": "Price", "start": 0, "end": 1,
                         "type": "person"}},
            {"id": 2, "kind": "indirect", "text": "whether the sanctions would be lifted this year",
             "start": 0, "end": 1, "cue": {"text": "Asked", "lemma": "ask", "start": 0, "end": 1},
             "speaker": None},
        ],
    }  # fmt: skip
    path = tmp_path / "a.json"
    path.write_text(json.dumps(article), encoding="utf-8")
    return path


def test_narration_and_other_speakers_are_not_checked(files, capsys, tmp_path):
    _, source = files
    path = _scope_article(tmp_path)
    code, out, _ = run(capsys, "verify", str(path), "-s", str(source))
    assert code == 0
    blocks = {b.split()[0]: b for b in out.split("\n\n") if b.startswith("#")}
    assert "NOT_FOUND" in blocks["#0"]  # Blinken speaks in the source: invented
    assert "NOT_CHECKED" in blocks["#1"]
    assert "note    attributed to Ned Price; no one of that name speaks in" in blocks["#1"]
    assert "(speakers there: STEVE INSKEEP, HOST; SECRETARY BLINKEN)" in blocks["#1"]
    assert "NOT_CHECKED" in blocks["#2"] and "narration" in blocks["#2"]
    assert out.rstrip().endswith("summary: 1 not_found, 2 not_checked")

    code, out, _ = run(capsys, "verify", str(path), "-s", str(source), "-f", "json")
    payload = json.loads(out)
    assert payload["summary"] == {"not_found": 1, "not_checked": 2}
    assert [r["status"] for r in payload["results"]] == ["not_found", "not_checked", "not_checked"]
    assert payload["results"][1]["note"].startswith("attributed to Ned Price")

    code, out, _ = run(capsys, "verify", str(path), "-s", str(source), "-f", "html")
    assert code == 0 and out.count('class="badge not_checked"') == 3  # summary row + 2 cards
    assert "attributed to Ned Price" in out

    code, out, _ = run(capsys, "verify", str(path), "-s", str(source), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["status"] for r in rows] == ["not_found", "not_checked", "not_checked"]
    assert rows[1]["note"].startswith("attributed to Ned Price") and rows[0]["note"] == ""


@pytest.mark.skipif(not _extractor_available(), reason="the spaCy extractor cannot be imported")
def test_bundled_interview_and_transcript(capsys):
    """The README's example: the retold interview against its transcript. Okafor's quotes are
    found; Mensah's, the officials' and the narration are not_checked, nothing is not_found."""
    code, out, _ = run(
        capsys, "verify", "examples/interview.txt",
        "-s", "examples/interview_transcript.txt", "-f", "json",
    )  # fmt: skip
    assert code == 0
    results = json.loads(out)["results"]
    by_speaker: dict[str | None, set[str]] = {}
    for r in results:
        by_speaker.setdefault(r["speaker"], set()).add(r["status"])
    assert by_speaker["Daniel Mensah"] == {"not_checked"}
    assert "not_found" not in {r["status"] for r in results}
    assert by_speaker["Adaeze Okafor"] >= {"verbatim", "edited", "altered"}
    altered = next(r for r in results if r["status"] == "altered")
    assert altered["changes"][0]["source"] == "with it"
