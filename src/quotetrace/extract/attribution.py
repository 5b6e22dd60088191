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

from spacy.tokens import Doc, Span

from quotetrace.extract.blocks import block_drafts
from quotetrace.extract.boundaries import Bounds, default_bounds
from quotetrace.extract.cues import CueCandidate, CueFinder, text_of
from quotetrace.extract.draft import STRIP, Draft, Gate, between, governors_of, inside, trim
from quotetrace.extract.finish import drop_nested, finish, merge_shared_cues, paragraph_index
from quotetrace.extract.indirect import around_aside, content_extent, indirect_drafts, is_aside
from quotetrace.extract.labels import find_label_lines
from quotetrace.extract.lexicon import CONTENT_PREPS, INDIRECT_MIN_RATE, WORDS_CUE
from quotetrace.extract.marks import QuotedSpan, find_quotations, paragraphs
from quotetrace.extract.noun_cues import find_noun_cues, noun_drafts
from quotetrace.extract.speaker_heads import speaker_head
from quotetrace.ingest import detect_title
from quotetrace.records import Quote, Speaker

TERM_MAX_WORDS = 4
# Marks and spaces that can stand after a quotation's last word.
CLOSING_MARKS = "\"”’'»« "


def attribute(
    doc: Doc, cue_finder: CueFinder, gate: Gate, bounds: Bounds | None = None
) -> tuple[list[Quote], list[Speaker]]:
    """Quotes and speakers of one parsed Doc; ``gate`` decides which unquoted candidates count,
    ``bounds`` where their contents start and end (the shipped boundary model by default)."""
    bounds = default_bounds() if bounds is None else bounds
    text = text_of(doc)
    paras = paragraphs(text)  # once per document: marks, blocks and the final merge read them
    quoted = find_quotations(text, paras)
    ranges = [(q.start, q.end) for q in quoted]
    cues = [c for c in cue_finder.find(doc) if not inside(c.start, ranges)]
    drafts: list[Draft] = []
    used_cues: set[int] = set()
    consumed: set[int] = set()  # quoted spans merged into a mixed quote

    for index, span in enumerate(quoted):
        if index in consumed:
            continue
        draft = _attribute_quoted(doc, span, quoted, index, cues, consumed, cue_finder)
        if draft.kind == "term" and drafts and _goes_on_after(doc, span, drafts[-1]):
            # '"A," she said. "That is all."': the short sentence goes on with her words, and
            # merge_shared_cues makes it a second fragment of her quote.
            draft = Draft("direct", span.start, span.end, None, None, 0.5)
        if draft.cue is not None:
            used_cues.add(draft.cue.head.i)
        drafts.append(draft)

    strong_cues = frozenset(c.head.i for c in cues if c.rate >= INDIRECT_MIN_RATE)
    for draft in drafts:
        if draft.kind == "mixed" and draft.cue is not None:
            # A partial quote's clause ('called the plan "a mess" on Monday'): its ends move too.
            bounds(doc, draft, ranges, strong_cues - {draft.cue.head.i})

    drafts.extend(_label_drafts(doc, quoted))
    drafts.extend(block_drafts(doc, cues, ranges, used_cues, paras))

    for cue in cues:
        if cue.head.i not in used_cues:
            kept = _keep_best(gate, indirect_drafts(doc, cue, ranges), drafts, used_cues)
            if kept is not None:  # the boundary model learned verb readings only
                bounds(doc, kept, ranges, strong_cues - {cue.head.i})
    # Nouns of saying and stance ("his criticism of X") after the verbs, never for quotations.
    verb_heads = {c.head.i for c in cues}
    reporting = set(used_cues)  # the verbs that report something of their own
    for cue in find_noun_cues(doc, ranges, verb_heads):
        _keep_best(gate, noun_drafts(doc, cue, ranges, reporting), drafts, used_cues)

    # 'questioned why X did not speak, implying that ...': the participle cut from a cue's
    # content is that cue's speaker's second act, wherever the parser hung it.
    owners = {d.participle.i: d.speaker_tok for d in drafts if d.participle is not None and d.speaker_tok}
    for d in drafts:
        if d.cue is not None and d.label is None and d.cue.head.i in owners:
            d.speaker_tok = owners[d.cue.head.i]
    drafts.sort(key=lambda d: (d.start, d.end))
    para_of = paragraph_index(paras)
    drafts = merge_shared_cues(drop_nested(drafts), para_of)
    return finish(doc, drafts, ranges, para_of)


