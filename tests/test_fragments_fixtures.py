"""A hand-built article whose first quote is one quotation in two fragments.

(No tests here: importable helpers for the tests/test_fragments_*.py consumers.)
'"It's horrifying," Mayor Ana Lopez said on Tuesday, "and I'm sure it will pass."'
is one attribution: one cue, one speaker, content in two pieces. The narration
between them ("Mayor Ana Lopez said on Tuesday,") is the writer's, not the mayor's.
"""

from __future__ import annotations

from quotetrace.records import Article, Cue, Fragment, Frame, Quote, Speaker, SpeakerRef

FIRST = '"It\'s horrifying,"'
SECOND = '"and I\'m sure it will pass."'
NARRATION = "Mayor Ana Lopez said on Tuesday,"
TEXT = f"Storm hits coast\n\n{FIRST} {NARRATION} {SECOND}\n\nOfficials said the levee held overnight."


def article_text(narration: str = NARRATION) -> str:
    return TEXT.replace(NARRATION, narration)


# The words a reader is shown: the fragments joined, the narration left out.
SHOWN = f"{FIRST} … {SECOND}"


def two_fragment_article(frame: bool = False, narration: str = NARRATION) -> Article:
    """``narration``: the writer's words between the fragments (with "Mayor Ana Lopez" and "said")."""
    TEXT = article_text(narration)  # noqa: N806 (the module's TEXT, with this narration)
    start = TEXT.index(FIRST)
    second = TEXT.index(SECOND)
    end = second + len(SECOND)
    cue_at = TEXT.index("said")
    mention_at = TEXT.index("Mayor Ana Lopez")
    quote = Quote(
        id=0, kind="direct", text=TEXT[start:end], start=start, end=end,
        cue=Cue("said", "say", cue_at, cue_at + 4),
        speaker=SpeakerRef("Ana Lopez", "Mayor Ana Lopez", mention_at, mention_at + 15, "person", 0.9),
        confidence=0.9,
        fragments=[Fragment(start, start + len(FIRST), FIRST), Fragment(second, end, SECOND)],
        frame=Frame("neutral", 0.5, []) if frame else None,
    )  # fmt: skip
    indirect = "the levee held overnight"
    at = TEXT.index(indirect)
    said = TEXT.index("said", at - 10)
    other = Quote(
        id=1, kind="indirect", text=indirect, start=at, end=at + len(indirect),
        cue=Cue("said", "say", said, said + 4),
        speaker=SpeakerRef("Officials", "Officials", said - 10, said - 1, "group", 0.8),
    )  # fmt: skip
    speakers = [
        Speaker("Ana Lopez", ["Mayor Ana Lopez"], quotes=1, words=8, type="person"),
        Speaker("Officials", ["Officials"], quotes=1, words=4, type="group"),
    ]
    return Article(text=TEXT, title="Storm hits coast", quotes=[quote, other], speakers=speakers)
