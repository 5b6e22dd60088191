"""``quotetrace evaluate polnear``: errors without loading spaCy, and one real run on dev."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from quotetrace.cli import main
from quotetrace.paths import shared_data_dir


def test_not_a_split_folder_is_a_one_line_input_error(tmp_path, capsys):
    assert main(["evaluate", "polnear", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a PolNeAR split folder" in err


def test_bad_limit_is_a_usage_error(tmp_path, capsys):
    assert main(["evaluate", "polnear", str(tmp_path), "--limit", "0"]) == 2
    assert "--limit" in capsys.readouterr().err


def test_help_teaches_with_examples(capsys):
    with pytest.raises(SystemExit):
        main(["evaluate", "polnear", "--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "content_partial" in out


@pytest.fixture(scope="module")
def dev_dir():
    data = shared_data_dir()
    if data is None or not (data / "polnear" / "dev").is_dir():
        pytest.skip("../shared/data/polnear/dev is absent: the PolNeAR run is skipped")
    return data / "polnear" / "dev"


def test_evaluate_three_dev_articles_as_json(dev_dir):
    proc = subprocess.run(
        [sys.executable, "-m", "quotetrace", "evaluate", "polnear", str(dev_dir)]
        + ["--limit", "3", "--format", "json", "--errors", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["articles"] == 3
    assert out["gold"] > 0 and out["predicted"] >= 0
    for key in (
        "content_exact",
        "content_partial",
        "content_tokens",
        "content_partial_quoted",
        "content_partial_unquoted",
        "source",
        "cue",
    ):
        assert set(out[key]) >= {"p", "r", "f1"}, key
        assert all(0.0 <= out[key][m] <= 1.0 for m in ("p", "r", "f1")), key
    # Exact matches are partial matches too; sub-scores never exceed their counts.
    assert out["content_exact"]["correct"] <= out["content_partial"]["correct"]
    assert out["source"]["gold"] <= out["content_partial"]["correct"]
    assert {c["name"] for c in out["errors"]} <= set(json.loads(_categories()))


def _categories() -> str:
    from quotetrace.evaluate.analysis import CATEGORIES

    return json.dumps(list(CATEGORIES))


def test_gold_scored_against_itself_is_perfect(dev_dir):
    from quotetrace.evaluate.polnear import load_split, run_systems

    articles = load_split(dev_dir)
    by_text = {a.text: a.gold for a in articles}
    result = run_systems(articles, {"gold": lambda texts: (by_text[t] for t in texts)})["gold"]
    summary = result.summary()
    assert summary["articles"] == len(articles) and summary["gold"] > 0
    for key in ("content_exact", "content_partial", "content_tokens", "source", "cue"):
        assert summary[key]["f1"] == 1.0, key


@pytest.mark.skipif(shared_data_dir() is None, reason="needs ../shared/data")
def test_evaluate_verify_is_verify_eval(capsys):
    argv = ["--limit", "4", "--format", "json"]
    assert main(["evaluate", "verify", *argv]) == 0
    family = json.loads(capsys.readouterr().out)
    assert main(["verify-eval", *argv]) == 0
    assert json.loads(capsys.readouterr().out) == family and family["sources"] == 4


def test_evaluate_headline_missing_texts_is_a_one_line_input_error(tmp_path, capsys):
    assert main(["evaluate", "headline", "--texts", str(tmp_path / "absent")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "absent: no such folder" in err


def test_evaluate_lists_its_three_datasets(capsys):
    with pytest.raises(SystemExit):
        main(["evaluate", "--help"])
    out = capsys.readouterr().out
    assert all(name in out for name in ("polnear", "verify", "headline"))