def _keep_best(gate: Gate, readings: list[Draft], drafts: list[Draft], used_cues: set[int]) -> Draft | None:
    """Each reading of what a cue reports is scored; the most probable accepted one stays
    (and is returned)."""
    scored = [(gate(d.cue, d), d) for d in readings if d.cue is not None]
    accepted = [(p, d) for p, d in scored if p is not None]
    if accepted:
        confidence, draft = max(accepted, key=lambda pd: pd[0])
        draft.confidence = confidence
        drafts.append(draft)
        used_cues.add(draft.cue.head.i)  # type: ignore[union-attr]
        return draft
    return None


# -- quoted spans -------------------------------------------------------------
def _attribute_quoted(
    doc: Doc,
    span: QuotedSpan,
    quoted: list[QuotedSpan],
    index: int,
    cues: list[CueCandidate],
    consumed: set[int],
    cue_finder: CueFinder,
) -> Draft:
    text = text_of(doc)
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return Draft("term", span.start, span.end, None, None, 0.2)
    first_sent, last_sent = tokens[0].sent, tokens[-1].sent
    region = (first_sent.start_char, last_sent.end_char)
    tail = _question_tail(doc, span, tokens, cues)
    if tail is not None:
        region = (region[0], tail.end_char)  # '"Why?" she asked.': the parser split them
    inner_words = len(span.inner(text).split())
    local = between(cues, region[0], region[1])
    cue = _best_cue(local, tokens)
    confidence = 0.9 if cue else 0.0
    if cue is None:
        cue = _colon_cue(doc, span, cues)
        confidence = 0.8 if cue else 0.0
    if cue is None:
        # '"...," Trump tweeted.' / 'Trump boomed: "..."': any verb in the attribution slot
        # next to a quotation is its cue, listed in the lexicon or not.
        cue = _frame_verb_cue(doc, span, tokens, cue_finder, tail is not None)
        confidence = 0.7 if cue else 0.0

    embedded = _embedded(text, span, region, cue)
    if cue is None:
        if (inner_words <= TERM_MAX_WORDS and not _whole_paragraph(text, span)) or embedded:
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
        draft = Draft("mixed", start, end, cue, speaker, confidence - 0.1)
        if is_aside(cue):
            draft.fragments = around_aside(text, cue, start, end)
        return draft
    return Draft("direct", span.start, span.end, cue, speaker, confidence if span.closed else 0.6)


def _best_cue(local: list[CueCandidate], quote: Span) -> CueCandidate | None:
    if not local:
        return None
    governors = governors_of(quote.doc, quote.start, quote.end)

    def score(c: CueCandidate) -> tuple[int, float, int]:
        # A quote inside the cue's own subject is part of who speaks, not of what is reported:
        # 'X, who noted that Y was "Z," also said ...' is "noted"'s quote, not "said"'s.
        governs = c.head.i in governors and not _in_subject(c, quote)
        distance = min(abs(c.head.i - quote.start), abs(c.head.i - (quote.end - 1)))
        if (c.lemma == WORDS_CUE or _as_aside(c)) and _on_clause_of(c, quote):
            # 'held because, in Forbes' words, "..."', 'As she put it, "..."': the phrase names
            # whose words the quotation is; the verb that governs the clause reports nothing.
            return (-1, 0, distance)
        strong = c.rate >= INDIRECT_MIN_RATE
        return (0 if governs else 1, 0 if strong else 1, distance)

    best = min(local, key=score)
    # A weak cue far from the quote ("he made a decision") is not its reporting verb.
    if best.rate < 0.15 and score(best)[0] == 1:
        return None
    return best


def _as_aside(cue: CueCandidate) -> bool:
    """'As she put it, S' / 'S, as he noted': an aside hung on the clause it reports."""
    return cue.head.dep_ == "advcl" and is_aside(cue)


