"""Which token of the parse is the speaker of a cue.

The grammatical subject of a reporting verb is usually its speaker, but not
always: the subject of a passive hearer verb is the listener ("she was warned
that ..."), a participle with no subject of its own ("Asked whether Y, Z
said") reports the interviewer's question, not Z's words, and "X was quoted as
saying" or "a statement saying" name the speaker one step up the tree.
"""

from __future__ import annotations

from spacy.tokens import Token

from quotetrace.extract.cues import CueCandidate, words_owner
from quotetrace.extract.lexicon import HEARER_LEMMAS, QUOTED_AS_FORMS, WORDS_CUE
from quotetrace.extract.parse_repairs import across_semicolon
from quotetrace.extract.speaker_names import is_dateline, is_document, noun_type

SUBJECT_DEPS = ("nsubj", "nsubjpass")


def speaker_head(cue: CueCandidate) -> Token | None:
    """The head token of whoever is reporting, following the verb's chain of control upward."""
    if cue.prepositional and cue.lemma == WORDS_CUE:
        return words_owner(cue.head)
    if cue.prepositional:
        for child in cue.head.rights:
            if child.lower_ == "to":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                return objs[0] if objs else None
        return None
    verb = cue.head
    hearer = cue.lemma.split()[0] in HEARER_LEMMAS
    participle = verb.tag_ == "VBG" and verb.dep_ == "advcl"  # ', saying ...', ', adding ...'
    for step in range(4):
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        subjects = [c for c in subjects if not is_dateline(c) and not across_semicolon(c, verb)] or subjects
        if step and participle and subjects and verb.head.i != verb.i and _cannot_speak(subjects[0]):
            # 'refused to say whether fares would rise, saying ...': the parser hangs the
            # participle inside the embedded clause; 'fares' cannot speak, so climb on.
            verb = verb.head
            continue
        if len(subjects) > 1:
            # '"...," the town nearest the site, said Soelistyo': the name is the speaker.
            subjects.sort(key=lambda c: c.pos_ != "PROPN")
        if step == 0 and verb.lower_ in QUOTED_AS_FORMS:
            quoted = _quoted_as(next((c for c in verb.children if c.lower_ == "as"), verb))
            if quoted is not None:
                return quoted  # "local newspapers quote Salinas as saying ..."
        agent = _agent(verb)
        if subjects and subjects[0].dep_ == "nsubjpass":
            if agent is not None:
                return agent
            if verb.lower_ in QUOTED_AS_FORMS:
                return subjects[0]  # "Salinas was quoted as saying ..."
            if step == 0 or hearer:
                return None  # "she was warned that ...", "it was reported that ...": no speaker named
        aside = _parenthetical_speaker(verb)
        if aside is not None:
            return aside  # "The struggle, he explains, had always been about ...": he speaks
        if subjects:
            return subjects[0]  # a relative "who" is resolved to its antecedent by the resolver
        if step == 0:
            hung = _phrase_hung_on_verb(verb)
            if hung is not None:
                return hung
        if step == 0 and verb.dep_ == "ROOT":
            borrowed = _misparsed_subject(verb)
            if borrowed is not None:
                return borrowed
        if step == 0 and hearer and (verb.tag_ == "VBN" or _opens_sentence(verb)):
            # "Asked whether Y, Z said": the unnamed interviewer asked, not Z; "Asked by the
            # moderator whether Y": the moderator did.
            return agent
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
            quoted = _quoted_as(verb.head)
            if quoted is not None:
                return quoted  # "local newspapers quote Salinas as saying ..."
        if verb.dep_ == "acomp" and not _negated(verb):
            verb = verb.head  # 'X was quick to add that ...': from 'quick' to X's verb
            continue
        if participle and step and verb.dep_ in ("dobj", "attr") and verb.pos_ in ("NOUN", "PROPN"):
            # 'dismissed suggestions that the levy had failed, calling them ...': climbed out of
            # the noun's clause, the participle's speaker is the subject of the noun's verb.
            verb = verb.head
            continue
        if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "relcl", "acl") and verb.head.i != verb.i:
            if verb.dep_ in ("relcl", "acl") and verb.tag_ in ("VBG", "VBN"):
                return _document_owner(verb.head)  # "officials speaking on condition of anonymity"
            verb = verb.head
            if verb.dep_ == "prep" and verb.pos_ == "ADP" and verb.head.pos_ in ("VERB", "AUX"):
                # 'She opened by asking whether ...', 'he left after saying that ...': the
                # preposition has no subject; the verb it hangs on does.
                verb = verb.head
            continue
        break
    return None


