"""The framing lexicons, the derived files' build script, the labelled headlines, and speed."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

from frame_builders import ArticleBuilder
from quotetrace.evaluate.headline import STATUSES, Label, compose, read_labels, score
from quotetrace.frame import frame_article
from quotetrace.paths import PACKAGE_DATA, shared_data_dir
from quotetrace.records import HeadlineCheck, SupportingQuote

ROOT = Path(__file__).resolve().parents[1]
FRAME_FILES = {
    "frame_verb_classes.tsv": "Recasens",
    "frame_veridicality.tsv": "CC BY-SA 4.0",
    "frame_hedges.txt": "Hyland",
    "editorial_adverbs.txt": "quotetrace",
    "editorial_phrases.txt": "quotetrace",
    "headline_synonyms.txt": "quotetrace",
    "headline_roles.txt": "quotetrace",
    "stopwords.tsv": "Explosion AI",
    "irregular_forms.tsv": "quotetrace",
    "abbreviations.tsv": "quotetrace",
    "contractions.tsv": "quotetrace",
    "headline_words.tsv": "quotetrace",
}
LABELS = ROOT / "bench" / "data" / "headline_labels.tsv"


@pytest.mark.parametrize(("name", "credit"), FRAME_FILES.items())
def test_data_files_credit_their_sources(name, credit):
    head = (PACKAGE_DATA / name).read_text(encoding="utf-8").split("\n", 6)
    assert head[0].startswith("#")
    assert credit in "\n".join(h for h in head if h.startswith("#"))


def test_veridicality_credits_megaveridicality():
    head = (PACKAGE_DATA / "frame_veridicality.tsv").read_text(encoding="utf-8")[:600]
    assert "MegaVeridicality v2.1" in head and "White" in head and "Rawlins" in head


def _build_module():
    spec = importlib.util.spec_from_file_location("build", ROOT / "train" / "build_frame_lexicons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_derived_lexicons_are_up_to_date(tmp_path, monkeypatch):
    shared = shared_data_dir()
    if shared is None or not (shared / "lexicons").is_dir():
        pytest.skip("../shared/data/lexicons is absent")
    build = _build_module()
    monkeypatch.setattr("sys.argv", ["build", "--shared", str(shared), "--out", str(tmp_path)])
    assert build.main() == 0
    for name in ("frame_veridicality.tsv", "frame_hedges.txt"):
        assert (tmp_path / name).read_text() == (PACKAGE_DATA / name).read_text(), name


def test_labels_file_is_well_formed():
    labels = read_labels(LABELS)
    assert len(labels) >= 100
    assert {lb.status for lb in labels} == set(STATUSES)
    assert sum(lb.swapped for lb in labels) >= 15
    for lb in labels:
        assert (lb.speaker is None) == (lb.status == "no attribution in headline"), lb
        assert len(lb.note) <= 120  # reasons in our words, not article text
    shared = shared_data_dir()
    if shared is not None:
        texts = shared / "polnear" / "dev" / "text"
        for lb in labels:
            assert (texts / f"{lb.headline_id}.txt").is_file() and (texts / f"{lb.body_id}.txt").is_file()


def test_compose_and_score():
    text, headline = compose("Head A\n\nbody A\n", "Head B\n\nbody B text\n")
    assert (text, headline) == ("Head A\n\nbody B text\n", "Head A")
    labels = [Label("a", "a", "supported", "X", ""), Label("a", "b", "unsupported", "X", "")]
    checks = [
        HeadlineCheck("supported", supporting_quotes=[SupportingQuote(1, "a")]),
        HeadlineCheck("partly", supporting_quotes=[SupportingQuote(2, "b")]),
    ]
    result = score(labels, checks)
    assert result["accuracy"] == 0.5
    assert result["supported_with_quote"] == "1/1" and result["unsupported_caught"] == "0/1"
    assert result["confusion"] == {"supported -> supported": 1, "unsupported -> partly": 1}


def test_framing_is_cheap():
    """Framing runs inside every `quotetrace extract`: a long article takes a few ms."""
    paragraph = (
        'Mayor Ana Ruiz said the ferry would keep running. "We will not give up," she insisted. '
        "Critics reportedly claimed the numbers were flatly wrong, despite revelations that the "
        'line lost money. The "temporary" fares, Tom Berg conceded, may rise.\n\n'
    )
    text = "Ferry to keep running, Ruiz says\n\n" + paragraph * 60  # ~2,500 words, 300 quotes
    b = ArticleBuilder(text, title="Ferry to keep running, Ruiz says")
    pos = 0
    for _ in range(60):
        pos = text.index("Mayor Ana Ruiz", pos)
        b.quote("the ferry would keep running", kind="indirect", cue="said", speaker="Ana Ruiz",
                mention="Mayor Ana Ruiz", after=pos)  # fmt: skip
        b.quote('"We will not give up,"', cue="insisted", speaker="Ana Ruiz", mention="she", after=pos)
        b.quote("the numbers were flatly wrong", kind="indirect", cue="claimed", speaker="Critics",
                mention="Critics", after=pos)  # fmt: skip
        b.term('"temporary"', after=pos)
        pos += 1
    article = b.build()
    frame_article(article)  # lexicons load once
    best = min(_timed(article) for _ in range(3))
    assert best < 0.1, f"framing took {best * 1000:.1f} ms"  # typically 5-10 ms on this size


def _timed(article) -> float:
    start = time.perf_counter()
    frame_article(article)
    return time.perf_counter() - start
