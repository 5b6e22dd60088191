"""Each phenomenon of an interview retelling, with its expected kind, cue and speaker.

The sentences are written for these tests (not taken from any corpus).
"""

from __future__ import annotations

import pytest

from conftest import quote_containing

INTERVIEW = """\
Secretary of State Antony Blinken defends ceasefire push

Secretary of State Antony Blinken said on Sunday that the talks had reached a decisive stage.

"We are closer than we have been in months," Blinken said in an interview with the program's host, Lucia Marquez. "But closer is not there."

He added that the negotiators "have not yet agreed on the sequencing of releases."

"The hardest questions remain," he said. "They always come last.

"And they are the ones that matter."

Marquez asked whether the administration would accept a partial deal. The secretary replied that "any deal is better than none, if it holds."

Blinken denied reports that Washington had set a deadline. This, he said, was the reason he had travelled twice in a week.

According to Blinken, the "biggest impediments" to progress were that "neither side trusts the other to move first."

U.S. Vice President Kamala Harris told reporters that she shared his assessment.

Some officials said privately that the timetable was unrealistic.
"""


def test_direct_quote_with_cue_after(extractor):
    article = extractor.extract(INTERVIEW)
    q = quote_containing(article, "closer than we have been")
    assert q.kind == "direct"
    assert q.cue and q.cue.text == "said" and q.cue.lemma == "say"
    assert q.speaker and q.speaker.mention == "Blinken" and q.speaker.name == "Antony Blinken"
    assert q.text.startswith('"') and q.text.endswith('"')


def test_second_sentence_of_a_split_quote_shares_the_speaker(extractor):
    article = extractor.extract(INTERVIEW)
    q = quote_containing(article, "But closer is not there.")
    assert q.kind == "direct"
    assert q.speaker and q.speaker.name == "Antony Blinken"


def test_pronoun_speaker_resolves_to_full_name(extractor):
    article = extractor.extract(INTERVIEW)
    q = quote_containing(article, "The hardest questions remain")
    assert q.speaker and q.speaker.mention == "he"
    assert q.speaker.name == "Antony Blinken"
    assert q.cue and q.cue.lemma == "say"


def test_mixed_quote_inside_paraphrase(extractor):
    article = extractor.extract(INTERVIEW)
    q = quote_containing(article, "have not yet agreed on the sequencing")
    assert q.kind == "mixed"
    assert q.cue and q.cue.lemma == "add"
    assert q.speaker and q.speaker.name == "Antony Blinken"
    assert "negotiators" in q.text  # the paraphrase around the partial quote is part of it


def test_multi_paragraph_quote_and_continuation(extractor):
    article = extractor.extract(INTERVIEW)
    q = quote_containing(article, "They always come last.")
    assert q.kind == "direct"
    assert "And they are the ones that matter." in q.text  # re-opened, never closed paragraph
    assert q.speaker and q.speaker.name == "Antony Blinken"


def test_continuation_quote_without_cue(extractor):
    text = (
        '"We will not move," Mayor Ines Duarte said.\n\n'
        '"Not this year, not next year."\n\n'
        "The council voted later that evening.\n"
    )
    article = extractor.extract(text)
    q = quote_containing(article, "Not this year")
    assert q.continuation is True
    assert q.cue is None
    assert q.speaker and q.speaker.name == "Ines Duarte"


def test_indirect_denial_of_reports(extractor):
    article = extractor.extract(INTERVIEW)
    q = quote_containing(article, "Washington had set a deadline")
    assert q.kind == "indirect"
    assert q.cue and q.cue.lemma == "deny"
    assert q.speaker and q.speaker.name == "Antony Blinken"


def test_parenthetical_cue(extractor):
    article = extractor.extract(INTERVIEW)
    q = quote_containing(article, "was the reason he had travelled")
    assert q.kind == "indirect"
    assert q.cue and q.cue.lemma == "say"
    assert q.speaker and q.speaker.mention == "he" and q.speaker.name == "Antony Blinken"


def test_according_to_with_partial_quotes(extractor):
    article = extractor.extract(INTERVIEW)
    q = quote_containing(article, "biggest impediments")
    assert q.kind == "mixed"
    assert q.cue and q.cue.lemma == "according to"
    assert q.speaker and q.speaker.name == "Antony Blinken"
    assert "neither side trusts" in q.text  # both fragments belong to one attribution


def test_titled_speaker_keeps_mention_and_strips_title_from_name(extractor):
    article = extractor.extract(INTERVIEW)
    q = quote_containing(article, "she shared his assessment")
    assert q.kind == "indirect"
    assert q.cue and q.cue.lemma == "tell"
    assert q.speaker and q.speaker.mention == "U.S. Vice President Kamala Harris"
    assert q.speaker.name == "Kamala Harris"


