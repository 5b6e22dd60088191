"""Turning system output (quotetrace quotes, textacy triples) into scorable attributions."""

from __future__ import annotations

import pytest

from quotetrace.evaluate.systems import (
    TextMismatchError,
    offset_map,
    quotetrace_system,
    textacy_system,
)
from quotetrace.ingest import clean_text
from quotetrace.records import Article, Cue, Quote, SpeakerRef


def test_offset_map_identity_and_deletions():
    assert offset_map("same", "same") is None
    original = "a\r\nb\x83c\rd"
    cleaned = clean_text(original)
    assert cleaned == "a\nb c\nd"  # the control character became a space
    mapping = offset_map(original, cleaned)
    assert [original[mapping[i]] for i in range(len(cleaned))] == ["a", "\n", "b", "\x83", "c", "\r", "d"]
    assert mapping[len(cleaned)] == len(original)
    with pytest.raises(TextMismatchError):
        offset_map("abc", "abd")


class FakeExtractor:
    """Stands in for quotetrace.extract.Extractor: cleans text, finds fixed quotes."""

    def __init__(self, quotes):
        self.quotes = quotes  # (kind, content, cue, speaker) substrings

    def pipe(self, texts):
        for raw in texts:
            text = clean_text(raw)
            quotes = []
            for i, (kind, content, cue, speaker) in enumerate(self.quotes):
                if content not in text:
                    continue
                start = text.index(content)
                c, s = text.index(cue), text.index(speaker)
                quotes.append(
                    Quote(
                        id=i,
                        kind=kind,
                        text=content,
                        start=start,
                        end=start + len(content),
                        cue=Cue(cue, cue, c, c + len(cue)),
                        speaker=SpeakerRef(speaker, speaker, s, s + len(speaker)),
                    )
                )
            yield Article(text=text, quotes=quotes)


def test_quotetrace_system_maps_offsets_back_and_drops_terms():
    raw = 'Odd\x83 char.\r\n"We will win," Smith said of the "deplorables".'
    extractor = FakeExtractor(
        [("direct", '"We will win,"', "said", "Smith"), ("term", '"deplorables"', "of", "the")]
    )
    (pred,) = list(quotetrace_system(extractor)([raw]))
    assert len(pred) == 1
    (attribution,) = pred
    assert raw[slice(*attribution.content[0])] == '"We will win,"'
    assert raw[slice(*attribution.cue[0])] == "said"
    assert raw[slice(*attribution.source[0])] == "Smith"
    assert attribution.label == "direct"


def test_textacy_baseline_maps_token_spans_to_characters():
    pytest.importorskip("textacy")
    text = 'Nothing here.\n\n"We will win this election easily," Donald Trump said on Tuesday.\n'
    (pred,) = list(textacy_system()([text]))
    assert len(pred) == 1
    (attribution,) = pred
    assert text[slice(*attribution.content[0])] == '"We will win this election easily,"'
    assert [text[s:e] for s, e in attribution.cue] == ["said"]
    assert " ".join(text[s:e] for s, e in attribution.source) == "Donald Trump"
    # An unclosed quote makes textacy give up on the article; per paragraph it keeps the rest.
    broken = text + '\n"This one never closes, said the reporter.\n'
    assert list(textacy_system()([broken])) == [[]]
    (pred,) = list(textacy_system(per_paragraph=True)([broken]))
    assert len(pred) == 1 and pred[0].content == attribution.content


def test_evaluate_split_runs_any_folder_in_the_layout(tmp_path):
    from quotetrace.evaluate import evaluate_split

    text = 'Intro\x83 line.\r\n"We will win," Smith said. Brown thinks it is over.\r\n'
    ann = (
        'T1\tContent 14 28\t"We will win,"\nT2\tSource 29 34\tSmith\nT3\tCue 35 39\tsaid\n'
        "T4\tAttribution 35 39\tsaid\nE1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
        "T5\tSource 41 46\tBrown\nT6\tCue 47 53\tthinks\nT7\tContent 54 64\tit is over\n"
        "T8\tAttribution 47 53\tthinks\nE2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
    )
    assert text[14:28] == '"We will win,"' and text[54:64] == "it is over"
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "one.txt").write_bytes(text.encode())
    (tmp_path / "attributions" / "one_aaaa.ann").write_text(ann)
    extractor = FakeExtractor(
        [("direct", "We will win", "said", "Smith"), ("term", "Intro", "line", "Intro")]
    )
    out = evaluate_split(tmp_path, extractor=extractor)
    assert (out["articles"], out["gold"], out["predicted"]) == (1, 2, 1)
    assert out["content_exact"]["correct"] == 1  # the marks are normalised away
    assert out["content_partial"] == {
        "p": 1.0, "r": 0.5, "f1": 0.6667, "correct": 1, "predicted": 1, "gold": 2
    }  # fmt: skip
    assert out["content_partial_quoted"]["f1"] == 1.0
    assert out["content_partial_unquoted"]["r"] == 0.0
    assert out["source"]["f1"] == 1.0 and out["cue"]["f1"] == 1.0
