"""More patterns that interview retellings in news articles share, one section per pattern.

The sentences are written for these tests (not taken from any corpus or article).
"""

from __future__ import annotations

import pytest

from conftest import quote_containing


# -- a scare quote after "so-called" ------------------------------------------------------------
def test_so_called_before_a_quote_with_a_comma_is_no_cue(extractor):
    # The comma inside the marks makes the span look like the first half of a direct quote;
    # the 'called' of 'so-called' is an adjective, not a verb of saying.
    text = (
        'Councillor Maya Brandt defended the plan on Monday. The so-called "parking levy," '
        "which starts in April, drew hundreds of complaints.\n"
    )
    quote = quote_containing(extractor.extract(text), "parking levy")
    assert quote.kind == "term" and quote.speaker is None
    assert quote.cue is None or quote.cue.text != "called"


def test_so_called_quote_inside_reported_speech_stays_part_of_it(extractor):
    text = 'The so-called "parking levy," which starts in April, will pay for new buses, she said.\n'
    quote = quote_containing(extractor.extract(text), "parking levy")
    assert quote.kind == "mixed" and quote.cue is not None and quote.cue.text == "said"


def test_so_called_quote_ending_a_clause_is_a_term(extractor):
    text = 'Ministers scrapped its so-called "green bonus," a grant for new boilers.\n'
    quote = quote_containing(extractor.extract(text), "green bonus")
    assert quote.kind == "term" and quote.speaker is None


# -- a new epithet for the official the article quotes ------------------------------------------
EPITHET = """\
Fisheries Commissioner Lena Varga spoke to the Coastal Herald on Monday.

"Quotas are not a punishment," Varga said. "They are how we keep a fishery alive."

She said the fleet had shrunk by a third since 2015.

The Hungarian economist, who has run the commission since 2019, said new quotas would be set in June.

The union's negotiator said the talks had failed.
"""


def test_definite_epithet_never_given_to_anyone_is_the_official_quoted_most(extractor):
    # 'economist' is no title the article gave anyone: journalists vary how they name the
    # person they interview, and that person is the one quoted most and last.
    article = extractor.extract(EPITHET)
    quote = quote_containing(article, "new quotas would be set")
    assert quote.kind == "indirect" and quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.name == "Lena Varga"
    assert quote.speaker.mention.startswith("The Hungarian economist")


def test_epithet_owned_by_another_body_is_someone_else(extractor):
    quote = quote_containing(extractor.extract(EPITHET), "the talks had failed")
    assert quote.speaker is not None and quote.speaker.name != "Lena Varga"


def test_epithet_after_a_second_speaker_is_not_linked_to_the_first(extractor):
    # The last speaker is not the official quoted most: no guess either way.
    text = EPITHET.replace(
        "The Hungarian economist",
        'Skipper Ruth Aldane disagreed. "We are the ones who pay," Aldane said.\n\nThe Hungarian economist',
    )
    quote = quote_containing(extractor.extract(text), "new quotas would be set")
    assert quote.speaker is not None and quote.speaker.name not in ("Lena Varga", "Ruth Aldane")


def test_epithet_that_a_headline_used_is_still_the_official_quoted_most(extractor):
    text = (
        "Port chief says dredging will start in spring\n\n"
        "The director of the harbour authority, Omar Quist, gave an interview to Radio North.\n\n"
        '"The channel is too shallow for modern ships," Quist said. "We lose cargo every week."\n\n'
        "He said the work would cost about 40 million euros.\n\n"
        "The port chief also said the authority would borrow most of the money.\n"
    )
    quote = quote_containing(extractor.extract(text), "borrow most of the money")
    assert quote.speaker is not None and quote.speaker.name == "Omar Quist"


