"""What ``quotetrace extract`` reads: files, folders, globs, web addresses and standard input.

Files and folders go through the reader registry of ``quotetrace.ingest.readers``,
the layer ``ingest`` and ``batch`` read with: a folder is every file of a
known type in it (the readers' walk order), and a corpus file (.jsonl[.gz|.zst],
.warc[.gz], .parquet) is one article per record, turned into a ``Document`` by
``quotetrace.store.sources.to_item`` as ``quotetrace ingest`` does. A .txt or
.html file and a web address are one article each; ``-`` is read by the
readers as ``ingest -`` reads it: JSON lines (one article per record,
"stdin:3") when it starts with a JSON object, else one article.

Pages are fetched with trafilatura's downloader (the same library that reads
the HTML) under a time and size limit; every way a fetch fails becomes one
sentence in an ``InputError`` ("cannot reach example.org: no network or
unknown host"), never a logged traceback.
"""

from __future__ import annotations

import glob
import ipaddress
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from urllib.parse import urlsplit

from quotetrace.errors import InputError, QuotetraceError
from quotetrace.ingest import MAX_INPUT_BYTES, Document, bytes_to_document, read_document
from quotetrace.ingest.items import RawItem, ReadOptions
from quotetrace.ingest.readers import (
    KNOWN_TYPES,
    STDIN,
    STDIN_SOURCE,
    read_article_file,
    read_path,
    reader_for,
    walk,
)

FETCH_TIMEOUT_S = 20
_GLOB_CHARS = frozenset("*?[")


def is_url(spec: str) -> bool:
    return urlsplit(spec).scheme.lower() in ("http", "https")


@dataclass(slots=True)
class Entry:
    """One article to analyse, or why it cannot be: ``error`` is the whole message, saying where."""

    source: str  # the file, address or record ("feed.jsonl:3", "crawl.warc#<id>") it comes from
    document: Document | None = None
    error: str | None = None
    id: str | None = None  # the id the record itself gives (JSON lines, Parquet, WARC)


def expand(specs: list[str]) -> list[str]:
    """Each input once, in the order given: folders become the files of a known type in them
    (the readers' walk order), globs their matches; a missing plain path is kept so that
    reading it says so."""
    out: list[str] = []
    seen: set[str] = set()
    for spec in specs:
        if spec == STDIN or is_url(spec):
            found = [spec]
        elif "://" in spec:
            raise InputError(f"{spec}: only http:// and https:// addresses can be fetched")
        elif Path(spec).is_dir():
            found = [str(p) for p in walk(Path(spec))]
            if not found:
                raise InputError(f"{spec}: no {KNOWN_TYPES} files in this folder")
        elif not Path(spec).exists() and _GLOB_CHARS & set(spec):
            found = sorted(p for p in glob.glob(spec, recursive=True) if Path(p).is_file())
            if not found:
                raise InputError(f"{spec}: no file matches this pattern")
        else:
            found = [spec]
        for f in found:
            key = f if f == STDIN or is_url(f) else os.path.realpath(f)
            if key not in seen:
                seen.add(key)
                out.append(f)
    if out.count(STDIN) > 1:
        raise InputError("standard input (-) can be read only once")
    return out


def is_corpus(spec: str) -> bool:
    """A file the registry reads as many articles (JSON lines, WARC, Parquet), not as one."""
    if spec == STDIN or is_url(spec):
        return False
    path = Path(spec)
    reader = reader_for(path)
    return path.is_file() and reader is not None and reader is not read_article_file


def read_inputs(specs: list[str], encoding: str | None = None) -> Document | Iterator[Entry]:
    """The inputs as one ``Document`` when they are one article (one .txt/.html file, address,
    or standard input that is not JSON lines), whose error is raised: the command's error.
    Anything more is every ``Entry`` in order, as ``entries`` gives them."""
    if specs == [STDIN]:
        # Whether standard input is one article or JSON lines is known only once it is read.
        found = stdin_entries(encoding)
        first = next(found, None)  # a plain input that cannot be read raises here
        if first is None:
            return iter(())
        if first.source == STDIN and first.document is not None:  # not a record "stdin:1"
            return first.document
        return chain([first], found)
    if len(specs) == 1 and not is_corpus(specs[0]):
        return load(specs[0], encoding=encoding)
    return entries(specs, encoding=encoding)


def entries(specs: list[str], encoding: str | None = None) -> Iterator[Entry]:
    """Every article of every input in order; a bad input or record is an ``Entry`` with its error."""
    from quotetrace.pipeline import one_line

    for spec in specs:
        try:
            if is_corpus(spec):
                opts = ReadOptions(encoding=encoding)
                yield from _records(read_path(Path(spec), opts), opts)
            elif spec == STDIN:
                yield from stdin_entries(encoding)
            else:
                yield Entry(spec, load(spec, encoding=encoding))
        except QuotetraceError as exc:
            yield Entry(spec, error=str(exc))
        except Exception as exc:  # a library failing on odd input costs this input only
            yield Entry(spec, error=f"{spec}: {one_line(f'{type(exc).__name__}: {exc}')}")


def stdin_entries(encoding: str | None = None) -> Iterator[Entry]:
    """Standard input through the readers' ``read_stdin``, the rule ``ingest -`` and ``batch``
    follow: JSON lines give one entry per record, as a .jsonl file does ("stdin:3"); anything
    else is one article, the entry "-", whose error (empty, too large, binary) is raised as an
    ``InputError`` that names "standard input", as before."""
    opts = ReadOptions(encoding=encoding)
    found = read_path(Path(STDIN), opts)
    first = next(found, None)
    if first is None:
        return
    if first.source != STDIN_SOURCE:  # "stdin:1": a record of JSON lines
        yield from _records(chain([first], found), opts)
        return
    if first.payload is None:
        raise InputError(f"standard input: {first.error}")
    # The name and no id, as before: a plain article on stdin comes out as it always did.
    document = bytes_to_document(
        first.payload, "standard input", max_bytes=opts.max_bytes, encoding=opts.encoding
    )
    yield Entry(STDIN, document)


def _records(found: Iterator[RawItem], opts: ReadOptions) -> Iterator[Entry]:
    """Each record of a corpus (a file, or JSON lines on stdin) as an ``Entry`` named by where
    it is ("feed.jsonl:3"), converted as ``quotetrace ingest`` converts it."""
    from quotetrace.pipeline import one_line
    from quotetrace.store.sources import to_item

    for raw in found:
        try:
            item = to_item(raw, opts)
        except Exception as exc:  # trafilatura or a decoder failing on one odd record
            item_error = one_line(f"cannot read the article: {type(exc).__name__}: {exc}")
            yield Entry(raw.source, error=f"{raw.source}: {item_error}", id=raw.given_id)
            continue
        document = item.document
        if document is None:
            yield Entry(raw.source, error=f"{raw.source}: {item.error}", id=raw.given_id)
            continue
        document.id = raw.given_id or raw.id_hint
        document.url = item.meta.url or document.url
        document.outlet = item.meta.outlet or document.outlet
        document.published = item.meta.published or document.published
        yield Entry(raw.source, document, id=raw.given_id)


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
