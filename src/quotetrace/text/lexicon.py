"""Read the word lists and tables of ``quotetrace/data``, all with one rule.

The rule: a line whose first character is ``#`` is a comment and a blank line is
skipped, anywhere in the file; other lines lose surrounding spaces (never tabs,
which separate columns). A ``.tsv`` table's first remaining line is its header
row, checked against the columns the caller expects, so a file edited out of
shape fails loudly instead of loading its header as data.
"""

from __future__ import annotations

from functools import lru_cache

from quotetrace.paths import data_file


@lru_cache(maxsize=64)
def lines(name: str) -> tuple[str, ...]:
    """The data lines of ``name`` (comments and blank lines removed)."""
    text = data_file(name).read_text(encoding="utf-8")
    out = []
    for raw in text.splitlines():
        if raw.startswith("#"):
            continue
        line = raw.strip(" \r\n")
        if line.strip():
            out.append(line)
    return tuple(out)


def words(name: str) -> frozenset[str]:
    """A one-entry-a-line list as a set."""
    return frozenset(line.strip() for line in lines(name))


def rows(name: str, columns: tuple[str, ...]) -> list[list[str]]:
    """The rows of a tab-separated table whose header names ``columns``."""
    header, *body = lines(name)
    found = tuple(h.strip() for h in header.split("\t"))
    if found != columns:
        raise ValueError(f"{name}: header {found} is not the expected {columns}")
    return [line.split("\t") for line in body]


@lru_cache(maxsize=32)
def word_class(name: str) -> tuple[str, ...]:
    """The words of one class of word_classes.tsv, in file order; a class it lacks is an error."""
    found = tuple(word for word, cls in rows("word_classes.tsv", ("word", "class")) if cls == name)
    if not found:
        raise KeyError(f"word_classes.tsv has no words of class {name!r}")
    return found


def fields(name: str, sep: str = "|") -> list[list[str]]:
    """The lines of a ``word|field|...`` list, split on ``sep``."""
    return [line.split(sep) for line in lines(name)]


@lru_cache(maxsize=4)
def stopwords(user: str) -> frozenset[str]:
    """The stop words of ``user`` ("framing" or "verification") from stopwords.tsv."""
    table = rows("stopwords.tsv", ("word", "used_by"))
    return frozenset(word for word, users in table if user in users.split(","))
