"""Reported speech without quotation marks: what a cue verb reports, in every reading.

A cue can report more than one stretch of text ("expressed deep concern about the policy":
the object, or what the concern is about). Each reading is a draft; the gate scores them all
and keeps the most probable one (``attribution.attribute``), so the choice of boundaries is
learned from PolNeAR train along with the choice of cues.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quotetrace.extract.clause_readings import (
    antecedent_extent,
    for_clause_objects,
    prepositional_extent,
    question_clause,
)
from quotetrace.extract.cues import PUT_TO_LEMMA, CueCandidate, text_of, that_clause
from quotetrace.extract.draft import Draft, overlaps, trim
from quotetrace.extract.interviewer import role_read_as_verb
from quotetrace.extract.lexicon import (
    CONTENT_PREPS,
    HEARER_OBJECT_LEMMAS,
    INDIRECT_MIN_RATE,
    MANNER_NOUNS,
    OBJECT_PREPS,
    PREDICATE_VERBS,
    cue_lexicon,
)
from quotetrace.extract.marks import ALL_MARKS
from quotetrace.extract.parse_repairs import around_fronted_relative, before_semicolon, charge_on_person
from quotetrace.extract.speaker_heads import speaker_head

CONTENT_DEPS = ("ccomp",)
OBJECT_DEPS = ("dobj", "xcomp", "oprd")
# Clauses that, after a comma at the end of a content, comment on it rather than report it.
TRAILING_DEPS = frozenset({"relcl", "advcl", "acl"})
QUOTE_MARKS = frozenset(ALL_MARKS)


def indirect_drafts(doc: Doc, cue: CueCandidate, ranges) -> list[Draft]:
    """Every reading of what ``cue`` reports, as drafts (possibly none)."""
    extents = []
    main = content_extent(cue)
    if main is not None:
        extents.append((*main, None))
    if not cue.prepositional:
        extents.extend(_alternative_extents(cue.head, main))
    readings: list[tuple[int, int, str, int | None, Token | None]] = []
    for ext_start, ext_end, how, cue_end in extents:
        trimmed = _without_trailing_clause(doc, ext_start, ext_end)
        if trimmed is not None and _reports_on_its_own(trimmed[2]):
            # ', saying that ...' after the content is another act of speech, never part of
            # this one: the extent without it is the only reading, and a plain one.
            readings.append((trimmed[0], trimmed[1], how, cue_end, trimmed[2]))
            continue
        readings.append((ext_start, ext_end, how, cue_end, None))
        if trimmed is not None:
            readings.append((trimmed[0], trimmed[1], how + "_trimmed", cue_end, None))
    readings.sort(key=lambda r: r[2].endswith("_trimmed"))
    drafts = []
    speaker = speaker_head(cue)
    text = text_of(doc)
    for ext_start, ext_end, how, cue_end, participle in readings:
        start, end = trim(text, ext_start, ext_end)
        if cue.start <= start < cue.end or (cue_end is not None and start < cue_end):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not any(not t.is_punct for t in span):
            continue
        kind = "mixed" if overlaps(start, end, ranges) else "indirect"
        draft = Draft(kind, start, end, cue, speaker, 0.35 + 0.5 * cue.rate, cue_end=cue_end)
        draft.extent_kind = how
        draft.participle = participle
        aside = around_aside if how.startswith("parataxis") else around_fronted_relative
        draft.fragments = aside(text, cue, start, end)
        drafts.append(draft)
    return drafts


def around_aside(text: str, cue: CueCandidate, start: int, end: int) -> list[tuple[int, int]] | None:
    """'This, she said, was a rumour': the content in two fragments around the reporting aside."""
    aside = list(cue.head.subtree)
    a_start, a_end = aside[0].idx, aside[-1].idx + len(aside[-1])
    if not start < a_start < a_end < end:
        return None
    pieces = [trim(text, start, a_start), trim(text, a_end, end)]
    return [(s, e) for s, e in pieces if s < e] or None


def content_extent(cue: CueCandidate) -> tuple[int, int, str] | None:
    """Characters of what the cue most plainly reports, and how they were found."""
    head = cue.head
    if cue.prepositional:
        extent = prepositional_extent(cue)
        return (*extent, "according") if extent else None
    hearer_object = cue.lemma.split()[0] in HEARER_OBJECT_LEMMAS
    comps = [
        c
        for c in head.children
        if c.dep_ in CONTENT_DEPS
        or question_clause(head, c, hearer_object)
        or (cue.lemma == PUT_TO_LEMMA and that_clause(c))
    ]
    comps = [c for c in comps if not before_semicolon(c, head)]
    how = "ccomp"
    if not comps and not hearer_object:
        # "denied reports that ...": the clause hangs off the object noun.
        for obj in (c for c in head.children if c.dep_ == "dobj"):
            if any(g.dep_ in ("acl", "ccomp") for g in obj.children):
                comps, how = [obj], "object_clause"
    if not comps:
        comps = _channel_clauses(head)  # "said in a statement that ...": a complement all the same
    if comps:
        comp = max(comps, key=lambda c: c.right_edge.i - c.left_edge.i)
        last = _stray_coordinate_end(comp)
        start, end = _after_leading_adverbs(comp).idx, last.idx + len(last)
        if comp.right_edge.i < head.i:
            # "X, but Y, another source said": the parser often hangs only Y on the cue;
            # a sentence-final cue reports everything before it.
            first = next((t for t in head.sent if not (t.is_punct or t.is_space)), comp.left_edge)
            start = min(start, first.idx)
        return start, end, how
    aside_host = None if head.dep_ == "parataxis" else _as_aside_host(cue, hearer_object)
    host = head.head if head.dep_ == "parataxis" else aside_host
    if host is not None and host.i != head.i:
        # "This, he said, was the reason ...", "As she noted, X": the whole host clause is the
        # content. The gate scores an "as" aside as the parataxis aside it is in meaning.
        own = {t.i for t in head.subtree}
        toks = [t for t in host.subtree if t.i not in own]
        if aside_host is None:
            toks = _without_stop_after(head, _without_participle_after(head, host, toks))
        if aside_host is not None:
            # 'X, as she said.' ends before the aside; 'But, as she said, X' starts at X.
            toks = _without_punct_after(toks, head.i)
            while toks and (toks[0].is_punct or toks[0].dep_ == "cc") and toks[0].i < head.i:
                toks.pop(0)
        if toks:
            return toks[0].idx, toks[-1].idx + len(toks[-1]), "parataxis"
    return _object_extent(head, hearer_object, cue.lemma.split()[0])


def _without_participle_after(aside: Token, host: Token, toks: list[Token]) -> list[Token]:
    """'"X," she said, speaking on condition of anonymity.': a participle of the host clause right
    after the reporting aside is what the speaker did, not the end of what she said; the content
    then ends before the aside. Only after a quotation: in 'Russia is interfering, they say,
    imposing ...' or after more of the host ('X, they say, Y, imposing ...') it is the host's."""
    doc = aside.doc
    first = next(t for t in aside.subtree if not t.is_punct)
    i = first.i - 1
    while i >= 0 and doc[i].is_punct and doc[i].text not in QUOTE_MARKS:
        i -= 1
    if i < 0 or doc[i].text not in QUOTE_MARKS:
        return toks
    cut = {
        t.i
        for c in host.rights
        if c.dep_ == "advcl"
        and c.tag_ == "VBG"
        and c.left_edge.i > aside.right_edge.i
        and all(doc[i].is_punct for i in range(aside.right_edge.i + 1, c.left_edge.i))
        for t in c.subtree
    }
    if not cut:
        return toks
    return _without_punct_after([t for t in toks if t.i not in cut], aside.i)


def _without_stop_after(aside: Token, toks: list[Token]) -> list[Token]:
    """'X, she said, speaking on condition of anonymity.': where the participle hangs on the
    aside, all the host has after the aside is its full stop, which is no fragment of X."""
    if any(t.i > aside.right_edge.i and not (t.is_punct or t.is_space) for t in toks):
        return toks
    return _without_punct_after(toks, aside.right_edge.i)


def _without_punct_after(toks: list[Token], i: int) -> list[Token]:
    """``toks`` less the punctuation and spaces that end them after token ``i``."""
    while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].i > i:
        toks.pop()
    return toks


def is_aside(cue: CueCandidate) -> bool:
    """A reporting aside inside the clause it reports: 'X, he said, Y', 'As she noted, X'."""
    return cue.head.dep_ == "parataxis" or _as_aside_host(cue, False) is not None


def _as_aside_host(cue: CueCandidate, hearer_object: bool) -> Token | None:
    """The clause that 'As X said, ...' / '..., as X put it' reports: the verb the as-clause
    hangs on (or the verb above the noun it hangs on). It is an aside only for a verb common
    enough as a cue to report unquoted speech (INDIRECT_MIN_RATE), or 'put it', with a speaker
    (a subject or 'by' agent) and nothing else reported: 'As she announced the budget, ...',
    'as the race turned' are time clauses, and a host that reports a clause of its own ('As X
    spoke, Y said that Z') is Y's. 'put it' keeps its pronoun: the host is what 'it' stands for."""
    head = cue.head
    if head.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in head.lefts):
        return None
    if not any(c.dep_ in ("nsubj", "agent") for c in head.children):
        return None
    if any(c.dep_ in ("ccomp", "xcomp") for c in head.children):
        return None
    objects = [c for c in head.children if c.dep_ == "dobj"]
    it = any(c.lower_ == "it" for c in objects)
    if (objects and not it and not hearer_object) or not (it or cue.rate >= INDIRECT_MIN_RATE):
        return None
    host = head.head
    while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
        host = host.head
    if host.pos_ not in ("VERB", "AUX") or any(c.dep_ == "ccomp" for c in host.children):
        return None
    return host


def _stray_coordinate_end(comp: Token) -> Token:
    """The last token of a complement clause, with the clauses coordinated to it that the parser
    hung higher up: in 'telling X that A and that B' it often makes 'B' a conj of the main verb,
    so 'that B' fell out of what 'telling' reports and the main verb took it as its own. A clause
    opened by 'and/or/but that' right after the complement, hanging on one of its governors,
    is the complement's second half ('that' as the subject, 'and that was all', is no opener)."""
    doc = comp.doc
    last = comp.right_edge
    while last.i + 2 < len(doc):
        i = last.i + 1
        if doc[i].text == "," and i + 2 < len(doc):
            i += 1
        conj, that = doc[i], doc[i + 1]
        if conj.dep_ != "cc" or that.lower_ != "that" or that.dep_ not in ("mark", "det"):
            break
        verb = next((a for a in that.ancestors if a.dep_ == "conj" and a.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.left_edge.i != that.i or verb.head not in comp.ancestors:
            break
        last = verb.right_edge
    return last


def _channel_clauses(head: Token) -> list[Token]:
    """'said in a statement that X', 'told investors in a letter that X': the parser often hangs
    the that-clause on the noun of the channel. A clause opened by the conjunction "that" (a
    ``mark``, not a relative pronoun: 'in a video that was posted') is what the cue reports.
    After a preposition that can introduce the cue's content ('responding to reports that X',
    'pointed to the finding that X') the noun and its clause are one reading, offered by
    ``_alternative_extents``; the clause alone would cut the content noun off."""
    found: list[Token] = []
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ in OBJECT_PREPS:
            continue
        for noun in (o for o in prep.children if o.dep_ == "pobj"):
            found.extend(
                clause
                for clause in noun.rights
                if clause.dep_ in ("acl", "relcl", "ccomp")
                and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < clause.i for m in clause.lefts)
            )
    return found


def _after_leading_adverbs(comp: Token) -> Token:
    """Where a complement clause starts: at its complementizer when only adverbs come before it
    ("saying only that X", "said simply that X": the adverb qualifies the saying)."""
    mark = next((c for c in comp.children if c.dep_ == "mark" and c.i < comp.i), None)
    if mark is None:
        return comp.left_edge
    before = [t for t in comp.subtree if t.i < mark.i]
    if before and all(t.dep_ == "advmod" and t.head.i == comp.i for t in before):
        return mark
    return comp.left_edge


def _object_extent(head: Token, hearer_object: bool, lemma: str) -> tuple[int, int, str] | None:
    """Noun-phrase and infinitive content: "cited derogatory comments", "wants to triple ...".

    PolNeAR annotates these as attributions too; they come from verbs that are
    cues more often than not in training, so their objects are reported content.
    """
    parts = [
        c
        for c in head.rights
        if c.dep_ in OBJECT_DEPS and not (hearer_object and c.dep_ == "dobj") and not role_read_as_verb(c)
    ]
    how = "+".join(sorted({p.dep_ for p in parts}))
    parts += [charge] if (charge := charge_on_person(head, parts)) is not None else []
    predicate = _object_predicate(head, parts) if lemma in PREDICATE_VERBS else None
    if predicate is not None:
        parts, how = [*parts, predicate], "dobj+oprd"
    if not parts:
        # "spoke of X", "complained about X": X is the content, the preposition joins the cue.
        preps = [c for c in head.rights if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS]
        parts = [o for p in preps[:1] for o in p.children if o.dep_ in ("pobj", "pcomp") and not _manner(o)]
        how = "prep"
    passive = [c for c in head.lefts if c.dep_ == "nsubjpass"]
    if not parts and passive:
        # "was first reported by X"; with no agent ("the question was asked") a reading of its own.
        parts, how = passive, "passive" if any(c.dep_ == "agent" for c in head.rights) else "passive_subject"
    return (*_extent_of(parts), how) if parts else antecedent_extent(head)


def _object_predicate(head: Token, parts: list[Token]) -> Token | None:
    """What 'described the results as "promising, but early"' or 'called it "a sad day"' says of
    its object, where the parser did not make it an ``oprd``: an 'as' phrase (its quoted
    adjectives hung on 'as' with no noun), or a quoted noun phrase it took for an adverbial.
    Only after the object of a verb that predicates (data/word_classes.tsv predicate_verb)."""
    if [p.dep_ for p in parts] != ["dobj"]:
        return None
    after = parts[0].right_edge.i
    for child in head.rights:
        if child.i <= after or child.is_punct:
            continue
        if child.dep_ == "prep" and child.lower_ == "as" and any(not c.is_punct for c in child.children):
            return child
        opener = head.doc[child.left_edge.i - 1]
        if child.dep_ == "npadvmod" and opener.text in QUOTE_MARKS and opener.i == after + 1:
            return child
        return None
    return None


def _manner(obj: Token) -> bool:
    """'spoke on condition of anonymity', 'on the phone': how someone spoke, never what about
    ('talked about the record' is what)."""
    return obj.lower_ in MANNER_NOUNS and obj.head.lower_ == "on"


def _alternative_extents(head: Token, main: tuple[int, int, str] | None):
    """Other readings: the object of a preposition after the verb or after its object.

    "held his fire on Ben Carson", "offered his congratulations to X": the cue then runs to the
    preposition (``cue_end``), as PolNeAR marks it; not "accused him of lying" (the charge).
    """
    seen = {main[:2]} if main else set()
    objects = [c for c in head.rights if c.dep_ == "dobj"]
    charge_at = charge.i if (charge := charge_on_person(head, objects)) is not None else -1
    for host in [head, *objects]:
        for prep in host.rights:
            if prep.dep_ != "prep" or prep.lower_ not in OBJECT_PREPS or prep.i == charge_at:
                continue
            objs = [o for o in prep.children if o.dep_ in ("pobj", "pcomp") and not _manner(o)]
            if not objs:
                continue
            start, end = _extent_of(objs)
            if (start, end) in seen:
                continue
            seen.add((start, end))
            how = "object_prep" if host is not head else "verb_prep"
            yield start, end, how, prep.idx + len(prep)
    yield from for_clause_objects(head)
    yield from _infinitive_objects(head, seen)


def _infinitive_objects(head: Token, seen: set):
    """'is expected to endorse X', 'has sought to characterize X as Y': the object of the
    reporting infinitive the cue governs, with the infinitive in the cue (``cue_end``), as
    annotators often mark it; the gate weighs this reading against the whole 'to ...' one."""
    for verb in head.rights:
        if verb.dep_ != "xcomp" or verb.pos_ != "VERB" or not any(c.lower_ == "to" for c in verb.lefts):
            continue
        obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
        entry = cue_lexicon().get(verb.lower_)  # the infinitive is its lemma
        if obj is None or entry is None or entry.rate < INDIRECT_MIN_RATE:
            continue  # 'sought to defeat X': only a reporting infinitive joins the cue
        last = verb.right_edge
        start, end = obj.left_edge.idx, last.idx + len(last)
        if (start, end) not in seen:
            seen.add((start, end))
            yield start, end, "xcomp_object", verb.idx + len(verb)


def _without_trailing_clause(doc: Doc, start: int, end: int) -> tuple[int, int, Token] | None:
    """The extent without a clause tacked on after a comma: ", which ...", ", drawing boos",
    ", though voters ...", and that clause. Annotators leave these out of what was reported."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 4:
        return None
    for tok in span:
        if tok.dep_ not in TRAILING_DEPS or tok.left_edge.i <= span.start or tok.right_edge.i < span.end - 2:
            continue
        comma = doc[tok.left_edge.i - 1]
        if comma.text in (",", "—", "–", ";") and comma.i > span.start:
            last = doc[comma.i - 1]
            return start, last.idx + len(last), tok
    return None


def _reports_on_its_own(clause: Token) -> bool:
    """A participle with a complement clause of its own (', saying only that ...') or a predicate
    on its object (', calling them "fairy tales"')."""
    if clause.tag_ != "VBG" or clause.dep_ != "advcl":
        return False
    return any(c.dep_ in ("ccomp", "oprd") for c in clause.children)


def _extent_of(parts: list[Token]) -> tuple[int, int]:
    toks = [t for p in parts for t in p.subtree]
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return first.idx, last.idx + len(last)
