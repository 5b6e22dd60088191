"""Statements set off after "X said:" with no quotation marks of their own.

Web pages often print a statement as a block quote: the page's styling stands for the marks,
and text extraction keeps only the words. What is left is a paragraph ending "..., said:" and
the statement as the paragraph (or paragraphs) after it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from quotetrace.extract.cues import CueCandidate, text_of
from quotetrace.extract.draft import Draft, between, overlaps, trim
from quotetrace.extract.lexicon import CATAPHORIC, FIRST_PERSON, HEARER_OBJECT_LEMMAS, INDIRECT_MIN_RATE
from quotetrace.extract.speaker_heads import speaker_head

# A statement rarely runs longer; past it, unmarked paragraphs are more likely the writer's.
MAX_PARAGRAPHS = 6
MIN_WORDS = 3


def block_drafts(
    doc: Doc,
    cues: list[CueCandidate],
    ranges: list[tuple[int, int]],
    used: set[int],
    paras: list[tuple[int, int]],
) -> list[Draft]:
    """One direct quote per "X said:" paragraph followed by unmarked paragraphs; ``used`` (cue
    heads already attributed) gains the cues taken here; ``paras``: ``marks.paragraphs`` of the text."""
    text = text_of(doc)
    drafts = []
    for i, (start, end) in enumerate(paras[:-1]):
        line = text[start:end].rstrip()
        if not line.endswith(":"):
            continue
        cue = _introducing_cue(doc, cues, start + len(line) - 1, used)
        if cue is None:
            continue
        pieces = _statement(doc, end, paras[i + 1 : i + 1 + MAX_PARAGRAPHS], ranges)
        if pieces:
            fragments = pieces if len(pieces) > 1 else None
            drafts.append(
                Draft("direct", pieces[0][0], pieces[-1][1], cue, speaker_head(cue), 0.7, fragments=fragments)
            )
            used.add(cue.head.i)
    return drafts


def _introducing_cue(doc: Doc, cues: list[CueCandidate], colon: int, used: set[int]) -> CueCandidate | None:
    """A speech verb in the colon's sentence that reports nothing before the colon:
    'X, the ambassador, said:', 'X told me after the bodies arrived:', not 'X said the plan
    would fail:' or 'the report set out three options:' (not a speech verb)."""
    tokens = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return None
    sent = tokens[0].sent
    found = [c for c in between(cues, sent.start_char, colon) if c.head.i not in used]
    if not found or found[-1].rate < INDIRECT_MIN_RATE:
        return None
    cue = found[-1]
    if any(_reported_before_colon(cue, child, colon) and child.idx < colon for child in cue.head.rights):
        return None
    speaker = speaker_head(cue)
    # 'X noted the sparse attendance:', 'will be talked about:', 'Read:', 'the people
    # identified as ...:': what follows is the writer's list or summary. 'I have learned:' is
    # the writer, or a speech going on. The one who speaks is the verb's own subject.
    if speaker is None or speaker.lower_ in FIRST_PERSON:
        return None
    if not cue.prepositional and (speaker.dep_ != "nsubj" or speaker.head.i != cue.head.i):
        return None
    return cue


def _reported_before_colon(cue: CueCandidate, child, colon: int) -> bool:
    """The cue already has its content: a clause, or an object that is not the hearer and does
    not point ahead to the statement ('laid out the premise for his turn:', 'said the
    following:')."""
    if child.dep_ in ("ccomp", "xcomp", "attr", "oprd"):
        return True
    return child.dep_ == "dobj" and cue.lemma not in HEARER_OBJECT_LEMMAS and not _points_ahead(child, colon)


def _points_ahead(obj, colon: int) -> bool:
    """An object noun that stands for what is said (data class cataphoric_object) and ends the
    clause at the colon: what the colon opens is that premise, message or warning."""
    if not (obj.lower_ in CATAPHORIC or any(t.lower_ == "following" for t in obj.lefts)):
        return False
    doc = obj.doc
    after = obj.right_edge.i + 1
    end = after
    while end < len(doc) and doc[end].idx < colon:
        end += 1
    if end >= len(doc) or doc[end].idx != colon:
        return False
    # Only prepositional phrases between ('the premise for his turn:' with 'for' on the verb).
    tops = {t.i for t in doc[after:end] if not after <= t.head.i < end}
    return all(doc[i].dep_ == "prep" and doc[i].head.i in (obj.i, obj.head.i) for i in tops)


def _statement(
    doc: Doc, after: int, following: list[tuple[int, int]], ranges: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The block's paragraphs, after the colon's paragraph (ending at ``after``): the first
    unmarked paragraph, and after it those that go on in the first person, or, where a blank
    line sets the block off, lines set closer than that ('said:\n\nA\nB\n\nThe writer')."""
    text = text_of(doc)
    set_off = bool(following) and _blank_line(text, after, following[0][0])
    pieces: list[tuple[int, int]] = []
    prev_end = after
    for start, end in following:
        if overlaps(start, end, ranges) or text[start:end].rstrip().endswith(":"):
            break
        close_set = set_off and not _blank_line(text, prev_end, start)
        if pieces and not close_set and not _first_person(doc, start, end):
            break
        if not _reads_as_speech(text[start:end].strip()):
            break
        pieces.append(trim(text, start, end))
        prev_end = end
    if pieces and len(text[pieces[0][0] : pieces[0][1]].split()) < MIN_WORDS:
        return []
    return pieces


def _blank_line(text: str, end: int, start: int) -> bool:
    return text.count("\n", end, start) >= 2


def _reads_as_speech(paragraph: str) -> bool:
    """Not a list item ('1. ...', a bullet glyph read as 'l '), nor an all-capitals heading."""
    first = paragraph.split(maxsplit=1)[0]
    letters = [c for c in paragraph if c.isalpha()]
    if not letters or all(c.isupper() for c in letters):
        return False
    return not (first[:-1].isdigit() and first.endswith((".", ")"))) and first not in _BULLETS


def _first_person(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.lower_ in FIRST_PERSON for t in span)


_BULLETS = frozenset({"l", "•", "-", "*", "·", "–", "—"})
