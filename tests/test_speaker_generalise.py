"""Speaker resolution on text unlike the tuning articles: passages written for these tests, each
checking that a general cause (not a phrasing) resolves a mention to the right person by full name."""

from __future__ import annotations


def speaker_of(extractor, text: str, fragment: str) -> str | None:
    for q in extractor.extract(text).quotes:
        if fragment in q.text:
            return q.speaker.name if q.speaker else None
    raise AssertionError(f"no quote contains {fragment!r}")


def test_a_name_set_beside_a_describing_subject_is_the_salient_person(extractor):
    text = (
        "Lena Forsberg founded the rowing club in 1998 with her husband, Nils Forsberg.\n\n"
        '"We started with two boats and a shed," Nils Forsberg said.\n\n'
        "Her oldest son, Mikael Forsberg, took over as coach last year. He said the club now has "
        "200 members.\n\n"
        '"Saturdays are chaos, in a good way," he said.'
    )
    assert speaker_of(extractor, text, "200 members") == "Mikael Forsberg"
    assert speaker_of(extractor, text, "Saturdays are chaos") == "Mikael Forsberg"


def test_a_descriptive_subject_before_a_name_hands_the_pronoun_to_that_name(extractor):
    text = (
        "Chief Inspector Robert Hale said the road would stay closed overnight.\n\n"
        "The driver's employer, Arnold Petrie, arrived at the scene an hour later. He said the "
        "lorry had been serviced in May."
    )
    assert speaker_of(extractor, text, "serviced in May") == "Arnold Petrie"
