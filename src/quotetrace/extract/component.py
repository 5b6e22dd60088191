"""The spaCy components that add quotes and speakers to a Doc.

``quotetrace_quotes`` is a real spaCy ``Pipe``: its settings (the gate) are fixed when it is
added, its data (cue forms, gate weights) is loaded in ``initialize()`` and saved with the
pipeline by ``to_disk``, and it never changes after that, so pipelines with different gates
can live side by side in one process. Results go to ``doc._.qt_quotes`` / ``doc._.qt_speakers``
(as JSON-contract dicts, so ``Doc.to_bytes`` can carry them; ``Extractor`` turns them back into
records) and to ``doc.spans["quotes"]`` / ``doc.spans["cues"]`` /
``doc.spans["sources"]`` so that spaCy's own tools (displaCy, ``Doc.to_bytes``) see them.
"""

# No `from __future__ import annotations`: spaCy validates factory signatures at runtime.

import json
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.strings import hash_string  # type: ignore[attr-defined]  # in the Cython module, not its stub
from spacy.tokens import Doc
from spacy.util import ensure_path

from quotetrace.extract.draft import HEADS_KEY
from quotetrace.extract.lexicon import titles
from quotetrace.records import flat
from quotetrace.text.quotes import DOUBLE_DIGRAPHS

QUOTES_ATTR = "qt_quotes"
SPEAKERS_ATTR = "qt_speakers"
SPAN_KEYS = ("quotes", "cues", "sources")
# Opening double quotation marks as spaCy tokenizes them (a typewriter digraph is one token).
_OPENING_MARK_IDS = numpy.array([hash_string(m) for m in DOUBLE_DIGRAPHS], dtype=numpy.uint64)
_SENTENCE_STOPS = frozenset({".", "!", "?"})


def register_extensions() -> None:
    for attr in (QUOTES_ATTR, SPEAKERS_ATTR):
        if not Doc.has_extension(attr):
            Doc.set_extension(attr, default=None)


class QuoteAttributor(Pipe):
    """Find quotations and reported speech, their cues and speakers."""

    def __init__(self, nlp: Language, name: str = "quotetrace_quotes", gate: str = ""):
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.gate_name = gate
        self.cue_finder: Any = None  # CueFinder, once initialized
        self.gate: Any = None  # the gate callable (extract.gate), once initialized
        self.gate_data: dict | None = None

    def initialize(self, get_examples=None, *, nlp=None, gate_data=None) -> None:
        """Load the cue lexicon's forms and the gate's weights (shipped in data/)."""
        from quotetrace.extract.cues import CueFinder
        from quotetrace.extract.gate import load_gate_data, make_gate

        self.cue_finder = CueFinder(nlp or self.nlp)
        self.gate_data = gate_data if gate_data is not None else load_gate_data(self.gate_name)
        self.gate = make_gate(self.gate_name, self.gate_data)

    def __call__(self, doc: Doc) -> Doc:
        from quotetrace.extract.attribution import attribute

        if self.cue_finder is None:
            raise ValueError(f"{self.name} is not initialized: call nlp.get_pipe({self.name!r}).initialize()")
        quotes, speakers = attribute(doc, self.cue_finder, self.gate)
        doc.user_data.pop(HEADS_KEY, None)  # a working array, not a result to serialise
        setattr(doc._, QUOTES_ATTR, [q.to_dict() for q in quotes])
        setattr(doc._, SPEAKERS_ATTR, [flat(s) for s in speakers])
        _set_spans(doc, quotes)
        return doc

    # Serialization: the gate's weights travel with the pipeline.
    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "gate.json").write_bytes(self.to_bytes())

    def from_disk(self, path, *, exclude=tuple()):
        return self.from_bytes((Path(path) / "gate.json").read_bytes())

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return json.dumps({"gate": self.gate_name, "data": self.gate_data}).encode()

    def from_bytes(self, bytes_data: bytes, *, exclude=tuple()):
        saved = json.loads(bytes_data)
        self.gate_name = saved["gate"]
        self.initialize(nlp=self.nlp, gate_data=saved["data"])
        return self


def _set_spans(doc: Doc, quotes) -> None:
    groups: dict[str, list] = {key: [] for key in SPAN_KEYS}
    for quote in quotes:
        pieces = [("quotes", f.start, f.end, quote.kind) for f in quote.fragments]
        if quote.cue is not None:
            pieces.append(("cues", quote.cue.start, quote.cue.end, quote.cue.lemma))
        if quote.speaker is not None:
            pieces.append(("sources", quote.speaker.start, quote.speaker.end, quote.speaker.name))
        for key, start, end, label in pieces:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                groups[key].append(span)
    for key, spans in groups.items():
        doc.spans[key] = spans


@Language.factory(
    "quotetrace_quotes",
    default_config={"gate": ""},
    assigns=[f"doc._.{QUOTES_ATTR}", f"doc._.{SPEAKERS_ATTR}", "doc.spans"],
    requires=["token.pos", "token.dep", "token.head", "token.is_sent_start"],
)
def make_quote_attributor(nlp: Language, name: str, gate: str) -> QuoteAttributor:
    """``gate``: "rules", "learned", or "" for the learned one when its weights ship."""
    return QuoteAttributor(nlp, name, gate)


@Language.component("quotetrace_paragraph_breaks", assigns=["token.is_sent_start"])
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
    _quote_sentence_starts(doc)
    return doc


def _quote_sentence_starts(doc: Doc) -> None:
    """'... said Mr. Sabato. ''He has done that.''' -- before the typewriter mark '' the parser
    often does not end the sentence: it ends it after the mark, so the quote's words start the
    next sentence and the mark (so the quote) stays in the sentence of the previous speaker's
    cue. An opening digraph after a sentence's final stop, before a capital, starts a sentence
    (the parser splits before the other marks already: the same rule for them changed no
    parse that mattered on PolNeAR train)."""
    orth = doc.to_array([ORTH])
    for i in numpy.flatnonzero(numpy.isin(orth[1:-1], _OPENING_MARK_IDS)) + 1:
        mark, prev, nxt = doc[int(i)], doc[int(i) - 1], doc[int(i) + 1]
        opens = prev.whitespace_ and not mark.whitespace_
        if opens and _ends_sentence(prev.text) and nxt.text[:1].isupper():
            mark.is_sent_start = True
            nxt.is_sent_start = False


def _ends_sentence(word: str) -> bool:
    """A final stop, or a word the tokenizer kept its full stop on ('Fla.', 'Jr.') when that
    word is no title before a name ('Mr.', 'Sen.': data/titles.txt)."""
    if word in _SENTENCE_STOPS:
        return True
    return len(word) > 1 and word.endswith(".") and word.lower() not in titles()
