"""Are two quotations the same utterance, and how does one differ from the other?

The decision reuses the verifier (quotetrace.verify): the shorter wording is
aligned, as a quote, against the longer one, as its source. The aligner already
knows trimmed passages (a quote is a part of its source), marked edits
(brackets, ellipses), unmarked word changes and quotes stitched from separate
passages, and refuses chance matches of stock phrases. Indirect quotes are
compared with the verifier's paraphrase scorer instead. Pure functions: no I/O.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from quotetrace.records import Quote
from quotetrace.trace.wording import words
from quotetrace.verify.core import verify_quotes
from quotetrace.verify.paraphrase import NEGATIONS, best_sentence, stopwords
from quotetrace.verify.result import Verification
from quotetrace.verify.source import Source

RELATIONS = ("verbatim", "trimmed", "edited", "altered", "stitched", "paraphrase")
ALIGNED = frozenset({"verbatim", "edited", "altered", "stitched"})
PARTIAL_STATUSES = frozenset({"verbatim", "edited"})  # a short quote must match this closely ...
PARTIAL_ALTERED_SCORE = 0.8  # ... or differ by about one word in six ("ISIS's" / "ISIS'")
LINK_ALTERED_SCORE = 0.75  # unmarked word changes: at most about one word in four
LINK_STITCHED_SCORE = 0.85
MIN_STITCH_PIECE_WORDS = 3
PREFILTER_SCORE = 0.55  # under the aligner's 0.6, to allow for bracketed words
MIN_PARAPHRASE = 0.72  # paraphrase score that joins an indirect quote to a family


@dataclass(slots=True)
class Relation:
    relation: str
    score: float
    diff: list[dict] = field(default_factory=list)


@lru_cache(maxsize=4096)
def _source(text: str) -> Source:
    return Source(text=text, name="first")


def _align(quote_text: str, source_text: str) -> Verification:
    quote = Quote(id=0, kind="direct", text=quote_text, start=0, end=len(quote_text))
    return verify_quotes([quote], [_source(source_text)])[0]


def _paraphrase(text: str, other: str) -> float:
    match = best_sentence(text, _source(other))
    return 0.0 if match is None or match.negation_differs else min(1.0, match.score)


def same_utterance(
    a_kind: str, a: str, b_kind: str, b: str, partial: bool, strict: bool = False
) -> float | None:
    """A score in (0, 1] when wordings ``a`` and ``b`` are one utterance, else None.

    ``partial``: one of them is a partial quote or a paraphrase, which must match
    closely (verbatim or with marked edits only) since it has few words to go on.
    ``strict``: only verbatim or marked edits will do (outlets name different speakers:
    a shared stock phrase must not make one utterance of two).
    """
    if a_kind == "indirect" or b_kind == "indirect":
        if a_kind == "indirect" and b_kind == "indirect":
            return None  # two paraphrases sharing words are too weak a link
        text, other = (a, b) if a_kind == "indirect" else (b, a)
        score = _paraphrase(text, other)
        return score if score >= MIN_PARAPHRASE else None
    wa, wb = words(a), words(b)
    short, long = (a, b) if len(wa) <= len(wb) else (b, a)
    ws, wl = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if _contained(ws, wl):
        return 1.0  # what the aligner says of the same words in a row, without aligning
    shared = (Counter(ws) & Counter(wl)).total()
    if 2 * shared < PREFILTER_SCORE * (len(ws) + shared):
        return None  # even matching every shared word would score under the aligner's minimum
    v = _align(short, long)
    if v.status not in ALIGNED or (strict and v.status not in PARTIAL_STATUSES):
        return None
    if partial and v.status not in PARTIAL_STATUSES:
        changes = _changes(v)  # "a hell of a lot worse" is not "a hell of a lot more difficult"
        if changes == "content" or (changes == "function" and v.score < PARTIAL_ALTERED_SCORE):
            return None
    if v.status == "altered" and v.score < LINK_ALTERED_SCORE:
        return None
    if v.status == "stitched" and (
        v.score < LINK_STITCHED_SCORE
        or any(len(words(p.quote_text)) < MIN_STITCH_PIECE_WORDS for p in v.pieces)
    ):
        return None  # stock phrases of a long quotation can be strung into almost anything
    return max(v.score, 1e-6)


def _changes(v: Verification) -> str:
    """What an altered match changes: "spelling" only ("ISIS's" for "ISIS'"), "function"
    words ("that" for "the", an added "a"), or "content" (a word of meaning, a negation, a
    jump). A partial quote has too few words to lose a content word or gain a negation
    ("not a good thing" / "a good thing") and stay itself."""
    stop, worst = stopwords(), "spelling"
    for op in v.diff:
        if op.op == "equal":
            continue
        if op.op == "jump":
            return "content"
        source, quote = words(op.source), words(op.quote)
        if [_spelling(w) for w in source] == [_spelling(w) for w in quote]:
            continue
        changed = (Counter(source) - Counter(quote)) + (Counter(quote) - Counter(source))
        if any(w not in stop or w in NEGATIONS or w.endswith("n't") for w in changed):
            return "content"
        worst = "function"
    return worst


def _spelling(word: str) -> str:
    """A word without its possessive ending ("isis's", "isis'") or hyphens."""
    word = word.replace("’", "'").replace("-", "")
    return word[:-2] if word.endswith("'s") else word.rstrip("'")


def _contained(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return bool(short) and f" {' '.join(short)} " in f" {' '.join(long)} "


def relation(member_kind: str, member: str, first_kind: str, first: str) -> Relation:
    """How ``member`` words the utterance compared with the family's ``first`` member."""
    if member_kind == "indirect" or first_kind == "indirect":
        return Relation("paraphrase", _paraphrase(member, first) if member_kind == "indirect"
                        else _paraphrase(first, member), [])  # fmt: skip
    if len(words(member)) <= len(words(first)):
        rel = _aligned(member, first)
    else:  # the member says more than the first: align the first inside it, then turn round
        rel = _aligned(first, member)
        if rel is not None:
            rel.diff = [_flip(op) for op in rel.diff]
    if rel is not None:
        return rel
    score = _paraphrase(member, first)
    return Relation("paraphrase", score, [{"op": "replace", "first": first, "text": member}])


def _aligned(short: str, long: str) -> Relation | None:
    v = _align(short, long)
    if v.status not in ALIGNED:
        return None
    diff = _diff(v)
    if v.status == "verbatim":
        head, tail = _untouched(long, v)
        return Relation("trimmed" if head or tail else "verbatim", v.score, head + diff + tail)
    return Relation(v.status, v.score, diff)


def _diff(v: Verification) -> list[dict]:
    out = []
    for op in v.diff:
        item = {"op": op.op, "first": op.source, "text": op.quote}
        if op.kind and op.kind != "word":
            item["kind"] = op.kind
        out.append(item)
    return out


def _untouched(source: str, v: Verification) -> tuple[list[dict], list[dict]]:
    """The source words before and after the passage a verbatim quote matches: what it trims."""
    if v.source_start is None or v.source_end is None:
        return [], []
    before, after = source[: v.source_start].strip(), source[v.source_end :].strip(" .,;:")
    head = [{"op": "delete", "first": before, "text": ""}] if words(before) else []
    tail = [{"op": "delete", "first": after, "text": ""}] if words(after) else []
    return head, tail


def _flip(op: dict) -> dict:
    flipped = {"delete": "insert", "insert": "delete"}.get(op["op"], op["op"])
    out = {"op": flipped, "first": op["text"], "text": op["first"]}
    if "kind" in op:
        out["kind"] = op["kind"]
    return out
