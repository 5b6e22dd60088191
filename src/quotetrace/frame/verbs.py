"""Reporting-verb profile of a cue: its class and a graded veridicality score.

The class comes from the hand-written table ``frame_verb_classes.tsv``; the
score from MegaVeridicality v2.1 (``frame_veridicality.tsv``, built by
train/build_frame_lexicons.py): 0 is as neutral as "said", +1 presents the
content as true, -1 as false. Phrasal cues are normalised first: "doubled down
on" -> "double down", "went on to explain" -> "explain", "pointed out" ->
"point out".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quotetrace.frame.lexicon import inflections, verb_classes, veridicality

OTHER = "other"  # a cue not in the class table
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")


@dataclass(frozen=True, slots=True)
class CueProfile:
    cue: str  # canonical form, e.g. "point out"
    cls: str
    veridicality: float | None


@lru_cache(maxsize=1)
def _base_forms() -> dict[str, str]:
    """Inflected head verb -> base, over the verbs of the class and veridicality tables."""
    out: dict[str, str] = {}
    for entry in list(verb_classes()) + list(veridicality()):
        head = entry.split()[0]
        for form in inflections(head):
            out.setdefault(form, head)
    return out


def _known(phrase: str) -> bool:
    return phrase in verb_classes() or phrase in veridicality()


def canonical_cue(lemma: str, text: str = "", start: int = 0, end: int = 0) -> str:
    """The table form of a cue; ``text``/``start``/``end`` give context for phrasal cues."""
    words = lemma.lower().replace("’", "'").split()
    if not words:
        return ""
    if words != ["go", "on"] and _known(" ".join(words)):
        return " ".join(words)
    words[0] = _base_forms().get(words[0], words[0])
    if text and words == ["go", "on"]:
        # "went on to explain": the cue is the verb after "to".
        m = _NEXT_WORD.match(text, end)
        nxt = _NEXT_WORD.match(text, m.end()) if m and m.group(1).lower() == "to" else None
        if nxt:
            words = [_base_forms().get(nxt.group(1).lower(), nxt.group(1).lower())]
    # "double down on" -> "double down": drop trailing prepositions the tables do not hold.
    while len(words) > 1 and not _known(" ".join(words)):
        words.pop()
    phrase = " ".join(words)
    if text and len(words) == 1:
        # The parser may miss a particle ("doubled down" read as verb + adverb).
        m = _NEXT_WORD.match(text, end)
        if m and f"{phrase} {m.group(1).lower()}" in verb_classes():
            phrase = f"{phrase} {m.group(1).lower()}"
    return phrase


def profile(lemma: str, text: str = "", start: int = 0, end: int = 0) -> CueProfile:
    cue = canonical_cue(lemma, text, start, end)
    entry = verb_classes().get(cue)
    if entry is None:
        return CueProfile(cue, OTHER, veridicality().get(cue))
    score = veridicality().get(entry.mv_verb) if entry.mv_verb else None
    return CueProfile(cue, entry.cls, score)
