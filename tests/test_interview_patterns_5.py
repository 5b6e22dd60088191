"""Interview retellings, round 5: patterns found by probing with three new articles (a TV
interview with two guests, a wire story, a first-person Sunday profile).

The sentences are written for these tests (not taken from any corpus or article).
"""

from __future__ import annotations

from conftest import quote_containing

# -- 'The host asked Y whether ... He said': the one asked answers, not the asker -----------------
TWO_GUESTS = """\
Energy Minister Tobias Wrenfield and opposition energy spokeswoman Carla Imbrie debated the gas levy on Panorama Tonight.

"The levy is temporary," Wrenfield said. "It ends in April."

The host, Pieter Vos, turned to ask Wrenfield whether he would extend it. He said he had no plans to.
"""


def test_the_guest_asked_answers_the_next_he_said(extractor):
    article = extractor.extract(TWO_GUESTS)
    question = quote_containing(article, "whether he would extend it")
    assert question.speaker is not None and question.speaker.name == "Pieter Vos"
    answer = quote_containing(article, "he had no plans to")
    assert answer.speaker is not None and answer.speaker.name == "Tobias Wrenfield"


def test_the_one_the_reporter_asked_answers_after_another_was_quoted(extractor):
    text = (
        "The Dredging Years\n\n"
        "Harbour Commissioner Ingrid Salo has run the port authority since 2019. By Marcus Bell\n\n"
        '"We dredge every spring," Salo told me.\n\n'
        "Fisher Ada Kremer, who runs the co-operative, said the dredging had ruined the mussel beds. "
        '"Nobody asked us," Kremer said.\n\n'
        "I asked the commissioner about the mussel beds. She said the authority had paid for a survey.\n"
    )
    answer = quote_containing(extractor.extract(text), "had paid for a survey")
    assert answer.speaker is not None and answer.speaker.name == "Ingrid Salo"


def test_a_question_with_no_one_named_as_asked_leaves_the_last_speaker(extractor):
    text = (
        'Mayor Lorna Field said the tram would run by May. "We are on schedule," she said.\n\n'
        "Councillor Hugo Brandt asked whether the depot was finished. She said it was.\n"
    )
    answer = quote_containing(extractor.extract(text), "it was")
    assert answer.speaker is not None and answer.speaker.name == "Lorna Field"


# -- 'put it to him that S': the interviewer's claim or question, set before the guest -------------
def test_put_it_to_him_that_reports_the_interviewers_claim(extractor):
    text = (
        "Health Secretary Owen Castell was interviewed by presenter Mira Joshi on Sunday.\n\n"
        "Joshi put it to him that waiting lists had doubled since he took office. "
        "He said the figures counted patients twice.\n"
    )
    article = extractor.extract(text)
    claim = quote_containing(article, "waiting lists had doubled")
    assert claim.speaker is not None and claim.speaker.name == "Mira Joshi"
    assert claim.cue is not None and claim.cue.text == "put it to" and claim.act == "speech"
    answer = quote_containing(article, "the figures counted patients twice")
    assert answer.speaker is not None and answer.speaker.name == "Owen Castell"


def test_putting_a_thing_somewhere_reports_nothing(extractor):
    text = "Mayor Ada Quinn put the plan to a vote that evening, and the council passed it.\n"
    assert not [q for q in extractor.extract(text).quotes if q.cue is not None and q.cue.lemma == "put it to"]


# -- 'She opened by asking whether ...': the verb the preposition hangs on has the speaker ----------
def test_opened_by_asking_is_the_openers_question(extractor):
    text = (
        "Schools Minister Bram Oosting joined presenter Lidia Farrow in the studio on Monday.\n\n"
        "Farrow opened by asking the minister whether the exam reform had been shelved. "
        "Oosting said it had not.\n"
    )
    question = quote_containing(extractor.extract(text), "whether the exam reform had been shelved")
    assert question.speaker is not None and question.speaker.name == "Lidia Farrow"


def test_left_after_saying_is_the_leavers_claim(extractor):
    text = "Union leader Petra Holm walked out of the talks after saying that the offer was an insult.\n"
    quote = quote_containing(extractor.extract(text), "the offer was an insult")
    assert quote.speaker is not None and quote.speaker.name == "Petra Holm"


# -- names of bodies: 'the Ministry of Trade' is a ministry, not 'the company' ---------------------
def test_the_company_is_not_the_ministry_of_something_named_since(extractor):
    text = (
        "Shares in Brightwater Holdings fell on Monday after the recall.\n\n"
        "The Ministry of Trade said it was following the recall closely.\n\n"
        "The company said the faulty kettles had been made in one factory.\n"
    )
    quote = quote_containing(extractor.extract(text), "faulty kettles")
    assert quote.speaker is not None and quote.speaker.name == "Brightwater Holdings"


