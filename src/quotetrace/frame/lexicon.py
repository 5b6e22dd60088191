"""The data files of the framing stage, each read once (``lru_cache``) from src/quotetrace/data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quotetrace.paths import data_file

CLASSES = ("neutral", "assertive", "doubt", "admission", "denial", "emphasis")


@dataclass(frozen=True, slots=True)
class VerbClass:
    cue: str
    cls: str
    mv_verb: str | None  # the MegaVeridicality verb that grades it, None when ungraded


def _lines(name: str) -> list[str]:
    text = data_file(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _tsv(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _lines(name)[1:]]  # first line is the header


@lru_cache(maxsize=1)
def verb_classes() -> dict[str, VerbClass]:
    out = {}
    for cue, cls, proxy in _tsv("frame_verb_classes.tsv"):
        mv = None if proxy == "none" else (cue if proxy == "-" else proxy)
        out[cue] = VerbClass(cue, cls, mv)
    return out


@lru_cache(maxsize=1)
def veridicality() -> dict[str, float]:
    return {verb: float(score) for verb, score, _raw, _frame in _tsv("frame_veridicality.tsv")}


@lru_cache(maxsize=1)
def adverbs() -> dict[str, tuple[str, str]]:
    """word -> (kind, source)."""
    out = {}
    for line in _lines("editorial_adverbs.txt"):
        word, kind, source = line.split("|")
        out[word] = (kind, source)
    return out


@lru_cache(maxsize=1)
def editorial_phrases() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """First word -> [(kind, pattern)]: patterns are tried only where their first word occurs."""
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for line in _lines("editorial_phrases.txt"):
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
    return [re.match(r"[^\s(]+", pattern).group()]


@lru_cache(maxsize=1)
def hedges() -> dict[str, list[tuple[str, str]]]:
    """First word -> [(hedge, source)], longest hedge first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for hedge, source in sorted(_tsv("frame_hedges.txt"), key=lambda r: -len(r[0])):
        out.setdefault(hedge.split()[0], []).append((hedge, source))
    return out


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(_lines("frame_stopwords.txt"))


@lru_cache(maxsize=1)
def synonym_groups() -> dict[str, frozenset[int]]:
    """stemmed word -> ids of the synonym groups it belongs to."""
    from quotetrace.frame.match import stem  # local: match imports this module

    out: dict[str, set[int]] = {}
    for group_id, line in enumerate(_lines("headline_synonyms.txt")):
        for entry in line.split(","):
            word = entry.split()[0]  # "pull back" counts as "pull"
            out.setdefault(stem(word), set()).add(group_id)
    return {w: frozenset(g) for w, g in out.items()}


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Role words that precede a name ("Minister", "Sen."), from the extractor's titles.txt."""
    return frozenset(line.partition("|")[0].rstrip(".") for line in _lines("titles.txt"))


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """Nouns that describe a speaker instead of naming them ("doctor", "lawmaker", "senator")."""
    return frozenset(_lines("headline_roles.txt")) | title_words()


@lru_cache(maxsize=1)
def headline_cues() -> dict[str, str]:
    """Surface form -> cue lemma, for spotting "X says ..." in headlines.

    The class table plus the extractor's cue lexicon (cues.tsv) restricted to
    verbs that are a cue in at least 60% of their PolNeAR-train uses.
    """
    lemmas = set(verb_classes())
    for lemma, cues, verbs, _sources in _tsv("cues.tsv"):
        if int(cues) >= 5 and int(cues) >= 0.6 * int(verbs) and lemma.isalpha():
            lemmas.add(lemma)
    forms: dict[str, str] = {}
    for lemma in sorted(lemmas):
        head, _, rest = lemma.partition(" ")
        for form in inflections(head):
            forms[f"{form} {rest}".strip()] = lemma
    return forms


_IRREGULAR = {
    "say": ["said"], "tell": ["told"], "write": ["wrote", "written"], "speak": ["spoke", "spoken"],
    "find": ["found"], "know": ["knew", "known"], "think": ["thought"], "feel": ["felt"],
    "shoot": ["shot"], "hit": ["hit"], "swear": ["swore", "sworn"], "go": ["went", "gone"],
    "put": ["put"], "grant": ["granted"], "lay": ["laid"], "hold": ["held"], "see": ["saw", "seen"],
    "fight": ["fought"], "come": ["came"], "give": ["gave", "given"], "take": ["took", "taken"],
    "learn": ["learned", "learnt"], "rip": ["ripped", "ripping", "rips"],
}  # fmt: skip


def inflections(verb: str) -> list[str]:
    """Regular English inflections of a base verb, plus the irregular forms above."""
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
    return forms + _IRREGULAR.get(verb, [])
