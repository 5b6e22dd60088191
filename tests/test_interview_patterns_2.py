"""More patterns that interview retellings in news articles share, one section per pattern.

The sentences are written for these tests (not taken from any corpus or article).
"""

from __future__ import annotations

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
