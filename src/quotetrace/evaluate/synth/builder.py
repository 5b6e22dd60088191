"""Write the quotes of one secondary article from one source text, each changed one known way."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from quotetrace.evaluate.synth.cases import ChangeKey, Expected, change_key, words_of
from quotetrace.evaluate.synth.rewrite import grams, paraphrase, typography
from quotetrace.text.lexicon import word_class
from quotetrace.text.normalize import fold
from quotetrace.text.sentences import sentence_spans
from quotetrace.text.tokens import FOLDED_WORD as WORD
from quotetrace.verify.paraphrase import NEGATIONS, stopwords

_INSERTS = word_class("synth_insert")
_PRONOUNS = frozenset(word_class("synth_pronoun"))
_AUXILIARY = re.compile(r"\b(?:" + "|".join(word_class("synth_auxiliary")) + r")\b")
# Sources that already carry quoting marks ("[our] past...") make ambiguous ground truth.
_MARKUP = re.compile(r"[\[\]…]|\.\s?\.\s?\.")


@dataclass(slots=True)
class Sent:
    """A source sentence and its words' offsets (absolute, in the source text)."""

    start: int
    end: int
    starts: list[int]
    ends: list[int]
    index: int

    @property
    def n(self) -> int:
        return len(self.starts)

    @property
    def word_span(self) -> tuple[int, int]:
        """From its first word to the end of its last (no closing space or line break)."""
        return self.start, self.ends[-1]


