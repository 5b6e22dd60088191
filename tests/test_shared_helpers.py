"""Helpers that several rules share, each written once: whoever calls them gets the same answer.

The sentences are written for these tests (not taken from any corpus or article).
"""

from __future__ import annotations

from conftest import quote_containing
from quotetrace.extract.attribution import _before_closing
from quotetrace.extract.finish import paragraph_index
from quotetrace.extract.marks import DOUBLE_MARKS, SINGLE_MARKS, find_quotations, paragraphs


def speaker_name(article, fragment: str) -> str | None:
    quote = quote_containing(article, fragment)
    return quote.speaker.name if quote.speaker else None


# -- the reporter's own 'I': the resolver and the finishing step ask one question --------------
FERRY = """\
A night on the ferry

By Tove Lind, Staff Writer

Karl Eng has crossed the strait for thirty years.

When I ask him about the storms, he shrugs. When we ask the crew, they laugh.
"""


def _token(doc, word: str):
    return next(t for t in doc if t.text == word)


def test_the_writers_i_is_the_byline_for_resolve_and_writer_alike(parse):
    from quotetrace.extract.speakers import SpeakerResolver

    doc = parse(FERRY)
    resolver = SpeakerResolver(doc, [])
    i = _token(doc, "I")
    assert resolver.writer(i) == "Tove Lind"
    assert resolver.resolve(i).name == "Tove Lind"


def test_the_writers_we_is_not_the_byline_for_either(parse):
    from quotetrace.extract.speakers import SpeakerResolver

    doc = parse(FERRY)
    resolver = SpeakerResolver(doc, [])
    we = _token(doc, "we")
    assert resolver.writer(we) is None
    assert resolver.resolve(we).name != "Tove Lind"


# -- how a quotation's own words end, its closing marks aside -----------------------------------
def test_before_closing_keeps_the_last_punctuation_inside_the_marks():
    text = 'The pier is shut. "Stay back," she said. «Not today.» He left.'
    spans = {text[q.start : q.end]: q for q in find_quotations(text)}
    assert _before_closing(text, spans['"Stay back,"']).endswith("back,")
    assert _before_closing(text, spans["«Not today.»"]).endswith("today.")


# -- paragraphs: split once, numbered the same for every step ----------------------------------
def test_paragraph_index_numbers_characters_by_their_paragraph():
    text = "First line of the notice.\n\nSecond paragraph here.\nThird, right below.\n"
    para_of = paragraph_index(paragraphs(text))
    assert para_of(0) == para_of(10) == 1
    assert para_of(text.index("Second")) == 2
    assert para_of(text.index("Third")) == 3


# -- indirect speech knows every quotation mark the scanner does ----------------------------------
def test_indirect_speech_reads_every_mark_the_quotation_scanner_reads():
    from quotetrace.extract.indirect import QUOTE_MARKS

    assert DOUBLE_MARKS | SINGLE_MARKS <= QUOTE_MARKS


# -- a person's name, split into words the same way by trace, frame and verify -----------------
def test_name_tokens_lower_cases_keeps_apostrophes_and_splits_hyphens():
    from quotetrace.text.tokens import name_tokens

    assert name_tokens("Declan O’Hara") == ["declan", "o'hara"]
    assert name_tokens("Secretary Lena Brandt-Olsen", {"secretary"}) == ["lena", "brandt", "olsen"]
    assert name_tokens("Inés Calderón, 54,") == ["inés", "calderón", "54"]
    assert name_tokens("spokesman Arne Vik of the port", capitalised=True) == ["arne", "vik"]


def test_trace_verify_and_frame_read_a_surname_inside_a_double_name_alike():
    from quotetrace.frame.speakers import mentioned_in_body
    from quotetrace.trace.cluster import same_person
    from quotetrace.verify.turns import speaker_matches

    assert same_person("Olsen", "Lena Brandt-Olsen")
    assert speaker_matches("olsen", None, "Lena Brandt-Olsen")
    assert mentioned_in_body("Lena Brandt-Olsen", "The harbour master, Olsen, was not asked.")


def test_punctuation_around_a_name_is_no_part_of_it():
    from quotetrace.trace.cluster import same_person

    assert same_person("Rep. Tove Hald, D-Minn.", "Hald")
    assert same_person("Declan O’Hara", "O'Hara")
    assert not same_person("Tove Hald", "Ivar Hald")


# -- initials spelt out: one scan of the article serves every all-capitals mention -----------------
FINED = """\
Ferry line fined

The Federal Maritime Board fined the ferry line in March. The Department of Justice opened an inquiry.

The DOJ said the inquiry would take a year. The FMB said the fine stands.
"""


def test_each_set_of_initials_finds_its_own_spelling_in_one_article(extractor):
    article = extractor.extract(FINED)
    assert speaker_name(article, "take a year") == "Department of Justice"
    assert speaker_name(article, "the fine stands") == "Federal Maritime Board"


def test_the_nearest_spelling_before_the_initials_wins(extractor):
    text = "Quay fees\n\nThe Pension Agency cut payments. The Port Authority raised fees.\n\nThe PA said the fees would pay for the new quay.\n"
    assert speaker_name(extractor.extract(text), "new quay") == "Port Authority"


def test_a_spelling_inside_quotation_marks_is_not_the_article_naming_it(extractor):
    text = 'Quay safety\n\n"Ask the Harbour Safety Office," a pilot said. The HSO said the quay was safe.\n'
    assert speaker_name(extractor.extract(text), "quay was safe") == "HSO"


# -- a light verb is known by the text layer's stem, its irregular forms listed ----------------------
def test_inflected_and_irregular_light_verbs_make_their_subject_the_source(extractor):
    voiced = extractor.extract("The union voiced strong criticism of the harbour plan on Monday.\n")
    assert speaker_name(voiced, "criticism of the harbour plan") == "union"
    gave = extractor.extract("The minister gave assurances that the ferry would run.\n")
    assert speaker_name(gave, "the ferry would run") == "minister"


def test_a_verb_that_only_looks_like_a_light_verb_makes_no_one_the_source(extractor):
    # 'filmed' is not 'file' with its ending cut: the crew recorded someone else's criticism.
    article = extractor.extract("The camera crew filmed criticism of the harbour plan at the meeting.\n")
    assert speaker_name(article, "harbour plan") != "camera crew"
