"""Attribution patterns common in PolNeAR's news styles, one section per pattern.

The sentences are written for these tests (not taken from any corpus or article).
"""

from __future__ import annotations

from conftest import quote_containing

# -- typewriter quotation marks ('' ... '') opening the sentence after a cue ----------------------
TYPEWRITER_SPLIT = (
    "''The canal will be dredged by spring,'' said Orla Brennan, the head of the harbor board "
    "in eastern Maine. ''We have waited long enough for it.''\n"
)


def test_typewriter_quote_after_a_full_stop_continues_the_speaker_without_the_cue_clause(extractor):
    article = extractor.extract(TYPEWRITER_SPLIT)
    quote = quote_containing(article, "dredged by spring")
    assert quote is quote_containing(article, "waited long enough")
    # The two quotes are the fragments; the speaker's description between them is not content.
    assert [f.text for f in quote.fragments] == [
        "''The canal will be dredged by spring,''",
        "''We have waited long enough for it.''",
    ]
    assert quote.speaker is not None and quote.speaker.name == "Orla Brennan"