def _on_clause_of(cue: CueCandidate, quote: Span) -> bool:
    extent = content_extent(cue)
    return extent is not None and extent[0] < quote.end_char and quote.start_char < extent[1]


def _in_subject(cue: CueCandidate, quote: Span) -> bool:
    subjects = (c for c in cue.head.lefts if c.dep_ in ("nsubj", "nsubjpass"))
    return any(s.left_edge.i <= quote.start <= s.right_edge.i for s in subjects)


def _reports(cue: CueCandidate, span: QuotedSpan) -> bool:
    extent = content_extent(cue)
    strong = cue.rate >= INDIRECT_MIN_RATE or _as_aside(cue)  # 'put it' is rare, but reports
    return strong and extent is not None and extent[0] <= span.start < extent[1]


def _colon_cue(doc: Doc, span: QuotedSpan, cues: list[CueCandidate]) -> CueCandidate | None:
    """'Blinken said:' closing the previous sentence or paragraph introduces the quote."""
    before = text_of(doc)[: span.start].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    # Only the clause that ends in the colon: a cue of the sentence before ('Vance spoke on
    # Friday. The governor went on: "..."') is not this quote's ('go on' is no lexicon cue,
    # so _frame_verb_cue takes the colon clause's verb).
    tokens = doc.char_span(colon, colon + 1, alignment_mode="expand")
    start = max(colon - 200, tokens[0].sent.start_char) if tokens is not None and len(tokens) else colon - 200
    window = between(cues, start, colon)
    return window[-1] if window else None


def _before_closing(text: str, span: QuotedSpan) -> str:
    """The quotation up to its closing marks: its last character says how the quoted words end
    ('"Stop," she said' goes on; '"Stop."' ends a sentence)."""
    return text[span.start : span.end].rstrip(CLOSING_MARKS)


def _whole_paragraph(text: str, span: QuotedSpan) -> bool:
    """A quotation that is a paragraph of its own, ending a sentence: '"We are ready."' after a
    speaker's quote is a short continuation, not a scare-quoted term."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end < 0 else line_end
    inner = _before_closing(text, span)
    return not text[line_start : span.start].strip() and not text[span.end : line_end].strip() and (
        inner.endswith((".", "!", "?", "…"))
    )


def _goes_on_after(doc: Doc, span: QuotedSpan, prev: Draft) -> bool:
    """A quoted full sentence (capitalised, ending in . ! ? inside the marks) that opens the
    sentence right after an attributed quote's sentence, in the same paragraph. A title or a
    scare quote sits inside the writer's sentence, or follows no attributed quote."""
    text = text_of(doc)
    inner = span.inner(text)
    if not (span.closed and inner[:1].isupper() and inner.endswith((".", "!", "?", "…"))):
        return False
    if prev.cue is None or prev.kind not in ("direct", "mixed") or prev.label is not None:
        return False
    if prev.end > span.start or "\n" in text[prev.end : span.start]:
        return False
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return False
    sent = tokens[0].sent
    if text[sent.start_char : span.start].strip():
        return False  # inside the writer's own sentence: 'aired on "Meet the Press."'
    # The sentence before it holds the previous quote's end or its cue: nothing in between.
    before = doc[sent.start - 1].sent if sent.start > 0 else None
    return before is not None and before.start_char < max(prev.end, prev.cue.end)


def _question_tail(doc: Doc, span: QuotedSpan, quote: Span, cues: list[CueCandidate]) -> Span | None:
    """'"Why did it cost so much?" she asked.': the parser ends the sentence at the question or
    exclamation mark, so the attribution after it is a sentence of its own. It is the quote's
    when it follows on the same line and its verb, near the start, has a subject and reports
    nothing else (no clause or noun object of its own: '"Why?" Officials say no.' is not one).
    A capitalised start is a new sentence unless its verb is a cue: '"Why?" Smith asked.' is an
    attribution, '"Who knows?" He smiled.' is not."""
    text = text_of(doc)
    inner = _before_closing(text, span)
    after = quote.end
    if not (span.closed and inner.endswith(("?", "!")) and after < len(doc) and doc[after].is_sent_start):
        return None
    if "\n" in text[span.end : doc[after].idx]:
        return None
    sent = doc[after].sent
    for tok in doc[after : min(after + 6, sent.end)]:
        if tok.pos_ != "VERB" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            continue
        reports = any(
            c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and c.pos_ != "PRON") for c in tok.children
        )
        is_cue = any(c.head.i == tok.i for c in between(cues, sent.start_char, sent.end_char))
        if reports or not (doc[after].text[:1].islower() or is_cue):
            return None
        return sent
    return None


