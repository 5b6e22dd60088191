"""``quotetrace trace --source``: every member of a family against the transcript it quotes."""

from __future__ import annotations

import json

import pytest

from quotetrace.cli import main
from quotetrace.store import family_reads
from quotetrace.store.family_reads import kinds
from quotetrace.trace.sources import add_sources
from quotetrace.verify import Source
from test_trace_store import WALL, stored

SPEECH = ("CHAIR: The candidate has the floor.\n\n"
          f"TRUMP: Thank you. {WALL} It will be a beautiful wall.\n\n"
          "CHAIR: Thank you.\n")  # fmt: skip
OTHER = "TRUMP: We will lower taxes for every family in this country, and we will do it fast.\n"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "q.db"
    conn = stored(path)
    yield conn, path
    conn.close()


def traced(conn, *texts: str) -> dict:
    families = family_reads.find(conn, "Mexico is going to pay for that wall")
    add_sources(families, [Source.from_text(t, name=f"s{n}") for n, t in enumerate(texts)],
                kinds(conn, families))  # fmt: skip
    (fam,) = families
    return fam


def by_outlet(fam: dict) -> dict[str, dict]:
    """Outlet -> its full quotation's source object (the Morning Post's partial quote aside)."""
    return {m["outlet"]: m["source"] for m in fam["members"] if "build" in m["text"] or "pay" in m["text"]}


def test_a_verbatim_member_and_an_altered_one_against_the_speech(db):
    conn, _ = db
    fam = traced(conn, SPEECH)
    src = by_outlet(fam)
    assert src["Harbour Herald"]["status"] == "verbatim" and src["Harbour Herald"]["score"] == 1.0
    assert src["Harbour Herald"]["source"] == "s0" and "Mexico is going to pay" in src["Harbour Herald"]["source_text"]
    assert src["The Courier"]["status"] == "verbatim"  # trimmed against the first, word for word here
    altered = src["Morning Post"]
    assert altered["status"] == "altered" and altered["score"] < 1
    changed = [op for op in altered["diff"] if op["op"] != "equal"]
    assert " ".join(op["source"] for op in changed) == "is going to"
    assert [op["quote"].strip() for op in changed if op["quote"]] == ["will"]
    assert fam["first"]["source"] == fam["members"][0]["source"]  # the first appearance has it too


def test_the_source_speaker_shows_who_really_said_it(db):
    conn, _ = db
    src = by_outlet(traced(conn, SPEECH))
    assert src["Harbour Herald"]["source_speaker"] == "TRUMP"
    assert src["Harbour Herald"]["speaker_consistent"] is True
    assert src["The Courier"]["speaker_consistent"] is False  # The Courier gives it to Jeb Bush


def test_a_member_the_source_does_not_hold_is_not_found(db):
    conn, _ = db
    fam = traced(conn, OTHER)
    assert {m["source"]["status"] for m in fam["members"]} == {"not_found"}


def test_several_sources_each_member_takes_its_best_match(db):
    conn, _ = db
    src = by_outlet(traced(conn, OTHER, SPEECH))
    assert src["Harbour Herald"]["status"] == "verbatim" and src["Harbour Herald"]["source"] == "s1"


def test_cli_source_json_and_table(db, tmp_path, capsys):
    _, path = db
    speech = tmp_path / "speech.txt"
    speech.write_text(SPEECH, encoding="utf-8")
    argv = ["trace", "Mexico is going to pay for that wall", "--db", str(path), "--source", str(speech)]
    assert main([*argv, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["sources"] == [str(speech)]
    (fam,) = out["families"]
    keys = {"status", "score", "source", "source_text", "source_start", "source_end",
            "source_speaker", "speaker_consistent", "diff"}  # fmt: skip
    assert all(set(m["source"]) == keys for m in [fam["first"], *fam["members"]])
    assert main(argv) == 0
    table = capsys.readouterr().out
    assert "altered 0." in table and "against the source: " in table
    assert "the source gives these words to TRUMP" in table  # The Courier's Jeb Bush


def test_without_a_source_the_contract_is_unchanged(db, capsys):
    _, path = db
    assert main(["trace", "Mexico is going to pay for that wall", "--db", str(path), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert "sources" not in out
    assert all("source" not in m for m in out["families"][0]["members"])


def test_an_unreadable_source_is_an_input_error(db, tmp_path, capsys):
    _, path = db
    code = main(["trace", "a great wall", "--db", str(path), "--source", str(tmp_path / "missing.txt")])
    assert code == 1 and "missing.txt" in capsys.readouterr().err


def test_an_indirect_member_is_checked_as_a_paraphrase():
    member = {"quote_id": 7, "speaker": "Donald Trump", "text": "Mexico would pay for the wall on the southern border"}
    fam = {"first": dict(member), "members": [member]}
    add_sources([fam], [Source.from_text(SPEECH, name="speech")], {7: "indirect"})
    assert member["source"]["status"] == "paraphrase_supported"
    assert fam["first"]["source"]["status"] == "paraphrase_supported"
