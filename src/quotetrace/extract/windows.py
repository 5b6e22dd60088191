"""Work bounded by the size of the input: safe tokenisation and windows over long articles.

Two kinds of text make spaCy's cost grow faster than the text:

* A long run without whitespace ("((((...", a base64 blob): the tokenizer
  strips prefixes and suffixes off one "word" by copying its remainder each
  time, so 12,000 "(" take ~30 s. Such runs are tokenized in short pieces and
  the ``Doc`` is built from the pieces' words and spaces, so ``doc.text`` is
  the article text character for character and offsets do not move.
* A very long article: one ``Doc`` of 170,000 words holds every tensor at
  once (3 GB for 1 MB of text). Articles over ``MAX_WHOLE_TOKENS`` are analysed
  in paragraph-aligned windows whose records are shifted back by the
  window's offset and merged, so memory depends on the window, not the
  article, and time on the number of words.

Attribution never crosses a window: a quote is found with its cue and
speaker in the same paragraph run, and windows end at paragraph breaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from quotetrace.records import Article, Quote, Speaker

if TYPE_CHECKING:
    from spacy.language import Language

    from quotetrace.ingest import Document

# Whitespace-free runs up to this long tokenize in well under a millisecond; longer ones are
# cut into pieces this long. Real tokens (URLs, hashtags) are far shorter.
RUN_CHARS = 200
_LONG_RUN = re.compile(rf"\S{{{RUN_CHARS + 1},}}")
# Windows are measured in tokens, which is what spaCy's memory grows with (~16 KB each in a
# sentence without end): a text of up to MAX_WHOLE_TOKENS is analysed whole (every news
# article is), a longer one in windows of about WINDOW_TOKENS, cut at the last paragraph
# break before the limit. Tokens are estimated as words and punctuation marks.
MAX_WHOLE_TOKENS = 15_000
WINDOW_TOKENS = 8_000
_TOKENISH = re.compile(r"\w+|[^\w\s]")
_BREAKS = ("\n\n", "\n", ". ", " ")


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, in time linear in the text, with ``doc.text == text``."""
    if _LONG_RUN.search(text) is None:
        return nlp.make_doc(text)
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for match in _LONG_RUN.finditer(text):
        _add(nlp, text[pos : match.start()], words, spaces)
        run = match.group()
        for cut in range(0, len(run), RUN_CHARS):
            _add(nlp, run[cut : cut + RUN_CHARS], words, spaces)
        pos = match.end()
    _add(nlp, text[pos:], words, spaces)
    return Doc(nlp.vocab, words=words, spaces=spaces)


def _add(nlp: Language, piece: str, words: list[str], spaces: list[bool]) -> None:
    if not piece:
        return
    for token in nlp.tokenizer(piece):
        words.append(token.text)
        spaces.append(bool(token.whitespace_))


def windows(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) spans covering ``text`` in order: one span for a text of up to
    ``MAX_WHOLE_TOKENS``, else spans of at most ``size`` characters (default: about
    ``WINDOW_TOKENS`` tokens' worth), each cut after a paragraph break where there is one."""
    if size is None:
        if len(text) <= MAX_WHOLE_TOKENS:  # fewer characters than the limit: fewer tokens too
            return [(0, len(text))]
        tokens = sum(1 for _ in _TOKENISH.finditer(text))
        if tokens <= MAX_WHOLE_TOKENS:
            return [(0, len(text))]
        size = max(1_000, int(WINDOW_TOKENS * len(text) / tokens))
    elif len(text) <= size:
        return [(0, len(text))]
    spans = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        end = limit
        for sep in _BREAKS:
            found = text.rfind(sep, start + size // 2, limit)
            if found != -1:
                end = found + len(sep)
                break
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def analyse(nlp: Language, documents: Iterable[Document], batch_size: int, to_article) -> Iterator[Article]:
    """One ``Article`` per document, in order. Short documents go through spaCy in batches;
    a long one alone, one window at a time, so that one window's Doc is all it holds."""
    batch: list[Document] = []
    for document in documents:
        spans = windows(document.text)
        if len(spans) == 1:
            batch.append(document)
            if len(batch) >= batch_size:
                yield from _whole(nlp, batch, batch_size, to_article)
                batch = []
            continue
        yield from _whole(nlp, batch, batch_size, to_article)
        batch = []
        yield _windowed(nlp, document, spans, to_article)
    yield from _whole(nlp, batch, batch_size, to_article)


def _whole(nlp: Language, batch: list[Document], batch_size: int, to_article) -> Iterator[Article]:
    pairs = ((make_doc(nlp, d.text), d) for d in batch)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield to_article(doc, document.title)


def _windowed(nlp: Language, document: Document, spans: list[tuple[int, int]], to_article) -> Article:
    pieces = []
    text = document.text
    parts = ((make_doc(nlp, text[start:end]), start) for start, end in spans)
    for doc, offset in nlp.pipe(parts, as_tuples=True, batch_size=1):
        pieces.append((offset, to_article(doc, "")))  # "": no headline guess per window
    return merge(text, document.title, pieces)


def merge(text: str, title: str | None, pieces: list[tuple[int, Article]]) -> Article:
    """The article whose windows are ``pieces`` ((offset, article of the window's text))."""
    from quotetrace.ingest import detect_title

    quotes: list[Quote] = []
    speakers: dict[str, Speaker] = {}
    for offset, piece in pieces:
        for quote in piece.quotes:
            _shift(quote, offset)
            quote.id = len(quotes)
            quotes.append(quote)
        for speaker in piece.speakers:
            known = speakers.get(speaker.name)
            if known is None:
                speakers[speaker.name] = speaker
                continue
            known.quotes += speaker.quotes
            known.words += speaker.words
            known.aliases.extend(a for a in speaker.aliases if a not in known.aliases)
            known.titles.extend(t for t in speaker.titles if t not in known.titles)
    ranked = sorted(speakers.values(), key=lambda s: (-s.words, s.name))  # as attribution ranks
    return Article(
        text=text,
        title=title if title is not None else detect_title(text),
        quotes=quotes,
        speakers=ranked,
    )


def _shift(quote: Quote, offset: int) -> None:
    quote.start += offset
    quote.end += offset
    for record in (quote.cue, quote.speaker, *quote.fragments):
        if record is not None:
            record.start += offset
            record.end += offset
