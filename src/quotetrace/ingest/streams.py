"""Compressed line streams: gzip and Zstandard JSON lines, read without holding a file in memory."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, cast


class _ZstdReader(io.RawIOBase):
    """Zstandard frames as a byte stream that raises EOFError on a cut frame.

    zstandard's own stream reader ends quietly at a truncated frame, which
    would lose the tail of a corpus without a word.
    """

    def __init__(self, path: Path):
        import zstandard

        self._fh = open(path, "rb")  # noqa: SIM115 - closed in close()
        self._dctx = zstandard.ZstdDecompressor()
        self._frame = self._dctx.decompressobj()
        self._in_frame = False
        self._buf = bytearray()

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not self._buf:
            chunk = self._fh.read(1 << 16)
            if not chunk:
                if self._in_frame:
                    raise EOFError("zstd stream ends in the middle of a frame")
                return 0
            self._feed(chunk)
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        del self._buf[:n]
        return n

    def _feed(self, data: bytes) -> None:
        while data:
            self._buf += self._frame.decompress(data)
            self._in_frame = not self._frame.eof
            data = b""
            if self._frame.eof:
                data = self._frame.unused_data
                self._frame = self._dctx.decompressobj()

    def close(self) -> None:
        self._fh.close()
        super().close()


OPENERS: dict[str, Callable[[Path], BinaryIO]] = {
    "": lambda p: open(p, "rb"),  # noqa: SIM115
    ".gz": lambda p: cast(BinaryIO, gzip.open(p, "rb")),  # noqa: SIM115
    ".zst": lambda p: io.BufferedReader(_ZstdReader(p)),
}


def stream_errors() -> tuple[type[BaseException], ...]:
    import zstandard

    return (EOFError, OSError, zlib.error, zstandard.ZstdError)


def lines(fh: BinaryIO, limit: int) -> Iterator[tuple[bytes, bool]]:
    """Lines as bytes; a line longer than ``limit`` is skipped over and flagged, never held."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line, False
            continue
        while line and not line.endswith(b"\n"):
            line = fh.readline(1 << 20)
        yield b"", True


def compression_of(path: Path) -> str:
    suffix = path.suffix.lower()
    return suffix if suffix in OPENERS else ""
