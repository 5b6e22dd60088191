"""Editorial markers around a quote: evaluative adverbs and phrases, intensifiers, hedges,
negation of the cue, and scare quotes.

Markers are the writer's, so they are only looked for in the writer's text of
the sentence(s) holding the cue and the quote: never inside quotation marks
(the speaker's own words). Inside a paraphrase (indirect content) evaluative
words and attribution hedges ("reportedly") still count, but Hyland's epistemic
hedges ("may", "probably") there are the speaker's and are skipped.
Intensifiers and negation only count next to the cue, where they modify the
reporting verb ("flatly denied", "did not deny").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from quotetrace.frame.lexicon import adverbs, editorial_phrases, hedges
from quotetrace.records import Article, Marker, Quote
from quotetrace.text.quotes import quoted_segments
from quotetrace.text.sentences import sentence_at, sentences
from quotetrace.text.tokens import WORD

NEAR_CUE = 2  # tokens before the cue that may modify it ("has repeatedly claimed")
CUE_BOUND = frozenset({"intensifier", "negation"})
CUE_MODIFIERS = CUE_BOUND | {"evaluative"}  # kinds that may stand inside the cue's own span
NEGATIONS = frozenset(
    ["not", "never"]
    + [
        f"{w}n{a}t"
        for w in [
            "did",
            "does",
            "do",
            "has",
            "have",
            "had",
            "was",
            "were",
            "is",
            "are",
            "could",
            "would",
            "should",
            "wo",
            "ca",
            "must",
            "need",
        ]
        for a in "'’"
    ]
)
SPEAKER_HEDGE_SOURCE = "hyland2005"


class Spans:
    """Sorted, possibly overlapping character spans with a fast membership test."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        return start in self or (end - 1) in self


@dataclass(slots=True)
class ArticleIndex:
    """What marker search needs about an article, computed once in one pass over the text."""

    text: str
    sentences: list[tuple[int, int]]
    verbatim: Spans  # inside quotation marks
    paraphrase: Spans  # indirect content, and the unquoted part of mixed quotes
    token_starts: list[int]  # every word token of the text
    hits: list[tuple[int, Marker]]  # (token index, marker) of every lexicon hit, by position
    hit_starts: list[int]


def fragment_spans(quote: Quote) -> list[tuple[int, int]]:
    """The quote's content pieces: '"A," she said, "B."' is two, "she said," is the writer's."""
    return [(f.start, f.end) for f in quote.fragments]


def verbatim_spans(text: str, quote: Quote) -> list[tuple[int, int]]:
    if quote.kind in ("direct", "term"):
        return fragment_spans(quote)
    if quote.kind == "mixed":
        return [seg for s, e in fragment_spans(quote) for seg in quoted_segments(text, s, e)]
    return []


def index_article(article: Article) -> ArticleIndex:
    text = article.text
    # Anything in quotation marks is not the writer's voice, quoted speech or not.
    verbatim, paraphrase = quoted_segments(text), []
    for q in article.quotes:
        verbatim += verbatim_spans(text, q)
        if q.kind in ("indirect", "mixed"):
            paraphrase += fragment_spans(q)
    index = ArticleIndex(text, sentences(text), Spans(verbatim), Spans(paraphrase), [], [], [])
    hits = [(i, m) for i, m in _lexicon_hits(index) if not index.verbatim.overlaps(m.start, m.end)]
    hits.sort(key=lambda h: (h[1].start, -(h[1].end - h[1].start)))
    index.hits = hits
    index.hit_starts = [m.start for _, m in hits]
    return index


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    return frozenset(adverbs()) | frozenset(editorial_phrases()) | frozenset(hedges()) | NEGATIONS


def _lexicon_hits(index: ArticleIndex) -> list[tuple[int, Marker]]:
    """Every adverb, negation, phrase and hedge in the text, in one pass over its words.

    Also fills ``index.token_starts``. The loop does one set lookup per word: a
    regex alternation over the lexicons is ten times slower in CPython.
    """
    text, starts, triggers = index.text, index.token_starts, _triggers()
    lowered = text.lower()
    same = len(lowered) == len(text)  # lowering rarely changes the length ("İ")
    out = []
    for i, m in enumerate(WORD.finditer(lowered if same else text)):
        starts.append(m.start())
        low = m.group() if same else m.group().lower()
        if low in triggers:
            out += _hits_at(index, i, m.start(), m.end(), low.replace("’", "'"))
    return out


def _hits_at(index: ArticleIndex, i: int, start: int, end: int, low: str) -> list[tuple[int, Marker]]:
    text = index.text
    out = []
    entry = adverbs().get(low)
    if entry is not None:
        out.append((i, Marker(entry[0], text[start:end], start, end, entry[1])))
    elif low in NEGATIONS:
        out.append((i, Marker("negation", text[start:end], start, end, "quotetrace")))
    for kind, pattern in editorial_phrases().get(low, ()):
        found = pattern.match(text, start)
        if found:
            out.append((i, Marker(kind, found.group(), start, found.end(), "quotetrace")))
    for hedge, source in hedges().get(low, ()):
        stop = start + len(hedge)
        if text[start:stop].lower() == hedge and not text[stop : stop + 1].isalnum():
            if not text[start].isupper() or _sentence_initial(index, start):  # not "May" the month
                out.append((i, Marker("hedge", text[start:stop], start, stop, source)))
            break
    return out


