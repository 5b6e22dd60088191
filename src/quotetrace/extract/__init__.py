"""Extract and attribute quotations: the core of quotetrace.

``Extractor`` loads the spaCy pipeline once, with the ``quotetrace_quotes``
component added at its end, and turns texts into ``Article`` records.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from quotetrace.extract import windows
from quotetrace.extract.component import QUOTES_ATTR, SPEAKERS_ATTR
from quotetrace.extract.cues import text_of
from quotetrace.ingest import Document, clean_text, detect_title
from quotetrace.nlp import load_pipeline
from quotetrace.records import Article, Quote, Speaker

__all__ = ["Extractor", "extract", "get_default_extractor"]


@lru_cache(maxsize=4)
def build_pipeline(model: str | None = None, gate: str = "") -> Language:
    """The spaCy pipeline with quotetrace's components, one per (model, gate) per process.

    The gate is part of the pipeline's configuration, fixed at ``add_pipe``: two Extractors
    with different gates get two pipelines and cannot switch each other's behaviour.
    """
    from quotetrace.extract import component, tag_pos  # noqa: F401  (registers the factories)
    from quotetrace.extract.gate import check_gate_name

    check_gate_name(gate)
    nlp = load_pipeline(model)
    tag_pos.replace_attribute_ruler(nlp)  # same POS as the model's ruler, a sixth of the parse cheaper
    nlp.add_pipe("quotetrace_paragraph_breaks", before="parser")
    attributor: Any = nlp.add_pipe("quotetrace_quotes", last=True, config={"gate": gate})  # a Pipe
    attributor.initialize(nlp=nlp)
    return nlp


class Extractor:
    """Reusable extractor: ``Extractor().pipe(texts)`` streams ``Article`` records.

    ``texts`` may hold plain strings or ``ingest.Document`` records (whose
    title is kept). Texts are cleaned the same way as by ``ingest`` so that
    offsets always refer to ``Article.text``.
    """

    def __init__(self, model: str | None = None, batch_size: int = 8, gate: str | None = None):
        """``gate`` chooses how unquoted speech is accepted: "learned" (the default when its
        weights ship) or "rules" (the PolNeAR-train cue-rate threshold)."""
        self.nlp = build_pipeline(model, gate or "")
        self.batch_size = batch_size

    def extract(self, text: str, title: str | None = None) -> Article:
        return next(self.pipe([Document(text=text, title=title)]))

    def pipe(self, texts: Iterable[str | Document]) -> Iterator[Article]:
        docs = (self._as_document(t) for t in texts)
        # Long whitespace-free runs and very long articles would cost super-linear time and
        # memory in one spaCy Doc: windows.py keeps both proportional to the text.
        yield from windows.analyse(self.nlp, docs, self.batch_size, self.to_article)

    @staticmethod
    def to_article(doc: Doc, title: str | None = None) -> Article:
        text = text_of(doc)  # cached by the quotes component; doc.text rebuilds it
        return Article(
            text=text,
            title=title if title is not None else detect_title(text),
            quotes=[Quote.from_dict(q) for q in getattr(doc._, QUOTES_ATTR)],
            speakers=[Speaker(**s) for s in getattr(doc._, SPEAKERS_ATTR)],
        )

    @staticmethod
    def _as_document(item: str | Document) -> Document:
        if isinstance(item, Document):
            return Document(text=clean_text(item.text), title=item.title, id=item.id)
        return Document(text=clean_text(item))


@lru_cache(maxsize=1)
def get_default_extractor() -> Extractor:
    return Extractor()


def extract(text: str, title: str | None = None) -> Article:
    """Extract and attribute every quotation in one article (the default Extractor)."""
    return get_default_extractor().extract(text, title=title)


class _CallableModule(types.ModuleType):
    """``quotetrace.extract`` is both this package and the documented function.

    Importing the package rebinds the attribute ``extract`` of ``quotetrace`` to
    the module, so the module itself must answer ``quotetrace.extract(text)``.
    """

    def __call__(self, text: str, title: str | None = None) -> Article:
        return extract(text, title=title)


sys.modules[__name__].__class__ = _CallableModule
