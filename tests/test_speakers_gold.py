"""The real-page gold parses, points into the pages' text, and bench/web_speakers.py scores it."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from quotetrace.paths import REPO_ROOT

GOLD_DIR = REPO_ROOT / "bench" / "data" / "web_gold"
KINDS = {"direct", "mixed", "indirect"}
TYPES = {"person", "organisation", "group"}


def _bench():
    if "web_speakers" in sys.modules:
        return sys.modules["web_speakers"]
    spec = importlib.util.spec_from_file_location("web_speakers", REPO_ROOT / "bench" / "web_speakers.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["web_speakers"] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def test_every_gold_line_is_complete():
    files = sorted(GOLD_DIR.glob("*.jsonl"))
    assert len(files) == 24
    lines = 0
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert set(row) == {"quote", "speaker", "type", "kind"}, path.name
            assert row["kind"] in KINDS and row["type"] in TYPES, (path.name, row)
            assert row["speaker"].strip() == row["speaker"] and row["speaker"], (path.name, row)
            lines += 1
    assert lines >= 150


def test_snippets_are_found_in_a_page_text():
    bench = _bench()
    text = "She said: “We are ready for   the crowds,” and left."
    gold = [bench.Gold('"We are ready for the crowds,"', "A", "person", "direct")]
    assert bench.locate(text, gold) == []
    assert text[gold[0].span[0] : gold[0].span[1]].startswith("“We are")


def test_repeated_snippets_take_successive_occurrences():
    bench = _bench()
    text = "He said it was over. Later: it was over."
    gold = [
        bench.Gold("it was over", "A", "person", "indirect"),
        bench.Gold("it was over", "A", "person", "indirect"),
    ]
    bench.locate(text, gold)
    assert gold[0].span[0] < gold[1].span[0]


def test_scoring_counts_found_right_and_not_speech():
    bench = _bench()
    text = 'Ann Lee said the plan works. "Read more here," the page says.'
    gold = [bench.Gold("the plan works", "Ann Lee", "person", "indirect")]
    quotes = [
        {
            "kind": "indirect",
            "start": 13,
            "end": 27,
            "text": "the plan works",
            "speaker": {"name": "ann  lee"},
        },
        {"kind": "direct", "start": 29, "end": 46, "text": '"Read more here,"', "speaker": {"name": "page"}},
    ]
    result = bench.score_page("p", {"text": text, "quotes": quotes}, gold)
    assert (result.found, result.right, result.rows, result.not_speech) == (1, 1, 2, 1)


def test_speaker_names_normalise_case_hyphens_and_the():
    bench = _bench()
    assert bench.canonical("The Register-Guard") == bench.canonical("register guard")
    assert bench.speaker_error("Sunarbowo Sandi", "Marshal Sunarbowo Sandi") == "titles or descriptors kept"
    assert bench.speaker_error("Andy Paul Chen", "Paul Chen") == "part of the name only"


def test_the_bench_runs_on_one_page(shared_data, capsys):
    pages = shared_data / "web-articles"
    if not (pages / "al.com1.html").is_file():
        pytest.skip("the saved web pages are not in ../shared/data")
    bench = _bench()
    assert bench.main(["--pages", str(pages), "--only", "al.com1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["pages"] == 1 and report["gold"] == 8
    assert 0 <= report["found"] <= 8 and report["right"] <= report["found"]
    assert [row["name"] for row in report["per_page"]] == ["al.com1"]
    assert sum(row["quotes"] for row in report["reliability"]) == report["found"]
