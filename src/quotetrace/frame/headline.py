"""Headline check: does the body quote the headline's speaker saying what the headline claims?

1. Find an attributed claim in the headline (then the subheadline): one of the
   headline forms of ``headline_forms`` ("X says claim", "X acknowledges: claim",
   "claim, X says", "X: claim", ...), else a quote the extractor found there.
2. Match the headline speaker to the body's speakers (``speakers``).
3. Score each body quote of that speaker by the idf-weighted share of the
   claim's content words it contains (``match``) and decide: ``supported``
   (one quote covers about half of the claim, or up to three together most of
   it), ``partly`` (a quote covers a quarter), ``unsupported`` (no quote of
   that speaker does, or the speaker has none), or ``no attribution in headline``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quotetrace.frame.headline_forms import (
    LABELS,
    SETTING_WORDS,
    Attribution,
    is_headline_cue,
    pattern_attribution,
    speakerlike,
)
from quotetrace.frame.lexicon import not_name_words
from quotetrace.frame.match import Bag, Idf, content_stems, coverage, greedy_cover
from quotetrace.frame.speakers import (
    is_role,
    match_role,
    match_speakers,
    mentioned_in_body,
)
from quotetrace.records import Article, HeadlineCheck, HeadlineStatus, Quote, SupportingQuote
from quotetrace.text.sentences import sentences
from quotetrace.text.stem import stem
from quotetrace.text.tokens import WORD, name_tokens

# Thresholds on the idf-weighted share of the claim's content words found in the speaker's
# quotes: one quote with about half of them, or up to three together with most of them, is
# support (headlines compress and paraphrase); set on the labelled PolNeAR dev headlines,
# where no swapped (unsupported) pair scores above 0.21.
SUPPORTED, SUPPORTED_UNION, PARTLY = 0.45, 0.7, 0.25
TOP = 3
NO_ATTRIBUTION: HeadlineStatus = "no attribution in headline"


# A body that opens with its dateline ("SPRINGFIELD:", "WASHINGTON (AP) —", "DENVER, Colo. -"):
# that line is the story, not a subheadline, and the place is no speaker.
DATELINE = re.compile(
    r"\s*[A-Z][A-Z.'’ -]+[A-Z.]"  # the place, in capitals
    r"(?:,\s*[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?"  # its state or country ("Colo.")
    r"\s*(?:\([A-Za-z]+\))?\s*[:—–-]\s"  # the agency ("(AP)"), then the dash or colon
)


@dataclass(slots=True)
class Layout:
    headline: str
    subheadline: str | None
    head_start: int  # offset of the headline in article.text, -1 when it is not in the text
    head_end: int  # end of the headline region (subheadline included)
    body_start: int


def layout(article: Article) -> Layout:
    title = (article.title or "").strip()
    text = article.text
    pos = text.find(title) if title else -1
    if not title or pos < 0 or text[:pos].strip():
        return Layout(title, None, -1, -1, 0)
    end = pos + len(title)
    sub = None
    rest = text[end:]
    m = re.match(r"\n([^\n]+)\n", rest)  # a line directly under the headline
    if m is None:
        m = re.match(r"\n\s*\n([^\n]+)\n", rest)  # or a short first paragraph with no full stop
        if m and (len(m.group(1).split()) > 25 or m.group(1).rstrip().endswith((".", '"', "”", "’"))):
            m = None
    if m and len(m.group(1).split()) <= 40 and not DATELINE.match(m.group(1)):
        sub = m.group(1).strip()
        end += m.end(1)
    return Layout(title, sub, pos, end, end)


# -- finding the attribution --------------------------------------------------
def extractor_attribution(article: Article, lay: Layout) -> Attribution | None:
    """The extractor's quote in the headline, unless its cue or speaker is implausible there.

    Parsers stumble on title case ("Washington Post Hit Piece" read as "Washington posts"),
    so a headline quote is only taken with a speech cue and a speaker that reads as one.
    """
    if lay.head_start < 0:
        return None
    found = [
        q for q in article.quotes
        if lay.head_start <= q.start < lay.head_end and q.kind != "term" and q.speaker
        and (q.cue is None or is_headline_cue(q.cue.lemma, parsed=True))
        and speakerlike(q.speaker.mention) and q.speaker.mention.lower() not in LABELS
    ]  # fmt: skip
    if not found:
        return None
    q = max(found, key=lambda q: q.end - q.start)
    speaker = q.speaker
    assert speaker is not None  # found keeps attributed quotes only
    return Attribution(speaker.mention, q.cue.lemma if q.cue else None, q.text, speaker.name)


# -- matching the speaker ------------------------------------------------------
# -- the check -------------------------------------------------------------------
def _result(lay: Layout, status: HeadlineStatus, **fields: Any) -> HeadlineCheck:
    return HeadlineCheck(status, lay.headline, subheadline=lay.subheadline or None, **fields)


def find_attribution(article: Article, lay: Layout, speakers: Mapping[str, int]) -> Attribution | None:
    """The headline's (else the subheadline's) attributed claim.

    The headline forms come first: they read title case better than the parser; the
    extractor's headline quote is the fallback (and lends its resolved speaker name).
    """
    body = article.text[lay.body_start :]
    from_extractor = extractor_attribution(article, lay)
    for line in filter(None, (lay.headline, lay.subheadline)):
        found = pattern_attribution(line)
        if found is None:
            continue
        if found.cue is None and not (
            match_speakers(found.speaker, article, speakers)
            or (speakerlike(found.speaker) and mentioned_in_body(found.speaker, body))
        ):
            continue  # "Stealth Over Health: ..." is a label, not a speaker
        if from_extractor and set(name_tokens(from_extractor.speaker, not_name_words(), True)) & set(
            name_tokens(found.speaker, not_name_words(), True)
        ):
            found.resolved = from_extractor.resolved  # the extractor knows the full name
        return found
    return from_extractor


def speakers_of(found: Attribution, article: Article, quotes: list[Quote]) -> list[str]:
    """Every body speaker the headline speaker may be (a surname can hide several mentions)."""
    names = Counter(q.speaker.name for q in quotes if q.speaker)
    if is_role(found.speaker):
        return match_role(found.speaker, article, quotes)
    matched = match_speakers(found.speaker, article, names)
    if found.resolved is not None and found.resolved in names:
        matched = [found.resolved] + [n for n in matched if n != found.resolved]
    return matched


def check_headline(article: Article, spans: list[tuple[int, int]] | None = None) -> HeadlineCheck:
    """``spans``: the text's sentences, when the caller has them already."""
    lay = layout(article)
    if not lay.headline:
        return _result(lay, NO_ATTRIBUTION)
    body_quotes = [q for q in article.quotes if q.start >= lay.body_start and q.kind != "term"]
    speakers = Counter(q.speaker.name for q in body_quotes if q.speaker)
    found = find_attribution(article, lay, speakers)
    if found is None:
        return _result(lay, NO_ATTRIBUTION)
    names = speakers_of(found, article, body_quotes)
    fields = {
        "speaker": names[0] if names else found.speaker,
        "cue": found.cue,
        "claim": found.claim.strip().rstrip(".;,: "),
    }
    claim = _claim_terms(found)
    if not claim:
        return _result(lay, NO_ATTRIBUTION)
    own = [q for q in body_quotes if q.speaker and q.speaker.name in names]
    if not own:
        return _result(lay, "unsupported", **fields)
    spans = sentences(article.text) if spans is None else spans
    idf = Idf(article.text, [(s, e) for s, e in spans if s >= lay.body_start], claim)
    bags = [Bag.of(q.text) for q in own]
    single = [coverage(claim, [bag], idf)[0] for bag in bags]
    together, chosen = greedy_cover(claim, bags, idf, TOP)
    best = max(single)
    status = _status(best, together)
    if status == "unsupported":
        return _result(lay, status, score=round(best, 3), **fields)
    picks = chosen if status == "supported" and together > best else [single.index(best)]
    support = [_quote_entry(own[i], single[i]) for i in picks if single[i] > 0]
    score = together if status == "supported" else best
    return _result(lay, status, score=round(score, 3), supporting_quotes=support, **fields)


# Where a headline's claim ends and its setting begins: "... crazy system' during campaign stop".
_SETTING = re.compile(
    r"\s+(?:" + "|".join(map(re.escape, SETTING_WORDS)) + r")\s+[^'‘\"“]*$",
    re.IGNORECASE,
)


def claim_core(claim: str) -> str:
    """The claim without a trailing setting phrase (unless that leaves nothing)."""
    core = _SETTING.sub("", claim.strip())
    return core if content_stems(core) else claim


def _claim_terms(found: Attribution) -> list[str]:
    speaker = {stem(w.lower()) for w in WORD.findall(found.speaker)}
    return [t for t in content_stems(claim_core(found.claim)) if t not in speaker]


def _status(best: float, together: float) -> HeadlineStatus:
    if best >= SUPPORTED or together >= SUPPORTED_UNION:
        return "supported"
    if best >= PARTLY:
        return "partly"
    return "unsupported"


def _quote_entry(q: Quote, score: float) -> SupportingQuote:
    return SupportingQuote(q.id, q.text, round(score, 3))
