"""Reading brat standoff and PolNeAR split folders."""

from __future__ import annotations

import pytest

from quotetrace.errors import InputError
from quotetrace.evaluate.brat import BratWarning, parse_ann
from quotetrace.evaluate.polnear import gold_attributions, load_split

TEXT = "We mocked them. Smith said that it was fine, and that it was over.\nMore here."
ANN = """\
T1\tSource 0 2\tWe
T2\tCue 3 9\tmocked
T3\tContent 10 14\tthem
T4\tAttribution 3 9\tmocked
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
#1\tAnnotatorNotes T3\ta note on T3
A1\tNegated E1
R1\tCoref Arg1:T1 Arg2:T5
T5\tSource 16 21\tSmith
T6\tCue 22 26\tsaid
T7\tContent 27 43;49 65\tthat it was fine that it was over
T8\tAttribution 22 26\tsaid
E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7
T9\tContent 67 71\tMore
T10\tAttribution-no-source 67 71\tMore
E3\tAttribution-no-source:T10 Content:T9 Content2:T11
T11\tContent 72 77\there.
T12\tContent 0 9\tWe
mocked
E4\tAttribution:T4
T13\tDiscard 72 77\there.
"""


def test_parse_ann_reads_textbounds_events_and_skips_notes():
    doc = parse_ann(ANN)
    assert doc.textbounds["T7"].span == ((27, 43), (49, 65))
    assert doc.textbounds["T12"].text == "We\nmocked"  # a T text over two lines
    assert [e.id for e in doc.events] == ["E1", "E2", "E3", "E4"]
    assert doc.events[2].roles() == {"Content": ["T9", "T11"]}
    assert doc.skipped == 0


def test_gold_attributions_fold_roles_and_count_events_without_content():
    gold, without_content = gold_attributions(parse_ann(ANN))
    assert without_content == 1
    assert [(a.ref, a.label) for a in gold] == [
        ("E1", "Attribution"),
        ("E2", "Attribution"),
        ("E3", "Attribution-no-source"),
    ]
    assert gold[1].content == ((27, 43), (49, 65))
    assert (gold[1].cue, gold[1].source) == (((22, 26),), ((16, 21),))
    assert gold[2].content == ((67, 71), (72, 77))
    assert gold[2].source == () and gold[2].cue == ()
    assert TEXT[slice(*gold[1].source[0])] == "Smith"


def test_malformed_lines_are_skipped_with_a_warning():
    with pytest.warns(BratWarning) as record:
        doc = parse_ann("T1\tCue 3 9\tsaid\nE1 broken line\nT2\tContent 9 3\tbackwards\n")
    assert [str(w.message).split(" (")[0] for w in record] == [
        "<ann>:2: skipped",
        "<ann>:3: skipped",
    ]
    assert doc.skipped == 2
    assert list(doc.textbounds) == ["T1"]


def _write_split(root, articles):
    (root / "text").mkdir()
    (root / "attributions").mkdir()
    for name, text, anns in articles:
        (root / "text" / f"{name}.txt").write_bytes(text.encode("utf-8"))
        for annotator, ann in anns.items():
            (root / "attributions" / f"{name}_{annotator}.ann").write_text(ann)


def test_load_split_takes_first_annotator_and_keeps_exact_text(tmp_path):
    _write_split(
        tmp_path,
        [
            ("b_article", "Text\r\nwith CRLF", {"ffff": "", "0aaa": ANN}),
            ("a_article", TEXT, {"0aaa": ""}),
            ("a_article_two", "unannotated", {}),
        ],
    )
    articles = load_split(tmp_path)
    assert [a.name for a in articles] == ["a_article", "b_article"]
    assert articles[1].ann.name == "b_article_0aaa.ann"
    assert len(articles[1].gold) == 3
    assert articles[1].text == "Text\r\nwith CRLF"  # offsets count the \r
    assert [a.name for a in load_split(tmp_path, limit=1)] == ["a_article"]


def test_load_split_rejects_a_folder_that_is_not_a_split(tmp_path):
    with pytest.raises(InputError, match="not a PolNeAR split folder"):
        load_split(tmp_path)
    _write_split(tmp_path, [("x", "text", {})])
    with pytest.raises(InputError, match="no text/NAME.txt"):
        load_split(tmp_path)
