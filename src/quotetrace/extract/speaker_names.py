"""Names a user can use: canonical speaker names, types and descriptors.

A proper-name run from the parse is cut down to the person's name ("Festival
director Ana Reyes" -> "Ana Reyes", descriptors kept apart), hyphenated names
stay whole, datelines ("WASHINGTON (AP) -") and weekdays are never names, and
a description that contains a name ("Rene's lawyer Scott Rynecki", "a new poll
by Bloomberg News", "Smith's comments") gives that name. The word lists are
data files in quotetrace/data (speaker_*.txt, titles.txt).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache, partial

from spacy.tokens import Span, Token

from quotetrace.extract.cues import text_of
from quotetrace.extract.lexicon import (
    ASIDES,
    DETERMINERS,
    FOCUS_PARTICLES,
    HONORIFICS,
    MENTION_STOPS,
    OWNER_PREPS,
    first_name_gender,
    titles,
)
from quotetrace.text.lexicon import lines, rows, words

# Labels of the parser's entity recogniser that name an organisation or a place acting as one.
ORG_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC"})
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’]+(\(\w+\))?\s*(-|--|—|–|\()")


def _word_list(name: str) -> Callable[[], frozenset[str]]:
    """The loader of the word list ``name``: read on first use, then kept."""
    return lru_cache(maxsize=1)(partial(words, name))


group_words = _word_list("speaker_groups.txt")
document_words = _word_list("speaker_documents.txt")
org_words = _word_list("speaker_orgs.txt")
org_nouns = _word_list("speaker_org_nouns.txt")
non_person_words = _word_list("speaker_nonpersons.txt")
owned_org_words = _word_list("speaker_owned_orgs.txt")
place_names = _word_list("speaker_places.txt")
place_heads = _word_list("speaker_place_heads.txt")
work_words = _word_list("speaker_works.txt")


@lru_cache(maxsize=1)
def roles() -> dict[str, str]:
    """Role or title word -> gender ("m", "f" or "")."""
    out = dict(titles())
    for line in lines("speaker_roles.txt"):  # word|gender
        word, _, gender = line.partition("|")
        out[word.strip()] = gender.strip()
    return out


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    return {short: title for short, title in rows("speaker_abbreviations.tsv", ("short", "title"))}


def in_lexicon(word: str, words: frozenset[str] | dict[str, str]) -> bool:
    """The word or its singular is listed (the pipeline runs without a lemmatizer)."""
    word = word.lower()
    return word in words or (word.endswith("s") and (word[:-1] in words or word[:-2] in words))


def is_document(word: str) -> bool:
    return in_lexicon(word, document_words())


def is_group(word: str) -> bool:
    return word.lower() in group_words()


def expand_abbreviation(words: Sequence[str]) -> str | None:
    """'State Sec' -> 'secretary of state'; None when the words are no known short form."""
    key = " ".join(w.lower().rstrip(".") for w in words)
    return abbreviations().get(key)


def name_words(tokens: list[Token]) -> list[str]:
    """Words of a name with hyphenated parts joined: ["Anna", "Smith-Jones"]."""
    words: list[str] = []
    glue = False
    for tok in tokens:
        if tok.text in ("-", "‐", "–") and words and not tok.whitespace_ and not tok.nbor(-1).whitespace_:
            words[-1] += "-"
            glue = True
            continue
        if tok.text in ("'s", "’s", "'", "’"):
            continue
        if glue:
            words[-1] += tok.text
            glue = False
        else:
            words.append(tok.text)
    if words and words[-1].endswith("-"):
        words[-1] = words[-1][:-1]
    return words


def is_dateline(tok: Token) -> bool:
    """'WASHINGTON (AP) -', 'NEW ORLEANS -', 'PORTLAND --' at the start of a paragraph."""
    if not tok.text.isupper() or len(tok.text) < 2:
        return False
    start = tok.i
    doc = tok.doc
    while start > 0 and doc[start - 1].text.isupper() and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    if start > 0 and "\n" not in doc[start - 1].text + doc[start - 1].whitespace_:
        return False
    text = text_of(doc)
    line_end = text.find("\n", doc[start].idx)
    line = text[doc[start].idx : line_end if line_end >= 0 else len(text)]
    return bool(_DATELINE.match(line[:60]))


def strip_titles(run: list[Token]) -> tuple[list[Token], set[str], str]:
    """Split a proper-name run into the name, its title words and the gender a title implies."""
    run = [t for t in run if not is_dateline(t)]
    if run and run[-1].lower_.rstrip(".") in org_words():
        return run, set(), ""  # "Justice Department", "Senate Committee": the title is the name
    known = roles()
    cut, gender, found = 0, "", set()
    given = first_name_gender()
    for i, tok in enumerate(run):
        word = tok.lower_
        if word in known or word.rstrip(".") in known:
            before = run[i - 1].lower_ if i else ""
            if i == len(run) - 1 and (before in given or before.rstrip(".") in HONORIFICS):
                break  # "Mark Singer", "Mr. Singer", "Patty Judge": a surname that is also a role
            cut = i + 1
            found.add(word.rstrip("."))
            gender = known.get(word, known.get(word.rstrip("."), "")) or gender
    found.update(t.lower_ for t in run[:cut] if t.is_alpha)  # "Springfield Mayor": whose mayor
    name = [t for t in run[cut:] if t.text not in ("'s", "’s")]
    while name and name[0].text in ("-", "–", "‐"):
        name = name[1:]
    # "Secretary of State Antony Blinken", "Executive Maria Lund": a known first name marks
    # where the person's name begins.
    for i, tok in enumerate(name[:-1]):
        if tok.lower_ in given and i > 0 and name[0].lower_ not in given:
            found.update(t.lower_ for t in name[:i])
            name = name[i:]
            break
    if run:
        prev = run[0].nbor(-1) if run[0].i > 0 else None
        if prev is not None and prev.lower_ == "of" and prev.i > 0:
            prev = prev.nbor(-1)  # "Secretary of State ...", "Minister of Finance ..."
        if prev is not None and prev.lower_ in known:
            found.add(prev.lower_.rstrip("."))
            gender = known[prev.lower_] or gender
    if len(name) == 1 and name[0].lower_ in non_person_words():
        name = []
    return name, found, gender


def is_place(words: Sequence[str]) -> bool:
    """A country, state or capital ("Florida", "New Hampshire"), or a name whose last word
    names a kind of place ("Rust Belt", "Oval Office", "Cook County"). Many place names are
    also given names ("Florida", "China", "Georgia"), so the list is read before the first
    names; a known first name before a place word is a person ("Anita Hill")."""
    lowered = [w.lower() for w in words]
    if " ".join(lowered) in place_names():
        return True
    return len(lowered) >= 2 and lowered[-1] in place_heads() and lowered[0] not in first_name_gender()


def names_a_work(tokens: list[Token]) -> bool:
    """The run is the title of a work its noun introduces: "the film Night Harbor", "her show
    The Morning File", "his memoir Long Road Home" (data/speaker_works.txt)."""
    i = tokens[0].i - 1
    doc = tokens[0].doc
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    if i < 0:
        return False
    noun, head = doc[i], tokens[-1]
    linked = head.head.i == noun.i or noun.head.i == head.i
    # "the film Dana Whitfield made": the name opens a relative clause the parser hangs on the noun.
    after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    relative = after is not None and after.pos_ in ("VERB", "AUX") and after.head.i == noun.i
    return linked and not relative and noun.pos_ == "NOUN" and in_lexicon(noun.lower_, work_words())


