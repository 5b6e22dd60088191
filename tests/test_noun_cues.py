"""Attributions whose cue is a noun ("her claim that X", "the governor's criticism of X").

The sentences are written for these tests (not taken from any corpus or article).
"""

from __future__ import annotations

from conftest import quote_containing
from quotetrace.extract.noun_cues import find_noun_cues, noun_drafts
from quotetrace.speech_view import is_reported_speech


def readings(doc, noun: str):
    """(content, cue, source, how) of each reading of the noun cue ``noun``."""
    cues = [c for c in find_noun_cues(doc, [], set()) if c.head.text == noun]
    assert cues, f"no noun cue {noun!r} in {[c.head.text for c in find_noun_cues(doc, [], set())]}"
    text = doc.text
    out = []
    for cue in cues:
        for d in noun_drafts(doc, cue, [], set()):
            source = d.speaker_tok.text if d.speaker_tok is not None else None
            out.append((text[d.start : d.end], text[d.cue.start : d.cue.end], source, d.extent_kind))
    return out


# -- candidates and their readings ---------------------------------------------------------------
def test_that_clause_on_a_noun_is_its_content_and_the_possessor_its_source(parse):
    doc = parse("Her claim that the ferry schedule had been cut drew angry letters to the council.")
    assert ("that the ferry schedule had been cut", "claim", "Her", "noun_clause") in readings(doc, "claim")


def test_possessive_source_and_prepositional_content(parse):
    doc = parse("The harbour master's criticism of the new mooring fees was unusually blunt.")
    content, cue, source, how = readings(doc, "criticism")[0]
    assert content == "the new mooring fees"
    assert cue == "criticism of" and how == "noun_prep_of"
    assert source == "master"  # the head of "The harbour master's"


def test_light_verb_subject_is_the_source_and_opens_the_cue(parse):
    doc = parse("Councillor Okafor made a promise to reopen the library by spring.")
    found = readings(doc, "promise")
    assert ("to reopen the library by spring", "made a promise", "Okafor", "noun_infinitive") in found


def test_from_phrase_names_the_source(parse):
    doc = parse("The plan drew criticism from farmers about the water quotas.")
    found = readings(doc, "criticism")
    assert any(content == "the water quotas" and source == "farmers" for content, _, source, _ in found)


def test_relative_clause_on_a_noun_is_no_content(parse):
    # 'that' is the object of 'made', not a complementizer: nothing is reported.
    doc = parse("The claim that he made on the radio was later withdrawn.")
    assert not [r for r in readings(doc, "claim") if r[3] == "noun_clause"]


def test_noun_inside_a_quotation_is_no_candidate(parse):
    text = 'The sign read "criticism of the mayor is welcome" in large letters.'
    doc = parse(text)
    start = text.index('"')
    ranges = [(start, text.index('"', start + 1) + 1)]
    assert not [c for c in find_noun_cues(doc, ranges, set()) if c.head.text == "criticism"]


def test_object_of_a_verb_cue_is_left_to_that_verb(parse):
    doc = parse("The minister expressed concern about the rising rents.")
    verb = next(t.i for t in doc if t.text == "expressed")
    assert not [c for c in find_noun_cues(doc, [], {verb}) if c.head.text == "concern"]


def test_acts_of_speech_nouns_and_stance_nouns(parse):
    doc = parse("Her statement about the ferry and his support for the levy came on the same day.")
    acts = {c.lemma: c.act for c in find_noun_cues(doc, [], set())}
    assert acts.get("statement") == "speech"
    assert acts.get("support") == "other"


def test_object_of_a_verb_that_reports_nothing_names_no_source(parse):
    # The senator faced the criticism; someone else voiced it.
    doc = parse("The senator faced sharp criticism over the delayed audit.")
    cues = [c for c in find_noun_cues(doc, [], set()) if c.head.text == "criticism"]
    assert cues and cues[0].source is None and cues[0].source_how == "object"


def test_channel_noun_of_a_verb_cue_is_left_to_the_verb(parse):
    doc = parse("The union said in a statement that the strike would end on Friday.")
    verb = next(t.i for t in doc if t.text == "said")
    assert not [c for c in find_noun_cues(doc, [], {verb}) if c.head.text == "statement"]


def test_predicate_adjective_reports_its_subjects_stance(parse):
    doc = parse("The fishermen have long been critical of the new harbour fees.")
    found = readings(doc, "critical")
    assert ("the new harbour fees", "have long been critical of", "fishermen", "adj_prep_of") in found


