"""WARC archives: every HTML response or resource record is one article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from quotetrace.ingest.items import RawItem, ReadOptions


def read_warc(path: Path, id_hint: str, opts: ReadOptions) -> Iterator[RawItem]:
    from warcio.archiveiterator import ArchiveIterator

    count, last = 0, "the start of the file"

    def lost(reason: str) -> RawItem:
        return RawItem.failure(
            f"{path}#after-{count}", f"{path.name}#after-{count}",
            f"truncated or corrupt WARC after {last}: {reason}; the rest of the file is lost",
        )  # fmt: skip

    with open(path, "rb") as fh:
        records = ArchiveIterator(fh)
        try:
            for record in records:
                item = _warc_item(record, path, count + 1, opts)
                if item is None:
                    continue
                if record.raw_stream.limit and item.error is None:
                    # warcio hands out a cut record without complaint: its length tells.
                    yield lost(f"record {item.id_hint} is missing {record.raw_stream.limit} bytes")
                    return
                count += 1
                last = f"record {item.id_hint}"
                yield item
        except Exception as exc:  # warcio raises anything on garbage (even AttributeError)
            yield lost(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            return
        unread = path.stat().st_size - records.offset
        if unread > 0:
            yield lost(f"{unread:,} bytes at the end are not a readable record")
            return
    if count == 0:
        yield RawItem.failure(str(path), path.name, "no HTML response or resource records in it")


def _warc_item(record, path: Path, number: int, opts: ReadOptions) -> RawItem | None:
    """An item for an HTML page; None for records that are not articles (requests, DNS, images)."""
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    if record.rec_type == "response" and (
        headers is None or not (headers.get_statuscode() or "").startswith("2")
    ):
        return None
    ctype = (headers.get_header("Content-Type") or "") if headers else ""
    if "html" not in ctype.lower():
        return None
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    source = f"{path}#{record_id}"
    id_hint = record_id or f"{path.name}#{number}"
    url = record.rec_headers.get_header("WARC-Target-URI")
    meta = {"url": url} if url else {}
    payload = record.content_stream().read(opts.max_bytes + 1)
    if len(payload) > opts.max_bytes:
        return RawItem.failure(
            source, id_hint, f"too large: over the {opts.max_bytes:,}-byte limit for one article"
        )
    return RawItem(source, id_hint, payload, kind="html", meta=meta, given_id=record_id or None)
