"""Systems to score: quotetrace itself and rule baselines, as ``System`` callables.

Each takes the article texts and yields, per text, predicted ``Attribution``
records with offsets into that exact text. ``SYSTEMS`` names them for the
CLI and bench/accuracy.py.
"""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from quotetrace.errors import InputError, QuotetraceError
from quotetrace.evaluate.metrics import Span, as_span
from quotetrace.evaluate.polnear import Attribution, System, load_split, run_systems
from quotetrace.records import Quote

# Kinds of Quote that are not attributions: a "term" is a scare-quoted word, not speech.
NON_ATTRIBUTION_KINDS = frozenset({"term"})


class TextMismatchError(QuotetraceError):
    """The extractor changed an article's text beyond what offsets can be mapped back through."""


def offset_map(original: str, cleaned: str) -> list[int] | None:
    """Map each offset of ``cleaned`` to ``original``; None when the texts are equal.

    ``ingest.clean_text`` only deletes the \\r of \\r\\n, turns a lone \\r into \\n and
    a control character (the stray U+0083 in some Washington Post texts) into a space,
    so the cleaned text aligns with the original character by character. Anything else
    is an error: offsets would be wrong.
    """
    if original == cleaned:
        return None
    mapping, i = [], 0
    for ch in cleaned:
        while i < len(original) and not _same(original, i, ch):
            i += 1
        if i == len(original):
            raise TextMismatchError(
                "the extractor's article text is not the input with characters deleted; "
                "gold offsets cannot be mapped onto its quotes"
            )
        mapping.append(i)
        i += 1
    mapping.append(len(original))
    return mapping


def _same(original: str, i: int, ch: str) -> bool:
    if original[i] == ch:
        return True
    # A lone \r became \n; the \r of \r\n was deleted and its \n kept; a control
    # character became a space.
    if ch == " " and unicodedata.category(original[i]) == "Cc":
        return True
    return original[i] == "\r" and ch == "\n" and original[i + 1 : i + 2] != "\n"


def _map_span(start: int, end: int, mapping: list[int] | None) -> Span:
    if mapping is None:
        return as_span([(start, end)])
    if end <= start:
        return ()
    return as_span([(mapping[start], mapping[end - 1] + 1)])


def quote_attribution(quote: Quote, mapping: list[int] | None = None) -> Attribution:
    pieces = [_map_span(f.start, f.end, mapping) for f in quote.fragments]
    return Attribution(
        content=as_span(r for piece in pieces for r in piece),
        cue=_map_span(quote.cue.start, quote.cue.end, mapping) if quote.cue else (),
        source=_map_span(quote.speaker.start, quote.speaker.end, mapping) if quote.speaker else (),
        label=quote.kind,
        ref=str(quote.id),
    )


def quotetrace_system(extractor=None, gate: str | None = None) -> System:
    """quotetrace's extractor; ``extractor`` is anything with ``pipe(texts)`` -> Articles."""

    def predict(texts: Sequence[str]) -> Iterator[list[Attribution]]:
        nonlocal extractor
        if extractor is None:
            from quotetrace.extract import Extractor

            extractor = Extractor(gate=gate)
        for text, article in zip(texts, extractor.pipe(texts), strict=True):
            mapping = offset_map(text, article.text)
            quotes = [q for q in article.quotes if q.kind not in NON_ATTRIBUTION_KINDS]
            # The extractor gives one quote per act of speech (fragments), as PolNeAR does.
            yield [quote_attribution(q, mapping) for q in quotes]

    return predict


def _token_span(tokens) -> Span:
    return as_span((t.idx, t.idx + len(t.text)) for t in tokens)


def textacy_system(per_paragraph: bool = False, model: str | None = None) -> System:
    """textacy's ``direct_quotations`` on the full spaCy pipeline of quotetrace's model.

    textacy gives up on a whole document when it counts an odd number of
    quote tokens (an unclosed quote, a stray ’). As published that means no
    predictions for the article; ``per_paragraph`` instead retries each
    paragraph of such an article alone, keeping the ones it can read.
    """

    def predict(texts: Sequence[str]) -> Iterator[list[Attribution]]:
        try:
            from textacy.extract.triples import direct_quotations
        except ImportError as exc:
            raise InputError("the textacy baseline needs textacy (pip install textacy)") from exc
        nlp = _full_pipeline(model)
        for doc in nlp.pipe(texts, batch_size=8):
            triples = []
            try:
                triples = [(t, 0) for t in direct_quotations(doc)]
            except ValueError:
                if per_paragraph:
                    triples = list(_per_paragraph(doc, direct_quotations))
            yield [
                Attribution(
                    content=as_span([(t.content.start_char + o, t.content.end_char + o)]),
                    cue=tuple((s + o, e + o) for s, e in _token_span(t.cue)),
                    source=tuple((s + o, e + o) for s, e in _token_span(t.speaker)),
                    label="direct",
                )
                for t, o in triples
            ]

    return predict


def _per_paragraph(doc, direct_quotations):
    start = 0
    for line in doc.text.split("\n"):
        end = start + len(line)
        span = doc.char_span(start, end, alignment_mode="expand") if line.strip() else None
        start = end + 1
        if span is None or not len(span):
            continue
        try:
            for triple in direct_quotations(span.as_doc()):
                yield triple, span.start_char
        except ValueError:
            continue


@lru_cache(maxsize=2)
def _full_pipeline(model: str | None):
    from quotetrace.nlp import DEFAULT_MODEL

    name = model or DEFAULT_MODEL
    try:
        return importlib.import_module(name).load()
    except ImportError:
        import spacy

        return spacy.load(name)


SYSTEMS: dict[str, Callable[[], System]] = {
    "quotetrace": quotetrace_system,
    "quotetrace-rules": lambda: quotetrace_system(gate="rules"),
    "textacy": textacy_system,
    "textacy-paragraphs": lambda: textacy_system(per_paragraph=True),
}


def evaluate_split(directory: str | Path, extractor=None, limit: int | None = None) -> dict:
    """Run quotetrace over a PolNeAR split folder and return the JSON summary."""
    articles = load_split(directory, limit)
    result = run_systems(articles, {"quotetrace": quotetrace_system(extractor)}, str(directory))
    return result["quotetrace"].summary()
