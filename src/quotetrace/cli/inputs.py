"""What ``quotetrace extract`` reads: files, folders, globs, web addresses and standard input.

Pages are fetched with trafilatura's downloader (the same library that reads
the HTML) under a time and size limit; every way a fetch fails becomes one
sentence in an ``InputError`` ("cannot reach example.org: no network or
unknown host"), never a logged traceback.
"""

from __future__ import annotations

import glob
import ipaddress
import logging
from contextlib import contextmanager
from copy import deepcopy
from pathlib import Path
from urllib.parse import urlsplit

from quotetrace.errors import InputError
from quotetrace.ingest import MAX_INPUT_BYTES, Document, bytes_to_document, read_document

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml")
FETCH_TIMEOUT_S = 20
_GLOB_CHARS = frozenset("*?[")


def is_url(spec: str) -> bool:
    return urlsplit(spec).scheme.lower() in ("http", "https")


def expand(specs: list[str]) -> list[str]:
    """Each input once, in the order given: folders become their article files (sorted),
    globs their matches; a missing plain path is kept so that reading it says so."""
    out: list[str] = []
    for spec in specs:
        if spec == "-" or is_url(spec):
            found = [spec]
        elif "://" in spec:
            raise InputError(f"{spec}: only http:// and https:// addresses can be fetched")
        elif Path(spec).is_dir():
            found = sorted(
                str(p) for p in Path(spec).rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
            if not found:
                raise InputError(f"{spec}: no .txt or .html files in this folder")
        elif not Path(spec).exists() and _GLOB_CHARS & set(spec):
            found = sorted(p for p in glob.glob(spec, recursive=True) if Path(p).is_file())
            if not found:
                raise InputError(f"{spec}: no file matches this pattern")
        else:
            found = [spec]
        out.extend(f for f in found if f not in out)
    if out.count("-") > 1:
        raise InputError("standard input (-) can be read only once")
    return out


def load(spec: str, encoding: str | None = None, timeout: float = FETCH_TIMEOUT_S) -> Document:
    """One input as a Document: fetched when it is a web address, else read."""
    if is_url(spec):
        return fetch_document(spec, timeout=timeout, encoding=encoding)
    return read_document(spec, encoding=encoding)


def fetch_document(
    url: str, timeout: float = FETCH_TIMEOUT_S, max_bytes: int = MAX_INPUT_BYTES, encoding: str | None = None
) -> Document:
    from trafilatura.downloads import fetch_response
    from trafilatura.settings import DEFAULT_CONFIG

    config = deepcopy(DEFAULT_CONFIG)
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(max(1, round(timeout))))
    config.set("DEFAULT", "MAX_FILE_SIZE", str(max_bytes))
    # A bad certificate is an error, not a reason to read the page unverified.
    config.set("DEFAULT", "INSECURE_SSL_FALLBACK", "false")
    host = urlsplit(url).hostname or url
    # trafilatura refuses private addresses (a guard for servers fetching what strangers send);
    # here the user typed the address, and "localhost" or 10.0.0.5 is what they meant.
    config.set("DEFAULT", "SSRF_PROTECTION", "false" if _local(host) else "true")
    with _captured("trafilatura") as messages:
        try:
            response = fetch_response(url, config=config)
        except Exception as exc:  # the downloader's own guard missed one: still one sentence
            messages.append(f"{type(exc).__name__}: {exc}")
            response = None
    if response is None or response.data is None:
        raise InputError(f"{url}: {_reason(' '.join(messages), host, timeout, max_bytes)}")
    if response.status >= 400:
        raise InputError(f"{url}: the server answered HTTP {response.status}")
    content_type = str((response.headers or {}).get("content-type", "")).lower()
    kind = "html" if "html" in content_type else "text" if content_type.startswith("text/plain") else None
    document = bytes_to_document(bytes(response.data), url, kind=kind, max_bytes=max_bytes, encoding=encoding)
    document.url = document.url or response.url or url
    document.id = document.id or url
    return document


def _local(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return not ipaddress.ip_address(host).is_global
    except ValueError:
        return False


def _reason(message: str, host: str, timeout: float, max_bytes: int) -> str:
    text = message.lower()
    if "max_file_size" in text or "too large" in text:
        return f"the page is over the {max_bytes:,}-byte limit for one article"
    if any(s in text for s in ("name resolution", "failed to resolve", "name or service", "nodename")):
        return f"cannot reach {host}: no network, or the host name is unknown"
    if "refused" in text:
        return f"{host} refused the connection"
    if "timed out" in text or "timeout" in text:
        return f"no answer from {host} within {timeout:g} seconds"
    if "network is unreachable" in text or "no route" in text:
        return f"cannot reach {host}: the network is unreachable"
    if "non-public address" in text:
        return f"{host} leads to a private network address; give that address itself to fetch it"
    if "ssl" in text or "certificate" in text:
        return f"the secure connection to {host} failed"
    if message:
        return "could not be fetched (" + " ".join(message.split())[:200] + ")"
    return "could not be fetched (empty or unreadable response)"


@contextmanager
def _captured(logger_name: str):
    """The library's log messages, collected instead of printed (they become the error's reason)."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                messages.append(record.getMessage())

    logger = logging.getLogger(logger_name)
    handler, propagate = Collect(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
