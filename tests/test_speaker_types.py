"""Places, works and groups typed apart from people, in sentences written for these tests.

Speaker resolution has no entity recogniser: a country, a state or a "Rust Belt" must not
become the "he" or "they" that said something (data/speaker_places.txt,
data/speaker_place_heads.txt).
"""

from __future__ import annotations


def speaker_of(extractor, text: str, fragment: str):
    for q in extractor.extract(text).quotes:
        if fragment in q.text:
            return q.speaker
    raise AssertionError(f"no quote contains {fragment!r}")


def test_a_state_that_is_also_a_given_name_is_never_he(extractor):
    text = (
        "Senator Paul Okafor spent the week campaigning.\n\n"
        "Florida has been hit hard by the storms this year. "
        "The state will vote in March, he said."
    )
    assert speaker_of(extractor, text, "will vote in March").name == "Paul Okafor"


def test_a_region_named_by_its_place_word_is_never_she(extractor):
    text = (
        "Reporters followed Mayor Lena Ortiz through two shuttered plants on Tuesday.\n\n"
        "The Rust Belt has lost a million jobs since 2000, she said."
    )
    assert speaker_of(extractor, text, "lost a million jobs").name == "Lena Ortiz"


def test_a_building_is_never_he(extractor):
    text = (
        "Reporters met Governor Tom Baird on Wednesday.\n\n"
        "Lakeside Tower has stood empty for years. Nobody wants to buy it now, he said."
    )
    assert speaker_of(extractor, text, "Nobody wants to buy").name == "Tom Baird"


def test_a_country_that_speaks_is_printed_as_an_organisation(extractor):
    speaker = speaker_of(extractor, "Russia said on Monday that the new sanctions were illegal.", "sanctions")
    assert (speaker.name, speaker.type) == ("Russia", "organisation")


def test_a_title_makes_a_listed_place_name_a_person(extractor):
    text = (
        "The team's coach, Mr. Jordan, has led the club for six years.\n\n"
        "Mr. Jordan said the players were ready for the final."
    )
    speaker = speaker_of(extractor, text, "players were ready")
    assert (speaker.name, speaker.type) == ("Jordan", "person")


def test_a_given_name_before_a_place_word_is_a_person(extractor):
    text = (
        "Anita Hill testified before the committee in 1991.\n\n"
        "She said the hearings had changed how the country talked about work."
    )
    speaker = speaker_of(extractor, text, "hearings had changed")
    assert (speaker.name, speaker.type) == ("Anita Hill", "person")


def test_they_is_a_group_that_is_the_subject_of_its_sentence(extractor):
    text = (
        "The governor's budget passed on Tuesday.\n\n"
        "Several Democratic critics have filed a lawsuit over what they say was a cover-up."
    )
    speaker = speaker_of(extractor, text, "a cover-up")
    assert (speaker.name, speaker.type) == ("Democratic critics", "group")


def test_they_is_the_group_whose_view_the_sentence_opens_with(extractor):
    text = (
        "The ministry published the new water rule on Monday.\n\n"
        "To many residents, the rule is a disaster. It will cost them their wells, they say."
    )
    assert speaker_of(extractor, text, "cost them their wells").name == "residents"


def test_they_is_not_the_country_the_reported_words_are_about(extractor):
    text = "Western diplomats met in Vienna on Friday.\n\nRussia is blocking the talks, they say."
    assert speaker_of(extractor, text, "blocking the talks").name == "Western diplomats"


def test_they_is_not_the_group_the_reported_words_are_about(extractor):
    text = "Senior officials met on Friday.\n\nVoters are angry about the delay, they say."
    assert speaker_of(extractor, text, "angry about the delay").name == "Senior officials"


def test_he_said_he_planned_keeps_the_speaker_of_the_outer_cue(extractor):
    text = (
        "Tom Baird sold his old house last year.\n\n"
        "Mark Ellison said he planned to sell his own house next spring."
    )
    assert speaker_of(extractor, text, "planned to sell").name == "Mark Ellison"


def test_she_may_report_on_herself(extractor):
    text = (
        "Anna Berg spoke first at the rally.\n\n"
        "Maria Lund was shocked by the size of the crowd, she said in an interview."
    )
    assert speaker_of(extractor, text, "shocked by the size").name == "Maria Lund"


def test_a_work_its_noun_introduces_is_never_he(extractor):
    text = (
        "Director Sam Reyes premiered his film Quiet Morning in Toronto on Friday.\n\n"
        "Quiet Morning follows a fisherman through one long storm. "
        "It was shot on a tiny budget, he said."
    )
    assert speaker_of(extractor, text, "tiny budget").name == "Sam Reyes"


def test_a_name_after_a_work_noun_but_not_linked_to_it_stays_a_person(extractor):
    text = (
        "The film Dana Whitfield made last year won two prizes.\n\nShe said the prizes belonged to her crew."
    )
    speaker = speaker_of(extractor, text, "belonged to her crew")
    assert (speaker.name, speaker.type) == ("Dana Whitfield", "person")


def test_a_name_only_after_in_is_a_place(extractor):
    text = (
        "Reporters met Tom Baird on Friday.\n\n"
        "Voters gathered in Orlando for a rally that night. The crowd was huge, he said."
    )
    assert speaker_of(extractor, text, "crowd was huge").name == "Tom Baird"


def test_a_name_mostly_a_subject_stays_a_person_after_in(extractor):
    text = (
        "Voters have lost confidence in Okafor, the polls show.\n\n"
        "Okafor said on Monday that the polls were wrong. Okafor has led the party since 2010.\n\n"
        "The numbers will change by the spring, he said."
    )
    assert speaker_of(extractor, text, "numbers will change").name == "Okafor"


def test_they_is_not_a_group_from_a_clause_it_follows(extractor):
    text = (
        "Campaign advisers briefed reporters on Sunday.\n\n"
        "With one more day until voters in Ohio head to the polls, they argued, "
        "there was little time left for a comeback."
    )
    assert speaker_of(extractor, text, "little time left").name == "Campaign advisers"


def test_a_person_named_as_the_topic_is_the_he_of_that_sentence(extractor):
    text = (
        "Senator Ted Cruz spoke first at the forum.\n\n"
        '"We will win this state," the Texas senator said.\n\n'
        "As for Donald Trump, he said he was not worried about the delegates."
    )
    assert speaker_of(extractor, text, "not worried").name == "Donald Trump"


def test_it_is_the_company_named_before(extractor):
    text = "Amazon raised its prices on Monday. It said the change was needed to cover costs."
    speaker = speaker_of(extractor, text, "needed to cover costs")
    assert (speaker.name, speaker.type) == ("Amazon", "organisation")


def test_it_is_a_country_acting_as_its_government(extractor):
    text = "Russia sent troops to the border on Friday. It said the move was only a drill."
    speaker = speaker_of(extractor, text, "only a drill")
    assert (speaker.name, speaker.type) == ("Russia", "organisation")


def test_it_is_never_a_person(extractor):
    text = (
        "Reporters asked Tom Baird about the plant on Monday.\n\n"
        "The plant will stay open through the winter, it said in a statement."
    )
    speaker = speaker_of(extractor, text, "stay open")
    assert (speaker.name, speaker.type) == ("it", "unknown")  # no organisation named: no one
