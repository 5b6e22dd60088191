"""What every corpus reader yields: raw article bytes with what the input says about them."""

from __future__ import annotations

from dataclasses import dataclass, field

from quotetrace.ingest.document import MAX_INPUT_BYTES


@dataclass(slots=True)
class ReadOptions:
    text_field: str = "text"
    id_field: str = "id"
    html_field: str = "html"
    max_bytes: int = MAX_INPUT_BYTES
    encoding: str | None = None  # of article files and WARC pages; None detects it
    # Rows of `quotetrace batch` output (with article_json) come as kind "article" instead
    # of being read as article text: the store takes them without running spaCy again.
    analysed_rows: bool = False


@dataclass(slots=True)
class RawItem:
    """One article before decoding. ``payload`` is None exactly when ``error`` is set.

    ``id_hint`` is the id the input gives (an id field, a WARC record id), else
    the file name, else ``file:line``; the partitioner makes it unique.
    ``given_id`` is the id the input itself gives (None for a JSON line without
    one), which the store keys on.
    """

    source: str
    id_hint: str
    payload: bytes | None
    kind: str | None = None  # "text", "html", "article" (analysed already) or None to sniff
    meta: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    id: str = ""  # final, de-duplicated id; assigned by the partitioner
    given_id: str | None = None
    upstream_failure: bool = False  # a row `quotetrace batch` itself could not analyse

    @classmethod
    def failure(cls, source: str, id_hint: str, error: str, upstream: bool = False) -> RawItem:
        return cls(source=source, id_hint=id_hint, payload=None, error=error, upstream_failure=upstream)
