"""From drafts to records: one quote per act of speech, speakers resolved, the speaker table."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from spacy.tokens import Doc, Token

from quotetrace.extract.cues import text_of
from quotetrace.extract.draft import Draft
from quotetrace.extract.interviewer import Interviewer, addressee, asks, is_question_label
from quotetrace.extract.lexicon import QUESTION_MARKS, cue_acts, quote_act
from quotetrace.extract.spans import cue_left
from quotetrace.extract.speakers import SpeakerResolver
from quotetrace.records import Cue, Fragment, Quote, Speaker, SpeakerRef


def drop_nested(drafts: list[Draft]) -> list[Draft]:
    """An indirect clause inside a longer attributed quote is the same speech twice."""
    kept: list[Draft] = []
    for d in drafts:
        outer = next((k for k in kept if k.start <= d.start and d.end <= k.end and k.kind != "term"), None)
        if outer is not None and d.kind in ("indirect", "mixed") and outer is not d:
            continue
        kept.append(d)
    return kept


def merge_shared_cues(drafts: list[Draft], para_of) -> list[Draft]:
    """One act of speech is one attribution: '"A," she said, "B."' is one quote in two fragments.

    A quoted draft joins the previous quoted draft of its paragraph when both have the same cue,
    or when it has no cue of its own (it continues what that cue introduced).
    """
    kept: list[Draft] = []
    for d in drafts:
        prev = kept[-1] if kept else None
        if (
            prev is not None
            and d.kind in ("direct", "mixed")
            and prev.kind in ("direct", "mixed")
            and prev.cue is not None
            and prev.label is None
            and d.label is None
            and (d.cue is None or d.cue.head.i == prev.cue.head.i)
            and para_of(d.start) == para_of(prev.end)
            and d.start >= prev.end
        ):
            prev.fragments = prev.pieces() + d.pieces()
            prev.end = d.end
            prev.kind = "mixed" if "mixed" in (prev.kind, d.kind) else "direct"
            prev.confidence = max(prev.confidence, d.confidence)
            continue
        kept.append(d)
    return kept


def finish(doc: Doc, drafts: list[Draft], ranges, para_of) -> tuple[list[Quote], list[Speaker]]:
    """``para_of``: ``paragraph_index`` of the text."""
    text = text_of(doc)
    resolver = SpeakerResolver(doc, ranges)
    interviewer = Interviewer(doc, resolver)
    quotes: list[Quote] = []
    last_spoken: Quote | None = None
    for draft in drafts:
        speaker: SpeakerRef | None
        implied = False  # the interviewer, whom this quote's own words do not mention
        if draft.label is not None:
            speaker = resolver.resolve_label(*draft.label)
            asker = interviewer.at(draft.start) if is_question_label(text[slice(*draft.label)]) else None
            if asker is not None:
                speaker = replace(asker, mention=speaker.mention, start=speaker.start, end=speaker.end)
                implied = True
            resolver.note_turn(draft.start, draft.end, speaker)
        elif draft.speaker_tok is not None:
            speaker = resolver.resolve(draft.speaker_tok)
            # The reporter's 'I asked her' names the writer, whom no later 'she' means.
            implied = speaker is not None and speaker.name == resolver.writer(draft.speaker_tok)
        elif draft.cue is not None and asks(draft.cue.lemma, text[draft.start : draft.end]):
            speaker, implied = interviewer.at(draft.start), True  # 'Asked whether ..., she said'
        else:
            speaker = None
        quote = Quote(
            id=len(quotes),
            kind=draft.kind,  # type: ignore[arg-type]
            text=text[draft.start : draft.end],
            start=draft.start,
            end=draft.end,
            cue=_cue_record(doc, draft),
            speaker=speaker,
            confidence=draft.confidence,
            fragments=[Fragment(s, e, text[s:e]) for s, e in draft.pieces()],
            act=_act(doc, draft, text[draft.start : draft.end]),  # type: ignore[arg-type]
        )
        if (
            quote.kind == "direct"
            and quote.cue is None
            and draft.label is None
            and last_spoken is not None
            and last_spoken.speaker is not None
            and para_of(quote.start) - para_of(last_spoken.end) <= 1
        ):
            quote.speaker = last_spoken.speaker
            quote.continuation = True
            quote.confidence = 0.6
            if para_of(quote.start) == para_of(last_spoken.end):
                # '"A," said Caddell. "B."': one act of speech, so B shares A's cue.
                quote.cue = last_spoken.cue
        if quote.speaker is not None and not implied:
            resolver.note_speaker(quote.start, quote.speaker.name)
            if quote.kind in ("direct", "mixed"):
                last_spoken = quote
        if quote.cue is not None and draft.cue is not None and asks(quote.cue.lemma, quote.text):
            _note_answerer(resolver, draft.cue.head, quote.cue.lemma, quote.end)
        interviewer.note(quote)
        quotes.append(quote)
    quotes = _one_quote_per_cue(text, quotes)
    table = _speaker_table(quotes)
    resolver.annotate(table)  # each speaker's type and descriptors
    return quotes, table


def _note_answerer(resolver: SpeakerResolver, cue: Token, lemma: str, end: int) -> None:
    """The person a question was put to answers it: after 'The host asked Ruiz whether ...' or 'I
    asked the mayor about ...', the next 'he said' or 'she said' is the one asked, not the asker."""
    asked = addressee(cue, lemma)
    answerer = resolver.resolve(asked) if asked is not None else None
    if answerer is not None and answerer.type == "person":
        resolver.note_speaker(end, answerer.name)


