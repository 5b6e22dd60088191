"""The labelled set derived from PolNeAR dev, and verify's scores on it."""

from __future__ import annotations

import json

import pytest

from quotetrace.cli import main
from quotetrace.evaluate.synth import build_set, load_corpus, words_of
from quotetrace.evaluate.verify import evaluate
from quotetrace.paths import shared_data_dir

DATA = shared_data_dir()
pytestmark = pytest.mark.skipif(
    DATA is None or not (DATA / "polnear" / "dev" / "text").is_dir(),
    reason="../shared/data/polnear/dev is absent",
)


@pytest.fixture(scope="module")
def docs():
    articles = load_corpus(DATA / "polnear" / "dev" / "text")[:32]
    return build_set(articles, seed=0)


def test_every_kind_of_change_is_in_the_set(docs):
    variants = {e.variant for d in docs for c in d.cases for e in c.expected}
    assert {
        "typography", "two-sentences", "ellipsis", "ellipsis-sentence", "bracket", "case-bracket",
        "sic",
        "punctuation", "in-order", "reversed", "far-ellipsis", "other-article", "paraphrase",
        "other-article-paraphrase", "paraphrase-negated", "mixed-fragment", "speaker",
        "other-speaker",
    } <= variants  # fmt: skip
    statuses = {e.status for d in docs for c in d.cases for e in c.expected}
    assert statuses == {
        "verbatim",
        "edited",
        "altered",
        "stitched",
        "paraphrase_supported",
        "not_found",
        "not_checked",
    }


def test_ground_truth_is_consistent(docs):
    """Recorded spans hold the words that verbatim quotes print; quotes sit at their offsets."""
    for doc in docs:
        for case in doc.cases:
            assert doc.article[case.quote.start : case.quote.end] == case.quote.text
            for exp in case.expected:
                if exp.status == "verbatim" and exp.variant != "mixed-fragment":
                    (a, b), quoted = exp.spans[0], case.quote.text
                    assert words_of(doc.source.text[a:b]) == words_of(quoted), quoted


def test_scores_per_class(docs):
    report = evaluate(docs)
    per_class = report.per_class()
    for status, m in per_class.items():
        assert m["support"] >= 20, status
        assert m["precision"] >= 0.95 and m["recall"] >= 0.95, (status, m)
    checks = report.checks()
    for name, (ok, total) in checks.items():
        assert total and ok / total >= 0.95, name


def test_verify_eval_command(capsys):
    code = main(["verify-eval", "--limit", "6", "--format", "json"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 0
    assert payload["sources"] == 6 and set(payload["per_class"]) >= {"verbatim", "stitched"}
