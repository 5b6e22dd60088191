"""A labelled test set for quote verification, derived from real articles.

Each real article (PolNeAR dev) serves as a *source*. From its sentences we
write a secondary article that quotes it, changing each quote in one known
way (typography only, a marked omission, a bracket, [sic], an unmarked
word substitution, two passages joined, a sentence from another article,
a paraphrase ...), and record the ground truth: expected status, the exact
changes, and the source offsets of every piece. Some sources are rewritten
as interview transcripts ("BLINKEN: ...", "Q: ...") to test speaker checks.
Everything is seeded, so the same corpus gives the same cases.
"""

from quotetrace.evaluate.synth.builder import Builder
from quotetrace.evaluate.synth.cases import Case, ChangeKey, Expected, SynthDoc, change_key, words_of
from quotetrace.evaluate.synth.corpus import as_transcript, build_doc, build_set, load_corpus

__all__ = [
    "Builder",
    "Case",
    "ChangeKey",
    "Expected",
    "SynthDoc",
    "as_transcript",
    "build_doc",
    "build_set",
    "change_key",
    "load_corpus",
    "words_of",
]