def test_a_firm_named_by_its_business_is_an_organisation(extractor):
    text = (
        "Berth to reopen after fire\n\n"
        "Redcliffe Terminals said in a statement that the berth would reopen on Friday.\n\n"
        "The company added that no cargo had been lost.\n"
    )
    article = extractor.extract(text)
    first = quote_containing(article, "the berth would reopen")
    assert first.speaker is not None and first.speaker.type == "organisation"
    added = quote_containing(article, "no cargo had been lost")
    assert added.speaker is not None and added.speaker.name == "Redcliffe Terminals"


def test_a_unions_name_keeps_its_and_after_a_description(extractor):
    text = "The drivers' union, the Road and Rail Drivers Federation, said the strike would go ahead.\n"
    quote = quote_containing(extractor.extract(text), "the strike would go ahead")
    assert quote.speaker is not None and quote.speaker.name == "Road and Rail Drivers Federation"


# -- 'did not respond to requests for comment', 'sparred over', 'spent a year defending': topics ---
def test_speech_verbs_with_a_topic_are_not_reported_speech(extractor):
    from quotetrace.speech_view import is_reported_speech

    text = (
        "Port director Kasia Wren did not respond to requests for comment on Tuesday.\n\n"
        "Senator Ilse Barra and Governor Teo Vance sparred over the cost of the new bridge.\n\n"
        "Barra has spent two years defending the harbour plan against its critics.\n\n"
        "Vance responded that the bridge would pay for itself within a decade.\n"
    )
    article = extractor.extract(text)
    for topic in ("requests for comment", "the cost of the new bridge", "the harbour plan"):
        rows = [q for q in article.quotes if topic in q.text]
        assert all(not is_reported_speech(q) for q in rows), topic
    answer = quote_containing(article, "the bridge would pay for itself")
    assert is_reported_speech(answer)


# -- 'she rightly noted', 'flatly denied': the writer's adverb inside the cue is still a marker ----
def test_an_editorial_adverb_the_cue_took_in_is_a_marker(extractor):
    from quotetrace.frame import frame_article

    text = (
        "Libraries row goes on\n\n"
        "Mayor Ines Toll rightly noted that visits had risen by a third. "
        "Councillor Abel Grange flatly denied that the branches were empty. "
        "The council did not deny that two staff had left.\n"
    )
    framed = frame_article(extractor.extract(text))
    expected = {"visits had risen": "rightly", "branches were empty": "flatly", "two staff had left": "not"}
    for fragment, word in expected.items():
        quote = quote_containing(framed, fragment)
        assert quote.frame is not None and word in [m.text for m in quote.frame.markers], fragment


# -- 'Pressed on whether ...': a question put, reported speech like 'asked whether' --------------
def test_pressed_on_whether_is_a_question_put(extractor):
    text = (
        "Presenter Nils Ekdahl interviewed Finance Minister Rosa Lindqvist on Sunday.\n\n"
        "Ekdahl asked whether the pension age would rise. Lindqvist said it would not.\n\n"
        "Pressed on whether the promise would hold after the election, she said it would.\n"
    )
    quote = quote_containing(extractor.extract(text), "whether the promise would hold")
    assert quote.act == "speech"
    assert quote.speaker is not None and quote.speaker.name == "Nils Ekdahl"


def test_pressing_for_a_thing_stays_a_stance(extractor):
    text = "Councillor Ada Marsh pressed for a second vote on the tram line.\n"
    rows = [q for q in extractor.extract(text).quotes if "second vote" in q.text]
    assert all(q.act != "speech" for q in rows)


# -- 'the mayor' in a profile that never puts the title before her name: the person it is about ----
def test_an_office_no_one_is_titled_with_is_the_profiles_subject(extractor):
    text = (
        "The Bridge Builder\n\n"
        "Vera Lindqvist-Moe has run the town of Ostby for six years.\n\n"
        '"I answer every letter," Lindqvist-Moe told me. "Every single one."\n\n'
        '"The bridge comes first," she said.\n\n'
        '"Then the school," she added.\n\n'
        "Shopkeeper Ruth Brand said the bridge had cost her half her customers.\n\n"
        "I asked the mayor about the shops. She said the town had paid the rent of six of them.\n"
    )
    quote = quote_containing(extractor.extract(text), "paid the rent of six")
    assert quote.speaker is not None and quote.speaker.name == "Vera Lindqvist-Moe"


