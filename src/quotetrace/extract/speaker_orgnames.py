"""Organisation names with small words inside: 'Department of Justice', 'National Search and
Rescue Agency', 'Bank of America'.

The parse tags "of" and "and" as what they are, so a run of proper nouns stops at them and the
resolver printed "Department" or "Rescue Agency". Two runs with one joining word between (word
class name_joiner, then an optional "the") are one name when the words say organisation: before
"of" or "for", a run ending in an organisation word ('Department of ...', 'University of
...'); around "and" or "&", a run after it ending in one that the run before hangs on in the
parse ('National Search and Rescue Agency', not 'Mara Quint and Fox News').
"""

from __future__ import annotations

from spacy.tokens import Token

from quotetrace.extract.speaker_names import name_run, org_words
from quotetrace.text.lexicon import word_class

NAME_JOINERS = frozenset(word_class("name_joiner"))
NAME_CONJUNCTIONS = frozenset(word_class("name_conjunction"))
ARTICLE = "the"


def joinable(left: list[Token], glue: list[Token], right: list[Token]) -> bool:
    """Whether ``left``, ``glue`` and ``right`` are one organisation's name."""
    if not glue or len(glue) > 2 or glue[0].lower_ not in NAME_JOINERS:
        return False
    if len(glue) == 2 and glue[1].lower_ != ARTICLE:
        return False
    if any(t.text[:1].isupper() and not t.text.isupper() for t in glue):
        return False  # 'Of' or 'And' capitalised mid-line: a headline, not a name's small word
    last = left[-1].lower_.rstrip(".")
    if glue[0].lower_ not in NAME_CONJUNCTIONS:
        return last in org_words()  # 'Department of', 'Center for'; not 'Amazon on Monday'
    # The parse hangs the words before "and" on the name's last word ('Search ... Agency'); two
    # names side by side ('Mara Quint and Fox News') are a conjunction, the second under the first.
    inside = {t.i for t in right}
    return right[-1].lower_.rstrip(".") in org_words() and left[-1].head.i in inside


def joined_runs(runs: list[list[Token]]) -> list[list[Token]]:
    """Runs of proper nouns (in text order) with the ones an organisation's name joins merged."""
    out: list[list[Token]] = []
    for run in runs:
        if out:
            prev = out[-1]
            glue = list(run[0].doc[prev[-1].i + 1 : run[0].i])
            if joinable(prev, glue, run):
                out[-1] = prev + glue + run
                continue
        out.append(run)
    return out


def org_run(head: Token) -> list[Token]:
    """``name_run`` of the head, widened over the small words of an organisation's name."""
    run = name_run(head)
    doc = head.doc
    while True:
        after = run[-1].i + 1
        glue_end = after + (2 if after + 1 < len(doc) and doc[after + 1].lower_ == ARTICLE else 1)
        if glue_end >= len(doc) or doc[glue_end].pos_ != "PROPN":
            break
        right = name_run(doc[glue_end])
        if right[0].i != glue_end or not joinable(run, list(doc[after:glue_end]), right):
            break
        run = run + list(doc[after:glue_end]) + right
    while True:
        before = run[0].i - 1
        start = before - 1 if before > 0 and doc[before].lower_ == ARTICLE else before
        if start < 1 or doc[start - 1].pos_ != "PROPN":
            break
        left = name_run(doc[start - 1])
        if left[-1].i != start - 1 or not joinable(left, list(doc[start : run[0].i]), run):
            break
        run = left + list(doc[start : run[0].i]) + run
    return run
