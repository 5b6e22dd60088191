"""not_checked: quotes a source is not expected to hold (verify/scope.py) are not reported as
not_found, while an invented quote of the source's own speaker still is."""

from __future__ import annotations

import pytest

from quotetrace.records import Cue, Frame, Quote, SpeakerRef
from quotetrace.verify import STATUSES, Source, Verification, verify_quotes

TRANSCRIPT = (
    "Interview with Water Minister Adaeze Okafor\n\n"
    "Q: Why did this agreement happen now?\n\n"
    "OKAFOR: Public pressure, honestly. The most effective way to keep a river alive is to "
    "share it. We argued for years.\n\n"
    "Q: Your opponents say your ministry bought the cooperatives' support.\n\n"
    "OKAFOR: That is not true. Nobody was paid anything."
)
INVENTED = "We will pay every farmer upstream twice what the cooperatives got."


def quote(
    text: str,
    speaker: str | None = "Adaeze Okafor",
    kind: str = "direct",
    cue: str | None = "say",  # the cue's lemma
    act: str = "speech",
    frame: str | None = None,
) -> Quote:
    ref = SpeakerRef(speaker, speaker.split()[-1], 0, 0, type="person") if speaker else None
    return Quote(
        id=0, kind=kind, text=text if kind == "indirect" else f"“{text}”",  # type: ignore[arg-type]
        start=0, end=0, speaker=ref, act=act,  # type: ignore[arg-type]
        cue=Cue(cue, cue, 0, 0) if cue else None,
        frame=Frame(frame, None) if frame else None,
    )  # fmt: skip


def check(q: Quote, *sources: Source) -> Verification:
    (result,) = verify_quotes([q], list(sources) or [Source.from_text(TRANSCRIPT, "t.txt")])
    return result


def test_not_checked_is_a_status_and_not_found():
    assert STATUSES[-2:] == ("not_found", "not_checked")
    result = check(quote(INVENTED, speaker="Daniel Mensah"))
    assert result.status == "not_checked" and not result.found


def test_an_invented_quote_of_the_source_speaker_is_still_not_found():
    result = check(quote(INVENTED))
    assert result.status == "not_found" and result.note is None
    # also under a title or by surname only
    assert check(quote(INVENTED, speaker="Minister Okafor")).status == "not_found"


def test_a_quote_of_someone_who_does_not_speak_in_the_source():
    result = check(quote("I do not trust a treaty written in three weeks.", "Daniel Mensah"))
    assert result.status == "not_checked"
    assert result.note == (
        "attributed to Daniel Mensah; no one of that name speaks in t.txt (speakers there: OKAFOR)"
    )
    group = check(quote("that the timetable was unrealistic", "officials", kind="indirect"))
    assert group.status == "not_checked" and "officials" in (group.note or "")


def test_another_speakers_words_found_in_the_source_keep_their_verdict():
    """not_checked only replaces not_found: words that are there are reported, with the
    speaker check saying who really said them."""
    result = check(quote("The most effective way to keep a river alive is to share it", "Mensah"))
    assert result.status == "verbatim" and result.speaker_consistent is False


def test_narration_with_no_speaker_is_not_checked():
    """'Asked whether ..., the minister was blunt': the extractor's cue, no one behind it."""
    asked = quote(
        "whether the agreement could survive a change of government",
        speaker=None, kind="indirect", cue="ask",
    )  # fmt: skip
    result = check(asked)
    assert result.status == "not_checked" and "narration" in (result.note or "")


def test_a_hand_built_indirect_quote_without_speaker_is_still_checked():
    """No cue: not the extractor's record, so nothing says it is narration."""
    bare = quote("that the airport would close", speaker=None, kind="indirect", cue=None)
    result = check(bare)
    assert result.status == "not_found" and "paraphrase" in (result.note or "")


@pytest.mark.parametrize(("act", "words"), [("belief", "a belief"), ("intention", "an intention")])
def test_beliefs_and_intentions_are_not_checked(act, words):
    q = quote("that the farmers would sue the ministry", kind="indirect", cue="fear", act=act)
    result = check(q)
    assert result.status == "not_checked" and words in (result.note or "")


def test_an_unsupported_paraphrase_of_the_speaker_is_not_found_with_a_note():
    q = quote("that the farmers would sue the ministry", kind="indirect")
    result = check(q)
    assert result.status == "not_found"
    assert result.note == "no source sentence shares enough content words with this paraphrase"


def test_a_denied_claim_is_not_checked_but_denied_words_in_marks_are():
    claim = "reports that her ministry had quietly paid compensation to two cooperatives"
    denied = quote(claim, kind="indirect", cue="deny", frame="denial")
    result = check(denied)
    assert result.status == "not_checked" and (result.note or "").startswith("a denial")
    words = quote(INVENTED, cue="dismiss", frame="denial")
    assert check(words).status == "not_found"


@pytest.mark.parametrize(
    "source",
    [
        "Public pressure, honestly. We argued for years.",  # no labels: anyone may speak
        "Q: Why now?\n\nA: Public pressure, honestly.",  # an unnamed answerer
        "SPEAKER 1: Why now?\n\nSPEAKER 2: Public pressure, honestly.",  # numbered speakers
        "Q: Why now?\n\nUNIDENTIFIED MALE: Public pressure.\n\nOKAFOR: We argued.",
        # one label twice (a headline "Okafor: ..." and a line of the text): no dialogue
        "Okafor: No deal.\n\nThe talks went on all night.\n\nOkafor: We argued for years.",
        # an article with a few labelled lines at its end: no one named for most of it
        "The talks went on all night in the capital, and the ministers left without a word "
        "about the river, the farmers or the money that both sides say was never offered.\n\n"
        "OKAFOR: No.\n\nQ: Why?",
    ],
)
def test_unknown_source_speakers_keep_not_found(source):
    result = check(quote(INVENTED, "Daniel Mensah"), Source.from_text(source, "s"))
    assert result.status == "not_found"


def test_unresolved_pronoun_keeps_not_found():
    assert check(quote(INVENTED, speaker="she")).status == "not_found"


def test_source_speaker_names_an_unlabelled_source():
    speech = Source.from_text("We argued for years. The drought came.", "speech.txt", "Adaeze Okafor")
    assert check(quote(INVENTED, "Daniel Mensah"), speech).status == "not_checked"
    assert check(quote(INVENTED), speech).status == "not_found"


def test_with_several_sources_the_one_where_the_speaker_speaks_decides():
    statement = Source.from_text("We will study the text.", "mensah.txt", "Daniel Mensah")
    interview = Source.from_text(TRANSCRIPT, "t.txt")
    result = check(quote(INVENTED, "Daniel Mensah"), interview, statement)
    assert (result.status, result.source) == ("not_found", "mensah.txt")