def name_type(tokens: list[Token]) -> str:
    """'person', 'organisation', 'group', 'place' or 'work' for a proper-name run ('place' and
    'work' are the resolver's own: a place that speaks is printed as the organisation it stands
    for, a work as 'unknown')."""
    lowers = {t.lower_.rstrip(".") for t in tokens}
    if names_a_work(tokens):
        return "work"
    if is_place(name_words(tokens)):
        return "place"
    if lowers & org_words():
        return "organisation"
    ents = {t.ent_type_ for t in tokens if t.ent_type_}
    if "PERSON" in ents or tokens[0].lower_ in first_name_gender():
        return "person"
    if ents & ORG_ENTS:
        return "organisation"
    # A film, a law, an event or a date is never a speaker; two plain capitalised words are a name.
    return "person" if len(tokens) >= 2 and not ents else "unknown"


def printed_type(kind: str) -> str:
    """The type a speaker is printed with: a place that speaks ("Russia said") stands for its
    government or organisation, as the entity recogniser's GPE does (``ORG_ENTS``); a work
    ("Night Harbor tells ...") is no one."""
    return {"place": "organisation", "work": "unknown"}.get(kind, kind)


def noun_type(head: Token) -> str:
    """Type of a common-noun speaker: 'officials' is a group, 'the director' a person."""
    lower = head.lower_
    if lower in group_words() or (head.tag_ == "NNS" and in_lexicon(lower, roles())):
        return "group"
    if in_lexicon(lower, org_words()):
        return "organisation"
    if in_lexicon(lower, roles()):
        return "person"
    return "unknown"


