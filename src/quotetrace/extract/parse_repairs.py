"""What a person is charged with: 'accused Varga of ignoring warnings', 'blamed him for the delay'.

PolNeAR marks the person and the charge as one content ('Varga of ignoring warnings') with the
verb alone as the cue, which is what the extractor reads where the parser hangs the preposition
on the person ('accused the mayor of ...'). Where it hangs it on the verb instead, the person is
left alone as the object and the charge became a reading of its own with the person inside the
cue ('accused Varga of'); this puts the two back together.
"""

from __future__ import annotations

from spacy.tokens import Token

from quotetrace.text.lexicon import word_class

CHARGE_PREPS = frozenset(word_class("charge_preposition"))


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
