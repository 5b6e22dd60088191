"""Web pages: is this HTML, and what is the article in it."""

from __future__ import annotations

import re
import warnings

from quotetrace.errors import InputError
from quotetrace.ingest.decoding import clean_text
from quotetrace.ingest.document import Document, detect_title
from quotetrace.outlets import normalise as normalise_outlet

_HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)


def looks_like_html(data: bytes | str) -> bool:
    head = data[:2048] if isinstance(data, bytes) else data[:2048].encode("utf-8", "ignore")
    return bool(_HTML_SNIFF.match(head))


def html_to_document(html: str, name: str = "input") -> Document:
    """Reduce a web page to its main text with trafilatura; the headline becomes line one."""
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not body or not body.strip():
        raise InputError(f"{name}: no article text found in the HTML")
    with warnings.catch_warnings():
        # dateutil warns on stderr about zones such as "EST"; the date is still read, to the day.
        warnings.filterwarnings("ignore", message="tzname .* identified but not understood")
        meta = trafilatura.extract_metadata(html)
    title = (meta.title or "").strip() if meta else ""
    body = clean_text(body).strip()
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    sitename = (meta.sitename or "").strip() if meta else ""
    return Document(
        text=text,
        title=title or detect_title(text),
        url=meta.url if meta else None,
        outlet=normalise_outlet(sitename),
        published=meta.date if meta else None,
        author=(meta.author or "").strip() or None if meta else None,
        outlet_raw=sitename or None,
    )
