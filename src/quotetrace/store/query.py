"""Turn what a user types into a safe FTS5 query.

Users type words, "quoted phrases", prefixes (ceasefir*) and the operators
AND / OR / NOT. Everything else FTS5 would read as syntax (column filters,
NEAR, parentheses, stray quotes, hyphens) is taken literally, so no input
can make the query fail to parse.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_OPERATORS = frozenset({"AND", "OR", "NOT"})
_WORDISH = re.compile(r"\w")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # FTS5 reads a NUL as the end of the string


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def to_fts_query(user_query: str) -> str | None:
    """An FTS5 MATCH expression, or None when nothing searchable is left."""
    parts: list[tuple[str, str]] = []  # (kind, text): kind is "term" or "op"
    for match in _TOKEN.finditer(_CONTROL.sub(" ", user_query or "")):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            if _WORDISH.search(phrase):
                parts.append(("term", _phrase(phrase.strip())))
        elif word in _OPERATORS:
            parts.append(("op", word))
        else:
            prefix = word.endswith("*")
            core = word.rstrip("*")
            if not _WORDISH.search(core):
                continue
            parts.append(("term", _phrase(core) + ("*" if prefix else "")))
    out: list[str] = []
    pending_op: str | None = None
    for kind, text in parts:
        if kind == "op":
            # An operator only binds two terms; a leading, trailing or doubled one is dropped.
            pending_op = text if out else None
            continue
        if pending_op:
            out.append(pending_op)
            pending_op = None
        out.append(text)
    return " ".join(out) or None
