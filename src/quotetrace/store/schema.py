"""The store's schema as an ordered list of versioned migrations.

``PRAGMA user_version`` records the last migration applied. A migration is
only ever appended, never edited once released: a database written by an
older quotetrace is upgraded step by step when it is opened. Migration 2
builds the full-text index apart from the tables so that the upgrade path
(index rebuilt from existing rows) is exercised by the tests.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    sql: str


def _postings(table: str, value: str) -> str:
    """A posting list: the quotes that have a given sketch ``value`` (an LSH band key, a word
    3-gram hash), indexed by quote too (a quote's own values; its rows go with it)."""
    return f"""
        CREATE TABLE {table} (
            {value:<8} INTEGER NOT NULL,
            quote_id INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
            PRIMARY KEY ({value}, quote_id)
        ) WITHOUT ROWID;
        CREATE INDEX {table}_quote ON {table} (quote_id);"""


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, quotes, speakers, aliases, cues, frames",
        """
        CREATE TABLE articles (
            id             INTEGER PRIMARY KEY,
            ext_id         TEXT UNIQUE,           -- the id given at ingest (file name, JSONL id)
            content_hash   TEXT NOT NULL UNIQUE,  -- sha256 of the whitespace-normalised text
            title          TEXT,
            url            TEXT,
            outlet         TEXT,
            published      TEXT,                  -- ISO 8601 date or date-time; NULL when unknown
            published_raw  TEXT,                  -- as given, when it could not be parsed
            source         TEXT,                  -- where it was ingested from (path, path:line)
            text           TEXT NOT NULL,
            n_quotes       INTEGER NOT NULL,
            n_words        INTEGER NOT NULL,
            headline_check TEXT,                  -- JSON, from the framing stage
            balance        TEXT,                  -- JSON, from the framing stage
            article_json   TEXT NOT NULL,         -- Article.to_dict(), to re-render exactly
            ingested_at    TEXT NOT NULL
        );
        CREATE INDEX articles_outlet ON articles (outlet COLLATE NOCASE);
        CREATE INDEX articles_published ON articles (published);

        CREATE TABLE speakers (
            id    INTEGER PRIMARY KEY,
            key   TEXT NOT NULL UNIQUE,  -- normalised canonical name: merges across articles
            name  TEXT NOT NULL          -- the canonical name as first seen
        );
        CREATE TABLE speaker_aliases (
            speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
            key        TEXT NOT NULL,
            alias      TEXT NOT NULL,
            PRIMARY KEY (speaker_id, key)
        ) WITHOUT ROWID;
        CREATE INDEX speaker_aliases_key ON speaker_aliases (key);

        CREATE TABLE article_speakers (
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            speaker_id INTEGER NOT NULL REFERENCES speakers (id),
            quotes     INTEGER NOT NULL,
            words      INTEGER NOT NULL,
            PRIMARY KEY (article_id, speaker_id)
        ) WITHOUT ROWID;
        CREATE INDEX article_speakers_speaker ON article_speakers (speaker_id);

        CREATE TABLE quotes (
            id           INTEGER PRIMARY KEY,
            article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            idx          INTEGER NOT NULL,  -- Quote.id inside its article
            kind         TEXT NOT NULL,
            text         TEXT NOT NULL,
            start_char   INTEGER NOT NULL,
            end_char     INTEGER NOT NULL,
            speaker_id   INTEGER REFERENCES speakers (id),
            mention      TEXT,
            continuation INTEGER NOT NULL,
            confidence   REAL NOT NULL,
            UNIQUE (article_id, idx)
        );
        CREATE INDEX quotes_speaker ON quotes (speaker_id);
        CREATE INDEX quotes_kind ON quotes (kind);

        CREATE TABLE cues (
            quote_id   INTEGER PRIMARY KEY REFERENCES quotes (id) ON DELETE CASCADE,
            text       TEXT NOT NULL,
            lemma      TEXT NOT NULL,
            start_char INTEGER NOT NULL,
            end_char   INTEGER NOT NULL
        );
        CREATE INDEX cues_lemma ON cues (lemma);

        CREATE TABLE frames (
            quote_id     INTEGER PRIMARY KEY REFERENCES quotes (id) ON DELETE CASCADE,
            frame_class  TEXT NOT NULL,
            veridicality REAL,
            markers      TEXT NOT NULL  -- JSON list of Marker records
        );
        CREATE INDEX frames_class ON frames (frame_class);
        """,
    ),
    Migration(
        2,
        "full-text index over quote text (FTS5, bm25 ranking)",
        """
        CREATE VIRTUAL TABLE quotes_fts USING fts5 (
            text,
            content = 'quotes',
            content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
            INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
        END;
        INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
        """,
    ),
    Migration(
        3,
        "quote families across outlets: sketches, links, families (quotetrace.trace)",
        """
        CREATE TABLE trace_quotes (  -- a quote's sketches are made once: ingest twice, trace once
            quote_id INTEGER PRIMARY KEY REFERENCES quotes (id) ON DELETE CASCADE,
            n_words  INTEGER NOT NULL,
            partial  INTEGER NOT NULL
        );"""
        + _postings("trace_bands", "key")
        + _postings("trace_grams", "gram")
        + """
        CREATE TABLE trace_links (
            a     INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
            b     INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
            score REAL NOT NULL,
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID;
        CREATE INDEX trace_links_b ON trace_links (b);
        CREATE TABLE families (
            id             INTEGER PRIMARY KEY,  -- the row id of its first member's quote
            text           TEXT NOT NULL,
            n_members      INTEGER NOT NULL,
            n_outlets      INTEGER NOT NULL,
            first_quote    INTEGER NOT NULL,
            published      TEXT,
            misattribution INTEGER NOT NULL,
            body           TEXT NOT NULL         -- describe() JSON: members, diffs, speakers
        );
        CREATE INDEX families_spread ON families (n_outlets DESC, n_members DESC);
        CREATE TABLE family_members (
            quote_id  INTEGER PRIMARY KEY REFERENCES quotes (id) ON DELETE CASCADE,
            family_id INTEGER NOT NULL REFERENCES families (id) ON DELETE CASCADE
        );
        CREATE INDEX family_members_family ON family_members (family_id);
        """,
    ),
    Migration(
        4,
        "speaker type and roles: surnames join full names, groups per article, namesakes apart",
        """
        ALTER TABLE speakers ADD COLUMN type TEXT NOT NULL DEFAULT 'unknown';
        ALTER TABLE speakers ADD COLUMN roles TEXT NOT NULL DEFAULT '[]';  -- JSON role words seen
        CREATE INDEX speakers_type ON speakers (type);
        """,
    ),
    Migration(
        5,
        "quote families by unit: a mixed quote's fragments are traced apart (#13), so a link "
        "names the fragment (0: the quotation whole) and a quotation can be in several families",
        """
        CREATE TABLE trace_links_units (
            a     INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
            pa    INTEGER NOT NULL,
            b     INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
            pb    INTEGER NOT NULL,
            score REAL NOT NULL,
            PRIMARY KEY (a, pa, b, pb)
        ) WITHOUT ROWID;
        INSERT INTO trace_links_units SELECT a, 0, b, 0, score FROM trace_links;
        DROP TABLE trace_links;
        ALTER TABLE trace_links_units RENAME TO trace_links;
        CREATE INDEX trace_links_b ON trace_links (b);
        CREATE TABLE family_members_units (
            quote_id  INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
            family_id INTEGER NOT NULL REFERENCES families (id) ON DELETE CASCADE,
            PRIMARY KEY (quote_id, family_id)
        ) WITHOUT ROWID;
        INSERT INTO family_members_units SELECT quote_id, family_id FROM family_members;
        DROP TABLE family_members;
        ALTER TABLE family_members_units RENAME TO family_members;
        CREATE INDEX family_members_family ON family_members (family_id);
        """,
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version
OWN_TABLES = frozenset(
    {"articles", "speakers", "speaker_aliases", "article_speakers", "quotes", "cues", "frames"}
)