def test_adjective_with_a_clause(parse):
    doc = parse("The coach is optimistic that the stadium will reopen in May.")
    found = readings(doc, "optimistic")
    assert any(c.endswith("the stadium will reopen in May") and s == "coach" for c, _, s, _ in found)


def test_article_before_a_cue_noun_belongs_to_the_cue(parse):
    doc = parse("A fresh call for a recount reached the county clerks on Monday.")
    found = readings(doc, "call")
    assert [(content, cue) for content, cue, _, _ in found] == [("a recount", "A fresh call for")]


# -- end to end: the learned gate accepts them, the reported-speech view keeps stances out ------
def test_claim_with_a_that_clause_is_reported_speech(extractor):
    article = extractor.extract("Her claim that the ferry budget had been cut in half drew angry letters.")
    quote = quote_containing(article, "the ferry budget had been cut in half")
    assert quote.text == "that the ferry budget had been cut in half"
    assert quote.cue is not None and quote.cue.text == "claim"
    assert quote.speaker is not None and quote.speaker.mention == "Her"
    assert quote.act == "speech" and is_reported_speech(quote)


def test_possessive_source_end_to_end(extractor):
    article = extractor.extract("The harbour master's criticism of the new mooring fees was unusually blunt.")
    quote = quote_containing(article, "mooring fees")
    assert quote.text == "the new mooring fees"
    assert quote.cue is not None and quote.cue.text == "criticism of"
    assert quote.speaker is not None and quote.speaker.mention == "The harbour master's"


def test_light_verb_end_to_end(extractor):
    article = extractor.extract("Mr. Adeyemi lodged a complaint about the noise from the depot.")
    quote = quote_containing(article, "the noise from the depot")
    assert quote.cue is not None and quote.cue.text == "lodged a complaint about"
    assert quote.speaker is not None and quote.speaker.mention == "Mr. Adeyemi"
    assert is_reported_speech(quote)


def test_stance_noun_is_no_reported_speech(extractor):
    # A company's support is a stance, not words anyone said: at most a stance attribution.
    for text in (
        "The company's support for the plan helped it pass the council.",
        "Support for the bridge rests on two steel cables.",
        "The defense of the city lasted three weeks.",
        "The nurses' union has serious doubts about the new rota.",
    ):
        assert not [q for q in extractor.extract(text).quotes if is_reported_speech(q)], text


def test_noun_that_names_no_act_gives_no_attribution(extractor):
    assert not extractor.extract("Support for the bridge rests on two steel cables.").quotes


def test_existential_there_opens_the_cue(parse):
    doc = parse("There is no consensus on how the canal should be dredged.")
    found = readings(doc, "consensus")
    assert any(cue == "There is no consensus on" for _, cue, _, _ in found), found


def test_complement_headed_by_a_verb_cue_is_left_to_the_verb(parse):
    doc = parse("The harbour master was quick to add that the cranes were old.")
    add = next(t.i for t in doc if t.text == "add")
    cues = [c for c in find_noun_cues(doc, [], {add}) if c.head.text == "quick"]
    assert cues and not noun_drafts(doc, cues[0], [], {add})


def test_every_listed_noun_and_adjective_is_picked_and_a_listed_form_used_as_a_verb_is_not(parse):
    from quotetrace.extract.noun_cues import ADJECTIVE_CUES_FILE, NOUN_CUES_FILE, cue_forms_of

    doc = parse(
        "The mayor's criticism of the levy was sharp. Farmers were critical of the plan, "
        "and they question whether the canal's claim that costs fell is true.\n"
    )
    found = {c.head.text: c.kind for c in find_noun_cues(doc, [], set())}
    assert found.get("criticism") == "noun" and found.get("critical") == "adj"
    assert next(t for t in doc if t.text == "question").pos_ == "VERB"
    assert "question" not in found  # a listed noun form, used as a verb
    # Exactly the tokens a direct look-up of each one would pick.
    nouns, adjectives = cue_forms_of(NOUN_CUES_FILE), cue_forms_of(ADJECTIVE_CUES_FILE)
    listed = {
        t.text
        for t in doc
        if (t.pos_ == "NOUN" and t.lower_ in nouns) or (t.pos_ == "ADJ" and t.lower_ in adjectives)
    }
    assert set(found) <= listed and {"criticism", "critical", "claim"} <= listed
