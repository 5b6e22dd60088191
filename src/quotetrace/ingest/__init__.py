"""The input layer: bytes from files, pipes, corpora and requests become article text.

One module per concern: ``decoding`` (bytes to clean text, encodings,
surrogates), ``document`` (the ``Document`` record, one article from a file or
bytes), ``html`` (web pages), ``streams`` (compressed JSON lines) and
``readers`` (the registry of corpus readers by format, used by ``ingest``,
``batch`` and ``extract``). Every way an input can be unusable ends in an
``InputError`` (or a failed item) whose message says what is wrong.
"""

from __future__ import annotations

from quotetrace.ingest.decoding import (
    check_encoding_name,
    clean_text,
    decode_bytes,
    has_surrogates,
    scrub_surrogates,
)
from quotetrace.ingest.document import (
    MAX_INPUT_BYTES,
    Document,
    bytes_to_document,
    detect_title,
    read_document,
    text_to_document,
)
from quotetrace.ingest.html import html_to_document, looks_like_html

__all__ = [
    "MAX_INPUT_BYTES",
    "Document",
    "bytes_to_document",
    "check_encoding_name",
    "clean_text",
    "decode_bytes",
    "detect_title",
    "has_surrogates",
    "html_to_document",
    "looks_like_html",
    "read_document",
    "scrub_surrogates",
    "text_to_document",
]
