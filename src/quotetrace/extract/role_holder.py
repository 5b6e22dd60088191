"""The holder a role phrase names where the parser hung the name on the wrong word.

'The mayor of Marlow, Priya Sandhu, said': spaCy's small model attaches the appositive name to
the place ('Marlow'), the last noun before the comma, so the name never reaches the role and
the speaker came out as the place (or an outlet that shares its word).
"""

from __future__ import annotations

from spacy.tokens import Token

from quotetrace.extract.speaker_names import is_document


def holder_after_of_object(role: Token) -> Token | None:
    """A full name (two words or more) in apposition to the proper-noun object of 'role of X':
    the role's holder. A one-word appositive ('the director of the Museum of Modern Art, MoMA')
    is more often the place's or body's other name, and a document's 'of' names its subject."""
    if is_document(role.lower_):
        return None
    for prep in role.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.pos_ != "PROPN":
                continue
            for name in obj.children:
                full = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in name.children)
                if name.dep_ == "appos" and name.pos_ == "PROPN" and full:
                    return name
    return None
