"""Speaker resolution on text unlike the tuning articles: passages written for these tests, each
checking that a general cause (not a phrasing) resolves a mention to the right person by full name."""

from __future__ import annotations


def speaker_of(extractor, text: str, fragment: str) -> str | None:
    for q in extractor.extract(text).quotes:
        if fragment in q.text:
            return q.speaker.name if q.speaker else None
    raise AssertionError(f"no quote contains {fragment!r}")


def test_a_name_set_beside_a_describing_subject_is_the_salient_person(extractor):
    text = (
        "Lena Forsberg founded the rowing club in 1998 with her husband, Nils Forsberg.\n\n"
        '"We started with two boats and a shed," Nils Forsberg said.\n\n'
        "Her oldest son, Mikael Forsberg, took over as coach last year. He said the club now has "
        "200 members.\n\n"
        '"Saturdays are chaos, in a good way," he said.'
    )
    assert speaker_of(extractor, text, "200 members") == "Mikael Forsberg"
    assert speaker_of(extractor, text, "Saturdays are chaos") == "Mikael Forsberg"


def test_a_descriptive_subject_before_a_name_hands_the_pronoun_to_that_name(extractor):
    text = (
        "Chief Inspector Robert Hale said the road would stay closed overnight.\n\n"
        "The driver's employer, Arnold Petrie, arrived at the scene an hour later. He said the "
        "lorry had been serviced in May."
    )
    assert speaker_of(extractor, text, "serviced in May") == "Arnold Petrie"


def test_a_description_goes_to_the_person_it_was_given_to_not_the_last_named(extractor):
    text = (
        "Rep. Dora Quill and Rep. Hanna Voss argued over the farm bill on Thursday.\n\n"
        "Quill, a Vermont Democrat, said the subsidies were too small. Voss, a Republican from "
        "Texas, said they were too large.\n\n"
        "The Vermont Democrat said she would offer an amendment next week."
    )
    assert speaker_of(extractor, text, "offer an amendment") == "Dora Quill"


def test_a_narrowed_role_picks_the_holder_it_fits_among_two(extractor):
    text = (
        "Gov. Martin Oyelaran, a Democrat from Kansas, met Gov. Peter Lindahl of Nebraska.\n\n"
        "Lindahl said the water deal was fair.\n\n"
        "The Kansas governor said he wanted changes."
    )
    assert speaker_of(extractor, text, "wanted changes") == "Martin Oyelaran"


def test_a_description_word_without_a_title_joins_the_person_it_describes(extractor):
    text = (
        "Gabriel Santos, a retired goalkeeper, opened the new stadium on Friday.\n\n"
        "Club chairman Victor Ambrose welcomed the crowd.\n\n"
        "The goalkeeper said he was proud to return to the city."
    )
    assert speaker_of(extractor, text, "proud to return") == "Gabriel Santos"


def test_the_teenager_is_the_person_introduced_with_a_teenage_age(extractor):
    text = (
        "Coach Harriet Bloom watched from the bench as Leon Marchetti, 17, won the final.\n\n"
        "The teenager said he had trained every morning for a year."
    )
    assert speaker_of(extractor, text, "trained every morning") == "Leon Marchetti"


def test_an_age_with_a_noun_after_it_is_still_the_person_of_that_age(extractor):
    text = (
        "Farmer Agnes Whitlow, 72, has sold her land to a solar company.\n\n"
        "Her neighbour Derek Pask called the sale a mistake.\n\n"
        "The 72-year-old widow said she had no one to leave the farm to."
    )
    assert speaker_of(extractor, text, "no one to leave") == "Agnes Whitlow"


def test_the_same_noun_again_is_the_fuller_description_it_was_introduced_with(extractor):
    text = (
        "The bridge was closed after engineers found cracks in two of its pillars, according to "
        "an inspection report, a worker familiar with the repairs told the Gazette.\n\n"
        "The worker, who asked not to be named, added that the cracks had been growing for months."
    )
    assert speaker_of(extractor, text, "growing for months") == "worker familiar with the repairs"


def test_the_company_is_the_firm_named_before_not_the_agency_named_in_between(extractor):
    text = (
        "Brightwell Inc. recalled 40,000 heaters on Monday after reports of fires.\n\n"
        "The Consumer Product Safety Agency said it had received 112 complaints.\n\n"
        "The company said no one had been hurt."
    )
    assert speaker_of(extractor, text, "no one had been hurt") == "Brightwell Inc."