# -- 'described X as "Y"', 'called X "Y"': the quoted predicate is the speaker's words ----------
def test_quoted_predicate_after_as_belongs_to_the_describing_cue(extractor):
    # The parser hangs the quoted adjectives on 'as' without a noun, so only 'the results' was
    # content and the quotation was left as a term of nobody's.
    text = 'Director Hana Ruiz described the results as "promising, but early."\n'
    quote = quote_containing(extractor.extract(text), "promising, but early")
    assert quote.kind == "mixed"
    assert quote.text.startswith("the results as") and quote.text.rstrip('."').endswith("early")
    assert quote.cue is not None and quote.cue.text == "described"
    assert quote.speaker is not None and quote.speaker.name == "Hana Ruiz"


def test_one_word_quoted_predicate_after_as(extractor):
    text = 'Environmental groups have described the new dam as "reckless."\n'
    quote = quote_containing(extractor.extract(text), "reckless")
    assert quote.kind == "mixed" and quote.text.startswith("the new dam as")
    assert quote.cue is not None and quote.cue.text.endswith("described")


def test_quoted_noun_predicate_after_called_it(extractor):
    text = 'Mayor Pia Laine called it "a sad day."\n'
    quote = quote_containing(extractor.extract(text), "a sad day")
    assert quote.kind == "mixed" and quote.text.startswith('it "a sad day')
    assert quote.speaker is not None and quote.speaker.name == "Pia Laine"


def test_as_phrase_of_a_verb_that_names_no_quality_stays_out(extractor):
    text = "The minister announced the levy as part of the spring budget.\n"
    quote = quote_containing(extractor.extract(text), "the levy")
    assert "spring budget" not in quote.text


# -- 'speaking on condition of anonymity': how someone spoke, not what they said ----------------
def test_condition_of_anonymity_is_not_what_was_said(extractor):
    text = (
        'The talks "are not dead," a second envoy said, speaking on condition of anonymity '
        "because the negotiations are private.\n"
        "Two aides spoke on the condition of anonymity.\n"
    )
    article = extractor.extract(text)
    assert all("condition of anonymity" not in q.text for q in article.quotes)
    quote = quote_containing(article, "are not dead")
    assert quote.cue is not None and quote.cue.text == "said"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The vote \u201cwas not fair,\u201d a senior diplomat said, speaking on condition of anonymity.\n",
         "was not fair"),
        ("The merger is off, one board member said, speaking on condition of anonymity.\n", "merger is off"),
    ],
)  # fmt: skip
def test_a_participle_on_the_aside_leaves_no_full_stop_behind(extractor, text, words):
    # Where the parser hangs the participle on 'said', the host keeps only its full stop after
    # the aside: the content's span must end where its words end, not run over the aside.
    quote = quote_containing(extractor.extract(text), words)
    assert "anonymity" not in text[quote.start : quote.end]
    assert all(f.text.strip(".") for f in quote.fragments)


def test_spoke_on_a_channel_reports_nothing_but_spoke_on_a_topic_does(extractor):
    article = extractor.extract("She spoke on the phone from Oslo. He later spoke on housing costs.\n")
    assert all("phone" not in q.text for q in article.quotes)
    assert quote_containing(article, "housing costs").text == "housing costs"


def test_participle_after_an_aside_in_unquoted_speech_stays_the_hosts(extractor):
    # Without a quotation before the aside the participle is the host subject's act.
    text = "The regulator is stalling, critics say, delaying every licence by months.\n"
    quote = quote_containing(extractor.extract(text), "The regulator is stalling")
    assert "delaying every licence" in quote.text


# -- 'Asked whether ...' opening a paragraph: the interviewer's question, whatever the tag -------
ASKED = """\
Chief Justice Elena Moravec gave a rare interview to the Capital Review.

"Courts cannot fix every problem," Moravec said. "Nor should they try."

Asked whether she regretted the ruling on tenant evictions, she paused. "I regret that it was needed," she said.
"""


def test_asked_opening_a_paragraph_is_not_the_answerers_speech(extractor):
    # After a closing quotation the parser runs the paragraphs together and tags 'Asked' as a
    # past tense with the answerer as its subject's governor; the question is still the
    # unnamed interviewer's.
    article = extractor.extract(ASKED)
    question = quote_containing(article, "whether she regretted the ruling")
    assert question.cue is not None and question.cue.text == "Asked"
    assert question.speaker is None
    answer = quote_containing(article, "I regret that it was needed")
    assert answer.speaker is not None and answer.speaker.name == "Elena Moravec"


