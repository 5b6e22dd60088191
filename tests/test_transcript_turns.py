"""Question-and-answer interviews: each answer is the labelled speaker's direct speech.

Magazines print the speakers' initials before each answer ("LM They were ..."), transcripts a
name and a colon ("REYES: ..."). The texts are written for these tests.
"""

from __future__ import annotations

import pytest

from quotetrace.extract import Extractor

QA_INITIALS = """Harbor plan: Lena Marsh and Tom Reyes on the new waterfront

Lena Marsh, the city's planning chief, and developer Tom Reyes sat down with the Gazette to talk about the waterfront.

How did the council take the plan?

LM They were skeptical at first. I told them, "Give us one season," and they agreed.

TR I never doubted it would pass.

What comes next for the pier?

LM We break ground in March, and the permits are in hand.

TR Honestly, I'm more worried about the weather than the politics.
"""

ACRONYM_LINES = """Storm season

US officials said on Monday that the storm would reach the coast by Friday.

US forecasters have warned for weeks that the season would be severe.

EU leaders will meet in Brussels next week.
"""

QA_COLON = """Transcript: the governor on the budget

Governor Ruth Okafor spoke with reporters in the capitol on Tuesday.

OKAFOR: We will not raise the sales tax this year. I said in January, "No new taxes," and I meant it.

Q: What about the gas tax?

OKAFOR: That is a question for the legislature, not for me.
"""


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _by_start(article, fragment: str):
    hits = [q for q in article.quotes if fragment in q.text]
    assert hits, f"no quote contains {fragment!r}: {[q.text for q in article.quotes]}"
    return min(hits, key=lambda q: q.end - q.start)


def test_initials_label_makes_each_answer_a_direct_quote(extractor):
    article = extractor.extract(QA_INITIALS)
    answers = {
        "They were skeptical at first.": "Lena Marsh",
        "I never doubted it would pass.": "Tom Reyes",
        "We break ground in March": "Lena Marsh",
        "more worried about the weather": "Tom Reyes",
    }
    for fragment, name in answers.items():
        quote = _by_start(article, fragment)
        assert quote.kind == "direct"
        assert quote.speaker is not None and quote.speaker.name == name, (fragment, quote.speaker)
        # The label is not part of what was said.
        assert not quote.text.startswith(("LM", "TR"))


def test_questions_between_answers_are_not_the_interviewees_speech(extractor):
    article = extractor.extract(QA_INITIALS)
    for q in article.quotes:
        assert "What comes next" not in q.text and "How did the council" not in q.text


def test_first_person_speaker_inside_an_answer_is_the_answering_person(extractor):
    article = extractor.extract(QA_INITIALS)
    quote = _by_start(article, "Give us one season")
    assert quote.speaker is not None and quote.speaker.name == "Lena Marsh"
    assert quote.speaker.mention == "I"  # the mention stays what the text says


def test_first_person_inside_a_colon_transcript_turn(extractor):
    article = extractor.extract(QA_COLON)
    quote = _by_start(article, "No new taxes")
    assert quote.speaker is not None and quote.speaker.name == "Ruth Okafor"
    answer = _by_start(article, "That is a question for the legislature")
    assert answer.speaker is not None and answer.speaker.name == "Ruth Okafor"


def test_capital_words_at_line_starts_are_not_speaker_labels(extractor):
    article = extractor.extract(ACRONYM_LINES)
    for q in article.quotes:
        assert q.speaker is None or q.speaker.mention not in ("US", "EU"), q
    # The unquoted speech is still read as such, with its own speaker.
    said = _by_start(article, "the storm would reach the coast")
    assert said.speaker is not None and "officials" in said.speaker.mention


def test_initials_without_a_matching_name_are_not_labels(extractor):
    text = QA_INITIALS.replace("Lena Marsh", "Lena Hart").replace("Tom Reyes", "Tom Baker")
    article = extractor.extract(text)
    for q in article.quotes:
        assert q.speaker is None or q.speaker.mention not in ("LM", "TR"), q


QA_LETTERS = """Q&A: the new schools chief on testing

Dana Whitcomb took over the district in August. Whitcomb, who ran schools in Tacoma before, spoke with the Herald about testing. Her predecessor, Paul Eames, retired in June.

Q: Will the district keep the spring exams?

A: We will keep them for now, but I want fewer hours of testing by next year.

Q: What did you learn in Tacoma?

A: That teachers know more than any spreadsheet I have ever been handed.
"""


def test_answer_label_is_the_person_the_interview_is_with(extractor):
    article = extractor.extract(QA_LETTERS)
    for fragment in ("We will keep them for now", "teachers know more than any spreadsheet"):
        quote = _by_start(article, fragment)
        assert quote.kind == "direct"
        assert quote.speaker is not None and quote.speaker.name == "Dana Whitcomb", quote.speaker
        assert quote.speaker.mention == "A"
