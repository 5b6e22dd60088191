"""Readings of a cue's content where the small parser hangs a phrase on the wrong word.

What a person is charged with: PolNeAR marks 'accused Varga of ignoring warnings' as one
content ('Varga of ignoring warnings') with the verb alone as the cue, which is what the
extractor reads where the parser hangs the preposition on the person ('accused the mayor of
...'). Where it hangs it on the verb instead, the person was left alone as the object and the
charge became a reading of its own with the person inside the cue ('accused Varga of').

A clause before a semicolon: 'Mayor unveils free bus plan; rival calls it "a gimmick"' is two
sentences, but the parser hangs the first on 'calls' as its complement, and the rival was
reported as saying the mayor unveiled the plan; it hangs the subject of the first on the
second's verb as well.

A relative pronoun fronted over the cue: in 'the cap, which consumer groups say has come too
late' the complement's first word stands before the cue's own subject; the content is 'which
... has come too late' in two fragments, as PolNeAR marks it, not the source and cue with it.
"""

from __future__ import annotations

from spacy.tokens import Token

from quotetrace.extract.cues import CueCandidate
from quotetrace.extract.draft import trim
from quotetrace.extract.lexicon import CHARGE_PREPS

OWN_OBJECT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "oprd"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def charge_on_person(verb: Token, objects: list[Token]) -> Token | None:
    """The preposition right after the verb's lone person object (a name or a pronoun) that
    says what the person is charged with or praised for, hung on the verb."""
    if [o.dep_ for o in objects] != ["dobj"] or objects[0].pos_ not in ("PRON", "PROPN"):
        return None
    after = objects[0].right_edge.i + 1
    prep = next((c for c in verb.rights if c.i == after), None)
    if prep is None or prep.dep_ != "prep" or prep.lower_ not in CHARGE_PREPS:
        return None
    return prep


def before_semicolon(clause: Token, verb: Token) -> bool:
    """``clause`` ends before a semicolon that comes before ``verb``, and the verb reports
    something of its own after it: two sentences joined, not a fronted content."""
    if not across_semicolon(clause, verb):
        return False
    return any(c.dep_ in OWN_OBJECT_DEPS and c.i > verb.i for c in verb.children)


def across_semicolon(phrase: Token, verb: Token) -> bool:
    """A semicolon stands between the phrase (before the verb) and the verb: 'The bridge
    reopened on Friday; engineers say ...' hangs 'bridge' on 'say' as a second subject."""
    end = phrase.right_edge.i
    return end < verb.i and any(t.text == ";" for t in verb.doc[end + 1 : verb.i])


def around_fronted_relative(
    text: str, cue: CueCandidate, start: int, end: int
) -> list[tuple[int, int]] | None:
    """The content from ``start`` to ``end`` without the subject and verb of a relative clause
    ('which | consumer groups say | has come too late') whose complement's relative pronoun
    comes first: two fragments, or None where the content does not open with such a pronoun."""
    verb = cue.head
    if verb.dep_ != "relcl":
        return None
    comp = next((c for c in verb.rights if c.dep_ == "ccomp"), None)
    if comp is None or comp.left_edge.i >= verb.i or comp.left_edge.tag_ not in RELATIVE_TAGS:
        return None
    wh = comp.left_edge
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if wh.idx != start or after is None or after.idx >= end:
        return None
    return [(start, wh.idx + len(wh)), trim(text, after.idx, end)]
