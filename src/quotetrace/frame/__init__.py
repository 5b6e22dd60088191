"""Framing: how an article presents what its sources said.

``frame_article(article)`` returns a copy of the article in which every quote
has a ``Frame`` (the cue's class and veridicality, and the editorial markers
around it) and the article has ``balance`` (airtime per speaker, quoted vs
the writer's own text) and ``headline_check`` (does the body support the
headline's attributed claim?). It is a pure function of the Article, with no
spaCy and no I/O beyond reading the small lexicons once, so
``quotetrace extract`` can call it on every article.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from quotetrace.frame.balance import balance
from quotetrace.frame.headline import check_headline
from quotetrace.frame.markers import (
    CUE_BOUND,
    ArticleIndex,
    distance,
    in_direct_speech,
    index_article,
    is_title,
    quote_markers,
    scare_quote_marker,
    scare_quote_owner,
)
from quotetrace.frame.verbs import profile
from quotetrace.records import Article, Frame, Marker, Quote, TermQuote

__all__ = ["frame_article", "frame_quotes"]

TERM = "term"  # the class of a quote that is itself a scare quote or term
UNATTRIBUTED = "unattributed"  # no cue and no speaker: nothing to classify


def frame_article(article: Article) -> Article:
    """A copy of ``article`` with frames, balance and headline check filled in."""
    index = index_article(article)
    quotes = frame_quotes(article, index)
    framed = replace(article, quotes=quotes)
    summary = balance(framed, index.token_starts)
    summary.cue_classes = dict(Counter(q.frame.cls for q in quotes if q.frame and q.kind != "term"))
    summary.scare_quotes = _scare_quote_list(framed)
    framed.balance = summary
    framed.headline_check = check_headline(framed, index.sentences)
    return framed


def frame_quotes(article: Article, index: ArticleIndex | None = None) -> list[Quote]:
    index = index or index_article(article)
    markers = _assign(index, article.quotes)
    out: list[Quote] = []
    for q in article.quotes:
        cls, score = _class_of(article.text, q, out)
        out.append(replace(q, frame=Frame(cls, score, sorted(markers[q.id], key=lambda m: m.start))))
    return out


def _class_of(text: str, q: Quote, earlier: list[Quote]) -> tuple[str, float | None]:
    if q.kind == "term":
        return TERM, None
    if q.cue is not None:
        p = profile(q.cue.lemma, text, q.cue.start, q.cue.end)
        return p.cls, p.veridicality
    if q.speaker is not None and q.continuation:
        # A continuation ("...," she said. "And more.") is framed by the cue of its chain.
        for prev in reversed(earlier):
            same = prev.speaker and prev.speaker.name == q.speaker.name and prev.kind != "term"
            if same and prev.cue is not None and prev.frame is not None:
                return prev.frame.cls, prev.frame.veridicality
    if q.speaker is not None:
        return "neutral", None  # attributed without a verb: a labelled answer ("OKAFOR: ...", "AD ...")
    return UNATTRIBUTED, None


def _assign(index: ArticleIndex, quotes: list[Quote]) -> dict[int, list[Marker]]:
    """Markers per quote id; a sentence marker shared by several quotes goes to the nearest cue."""
    best: dict[tuple[str, int], tuple[int, int, Marker]] = {}
    out: dict[int, list[Marker]] = {q.id: [] for q in quotes}
    for q in quotes:
        if q.kind == "term":
            continue
        for m in quote_markers(index, q):
            if m.kind in CUE_BOUND:
                out[q.id].append(m)
                continue
            key = (m.kind, m.start)
            d = distance(q, m.start)
            if key not in best or d < best[key][0]:
                best[key] = (d, q.id, m)
    for _d, qid, m in best.values():
        out[qid].append(m)
    for term in (q for q in _writers_terms(quotes) if not is_title(q.text)):
        owner = scare_quote_owner(index, term, quotes)
        if owner is not None:
            out[owner.id].append(scare_quote_marker(index.text, term))
    return out


def _scare_quote_list(article: Article) -> list[TermQuote]:
    owners = {
        (m.start, m.end): q.id
        for q in article.quotes if q.frame
        for m in q.frame.markers if m.kind == "scare_quote"
    }  # fmt: skip
    return [
        TermQuote(
            q.text,
            q.start,
            q.end,
            "title" if is_title(q.text) else "scare_quote",
            owners.get((q.start, q.end)),
        )  # fmt: skip
        for q in _writers_terms(article.quotes)
    ]


def _writers_terms(quotes: list[Quote]) -> list[Quote]:
    """The quoted terms of the writer's own text (those inside a speaker's words are theirs)."""
    return [q for q in quotes if q.kind == "term" and not in_direct_speech(q, quotes)]
