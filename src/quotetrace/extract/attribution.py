"""Tie quoted spans and reported clauses to their cue and speaker.

Order of work for one Doc:
1. quotation marks give the direct/partial quotes (``marks``);
2. each quoted span looks for a cue in its own sentence(s), then in a
   preceding sentence that ends in a colon; a quote with neither continues
   the previous speaker's quote when it follows it closely;
3. remaining cue verbs with a clausal complement give indirect speech;
4. speakers are resolved to canonical names (``speakers``).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from quotetrace.extract.cues import (
    HEARER_OBJECT_LEMMAS,
    CueCandidate,
    CueFinder,
    speaker_head,
    text_of,
)
from quotetrace.extract.labels import find_label_lines
from quotetrace.extract.lexicon import CONTENT_PREPS, INDIRECT_MIN_RATE, act_of
from quotetrace.extract.marks import QuotedSpan, find_quotations, paragraphs
from quotetrace.extract.spans import cue_left, source_extent
from quotetrace.extract.speakers import SpeakerResolver
from quotetrace.ingest import detect_title
from quotetrace.records import Cue, Fragment, Quote, Speaker, SpeakerRef

# gate(cue, draft) -> confidence, or None to reject an unquoted candidate (see extract.gate).
Gate = Callable[["CueCandidate", "Draft"], "float | None"]
TERM_MAX_WORDS = 4
MIN_INDIRECT_TOKENS = 3
CONTENT_DEPS = ("ccomp",)
OBJECT_DEPS = ("dobj", "xcomp", "oprd")
_STRIP = " \n\t,;:—–-"


@dataclass(slots=True)
class Draft:
    """A quote before ids and continuation are settled."""

    kind: str
    start: int
    end: int
    cue: CueCandidate | None
    speaker_tok: Token | None
    confidence: float
    continuation: bool = False
    label: tuple[int, int] | None = None  # an explicit speaker label ("PENCE:") instead of a token
    extent_kind: str = ""  # how the content was found: ccomp, object, parataxis, according, ...
    # The content's pieces when the cue or its clause interrupts it ("A," she said, "B").
    fragments: list[tuple[int, int]] | None = None

    def pieces(self) -> list[tuple[int, int]]:
        return self.fragments or [(self.start, self.end)]


def attribute(doc: Doc, cue_finder: CueFinder, gate: Gate) -> tuple[list[Quote], list[Speaker]]:
    """Quotes and speakers of one parsed Doc; ``gate`` decides which unquoted candidates count."""
    text = text_of(doc)
    quoted = find_quotations(text)
    ranges = [(q.start, q.end) for q in quoted]
    cues = [c for c in cue_finder.find(doc) if not _inside(c.start, ranges)]
    drafts: list[Draft] = []
    used_cues: set[int] = set()
    consumed: set[int] = set()  # quoted spans merged into a mixed quote

    for index, span in enumerate(quoted):
        if index in consumed:
            continue
        draft = _attribute_quoted(doc, span, quoted, index, cues, consumed)
        if draft.cue is not None:
            used_cues.add(draft.cue.head.i)
        drafts.append(draft)

    drafts.extend(_label_drafts(doc, quoted))

    for cue, draft in indirect_candidates(doc, cues, used_cues, ranges):
        confidence = gate(cue, draft)
        if confidence is not None:
            draft.confidence = confidence
            drafts.append(draft)
            used_cues.add(cue.head.i)

    drafts.sort(key=lambda d: (d.start, d.end))
    drafts = _merge_shared_cues(_drop_nested(drafts), _paragraph_index(text))
    return _finish(doc, drafts, ranges)


def indirect_candidates(doc: Doc, cues: list[CueCandidate], used: set[int], ranges):
    """Cue verbs not already tied to a quotation, each with the content it would report."""
    for cue in cues:
        if cue.head.i in used:
            continue
        draft = _indirect(doc, cue, ranges)
        if draft is not None:
            yield cue, draft


# -- quoted spans -------------------------------------------------------------
def _attribute_quoted(
    doc: Doc,
    span: QuotedSpan,
    quoted: list[QuotedSpan],
    index: int,
    cues: list[CueCandidate],
    consumed: set[int],
) -> Draft:
    text = text_of(doc)
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return Draft("term", span.start, span.end, None, None, 0.2)
    first_sent, last_sent = tokens[0].sent, tokens[-1].sent
    region = (first_sent.start_char, last_sent.end_char)
    inner_words = len(span.inner(text).split())
    local = _between(cues, region[0], region[1])
    cue = _best_cue(local, tokens)
    confidence = 0.9 if cue else 0.0
    if cue is None:
        cue = _colon_cue(doc, span, cues)
        confidence = 0.8 if cue else 0.0

    embedded = _embedded(text, span, region, cue)
    if cue is None:
        if inner_words <= TERM_MAX_WORDS or embedded:
            return Draft("term", span.start, span.end, None, None, 0.6)
        return Draft("direct", span.start, span.end, None, None, 0.3)

    if embedded and inner_words <= TERM_MAX_WORDS and not _reports(cue, span):
        # A short quoted phrase the cue does not report is a scare quote or a title.
        return Draft("term", span.start, span.end, None, None, 0.6)
    speaker = speaker_head(cue)
    if embedded:
        start, end = _mixed_extent(doc, cue, span, region)
        for j in range(index + 1, len(quoted)):
            if quoted[j].start < end:
                consumed.add(j)
                end = max(end, quoted[j].end)
        return Draft("mixed", start, end, cue, speaker, confidence - 0.1)
    return Draft("direct", span.start, span.end, cue, speaker, confidence if span.closed else 0.6)


def _best_cue(local: list[CueCandidate], quote: Span) -> CueCandidate | None:
    if not local:
        return None
    inside = set(range(quote.start, quote.end))

    def score(c: CueCandidate) -> tuple[int, float, int]:
        governs = any(anc.i == c.head.i for tok in quote for anc in tok.ancestors if tok.i in inside)
        distance = min(abs(c.head.i - quote.start), abs(c.head.i - (quote.end - 1)))
        strong = c.rate >= INDIRECT_MIN_RATE
        return (0 if governs else 1, 0 if strong else 1, distance)

    best = min(local, key=score)
    # A weak cue far from the quote ("he made a decision") is not its reporting verb.
    if best.rate < 0.15 and score(best)[0] == 1:
        return None
    return best


def _reports(cue: CueCandidate, span: QuotedSpan) -> bool:
    extent = _content_extent(cue)
    return cue.rate >= INDIRECT_MIN_RATE and extent is not None and extent[0] <= span.start < extent[1]


def _colon_cue(doc: Doc, span: QuotedSpan, cues: list[CueCandidate]) -> CueCandidate | None:
    """'Blinken said:' closing the previous sentence or paragraph introduces the quote."""
    before = text_of(doc)[: span.start].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    window = _between(cues, colon - 200, colon)
    return window[-1] if window else None


def _embedded(text: str, span: QuotedSpan, region: tuple[int, int], cue: CueCandidate | None) -> bool:
    """True when the quote is a fragment inside the writer's own sentence (a partial quote)."""
    cue_before = cue is not None and cue.end <= span.start
    # Only the words just before the quote decide; a bounded window keeps huge lines linear.
    window_start = max(cue.end if cue_before else region[0], region[0], span.start - 300)
    before = text[window_start : span.start]
    before_words = [w for w in before.split() if w.strip(_STRIP + '"“”') and w.lower() != "that"]
    if before_words and not before.rstrip().endswith((",", ":", "—", "–")):
        return True
    if cue is not None and not cue_before:
        return False  # text between the quote and a following cue is the speaker
    after = text[span.end : min(region[1], span.end + 300)].strip(_STRIP + ".!?\"”’' ")
    inner = text[span.start : span.end].rstrip("\"”’'«» ")
    return bool(after) and not inner.endswith((",", ".", "!", "?", "…"))


