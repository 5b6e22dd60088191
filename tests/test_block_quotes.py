"""A statement set off as its own paragraph after "X said:", with no quotation marks: on web
pages the marks are often the page's block-quote styling, which text extraction drops. The texts
are written for these tests."""

from __future__ import annotations

import pytest

from quotetrace.extract import Extractor

STATEMENT = """Rail strike called off

The union and the operator reached a deal late on Sunday, ending a week of cancellations.

Mara Lindqvist, the union's general secretary, said:

We have won a fair settlement for our members, and services will run normally from Tuesday morning.

Our thanks go to the passengers who stood with us this week.

The operator said it would publish a full timetable on Monday.
"""

LIST = """Budget options

The council's report set out three options:

Raise the parking charges in the town centre by ten percent this spring.

Officials will meet again next month.
"""


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _containing(article, fragment):
    hits = [q for q in article.quotes if fragment in q.text]
    assert hits, f"no quote contains {fragment!r}: {[q.text for q in article.quotes]}"
    return hits[0]


def test_paragraph_after_said_colon_is_the_speakers_direct_speech(extractor):
    article = extractor.extract(STATEMENT)
    quote = _containing(article, "We have won a fair settlement")
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.name == "Mara Lindqvist"
    assert quote.cue is not None and quote.cue.text == "said"
    first = quote.fragments[0].text
    assert first.startswith("We have won") and first.endswith("Tuesday morning.")


def test_statement_goes_on_while_it_speaks_in_the_first_person(extractor):
    article = extractor.extract(STATEMENT)
    quote = _containing(article, "Our thanks go to the passengers")
    assert quote.speaker is not None and quote.speaker.name == "Mara Lindqvist"
    assert [f.text for f in quote.fragments][
        1
    ] == "Our thanks go to the passengers who stood with us this week."
    # The writer's next paragraph is not part of the statement.
    assert all("publish a full timetable" not in q.text or q.kind == "indirect" for q in article.quotes)


def test_colon_after_a_verb_that_does_not_report_speech_introduces_no_statement(extractor):
    article = extractor.extract(LIST)
    assert all("Raise the parking charges" not in q.text for q in article.quotes)


def test_cue_with_a_time_clause_still_introduces_the_statement(extractor):
    text = (
        "Ferry delays\n\nA deckhand, who has worked the crossing for a decade, told me as the boat docked:\n\n"
        "It is the worst winter I can remember on this water.\n"
    )
    quote = _containing(extractor.extract(text), "worst winter I can remember")
    assert quote.kind == "direct" and quote.cue is not None and quote.cue.text.startswith("told")
    assert quote.speaker is not None and "deckhand" in quote.speaker.mention


def test_cue_that_already_reports_a_clause_introduces_no_statement(extractor):
    text = (
        "Ferry delays\n\nThe harbour master said the timetable would change again:\n\n"
        "Sailings at seven, noon and five, with no late boat until March.\n"
    )
    article = extractor.extract(text)
    assert all("Sailings at seven" not in q.text for q in article.quotes)