def description(span: Span, head: Token) -> str:
    """A readable description without determiners or the clauses hanging off it."""
    cut = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "appos", "punct") for t in c.subtree}
    cut |= {t.i for t in head.subtree if t.dep_ == "punct"}
    # 'a senior official at the board, who asked not to be named': the parser may hang the clause
    # on the last noun; it says how the speaker spoke, not who they are.
    cut |= {t.i for c in head.subtree if c.dep_ == "relcl" and c.i > head.i for t in c.subtree}
    # "officials - including the NSA director -", "even critics": not what the speaker is.
    asides = [c for c in head.children if (c.dep_ == "prep" and c.lower_ in ASIDES) or c.dep_ == "advmod"]
    cut |= {t.i for c in asides if c.dep_ == "prep" or c.i < head.i for t in c.subtree}
    # The head's owner goes ("Clinton's campaign" -> campaign); a possessive further in stays
    # ("people with knowledge of the group's activities").
    cut |= {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
    words = [t for t in span if t.i not in cut and not t.is_punct]
    while len(words) > 1 and words[0].lower_ in DETERMINERS:
        words = words[1:]
    return "".join(("" if t.tag_ == "POS" or not i else " ") + t.text for i, t in enumerate(words))


def name_inside(head: Token) -> Token | None:
    """The proper name a common-noun speaker phrase gives: "lawyer Scott Rynecki" -> Rynecki.

    A role noun takes a name in apposition or compound; a document or speech noun
    ("Smith's comments", "a poll by Bloomberg News", "an article in the Register")
    takes its owner.
    """
    for child in head.children:
        if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN" and child.i > head.i - 4:
            if child.lower_ in non_person_words():
                continue  # "a Wednesday editorial in the Register": the day is no owner
            owner_noun = is_document(head.lower_) or in_lexicon(head.lower_, org_words())
            if child.dep_ == "compound" and child.i < head.i and not owner_noun:
                continue  # "Festival director": a compound before a role is part of the role
            return child
    if head.head.dep_ == "appos" or head.dep_ == "appos":
        other = head.head
        if other.pos_ == "PROPN" and head.dep_ == "appos":
            return other  # "Scott Rynecki, the lawyer" reached from the role
    if not is_document(head.lower_):
        return None
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return child
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                    return obj
    return None


def name_run(head: Token) -> list[Token]:
    """The contiguous run of proper nouns (and name hyphens) around the head: "Antony Blinken"."""
    doc = head.doc

    def part(i: int) -> bool:
        tok = doc[i]
        if tok.pos_ == "PROPN":
            return True
        hyphen = tok.text in ("-", "‐") and not tok.whitespace_ and 0 < i < len(doc) - 1
        return hyphen and not doc[i - 1].whitespace_ and doc[i + 1].pos_ == "PROPN"

    left = head.i
    while left > 0 and part(left - 1):
        left -= 1
    right = head.i
    while (
        right + 1 < len(doc)
        and part(right + 1)
        and (doc[right + 1].head.i == head.i or doc[right].text == "-")
    ):
        right += 1
    return list(doc[left : right + 1])


def head_word(mention: str) -> str:
    words = [w for w in mention.lower().replace(",", " ").split() if w.isalpha()]
    head = []
    for w in words:
        if w in MENTION_STOPS:
            break
        head.append(w)
    return head[-1] if head else ""


def descriptors(name_tok: Token) -> set[str]:
    """Role nouns the text attaches to a name: "Don Marshall, the foundation's executive director"."""
    out = set()
    for tok in (*name_tok.children, name_tok.head):
        related = tok.dep_ in ("appos", "compound") or (
            tok.i == name_tok.head.i and name_tok.dep_ == "appos"  # not "Trump supporters"
        )
        if related and tok.pos_ == "NOUN":
            out.add(tok.lower_)
            out.update(
                c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ")
            )
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
                out.update(o.lower_ for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN")
    by = name_tok.head
    if name_tok.dep_ == "pobj" and by.dep_ == "agent" and by.head.lower_ in agent_roles():
        out.add(agent_roles()[by.head.lower_])  # 'the programme presented by Ana Ruiz': the presenter
    return out


@lru_cache(maxsize=1)
def agent_roles() -> dict[str, str]:
    """A verb form -> the role it gives the person after its 'by' ('hosted by' -> host)."""
    return {verb: role for verb, role in rows("speaker_agent_roles.tsv", ("verb", "role"))}


def mention_span(head: Token) -> Span | None:
    """The speaker's noun phrase: the subject's whole subtree, appositives included.

    PolNeAR marks sources that way ("Dean, a former DNC chairman,"), and the
    apposition is useful context for a reader; the canonical name is separate.
    """
    doc = head.doc
    toks = [t for t in head.subtree if t.dep_ != "punct" or head.i > t.i > head.left_edge.i]
    # A relative clause that reports speech of its own ("X, who noted that Y, said Z") is that
    # other attribution, not a description of the speaker.
    own = next((c for c in head.rights if c.dep_ == "relcl" and _reports_speech(c)), None)
    if own is not None:
        toks = [t for t in toks if t.i < own.left_edge.i]
    left = min(t.i for t in toks) if toks else head.i
    right = max(t.i for t in toks) if toks else head.i
    if left > 0 and doc[left - 1].dep_ == "det" and doc[left - 1].head.i == head.head.i != head.i:
        left -= 1  # 'the 58-year-old said' with 'the' hung on the verb beside the head
    span = doc[left : right + 1]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    # 'WASHINGTON - Sen. X said': the parser hangs the dateline on the subject; it is no source.
    while len(span) > 1 and (span[0].is_punct or span[0].is_space or _leading_word(span[0])):
        span = span[1:]
    return span if len(span) else None


def _leading_word(tok: Token) -> bool:
    """'Even Rendell said': the particle scopes over the speaker, annotators leave it out; a
    dateline opening the paragraph is where the story was filed."""
    return (tok.lower_ in FOCUS_PARTICLES and tok.dep_ == "advmod") or is_dateline(tok)


def _reports_speech(clause: Token) -> bool:
    """A clause with a complement clause of its own, or a quotation inside it."""
    return any(c.dep_ == "ccomp" for c in clause.children) or any(t.is_quote for t in clause.subtree)
