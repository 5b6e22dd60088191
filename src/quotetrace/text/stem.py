"""One crude, symmetric stemmer: enough for "pushed" ~ "push", "investigation" ~ "investigate".

Symmetric means both sides of a comparison go through it, so it only has to map
related forms to the same string, not to a dictionary word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from quotetrace.text.lexicon import rows

_SUFFIXES = ("ation", "ness", "ing", "ion", "ies", "ied", "ed", "es", "ly", "s")


@lru_cache(maxsize=1)
def irregular_forms() -> dict[str, str]:
    """Irregular form -> base form ("said" -> "say", "people" -> "person")."""
    return {form: base for form, base in rows("irregular_forms.tsv", ("form", "base"))}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    w = re.sub(r"'s?$", "", w)
    irregular = irregular_forms().get(w)
    if irregular is not None:
        return irregular
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix in ("s", "es") and w.endswith(("ss", "us", "is")):
                break
            w = w[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w
