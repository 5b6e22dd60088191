"""Lexicons the extractor reads: cue verbs, titles, first-name genders, and every closed word
class of ``data/word_classes.tsv`` that the extract stage tests, each under one name. Data
files, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from quotetrace.paths import data_file
from quotetrace.text.lexicon import lines, rows, word_class

# Cue verbs whose PolNeAR-train cue rate is below this are only used when they
# govern a quotation directly; above it they also introduce indirect speech.
INDIRECT_MIN_RATE = 0.25
# Prepositions that introduce what was said: "spoke of X", "complained about X", "called for X".
CONTENT_PREPS = frozenset(word_class("content_preposition"))
# Prepositions whose object is what was said or thought, beyond those that join the cue itself.
OBJECT_PREPS = CONTENT_PREPS | frozenset(word_class("object_preposition"))

# The closed word classes of data/word_classes.tsv that the extract stage tests, one name each.

# -- Cues and what they report (cues.py, indirect.py, clause_readings.py, parse_repairs.py,
#    spans.py, blocks.py, boundaries.py).
HEARER_OBJECT_LEMMAS = frozenset(word_class("hearer_object_cue"))
# Adverbs that open the cue's clause rather than modify the verb: "when asked", "as noted".
CLAUSE_MARKERS = frozenset(word_class("clause_marker"))
HYPHEN_ADJECTIVE_PREFIXES = frozenset(word_class("hyphen_adjective_prefix"))
# Verbs whose object takes what the speaker says of it ('described X as Y', indirect.py).
PREDICATE_VERBS = frozenset(word_class("predicate_verb"))
MANNER_NOUNS = frozenset(word_class("manner_noun"))
QUESTION_MARKS = frozenset(word_class("question_mark"))
CHARGE_PREPS = frozenset(word_class("charge_preposition"))
HEARER_VERBS = frozenset(word_class("object_control_verb"))
CATAPHORIC = frozenset(word_class("cataphoric_object"))
# Verbs of going on: speech when a quotation follows (quote_act).
CONTINUING_CUES = frozenset(word_class("continuing_cue"))
# Words that name or count a time ('last week'): a boundary feature (boundary_features.py).
TIME_WORDS = frozenset(word_class("time_word"))
# Cues whose subject the content may take in with the verb ('X appears to ...', boundaries.py).
RAISING_VERBS = frozenset(word_class("raising_verb"))

# -- The learned gate's features (gate.py).
SUBJECT_PRONOUNS = frozenset(word_class("gate_subject_pronoun"))
MODALS = frozenset(word_class("gate_modal"))

# -- Nouns and adjectives as cues (noun_cues.py).
# Prepositions whose object is what a cue noun reports ("criticism of", "calls for").
NOUN_CONTENT_PREPS = frozenset(word_class("noun_content_preposition"))
# Prepositions that name who spoke ("criticism from Democrats", "a statement by the party").
SOURCE_PREPS = frozenset(word_class("noun_source_preposition"))
# Nouns of saying: their attributions report speech; the others (support, concern) a stance.
SPEECH_NOUNS = frozenset(word_class("speech_noun"))
# Verbs whose subject says or holds what their object noun names ("voiced support for").
LIGHT_VERBS = frozenset(word_class("light_verb"))

# -- Interviews (interviewer.py).
QUESTION_CUES = frozenset(word_class("question_cue"))
QUESTION_LABELS = frozenset(word_class("question_label"))
PARTNER_HOSTS = frozenset(word_class("interview_partner_host"))
INTERVIEWER_ROLES = frozenset(word_class("interviewer_role"))

# -- Speaker mentions and names (speaker_heads.py, speaker_names.py, speaker_orgnames.py).
# Where a mention's head noun phrase ends ("the official who ...", "spokesman for the campaign").
MENTION_STOPS = frozenset(word_class("mention_stop"))
# Verbs whose object (or passive subject) is the one spoken to.
HEARER_LEMMAS = frozenset(word_class("hearer_cue"))
# Passive verbs whose subject is the one who spoke: "X was quoted as saying".
QUOTED_AS_FORMS = frozenset(word_class("quoted_as_form"))
DETERMINERS = frozenset(word_class("name_determiner"))
DEFINITE = frozenset(word_class("definite_determiner"))
HONORIFICS = frozenset(word_class("honorific"))
ASIDES = frozenset(word_class("description_aside"))
OWNER_PREPS = frozenset(word_class("owner_preposition"))
FOCUS_PARTICLES = frozenset(word_class("focus_particle"))
NAME_JOINERS = frozenset(word_class("name_joiner"))
NAME_CONJUNCTIONS = frozenset(word_class("name_conjunction"))
BODY_KINDS = frozenset(word_class("body_kind"))

# -- Resolving speakers (speakers.py, speaker_entities.py, speaker_pronouns.py,
#    speaker_descriptions.py).
RELATIVE_PRONOUNS = frozenset(word_class("relative_pronoun"))
INDEFINITE = frozenset(word_class("indefinite_pronoun"))
PLURAL_PRONOUNS = frozenset(word_class("plural_pronoun"))
# "it" outside quotation marks means an organisation or a place, never a person.
NEUTER_PRONOUNS = frozenset(word_class("neuter_pronoun"))
FIRST_PERSON = frozenset(word_class("first_person_pronoun"))
# 'To her supporters, ...', 'Among Democrats, ...': whose view the sentence gives.
VIEW_PREPOSITIONS = frozenset(word_class("view_preposition"))
ANSWER_LABELS = frozenset(word_class("answer_label"))
ARTICLES = frozenset(word_class("article"))
EPITHETS = frozenset(word_class("epithet_role"))
PAST_OFFICE = frozenset(word_class("past_office"))
TEEN_NOUNS = frozenset(word_class("teen_noun"))
# "in" only: "at", "from" and "to" take people too ('a jab at Trump', 'a letter from Clinton').
LOCATIVE = frozenset(word_class("locative_preposition"))
TOPIC_PHRASES = frozenset(word_class("topic_phrase"))

# Multi-word cues that are not a verb + clause ("according to X, ...").
PREPOSITIONAL_CUES = {("according", "to"): "according to"}
# "In her words, S", "in the words of X, S", "S, in Finch's own words": the words' owner speaks.
WORDS_CUE = "in words"


@dataclass(frozen=True, slots=True)
class CueEntry:
    lemma: str
    cue_count: int
    verb_count: int
    listed: bool

    @property
    def rate(self) -> float:
        # Add-one smoothing: a listed verb never seen in training keeps a modest prior.
        prior = 0.3 if self.listed else 0.0
        return (self.cue_count + prior) / (self.verb_count + 1)


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, CueEntry]:
    out = {}
    for lemma, cues, verbs, sources in rows("cues.tsv", ("lemma", "cue_count", "verb_count", "sources")):
        listed = sources != "polnear"
        out[lemma] = CueEntry(lemma, int(cues), int(verbs), listed)
    return out


@lru_cache(maxsize=1)
def cue_acts() -> dict[str, str]:
    """Cue lemma -> "speech", "belief", "intention" or "other" (train/build_cue_acts.py)."""
    return {lemma: act for lemma, act in rows("cue_acts.tsv", ("lemma", "act"))}


def act_of(lemma: str) -> str:
    """The act a cue reports: the whole cue, else its first word; an unlisted cue is speech."""
    words = lemma.split()
    return cue_acts().get(lemma) or (cue_acts().get(words[0], "speech") if words else "speech")


def quote_act(lemma: str, kind: str) -> str:
    """The act of an attribution: ``act_of`` its cue, except that a verb of going on introduces
    speech when what follows is a quotation ('Cruz continued: "..."', 'She went on: "..."'),
    while 'continued its support' stays a stance."""
    if kind in ("direct", "mixed") and lemma in CONTINUING_CUES:
        return "speech"
    return act_of(lemma)


@lru_cache(maxsize=1)
def cue_prepositions() -> dict[tuple[str, str], bool]:
    """(cue verb lemma, preposition after it) -> whether PolNeAR's annotators mostly put the
    preposition in the cue ("called for", "referred to") or mostly not ("said in a statement");
    pairs seen too rarely in train are absent (train/build_cue_prepositions.py)."""
    table = rows("cue_prepositions.tsv", ("lemma", "preposition", "joined", "seen"))
    return {(lemma, prep): 2 * int(joined) > int(seen) for lemma, prep, joined, seen in table}


CUE_FORMS_FILE = "cue_forms.tsv"


@lru_cache(maxsize=1)
def cue_form_rows() -> tuple[list[str], dict[str, str]] | None:
    """(the lexicon lemmas the table was built for, {form: lemma}) from data/cue_forms.tsv."""
    if not data_file(CUE_FORMS_FILE).exists():
        return None
    raw = data_file(CUE_FORMS_FILE).read_text(encoding="utf-8").splitlines()
    marker = "# lemmas: "
    built_for = next((line[len(marker) :].split() for line in raw if line.startswith(marker)), [])
    return built_for, {form: lemma for form, lemma in rows(CUE_FORMS_FILE, ("form", "lemma"))}


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Title word -> gender ("m", "f" or "")."""
    return {word: gender for word, _, gender in (line.partition("|") for line in lines("titles.txt"))}


@lru_cache(maxsize=1)
def first_name_gender() -> dict[str, str]:
    return {name: gender for name, gender in rows("name_gender.tsv", ("name", "gender"))}
