"""Patterns that interview retellings in news articles share, one section per pattern.

The sentences are written for these tests (not taken from any corpus or article).
"""

from __future__ import annotations

from conftest import quote_containing

# -- a short full-sentence quote after an attributed one ---------------------------------------
SHORT_AFTER_CUE = """\
Mayor Ines Duarte opened the new river bridge on Saturday.

"We kept every promise we made to this town," Duarte said. "Nothing else matters."

The ceremony was broadcast live on "Morning Report." Residents called the bridge "a lifeline."
"""


def test_short_sentence_quote_after_a_cue_sentence_continues_its_speaker(extractor):
    article = extractor.extract(SHORT_AFTER_CUE)
    quote = quote_containing(article, "Nothing else matters.")
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.name == "Ines Duarte"
    # One act of speech: the short sentence is the second fragment of the attributed quote.
    assert quote is quote_containing(article, "We kept every promise")
    assert quote.cue is not None and quote.cue.text == "said"


def test_title_ending_a_sentence_stays_a_term(extractor):
    article = extractor.extract(SHORT_AFTER_CUE)
    assert quote_containing(article, "Morning Report.").kind == "term"


def test_short_sentence_quote_with_no_attributed_quote_before_stays_a_term(extractor):
    text = 'The festival opened with a new play. "Still Waters." It ran for two hours.\n'
    assert quote_containing(extractor.extract(text), "Still Waters").kind == "term"


def test_short_question_after_a_cue_sentence_continues_its_speaker(extractor):
    text = (
        '"We are ready," said Mayor Ines Duarte. "Who could object?" '
        "The council later said the vote would be held in May.\n"
    )
    article = extractor.extract(text)
    question = quote_containing(article, "Who could object?")
    assert question.speaker is not None and question.speaker.name == "Ines Duarte"
    assert question.cue is None or question.cue.text == "said"


# -- a question and its cue in the next sentence ------------------------------------------------
QUESTION = """\
Mayor Tom Reyes spoke to the radio host Marta Keller on Friday.

"We finished the bridge ahead of schedule," Reyes said.

Keller pressed him on the cost. "Why did it cost twice as much?" she asked.

"Because steel prices doubled," he said.
"""


def test_question_quote_takes_the_cue_after_its_question_mark(extractor):
    article = extractor.extract(QUESTION)
    quote = quote_containing(article, "Why did it cost twice as much?")
    assert quote.kind == "direct" and not quote.continuation
    assert quote.cue is not None and quote.cue.text == "asked"
    assert quote.speaker is not None and quote.speaker.mention == "she"
    assert quote.speaker.name == "Marta Keller"


def test_exclamation_quote_takes_a_cue_with_a_named_speaker_after_it(extractor):
    text = 'The crowd cheered as the ribbon fell. "What a day!" shouted Mayor Ines Duarte.\n'
    quote = quote_containing(extractor.extract(text), "What a day!")
    assert quote.cue is not None and quote.cue.text == "shouted"
    assert quote.speaker is not None and quote.speaker.name == "Ines Duarte"


def test_a_gesture_after_a_question_is_not_its_cue(extractor):
    text = '"We are ready," said Mayor Ines Duarte. "Who knows?" He smiled at the crowd.\n'
    question = quote_containing(extractor.extract(text), "Who knows?")
    assert question.cue is not None and question.cue.text == "said"  # still Duarte's words


# -- "said in a statement that ..." -------------------------------------------------------------
def test_clause_hung_on_the_channel_noun_is_the_content(extractor):
    text = 'The ministry said in a statement that it was "deeply concerned."\n'
    quote = quote_containing(extractor.extract(text), "deeply concerned")
    assert quote.kind == "mixed"
    assert quote.text.startswith("that it was")
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.mention == "The ministry"


def test_unquoted_clause_hung_on_the_channel_noun_is_the_content(extractor):
    text = "The company told investors in a letter that sales were soft but steady.\n"
    quote = quote_containing(extractor.extract(text), "sales were soft")
    assert quote.kind == "indirect"
    assert quote.text == "that sales were soft but steady"
    assert quote.cue is not None and quote.cue.text == "told"
    assert quote.speaker is not None and quote.speaker.mention == "The company"


def test_clause_of_a_content_noun_after_a_content_preposition_keeps_its_noun(extractor):
    text = "The senator was responding to claims that she had missed the vote.\n"
    quote = quote_containing(extractor.extract(text), "she had missed the vote")
    assert quote.text == "claims that she had missed the vote"


def test_relative_clause_on_the_channel_noun_is_not_content(extractor):
    text = "The mayor spoke in a video that was posted online on Sunday.\n"
    quotes = [q for q in extractor.extract(text).quotes if q.kind != "term"]
    assert all("posted online" not in q.text for q in quotes)


# -- a relative clause that reports speech of its own -------------------------------------------
RELATIVE = """\
Governor Laura Finch toured the flooded towns on Monday.

The governor, who earlier noted that the storm was "the worst in a century," also said she had asked for federal aid on Tuesday.
"""


def test_quote_in_a_relative_clause_belongs_to_the_relative_clause_cue(extractor):
    quote = quote_containing(extractor.extract(RELATIVE), "the worst in a century")
    assert quote.kind == "mixed"
    assert quote.text.startswith("that the storm was")
    assert "also said" not in quote.text and "The governor" not in quote.text
    assert quote.cue is not None and quote.cue.text.endswith("noted")
    assert quote.speaker is not None and quote.speaker.name == "Laura Finch"