def _opens_sentence(verb: Token) -> bool:
    """'Asked whether Y, Z paused.' as a paragraph's first word: the parser may run it on from the
    paragraph before and tag it a past tense, but a finite verb with no subject of its own at
    the start of a sentence is the participle all the same."""
    if verb.tag_ != "VBD" or any(c.dep_ in ("aux", "auxpass") for c in verb.lefts):
        return False
    i = verb.i - 1
    while i >= 0 and verb.doc[i].is_space and "\n" not in verb.doc[i].text:
        i -= 1
    if i < 0 or verb.i == verb.sent.start:
        return True
    return verb.doc[i].is_space or verb.doc[i].text in (".", "!", "?")


def _negated(adjective: Token) -> bool:
    """'investigators won't be able to determine ...': what they cannot do reports nothing of theirs."""
    return any(c.dep_ == "neg" for c in (*adjective.children, *adjective.head.children))


def _cannot_speak(subject: Token) -> bool:
    """A common noun that names no person, group, organisation or document ('fares', 'rates')."""
    if subject.pos_ != "NOUN":
        return False
    return noun_type(subject) == "unknown" and not is_document(subject.lower_)


def _agent(verb: Token) -> Token | None:
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        objs = [c for c in agent.children if c.dep_ == "pobj"]
        if objs:
            return objs[0]
    return None


def _quoted_as(as_tok: Token) -> Token | None:
    """'quote X as saying': X is the speaker, the subject only reports it."""
    if as_tok.lower_ != "as":
        return None
    verb = as_tok.head
    if verb.lower_ not in QUOTED_AS_FORMS:
        return None
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return objs[0] if objs else None


def _document_owner(noun: Token) -> Token:
    """'Amazon released a statement saying ...': the statement's issuer speaks."""
    if is_document(noun.lower_) and noun.dep_ == "dobj":
        subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects[0]
    return noun


def _parenthetical_speaker(verb: Token) -> Token | None:
    """A reporting aside set off by commas inside the clause: 'X, he explains, had ...'."""
    for child in verb.children:
        if child.dep_ == "parataxis":
            subjects = [c for c in child.children if c.dep_ == "nsubj"]
            if subjects and abs(child.i - verb.i) < 12:
                return subjects[0]
    return None


def _misparsed_subject(verb: Token) -> Token | None:
    """'Tri Wobowo, who co-piloted the aircraft, told ...': the parser hung the name on a clause
    before the verb; a name at the start of the sentence with no verb of its own speaks."""
    for child in verb.lefts:
        if child.dep_ in ("advcl", "ccomp"):
            names = [c for c in child.children if c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.i < child.i]
            if names and names[0].left_edge.i == verb.sent.start:
                return names[0]
    return None


def _phrase_hung_on_verb(verb: Token) -> Token | None:
    """'"...," the 58-year-old said': the parser hangs 'the' and 'old' on the verb itself. A
    determiner never modifies a verb, so the words from it to the verb are the subject, and
    its last word its head. Only a finite verb right after a quotation: elsewhere a determiner
    on a 'verb' is a noun the tagger took for one ('since the Clinton hearing')."""
    det = next((c for c in verb.lefts if c.dep_ == "det"), None)
    if det is None or det.i == 0 or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if not det.nbor(-1).is_quote:
        return None
    words = [t for t in verb.doc[det.i + 1 : verb.i] if not t.is_punct]
    if not words or any(t.head.i != verb.i and not (det.i < t.head.i < verb.i) for t in words):
        return None  # something between them hangs outside the phrase: not one noun phrase
    return words[-1] if words[-1].head.i == verb.i else None
