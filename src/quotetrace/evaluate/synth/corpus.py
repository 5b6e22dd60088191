"""Build the synthetic verification set from a folder of real articles (seeded)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

from quotetrace.evaluate.synth.builder import Builder
from quotetrace.evaluate.synth.cases import Case, Expected, SynthDoc
from quotetrace.evaluate.synth.rewrite import nest, paraphrase
from quotetrace.records import Quote, SpeakerRef
from quotetrace.text.sentences import sentence_spans
from quotetrace.verify.quotes import _FRAGMENT_DOUBLE
from quotetrace.verify.source import Source

_INTERVIEWEES = (
    ("SECRETARY BLINKEN", "Antony Blinken", "Garcia"),
    ("HARRIS", "Kamala Harris", "Pence"),
    ("GARCIA-NAVARRO", "Lulu Garcia-Navarro", "Inskeep"),
    ("MR. PRICE", "Ned Price", "Psaki"),
)
_QUESTIONERS = ("Q", "STEVE INSKEEP, HOST", "QUESTION")


def as_transcript(text: str, rng: random.Random) -> tuple[str, str, str, str]:
    """Rewrite an article as an interview: paragraphs alternate questioner and interviewee.

    Returns (transcript, interviewee label, interviewee's name, someone else's name).
    """
    label, name, other = rng.choice(_INTERVIEWEES)
    asker = rng.choice(_QUESTIONERS)
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    lines = [f"{asker if i % 2 == 0 else label}: {p}" for i, p in enumerate(paras)]
    return "\n\n".join(lines), label, name, other


_MAKERS: dict[str, int] = {
    "verbatim": 2,
    "edited": 3,
    "altered": 3,
    "stitched": 2,
    "not_found": 1,
    "paraphrase": 1,
    "paraphrase_negative": 1,
    "paraphrase_negated": 1,
    "mixed": 1,
}


def build_doc(
    name: str, text: str, foreign: list[str], seed: int, transcript: bool, scale: int = 1
) -> SynthDoc:
    """A source and the article quoting it; ``scale`` multiplies the number of quotes."""
    rng = random.Random(f"{seed}:{name}")
    speaker = "Jordan Smith"
    label = other = None
    if transcript:
        text, label, speaker, other = as_transcript(text, rng)
    source = Source.from_text(text, name)
    builder = Builder(text, rng, foreign, [t.body_start for t in source.turns])
    parts: list[str] = []
    cases: list[Case] = []
    pos = 0

    def add(body_before: str, quoted: str, after: str, kind: str, who: str, expected: list[Expected]) -> None:
        nonlocal pos
        start = pos + len(body_before)
        chunk = body_before + quoted + after
        parts.append(chunk + "\n\n")
        q = Quote(
            id=len(cases),
            kind=kind,  # type: ignore[arg-type]
            text=quoted,
            start=start,
            end=start + len(quoted),
            speaker=SpeakerRef(who, who.split()[-1], pos, pos + len(who)),
        )
        if kind == "mixed":
            frags = [m.span(1) for m in _FRAGMENT_DOUBLE.finditer(quoted)]
            for exp, (a, b) in zip(expected, frags, strict=True):
                exp.article_span = (start + a, start + b)
        else:
            for exp in expected:
                exp.article_span = (start, start + len(quoted))
        cases.append(Case(q, expected))
        pos += len(chunk) + 2

    for maker, count in _MAKERS.items():
        for _ in range(count * scale):
            made = getattr(builder, maker)()
            if made is None:
                continue
            if maker == "mixed":
                frags, exp = made
                quoted = f"{speaker} said it was “{frags[0]}” and that “{frags[1]}”"
                add("", quoted, ".", "mixed", speaker, exp)
                continue
            quote, exp = made
            kind = "indirect" if maker.startswith("paraphrase") else "direct"
            if kind == "indirect":
                add(f"{speaker} said ", quote, ".", kind, speaker, [exp])
            else:
                add(f"{speaker} said: ", f"“{nest(quote)}”", "", kind, speaker, [exp])
    if transcript:
        _speaker_cases(builder, source, label or "", speaker, other or "", add)
    return SynthDoc(source, "".join(parts), cases)


def _speaker_cases(
    builder: Builder, source: Source, label: str, speaker: str, other: str, add: Callable
) -> None:
    """Verbatim quotes whose attribution is right or wrong according to the turn labels."""
    turns = source.turns
    plan = ((True, speaker, False), (False, other, False), (False, speaker, True))
    for want_consistent, who, by_questioner in plan:
        options = []
        for s in builder.sents:
            if not 8 <= s.n <= 40 or re.search(r"[\"“”\[\]…]", builder.raw(s.start, s.end)):
                continue
            turn = next((t for t in turns if t.body_start <= s.start < t.end), None)
            if turn is None or (turn.label != label) != by_questioner:
                continue
            options.append(s)
        if not options:
            continue
        s = builder.rng.choice(options)
        exp = Expected("verbatim", "speaker", [], [(s.start, s.ends[-1])], want_consistent)
        add(f"{who} said: ", f"“{nest(builder.raw(s.start, s.end))}”", "", "direct", who, [exp])
    _other_speaker_cases(builder, source, other, add)


def _other_speaker_cases(builder: Builder, source: Source, other: str, add: Callable) -> None:
    """Words the source does not hold, given to someone who does not speak in it: not_checked
    (the article quotes another person; verify/scope.py). Where the other person is the
    source's host ("STEVE INSKEEP, HOST:" and Inskeep), they do speak there: not_found."""
    speaks = any(other.lower() in turn.label.lower() for turn in source.turns)
    status = "not_found" if speaks else "not_checked"
    for kind in ("direct", "direct", "indirect"):
        cand = builder.foreign_sentence()
        if cand is None:
            continue
        exp = Expected(status, "other-speaker")
        if kind == "direct":
            add(f"{other} said: ", f"“{nest(cand)}”", "", kind, other, [exp])
        else:
            add(f"{other} said ", paraphrase(cand, builder.rng), ".", kind, other, [exp])


def load_corpus(folder: Path) -> list[tuple[str, str]]:
    """(name, text) of each article in a PolNeAR split's text/ folder."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def build_set(
    articles: list[tuple[str, str]], seed: int = 0, transcripts_every: int = 4, merge: int = 1
) -> list[SynthDoc]:
    """One SynthDoc per article, or per ``merge`` articles joined into one long source (more
    chance matches of stock phrases, more repeats); every ``transcripts_every``-th source is
    made a transcript."""
    groups = [articles[i : i + merge] for i in range(0, len(articles), merge)]
    groups = [g for g in groups if len(g) == merge] or groups
    all_sentences = [
        (name, text[s:e]) for name, text in articles for s, e in sentence_spans(text) if "\n" not in text[s:e]
    ]
    docs = []
    for n, group in enumerate(groups):
        names = {name for name, _ in group}
        name = group[0][0] if merge == 1 else f"{group[0][0]}+{len(group) - 1}"
        text = "\n\n".join(t.strip() for _, t in group)
        foreign = [sent for other, sent in all_sentences if other not in names]
        transcript = n % transcripts_every == transcripts_every - 1
        docs.append(build_doc(name, text, foreign, seed, transcript, scale=merge))
    return docs
