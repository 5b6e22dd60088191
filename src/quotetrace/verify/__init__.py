"""Verify quotes against their source: verbatim, edited, altered, stitched or not found.

``verify_quotes(quotes, sources)`` takes ``records.Quote`` records (from
``quotetrace extract`` or built by hand) and ``Source`` records, and returns
one ``Verification`` per quote (per quoted fragment of a mixed quote). It is
pure Python over rapidfuzz: no spaCy, no files. See docs/verify.md.
"""

from quotetrace.verify.core import verify_quotes
from quotetrace.verify.result import STATUSES, SourcePiece, Verification, WordEdit
from quotetrace.verify.source import Source
from quotetrace.verify.turns import Turn

__all__ = [
    "STATUSES",
    "Source",
    "SourcePiece",
    "Turn",
    "Verification",
    "WordEdit",
    "verify_quotes",
]
