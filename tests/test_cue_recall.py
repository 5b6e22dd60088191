"""Cue extents and attribution recall on patterns PolNeAR's annotators mark, one section each.

The sentences are written for these tests (not taken from any corpus or article).
"""

from __future__ import annotations

from conftest import quote_containing
from quotetrace.extract.indirect import indirect_drafts
from quotetrace.extract.lexicon import cue_prepositions
from quotetrace.text.lexicon import rows


# -- a preposition after the cue verb: in the cue by the verb and preposition's train habit ------
def test_a_preposition_annotators_put_in_the_cue_joins_it(extractor):
    article = extractor.extract("The harbour board has called for a ban on night dredging.\n")
    quote = quote_containing(article, "night dredging")
    assert quote.cue is not None and quote.cue.text == "has called for"


def test_refer_to_takes_its_preposition_and_leaves_the_object_to_the_content(extractor):
    article = extractor.extract(
        "Councillor Imre Vago referred to the tram plan as a costly vanity project.\n"
    )
    quote = quote_containing(article, "tram plan")
    assert quote.cue is not None and quote.cue.text == "referred to"
    assert not quote.text.startswith("to ")


def test_the_channel_of_a_saying_stays_out_of_the_cue(extractor):
    text = "The ferry operator said in a radio interview that the crossing would reopen in May.\n"
    quote = quote_containing(extractor.extract(text), "would reopen in May")
    assert quote.cue is not None and quote.cue.text == "said"


def test_a_quotation_right_after_described_as_is_still_that_verbs_direct_quote(extractor):
    # "describe as" keeps "as" out of the cue; the quotation after it is no partial quote for that.
    text = 'The mayor left early. Her deputy, whom one aide described as "a born negotiator," stayed on.\n'
    quote = quote_containing(extractor.extract(text), "born negotiator")
    assert quote.kind == "direct"
    assert quote.cue is not None and quote.cue.text == "described"
    assert quote.speaker is not None and quote.speaker.mention == "one aide"


def test_the_preposition_table_is_built_from_counts_not_chosen_by_hand():
    table = rows("cue_prepositions.tsv", ("lemma", "preposition", "joined", "seen"))
    assert table, "train/build_cue_prepositions.py wrote no pairs"
    for lemma, prep, joined, seen in table:
        assert 0 <= int(joined) <= int(seen) and int(seen) >= 3, (lemma, prep)
        assert cue_prepositions()[(lemma, prep)] == (2 * int(joined) > int(seen))


# -- a cue verb whose content stands before it: passive subject, the noun its clause is on --------
def verb_readings(extractor, doc, verb: str) -> list[tuple[str, str]]:
    """(content, how) of each reading the verb cue ``verb`` offers the gate."""
    cues = [
        c for c in extractor.nlp.get_pipe("quotetrace_quotes").cue_finder.find(doc) if c.head.text == verb
    ]
    assert cues, f"no cue {verb!r}"
    return [(doc.text[d.start : d.end], d.extent_kind) for d in indirect_drafts(doc, cues[0], [])]


def test_the_subject_of_a_passive_cue_without_agent_is_a_reading(extractor, parse):
    doc = parse("The same question was asked at every town hall in the county.")
    assert ("The same question", "passive_subject") in verb_readings(extractor, doc, "asked")


def test_a_passive_cue_with_an_agent_keeps_its_reading_kind(extractor, parse):
    doc = parse("The closure of the mill was first reported by the Valley Courier.")
    assert ("The closure of the mill", "passive") in verb_readings(extractor, doc, "reported")


def test_the_noun_a_reduced_relative_cue_is_on_is_a_reading(extractor, parse):
    doc = parse("The levy, opposed by most shopkeepers, passed on a narrow vote.")
    assert ("The levy", "antecedent") in verb_readings(extractor, doc, "opposed")


def test_the_noun_of_a_relative_clause_missing_its_object_is_a_reading(extractor, parse):
    doc = parse("Residents got the delay the engineers had warned of.")
    assert ("the delay", "antecedent") in verb_readings(extractor, doc, "warned")


def test_a_clause_noun_after_the_verb_is_no_antecedent(extractor, parse):
    # 'announced' has its own object here: the noun before it is not what it reports.
    doc = parse("The council, which announced a new budget on Monday, met again.")
    assert all(how != "antecedent" for _, how in verb_readings(extractor, doc, "announced"))


# -- complements the parser hangs as adverbial clauses --------------------------------------------
def test_an_indirect_question_after_the_hearer_is_the_complement(extractor, parse):
    doc = parse("The pollster asked farmers if they planned to sell their land.")
    assert ("if they planned to sell their land", "ccomp") in verb_readings(extractor, doc, "asked")


def test_a_condition_after_other_words_is_no_question_complement(extractor, parse):
    doc = parse("The minister would explain the delay if asked.")
    assert all(how != "ccomp" for _, how in verb_readings(extractor, doc, "explain"))


def test_a_for_to_clause_is_the_object_of_the_preposition_and_the_cue_runs_to_it(extractor, parse):
    doc = parse("The union is calling for the hospital board to resign.")
    cue = next(
        c
        for c in extractor.nlp.get_pipe("quotetrace_quotes").cue_finder.find(doc)
        if c.head.text == "calling"
    )
    drafts = indirect_drafts(doc, cue, [])
    found = [(doc.text[d.start : d.end], doc.text[cue.start : d.cue_end or cue.end]) for d in drafts]
    assert ("the hospital board to resign", "is calling for") in found


def test_an_as_clause_after_a_cue_is_no_for_to_object(extractor, parse):
    doc = parse("The senator spoke as the crowd cheered.")
    assert verb_readings(extractor, doc, "spoke") == []


def test_a_condition_right_after_the_verb_is_no_question_complement(extractor, parse):
    doc = parse("The mayor will speak if she is elected.")
    assert all(how != "ccomp" for _, how in verb_readings(extractor, doc, "speak"))


def test_a_whether_clause_right_after_any_cue_is_its_complement(extractor, parse):
    doc = parse("The regulators questioned whether the merger would lower prices.")
    assert ("whether the merger would lower prices", "ccomp") in verb_readings(extractor, doc, "questioned")
