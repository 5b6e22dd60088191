"""The words of a quotation and the sketches that find its relatives.

Every quotation is reduced to its *wording*: a direct quote without its marks,
the quoted fragments of a mixed quote joined by an ellipsis (the outlet left
words out between them), an indirect quote's text as printed. Two indexes give
candidate relatives, never a verdict (``relate`` decides):

* MinHash LSH (datasketch MinHash, banded here into int64 keys so that the store
  can keep them in SQLite and the batch can sort them with numpy) over word
  3-grams finds near-duplicates: the same quote trimmed a little, edited, altered
  or stitched.
* Word 3-grams themselves find the longer quotation a short partial quote ("a total
  disaster") is part of: its few shingles are too few for a Jaccard estimate.

Hashes are crc32 of UTF-8 bytes: stable across processes and machines (Python's
``hash`` is salted per process), so the store, the batch and the benchmark agree.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, replace
from functools import lru_cache

from quotetrace.records import Quote
from quotetrace.verify.paraphrase import stopwords
from quotetrace.verify.quotes import fragments, parse_items

NUM_PERM = 64
LSH_THRESHOLD = 0.3  # Jaccard of word 3-grams: one altered word in ten already costs 0.3
SHINGLE = 3
SCHEME = "affine32"  # pinned: band keys kept in a store must not change with a default
SHORT_WORDS = 8  # fewer words: a partial quote, attached through shared 3-grams, never a bridge
MIN_WORDS = 3  # fewer words than this is a term or a scare quote, not a quotation to trace
MAX_WORDS = 150  # longer is an extraction that ran over paragraphs, or a transcript: a hub
MIN_CONTENT_WORDS = 2  # a partial quote of stopwords only ("of the people") proves nothing ...
LONG_ENOUGH = 5  # ... unless it is this long ("I will never eat them again")
TRACED_KINDS = frozenset({"direct", "mixed", "indirect", "term"})
# Quoted words the extractor attributed to nobody ("term": mostly scare quotes and names) are
# traced as a partial quote without a speaker: when they are a sentence this long, as any
# partial quote ("her remark that “there's a special place in hell for women who don't help
# each other”"); shorter, they link only weakly (``cluster.link``: "Second Amendment people").
TERM_WORDS = 8


@dataclass(slots=True)
class QuoteRec:
    """One quotation with what provenance needs; ``key`` is unique across the corpus."""

    key: str  # "<article ext id>#<quote idx>": the same in the store and the batch
    article: str
    kind: str
    text: str  # the quotation as printed
    outlet: str | None = None
    published: str | None = None  # ISO 8601 date or date-time
    url: str | None = None
    speaker: str | None = None
    quote_id: int | None = None  # the store's row id, when there is one
    article_id: int | None = None
    piece: int = 0  # 0: the whole quotation; i >= 1: its i-th quoted fragment (see ``units``)


def wording(kind: str, text: str) -> str:
    """The words an outlet attributes to the speaker, without marks and framing."""
    return " … ".join(pieces(kind, text))


@lru_cache(maxsize=1 << 16)
def pieces(kind: str, text: str) -> tuple[str, ...]:
    """The quoted stretches of a quotation, in order (one for most): what ``wording`` joins.
    Cached: tracing one quotation asks for them several times (``units``, ``split``, ``sketch``)."""
    text = text.replace("''", '"')  # the New York Times marks quotes with two apostrophes
    quote = Quote(id=0, kind=kind, text=text, start=0, end=len(text))  # type: ignore[arg-type]
    if kind in ("direct", "term"):
        # A quotation interrupted by its attribution ("…,” Okafor said. “…”) is its
        # quoted stretches; the outlet's words between them are not the speaker's.
        quote.kind = "mixed"
        parts = [f.text for f in fragments(quote)]
        if len(parts) < 2:
            quote.kind = "direct"  # (a term's marks are stripped as a direct quote's)
            parts = [f.text for f in fragments(quote)]
        if parts:
            return tuple(parts)
    if kind == "mixed":
        parts = [f.text for f in fragments(quote)]
        if parts:
            return tuple(parts)
    return (text.strip(),)


def units(rec: QuoteRec) -> list[QuoteRec]:
    """What is traced of a quotation: itself, and, for a mixed quote whose fragments the
    reporter's own sentence joins (``split``), each fragment on its own too (keys
    ``"<key>/<i>"``, ``piece`` i from 1).

    A sentence of the reporter's can join anything ("called for 'a hell of a lot worse'
    than waterboarding, has said of terrorists that 'you have to take out their
    families'"): each fragment is traced apart, so each can join the family of its own
    utterance, and the quotation whole is traced as a partial quote (it may match
    another outlet's same stitching, never join two families together). Fragments with a
    sentence break between them ("'A,' … told CNN. 'B.'") are a run of the speaker's
    sentences interrupted by the attribution, as a direct quote often is: one unit
    (``cluster.link`` compares its stretches too).
    """
    if not split(rec):
        return [rec]
    kept = [p for p in pieces(rec.kind, rec.text) if traceable_words(words(p))]
    # A fragment is written back between double marks: its wording is the fragment itself.
    return [rec] + [replace(rec, key=f"{rec.key}/{i}", text=f"“{p}”", piece=i) for i, p in enumerate(kept, 1)]


def split(rec: QuoteRec) -> bool:
    """A mixed quote of several fragments joined inside a sentence of the reporter's."""
    if rec.kind != "mixed" or rec.piece:
        return False
    parts = pieces(rec.kind, rec.text)
    return len(parts) > 1 and _reporter_joined(rec.text.replace("''", '"'), parts)


def quotation_key(key: str) -> str:
    """The key of the quotation a unit's key belongs to ("a#7/2" -> "a#7")."""
    head, sep, tail = key.rpartition("#")
    return f"{head}{sep}{tail.split('/', 1)[0]}" if sep else key


_SENTENCE_END = re.compile(r"[.!?…]")


def _reporter_joined(text: str, parts: tuple[str, ...]) -> bool:
    """Whether some two consecutive fragments are joined inside one sentence of the reporter's
    (no sentence end in the first fragment's last character or in the words between)."""
    at = text.find(parts[0])
    for prev, part in zip(parts, parts[1:], strict=False):
        nxt = text.find(part, at + len(prev)) if at >= 0 else -1
        if nxt < 0:
            return False  # not found as printed: leave the quotation whole
        gap = text[at + len(prev) : nxt]
        if not _SENTENCE_END.search(prev[-1:] + gap):
            return True
        at = nxt
    return False


@lru_cache(maxsize=1 << 16)
def words(text: str) -> tuple[str, ...]:
    """Folded words (no ellipses or brackets): what shingles and word counts are made of.
    Cached: a quotation's words are asked for once per candidate pair it is in."""
    return tuple(it.norm for it in parse_items(text) if it.is_word)


def content_words(ws: tuple[str, ...]) -> int:
    stop = stopwords()
    return sum(1 for w in ws if w not in stop and len(w) > 1)


def traceable(rec: QuoteRec) -> bool:
    if rec.kind not in TRACED_KINDS:
        return False
    return traceable_words(words(wording(rec.kind, rec.text)))


def traceable_words(ws: tuple[str, ...]) -> bool:
    if not MIN_WORDS <= len(ws) <= MAX_WORDS:
        return False
    return len(ws) >= LONG_ENOUGH or content_words(ws) >= MIN_CONTENT_WORDS


def is_partial(kind: str, n_words: int) -> bool:
    """Partial quotes, paraphrases and unattributed quoted words join a family but never
    join two families together."""
    return kind in ("indirect", "term") or n_words < SHORT_WORDS


def shingles(ws: tuple[str, ...]) -> list[bytes]:
    if len(ws) < SHINGLE:
        return [" ".join(ws).encode()] if ws else []
    return [" ".join(ws[i : i + SHINGLE]).encode() for i in range(len(ws) - SHINGLE + 1)]


def gram_keys(ws: tuple[str, ...]) -> list[int]:
    """Distinct signed 3-gram hashes (SQLite integers are signed)."""
    return sorted({_signed(zlib.crc32(s)) for s in shingles(ws)})


def anchor_keys(ws: tuple[str, ...]) -> list[int]:
    """The first and the last 3-gram: a quotation inside a longer one, whole or edited in
    the middle, has both; one of them survives an edit at either end."""
    sh = shingles(ws)
    return sorted({_signed(zlib.crc32(sh[0])), _signed(zlib.crc32(sh[-1]))}) if sh else []


def _signed(h: int) -> int:
    return h - (1 << 32) if h >= 1 << 31 else h


@lru_cache(maxsize=1)
def lsh_params() -> tuple[int, int]:
    """(bands, rows) that datasketch's MinHashLSH would choose for this threshold."""
    # Imported here: datasketch's LSH module loads scipy (two seconds), which a query
    # (``quotetrace trace TEXT``) never needs.
    from datasketch.lsh import _optimal_param

    return _optimal_param(LSH_THRESHOLD, NUM_PERM, 0.5, 0.5)


@lru_cache(maxsize=1)
def _seed_minhash():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, scheme=SCHEME)


def band_keys(ws: tuple[str, ...]) -> list[int]:
    """One int64 key per LSH band: two quotes sharing any key are candidates."""
    sh = shingles(ws)
    if not sh:
        return []
    seed = _seed_minhash()
    # Reusing the seed's permutations: building them is dearer than hashing a quote.
    m = type(seed)(num_perm=NUM_PERM, hashfunc=zlib.crc32, permutations=seed.permutations, scheme=SCHEME)
    m.update_batch(sh)
    return bands_of(m.hashvalues)


def bands_of(hashvalues) -> list[int]:
    import numpy as np

    b, r = lsh_params()
    hv = hashvalues[: b * r].astype(np.uint64).reshape(b, r)
    keys = np.arange(1, b + 1, dtype=np.uint64)  # the band number: equal rows of two bands differ
    for j in range(r):  # a polynomial hash over the band's rows, wrapping at 2**64
        keys = keys * np.uint64(0x9E3779B97F4A7C15) + hv[:, j]
    keys ^= keys >> np.uint64(29)
    return [int(k) for k in keys.view(np.int64)]
