"""How one article's bytes or text become a ``Document`` (the record is in ``record.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

from quotetrace.errors import InputError
from quotetrace.ingest.decoding import clean_text, decode_bytes
from quotetrace.ingest.record import Document, detect_title

MAX_INPUT_BYTES = 5_000_000  # ~800k words: far beyond any news article


def text_to_document(text: str, name: str = "input") -> Document:
    text = clean_text(text)
    if not text.strip():
        raise InputError(f"{name} is empty")
    return Document(text=text, title=detect_title(text))


def bytes_to_document(
    data: bytes,
    name: str = "input",
    kind: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    encoding: str | None = None,
) -> Document:
    """``kind`` is "html", "text" or None to sniff the content; ``encoding`` overrides detection."""
    from quotetrace.ingest.html import html_to_document, looks_like_html

    if len(data) > max_bytes:
        raise InputError(f"{name} is {len(data):,} bytes, over the {max_bytes:,}-byte limit for one article")
    text = decode_bytes(data, name, encoding)
    if kind == "html" or (kind is None and looks_like_html(text)):
        return html_to_document(text, name)
    return text_to_document(text, name)


def read_document(
    path: str | Path, max_bytes: int = MAX_INPUT_BYTES, encoding: str | None = None
) -> Document:
    """Read a .txt or .html file, or standard input when ``path`` is "-"."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return bytes_to_document(data, "standard input", max_bytes=max_bytes, encoding=encoding)
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p} is a folder; give a file (or use 'quotetrace batch' for folders)")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(f"{p} is {size:,} bytes, over the {max_bytes:,}-byte limit for one article")
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: {exc.strerror or exc}") from exc
    doc = bytes_to_document(data, str(p), kind=kind_of(p), max_bytes=max_bytes, encoding=encoding)
    doc.id = doc.id or p.stem
    return doc


def kind_of(path: Path) -> str | None:
    """The kind, "html" or "text", from a file's suffix; None (sniff the content) for any other."""
    suffix = path.suffix.lower()
    return "html" if suffix in (".html", ".htm", ".xhtml") else "text" if suffix == ".txt" else None
