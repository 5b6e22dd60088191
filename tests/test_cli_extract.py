"""The extract command: formats, exit codes, one-line errors (run in-process for speed)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from quotetrace.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "interview.txt"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract(capsys, extractor):
    code, out, err = run(capsys, "extract", str(EXAMPLE), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= {"text", "title", "quotes", "speakers"}
    assert data["text"] == EXAMPLE.read_text(encoding="utf-8")
    assert data["quotes"], "the example article has quotes"
    for q in data["quotes"]:
        assert set(q) >= {
            "id",
            "kind",
            "text",
            "start",
            "end",
            "cue",
            "speaker",
            "continuation",
            "confidence",
        }
        assert data["text"][q["start"] : q["end"]] == q["text"]
        if q["cue"]:
            assert set(q["cue"]) == {"text", "lemma", "start", "end"}
        if q["speaker"]:
            assert set(q["speaker"]) == {
                "name",
                "mention",
                "start",
                "end",
                "type",
                "confidence",
                "candidates",
                "ambiguous",
            }
            assert q["speaker"]["type"] in {"person", "organisation", "group", "unknown"}
            assert 0.0 <= q["speaker"]["confidence"] <= 1.0
            assert q["speaker"]["ambiguous"] == bool(q["speaker"]["candidates"])
    for s in data["speakers"]:
        assert set(s) == {"name", "aliases", "quotes", "words", "type", "titles"}


def test_table_csv_jsonl(capsys, extractor):
    code, out, _ = run(capsys, "extract", str(EXAMPLE))
    assert code == 0 and "speaker" in out and "Adaeze Okafor" in out
    code, out, _ = run(capsys, "extract", str(EXAMPLE), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows and all(r["kind"] in ("direct", "mixed", "indirect") for r in rows)
    code, out, _ = run(capsys, "extract", str(EXAMPLE), "--format", "jsonl", "--kinds", "direct")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and lines and {q["kind"] for q in lines} == {"direct"}


def test_stdin(capsys, monkeypatch, extractor):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b'"Yes," she said.')))
    code, out, _ = run(capsys, "extract", "-", "--format", "json")
    assert code == 0 and json.loads(out)["quotes"][0]["kind"] == "direct"


@pytest.mark.parametrize(
    "argv, code, message",
    [
        (["extract", "/no/such/file.txt"], 1, "no such file"),
        (["extract", str(EXAMPLE), "--kinds", "nonsense"], 2, "unknown kind"),
    ],
)
def test_errors_are_one_line(capsys, argv, code, message):
    got, out, err = run(capsys, *argv)
    assert got == code
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_binary_file_is_refused(capsys, tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 10)
    code, _, err = run(capsys, "extract", str(path))
    assert code == 1 and "binary" in err


def test_usage_error_exit_code_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract"])
    assert exc.value.code == 2


def test_python_api_extract_is_callable_repeatedly(extractor):
    import quotetrace

    first = quotetrace.extract('"Yes," she said.')
    second = quotetrace.extract('"No," he said.', title=None)  # the subpackage is imported by now
    assert first.quotes[0].kind == second.quotes[0].kind == "direct"