def region(index: ArticleIndex, quote: Quote) -> tuple[int, int]:
    """The sentences spanned by the quote and its cue."""
    lo, hi = quote.start, max(quote.end - 1, quote.start)
    if quote.cue:
        lo, hi = min(lo, quote.cue.start), max(hi, quote.cue.end - 1)
    first = index.sentences[sentence_at(index.sentences, lo)]
    last = index.sentences[sentence_at(index.sentences, hi)]
    return first[0], last[1]


def quote_markers(index: ArticleIndex, quote: Quote) -> list[Marker]:
    """Candidate markers for one quote (before the caller settles markers shared by quotes)."""
    start, end = region(index, quote)
    lo, hi = bisect_left(index.hit_starts, start), bisect_left(index.hit_starts, end)
    cue = _cue_tokens(index, quote)
    out = []
    for i, m in index.hits[lo:hi]:
        inside = cue is not None and cue[0] <= i <= cue[1]
        if inside and m.kind not in CUE_MODIFIERS:
            continue  # the cue itself ("claimed" is no hedge of itself)
        # The extractor's cue takes in the adverbs and auxiliaries before the verb ("flatly
        # denied", "did not deny", "rightly noted"): they modify it, as they do from outside.
        if m.kind in CUE_BOUND and not (cue and (inside or _modifies_cue(index, m, i, cue))):
            continue
        if m.kind == "hedge" and m.source == SPEAKER_HEDGE_SOURCE and m.start in index.paraphrase:
            continue
        out.append(replace(m))  # a copy: a marker may sit next to two quotes' shared cue
    return _dedupe(out)


def _modifies_cue(index: ArticleIndex, m: Marker, i: int, cue: tuple[int, int]) -> bool:
    """An intensifier right before or after the cue ("flatly denied", "has repeatedly said",
    "said again"); a negation right before it, maybe across an adverb ("did not immediately
    respond"), not "not everyone agrees"."""
    if m.kind == "intensifier":
        return cue[0] - NEAR_CUE <= i < cue[0] or i == cue[1] + 1
    if i == cue[0] - 1:
        return True
    if i == cue[0] - 2:
        between = WORD.match(index.text, index.token_starts[i + 1])
        return between is not None and between.group().lower().endswith(("ly", "yet", "ever"))
    return False


def _cue_tokens(index: ArticleIndex, quote: Quote) -> tuple[int, int] | None:
    if quote.cue is None:
        return None
    first = bisect_left(index.token_starts, quote.cue.start)
    last = bisect_left(index.token_starts, quote.cue.end) - 1
    return (first, last) if first <= last else None


def _sentence_initial(index: ArticleIndex, pos: int) -> bool:
    sent_start = index.sentences[sentence_at(index.sentences, pos)][0]
    return not index.text[sent_start:pos].strip(" \n\"“‘'(")


def _dedupe(markers: list[Marker]) -> list[Marker]:
    """One marker per span; a word inside a longer phrase marker is dropped."""
    markers.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Marker] = []
    for m in markers:
        if out and m.start < out[-1].end and m.end <= out[-1].end:
            continue
        out.append(m)
    return out


def distance(quote: Quote, pos: int) -> int:
    """How far a marker at ``pos`` is from the quote's cue (or from the quote without one)."""
    anchors = [(quote.cue.start, quote.cue.end)] if quote.cue else [(quote.start, quote.end)]
    return min(0 if s <= pos < e else min(abs(pos - s), abs(pos - e)) for s, e in anchors)


_SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)


def is_title(text: str) -> bool:
    """A quoted name or title ("Fox News Sunday", "The Wall Street Journal"), not a scare quote:
    two or more words, every one but the small ones capitalised."""
    words = [w for w in WORD.findall(text) if w[0].isalpha()]
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(words) >= 2 and bool(big) and all(w[0].isupper() for w in big)


def scare_quote_marker(text: str, term: Quote) -> Marker:
    return Marker("scare_quote", text[term.start : term.end], term.start, term.end, "extractor")


def in_direct_speech(term: Quote, quotes: list[Quote]) -> bool:
    """A term inside a direct quote's words (a Q&A answer, a statement set off after "said:")
    is the speaker quoting or distancing, not the writer: it frames nothing of the outlet's."""
    return any(
        s <= term.start and term.end <= e
        for q in quotes if q.kind == "direct"
        for s, e in fragment_spans(q)
    )  # fmt: skip


def scare_quote_owner(index: ArticleIndex, term: Quote, quotes: list[Quote]) -> Quote | None:
    """The quote a scare quote belongs to: the one containing it, else the nearest in its sentence."""
    others = [q for q in quotes if q.kind != "term"]
    for q in others:  # inside a fragment: a term in the narration between two is the writer's
        if any(s <= term.start and term.end <= e for s, e in fragment_spans(q)):
            return q
    sent = index.sentences[sentence_at(index.sentences, term.start)]
    same = [q for q in others if q.start < sent[1] and sent[0] < q.end]
    if not same:
        return None
    return min(same, key=lambda q: min(abs(term.start - q.end), abs(q.start - term.end)))
