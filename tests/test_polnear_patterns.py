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


def test_typewriter_quote_after_an_abbreviation_ending_the_sentence(extractor):
    text = (
        "''The ferry must run all winter,'' said Ruth Amsel, 58, of Tulsa, Okla. "
        "''Nobody here can wait for a thaw.''\n"
    )
    quote = quote_containing(extractor.extract(text), "run all winter")
    assert [f.text for f in quote.fragments][-1] == "''Nobody here can wait for a thaw.''"


def test_title_before_a_typewriter_quote_does_not_end_the_sentence():
    from quotetrace.extract.component import _ends_sentence

    assert _ends_sentence(".") and _ends_sentence("Fla.")
    assert not _ends_sentence("Mr.") and not _ends_sentence("Sen.")


# -- an adverb right after the cue verb --------------------------------------------------------
def test_adverb_right_after_the_cue_verb_belongs_to_the_cue(extractor):
    text = '"The levee will hold," Mayor Tomas Ferrante said repeatedly during the storm.\n'
    quote = quote_containing(extractor.extract(text), "levee will hold")
    assert quote.cue is not None and quote.cue.text == "said repeatedly"


def test_time_word_and_wh_word_after_the_cue_verb_stay_out_of_it(extractor):
    article = extractor.extract(
        '"The levee will hold," Mayor Tomas Ferrante said Monday.\n\n'
        "Reporters asked Ferrante how the town would pay for the repairs.\n"
    )
    assert quote_containing(article, "levee will hold").cue.text == "said"
    asked = [q for q in article.quotes if q.cue is not None and q.cue.text.startswith("asked")]
    assert all("how" not in q.cue.text for q in asked)


# -- the object of a reporting infinitive ------------------------------------------------------
def _readings(extractor, text: str, verb: str) -> dict[str, str]:
    from quotetrace.extract.indirect import indirect_drafts

    pipe = extractor.nlp.get_pipe("quotetrace_quotes")
    with extractor.nlp.select_pipes(disable=["quotetrace_quotes"]):
        doc = extractor.nlp(text)
    cue = next(c for c in pipe.cue_finder.find(doc) if c.head.text == verb)
    return {d.extent_kind: text[d.start : d.end] for d in indirect_drafts(doc, cue, [])}


def test_object_of_a_reporting_infinitive_is_a_reading_with_the_infinitive_in_the_cue(extractor):
    text = "The union has sought to characterize the new contract as a betrayal.\n"
    readings = _readings(extractor, text, "sought")
    assert readings["xcomp_object"] == "the new contract as a betrayal"
    assert readings["xcomp"] == "to characterize the new contract as a betrayal"


def test_infinitive_that_reports_nothing_keeps_its_object(extractor):
    readings = _readings(extractor, "The senator sought to defeat the incumbent mayor.\n", "sought")
    assert "xcomp_object" not in readings


# -- a focus particle before the speaker -------------------------------------------------------
def test_even_before_the_speaker_is_not_part_of_the_source(extractor):
    text = 'Even Lena Marsh, a longtime ally of the mayor, said the budget "went too far."\n'
    quote = quote_containing(extractor.extract(text), "went too far")
    assert quote.speaker is not None
    assert quote.speaker.mention.startswith("Lena Marsh")


def test_dateline_before_the_speaker_is_not_part_of_the_source(extractor):
    text = "WASHINGTON — Republican Sen. Ada Kowal of Oregon on Tuesday said the bridge bill would pass.\n"
    quote = quote_containing(extractor.extract(text), "bridge bill would pass")
    assert quote.speaker is not None and quote.speaker.mention.startswith("Republican Sen. Ada Kowal")
