"""The one analysis entry point: extract the quotes of documents, then frame them.

The CLI, the store, batch workers and the web server all go through
``Analyser`` so that they run the same stages in the same order, load spaCy
once (on first use, not at construction: the store skips documents it already
holds without ever needing the model) and report a bad article the same way.

``analyse`` is for one document and raises; ``pipe`` is for streams and turns
any per-article exception into a ``Failure`` so one bad article never stops
the others. A model that cannot load is not a per-article problem: it raises
from ``pipe`` too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Literal

from quotetrace.ingest import Document
from quotetrace.records import ARTICLE_META_FIELDS, Article

if TYPE_CHECKING:
    from quotetrace.extract import Extractor

__all__ = ["Analyser", "Failure", "FrameStage"]

FrameStage = Callable[[Article], Article]
MAX_REASON_CHARS = 500
CHUNK = 32  # documents handed to spaCy together; a failing chunk is retried one by one


@dataclass(frozen=True, slots=True)
class Failure:
    """Why one document could not be analysed.

    ``name`` is the document id (else its title, else its position in the stream),
    ``reason`` one line such as "extractor error: ValueError: ...", ``stage`` where it broke.
    """

    name: str
    reason: str
    stage: Literal["extract", "frame"]
    error: BaseException | None = field(default=None, compare=False, repr=False)


class Analyser:
    """Extract, then (unless ``frame=False``) frame, documents.

    ``frame`` may also be a callable ``Article -> Article`` standing in for the framing
    stage. ``extractor`` replaces the spaCy extractor (anything with ``pipe(documents)``),
    which tests use to run without a model.
    """

    def __init__(
        self,
        model: str | None = None,
        frame: bool | FrameStage = True,
        gate: str | None = None,
        *,
        extractor=None,
        batch_size: int = 8,
        chunk: int = CHUNK,
    ):
        self._model = model
        self._gate = gate
        self._batch_size = batch_size
        self._extractor = extractor
        self._chunk = max(1, chunk)
        self._frame: FrameStage | None = None
        if callable(frame):
            self._frame = frame
        elif frame:
            from quotetrace.frame import frame_article

            self._frame = frame_article

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            from quotetrace.extract import Extractor, get_default_extractor

            if self._model is None and self._gate is None and self._batch_size == 8:
                self._extractor = get_default_extractor()  # shared with every default Analyser
            else:
                self._extractor = Extractor(self._model, batch_size=self._batch_size, gate=self._gate)
        return self._extractor

    @property
    def frames(self) -> bool:
        return self._frame is not None

    def analyse(self, document: Document | str) -> Article:
        """The article of one document; an error in any stage propagates."""
        article = with_source(next(iter(self.extractor.pipe([document]))), document)
        return self._frame(article) if self._frame is not None else article

    def pipe(self, documents: Iterable[Document | str]) -> Iterator[Article | Failure]:
        """One ``Article`` or ``Failure`` per document, in order."""
        stream = iter(documents)
        position = 0
        while chunk := list(islice(stream, self._chunk)):
            extractor = self.extractor  # a model that cannot load stops the run: not per article
            for offset, extracted in enumerate(self._extract(extractor, chunk)):
                document, at = chunk[offset], position + offset
                if isinstance(extracted, Article):
                    yield self._framed(with_source(extracted, document), document, at)
                else:
                    yield _failure(document, at, "extract", extracted)
            position += len(chunk)

    def _extract(self, extractor, chunk: list[Document | str]) -> list[Article | Exception]:
        try:
            return list(extractor.pipe(chunk))
        except Exception:
            pass  # find the document that broke the batch; the others still get analysed
        out: list[Article | Exception] = []
        for document in chunk:
            try:
                out.append(next(iter(extractor.pipe([document]))))
            except Exception as exc:
                out.append(exc)
        return out

    def _framed(self, article: Article, document: Document | str, position: int) -> Article | Failure:
        if self._frame is None:
            return article
        try:
            return self._frame(article)
        except Exception as exc:
            return _failure(document, position, "frame", exc)


def with_source(article: Article, document: Document | str) -> Article:
    """The document's url, outlet, date and author on the article: the JSON carries what the
    store and batch rows hold."""
    if isinstance(document, Document):
        for key in ARTICLE_META_FIELDS:
            if getattr(article, key) is None:
                setattr(article, key, getattr(document, key, None))
    return article


def _failure(document: Document | str, position: int, stage, exc: Exception) -> Failure:
    name = None
    if isinstance(document, Document):
        name = document.id or document.title
    label = "extractor" if stage == "extract" else "framing"
    reason = one_line(f"{label} error: {type(exc).__name__}: {exc}")
    return Failure(name or f"document {position + 1}", reason, stage, exc)


def one_line(message: str, limit: int = MAX_REASON_CHARS) -> str:
    """``message`` on one line, cut to ``limit`` characters (error reports go into tables and rows)."""
    line = " ".join(message.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