def _frame_verb_cue(
    doc: Doc, span: QuotedSpan, quote: Span, cue_finder: CueFinder, tail: bool = False
) -> CueCandidate | None:
    """``tail``: the sentence after the quote is its attribution (``_question_tail``)."""
    text = text_of(doc)
    inner_end = _before_closing(text, span)
    after = quote.end
    if span.closed and inner_end.endswith((",", "?", "!")) and after < len(doc):
        # The attribution slot after a quotation: "X said", "said X", "X, a spokesman, said".
        for tok in doc[after : min(after + 6, len(doc))]:
            if (tok.is_sent_start and not (tail and tok.i == after)) or "\n" in tok.text:
                break
            if tok.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                return cue_finder.any_verb(tok)
    before = text[: span.start].rstrip()
    if before.endswith(":") and quote.start > 0:
        colon = doc[quote.start - 1] if doc[quote.start - 1].text == ":" else None
        sent = (colon or doc[quote.start - 1]).sent
        verbs = [t for t in sent if t.pos_ == "VERB" and t.i < quote.start]
        if verbs and verbs[-1].idx >= span.start - 200:
            return cue_finder.any_verb(verbs[-1])
    return None


def _embedded(text: str, span: QuotedSpan, region: tuple[int, int], cue: CueCandidate | None) -> bool:
    """True when the quote is a fragment inside the writer's own sentence (a partial quote)."""
    cue_before = cue is not None and cue.end <= span.start
    # Only the words just before the quote decide; a bounded window keeps huge lines linear.
    window_start = max(cue.end if cue is not None and cue_before else region[0], region[0], span.start - 300)
    before = text[window_start : span.start]
    before_words = [w for w in before.split() if w.strip(STRIP + '"“”') and w.lower() != "that"]
    if cue_before and len(before_words) == 1 and before_words[0].lower() in CONTENT_PREPS:
        # 'described as "X"': the preposition joins the cue to its quotation, in the cue or not.
        before_words = []
    if before_words and not before.rstrip().endswith((",", ":", "—", "–")):
        return True
    if cue is not None and not cue_before:
        return False  # text between the quote and a following cue is the speaker
    after = text[span.end : min(region[1], span.end + 300)].strip(STRIP + ".!?\"”’' ")
    inner = _before_closing(text, span)
    return bool(after) and not inner.endswith((",", ".", "!", "?", "…"))


def _mixed_extent(doc: Doc, cue: CueCandidate, span: QuotedSpan, region: tuple[int, int]) -> tuple[int, int]:
    """The reported clause around a partial quote: the cue's complement, else the sentence side."""
    extent = content_extent(cue)
    if extent is not None and extent[0] <= span.start < extent[1]:
        return trim(text_of(doc), extent[0], max(extent[1], span.end))
    if cue.start < span.start:
        return trim(text_of(doc), cue.end, max(region[1], span.end))
    return trim(text_of(doc), region[0], max(span.end, cue.start))


# -- indirect speech ----------------------------------------------------------
def _label_drafts(doc: Doc, quoted: list[QuotedSpan]) -> list[Draft]:
    """'PENCE: Well, look ...' and 'Pat Caddell: Voters Worried ...' lines."""
    text = text_of(doc)
    title = detect_title(text)
    title_end = text.index(title) + len(title) if title else 0
    drafts = []
    for line in find_label_lines(text, title_end):
        cue = None  # initials before an answer: nothing in the text reports it
        if line.colon:
            colon = doc.char_span(line.label_end, line.label_end + 1, alignment_mode="expand")
            if colon is None or not len(colon):
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