def test_asked_with_a_subject_of_its_own_keeps_it(extractor):
    text = 'Senator Ruth Okoye asked whether the audit would be published. "It must be," she said.\n'
    question = quote_containing(extractor.extract(text), "whether the audit")
    assert question.speaker is not None and question.speaker.name == "Ruth Okoye"


def test_asked_by_someone_names_the_asker(extractor):
    text = (
        "Asked by the moderator whether the levy would rise, Mayor Ines Falk said it would not.\n"
    )
    article = extractor.extract(text)
    question = quote_containing(article, "whether the levy would rise")
    assert question.speaker is not None and question.speaker.mention == "the moderator"
    answer = quote_containing(article, "it would not")
    assert answer.speaker is not None and answer.speaker.name == "Ines Falk"


# -- 'was quick to add that ...': the speaker is the subject of the adjective's verb -------------
def test_cue_under_an_adjective_takes_the_subject_of_its_verb(extractor):
    text = (
        "Port director Sven Ahlqvist, who took over in May, was quick to add that the cranes "
        'were "older than anyone here."\n'
        "Ahlqvist was careful to note that no jobs would go.\n"
    )
    article = extractor.extract(text)
    first = quote_containing(article, "older than anyone here")
    assert first.kind == "mixed" and first.cue is not None and first.cue.text.endswith("add")
    assert first.speaker is not None and first.speaker.name == "Sven Ahlqvist"
    second = quote_containing(article, "no jobs would go")
    assert second.speaker is not None and second.speaker.name == "Sven Ahlqvist"


# -- 'the 58-year-old said': the person the article gave that age -------------------------------
def test_age_description_is_the_person_introduced_with_that_age(extractor):
    text = (
        "Harbour master Ilse Brandvold, 61, and her deputy, Tomas Lind, 44, met the press on Monday.\n\n"
        '"The new quay will be ready in June," the 61-year-old said.\n\n'
        "The 44-year-old said the dredging had gone well.\n"
    )
    article = extractor.extract(text)
    first = quote_containing(article, "ready in June")
    assert first.speaker is not None and first.speaker.name == "Ilse Brandvold"
    second = quote_containing(article, "the dredging had gone well")
    assert second.speaker is not None and second.speaker.name == "Tomas Lind"


# -- 'The mayor went on: "..."': the colon's own clause is the cue --------------------------------
def test_colon_cue_is_the_verb_of_the_clause_that_ends_in_the_colon(extractor):
    # 'go on' is too rare a cue for the lexicon; 'spoke' in the sentence before was taken
    # instead, or the quote was glued to the previous one as its continuation.
    text = (
        "Governor Rita Vance spoke to students on Friday.\n\n"
        '"Nobody here owes the state an apology," Vance said.\n\n'
        'The governor went on: "The budget will be fixed, and it will be fixed this year."\n'
    )
    article = extractor.extract(text)
    quote = quote_containing(article, "The budget will be fixed")
    assert quote is not quote_containing(article, "Nobody here owes")
    assert quote.cue is not None and quote.cue.text.startswith("went")
    assert quote.speaker is not None and quote.speaker.name == "Rita Vance"
    assert quote.speaker.mention == "The governor"


def test_a_quotation_introduced_by_continuing_is_speech():
    # 'continued its support' is no speech act, but 'She continued: "..."' is: the quotation
    # is what she went on to say. Our own sentences.
    from quotetrace.extract import Extractor

    text = (
        "Budget talks\n\nGovernor Ruth Okafor spoke to reporters on Monday.\n\n"
        'The governor went on: "We will not raise taxes this year."\n\n'
        'She continued: "The state can live within its means."\n\n'
        "The treasury continued its support for the plan.\n"
    )
    quotes = Extractor().extract(text).quotes
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.cue.lemma for q in direct] == ["go on", "continue"]
    assert [q.act for q in direct] == ["speech", "speech"]
    support = [q for q in quotes if "support" in q.text]
    assert all(q.act == "other" for q in support)
