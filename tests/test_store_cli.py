"""The ingest, search and speakers commands end to end, with the real extractor (in-process)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from quotetrace.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "interview.txt"


@pytest.fixture(scope="module", autouse=True)
def one_spacy_load(extractor):
    """The commands use the default extractor: make it the session's, loaded once."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("quotetrace.extract.get_default_extractor", lambda: extractor)
        yield


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    shutil.copy(EXAMPLE, root / "interview.txt")
    (root / "ceasefire.txt").write_text(
        "Ceasefire talks stall\n\n"
        '"We will not sign a ceasefire under fire," Foreign Minister Lina Haddad said '
        "on Monday.\n\n"
        '"The ceasefire must hold," said Adaeze Okafor, the water minister.\n',
        encoding="utf-8",
    )
    lines = [
        json.dumps({"id": "wire-1", "outlet": "Wire", "published": "2024-07-02",
                    "text": 'Talks resume\n\n"The river talks resume today," Daniel Mensah said.'}),
        "{broken",
    ]  # fmt: skip
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def db(corpus, tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "quotes.db"
    code = main(["ingest", str(corpus), "--db", str(path)])
    assert code == 1  # the broken JSONL line: reported, the rest stored
    return path


def test_ingest_reports_bad_lines_and_is_idempotent(capsys, corpus, db):
    code, out, err = run(capsys, "ingest", corpus, "--db", db)
    assert code == 1
    assert f"{corpus / 'wire.jsonl'}:2: not valid JSON" in err
    assert "stored 0 article(s) with 0 quote(s), 3 already stored, 1 could not be read" in err
    code, out, err = run(capsys, "ingest", EXAMPLE, "--db", db, "--quiet")
    assert (code, out, err) == (0, "", "")


def test_search_table_highlights_matches(capsys, db):
    code, out, err = run(capsys, "search", "ceasefire", "--db", db)
    assert code == 0, err
    assert "**ceasefire**" in out
    assert "Lina Haddad" in out
    assert out.rstrip().endswith("quote(s)")


def test_search_json_csv_jsonl(capsys, db):
    code, out, _ = run(capsys, "search", "river", "--db", db, "--format", "json")
    data = json.loads(out)
    assert data["query"] == "river" and data["total"] == len(data["hits"]) > 0
    for hit in data["hits"]:
        assert all(hit["text"][s:e].lower() == "river" for s, e in hit["matches"])
    code, out, _ = run(capsys, "search", "river", "--db", db, "--format", "csv", "--limit", "2")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 2 and "**" in rows[0]["highlighted"]
    code, out, _ = run(capsys, "search", "river", "--db", db, "--format", "jsonl")
    assert len(out.splitlines()) == data["total"]


def test_search_filters(capsys, db):
    code, out, _ = run(capsys, "search", "", "--db", db, "--speaker", "Okafor",
                       "--kind", "direct", "--format", "json", "--limit", "100")  # fmt: skip
    hits = json.loads(out)["hits"]
    assert hits and {h["speaker"] for h in hits} == {"Adaeze Okafor"}
    assert {h["kind"] for h in hits} == {"direct"}
    assert len({h["article_id"] for h in hits}) == 2  # merged across two articles
    code, out, _ = run(capsys, "search", "river", "--db", db, "--outlet", "wire",
                       "--since", "2024-07", "--format", "json")  # fmt: skip
    assert [h["speaker"] for h in json.loads(out)["hits"]] == ["Daniel Mensah"]


def test_speakers(capsys, db):
    code, out, _ = run(capsys, "speakers", "--db", db, "--format", "json")
    rows = json.loads(out)
    assert rows[0]["name"] == "Adaeze Okafor" and rows[0]["articles"] == 2
    assert [r["quotes"] for r in rows] == sorted((r["quotes"] for r in rows), reverse=True)
    code, out, _ = run(capsys, "speakers", "--db", db)
    assert out.splitlines()[0].split()[:3] == ["speaker", "quotes", "articles"]
    code, out, _ = run(capsys, "speakers", "--db", db, "--outlet", "Wire", "--format", "csv")
    assert [r["name"] for r in csv.DictReader(io.StringIO(out))] == ["Daniel Mensah"]


@pytest.mark.parametrize(
    "argv, code, message",
    [
        (["search", "x"], 2, "--db FILE is required"),
        (["search", "x", "--db", "{missing}"], 1, "no such database"),
        (["search", "x", "--db", "{db}", "--since", "soon"], 2, "--since: 'soon' is not a date"),
        (["search", "x", "--db", "{db}", "--kind", "quotes"], 2, "unknown kind(s) quotes"),
        (["search", "x", "--db", "{db}", "--limit", "-1"], 2, "--limit"),
        (["speakers", "--db", "{db}", "--since", "2024-13"], 2, "not a date"),
        (["ingest", "{missing}", "--db", "{db}"], 1, "no such file or folder"),
    ],
)
def test_errors_are_one_line(capsys, db, tmp_path, argv, code, message):
    argv = [a.format(db=db, missing=tmp_path / "missing") for a in argv]
    got, out, err = run(capsys, *argv)
    assert got == code
    assert message in err and len(err.strip().splitlines()) == 1
