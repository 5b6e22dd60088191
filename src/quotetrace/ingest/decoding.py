"""Bytes to text, and text to the clean string every offset refers to.

Two promises hold for every input path: no code point that cannot be encoded
(a lone surrogate from a JSON escape or a mis-decoded argument) gets past this
module, and no character is silently dropped apart from control characters.
Detection prefers UTF-8, then UTF-16 (with or without a byte-order mark), then
cp1252 for Western text, and only then asks charset-normalizer: short
Western-European texts are otherwise often taken for cp1257 or cp1250.
"""

from __future__ import annotations

import codecs
import re

from quotetrace.errors import InputError

_SURROGATE = re.compile("[\ud800-\udfff]")
# Unicode's control characters (category Cc: U+0000-U+001F, U+007F-U+009F) but the line break
# and the tab; one regex pass instead of a category lookup per character.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
REPLACEMENT = "\ufffd"
# Western text has few words without an ASCII letter ("été", "à"); Cyrillic read as cp1252
# has almost nothing else.
_WESTERN_MAX_SHARE = 0.3
_WORD = re.compile(r"[^\W\d_]+")
# Latin-1 symbols that cp1250/cp1257 letters turn into (³ for ł, ¹ for ą, ¿ for ż), between letters.
_INNER_SYMBOL = re.compile(r"(?<=[^\W\d_])[\xa1-\xa9\xac-\xb0\xb2-\xb6\xb8\xb9\xbc-\xbf](?=[^\W\d_])")


def has_surrogates(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def first_surrogate(text: str) -> int | None:
    match = _SURROGATE.search(text)
    return match.start() if match else None


def scrub_surrogates(text: str) -> str:
    """Each lone surrogate becomes U+FFFD: one code point for one, so offsets do not move."""
    return _SURROGATE.sub(REPLACEMENT, text) if has_surrogates(text) else text


def check_encoding_name(encoding: str | None) -> str | None:
    """The codec's canonical name, or an InputError naming the unknown encoding."""
    if encoding is None:
        return None
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r} (try utf-8, cp1252, latin-1, utf-16)") from None


def decode_bytes(data: bytes, name: str = "input", encoding: str | None = None) -> str:
    """Article bytes as text; ``encoding`` overrides detection (and must then fit the bytes)."""
    if encoding is not None:
        codec = check_encoding_name(encoding)
        assert codec is not None  # a name in, a name out
        try:
            text = data.decode("utf-8-sig" if codec == "utf-8" else codec)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name} is not valid {encoding} (byte {data[exc.start]:#04x} at offset {exc.start})"
            ) from None
        if not text.strip():
            raise InputError(f"{name} is empty")
        return scrub_surrogates(text)
    if not data.strip():
        raise InputError(f"{name} is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name} has a UTF-16 mark but is not valid UTF-16") from exc
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        raise InputError(f"{name} looks like a binary file, not text or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    western = _western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name} is not valid UTF-8 and its encoding could not be detected")
    return str(best)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text written without a mark: every character up to U+00FF (ASCII, spaces,
    Latin-1 letters) leaves a zero in the same half of its two bytes, and text has no zero in
    the other half. Binary data has zeros in both, or text that decodes to control codes."""
    sample = data[:8192]
    if len(data) % 2 or len(sample) < 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.3 * len(zeros) and other.count(0) <= 0.02 * len(other):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return text if not _looks_binary(text.encode("utf-8")) else None
    return None


def _western(data: bytes) -> str | None:
    """The text as cp1252 when it reads as Western-European text, else None.

    Cyrillic or Greek single-byte text read as cp1252 gives words made only of accented
    letters; Central-European text gives symbols inside words ("Za¿ó³æ" for "Zażółć").
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined (0x81, 0x8d, ...)
        return None
    if _INNER_SYMBOL.search(text):
        return None
    words = _WORD.findall(text)
    foreign = sum(1 for w in words if len(w) >= 3 and all(ord(c) > 127 for c in w))
    latin = sum(1 for w in words if any(c.isascii() for c in w))
    return text if foreign <= _WESTERN_MAX_SHARE * latin else None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def clean_text(text: str) -> str:
    """Normalise line endings, blank out control characters and replace lone surrogates.

    Offsets in the output refer to this cleaned text, so the cleaning is
    deliberately minimal: no quote or dash normalisation here. A control character
    (a stray U+0083 in a wire story) becomes a space rather than vanishing, so that in
    text without carriage returns every offset is also an offset into the input.
    """
    text = scrub_surrogates(text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub(" ", text)
