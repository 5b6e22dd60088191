"""Lexicons the extractor reads: cue verbs, titles, first-name genders. Data files, loaded once."""

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
    if kind in ("direct", "mixed") and lemma in word_class("continuing_cue"):
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