def test_an_office_someone_holds_is_still_that_person(extractor):
    text = (
        "Mayor Lars Engen opened the bridge on Monday.\n\n"
        '"It took ten years," said Councillor Siri Haug. "Ten long years," she said. '
        '"And a lot of money," she added.\n\n'
        "The mayor said the bridge had come in under budget.\n"
    )
    quote = quote_containing(extractor.extract(text), "under budget")
    assert quote.speaker is not None and quote.speaker.name == "Lars Engen"


# -- 'she shot back that ...': a retort is speech, though 'shoot' alone is an action --------------
def test_shot_back_that_is_reported_speech(extractor):
    from quotetrace.speech_view import is_reported_speech

    text = (
        "Housing Minister Karl Dunmore said rents had fallen. "
        "Opposition spokeswoman Ines Varga shot back that rents had risen in every city.\n"
    )
    quote = quote_containing(extractor.extract(text), "rents had risen in every city")
    assert quote.act == "speech" and is_reported_speech(quote)
    assert quote.speaker is not None and quote.speaker.name == "Ines Varga"


def test_shooting_a_film_is_still_no_speech(extractor):
    text = "Director Aino Salo shot the film in Lapland over two winters.\n"
    assert all(q.act != "speech" for q in extractor.extract(text).quotes if "film" in q.text)


# -- 'the programme presented by X' ... 'the anchor asked': the person the verb made presenter -----
def test_the_anchor_is_who_the_programme_was_presented_by(extractor):
    text = (
        "Finance Minister Jonas Rehn appeared on Week in Review, the programme presented by Clara Moss.\n\n"
        "The anchor asked whether taxes would rise. Rehn said they would not.\n"
    )
    article = extractor.extract(text)
    question = quote_containing(article, "whether taxes would rise")
    assert question.speaker is not None and question.speaker.name == "Clara Moss"
    answer = quote_containing(article, "they would not")
    assert answer.speaker is not None and answer.speaker.name == "Jonas Rehn"


def test_the_chair_is_who_the_hearing_was_chaired_by(extractor):
    text = (
        "The hearing, chaired by Senator Olga Brandt, heard from two port officials.\n\n"
        "The chair said the committee would report in May.\n"
    )
    quote = quote_containing(extractor.extract(text), "would report in May")
    assert quote.speaker is not None and quote.speaker.name == "Olga Brandt"


# -- 'called on the minister to publish ...': a directive, not what was said -----------------------
def test_a_hearer_and_an_infinitive_is_a_directive(extractor):
    from quotetrace.speech_view import is_reported_speech

    text = (
        "Opposition leader Mara Quist called on the minister to publish the full cost of the line. "
        "The union urged its members to reject the offer.\n"
    )
    article = extractor.extract(text)
    for fragment in ("to publish the full cost", "to reject the offer"):
        rows = [q for q in article.quotes if fragment in q.text]
        assert rows and all(q.act == "intention" and not is_reported_speech(q) for q in rows), fragment


def test_a_that_clause_after_a_hearer_is_still_speech(extractor):
    text = "Mayor Jonas Berg told the council that the plan to build a new depot had been dropped.\n"
    quote = quote_containing(extractor.extract(text), "had been dropped")
    assert quote.act == "speech"


# -- 'X said in a statement ... According to the statement, ...': the statement is X's ------------
def test_the_statement_is_the_one_who_spoke_in_it(extractor):
    text = (
        "Kettle recall widens\n\n"
        "Brightwater Holdings said in a statement that it had recalled 40,000 kettles. "
        "According to the statement, no one had been hurt.\n"
    )
    quote = quote_containing(extractor.extract(text), "no one had been hurt")
    assert quote.speaker is not None and quote.speaker.name == "Brightwater Holdings"


def test_a_statement_read_in_a_hall_has_no_author_from_the_hall(extractor):
    text = (
        "Kettle recall widens\n\n"
        "In Oslo, reporters waited in the hall for a statement. The statement said the recall would end soon.\n"
    )
    quote = quote_containing(extractor.extract(text), "the recall would end soon")
    assert quote.speaker is None or quote.speaker.name != "Oslo"


# -- 'a senior official at the board, who asked not to be named': how they spoke, not who they are --
def test_a_relative_clause_on_the_last_noun_stays_out_of_the_description(extractor):
    text = (
        "Ferry inquiry widens\n\n"
        "A senior official at the Coastal Safety Agency, who asked not to be named, said the ferry "
        "had failed two inspections.\n"
    )
    quote = quote_containing(extractor.extract(text), "failed two inspections")
    assert quote.speaker is not None and quote.speaker.name == "senior official at the Coastal Safety Agency"
