"""The pieces of quotetrace.verify: normalisation, quote parsing, sentences, turns, views."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from quotetrace.records import Quote
from quotetrace.text.normalize import fold, norm_punct
from quotetrace.text.sentences import sentence_spans
from quotetrace.text.tokens import words_with_spans
from quotetrace.verify import Source, verify_quotes
from quotetrace.verify.quotes import fragments, parse_items, quotes_from_marks, strip_marks
from quotetrace.verify.render import render_csv, render_json, render_jsonl, render_table, word_diff
from quotetrace.verify.turns import parse_turns, speaker_matches
from quotetrace.web.verify_report import render_html


def test_fold_keeps_every_offset():
    text = "“It’s — ok,” she said… İstanbul ﬁne"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.startswith('"it\'s - ok,"')


def test_words_with_spans_index_the_original():
    text = "Don’t stop—the co-op’s 1990–95 plan."
    words, starts, ends = words_with_spans(fold(text))
    assert words == ["don't", "stop", "the", "co", "op's", "1990", "95", "plan"]
    assert [text[s:e] for s, e in zip(starts, ends, strict=True)] == [
        "Don’t", "stop", "the", "co", "op’s", "1990", "95", "plan",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b"),
    [(", ", ","), ("—", " -- "), ("–", "-"), (" “", " ‘"), ("...", "…"), ('," ', ",")],
)
def test_punctuation_equivalences(a, b):
    assert norm_punct(a) == norm_punct(b)


def test_punctuation_differences():
    assert norm_punct(", ") != norm_punct("; ")
    assert norm_punct(" ") != norm_punct(". ")


def test_strip_marks_and_fragments():
    assert (
        strip_marks("“We will win.\n\n“And we will build.”") == "We will win.\n\nAnd we will build."
    )
    mixed = Quote(0, "mixed", "He called it “a disgrace” and “an insult to voters”", 0, 0)
    assert [f.text for f in fragments(mixed)] == ["a disgrace", "an insult to voters"]
    british = Quote(0, "mixed", "He called it ‘a disgrace’", 0, 0)
    assert [f.text for f in fragments(british)] == ["a disgrace"]
    assert fragments(Quote(0, "indirect", "that it was fine", 0, 0)) == []


def test_parse_items_markers():
    items = parse_items("… [T]he plan [sic] works ... [the mayor] said (...) fight[ing] on…")
    kinds = [(i.kind, i.norm, i.marked, i.sic) for i in items]
    assert kinds == [
        ("word", "the", True, False),
        ("word", "plan", False, True),
        ("word", "works", False, False),
        ("ellipsis", "…", False, False),
        ("bracket", "the mayor", False, False),
        ("word", "said", False, False),
        ("ellipsis", "…", False, False),
        ("word", "fighting", True, False),
        ("word", "on", False, False),
    ]  # leading and trailing ellipses are dropped: they change nothing quoted


def test_sentences_respect_abbreviations_and_initials():
    text = (
        "Mr. Smith met Donald J. Trump in the U.S. capital. It went well! Did it? Yes.\n\nNew para"
    )
    spans = [text[s:e] for s, e in sentence_spans(text)]
    assert spans == [
        "Mr. Smith met Donald J. Trump in the U.S. capital.",
        "It went well!",
        "Did it?",
        "Yes.",
        "New para",
    ]


def test_turn_labels():
    text = (
        "GARCIA-NAVARRO: Welcome.\nMR. PRICE: Thanks.\nQ: And?\nBlinken: Yes.\nBlinken: No.\n"
        "Note: not a speaker\nUPDATE: neither"
    )
    turns = parse_turns(text)
    assert [(t.label, t.name, t.role) for t in turns] == [
        ("GARCIA-NAVARRO", "garcia navarro", None),
        ("MR. PRICE", "price", None),
        ("Q", None, "questioner"),
        ("Blinken", "blinken", None),
        ("Blinken", "blinken", None),
    ]
    for t in turns:
        assert text[t.body_start : t.end].strip() == text[t.body_start : t.end]


def test_speaker_matches():
    assert speaker_matches("blinken", None, "Secretary of State Antony Blinken")
    assert speaker_matches("blinken", None, "Jen Psaki") is False
    assert speaker_matches(None, "questioner", "Antony Blinken") is False
    assert speaker_matches("blinken", None, "she") is None
    assert speaker_matches("garcia navarro", None, "Lulu Garcia Navarro")


def test_quotes_from_marks():
    text = 'He said "we will win this fight" and called it "fake" before “leaving the stage now”.'
    quotes = quotes_from_marks(text)
    assert [(q.kind, text[q.start : q.end]) for q in quotes] == [
        ("direct", '"we will win this fight"'),
        ("term", '"fake"'),
        ("direct", "“leaving the stage now”"),
    ]


# -- views -------------------------------------------------------------------------------------
SOURCE = "We will not negotiate with people who use violence to get their way. That is a principle."


@pytest.fixture(scope="module")
def results():
    quotes = [
        Quote(0, "direct", "“We will never negotiate with people who use violence”", 0, 0),
        Quote(1, "direct", "“That is a principle <script>alert(1)</script>”", 0, 0),
        Quote(2, "direct", "“We will not negotiate ... to get their way”", 0, 0),
        Quote(3, "direct", "“That is a principle. We will not negotiate with people”", 0, 0),
    ]
    return verify_quotes(quotes, [Source.from_text(SOURCE, "t<1>.txt")])


def test_word_diff_reads_like_wdiff(results):
    assert (
        word_diff(results[0].diff)
        == "We will [-not-]{+never+} negotiate with people who use violence"
    )
    assert "\x1b[" in word_diff(results[0].diff, color=True)
    assert "⟪" in word_diff(results[3].diff)


def test_table_view(results):
    table = render_table(results, "a.txt", ["t<1>.txt"])
    assert "ALTERED" in table and "not → never" in table and "STITCHED" in table
    assert table.endswith("summary: 1 edited, 2 altered, 1 stitched")


def test_json_views(results):
    payload = json.loads(render_json(results, "a.txt", [{"name": "t"}]))
    first = payload["results"][0]
    for key in (
        "quote_id", "quote_text", "kind", "status", "score", "source", "source_start", "source_end",
        "source_text", "context_before", "context_after", "changes", "pieces", "gap_words",
        "source_speaker", "speaker_consistent",
    ):  # fmt: skip
        assert key in first
    assert first["changes"] == [
        {"op": "replace", "source": "not", "quote": "never", "kind": "word"}
    ]
    assert SOURCE[first["source_start"] : first["source_end"]] == first["source_text"]
    lines = render_jsonl(results).splitlines()
    assert len(lines) == 4 and json.loads(lines[2])["status"] == "edited"
    assert render_csv(results).splitlines()[0].startswith("quote_id,fragment,kind,status")


def test_html_is_self_contained_and_escaped(results):
    page = render_html(results, "a<b>.txt", ["t<1>.txt"])
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "t&lt;1&gt;.txt" in page
    assert "<del>not</del> <ins>never</ins>" in page
    assert "http" not in page.replace("http-equiv", "")  # nothing fetched from elsewhere

    class Check(HTMLParser):
        tags: list[str] = []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)

    parser = Check()
    parser.feed(page)
    assert {"style", "del", "ins", "mark", "table"} <= set(parser.tags)
    assert "script" not in parser.tags and "link" not in parser.tags


def test_mixed_case_surnames_in_capital_labels_are_read():
    text = "DAN McNALLY: We did not expect this at all.\nQ: Why not?\nMacLEOD: Nobody told us.\n"
    turns = parse_turns(text)
    assert [(t.label, t.name, t.role) for t in turns] == [
        ("DAN McNALLY", "dan mcnally", None), ("Q", None, "questioner"), ("MacLEOD", "macleod", None),
    ]
