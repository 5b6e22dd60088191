"""Web pages: is this HTML, and what is the article in it."""

from __future__ import annotations

import re
import warnings
from functools import lru_cache

from quotetrace.errors import InputError
from quotetrace.ingest.decoding import clean_text
from quotetrace.ingest.record import Document, detect_title
from quotetrace.outlets import normalise as normalise_outlet
from quotetrace.paths import data_file

_HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)


def looks_like_html(data: bytes | str) -> bool:
    head = data[:2048] if isinstance(data, bytes) else data[:2048].encode("utf-8", "ignore")
    return bool(_HTML_SNIFF.match(head))


@lru_cache(maxsize=1)
def _furniture() -> re.Pattern[str]:
    lines = data_file("web_boilerplate.txt").read_text(encoding="utf-8").splitlines()
    patterns = [line for line in lines if line and not line.startswith("#")]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _drop_furniture(body: str) -> str:
    """Lines that trafilatura keeps but a reader skips: "- Share this", "Read more: ...", credits."""
    furniture = _furniture()
    return "\n".join(line for line in body.split("\n") if not furniture.fullmatch(line.strip()))


def html_to_document(html: str, name: str = "input") -> Document:
    """Reduce a web page to its main text with trafilatura; the headline becomes line one."""
    import trafilatura

    # Precision over recall: share bars, headline repeats and link teasers are not the article.
    body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not body or not body.strip():
        body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    body = _drop_furniture(body or "")
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