class Builder:
    """Writes the quotes of one secondary article from one source text."""

    def __init__(self, text: str, rng: random.Random, foreign: list[str], breaks: list[int]):
        self.text = text
        self.rng = rng
        self.foreign = foreign  # sentences from other articles (negatives)
        self.sents = []
        for i, (s, e) in enumerate(sentence_spans(text, breaks)):
            spans = [(m.start() + s, m.end() + s) for m in WORD.finditer(fold(text[s:e]))]
            if spans:
                self.sents.append(Sent(s, e, [a for a, _ in spans], [b for _, b in spans], i))
        self.grams = grams(text, 5)
        self.vocab = sorted({w for w in words_of(text) if len(w) > 3 and w.isalpha()} - stopwords())

    # -- helpers -----------------------------------------------------------------------------
    def raw(self, a: int, b: int) -> str:
        return self.text[a:b]

    def word(self, sent: Sent, k: int) -> str:
        return self.text[sent.starts[k] : sent.ends[k]]

    def plain_gap(self, sent: Sent, k: int) -> bool:
        """Is the text between word k and k+1 a single space?"""
        return self.text[sent.ends[k] : sent.starts[k + 1]] == " "

    def pick(self, lo: int = 10, hi: int = 40, clean: bool = True) -> Sent | None:
        options = [
            s
            for s in self.sents
            if lo <= s.n <= hi
            and not _MARKUP.search(self.raw(s.start, s.end))
            and (not clean or not re.search(r"[\"“”\n]", self.raw(s.start, s.end)))
        ]
        return self.rng.choice(options) if options else None

    def next_sentence(self, sent: Sent) -> Sent | None:
        """The sentence right after ``sent`` in the same paragraph, if any."""
        k = self.sents.index(sent)
        if k + 1 < len(self.sents):
            nxt = self.sents[k + 1]
            if nxt.index == sent.index + 1 and "\n" not in self.raw(sent.end, nxt.start):
                return nxt
        return None

    def span(self, sent: Sent, i: int, j: int) -> tuple[int, int]:
        """Character span of words i..j-1 of ``sent``."""
        return sent.starts[i], sent.ends[j - 1]

    def fresh_word(self, avoid: set[str], article: bool = False) -> str:
        """An inserted or substituted word: a stock adverb, or (``article``) a word of the
        source itself, which is harder: it may match elsewhere."""
        pool = self.vocab if article and len(self.vocab) > 20 else _INSERTS
        return self.rng.choice([w for w in pool if w not in avoid])

    def sentence_words(self, sent: Sent) -> set[str]:
        return set(words_of(self.raw(sent.start, sent.end)))

    # -- verbatim ----------------------------------------------------------------------------
    def verbatim(self) -> tuple[str, Expected] | None:
        sent = self.pick(8, 40, clean=False)
        if sent is None:
            return None
        nxt = self.next_sentence(sent)
        if nxt is not None and nxt.n <= 30 and self.rng.random() < 0.3:
            quote = typography(self.raw(sent.start, nxt.end), self.rng)
            return quote, Expected("verbatim", "two-sentences", [], [(sent.start, nxt.ends[-1])])
        i, j = 0, sent.n
        if sent.n >= 14 and self.rng.random() < 0.5:
            i = self.rng.randrange(1, 4)
            j = sent.n - self.rng.randrange(0, 3)
        a, b = self.span(sent, i, j)
        quote = typography(self.raw(a, b), self.rng)
        return quote, Expected("verbatim", "typography", [], [(a, b)])

    # -- edited ------------------------------------------------------------------------------
    def edited(self) -> tuple[str, Expected] | None:
        maker = self.rng.choice(
            [self._ellipsis, self._skip_sentence, self._bracket, self._sic, self._punct, self._case]
        )
        return maker()

    def _ellipsis(self) -> tuple[str, Expected] | None:
        sent = self.pick(14, 45)
        if sent is None:
            return None
        i = self.rng.randrange(2, sent.n - 8)
        j = i + self.rng.randrange(2, 6)
        mark = self.rng.choice([" ... ", " … ", " . . . ", " [...] "])
        quote = self.raw(sent.start, sent.ends[i - 1]) + mark + self.raw(sent.starts[j], sent.end)
        omitted = self.raw(sent.starts[i], sent.ends[j - 1])
        return _edited(quote, "ellipsis", change_key("replace", omitted, "", "ellipsis"), sent)

    def _skip_sentence(self) -> tuple[str, Expected] | None:
        """ "A ... C" for three sentences A B C in a row: a marked omission of B."""
        for _ in range(20):
            a = self.pick(6, 30, clean=False)
            b = self.next_sentence(a) if a else None
            c = self.next_sentence(b) if b else None
            if a and b and c and b.n <= 35 and 5 <= c.n <= 30:
                break
        else:
            return self._ellipsis()
        quote = self.raw(a.start, a.end) + " ... " + self.raw(c.start, c.end)
        ch = change_key("replace", self.raw(b.start, b.end), "", "ellipsis")
        return quote, Expected("edited", "ellipsis-sentence", [ch], [(a.start, c.ends[-1])])

    def _bracket(self) -> tuple[str, Expected] | None:
        sent = self.pick(10, 40)
        if sent is None:
            return None
        ks = [k for k in range(1, sent.n - 1) if self.word(sent, k).lower() in _PRONOUNS]
        if not ks:
            return self._case()
        k = self.rng.choice(ks)
        names = [w for w in re.findall(r"\b[A-Z][a-z]{3,}\b", self.text) if w.lower() not in stopwords()]
        name = self.rng.choice(names) if names else "Smith"
        quote = self.raw(sent.start, sent.starts[k]) + f"[{name}]" + self.raw(sent.ends[k], sent.end)
        return _edited(quote, "bracket", change_key("replace", self.word(sent, k), name, "bracket"), sent)

    def _case(self) -> tuple[str, Expected] | None:
        sent = self.pick(8, 40)
        if sent is None:
            return None
        first = self.word(sent, 0)
        if not first[:1].isalpha():
            return None
        flipped = first[0].lower() if first[0].isupper() else first[0].upper()
        quote = f"[{flipped}]{first[1:]}" + self.raw(sent.ends[0], sent.end)
        return _edited(quote, "case-bracket", change_key("replace", first, first, "bracket"), sent)

    def _sic(self) -> tuple[str, Expected] | None:
        sent = self.pick(8, 40)
        if sent is None:
            return None
        k = self.rng.randrange(1, sent.n - 1)
        quote = self.raw(sent.start, sent.ends[k]) + " [sic]" + self.raw(sent.ends[k], sent.end)
        return _edited(quote, "sic", change_key("insert", "", "[sic]", "sic"), sent)

    def _punct(self) -> tuple[str, Expected] | None:
        for _ in range(20):
            sent = self.pick(8, 40)
            if sent is None:
                return None
            ks = [k for k in range(sent.n - 1) if self.text[sent.ends[k] : sent.starts[k + 1]] == ", "]
            if ks:
                break
        else:
            return self._sic()
        k = self.rng.choice(ks)
        new = self.rng.choice([" ", "; ", " — "])
        quote = self.raw(sent.start, sent.ends[k]) + new + self.raw(sent.starts[k + 1], sent.end)
        pair = self.raw(sent.starts[k], sent.ends[k + 1])
        return _edited(quote, "punctuation", change_key("replace", pair, pair, "punctuation"), sent)

    # -- altered -----------------------------------------------------------------------------
    def altered(self) -> tuple[str, Expected] | None:
        sent = self.pick(12, 40)
        if sent is None:
            return None
        avoid = self.sentence_words(sent)
        n_edits = 1 if self.rng.random() < 0.6 else 2
        # Interior words flanked by plain spaces, far enough apart that edits don't touch.
        slots = [k for k in range(2, sent.n - 2) if self.plain_gap(sent, k - 1) and self.plain_gap(sent, k)]
        self.rng.shuffle(slots)
        chosen: list[int] = []
        for k in slots:
            if all(abs(k - c) > 3 for c in chosen):
                chosen.append(k)
            if len(chosen) == n_edits:
                break
        if not chosen:
            return None
        pieces: list[tuple[int, int, str]] = []  # (start, end, replacement) in source offsets
        changes, variants = [], []
        for k in sorted(chosen):
            op = self.rng.choice(["replace", "insert", "delete"])
            w = self.word(sent, k)
            if op == "delete" and (
                w.lower() in (self.word(sent, k - 1).lower(), self.word(sent, k + 1).lower())
            ):
                op = "replace"
            if op == "replace":
                new = self.fresh_word(avoid | {w.lower()}, article=self.rng.random() < 0.5)
                pieces.append((sent.starts[k], sent.ends[k], new))
                changes.append(change_key("replace", w, new, "word"))
            elif op == "insert":
                new = self.fresh_word(avoid)
                pieces.append((sent.ends[k], sent.ends[k], " " + new))
                changes.append(change_key("insert", "", new, "word"))
            else:
                pieces.append((sent.ends[k - 1], sent.ends[k], ""))
                changes.append(change_key("delete", w, "", "word"))
            avoid.add(new if op != "delete" else w)
            variants.append(op)
        quote, pos = [], sent.start
        for a, b, new in pieces:
            quote.append(self.raw(pos, a) + new)
            pos = b
        quote.append(self.raw(pos, sent.end))
        return "".join(quote), Expected("altered", "+".join(variants), changes, [sent.word_span])

    # -- stitched ----------------------------------------------------------------------------
    def stitched(self) -> tuple[str, Expected] | None:
        options = [s for s in self.sents if 6 <= s.n <= 30 and not _MARKUP.search(self.raw(s.start, s.end))]
        if len(options) < 3:
            return None
        variant = self.rng.choice(["in-order", "in-order", "reversed", "far-ellipsis"])
        for _ in range(30):
            a, b = sorted(self.rng.sample(options, 2), key=lambda s: s.index)
            gap_words = sum(s.n for s in self.sents if a.index < s.index < b.index)
            if b.index - a.index < 2 or gap_words < 8:
                continue
            if variant == "far-ellipsis" and gap_words <= 100:
                continue
            break
        else:
            return None
        first, second = (b, a) if variant == "reversed" else (a, b)
        joint = " ... " if variant == "far-ellipsis" else " "
        quote = self.raw(first.start, first.end) + joint + self.raw(second.start, second.end)
        spans = [first.word_span, second.word_span]
        return quote, Expected("stitched", variant, [], spans)

    # -- negatives and paraphrases -----------------------------------------------------------
    def foreign_sentence(self) -> str | None:
        """A sentence of another article that shares no 5-word run with this source.

        Shorter shared runs ("the Clinton campaign said") are allowed: they are what
        makes a wrong quote look plausible.
        """
        for _ in range(50):
            cand = self.rng.choice(self.foreign)
            if 10 <= len(words_of(cand)) <= 40 and not (grams(cand, 5) & self.grams):
                return cand
        return None

    def not_found(self) -> tuple[str, Expected] | None:
        cand = self.foreign_sentence()
        return (cand, Expected("not_found", "other-article")) if cand else None

    def paraphrase(self) -> tuple[str, Expected] | None:
        sent = self.pick(10, 35, clean=False)
        if sent is None:
            return None
        text = paraphrase(self.raw(sent.start, sent.end), self.rng)
        return text, Expected("paraphrase_supported", "paraphrase", [], [(sent.start, sent.end)])

    def paraphrase_negative(self) -> tuple[str, Expected] | None:
        cand = self.foreign_sentence()
        if cand is None:
            return None
        return paraphrase(cand, self.rng), Expected("not_found", "other-article-paraphrase")

    def paraphrase_negated(self) -> tuple[str, Expected] | None:
        """A paraphrase that says the opposite: "not" slipped in after the first auxiliary."""
        for _ in range(20):
            sent = self.pick(10, 35, clean=False)
            if sent is None:
                return None
            raw = self.raw(sent.start, sent.end)
            if any(w in NEGATIONS or w.endswith("n't") for w in words_of(raw)):
                continue
            text = paraphrase(raw, self.rng)
            m = _AUXILIARY.search(text)
            if m:
                negated = text[: m.end()] + " not" + text[m.end() :]
                return negated, Expected("not_found", "paraphrase-negated", [], [(sent.start, sent.end)])
        return None

    def mixed(self) -> tuple[list[str], list[Expected]] | None:
        sent = self.pick(16, 45)
        if sent is None:
            return None
        i = self.rng.randrange(0, sent.n - 14)
        f1 = (i, i + self.rng.randrange(3, 6))
        f2_start = f1[1] + self.rng.randrange(2, 4)
        f2 = (f2_start, f2_start + self.rng.randrange(5, 8))
        texts, expected = [], []
        for n, (a, b) in enumerate((f1, f2)):
            start, end = self.span(sent, a, b)
            frag = self.raw(start, end)
            if n == 1 and self.rng.random() < 0.5 and b - a >= 5:
                k = a + 2
                w = self.word(sent, k)
                new = self.fresh_word(self.sentence_words(sent))
                frag = self.raw(start, sent.starts[k]) + new + self.raw(sent.ends[k], end)
                expected.append(
                    Expected(
                        "altered",
                        "mixed-fragment",
                        [change_key("replace", w, new, "word")],
                        [(start, end)],
                    )
                )
            else:
                expected.append(Expected("verbatim", "mixed-fragment", [], [(start, end)]))
            texts.append(frag)
        return texts, expected


def _edited(quote: str, variant: str, change: ChangeKey, sent: Sent) -> tuple[str, Expected]:
    """A quote of the whole of ``sent`` with one marked or trivial change: it stays edited."""
    return quote, Expected("edited", variant, [change], [sent.word_span])
