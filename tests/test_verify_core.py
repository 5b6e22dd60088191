"""verify_quotes on hand-built Quote records: every status, its diff and its offsets."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotetrace.evaluate.synth import change_key, words_of
from quotetrace.records import Quote, SpeakerRef
from quotetrace.verify import Source, Verification, verify_quotes

SPEECH = (
    "Thank you all for coming tonight.\n\n"
    "We are going to rebuild the roads and bridges of this state, and we are going to do it "
    "without raising taxes on working families. That is my promise to you.\n\n"
    "My opponent says the budget cannot be balanced. He is wrong. We balanced it twice, "
    "and the state’s credit rating went up both times.\n\n"
    "Our schools deserve better — and our teachers deserve a raise. I will sign that bill "
    "on my first day in office."
)

TRANSCRIPT = (
    "MORNING EDITION\n\n"
    "STEVE INSKEEP, HOST: Secretary Blinken, is the ceasefire going to hold?\n\n"
    "SECRETARY BLINKEN: We are working every single day to make sure that it holds. "
    "We will not negotiate with people who use violence to get their way.\n\n"
    "STEVE INSKEEP, HOST: Critics say the sanctions have failed completely.\n\n"
    "SECRETARY BLINKEN: The sanctions have imposed real costs on the regime."
)


def direct(text: str, qid: int = 0, speaker: str | None = None) -> Quote:
    ref = SpeakerRef(speaker, speaker.split()[-1], 0, 0) if speaker else None
    return Quote(id=qid, kind="direct", text=f"“{text}”", start=0, end=len(text) + 2, speaker=ref)


def check(text: str, source: str = SPEECH, **kw) -> Verification:
    (result,) = verify_quotes([direct(text, **kw)], [Source.from_text(source, "speech")])
    return result


def keys(result: Verification) -> list:
    return sorted(change_key(c.op, c.source, c.quote, c.kind) for c in result.changes)


def assert_offsets(result: Verification, source: str = SPEECH) -> None:
    assert result.source_text == source[result.source_start : result.source_end]
    for piece in result.pieces:
        assert piece.text == source[piece.source_start : piece.source_end]


# -- verbatim ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "quote",
    [
        "We balanced it twice, and the state’s credit rating went up both times.",
        "we balanced it twice, and the state's credit rating went up both times,",  # case, ’, end
        "We  balanced it twice,   and the STATE’S credit rating went up",  # spacing, case
        "Our schools deserve better -- and our teachers deserve a raise",  # dash style
        "Our schools deserve better – and our teachers deserve a raise",
    ],
)
def test_verbatim_after_normalisation(quote):
    result = check(quote)
    assert result.status == "verbatim"
    assert result.score == 1.0
    assert result.changes == []
    assert_offsets(result)


def test_verbatim_offsets_point_at_the_source_words():
    result = check("He is wrong.")
    assert result.source_text == "He is wrong"
    assert SPEECH.index("He is wrong") == result.source_start
    assert "the budget cannot be balanced." in result.context_before
    assert "We balanced it twice" in result.context_after


# -- edited ------------------------------------------------------------------------------------
def test_ellipsis_is_a_marked_omission():
    result = check(
        "We are going to rebuild the roads ... without raising taxes on working families"
    )
    assert result.status == "edited"
    assert keys(result) == [
        change_key(
            "replace", "and bridges of this state, and we are going to do it", "", "ellipsis"
        )
    ]
    assert_offsets(result)


@pytest.mark.parametrize("mark", ["…", ". . .", "[...]", "(...)", "[…]"])
def test_every_ellipsis_style(mark):
    result = check(f"Our schools deserve better {mark} our teachers deserve a raise")
    assert result.status == "edited"
    assert [c.kind for c in result.changes] == ["ellipsis"]


def test_ellipsis_over_a_whole_sentence_is_still_edited():
    result = check("My opponent says the budget cannot be balanced. ... We balanced it twice")
    assert result.status == "edited"
    assert keys(result) == [change_key("replace", "He is wrong.", "", "ellipsis")]


def test_bracket_replacing_source_words():
    result = check("[The opponent] is wrong. We balanced it twice")
    assert result.status == "edited"
    assert keys(result) == [change_key("replace", "He", "The opponent", "bracket")]


def test_bracket_inside_a_word_and_sic():
    result = check("[w]e balanced it twice, and the state’s credit rating [sic] went up both times")
    assert result.status == "edited"
    assert keys(result) == sorted(
        [change_key("replace", "We", "[w]e", "bracket"), change_key("insert", "", "[sic]", "sic")]
    )


def test_trivial_punctuation_is_edited_and_shown():
    result = check("We balanced it twice; and the state’s credit rating went up both times")
    assert result.status == "edited"
    (change,) = result.changes
    assert change.kind == "punctuation"
    assert change.source == "twice, and" and change.quote == "twice; and"


# -- altered -----------------------------------------------------------------------------------
def test_substitution_is_listed_as_a_diff():
    result = check("That is my solemn promise to you. My opponent says the budget can be balanced")
    assert result.status == "altered"
    assert keys(result) == sorted(
        [change_key("insert", "", "solemn", "word"), change_key("replace", "cannot", "can", "word")]
    )
    assert 0.6 <= result.score < 1.0
    assert_offsets(result)


def test_unmarked_omission_and_diff_ops_rebuild_the_quote():
    quote = "We are going to rebuild the roads of this state, and we are going to do it"
    result = check(quote)
    assert result.status == "altered"
    assert keys(result) == [change_key("delete", "and bridges", "", "word")]
    rebuilt = "".join(op.quote for op in result.diff)
    assert rebuilt == quote


def test_edited_and_altered_together_is_altered():
    result = check("We are going to rebuild the [highways] and bridges of this great state")
    assert result.status == "altered"
    kinds = sorted(c.kind for c in result.changes)
    assert kinds == ["bracket", "word"]


# -- stitched ----------------------------------------------------------------------------------
def test_two_distant_passages_are_stitched():
    result = check("That is my promise to you. I will sign that bill on my first day in office.")
    assert result.status == "stitched"
    assert len(result.pieces) == 2
    first, second = result.pieces
    assert first.text == "That is my promise to you"
    assert second.text == "I will sign that bill on my first day in office"
    assert second.gap_words == result.gap_words > 10
    assert_offsets(result)


def test_reversed_order_is_stitched_with_negative_gap():
    result = check("He is wrong. Thank you all for coming tonight.")
    assert result.status == "stitched"
    assert result.pieces[1].gap_words < 0


def test_unmarked_omission_of_a_sentence_is_stitching():
    result = check("My opponent says the budget cannot be balanced. We balanced it twice")
    assert result.status == "stitched"


# -- not found ---------------------------------------------------------------------------------
def test_unrelated_quote_is_not_found():
    result = check("The central bank will raise interest rates again in the spring")
    assert result.status == "not_found"
    assert result.score < 0.6


def test_short_fragment_must_match_exactly():
    assert check("deserve a raise").status == "verbatim"
    assert check("deserve a bonus").status == "not_found"


def test_quote_longer_than_source_is_not_found():
    result = check(SPEECH + " And one more thing that was never said.", source="He is wrong.")
    assert result.status == "not_found"


@pytest.mark.parametrize("source", ["", "   \n\n ", "!!! ??? ...", "\x00\x01\x02"])
def test_empty_or_wordless_source_is_not_found(source):
    result = check("We balanced it twice", source=source)
    assert result.status == "not_found"
    assert result.note


def test_no_source_at_all():
    (result,) = verify_quotes([direct("anything at all here")], [])
    assert result.status == "not_found" and result.note == "no source given"


def test_wordless_quote():
    (result,) = verify_quotes([direct("... — ...")], [Source.from_text(SPEECH)])
    assert result.status == "not_found" and result.note


# -- kinds -------------------------------------------------------------------------------------
def test_mixed_quote_is_verified_fragment_by_fragment():
    quote = Quote(
        id=7, kind="mixed", start=0, end=0,
        text="The governor said the budget was “balanced it twice” and schools deserve "
        "“a big raise”",
    )  # fmt: skip
    first, second = verify_quotes([quote], [Source.from_text(SPEECH)])
    assert (first.fragment, first.status, first.quote_text) == (0, "verbatim", "balanced it twice")
    assert (second.fragment, second.status) == (1, "not_found")  # 3 words, one changed


def test_indirect_quote_is_matched_as_paraphrase():
    quote = Quote(
        id=1, kind="indirect", start=0, end=0,
        text="that he would sign the teachers' raise bill on his first day in office",
    )  # fmt: skip
    (result,) = verify_quotes([quote], [Source.from_text(SPEECH)])
    assert result.status == "paraphrase_supported"
    assert "I will sign that bill on my first day in office." in result.source_text
    unsupported = Quote(id=2, kind="indirect", start=0, end=0, text="that the airport would close")
    (result,) = verify_quotes([unsupported], [Source.from_text(SPEECH)])
    assert result.status == "not_found"


def test_term_quotes_are_skipped():
    term = Quote(id=0, kind="term", text="“roads”", start=0, end=7)
    assert verify_quotes([term], [Source.from_text(SPEECH)]) == []


def test_best_of_several_sources():
    other = Source.from_text("Nothing to see here, says the other source.", "other")
    speech = Source.from_text(SPEECH, "speech")
    (result,) = verify_quotes([direct("He is wrong. We balanced it twice")], [other, speech])
    assert result.source == "speech" and result.status == "verbatim"


# -- speakers ----------------------------------------------------------------------------------
def test_transcript_turns_are_parsed():
    source = Source.from_text(TRANSCRIPT)
    assert [t.label for t in source.turns] == [
        "STEVE INSKEEP, HOST",
        "SECRETARY BLINKEN",
        "STEVE INSKEEP, HOST",
        "SECRETARY BLINKEN",
    ]
    assert set(source.speakers) == {"STEVE INSKEEP, HOST", "SECRETARY BLINKEN"}


@pytest.mark.parametrize(
    ("quote", "speaker", "label", "consistent"),
    [
        (
            "We will not negotiate with people who use violence",
            "Antony Blinken",
            "SECRETARY BLINKEN",
            True,
        ),
        (
            "We will not negotiate with people who use violence",
            "Jen Psaki",
            "SECRETARY BLINKEN",
            False,
        ),
        (
            "Critics say the sanctions have failed completely",
            "Antony Blinken",
            "STEVE INSKEEP, HOST",
            False,
        ),
        (
            "Critics say the sanctions have failed completely",
            "Steve Inskeep",
            "STEVE INSKEEP, HOST",
            True,
        ),
        ("The sanctions have imposed real costs on the regime", "he", "SECRETARY BLINKEN", None),
    ],
)
def test_speaker_consistency(quote, speaker, label, consistent):
    result = check(quote, source=TRANSCRIPT, speaker=speaker)
    assert result.status == "verbatim"
    assert result.source_speaker == label
    assert result.speaker_consistent is consistent


def test_no_match_across_speaker_turns():
    result = check(
        "Is the ceasefire going to hold? We are working every single day", source=TRANSCRIPT
    )
    assert result.status == "stitched"


def test_question_label_is_a_questioner():
    source = "Q: Will you run again?\n\nA: I will not run again, and that is final.\n\nQ: Why not?"
    result = check("I will not run again", source=source, speaker="Jane Doe")
    assert result.source_speaker == "A" and result.speaker_consistent is None
    result = check("Will you run again?", source=source, speaker="Jane Doe")
    assert result.source_speaker == "Q" and result.speaker_consistent is False


def test_repeated_words_prefer_the_named_speaker():
    source = "Q: Do you say it will work?\n\nMAYOR LEE: It will work.\n\nQ: It will work?"
    result = check("it will work", source=source, speaker="Mayor Ed Lee")
    assert result.source_speaker == "MAYOR LEE" and result.speaker_consistent is True


def test_default_speaker_for_unlabelled_sources():
    source = Source.from_text(SPEECH, "speech", speaker="Governor Ann Smith")
    quote = direct("He is wrong", speaker="Ann Smith")
    (result,) = verify_quotes([quote], [source])
    assert result.speaker_consistent is True and result.source_speaker == "Governor Ann Smith"


def test_a_single_heading_is_not_a_transcript():
    assert Source.from_text("UPDATE: the mayor spoke.\n\nNote: more later.").turns == []
    assert Source.from_text("WASHINGTON: The senator said no.\n\nMore text.").turns == []


# -- properties --------------------------------------------------------------------------------
WORDS = SPEECH.split()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(WORDS) - 5), st.integers(5, 25))
def test_any_stretch_of_the_source_is_verbatim_with_exact_offsets(start, length):
    words = WORDS[start : start + length]
    quote = " ".join(words)
    result = check(quote)
    assert result.status == "verbatim", quote
    assert_offsets(result)
    assert words_of(result.source_text) == words_of(quote)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text):
    source = Source.from_text(text or " ", "fuzz")
    results = verify_quotes(
        [direct(text), Quote(0, "indirect", text, 0, 0), direct(SPEECH)], [source]
    )
    for r in results:
        assert r.status in (
            "verbatim",
            "edited",
            "altered",
            "stitched",
            "paraphrase_supported",
            "not_found",
        )
        if r.source_start is not None:
            assert r.source_text == text[r.source_start : r.source_end]


SOURCE = "There is no money left for the ferry this winter, and we do not know where to find it."


@pytest.mark.parametrize(("quote", "kinds"), [
    ('"There\'s no money left for the ferry this winter, and we don\'t know where to find it."',
     ["contraction", "contraction"]),
    ('"There is no money left for the ferry (service) this winter, and we do not know where to find it."',
     ["bracket"]),
])  # fmt: skip
def test_contractions_and_parenthesised_insertions_are_edited(quote, kinds):
    (v,) = verify_quotes([Quote(0, "direct", quote, 0, len(quote))], [Source.from_text(SOURCE)])
    assert v.status == "edited" and [c.kind for c in v.changes] == kinds
    assert v.source_start == 0  # the passage starts at "There", which the contraction holds


@pytest.mark.parametrize("quote", [
    '"They will not. What they will lose is uncertainty."',
    '"They will not.\n\n"What they will lose is uncertainty."',  # a paragraph re-opened
])  # fmt: skip
def test_a_contraction_across_a_sentence_end_at_the_quote_edge_is_edited(quote):
    """The edge before the matched words crosses a sentence end in the quote, so it may
    in the source too: "They won't. What ..." is the same passage, contracted."""
    source = Source.from_text("Farmers were told they would lose everything. They won't. "
                              "What they will lose is uncertainty.")  # fmt: skip
    (v,) = verify_quotes([Quote(0, "direct", quote, 0, len(quote))], [source])
    assert v.status == "edited" and [(c.kind, c.source) for c in v.changes] == [
        ("contraction", "won't")
    ]
    assert v.source_text == "They won't. What they will lose is uncertainty"


def test_a_contraction_of_other_words_is_still_altered():
    quote = '"It\'s no money left for the ferry this winter, and we do not know where to find it."'
    (v,) = verify_quotes([Quote(0, "direct", quote, 0, len(quote))], [Source.from_text(SOURCE)])
    assert v.status == "altered" and [c.kind for c in v.changes] == ["word"]


def test_a_quote_in_two_fragments_is_checked_piece_by_piece():
    """'"A," she said, "B."' quotes the source word for word: the narration between the two
    fragments is the writer's, not an alteration of the speech."""
    from quotetrace.records import Fragment as Piece

    article = "“It’s horrifying,” she said, “and I’m sure it will pass.”"
    first, second = article.index("“It"), article.index("“and")
    quote = Quote(
        id=0, kind="direct", text=article, start=0, end=len(article),
        fragments=[Piece(first, article.index(",”") + 2, "“It’s horrifying,”"),
                   Piece(second, len(article), article[second:])],
    )
    source = Source.from_text("It's horrifying, and I'm sure it will pass. Thank you all.", "speech")
    results = verify_quotes([quote], [source])
    assert len(results) == 2  # one verdict per fragment, as for a mixed quote's pieces
    assert [r.status for r in results] == ["verbatim", "verbatim"]
