"""Speaker resolution patterns found wrong on PolNeAR train text, in sentences written for these tests."""

from __future__ import annotations


def speaker_of(extractor, text: str, fragment: str) -> str | None:
    for q in extractor.extract(text).quotes:
        if fragment in q.text:
            return q.speaker.name if q.speaker else None
    raise AssertionError(f"no quote contains {fragment!r}")


def test_a_lone_surname_is_the_person_not_a_team_named_after_them(extractor):
    text = (
        "Hillary Clinton campaigned in Ohio on Monday.\n\n"
        "Team Clinton released a new schedule later that day.\n\n"
        '"We are going to win this state," Clinton said.'
    )
    assert speaker_of(extractor, text, "win this state") == "Hillary Clinton"


def test_a_lone_surname_is_the_person_not_an_organisation_named_after_them(extractor):
    text = (
        "Donald Trump held a rally in Texas on Friday.\n\n"
        "A judge in San Diego is hearing the Trump University case.\n\n"
        '"The judge is very unfair to me," Trump said.'
    )
    assert speaker_of(extractor, text, "very unfair") == "Donald Trump"


def test_a_gendered_title_picks_the_family_member_of_that_gender(extractor):
    text = (
        "Hillary Clinton and Bill Clinton arrived at the dinner together.\n\n"
        '"We are thrilled to be here tonight," Mrs. Clinton said.\n\n'
        '"It is a wonderful evening," Mr. Clinton said.'
    )
    assert speaker_of(extractor, text, "thrilled") == "Hillary Clinton"
    assert speaker_of(extractor, text, "wonderful evening") == "Bill Clinton"
