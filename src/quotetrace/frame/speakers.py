"""Matching a headline's speaker phrase to the body's speakers: by name token ("Blinken" ~
"Antony Blinken", titles ignored), not across first names ("Bill Clinton" is not "Hillary
Clinton"), and by role ("Former White House Doctor", "mayor")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from quotetrace.frame.lexicon import not_name_words, role_nouns, title_words
from quotetrace.records import Article, Quote
from quotetrace.text.tokens import name_tokens, tokens


def _conflicts(canonical: list[str], headline_words: list[str], surname: str) -> bool:
    """ "Bill Clinton" is not "Hillary Clinton": a different first name right before the surname."""
    if len(canonical) < 2:
        return False
    i = headline_words.index(surname)
    return i > 0 and headline_words[i - 1] not in canonical and headline_words[i - 1] not in title_words()


def match_speakers(speaker: str, article: Article, candidates: Mapping[str, int]) -> list[str]:
    """Body speaker names the headline speaker phrase names, best match (then most quoted)
    first. ``candidates``: body speaker name -> number of body quotes."""
    headline_words = name_tokens(speaker, capitalised=True)
    aliases = {s.name: s.aliases for s in article.speakers}
    scored: list[tuple[float, str]] = []
    for name in candidates:
        canonical = name_tokens(name, not_name_words(), capitalised=True)
        best = 0.0
        for variant in [name, *aliases.get(name, [])]:
            words = name_tokens(variant, not_name_words(), capitalised=True)
            if not words or words[-1] not in headline_words:
                continue
            if _conflicts(canonical, headline_words, words[-1]):
                continue
            best = max(best, len(set(words) & set(headline_words)) / len(words))
        if best:
            scored.append((best, name))
    return [name for _s, name in sorted(scored, key=lambda x: (-x[0], -candidates[x[1]], x[1]))]


def is_role(speaker: str) -> bool:
    """ "Former White House Doctor", "Lawmaker": a description, not a name."""
    words = [t.lower for t in tokens(speaker)]
    return bool(words) and (words[-1] in role_nouns() or words[-1].rstrip("s") in role_nouns())


def match_role(speaker: str, article: Article, quotes: list[Quote]) -> list[str]:
    """The body speaker a role describes: one whose mentions hold the role noun, else the
    most-quoted speaker (a headline that names someone by role is about its main source)."""
    role = [t.lower.rstrip("s") for t in tokens(speaker)][-1]
    counts = Counter(q.speaker.name for q in quotes if q.speaker)
    described = [
        s.name for s in article.speakers
        if s.name in counts and any(role in a.lower() for a in [s.name, *s.aliases])
    ]  # fmt: skip
    if described:
        return sorted(described, key=lambda n: -counts[n])
    return [counts.most_common(1)[0][0]] if counts else []


def mentioned_in_body(speaker: str, body: str) -> bool:
    words = name_tokens(speaker, not_name_words(), capitalised=True)
    return bool(words) and re.search(rf"\b{re.escape(words[-1])}\b", body, re.IGNORECASE) is not None
