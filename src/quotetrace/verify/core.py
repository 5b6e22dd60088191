"""``verify_quotes``: check each quote against its source(s). Pure: no spaCy, no I/O."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from quotetrace.records import Quote
from quotetrace.text.tokens import name_tokens
from quotetrace.verify.align import Aligner, encode_quote, exact_hits, quote_pairs
from quotetrace.verify.classify import MIN_SCORE, Classifier
from quotetrace.verify.paraphrase import MIN_PARAPHRASE_SCORE, NEGATION_FACTOR, best_sentence
from quotetrace.verify.quotes import Fragment, Item, parse_items
from quotetrace.verify.quotes import fragments as quote_fragments
from quotetrace.verify.result import STATUS_RANK, Verification
from quotetrace.verify.scope import NOT_CHECKED, Speakers, outside_note, source_speakers
from quotetrace.verify.source import Source
from quotetrace.verify.turns import label_words_of, speaker_matches

NO_SOURCE = "no source given"
NO_PARAPHRASE = "no source sentence shares enough content words with this paraphrase"


def verify_quotes(
    quotes: Iterable[Quote],
    sources: list[Source],
    min_score: float = MIN_SCORE,
    min_paraphrase_score: float = MIN_PARAPHRASE_SCORE,
) -> list[Verification]:
    """One Verification per direct quote, per quoted fragment of a mixed quote and per
    indirect quote; "term" quotes (scare quotes, names) are skipped. A quote a source is not
    expected to hold (narration, another person's words: ``verify.scope``) is ``not_checked``
    there rather than ``not_found``."""
    plan = [
        (quote, [(frag, parse_items(frag.text)) for frag in quote_fragments(quote)])
        for quote in quotes
        if quote.kind != "term"
    ]
    for source in sources:
        _gather_pairs(source, [items for _, frags in plan for _, items in frags])
    speakers = [(s, source_speakers(s)) for s in sources]
    out: list[Verification] = []
    for quote, frags in plan:
        if quote.kind == "indirect" or (quote.kind == "mixed" and not frags):
            results = (
                _scoped(quote, _paraphrase(quote, s, min_paraphrase_score), s, who, True)
                for s, who in speakers
            )
            out.append(_best(results) or _none(quote, note=NO_SOURCE))
            continue
        if not frags:
            out.append(_none(quote, note="the quote has no words"))
            continue
        for frag, items in frags:
            results = (
                _scoped(quote, _verify_fragment(quote, frag, items, s, min_score), s, who, False)
                for s, who in speakers
            )
            out.append(_best(results) or _none(quote, frag, note=NO_SOURCE))
    return out


def _gather_pairs(source: Source, fragments: list[list[Item]]) -> None:
    """Find the source positions of every fragment's word pairs in one pass over the source."""
    vocab, wanted = source.index.vocab, set()
    for items in fragments:
        wanted |= quote_pairs(encode_quote(items, vocab))
    source.index.pair_hits(wanted)


def _best(results: Iterable[Verification]) -> Verification | None:
    """The best verdict over several sources: best status, then best score."""
    return min(results, key=lambda v: (STATUS_RANK[v.status], -v.score), default=None)


def _scoped(
    quote: Quote, result: Verification, source: Source, speakers: Speakers, paraphrase: bool
) -> Verification:
    """A quote not found in a source that is not expected to hold it becomes not_checked."""
    if result.status == "not_found" and result.note is None:
        note = outside_note(quote, source, speakers, paraphrase)
        if note is not None:
            result.status, result.note = NOT_CHECKED, note
        elif paraphrase:
            result.note = NO_PARAPHRASE
    return result


def _speaker_name(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker else None


def _none(quote: Quote, frag: Fragment | None = None, note: str | None = None) -> Verification:
    return Verification(
        quote_id=quote.id,
        quote_text=frag.text if frag else quote.text,
        kind=quote.kind,
        status="not_found",
        score=0.0,
        speaker=_speaker_name(quote),
        fragment=frag.index if frag else None,
        note=note,
    )


def speaker_check(quote: Quote, source: Source, word: int) -> tuple[str | None, bool | None]:
    """(who speaks the source passage at ``word``, is that the quote's speaker?)."""
    turn = source.turn_at(word) if source.turns else None
    if turn is not None:
        label, name, role = turn.label, turn.name, turn.role
    elif source.speaker:
        name = " ".join(name_tokens(source.speaker, label_words_of("title")))
        label, role = source.speaker, None
    else:
        return None, None
    if quote.speaker is None:
        return label, None
    consistent = speaker_matches(name, role, quote.speaker.name)
    if consistent is None and quote.speaker.mention:
        consistent = speaker_matches(name, role, quote.speaker.mention)
    return label, consistent


def _verify_fragment(
    quote: Quote, frag: Fragment, items: list[Item], source: Source, min_score: float
) -> Verification:
    result = _none(quote, frag)
    result.source = source.name
    if not any(it.is_word for it in items):
        result.note = "the quote has no words"
        return result
    idx = source.index
    if not idx.enc:
        result.note = "the source has no words"
        return result
    aligner = Aligner(items, idx, source.text, frag.text)
    hint = None
    if all(it.is_word and not it.marked for it in items):
        hits = exact_hits(aligner.q, idx.enc)
        if hits:
            # The same words may occur several times: prefer the speaker the article names.
            hint = next((h for h in hits if speaker_check(quote, source, h)[1]), hits[0])
    pieces = aligner.align(hint)
    verdict = Classifier(frag.text, items, source, min_score).verdict(pieces)
    result.status, result.score = verdict.status, verdict.score
    if not verdict.pieces or verdict.score < min_score / 2:
        return result  # nothing close enough to be worth showing
    first = verdict.pieces[0]
    result.source_start, result.source_end = first.source_start, first.source_end
    result.source_text = first.text
    result.context_before, result.context_after = source.context(
        first.source_start, first.source_end
    )
    if verdict.status == "not_found":
        return result  # the closest passage is shown, but its differences are noise
    result.changes, result.diff = verdict.changes, verdict.diff
    result.pieces, result.gap_words = verdict.pieces, verdict.gap_words
    checks = []
    for piece, span in zip(pieces, verdict.pieces, strict=True):
        span.speaker, consistent = speaker_check(quote, source, piece.s0)
        checks.append(consistent)
    result.source_speaker = verdict.pieces[0].speaker
    result.speaker_consistent = (
        False if False in checks else True if checks and all(checks) else None
    )
    return result


def _paraphrase(quote: Quote, source: Source, min_score: float) -> Verification:
    result = _none(quote)
    result.source = source.name
    match = best_sentence(_reported_content(quote), source)
    if match is None or match.score < min_score / 2:
        return result
    result.score = min(1.0, match.score)
    result.source_start, result.source_end = match.start, match.end
    result.source_text = source.text[match.start : match.end]
    result.context_before, result.context_after = source.context(match.start, match.end)
    if match.negation_differs and match.score >= min_score * NEGATION_FACTOR:
        result.note = "the closest source sentence differs in negation (not, never, n't ...)"
    elif match.score >= min_score:
        result.status = "paraphrase_supported"
        word = _first_word_at(source, match.start)
        if word is not None:
            result.source_speaker, result.speaker_consistent = speaker_check(quote, source, word)
    return result


def _reported_content(quote: Quote) -> str:
    """An indirect quote's text without its speaker and cue, when the extractor included them
    ("Smith said that ..."): their words are the article's, not the source's."""
    text = quote.text
    spans = []
    if quote.speaker:
        spans.append((quote.speaker.start, quote.speaker.end, quote.speaker.mention))
    if quote.cue:
        spans.append((quote.cue.start, quote.cue.end, quote.cue.text))
    for start, end, surface in spans:
        a, b = start - quote.start, end - quote.start
        if 0 <= a < b <= len(text) and text[a:b] == surface:
            text = text[:a] + " " * (b - a) + text[b:]
    return text


def _first_word_at(source: Source, offset: int) -> int | None:
    i = bisect_left(source.index.starts, offset)
    return i if i < len(source.index.starts) else None