def _mixed_extent(doc: Doc, cue: CueCandidate, span: QuotedSpan, region: tuple[int, int]) -> tuple[int, int]:
    """The reported clause around a partial quote: the cue's complement, else the sentence side."""
    extent = _content_extent(cue)
    if extent is not None and extent[0] <= span.start < extent[1]:
        return _trim(text_of(doc), extent[0], max(extent[1], span.end))
    if cue.start < span.start:
        return _trim(text_of(doc), cue.end, max(region[1], span.end))
    return _trim(text_of(doc), region[0], max(span.end, cue.start))


# -- indirect speech ----------------------------------------------------------
def _indirect(doc: Doc, cue: CueCandidate, ranges) -> Draft | None:
    extent = _content_extent(cue)
    if extent is None:
        return None
    start, end = _trim(text_of(doc), extent[0], extent[1])
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len([t for t in span if not t.is_punct]) < MIN_INDIRECT_TOKENS:
        return None
    kind = "mixed" if _overlaps(start, end, ranges) else "indirect"
    draft = Draft(kind, start, end, cue, speaker_head(cue), 0.35 + 0.5 * cue.rate)
    draft.extent_kind = extent[2]
    return draft


def _content_extent(cue: CueCandidate) -> tuple[int, int, str] | None:
    """Characters of what the cue reports, and how they were found."""
    head = cue.head
    if cue.prepositional:
        extent = _according_extent(cue)
        return (*extent, "according") if extent else None
    hearer_object = cue.lemma.split()[0] in HEARER_OBJECT_LEMMAS
    comps = [c for c in head.children if c.dep_ in CONTENT_DEPS]
    how = "ccomp"
    if not comps and not hearer_object:
        # "denied reports that ...": the clause hangs off the object noun.
        for obj in (c for c in head.children if c.dep_ == "dobj"):
            if any(g.dep_ in ("acl", "ccomp") for g in obj.children):
                comps, how = [obj], "object_clause"
    if comps:
        comp = max(comps, key=lambda c: len(list(c.subtree)))
        start, end = comp.left_edge.idx, comp.right_edge.idx + len(comp.right_edge)
        if comp.right_edge.i < head.i:
            # "X, but Y, another source said": the parser often hangs only Y on the cue;
            # a sentence-final cue reports everything before it.
            first = next((t for t in head.sent if not (t.is_punct or t.is_space)), comp.left_edge)
            start = min(start, first.idx)
        return start, end, how
    if head.dep_ == "parataxis" and head.head.i != head.i:
        # "This, he said, was the reason ...": the whole host clause is the content.
        own = {t.i for t in head.subtree}
        toks = [t for t in head.head.subtree if t.i not in own]
        if toks:
            return toks[0].idx, toks[-1].idx + len(toks[-1]), "parataxis"
    return _object_extent(head, hearer_object)


