"""Does a source sentence support an indirect (paraphrased) quote?

A paraphrase keeps the content words and changes the rest (person, tense,
word order, connectives), so both sides are reduced to content-word stems
and compared two ways: how much of the quote's information (IDF-weighted
content terms) the sentence holds, and rapidfuzz's token_set_ratio of the
two term sets. Pairs of adjacent sentences are tried too, since a paraphrase
often condenses two.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass

from rapidfuzz import fuzz

from quotetrace.text import lexicon
from quotetrace.text.normalize import fold
from quotetrace.text.stem import stem
from quotetrace.text.tokens import FOLDED_WORD as WORD
from quotetrace.text.tokens import SENTINEL
from quotetrace.verify.source import Source, SourceIndex

MIN_PARAPHRASE_SCORE = 0.5
PAIR_DISCOUNT = 0.95  # a two-sentence match must be a little better to win
TOP_CANDIDATES = 12
# A paraphrase that negates what the sentence affirms (or the reverse) shares all its
# content words with it; only the negation tells them apart.
NEGATIONS = frozenset(lexicon.word_class("negation"))
NEGATION_FACTOR = 0.6


def negated(text: str) -> bool:
    return any(w in NEGATIONS or w.endswith("n't") for w in WORD.findall(fold(text)))


def stopwords() -> frozenset[str]:
    return lexicon.stopwords("verification")


def terms(text: str) -> list[str]:
    stop = stopwords()
    return [stem(w) for w in WORD.findall(fold(text)) if w not in stop and (len(w) > 1 or w.isdigit())]


def _index_terms(source: Source) -> SourceIndex:
    """Content terms of every source sentence, from the words the index already holds."""
    idx = source.index
    if idx.terms is None:
        stop = stopwords()
        term_of = {
            char: stem(word)
            for word, char in idx.vocab.items()
            if word not in stop and (len(word) > 1 or word.isdigit()) and char != SENTINEL
        }
        content = frozenset(term_of)
        negators = frozenset(c for w, c in idx.vocab.items() if w in NEGATIONS or w.endswith("n't"))
        sentence_terms, sentence_negated = [], []
        for s, e in idx.sentences:
            lo, hi = bisect_left(idx.starts, s), bisect_left(idx.starts, e)
            # set() and & run in C; only the sentence's distinct content words are mapped.
            chars = set(idx.enc[lo:hi])
            sentence_terms.append(frozenset([term_of[c] for c in chars.intersection(content)]))
            sentence_negated.append(not chars.isdisjoint(negators))
        by_term: dict[str, list[int]] = {}
        for i, ts in enumerate(sentence_terms):
            for t in ts:
                by_term.setdefault(t, []).append(i)
        idx.terms, idx.term_sentences = sentence_terms, by_term
        idx.negated = sentence_negated
    return idx


@dataclass(slots=True)
class ParaphraseMatch:
    score: float
    start: int  # character offsets of the supporting sentence(s)
    end: int
    first_sentence: int
    negation_differs: bool = False


def best_sentence(text: str, source: Source) -> ParaphraseMatch | None:
    """The source sentence (or adjacent pair) that best supports ``text``, scored 0..1."""
    wanted = set(terms(text))
    if not wanted or not source.text.strip():
        return None
    idx = _index_terms(source)
    assert idx.terms is not None and idx.term_sentences is not None and idx.negated is not None
    n = len(idx.terms)
    weight = {t: math.log((n + 1) / (len(idx.term_sentences.get(t, ())) + 0.5)) for t in wanted}
    total = sum(weight.values())
    candidates = {i for t in wanted for i in idx.term_sentences.get(t, ())}
    options = []  # (recall, first sentence, last sentence, terms, discount)
    for i in candidates:
        shared_i = wanted & idx.terms[i]
        options.append((_recall(shared_i, weight, total), i, i, idx.terms[i], 1.0))
        if i + 1 < n:
            shared_j = wanted & idx.terms[i + 1]
            if shared_j - shared_i and shared_i - shared_j:  # both sentences must add something
                recall = _recall(shared_i | shared_j, weight, total)
                have = idx.terms[i] | idx.terms[i + 1]
                options.append((PAIR_DISCOUNT * recall, i, i + 1, have, PAIR_DISCOUNT))
    # token_set_ratio is the dearer half of the score: only for the best few by recall.
    options.sort(key=lambda o: -o[0])
    query = " ".join(sorted(wanted))
    best: ParaphraseMatch | None = None
    quote_negated = negated(text)
    for recall, i, j, have, discount in options[:TOP_CANDIDATES]:
        ratio = fuzz.token_set_ratio(query, " ".join(sorted(have))) / 100
        score = 0.6 * recall + 0.4 * discount * ratio
        start, end = idx.sentences[i][0], idx.sentences[j][1]
        flipped = (idx.negated[i] or idx.negated[j]) != quote_negated
        if flipped:
            score *= NEGATION_FACTOR
        if best is None or score > best.score:
            best = ParaphraseMatch(score, start, end, i, flipped)
    return best


def _recall(shared: set[str], weight: dict[str, float], total: float) -> float:
    return sum(weight[t] for t in shared) / total if total else 0.0
