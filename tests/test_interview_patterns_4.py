"""Interview retellings, round 4: patterns found by probing with three new articles (a magazine
profile, a radio-interview writeup, a press-conference writeup).

The sentences are written for these tests (not taken from any corpus or article).
"""

from __future__ import annotations

from conftest import quote_containing

# -- 'Speaking to presenter X': whom the speaker addressed, read by the parser as an infinitive -----
RADIO = """\
Speaking to presenter Peter Lindqvist on the station's breakfast show, Transport Minister Edda Forsberg said the rail strike would end by Friday.

Pressed on whether drivers would get a pay rise, Forsberg said talks were continuing.
"""


def test_speaking_to_a_role_and_name_is_no_speech(extractor):
    article = extractor.extract(RADIO)
    assert not [q for q in article.quotes if q.text.startswith("to presenter")]
    quote = quote_containing(article, "rail strike would end")
    assert quote.speaker is not None and quote.speaker.name == "Edda Forsberg"


def test_the_presenter_addressed_is_the_interviewer_who_pressed(extractor):
    quote = quote_containing(extractor.extract(RADIO), "whether drivers would get a pay rise")
    assert quote.speaker is not None and quote.speaker.name == "Peter Lindqvist"


def test_speaking_to_anchor_names_the_anchor_as_interviewer(extractor):
    text = (
        "Talking to anchor Rosa Delgado on Sunday, Senator Ivo Marchetti defended the farm bill.\n\n"
        "Asked whether the subsidies would survive, Marchetti said he was confident.\n"
    )
    article = extractor.extract(text)
    assert not [q for q in article.quotes if q.text.startswith("to anchor")]
    quote = quote_containing(article, "whether the subsidies would survive")
    assert quote.speaker is not None and quote.speaker.name == "Rosa Delgado"


# -- a press conference: several reporters ask, so a question with no asker is nobody's in particular
BRIEFING = """\
Fire Commissioner Agnes Holloway spoke to reporters at the station on Monday.

Asked by a reporter from the Harbour Times whether the new engines had arrived, Holloway said two of them had.

Daniel Price of Channel 9 asked why the east station had closed. Holloway said it had failed an inspection.

Pressed by another reporter on the overtime budget, she said it would be published next week.

Asked whether any firefighters would be laid off, Holloway said no jobs were at risk.
"""


def test_a_question_with_no_asker_after_several_askers_is_no_ones(extractor):
    article = extractor.extract(BRIEFING)
    question = quote_containing(article, "whether any firefighters would be laid off")
    assert question.speaker is None or question.speaker.name != "Daniel Price"
    answer = quote_containing(article, "no jobs were at risk")
    assert answer.speaker is not None and answer.speaker.name == "Agnes Holloway"


def test_the_one_asker_of_an_interview_still_asks_the_unattributed_question(extractor):
    text = BRIEFING.replace(
        "Asked by a reporter from the Harbour Times whether", "Price asked whether"
    ).replace("Pressed by another reporter on", "Price pressed her on")
    question = quote_containing(extractor.extract(text), "whether any firefighters would be laid off")
    assert question.speaker is not None and question.speaker.name == "Daniel Price"


# -- 'by her own account, "..."': the owner of the account speaks, as in 'in her words' ----------
def test_by_her_own_account_gives_the_quotation_to_the_owner(extractor):
    text = (
        "Mayor Rhea Castellano spent the morning at the flooded market.\n\n"
        'She had slept three hours and was, by her own account, "ready to fall over."\n'
    )
    quote = quote_containing(extractor.extract(text), "ready to fall over")
    assert quote.speaker is not None and quote.speaker.name == "Rhea Castellano"
    assert quote.cue is not None and not quote.continuation


def test_by_all_accounts_has_no_owner_and_reports_nothing(extractor):
    text = "Coach Tomas Brink left the club in May.\n\nBy all accounts, the new stadium will open late.\n"
    assert not [q for q in extractor.extract(text).quotes if "stadium" in q.text]


# -- 'The mayor of Marlow, Priya Sandhu, said': the name is the role's holder, not the place's -----
def test_full_name_after_role_of_place_is_the_roles_holder(extractor):
    text = (
        "A reporter from the Pellham Courier asked about the harbour wall.\n\n"
        'The governor of Pellham, Ines Okonkwo, called the repairs "overdue" and said she would '
        "visit the site.\n"
    )
    article = extractor.extract(text)
    for fragment in ("overdue", "she would visit"):
        quote = quote_containing(article, fragment)
        assert quote.speaker is not None and quote.speaker.name == "Ines Okonkwo", fragment


