"""One speaker across articles: surnames join full names, groups stay per article, namesakes apart.

Within an article the extractor already gives each speaker a canonical name.
Across articles the store decides which rows are the same speaker:

- a person named by surname only ("Baker") in one article and by full name
  ("Tom Baker") in another is one speaker, whichever article comes first, as
  long as exactly one stored person carries that surname;
- a generic group ("officials", "police") is never merged across articles: each
  article's officials are other people;
- two people with the same name are kept apart when the articles describe them
  with different roles ("Mayor Tom Baker" and "Tom Baker, the actor").

Roles are read from the mentions with the titles and roles lexicons; this
module needs no spaCy.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from functools import lru_cache

from quotetrace.paths import data_file
from quotetrace.records import Article


def name_key(name: str) -> str:
    """Names that differ only in case, accents, spacing or stray punctuation merge."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().replace(".", " ").replace(",", " ").split())


MERGEABLE = ("person", "unknown")


@lru_cache(maxsize=1)
def _lexicon(name: str) -> frozenset[str]:
    lines = data_file(name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.partition("|")[0].strip().rstrip(".") for line in lines if line and line[0] != "#")


def roles_in(mention: str) -> set[str]:
    """Role words of a mention: "Springfield Mayor Tom Baker" -> {"mayor"}."""
    known = _lexicon("titles.txt") | _lexicon("speaker_roles.txt")
    generic = {
        "former",
        "u.s",
        "vice",
        "deputy",
        "assistant",
        "chief",
        "head",
        "co-founder",
        "mr",
        "mrs",
        "ms",
    }
    words = {w.strip(".,'’()").lower() for w in mention.replace(",", " ").split()}
    return {w for w in words if w in known and w not in generic}


def is_group(name: str, kind: str) -> bool:
    return kind == "group" or name_key(name) in _lexicon("speaker_groups.txt")


def article_speakers(conn: sqlite3.Connection, article_id: int, article: Article) -> dict[str, int]:
    """Speaker row ids of one article's speakers, keyed by ``name_key(name)``, created as needed."""
    kinds: dict[str, str] = {}
    roles: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for speaker in article.speakers:
        names.setdefault(name_key(speaker.name), speaker.name)
        kinds[name_key(speaker.name)] = speaker.type
        roles.setdefault(name_key(speaker.name), set()).update(t.lower() for t in speaker.titles)
    for quote in article.quotes:
        if quote.speaker is None:
            continue
        key = name_key(quote.speaker.name)
        names.setdefault(key, quote.speaker.name)
        if kinds.get(key, "unknown") == "unknown":
            kinds[key] = quote.speaker.type
        roles.setdefault(key, set()).update(roles_in(quote.speaker.mention))
    if not _has_roles(conn):
        return {}  # a database not yet migrated to version 4: plain name keys, as before
    ids = {}
    for key, name in names.items():
        if key:
            ids[key] = speaker_row(conn, name, kinds.get(key, "unknown"), roles.get(key, set()), article_id)
    return ids


def _has_roles(conn: sqlite3.Connection) -> bool:
    return any(row[1] == "roles" for row in conn.execute("PRAGMA table_info(speakers)"))


def speaker_row(conn: sqlite3.Connection, name: str, kind: str, roles: set[str], article_id: int) -> int:
    key = name_key(name)
    if is_group(name, kind):
        return _insert(conn, f"{key} @{article_id}", name, "group", roles)
    words = key.split()
    if kind in MERGEABLE and len(words) == 1:
        full = _only_full_name(conn, words[0], roles)
        if full is not None:
            return _merge(conn, full, roles)
    same = _same_name(conn, key, roles)
    if same is not None:
        return _merge(conn, same, roles)
    if kind in MERGEABLE and len(words) > 1:
        lone = conn.execute("SELECT id, roles FROM speakers WHERE key = ?", (words[-1],)).fetchone()
        if lone is not None and _compatible(json.loads(lone[1]), roles) and not _taken(conn, key):
            # The surname was stored first: the full name now names that speaker.
            conn.execute(
                "UPDATE speakers SET key = ?, name = ?, type = ? WHERE id = ?", (key, name, kind, lone[0])
            )
            return _merge(conn, lone[0], roles)
    suffix = (
        1
        + conn.execute(
            "SELECT count(*) FROM speakers WHERE key = ? OR key LIKE ?", (key, f"{key} #%")
        ).fetchone()[0]
    )
    return _insert(conn, key if suffix == 1 else f"{key} #{suffix}", name, kind, roles)


def _compatible(stored: list[str], roles: set[str]) -> bool:
    """Descriptions agree unless both articles gave roles and no role is shared."""
    return not stored or not roles or bool(set(stored) & roles)


def _taken(conn: sqlite3.Connection, key: str) -> bool:
    return conn.execute("SELECT 1 FROM speakers WHERE key = ?", (key,)).fetchone() is not None


def _same_name(conn: sqlite3.Connection, key: str, roles: set[str]) -> int | None:
    rows = conn.execute(
        "SELECT id, roles FROM speakers WHERE key = ? OR key LIKE ? ORDER BY id", (key, f"{key} #%")
    ).fetchall()
    for row_id, stored in rows:
        if _compatible(json.loads(stored), roles):
            return row_id
    return None


def _only_full_name(conn: sqlite3.Connection, surname: str, roles: set[str]) -> int | None:
    rows = conn.execute(
        "SELECT id, key, roles FROM speakers"
        " WHERE type IN ('person', 'unknown') AND (key LIKE ? OR key LIKE ?)",
        (f"% {surname}", f"% {surname} #%"),
    ).fetchall()
    fits = [row_id for row_id, _, stored in rows if _compatible(json.loads(stored), roles)]
    return fits[0] if len(fits) == 1 else None


def _merge(conn: sqlite3.Connection, row_id: int, roles: set[str]) -> int:
    if roles:
        stored = set(
            json.loads(conn.execute("SELECT roles FROM speakers WHERE id = ?", (row_id,)).fetchone()[0])
        )
        if not roles <= stored:
            conn.execute(
                "UPDATE speakers SET roles = ? WHERE id = ?", (json.dumps(sorted(stored | roles)), row_id)
            )
    return row_id


def _insert(conn: sqlite3.Connection, key: str, name: str, kind: str, roles: set[str]) -> int:
    row = conn.execute("SELECT id FROM speakers WHERE key = ?", (key,)).fetchone()
    if row is not None:
        return _merge(conn, row[0], roles)
    return conn.execute(
        "INSERT INTO speakers (key, name, type, roles) VALUES (?, ?, ?, ?) RETURNING id",
        (key, name.strip(), kind, json.dumps(sorted(roles))),
    ).fetchone()[0]
