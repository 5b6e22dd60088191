"""Quotation marks for the extractor: the scanner lives in ``quotetrace.text.quotes``."""

from quotetrace.text.quotes import (
    ALL_MARKS,
    DOUBLE_MARKS,
    SINGLE_MARKS,
    QuotedSpan,
    find_double_quotes,
    find_quotations,
    find_single_quotes,
    paragraphs,
)

__all__ = [
    "ALL_MARKS",
    "DOUBLE_MARKS",
    "SINGLE_MARKS",
    "QuotedSpan",
    "find_double_quotes",
    "find_quotations",
    "find_single_quotes",
    "paragraphs",
]