def test_group_speaker(extractor):
    article = extractor.extract(INTERVIEW)
    q = quote_containing(article, "timetable was unrealistic")
    assert q.speaker and q.speaker.mention == "Some officials" and q.speaker.name == "officials"


def test_nominal_title_resolves_to_the_titled_person(extractor):
    article = extractor.extract(INTERVIEW)
    q = quote_containing(article, "any deal is better than none")
    assert q.speaker and q.speaker.mention == "The secretary"
    assert q.speaker.name == "Antony Blinken"


def test_scare_quote_is_a_term_not_speech(extractor):
    text = (
        "The ministry published a “credible” plan on Monday.\n\n"
        "Critics said the book “Rivers of Dust” was required reading.\n"
    )
    article = extractor.extract(text)
    terms = [q for q in article.quotes if q.kind == "term"]
    assert any(q.text == "“credible”" for q in terms)
    book = quote_containing(article, "Rivers of Dust")
    assert book.kind in ("term", "mixed", "indirect")
    assert not any(q.kind == "direct" and "credible" in q.text for q in article.quotes)


def test_headline_title_detected_and_offsets_hold(extractor):
    article = extractor.extract(INTERVIEW)
    assert article.title == "Secretary of State Antony Blinken defends ceasefire push"
    for q in article.quotes:
        assert article.text[q.start : q.end] == q.text
        if q.cue:
            assert article.text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker:
            assert article.text[q.speaker.start : q.speaker.end] == q.speaker.mention


def test_speaker_table_merges_aliases(extractor):
    article = extractor.extract(INTERVIEW)
    blinken = next(s for s in article.speakers if s.name == "Antony Blinken")
    assert {"Blinken", "he"} <= set(blinken.aliases)
    assert blinken.quotes >= 6 and blinken.words > 40
    assert article.speakers[0].name == "Antony Blinken"  # most airtime first


def test_mixed_mark_styles_and_em_dash(extractor):
    text = (
        'Officials were split — "we need time," one said — while others disagreed.\n\n'
        "“It is over,” Senator Ruth Alvarez said.\n\n"
        "«Nothing changes», Alvarez added.\n"
    )
    article = extractor.extract(text)
    q = quote_containing(article, "It is over")
    assert q.kind == "direct" and q.speaker.name == "Ruth Alvarez"
    q = quote_containing(article, "Nothing changes")
    assert q.kind == "direct" and q.speaker.name == "Ruth Alvarez" and q.cue.lemma == "add"


def test_unbalanced_final_quote_still_attributed(extractor):
    text = 'The governor was defiant.\n\nGovernor Lee Park said: "We will appeal this ruling'
    article = extractor.extract(text)
    q = quote_containing(article, "We will appeal")
    assert q.kind == "direct"
    assert q.speaker and q.speaker.name == "Lee Park"
    assert q.confidence < 0.9  # the missing closing mark lowers confidence


def test_pipe_handles_many_texts(extractor):
    texts = ['"Yes," she said.', "No quotes here.", '"No," he said.'] * 5
    articles = list(extractor.pipe(texts))
    assert len(articles) == 15
    assert [len(a.quotes) for a in articles[:3]] == [1, 0, 1]


def test_same_paragraph_continuation_is_a_second_fragment(extractor):
    text = '"We are ready," said Mayor Ines Duarte. "The city has waited long enough."\n'
    article = extractor.extract(text)
    quote = quote_containing(article, "We are ready")
    assert quote is quote_containing(article, "waited long enough")  # one act of speech
    assert quote.speaker.name == "Ines Duarte" and quote.cue.text == "said"
    assert [f.text for f in quote.fragments] == ['"We are ready,"', '"The city has waited long enough."']
    assert (quote.start, quote.end) == (quote.fragments[0].start, quote.fragments[-1].end)


def test_cue_inside_a_quote_joins_its_two_fragments(extractor):
    text = '"It\'s horrifying," she said, "and I\'m sure it will pass."\n'
    quotes = [q for q in extractor.extract(text).quotes if q.kind != "term"]
    assert len(quotes) == 1
    assert [f.text for f in quotes[0].fragments] == ['"It\'s horrifying,"', '"and I\'m sure it will pass."']
    assert quotes[0].cue.text == "said" and quotes[0].speaker.mention == "she"


def test_paragraph_break_keeps_continuations_apart(extractor):
    text = '"We are ready," said Mayor Ines Duarte.\n\n"The city has waited long enough."\n'
    article = extractor.extract(text)
    first = quote_containing(article, "We are ready")
    second = quote_containing(article, "waited long enough")
    assert first is not second and second.continuation
    assert second.speaker.name == "Ines Duarte" and len(second.fragments) == 1


def test_source_mention_keeps_its_apposition_and_relative_clause(extractor):
    text = "Maria Lopez, who chairs the committee, said the vote would be delayed.\n"
    quote = quote_containing(extractor.extract(text), "vote would be delayed")
    assert quote.speaker.mention == "Maria Lopez, who chairs the committee"
    assert quote.speaker.name == "Maria Lopez"


