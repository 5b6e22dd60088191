"""The ``Document`` record and how one article's bytes or text become one."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from quotetrace.errors import InputError
from quotetrace.ingest.decoding import clean_text, decode_bytes

MAX_INPUT_BYTES = 5_000_000  # ~800k words: far beyond any news article
_TITLE_MAX_WORDS = 30


@dataclass(slots=True)
class Document:
    """One article as text, before any NLP. ``text`` is what offsets refer to."""

    text: str
    title: str | None = None
    id: str | None = None
    url: str | None = None
    outlet: str | None = None  # normalised by quotetrace.outlets when read from a page
    published: str | None = None
    author: str | None = None
    outlet_raw: str | None = None  # the site name as the page gave it


def detect_title(text: str) -> str | None:
    """The first line, when it reads like a headline rather than a sentence of the body."""
    stripped = text.lstrip("\n")
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    if not first or not sep or not rest.strip():
        return None
    words = first.split()
    if len(words) > _TITLE_MAX_WORDS:
        return None
    followed_by_blank = rest.startswith("\n") or rest.lstrip(" \t").startswith("\n")
    capitalised = sum(w[:1].isupper() for w in words) / len(words)
    no_final_stop = not first.endswith((".", "!", "?", '"', "”"))
    if followed_by_blank or capitalised >= 0.6 or no_final_stop:
        return first
    return None


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
