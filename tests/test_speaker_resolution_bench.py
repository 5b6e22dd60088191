"""bench/speaker_resolution.py: its gold parses, and it scores PolNeAR train articles by mention offsets."""

from __future__ import annotations

import importlib.util
import sys

from quotetrace.paths import REPO_ROOT

TYPES = {"person", "organisation", "group", "none"}
FEW = [
    "breitbart_2015-12-02_john-mccain-republican-populist-.txt",
    "breitbart_2016-02-17_cruz-trump-would-put-liberals-on.txt",
]


def _bench():
    if "speaker_resolution" in sys.modules:
        return sys.modules["speaker_resolution"]
    path = REPO_ROOT / "bench" / "speaker_resolution.py"
    spec = importlib.util.spec_from_file_location("speaker_resolution", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["speaker_resolution"] = module
    spec.loader.exec_module(module)
    return module


def test_gold_lines_are_offsets_and_names_only():
    gold = _bench().load_gold()
    assert len(gold) >= 250
    for row in gold:
        assert set(row) == {"file", "start", "end", "mention", "speaker", "type"}, row
        assert row["type"] in TYPES and row["speaker"].strip() == row["speaker"], row
        assert 0 <= row["start"] < row["end"] and len(row["mention"]) == row["end"] - row["start"], row
    assert len({r["file"] for r in gold}) >= 30
    assert {_bench().half(r["file"]) for r in gold} == {"A", "B"}


def test_names_compare_as_web_speakers_does_with_middle_initials_ignored():
    bench = _bench()
    assert bench.same_name("Donald J. Trump", "donald trump")
    assert bench.same_name("The New York Times", "New York Times")
    assert not bench.same_name("Bill Clinton", "Hillary Clinton")
    assert not bench.same_name("Bill Clinton", None)


def test_mention_classes():
    cls = _bench().mention_class
    assert cls("he") == "pronoun" and cls("who") == "pronoun"
    assert cls("Mr. Obama") == "surname" and cls("Sexton") == "surname"
    assert cls("the senator") == "description" and cls("Clinton's campaign") == "description"
    assert cls("The president") == "description"


def test_scores_a_few_articles_by_mention_offsets(shared_data):
    bench = _bench()
    text_dir = shared_data / "polnear" / "train" / "text"
    report = bench.score(bench.load_gold(), bench.extract(FEW, text_dir))
    total = report["table"]["all"]["total"]
    assert total["judged"] == 7
    assert total["right"] >= 6, [r for r in report["rows"] if not r["right"]]


def test_the_report_lists_held_out_errors_only_when_asked(capsys):
    bench = _bench()
    row = {"file": "f.txt", "type": "person", "class": "pronoun", "mention": "he", "lost": False}
    rows = [
        {**row, "half": "A", "right": False, "predicted": "Ann Lee", "speaker": "Bo Chan"},
        {**row, "half": "B", "right": False, "predicted": "Cy Dunn", "speaker": "Di Eng"},
    ]
    report = {"rows": rows, "table": bench.table(rows)}
    bench.print_report(report)
    shown = capsys.readouterr().out
    assert "Bo Chan" in shown and "Di Eng" not in shown
    assert "1 of half B, held out, not listed" in shown
    bench.print_report(report, held_out=True)
    assert "Di Eng" in capsys.readouterr().out
