"""The one analysis entry point: order, per-article failures, a model that cannot load."""

from __future__ import annotations

import pytest

from quotetrace.errors import QuotetraceError
from quotetrace.ingest import Document
from quotetrace.pipeline import Analyser, Failure
from quotetrace.records import Article


class Flaky:
    """Extracts every text except those containing BOOM, which break the whole batch."""

    def __init__(self):
        self.batches: list[int] = []

    def pipe(self, docs):
        docs = list(docs)
        self.batches.append(len(docs))
        for doc in docs:
            text = doc.text if isinstance(doc, Document) else doc
            if "BOOM" in text:
                raise ValueError("parser fell over")
            yield Article(text=text)


def test_pipe_keeps_order_and_turns_one_bad_article_into_a_failure():
    docs = [Document(text="one", id="a"), Document(text="BOOM", id="b"), "three"]
    out = list(Analyser(extractor=Flaky(), frame=False).pipe(docs))
    assert [o.text for o in out if isinstance(o, Article)] == ["one", "three"]
    failure = out[1]
    assert isinstance(failure, Failure)
    assert (failure.name, failure.stage) == ("b", "extract")
    assert failure.reason == "extractor error: ValueError: parser fell over"


def test_a_failure_is_named_by_position_when_the_document_has_no_id():
    out = list(Analyser(extractor=Flaky(), frame=False).pipe(["fine", "BOOM"]))
    assert out[1].name == "document 2"


def test_a_framing_error_costs_its_article_only():
    def frame(article):
        if article.text == "bad":
            raise KeyError("marker")
        return article

    out = list(Analyser(extractor=Flaky(), frame=frame).pipe(["good", "bad", "fine"]))
    assert isinstance(out[0], Article) and isinstance(out[2], Article)
    assert (out[1].stage, out[1].reason) == ("frame", "framing error: KeyError: 'marker'")


def test_long_streams_are_chunked_and_stay_lazy():
    extractor = Flaky()
    stream = Analyser(extractor=extractor, frame=False, chunk=4).pipe(str(i) for i in range(10))
    first = next(stream)
    assert first.text == "0" and extractor.batches == [4]
    assert [a.text for a in stream] == [str(i) for i in range(1, 10)]
    assert extractor.batches == [4, 4, 2]


def test_analyse_raises_and_a_missing_model_stops_the_stream():
    with pytest.raises(ValueError, match="parser fell over"):
        Analyser(extractor=Flaky(), frame=False).analyse("BOOM")
    analyser = Analyser(model="quotetrace_no_such_model", frame=False)  # loads nothing yet
    with pytest.raises(QuotetraceError, match="not installed"):
        list(analyser.pipe(["a", "b"]))


def test_the_default_analyser_extracts_and_frames():
    article = Analyser().analyse(Document(text='"We will rebuild," Mayor Ana Ruiz said on Tuesday.'))
    assert article.quotes and article.quotes[0].speaker.name == "Ana Ruiz"
    assert article.quotes[0].frame is not None
    assert Analyser(frame=False).analyse('"Yes," she said.').quotes[0].frame is None