def test_a_firm_whose_name_ends_in_a_trade_word_is_an_organisation(extractor):
    text = 'Calder Shipping said on Friday that the strike had stopped 30 of its vessels.\n\n"We are losing money every hour," the company said.'
    article = extractor.extract(text)
    quote = next(q for q in article.quotes if "30 of its vessels" in q.text)
    assert quote.speaker is not None and quote.speaker.type == "organisation"
    assert speaker_of(extractor, text, "losing money") == "Calder Shipping"


def test_a_capitalised_descriptor_opening_a_sentence_stays_out_of_the_name(extractor):
    text = (
        "A fire destroyed four homes on Carver Street overnight.\n\n"
        "Neighbour Ifeoma Chukwu said she woke to the sound of breaking glass.\n\n"
        "Pensioner Taavi Lepik said he had lived on the street for 50 years."
    )
    assert speaker_of(extractor, text, "breaking glass") == "Ifeoma Chukwu"
    assert speaker_of(extractor, text, "lived on the street") == "Taavi Lepik"


def test_a_broader_role_joins_the_person_whose_title_it_covers(extractor):
    text = (
        "Attorney General Rosalind Achterberg filed suit against the landlord on Monday.\n\n"
        "Defence lawyer Kwame Osei called the case weak.\n\n"
        "The prosecutor said the tenants had waited two winters without heat.\n\n"
        "Rep. Ilona Varga, who chairs the housing committee, welcomed the suit. The lawmaker said "
        "she would hold hearings in March."
    )
    assert speaker_of(extractor, text, "without heat") == "Rosalind Achterberg"
    assert speaker_of(extractor, text, "hold hearings") == "Ilona Varga"


def test_initials_resolve_to_the_name_the_article_spells_out(extractor):
    text = (
        "The Department of Labor released new jobless figures on Thursday, and the National "
        "Transportation Safety Board opened an inquiry into the bus crash.\n\n"
        "The NTSB said its investigators would reach the site by Friday.\n\n"
        "The DOL said claims had fallen for a third week."
    )
    assert speaker_of(extractor, text, "reach the site") == "National Transportation Safety Board"
    assert speaker_of(extractor, text, "fallen for a third week") == "Department of Labor"


def test_an_organisation_name_keeps_its_small_words(extractor):
    text = (
        "The Coastal Search and Rescue Agency said on Monday that two divers were missing.\n\n"
        "The Department of Fisheries said it had closed the bay to boats.\n\n"
        "The agency said the search would resume at dawn."
    )
    assert speaker_of(extractor, text, "two divers were missing") == "Coastal Search and Rescue Agency"
    assert speaker_of(extractor, text, "closed the bay") == "Department of Fisheries"
    assert speaker_of(extractor, text, "resume at dawn") == "Coastal Search and Rescue Agency"


def test_two_names_joined_by_and_stay_two_speakers(extractor):
    text = (
        "Senator Mara Quint and Fox News clashed over the interview on Sunday.\n\n"
        "Quint said the questions had been unfair."
    )
    assert speaker_of(extractor, text, "questions had been unfair") == "Mara Quint"


def test_an_organisation_noun_is_never_a_person_described_with_it(extractor):
    text = (
        "Lena Brandt, a campaign adviser, met voters in Dayton on Monday.\n\n"
        "The campaign said the governor would visit the city next week."
    )
    quote = next(q for q in extractor.extract(text).quotes if "visit the city" in q.text)
    assert quote.speaker is not None and quote.speaker.name != "Lena Brandt"
    assert quote.speaker.type == "organisation"


def test_a_role_the_name_is_set_beside_is_the_persons_title(extractor):
    text = (
        "Viktor Halloran, 61, admitted the theft in March.\n\n"
        "Halloran's solicitor, Maeve Tierney, said her client had repaid the money. Magistrate "
        "Owen Pryce said the case was serious.\n\n"
        "The solicitor said she would not appeal."
    )
    article = extractor.extract(text)
    assert speaker_of(extractor, text, "would not appeal") == "Maeve Tierney"
    assert "solicitor" in next(s.titles for s in article.speakers if s.name == "Maeve Tierney")