def _act(doc: Doc, draft: Draft, content: str) -> str:
    if draft.cue is None or draft.label is not None:
        return "speech"
    if _directive(doc, draft):
        return "intention"
    first = content.split(maxsplit=1)[:1]
    if first and first[0].lower() in QUESTION_MARKS and asks(draft.cue.lemma, content):
        return "speech"  # 'Pressed on whether ...' puts a question, though 'pressed for' is a stance
    return (
        draft.cue.act
        or _phrasal_act(draft.cue.head, draft.cue.lemma)
        or quote_act(draft.cue.lemma, draft.kind)
    )


def _directive(doc: Doc, draft: Draft) -> bool:
    """'called on the minister to publish the cost', 'urged members to vote no': a hearer and
    what they are to do, a directive (as 'asked him to resign' is), not what was said."""
    if draft.cue is None or draft.label is not None or draft.kind != "indirect":
        return False
    verb = draft.cue.head
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    root = next((t for t in span if t.dep_ == "xcomp" and t.head.i == verb.i), None) if span else None
    if root is None:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children):
        return False
    hearers = [
        c for c in verb.children if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("on", "upon"))
    ]
    return any(h.i < root.i for h in hearers)


def _phrasal_act(verb: Token, lemma: str) -> str | None:
    """'shot back that ...', 'hit back': the parser makes 'back' an adverb, not a particle, so the
    lemma stays 'shoot' (a stance elsewhere); the verb with its adverb may report speech."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is None or nxt.head.i != verb.i or nxt.dep_ != "advmod" or " " in lemma:
        return None
    return cue_acts().get(f"{lemma} {nxt.lower_}")


def _cue_record(doc: Doc, draft: Draft) -> Cue | None:
    """The cue, widened to the verbs that control it ("refused to endorse", ``spans.cue_left``)."""
    cue = draft.cue
    if cue is None:
        return None
    record = cue.record()
    if cue.prepositional or draft.label is not None or cue.head.pos_ != "VERB":
        return record
    first = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if first is None:
        return record
    start = cue_left(cue.head, first[0]).idx
    if cue.start > draft.start >= start:
        start = cue.start  # the widened cue would run into content before it
    end = max(cue.end, draft.cue_end or cue.end)
    last = first[-1]
    # "said on Monday": for a quotation or an aside's host clause the preposition introduces
    # no content.
    quoted = draft.kind in ("direct", "mixed") or draft.extent_kind.startswith("parataxis")
    if quoted and len(first) > 1 and last.dep_ == "prep" and last.head.i == cue.head.i:
        end = first[-2].idx + len(first[-2])
    end = _after_adverbs(doc, cue.head, end, draft)
    if (start, end) == (cue.start, cue.end):
        return record
    return replace(record, text=text_of(doc)[start:end], start=start, end=end)


def _after_adverbs(doc: Doc, verb, end: int, draft: Draft) -> int:
    """'said repeatedly', 'said later', 'wrote then': adverbs right after the verb belong to the
    cue as those before it do ('also said'). Time nouns and prepositional phrases ('said
    Monday', 'said in a statement') stay out: annotators include them about as often as not."""
    content_start = min(s for s, _ in draft.pieces())
    for child in verb.rights:
        if child.idx < end:
            continue
        if child.dep_ != "advmod" or child.idx > end + 1 or child.right_edge.i != child.i:
            break
        if child.tag_ == "WRB" or not child.is_alpha:
            break  # 'asked how ...': a wh-word opens the content
        if content_start >= end and child.idx >= content_start:
            break
        end = child.idx + len(child)
    return end


def _one_quote_per_cue(text: str, quotes: list[Quote]) -> list[Quote]:
    """Quotes that share one cue are one act of speech, even when another quote (a scare-quoted
    term, say) stands between them: the later ones become fragments of the first."""
    first_by_cue: dict[tuple[int, int], Quote] = {}
    kept: list[Quote] = []
    for quote in quotes:
        key = (quote.cue.start, quote.cue.end) if quote.cue is not None and quote.kind != "term" else None
        first = first_by_cue.get(key) if key else None
        if first is not None and quote.start >= first.end:
            first.fragments.extend(quote.fragments)
            first.end = quote.end
            first.text = text[first.start : first.end]
            if "mixed" in (first.kind, quote.kind):
                first.kind = "mixed"
            continue
        if key is not None and first is None:
            first_by_cue[key] = quote
        kept.append(quote)
    for i, quote in enumerate(kept):
        quote.id = i
    return kept


def paragraph_index(paras: list[tuple[int, int]]):
    """char -> the number of paragraphs (``marks.paragraphs``) that start at or before it."""
    starts = [s for s, _ in paras]

    def index(char: int) -> int:
        lo, hi = 0, len(starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if starts[mid] <= char:
                lo = mid + 1
            else:
                hi = mid
        return lo

    return index


def _speaker_table(quotes: list[Quote]) -> list[Speaker]:
    table: dict[str, Speaker] = {}
    aliases: dict[str, list[str]] = defaultdict(list)
    for q in quotes:
        if q.speaker is None or q.kind == "term":
            continue
        s = table.setdefault(q.speaker.name, Speaker(name=q.speaker.name))
        s.quotes += 1
        s.words += q.content_words()
        if q.speaker.mention not in aliases[s.name]:
            aliases[s.name].append(q.speaker.mention)
    for name, s in table.items():
        s.aliases = aliases[name]
    return sorted(table.values(), key=lambda s: (-s.words, s.name))
