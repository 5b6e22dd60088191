"""Organisation names with small words inside: 'Department of Justice', 'National Search and
Rescue Agency', 'Bank of America'.

The parse tags "of" and "and" as what they are, so a run of proper nouns stops at them and the
resolver printed "Department" or "Rescue Agency". Two runs with one joining word between (word
class name_joiner, then an optional "the") are one name when the words say organisation: before
"of" or "for", a run ending in an organisation word ('Department of ...', 'University of
...'); around "and" or "&", a run after it ending in one that the run before hangs on in the
parse ('National Search and Rescue Agency', not 'Mara Quint and Fox News').

Also what kind of body a name says it is, so that "the company" or "the ministry" is not read
as the agency or committee named last (``body_fits``).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from quotetrace.extract.lexicon import BODY_KINDS, NAME_CONJUNCTIONS, NAME_JOINERS
from quotetrace.extract.speaker_names import in_lexicon, name_run, org_words
from quotetrace.text.lexicon import rows

ARTICLE = "the"
# The small words org_run may take inside a name.
INNER_WORDS = NAME_JOINERS | {ARTICLE}
# The joiners after which a name goes on to what the body is of or for, not what it is.
OF_JOINERS = NAME_JOINERS - NAME_CONJUNCTIONS


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


def body_fits(word: str, name: tuple[str, ...]) -> bool:
    """Whether the organisation called ``name`` can be what 'the <word>' means: 'the company'
    is a firm, not the agency named in between; 'the ministry' is no committee or senate."""
    kind = org_kinds().get(word)
    if kind is not None and org_kinds().get(_head_word(name), kind) != kind:
        return False
    return not _other_kind_of_body(word, name)


def _head_word(name: tuple[str, ...]) -> str:
    """The word that says what kind of body a name is: its last, or the last before 'of' or
    'for' ('Federal Ministry of Transport' is a ministry, 'Bank of Norway' a bank)."""
    words = [w.lower() for w in name]
    cut = next((i for i, w in enumerate(words) if i and w in OF_JOINERS), len(words))
    return words[cut - 1]


def _other_kind_of_body(word: str, name: tuple[str, ...]) -> bool:
    """'The ministry later posted ...' is no committee, senate or company named last: a body of
    one kind ('ministry', 'court') is not an organisation whose name gives it another kind."""
    if word not in BODY_KINDS:
        return False
    kinds = {w.lower() for w in name if w.lower() in BODY_KINDS or in_lexicon(w.lower(), org_words())}
    return bool(kinds - {word})


@lru_cache(maxsize=1)
def org_kinds() -> dict[str, str]:
    """Organisation word -> the kind of body it names ("agency" -> government)."""
    return dict((word, kind) for word, kind in rows("speaker_org_kinds.tsv", ("word", "kind")))