def test_cue_includes_the_verb_that_controls_it(extractor):
    text = "The mayor went on to criticize the new budget proposal sharply.\n"
    quote = quote_containing(extractor.extract(text), "budget proposal")
    assert quote.cue.text == "went on to criticize" and quote.speaker.mention == "The mayor"


def test_act_tells_speech_from_belief_and_intention(extractor):
    text = "Officials believe the dam will hold. The mayor wants to rebuild the bridge. She said the plan was sound.\n"
    acts = {q.cue.lemma: q.act for q in extractor.extract(text).quotes}
    assert acts == {"believe": "belief", "want": "intention", "say": "speech"}


def test_a_cue_offers_each_reading_of_its_content_to_the_gate(extractor):
    """The object and the object of its preposition are both readings; the gate picks one."""
    from quotetrace.extract.indirect import indirect_drafts

    component = extractor.nlp.get_pipe("quotetrace_quotes")
    text = "The senator accused her rival of lying about the budget."
    doc = extractor.nlp(text)
    cue = next(c for c in component.cue_finder.find(doc) if c.lemma == "accuse")
    readings = {text[d.start : d.end]: d for d in indirect_drafts(doc, cue, [])}
    assert set(readings) == {"her rival of lying about the budget", "lying about the budget"}
    # With the object of "of" as content, the cue runs to the preposition, as PolNeAR marks it.
    assert text[cue.start : readings["lying about the budget"].cue_end] == "accused her rival of"


def test_cue_of_a_quotation_stops_before_its_preposition(extractor):
    text = '"We will rebuild," the mayor said on Monday.\n'
    quote = quote_containing(extractor.extract(text), "We will rebuild")
    assert quote.cue.text == "said"


def test_clause_opening_adverb_is_not_part_of_the_cue(extractor):
    text = "When asked about the budget, the mayor said the city would cut spending.\n"
    quotes = extractor.extract(text).quotes
    assert all(not q.cue.text.lower().startswith("when") for q in quotes if q.cue)


def test_any_verb_in_the_attribution_slot_is_the_cue(extractor):
    text = '"We will win this state in November," Senator Maria Lopez tweeted on Friday.\n'
    quote = quote_containing(extractor.extract(text), "win this state")
    assert quote.cue.text == "tweeted" and quote.speaker.name == "Maria Lopez"


def test_short_quote_paragraph_after_a_speaker_continues_them(extractor):
    text = (
        'Mayor Ines Duarte said the city would rebuild. "We have the money," Duarte said.\n\n'
        '"We are ready."\n'
    )
    quote = quote_containing(extractor.extract(text), "We are ready")
    assert quote.kind == "direct" and quote.continuation and quote.speaker.name == "Ines Duarte"


def test_quotes_sharing_a_cue_across_a_term_become_one():
    from quotetrace.extract.finish import _one_quote_per_cue
    from quotetrace.records import Cue, Quote

    text = '"A," she said, a "term" aside, "B."'
    cue = Cue("said", "say", text.index("said"), text.index("said") + 4)
    first = Quote(0, "direct", '"A,"', 0, 4, cue=cue)
    term = Quote(1, "term", '"term"', text.index('"term"'), text.index('"term"') + 6)
    second = Quote(2, "direct", '"B."', text.index('"B."'), len(text), cue=cue)
    merged = _one_quote_per_cue(text, [first, term, second])
    assert [q.kind for q in merged] == ["direct", "term"] and [q.id for q in merged] == [0, 1]
    assert [f.text for f in merged[0].fragments] == ['"A,"', '"B."'] and merged[0].text == text


def test_governors_over_the_head_array_equal_spacy_ancestors(extractor):
    from quotetrace.extract.draft import governors_of

    doc = extractor.nlp(
        'Officials, who spoke on condition of anonymity, said on Tuesday that "the bridge will '
        'reopen soon" and that the mayor, whom they did not name, had agreed to the plan.'
    )
    for start in range(0, len(doc) - 4, 3):
        span = doc[start : start + 5]
        expected = {
            anc.i
            for tok in span
            if not span.start <= tok.head.i < span.end or tok.head.i == tok.i
            for anc in tok.ancestors
        }
        assert governors_of(doc, span.start, span.end) == expected


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("The delay, officials said, was caused by the storm.\n", ["The delay", "was caused by the storm."]),
        (
            'The minister spoke.\n\nThis, she said, was a "credible" rumour only in the eyes of her opponents.\n',
            ["This", 'was a "credible" rumour only in the eyes of her opponents.'],
        ),
    ],
)
def test_reporting_aside_splits_the_content_in_two(extractor, text, pieces):
    quote = next(q for q in extractor.extract(text).quotes if q.cue and q.cue.text == "said")
    assert [f.text for f in quote.fragments] == pieces