def test_main_cue_after_a_reporting_relative_clause_reports_its_own_clause(extractor):
    quote = quote_containing(extractor.extract(RELATIVE), "she had asked for federal aid")
    assert quote.kind == "indirect"
    assert quote.text == "she had asked for federal aid on Tuesday"
    assert quote.cue is not None and quote.cue.text.endswith("said")
    assert quote.speaker is not None and quote.speaker.name == "Laura Finch"
    # The relative clause is the other attribution, not a description of the speaker.
    assert quote.speaker.mention == "The governor"


# -- a participle that reports, after the main verb ----------------------------------------------
PARTICIPLE = """\
Mayor Tom Reyes defended last year's fare increase on Monday, telling the paper's editors that spending was "still far too low" and that tenants would "get the repairs they need."
"""


def test_participle_cue_reports_both_coordinated_that_clauses(extractor):
    # The parser hangs 'and that tenants would ...' on 'defended'; it is the second half of what
    # 'telling' reports, and 'defended' does not take the participle's clause as its content.
    article = extractor.extract(PARTICIPLE)
    quote = quote_containing(article, "still far too low")
    assert quote.kind == "mixed"
    assert quote.text.startswith("that spending was") and quote.text.rstrip('."').endswith("they need")
    assert quote.cue is not None and quote.cue.text == "telling"
    assert quote.speaker is not None and quote.speaker.name == "Tom Reyes"
    assert all("telling" not in q.text for q in article.quotes)


def test_participle_hung_inside_a_whether_clause_speaks_for_the_main_subject(extractor):
    # The parser hangs 'saying' on 'go', inside the whether-clause: 'fares' cannot speak, so the
    # participle's speaker is the subject of the clause that clause depends on.
    text = (
        "The mayor refused to say whether fares would go up again, saying only that the council "
        'would "review the numbers in the spring."\n'
    )
    quotes = [q for q in extractor.extract(text).quotes if q.cue is not None and q.cue.text == "saying"]
    assert len(quotes) == 1 and "review the numbers" in quotes[0].text
    assert quotes[0].speaker is not None and quotes[0].speaker.mention == "The mayor"


def test_participle_on_the_main_clause_keeps_its_subject(extractor):
    text = 'Prices rose again in May, the agency said, adding that rents were "the main driver."\n'
    quotes = [q for q in extractor.extract(text).quotes if q.cue is not None and q.cue.text == "adding"]
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.mention == "the agency"


# -- an "as" aside: 'As X noted, S' -------------------------------------------------------------
def test_as_clause_aside_reports_its_host_clause(extractor):
    text = "As the mayor rightly noted, the city's budget depends on its tax base.\n"
    quote = quote_containing(extractor.extract(text), "budget depends")
    assert quote.kind == "indirect"
    assert quote.text == "the city's budget depends on its tax base"
    assert quote.cue is not None and quote.cue.text == "rightly noted"
    assert quote.speaker is not None and quote.speaker.mention == "the mayor"


def test_as_clause_aside_after_or_inside_its_host_clause(extractor):
    after = extractor.extract("Fares will rise again next year, as the transport minister said on Monday.\n")
    quote = quote_containing(after, "Fares will rise")
    assert quote.text == "Fares will rise again next year"
    assert quote.cue is not None and quote.cue.text.startswith("said")
    assert quote.speaker is not None and quote.speaker.mention == "the transport minister"
    inside = extractor.extract("The bridge, as she pointed out, was built in a hurry.\n")
    quote = quote_containing(inside, "built in a hurry")
    assert [f.text for f in quote.fragments] == ["The bridge", "was built in a hurry"]
    assert quote.cue is not None and quote.cue.text == "pointed out"


def test_temporal_as_clause_with_an_object_is_no_aside(extractor):
    text = "As the minister announced the new budget, protesters gathered outside.\n"
    quotes = extractor.extract(text).quotes
    assert all("protesters" not in q.text for q in quotes)


def test_reporting_participle_is_cut_from_the_main_cue_content(extractor):
    # 'saying only that ...' is a second act of speech, not part of what 'refused to say' reports.
    text = (
        "The mayor refused to say whether fares would go up again, saying only that the council "
        "would review the numbers in the spring.\n"
    )
    quotes = extractor.extract(text).quotes
    main = [q for q in quotes if q.cue is not None and q.cue.text.startswith("refused")]
    assert len(main) == 1 and main[0].text == "to say whether fares would go up again"
    assert all("saying" not in q.text for q in quotes)


def test_reporting_participle_cut_from_a_content_speaks_for_its_cue_speaker(extractor):
    # 'implying' hangs on 'acted', inside what was questioned; the agency did not imply it.
    text = (
        "The senator questioned why the agency had not acted sooner, implying that its staff had "
        "ignored the warnings.\n"
    )
    article = extractor.extract(text)
    quotes = article.quotes
    main = quote_containing(article, "why the agency")
    assert main.text == "why the agency had not acted sooner"
    implied = [q for q in quotes if q.cue is not None and q.cue.text == "implying"]
    assert len(implied) == 1 and implied[0].text == "that its staff had ignored the warnings"
    assert implied[0].speaker is not None and implied[0].speaker.mention == "The senator"


def test_an_adverb_before_the_complementizer_qualifies_the_saying_not_the_content(extractor):
    """'saying only that X', 'said simply that X': the content starts at 'that'."""
    article = extractor.extract(
        "The minister would not give a date, saying only that the plan would be ready in time. "
        "Her deputy said simply that the money was there. An aide said that it was fine.\n"
    )
    reported = {q.cue.text: q.text for q in article.quotes if q.cue is not None and q.kind == "indirect"}
    assert reported["saying"] == "that the plan would be ready in time"
    assert reported["said"] in ("that the money was there", "that it was fine")
    assert {q.text for q in article.quotes} >= {"that the money was there", "that it was fine"}
