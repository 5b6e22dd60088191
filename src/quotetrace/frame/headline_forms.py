"""The headline forms that attribute a claim: "X says claim", "X acknowledges: claim",
"claim, X says", "..., X, who says claim", "X: claim", "X on topic: claim",
"A lesson from X: claim". Regexes and the cue lexicon, no parser: parsers read title
case poorly ("Washington Post Hit Piece" as "Washington posts ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotetrace.frame.lexicon import headline_cues, stopwords
from quotetrace.frame.match import content_stems
from quotetrace.frame.speakers import is_role
from quotetrace.frame.verbs import canonical_cue
from quotetrace.text.lexicon import rows
from quotetrace.text.quotes import OPEN_QUOTES
from quotetrace.text.tokens import tokens

MAX_SPEAKER_TOKENS = 6
_WORDS = rows("headline_words.tsv", ("word", "role"))
LABELS = frozenset(word for word, role in _WORDS if role == "label")
# A stance verb is left out of the title-case patterns too (see headline_words.tsv).
STANCE_CUES = frozenset(word for word, role in _WORDS if role == "stance")
NOT_HEADLINE_CUES = frozenset(word for word, role in _WORDS if role == "not_cue") | STANCE_CUES
_SEES = frozenset(word for word, role in _WORDS if role == "sees")
SPEAKER_GLUE = frozenset(word for word, role in _WORDS if role == "glue")
SETTING_WORDS = tuple(word for word, role in _WORDS if role == "setting")


@dataclass(slots=True)
class Attribution:
    speaker: str  # as written in the headline
    cue: str | None
    claim: str
    resolved: str | None = None  # the extractor's canonical name, when it found the quote


def is_headline_cue(lemma: str, parsed: bool = False) -> bool:
    """A cue that attributes a headline's claim; ``parsed``: found by the extractor, with a speaker."""
    cue = canonical_cue(lemma)
    excluded = NOT_HEADLINE_CUES - STANCE_CUES if parsed else NOT_HEADLINE_CUES
    return cue in set(headline_cues().values()) and cue not in excluded


def pattern_attribution(line: str) -> Attribution | None:
    line = line.strip()
    label = re.match(r"^([^:]{2,30}):\s+", line)
    if label and label.group(1).strip().lower() in LABELS:
        line = line[label.end() :]
    for parse in (_inverted, _forward, _relative, _colon):
        found = parse(line)
        if found and content_stems(found.claim):
            return found
    return None


def _cue_at(words: list, i: int, line: str = "") -> tuple[str, int] | None:
    """(lemma, index of the last word) when words[i] (with a particle) is a speech cue."""
    if line and words[i].lower in _SEES and line[words[i].end :].lstrip()[:1] in OPEN_QUOTES + "'":
        return "see", i  # "Obama Sees 'Personal Insult'": headline shorthand for saying
    forms = headline_cues()
    if i + 1 < len(words):
        two = f"{words[i].lower} {words[i + 1].lower}"
        if two in forms and forms[two] not in NOT_HEADLINE_CUES:
            return forms[two], i + 1
    lemma = forms.get(words[i].lower)
    if lemma and lemma not in NOT_HEADLINE_CUES:
        return lemma, i
    return None


def speakerlike(phrase: str) -> bool:
    """A name or a role: "Pat Caddell", "Former White House Doctor", "mayor", "police officials"."""
    words = tokens(phrase)
    if not words or len(words) > MAX_SPEAKER_TOKENS:
        return False
    if not words[0].text[0].isupper() and not is_role(phrase):
        return False
    stops = stopwords()
    return all(w.lower not in stops or w.lower in SPEAKER_GLUE for w in words)


def _inverted(line: str) -> Attribution | None:
    """ "claim, X says." and "claim, says X"."""
    m = re.match(r"^(?P<claim>.+?)[,;:]\s+(?P<tail>[^,;:]+?)\s*[.!]?\s*$", line)
    if not m:
        return None
    words = tokens(m.group("tail"))
    if len(words) < 2:
        return None
    tail = m.group("tail")
    last = _cue_at(words, len(words) - 1)
    if last and last[1] == len(words) - 1 and speakerlike(tail[: words[-1].start]):
        return Attribution(tail[: words[-1].start].strip(), last[0], m.group("claim"))
    first = _cue_at(words, 0)
    if first and speakerlike(tail[words[first[1]].end :].strip()):
        return Attribution(tail[words[first[1]].end :].strip(), first[0], m.group("claim"))
    return None


def _forward(line: str) -> Attribution | None:
    """ "X says claim", "X acknowledges: claim"."""
    words = tokens(line)
    for i in range(1, min(len(words), MAX_SPEAKER_TOKENS + 1)):
        cue = _cue_at(words, i, line)
        if cue is None:
            continue
        prefix = line[: words[i].start]
        if ":" in prefix:
            return None  # "X: Y Asking ..." is the colon form, with X the speaker
        # "Railing Against Trump, Sanders Vows ...": the speaker follows the last comma.
        speaker = prefix.strip(" ,").rsplit(",", 1)[-1].strip()
        if not speakerlike(speaker):
            return None
        claim = line[words[cue[1]].end :].lstrip(" :,-–—")
        claim = re.sub(r"^(?:that|on|about|to)\s+", "", claim, flags=re.IGNORECASE)
        return Attribution(speaker, cue[0], claim)
    return None


def _relative(line: str) -> Attribution | None:
    """ "..., Trump, who says he is honored": the speaker is the noun before ", who"."""
    m = re.search(
        r"(?:^|[\s:;,])(?P<x>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}),\s+who\s+(?P<rest>.+)$", line
    )
    if not m:
        return None
    words = tokens(m.group("rest"))
    cue = _cue_at(words, 0) if words else None
    if cue is None:
        return None
    claim = m.group("rest")[words[cue[1]].end :].lstrip(" :,")
    claim = re.sub(r"^(?:that)\s+", "", claim, flags=re.IGNORECASE)
    return Attribution(m.group("x"), cue[0], claim)


def _colon(line: str) -> Attribution | None:
    """ "X: claim", "X on topic: claim", "A lesson from X: claim"; the speaker is validated
    against the body later."""
    m = re.match(r"^(?P<x>[^:]{2,60}):\s+(?P<claim>.+)$", line)
    if not m or m.group("x").strip().lower() in LABELS:
        return None
    speaker = re.split(r"\s+on\s+", m.group("x"), maxsplit=1)[0].strip()
    name = re.search(r"\b(?:from|by|with)\s+(?P<n>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+)$", speaker)
    return Attribution(name.group("n") if name else speaker, None, m.group("claim"))