def _object_extent(head: Token, hearer_object: bool) -> tuple[int, int, str] | None:
    """Noun-phrase and infinitive content: "cited derogatory comments", "wants to triple ...".

    PolNeAR annotates these as attributions too; they come from verbs that are
    cues more often than not in training, so their objects are reported content.
    """
    parts = [c for c in head.rights if c.dep_ in OBJECT_DEPS and not (hearer_object and c.dep_ == "dobj")]
    how = "+".join(sorted({p.dep_ for p in parts}))
    if not parts:
        # "spoke of X", "complained about X": X is the content, the preposition joins the cue.
        preps = [c for c in head.rights if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS]
        parts = [o for p in preps[:1] for o in p.children if o.dep_ in ("pobj", "pcomp")]
        how = "prep"
    passive = [c for c in head.lefts if c.dep_ == "nsubjpass"]
    if not parts and passive and any(c.dep_ == "agent" for c in head.rights):
        parts, how = passive, "passive"  # "was first reported by The Washington Post"
    if not parts:
        return None
    toks = [t for p in parts for t in p.subtree]
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return first.idx, last.idx + len(last), how


def _according_extent(cue: CueCandidate) -> tuple[int, int] | None:
    """'According to X, S' / 'S, according to X': S without the prepositional phrase."""
    sent = cue.head.sent
    phrase = {t.i for t in cue.head.subtree}
    before = [t for t in sent if t.i < min(phrase) and not t.is_punct]
    after = [t for t in sent if t.i > max(phrase) and not t.is_punct]
    side = after if len(after) >= len(before) else before
    if not side:
        return None
    return side[0].idx, side[-1].idx + len(side[-1])


