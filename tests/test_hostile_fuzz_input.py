"""Property tests (hypothesis) for the input layer: whatever the bytes, a reader returns text
that every encoder accepts, or one InputError / one failed record, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotetrace.errors import InputError
from quotetrace.ingest import bytes_to_document, clean_text, decode_bytes
from quotetrace.ingest.items import ReadOptions
from quotetrace.ingest.readers import _jsonl_item, record_item
from quotetrace.pipeline import Analyser
from quotetrace.store import Store
from test_store_fixtures import FakeExtractor

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Text as JSON and Python hand it over: any code point, lone surrogates included.
ANY_TEXT = st.text(alphabet=st.characters(codec=None, categories=None), max_size=300)
SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
WORDS = ["déjà", "vu", "café", "crème", "naïve", "Straße", "über", "señor", "año", "été", "Noël",
         "garçon", "the", "minister", "said", "a", "déclaré", "Zürich", "«", "»", "“", "”", "–", "…"]  # fmt: skip
# Western text as it comes: mostly ASCII words, some accented ones, typographic punctuation.
WESTERN = st.lists(st.sampled_from(WORDS), min_size=3, max_size=40).map(" ".join)


def encodable(text: str) -> None:
    text.encode("utf-8")  # raises on a lone surrogate


@FUZZ
@given(st.binary(max_size=2_000))
def test_any_bytes_decode_to_encodable_text_or_one_input_error(data):
    try:
        encodable(decode_bytes(data, "x"))
    except InputError as exc:
        assert "\n" not in str(exc)


@FUZZ
@given(st.binary(max_size=600), st.sampled_from(["text", "html", None]))
def test_any_bytes_become_a_document_or_one_input_error(data, kind):
    try:
        doc = bytes_to_document(data, "x", kind=kind)
    except InputError:
        return
    encodable(doc.text)


@FUZZ
@given(
    WESTERN.filter(lambda t: t.strip() and sum(c.isascii() for c in t) >= len(t) / 2),
    st.sampled_from(["utf-8", "cp1252", "latin-1", "utf-16", "utf-16-le"]),
)
def test_western_text_reads_back_the_same_from_any_encoding(text, codec):
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:  # latin-1 has no curly quotes or dashes
        return
    decoded = decode_bytes(data)
    assert decoded.replace("\r", "") == text or decoded == text


@FUZZ
@given(st.lists(st.one_of(ANY_TEXT, SURROGATES), max_size=20).map("".join))
def test_clean_text_is_encodable_and_keeps_offsets_for_printable_text(text):
    cleaned = clean_text(text)
    encodable(cleaned)
    if all(c.isprintable() for c in text):
        assert len(cleaned) == len(text)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(ANY_TEXT, children, max_size=3),
    max_leaves=8,
)
RECORDS = st.fixed_dictionaries(
    {}, optional={k: JSON_VALUES for k in ("id", "text", "html", "title", "url", "outlet", "published")}
)


@FUZZ
@given(RECORDS)
def test_any_record_is_an_article_or_one_failure(record):
    item = record_item(record, "feed.jsonl:1", "feed.jsonl:1", ReadOptions())
    assert (item.payload is None) == (item.error is not None)
    if item.payload is not None:
        item.payload.decode("utf-8")
    for value in [item.id_hint, *item.meta.values()]:
        encodable(value)


@FUZZ
@given(st.binary(max_size=300))
def test_any_line_is_an_article_or_one_failure(raw):
    item = _jsonl_item(raw, Path("feed.jsonl"), 1, ReadOptions())
    assert (item.payload is None) == (item.error is not None)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(RECORDS, min_size=1, max_size=8))
def test_ingest_accounts_for_every_line_and_never_raises(tmp_path_factory, records):
    folder = tmp_path_factory.mktemp("fuzz")
    src = folder / "feed.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with Store.open(folder / "q.db", create=True) as s:
        report = s.ingest([str(src)], analyser=Analyser(extractor=FakeExtractor(), frame=False))
    assert report.stored + report.duplicates + len(report.failed) == len(records)
