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
