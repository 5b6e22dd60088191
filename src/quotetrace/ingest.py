"""Turn bytes from a file, a pipe or a request into an article ``Document``.

Every way an input can be unusable (empty, binary, too large, undecodable,
HTML with no article in it) ends in an ``InputError`` whose message says
what is wrong, so that callers never see a traceback or silently drop text.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from quotetrace.errors import InputError

MAX_INPUT_BYTES = 5_000_000  # ~800k words: far beyond any news article
_HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)
_TITLE_MAX_WORDS = 30


@dataclass(slots=True)
class Document:
    """One article as text, before any NLP. ``text`` is what offsets refer to."""

    text: str
    title: str | None = None
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else a detected charset."""
    if not data.strip():
        raise InputError(f"{name} is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name} has a UTF-16 mark but is not valid UTF-16") from exc
    if _looks_binary(data):
        raise InputError(f"{name} looks like a binary file, not text or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name} is not valid UTF-8 and its encoding could not be detected")
    return str(best)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def clean_text(text: str) -> str:
    """Normalise line endings and drop control characters, keeping every other character.

    Offsets in the output refer to this cleaned text, so the cleaning is
    deliberately minimal: no quote or dash normalisation here.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text):
        text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    return text


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


def looks_like_html(data: bytes | str) -> bool:
    head = data[:2048] if isinstance(data, bytes) else data[:2048].encode("utf-8", "ignore")
    return bool(_HTML_SNIFF.match(head))


def html_to_document(html: str, name: str = "input") -> Document:
    """Reduce a web page to its main text with trafilatura; the headline becomes line one."""
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not body or not body.strip():
        raise InputError(f"{name}: no article text found in the HTML")
    meta = trafilatura.extract_metadata(html)
    title = (meta.title or "").strip() if meta else ""
    body = clean_text(body).strip()
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return Document(
        text=text,
        title=title or detect_title(text),
        url=meta.url if meta else None,
        outlet=meta.sitename if meta else None,
        published=meta.date if meta else None,
    )


def text_to_document(text: str, name: str = "input") -> Document:
    text = clean_text(text)
    if not text.strip():
        raise InputError(f"{name} is empty")
    return Document(text=text, title=detect_title(text))


def bytes_to_document(
    data: bytes, name: str = "input", kind: str | None = None, max_bytes: int = MAX_INPUT_BYTES
) -> Document:
    """``kind`` is "html", "text" or None to sniff the content."""
    if len(data) > max_bytes:
        raise InputError(
            f"{name} is {len(data):,} bytes, over the {max_bytes:,}-byte limit for one article"
        )
    text = decode_bytes(data, name)
    if kind == "html" or (kind is None and looks_like_html(text)):
        return html_to_document(text, name)
    return text_to_document(text, name)


def read_document(path: str | Path, max_bytes: int = MAX_INPUT_BYTES) -> Document:
    """Read a .txt or .html file, or standard input when ``path`` is "-"."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return bytes_to_document(data, "standard input", max_bytes=max_bytes)
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
    suffix = p.suffix.lower()
    kind = "html" if suffix in (".html", ".htm", ".xhtml") else "text" if suffix == ".txt" else None
    doc = bytes_to_document(data, str(p), kind=kind, max_bytes=max_bytes)
    doc.id = doc.id or p.stem
    return doc