def _label_drafts(doc: Doc, quoted: list[QuotedSpan]) -> list[Draft]:
    """'PENCE: Well, look ...' and 'Pat Caddell: Voters Worried ...' lines."""
    text = text_of(doc)
    title = detect_title(text)
    title_end = text.index(title) + len(title) if title else 0
    drafts = []
    for line in find_label_lines(text, title_end):
        colon = doc.char_span(line.label_end, line.label_end + 1, alignment_mode="expand")
        if colon is None:
            continue
        cue = CueCandidate(colon[0], ":", line.label_end, line.label_end + 1, 1.0)
        inside = [q for q in quoted if line.content_start <= q.start < line.content_end]
        kind = "direct" if line.transcript else "mixed" if inside else "indirect"
        drafts.append(
            Draft(
                kind,
                line.content_start,
                line.content_end,
                cue,
                None,
                0.7,
                label=(line.label_start, line.label_end),
            )
        )
    return drafts


# -- finishing ----------------------------------------------------------------
def _drop_nested(drafts: list[Draft]) -> list[Draft]:
    """An indirect clause inside a longer attributed quote is the same speech twice."""
    kept: list[Draft] = []
    for d in drafts:
        outer = next((k for k in kept if k.start <= d.start and d.end <= k.end and k.kind != "term"), None)
        if outer is not None and d.kind in ("indirect", "mixed") and outer is not d:
            continue
        kept.append(d)
    return kept


def _merge_shared_cues(drafts: list[Draft], para_of) -> list[Draft]:
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


def _finish(doc: Doc, drafts: list[Draft], ranges) -> tuple[list[Quote], list[Speaker]]:
    text = text_of(doc)
    resolver = SpeakerResolver(doc, ranges)
    para_of = _paragraph_index(text)
    quotes: list[Quote] = []
    last_spoken: Quote | None = None
    for draft in drafts:
        if draft.label is not None:
            speaker = resolver.resolve_label(*draft.label)
        elif draft.speaker_tok is not None:
            speaker = _conventional_mention(text, resolver.resolve(draft.speaker_tok), draft.speaker_tok)
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
            act=act_of(draft.cue.lemma) if draft.cue and draft.label is None else "speech",  # type: ignore[arg-type]
        )
        if (
            quote.kind == "direct"
            and quote.cue is None
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
        if quote.speaker is not None:
            resolver.note_speaker(quote.start, quote.speaker.name)
            if quote.kind in ("direct", "mixed"):
                last_spoken = quote
        quotes.append(quote)
    return quotes, _speaker_table(quotes)


def _conventional_mention(text: str, ref: SpeakerRef | None, head: Token) -> SpeakerRef | None:
    """The mention bounded as PolNeAR bounds sources (``spans.source_extent``)."""
    if ref is None or head.pos_ == "PRON":
        return ref
    extent = source_extent(head)
    if extent is None or extent == (ref.start, ref.end):
        return ref
    start, end = extent
    return replace(ref, mention=text[start:end], start=start, end=end)


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
    if start == cue.start or cue.start > draft.start >= start:
        return record  # unchanged, or the widened cue would run into content before it
    return replace(record, text=text_of(doc)[start : cue.end], start=start)


def _paragraph_index(text: str):
    starts = [s for s, _ in paragraphs(text)]

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
        s.words += len(q.text.split())
        if q.speaker.mention not in aliases[s.name]:
            aliases[s.name].append(q.speaker.mention)
    for name, s in table.items():
        s.aliases = aliases[name]
    return sorted(table.values(), key=lambda s: (-s.words, s.name))


def _inside(char: int, ranges: list[tuple[int, int]]) -> bool:
    """``ranges`` sorted by start and non-overlapping, as quotation spans are."""
    i = bisect.bisect_right(ranges, (char, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= char < ranges[i][1]


def _overlaps(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_left(ranges, (end, -1))  # ranges starting before ``end``
    return i > 0 and ranges[i - 1][1] > start


def _between(cues: list[CueCandidate], start: int, end: int) -> list[CueCandidate]:
    """Cues (sorted by start) that start in [start, end)."""
    starts = [c.start for c in cues]
    return cues[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in " \n\t,;:—–":
        end -= 1
    return start, end
