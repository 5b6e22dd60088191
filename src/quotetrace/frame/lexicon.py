"""The data files of the framing stage, each read once (``lru_cache``) from src/quotetrace/data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quotetrace.text.lexicon import fields, lines, rows, words
from quotetrace.text.lexicon import stopwords as lexicon_stopwords
from quotetrace.text.stem import irregular_forms, stem

CLASSES = ("neutral", "assertive", "doubt", "admission", "denial", "emphasis")


@dataclass(frozen=True, slots=True)
class VerbClass:
    cue: str
    cls: str
    mv_verb: str | None  # the MegaVeridicality verb that grades it, None when ungraded


@lru_cache(maxsize=1)
def verb_classes() -> dict[str, VerbClass]:
    out = {}
    for cue, cls, proxy in rows("frame_verb_classes.tsv", ("cue", "class", "mv_verb")):
        mv = None if proxy == "none" else (cue if proxy == "-" else proxy)
        out[cue] = VerbClass(cue, cls, mv)
    return out


@lru_cache(maxsize=1)
def veridicality() -> dict[str, float]:
    table = rows("frame_veridicality.tsv", ("verb", "score", "raw", "frame"))
    return {verb: float(score) for verb, score, _raw, _frame in table}


@lru_cache(maxsize=1)
def adverbs() -> dict[str, tuple[str, str]]:
    """word -> (kind, source)."""
    out = {}
    for word, kind, source in fields("editorial_adverbs.txt"):
        out[word] = (kind, source)
    return out


@lru_cache(maxsize=1)
def editorial_phrases() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """First word -> [(kind, pattern)]: patterns are tried only where their first word occurs."""
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for line in lines("editorial_phrases.txt"):
        kind, _, pattern = line.partition("|")
        compiled = re.compile(rf"(?:{pattern})\b", re.IGNORECASE)
        for word in _leading_words(pattern):
            out.setdefault(word, []).append((kind, compiled))
    return out


def _leading_words(pattern: str) -> list[str]:
    """The words a phrase pattern can start with: "(?:in|with) an? ..." -> ["in", "with"]."""
    group = re.match(r"\(\?:([^()]+?)\)", pattern)
    if group:
        return [alt.split()[0] for alt in group.group(1).split("|")]
    first = re.match(r"[^\s(]+", pattern)
    if first is None:
        raise ValueError(f"editorial_phrases.txt: a pattern must start with a word: {pattern!r}")
    return [first.group()]


@lru_cache(maxsize=1)
def hedges() -> dict[str, list[tuple[str, str]]]:
    """First word -> [(hedge, source)], longest hedge first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for hedge, source in sorted(rows("frame_hedges.txt", ("hedge", "source")), key=lambda r: -len(r[0])):
        out.setdefault(hedge.split()[0], []).append((hedge, source))
    return out


def stopwords() -> frozenset[str]:
    return lexicon_stopwords("framing")


@lru_cache(maxsize=1)
def synonym_groups() -> dict[str, frozenset[int]]:
    """stemmed word -> ids of the synonym groups it belongs to."""
    out: dict[str, set[int]] = {}
    for group_id, line in enumerate(lines("headline_synonyms.txt")):
        for entry in line.split(","):
            word = entry.split()[0]  # "pull back" counts as "pull"
            out.setdefault(stem(word), set()).add(group_id)
    return {w: frozenset(g) for w, g in out.items()}


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Role words that precede a name ("Minister", "Sen."), from the extractor's titles.txt."""
    return frozenset(line.partition("|")[0].rstrip(".") for line in lines("titles.txt"))


@lru_cache(maxsize=1)
def not_name_words() -> frozenset[str]:
    """Words of a speaker phrase that are no part of the name: stopwords and titles."""
    return stopwords() | title_words()


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """Nouns that describe a speaker instead of naming them ("doctor", "lawmaker", "senator")."""
    return words("headline_roles.txt") | title_words()


@lru_cache(maxsize=1)
def headline_cues() -> dict[str, str]:
    """Surface form -> cue lemma, for spotting "X says ..." in headlines.

    The class table plus the extractor's cue lexicon (cues.tsv) restricted to
    verbs that are a cue in at least 60% of their PolNeAR-train uses.
    """
    lemmas = set(verb_classes())
    for lemma, cues, verbs, _sources in rows("cues.tsv", ("lemma", "cue_count", "verb_count", "sources")):
        if int(cues) >= 5 and int(cues) >= 0.6 * int(verbs) and lemma.isalpha():
            lemmas.add(lemma)
    forms: dict[str, str] = {}
    for lemma in sorted(lemmas):
        head, _, rest = lemma.partition(" ")
        for form in inflections(head):
            forms[f"{form} {rest}".strip()] = lemma
    return forms


@lru_cache(maxsize=1)
def _irregular_by_base() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for form, base in irregular_forms().items():
        out.setdefault(base, []).append(form)
    return out


def inflections(verb: str) -> list[str]:
    """Regular English inflections of a base verb, plus its irregular forms (irregular_forms.tsv)."""
    forms = [verb]
    if verb.endswith("e"):
        forms += [verb + "s", verb + "d", verb[:-1] + "ing"]
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms += [verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms += [verb + "es", verb + "ed", verb + "ing"]
    else:
        forms += [verb + "s", verb + "ed", verb + "ing"]
        if re.fullmatch(r".*[^aeiou][aeiou][bdgmnprt]", verb) and len(verb) <= 4:
            forms += [verb + verb[-1] + "ed", verb + verb[-1] + "ing"]  # "slammed", "ripped"
    return forms + _irregular_by_base().get(verb, [])
