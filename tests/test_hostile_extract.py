"""Issue #16, extraction side: surrogates, super-linear tokenisation, long articles (spaCy)."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import quotetrace
from quotetrace.extract import windows

EXAMPLE = (Path(__file__).resolve().parents[1] / "examples" / "interview.txt").read_text()


def offsets_true(article) -> None:
    text = article.text
    for q in article.quotes:
        assert text[q.start : q.end] == q.text
        for rec in (q.cue, q.speaker):
            if rec is not None:
                assert text[rec.start : rec.end] == (rec.text if rec is q.cue else rec.mention)
        for f in q.fragments:
            assert text[f.start : f.end] == f.text


def test_a_lone_surrogate_does_not_reach_spacy(extractor):  # (1)
    article = quotetrace.extract("\ud800 ")
    assert article.text == "\ufffd "
    article = extractor.extract('"We stay \udcff," Lina Haddad said.')
    assert len(article.text) == len('"We stay \udcff," Lina Haddad said.')
    offsets_true(article)


def test_long_runs_without_spaces_tokenize_in_linear_time(extractor):  # (2)
    nlp = extractor.nlp
    started = time.perf_counter()
    doc = windows.make_doc(nlp, "(" * 12_000)
    assert time.perf_counter() - started < 2.0  # was ~30 s in one spaCy call
    assert doc.text == "(" * 12_000


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("(a)[.,\"' \n-“”")), min_size=0, max_size=900))
def test_built_docs_keep_the_text_exactly(extractor, text):
    runs = text.replace(" ", "(" * 250, 3)  # some runs over the piece length
    assert windows.make_doc(extractor.nlp, runs).text == runs


def test_punctuation_runs_are_windowed_by_tokens_not_characters():
    assert len(windows.windows("(" * 40_000)) >= 5  # 40,000 tokens, however few characters
    assert windows.windows("word " * 2_000) == [(0, 10_000)]


def test_a_run_of_punctuation_is_analysed_without_changing_the_text(extractor):
    text = 'Intro. "It works," Ann Lee said. ' + ")" * 3_000 + ' "Again," she said.'
    article = extractor.extract(text)
    assert article.text == text
    offsets_true(article)
    assert any(q.text == '"It works,"' or "It works" in q.text for q in article.quotes)


def test_windows_cut_at_paragraph_breaks_and_cover_the_text():
    text = "\n\n".join(f"Paragraph {i} " + "word " * 300 for i in range(300))
    spans = windows.windows(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    tokens = len(windows._TOKENISH.findall(text))
    assert len(spans) > 1 and all(e - s <= windows.WINDOW_TOKENS * len(text) / tokens for s, e in spans)
    assert all(text[e - 2 : e] == "\n\n" for _s, e in spans[:-1])
    assert windows.windows("short") == [(0, 5)]


def test_a_long_article_is_analysed_in_windows_with_true_offsets(extractor):  # (3)
    one = extractor.extract(EXAMPLE)
    copies = 60
    big = "\n\n".join([EXAMPLE] * copies)
    assert len(windows.windows(big)) > 1
    article = extractor.extract(big)
    assert article.text == big
    offsets_true(article)
    assert len(article.quotes) == copies * len(one.quotes)
    assert [q.id for q in article.quotes] == list(range(len(article.quotes)))
    top = max(one.speakers, key=lambda s: s.words)
    merged = {s.name: s for s in article.speakers}
    assert merged[top.name].quotes >= copies * top.quotes - copies  # one window edge may miss
