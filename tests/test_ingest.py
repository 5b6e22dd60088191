"""Bad input gets a clear one-line error, good input keeps every character offset-true."""

from __future__ import annotations

import pytest

from quotetrace.errors import InputError
from quotetrace.ingest import bytes_to_document, detect_title, read_document


def test_empty_input():
    with pytest.raises(InputError, match="empty"):
        bytes_to_document(b"  \n ", "x.txt")


def test_binary_input():
    with pytest.raises(InputError, match="binary"):
        bytes_to_document(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "x.png")


def test_too_large_input():
    with pytest.raises(InputError, match="limit"):
        bytes_to_document(b"a" * 101, "big.txt", max_bytes=100)


def test_latin1_is_detected_not_dropped():
    doc = bytes_to_document("Le ministre a déclaré: « Ça suffit », a-t-il dit.".encode("latin-1"))
    assert "déclaré" in doc.text


def test_utf16_with_bom():
    doc = bytes_to_document("“Yes,” she said.".encode("utf-16"))
    assert doc.text == "“Yes,” she said."


def test_crlf_and_control_characters_are_normalised():
    doc = bytes_to_document(b'Title line\r\n\r\n"Yes," she\x07 said.\r\n')
    assert "\r" not in doc.text and "\x07" not in doc.text


def test_control_characters_keep_offsets():
    """A stray control character becomes a space: offsets into the text stay offsets into the
    input (PolNeAR's wire stories carry U+0083, and gold offsets count it)."""
    text = "Officials said the bridge\x83 would reopen.\n"
    doc = bytes_to_document(text.encode("utf-8"))
    assert len(doc.text) == len(text) and doc.text.index("would") == text.index("would")


def test_html_junk_without_article_is_an_error():
    with pytest.raises(InputError, match="no article text"):
        bytes_to_document(b"<html><body><script>var a=1;</script></body></html>", "page.html", kind="html")


def test_html_article_keeps_headline_as_first_line():
    body = " ".join(["The council met on Tuesday to discuss the river plan."] * 8)
    html = (
        "<html><head><title>River deal approved</title></head><body><article>"
        "<h1>River deal approved</h1>"
        f"<p>{body}</p><p>&ldquo;It is done,&rdquo; the mayor said after the vote.</p>"
        "</article></body></html>"
    )
    doc = bytes_to_document(html.encode(), "page.html", kind="html")
    assert doc.title == "River deal approved"
    assert doc.text.startswith("River deal approved")
    assert "“It is done,” the mayor said" in doc.text


def test_read_document_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="folder"):
        read_document(tmp_path)


def test_detect_title():
    assert (
        detect_title("Blinken Defends Ceasefire Push\n\nBody text here.") == "Blinken Defends Ceasefire Push"
    )
    assert detect_title("This is a normal sentence of a body paragraph that goes on.\nMore.") is None
    assert detect_title("Only one line") is None


def test_every_control_character_but_line_break_and_tab_becomes_one_space():
    import sys
    import unicodedata

    from quotetrace.ingest import clean_text

    controls = "".join(chr(i) for i in range(sys.maxunicode + 1) if unicodedata.category(chr(i)) == "Cc")
    assert len(controls) == 65  # Unicode keeps category Cc closed
    cleaned = clean_text(f"Prices{controls}rose")
    assert (
        cleaned
        == "Prices" + "".join(c if c in "\n\t" else " " for c in controls.replace("\r", "\n")) + "rose"
    )
    # Other invisible or unusual characters stay, so offsets and text stay the input's.
    kept = "A\xa0B\u200bC\u2028D\ufeffE é — ’"
    assert clean_text(kept) == kept
    assert clean_text("Line one\r\nLine two\rthree\x85four") == "Line one\nLine two\nthree four"
