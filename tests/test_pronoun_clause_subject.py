"""A pronoun subject after a subordinate clause is usually that clause's subject: 'When Ruiz
was asked about the cost, he said ...'. Texts written for these tests."""

from __future__ import annotations

import pytest

from quotetrace.extract import Extractor

EARLIER = 'Budget fight\n\nGovernor Tom Hale defended the plan on Monday. "It is a good budget," Hale said.\n'


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.parametrize(
    "sentence, content",
    [
        ("When Mark Ruiz was asked about the cost, he said it was far too high.", "it was far too high"),
        ("After Mark Ruiz spoke, he said the state could not afford it.", "the state could not afford it"),
    ],
)
def test_pronoun_goes_back_to_the_subject_of_its_own_sentences_clause(extractor, sentence, content):
    article = extractor.extract(EARLIER + sentence + "\n")
    quote = next(q for q in article.quotes if q.text == content)
    assert quote.speaker is not None and quote.speaker.mention == "he"
    assert quote.speaker.name == "Mark Ruiz"


def test_a_clause_subject_in_an_earlier_sentence_does_not_take_the_pronoun(extractor):
    # Outside its own sentence a subordinate subject stays a weak antecedent: the quoted
    # governor goes on speaking.
    text = EARLIER + "The plan passed after Mark Ruiz changed his vote. He said the state would be fine.\n"
    article = extractor.extract(text)
    quote = next(q for q in article.quotes if q.text == "the state would be fine")
    assert quote.speaker is not None and quote.speaker.name == "Tom Hale"