def test_one_word_other_name_of_the_body_is_no_holder(extractor):
    text = "The director of the Pellham Trust, PHT, said the archive would reopen in March.\n"
    quote = quote_containing(extractor.extract(text), "archive would reopen")
    assert quote.speaker is None or quote.speaker.name != "PHT"


# -- 'also accused Varga of ...': the person and the charge are the content, the verb the cue ------
def test_the_accused_person_is_content_not_cue(extractor):
    text = (
        "The Harbour Pilots Guild also accused Dunmore of ignoring the tide warnings.\n\n"
        "Councillor Aoife Brannigan blamed him for the closure of the ferry.\n"
    )
    article = extractor.extract(text)
    accused = quote_containing(article, "ignoring the tide warnings")
    assert accused.cue is not None and "Dunmore" not in accused.cue.text
    assert accused.text.startswith("Dunmore of")
    blamed = quote_containing(article, "closure of the ferry")
    assert blamed.cue is not None and "him" not in blamed.cue.text.split()


# -- 'the presenter said': the person the article introduced as presenter (or moderator) -----------
def test_the_presenter_is_the_person_introduced_as_presenter(extractor):
    text = (
        "Culture Secretary Hanna Brecht spoke to presenter Colin Marsh on Sunday morning.\n\n"
        '"Your budget has been cut twice," the presenter said.\n\n'
        "The presenter then asked whether the museums would close.\n"
    )
    article = extractor.extract(text)
    for fragment in ("budget has been cut twice", "whether the museums would close"):
        quote = quote_containing(article, fragment)
        assert quote.speaker is not None and quote.speaker.name == "Colin Marsh", fragment


def test_the_moderator_is_the_person_introduced_as_moderator(extractor):
    text = 'The debate was chaired by moderator Julia Fenwick.\n\n"We are out of time," the moderator said.\n'
    quote = quote_containing(extractor.extract(text), "out of time")
    assert quote.speaker is not None and quote.speaker.name == "Julia Fenwick"


# -- 'A; rival calls it "..."': the clause before the semicolon is no one's content -------------------
def test_clause_before_a_semicolon_is_not_the_next_verbs_content(extractor):
    text = "The council approved the tram line on Monday; the opposition called it a waste of money.\n"
    article = extractor.extract(text)
    assert not [q for q in article.quotes if "approved the tram line" in q.text]
    called = quote_containing(article, "a waste of money")
    assert called.speaker is not None and called.speaker.mention == "the opposition"


def test_quoted_words_after_a_semicolon_in_a_headline_are_the_callers(extractor):
    text = 'Shipyard wins navy contract; union calls it "a lifeline"\n\nThe yard employs 900 people.\n'
    quote = quote_containing(extractor.extract(text), "a lifeline")
    assert quote.kind == "mixed" and quote.cue is not None and quote.cue.text == "calls"


def test_subject_before_a_semicolon_is_not_the_next_verbs_speaker(extractor):
    text = "The ferry terminal reopened on Friday; inspectors say the ramp is safe.\n"
    quote = quote_containing(extractor.extract(text), "the ramp is safe")
    assert quote.speaker is not None and quote.speaker.mention == "inspectors"


# -- police ranks before a name are titles: 'the chief constable said' is the named chief constable ---
def test_the_chief_constable_is_the_person_given_that_rank(extractor):
    text = (
        "Chief Constable Maren Holt spoke after the inspection report was published.\n\n"
        "The chief constable insisted that burglary arrests had doubled.\n\n"
        "Sergeant Idris Pownall, who leads the night shift, said officers were stretched. "
        "The sergeant added that two cars were off the road.\n"
    )
    article = extractor.extract(text)
    chief = quote_containing(article, "burglary arrests had doubled")
    assert chief.speaker is not None and chief.speaker.name == "Maren Holt"
    sergeant = quote_containing(article, "two cars were off the road")
    assert sergeant.speaker is not None and sergeant.speaker.name == "Idris Pownall"


# -- a byline that ends the standfirst: '... she did not build. By Nora Quist' ---------------------
def test_byline_after_the_standfirsts_last_sentence_is_the_reporters_i(extractor):
    text = (
        "The Quiet Reformer\n\n"
        "Education Secretary Ruth Abara has closed more schools than any minister before her. "
        "By Simon Achebe-Lund\n\n"
        "When I asked whether she regretted the closures, Abara shook her head.\n"
    )
    quote = quote_containing(extractor.extract(text), "whether she regretted the closures")
    assert quote.speaker is not None and quote.speaker.name == "Simon Achebe-Lund"


