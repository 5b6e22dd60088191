"""The spaCy component that adds quotes and speakers to a Doc."""

# No `from __future__ import annotations`: spaCy validates factory signatures at runtime.

import numpy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

QUOTES_ATTR = "qt_quotes"
SPEAKERS_ATTR = "qt_speakers"


def register_component() -> None:
    for attr in (QUOTES_ATTR, SPEAKERS_ATTR):
        if not Doc.has_extension(attr):
            Doc.set_extension(attr, default=None)


class QuoteAttributor:
    def __init__(self, nlp: Language, gate: str = ""):
        from quotetrace.extract.cues import CueFinder
        from quotetrace.extract.gate import GATES, default_gate

        self.cue_finder = CueFinder(nlp)
        self.gate = GATES[gate]() if gate else default_gate()

    def __call__(self, doc: Doc) -> Doc:
        from quotetrace.extract.attribution import attribute

        quotes, speakers = attribute(doc, self.cue_finder, self.gate)
        setattr(doc._, QUOTES_ATTR, quotes)
        setattr(doc._, SPEAKERS_ATTR, speakers)
        return doc


@Language.factory("quotetrace_quotes", default_config={"gate": ""})
def make_quote_attributor(nlp: Language, name: str, gate: str) -> QuoteAttributor:
    """``gate``: "rules", "learned", or "" for the learned one when its weights ship."""
    return QuoteAttributor(nlp, gate)


@Language.component("quotetrace_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines and paragraphs are never run together.

    The parser keeps sentence starts that are set before it runs. spaCy makes every
    newline run its own whitespace token, so only those tokens are looked at.
    """
    if len(doc) < 2:
        return doc
    for i in numpy.flatnonzero(doc.to_array([IS_SPACE])[:-1]):
        if "\n" in doc[int(i)].text:
            doc[int(i) + 1].is_sent_start = True
    return doc
