"""How the synthetic set rewrites source text: typography, nesting, reported speech."""

from __future__ import annotations

import random
import re

from quotetrace.evaluate.synth.cases import words_of
from quotetrace.verify.paraphrase import NEGATIONS

_PERSON = {"i": "he", "we": "they", "my": "his", "our": "their", "me": "him", "us": "them"}
_TENSE = {"is": "was", "are": "were", "will": "would", "has": "had", "have": "had", "can": "could"}


def grams(text: str, n: int) -> set[tuple[str, ...]]:
    w = words_of(text)
    return {w[i : i + n] for i in range(len(w) - n + 1)}


def nest(quote: str) -> str:
    """A quote inside a quote takes single marks, as a writer would print it."""
    return quote.replace("“", "‘").replace("”", "’").replace('"', "'")


def typography(text: str, rng: random.Random) -> str:
    """Change what verbatim allows: marks, apostrophes, dashes, case and spacing."""
    swaps = [
        lambda t: t.replace("’", "'").replace("“", '"').replace("”", '"'),
        lambda t: re.sub(r"(\w)'(\w)", "\\1’\\2", t),
        lambda t: t.replace(" — ", " -- ").replace("—", " -- "),
        lambda t: t.replace(" -- ", " — "),
        lambda t: t[:1].lower() + t[1:],
        lambda t: t.replace(" ", "  ", 1),
        lambda t: t.rstrip(".") + ("," if t.endswith(".") else ""),
        lambda t: t.replace("“", "‘").replace("”", "’").replace('"', "'"),
    ]
    for swap in rng.sample(swaps, 3):
        text = swap(text)
    return text


def paraphrase(sentence: str, rng: random.Random) -> str:
    """Reported speech: shift person and tense, drop marks and a few words, prefix "that"."""
    out = []
    for token in re.findall(r"\w+(?:['’]\w+)*|[^\w\s]", sentence):
        low = token.lower()
        if token in '"“”‘’':
            continue
        if low in _PERSON:
            out.append(_PERSON[low])
        elif low in _TENSE:
            out.append(_TENSE[low])
        elif token.isalpha() and low not in NEGATIONS and rng.random() < 0.15:
            continue  # condensed: some words (content ones too, never a negation) are left out
        else:
            out.append(token)
    text = " ".join(out)
    text = re.sub(r" ([,.;:!?])", r"\1", text).rstrip(" .")
    return "that " + text[:1].lower() + text[1:]