def test_by_inside_a_sentence_is_no_byline(extractor):
    text = (
        "Mayor Ruth Abara said the bridge would close at noon. By Friday Evening, a detour will open.\n\n"
        "When I asked whether the road would reopen, Abara nodded.\n"
    )
    quote = quote_containing(extractor.extract(text), "whether the road would reopen")
    assert quote.speaker is None or quote.speaker.name != "Friday Evening"


# -- 'As she put it, "..."': one quotation, the aside its cue, said by the aside's subject ----------
def test_as_she_put_it_before_a_quotation_is_its_cue(extractor):
    text = (
        "Harbour Master Greta Lindahl said the channel would be dredged in May.\n\n"
        "Asked about the delays, she blamed the weather. "
        'As she put it, "the sea does not read our schedules, and it never will."\n'
    )
    article = extractor.extract(text)
    rows = [q for q in article.quotes if "does not read our schedules" in q.text]
    assert len(rows) == 1
    assert rows[0].cue is not None and rows[0].cue.text == "put" and not rows[0].continuation
    assert rows[0].act == "speech"
    assert rows[0].speaker is not None and rows[0].speaker.name == "Greta Lindahl"


def test_as_he_put_it_before_a_partial_quote_gives_one_row(extractor):
    text = (
        "Mayor Tobias Grunwald opened the new depot on Monday.\n\n"
        'As the mayor put it, the town "cannot wait another year."\n'
    )
    rows = [q for q in extractor.extract(text).quotes if "cannot wait another year" in q.text]
    assert len(rows) == 1 and rows[0].kind == "mixed" and rows[0].act == "speech"
    assert rows[0].speaker is not None and rows[0].speaker.name == "Tobias Grunwald"


# -- 'the ministry later posted': not the committee or senate named last ----------------------------
def test_the_ministry_is_not_the_committee_named_last(extractor):
    text = (
        "Fisheries Minister Odile Carrow appeared before the Coastal Affairs Committee on Monday. "
        "The committee's chair, Senator Ivo Brandt, said he was not satisfied.\n\n"
        "The ministry later posted a statement saying that the quota would be reviewed.\n"
    )
    quote = quote_containing(extractor.extract(text), "the quota would be reviewed")
    assert quote.speaker is not None and quote.speaker.name != "Coastal Affairs Committee"


def test_the_company_is_still_the_firm_named_last(extractor):
    text = (
        "Shares in Norvik Shipping Corp fell on Tuesday after the strike began.\n\n"
        "The company said it expected the port to reopen within a week.\n"
    )
    quote = quote_containing(extractor.extract(text), "expected the port to reopen")
    assert quote.speaker is not None and quote.speaker.name == "Norvik Shipping Corp"


# -- 'the cap, which consumer groups say has come too late': the source and cue are no content ----
def test_fronted_relative_pronoun_content_leaves_out_its_source_and_cue(extractor):
    text = "The council lowered the parking fee, which shop owners say has come two years too late.\n"
    quote = quote_containing(extractor.extract(text), "has come two years too late")
    assert [f.text for f in quote.fragments] == ["which", "has come two years too late"]
    assert quote.speaker is not None and quote.speaker.mention == "shop owners"


# -- "Holm's office later posted": the office of the person the article named -----------------------
def test_a_persons_office_speaks_for_the_named_person(extractor):
    text = (
        "Harbour Commissioner Derek Amsel did not attend the hearing.\n\n"
        "Amsel's office later said that the commissioner had never interfered with the pilots.\n"
    )
    quote = quote_containing(extractor.extract(text), "never interfered with the pilots")
    assert quote.speaker is not None and quote.speaker.name == "Derek Amsel office"


# -- 'a Department of Health spokesperson said ... The spokesperson added': the same description ----
def test_the_spokesperson_is_the_one_described_before_with_the_role_last(extractor):
    text = (
        "Transport Minister Elin Sandvik defended the timetable on Monday.\n\n"
        'A Ministry of Transport spokesperson said: "The new trains will run from June."\n\n'
        "The spokesperson added that fares would not rise this year.\n"
    )
    article = extractor.extract(text)
    first = quote_containing(article, "The new trains will run from June")
    added = quote_containing(article, "fares would not rise")
    assert first.speaker is not None and added.speaker is not None
    assert added.speaker.name == first.speaker.name != "Elin Sandvik"
