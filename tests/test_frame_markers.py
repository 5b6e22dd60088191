"""Editorial markers: the writer's evaluative words, intensifiers, hedges, negation, scare quotes."""

from __future__ import annotations

from frame_builders import ArticleBuilder
from quotetrace.frame import frame_article
from quotetrace.records import TermQuote
from quotetrace.text.quotes import quoted_segments
from quotetrace.text.sentences import sentences


def markers(article, quote_id=0):
    framed = frame_article(article)
    q = framed.quotes[quote_id]
    for m in q.frame.markers:
        assert framed.text[m.start : m.end] == m.text  # spans are exact
    return [(m.kind, m.text) for m in q.frame.markers]


def one(sentence, content, cue, lemma, kind="indirect", speaker="Lee"):
    b = ArticleBuilder(sentence)
    b.quote(content, kind=kind, cue=cue, lemma=lemma, speaker=speaker)
    return b.build()


def test_evaluative_adverb_before_phrasal_cue():
    a = one("As she rightly pointed out, the bridge was unsafe.", "the bridge was unsafe",
            "pointed out", "point out", speaker="she")  # fmt: skip
    assert markers(a) == [("evaluative", "rightly")]


def test_sentence_adverb():
    a = one("Notably, the chief executive conceded that sales fell.", "that sales fell",
            "conceded", "concede", speaker="the chief executive")  # fmt: skip
    assert markers(a) == [("evaluative", "Notably")]


def test_finally_admitted_and_flatly_denied():
    a = one("The ministry finally admitted that the figures were wrong.",
            "that the figures were wrong", "admitted", "admit")  # fmt: skip
    assert markers(a) == [("evaluative", "finally")]
    a = one("The minister flatly denied the report.", "the report", "denied", "deny")
    assert markers(a) == [("intensifier", "flatly")]
    a = one("The senator has repeatedly claimed the vote was rigged.", "the vote was rigged",
            "claimed", "claim")  # fmt: skip
    assert markers(a) == [("intensifier", "repeatedly")]


def test_intensifier_only_counts_next_to_the_cue():
    # "very" is no intensifier of "said" here: it modifies "late".
    a = one("Flatly contradicting the memo, the clerk said the trains ran very late.",
            "the trains ran very late", "said", "say")  # fmt: skip
    assert ("intensifier", "Flatly") not in markers(a)


def test_despite_revelations_phrase():
    a = one("The company denied wrongdoing despite revelations that it had paid bribes.",
            "wrongdoing", "denied", "deny")  # fmt: skip
    assert ("evaluative", "despite revelations") in markers(a)
    a = one("The candidate repeated, without offering evidence, that the count was rigged.",
            "that the count was rigged", "repeated", "repeat")  # fmt: skip
    assert ("evaluative", "without offering evidence") in markers(a)


def test_hedges_in_the_writers_text_only():
    a = one("The mayor reportedly said the deal was done.", "the deal was done", "said", "say")
    assert markers(a) == [("hedge", "reportedly")]
    # "might" inside a paraphrase is the speaker's hedge, not the writer's.
    a = one("The mayor said the deal might collapse.", "the deal might collapse", "said", "say")
    assert markers(a) == []
    # Nothing inside quotation marks is the writer's.
    b = ArticleBuilder('"Perhaps we will win, obviously," Smith said.')
    b.quote('"Perhaps we will win, obviously,"', cue="said", lemma="say", speaker="Smith")
    assert markers(b.build()) == []
    a = one("Perhaps tellingly, the firm said it would appeal.", "it would appeal", "said", "say")
    assert markers(a) == [("hedge", "Perhaps"), ("evaluative", "tellingly")]


def test_hedge_source_is_credited():
    b = ArticleBuilder("Officials apparently said the border would stay shut.")
    b.quote("the border would stay shut", kind="indirect", cue="said", speaker="Officials")
    framed = frame_article(b.build())
    (m,) = framed.quotes[0].frame.markers
    assert (m.kind, m.text, m.source) == ("hedge", "apparently", "hyland2005")


def test_negation_of_the_cue():
    a = one("The minister did not deny that the talks had stalled.", "that the talks had stalled",
            "deny", "deny")  # fmt: skip
    assert markers(a) == [("negation", "not")]
    a = one("The agency didn't immediately respond to the claim.", "to the claim", "respond",
            "respond")  # fmt: skip
    assert markers(a) == [("negation", "didn't")]
    a = one("Not everyone agrees that the plan works.", "that the plan works", "agrees", "agree")
    assert markers(a) == []


def test_scare_quote_goes_to_the_quote_in_its_sentence():
    text = 'The council said the "temporary" closure would end soon. Later, residents cheered.'
    b = ArticleBuilder(text)
    b.quote("the \"temporary\" closure would end soon", kind="indirect", cue="said",
            speaker="The council")  # fmt: skip
    b.term('"temporary"')
    framed = frame_article(b.build())
    assert [(m.kind, m.text) for m in framed.quotes[0].frame.markers] == [("scare_quote", '"temporary"')]
    assert framed.balance.scare_quotes == [
        TermQuote(text='"temporary"', start=text.index('"temporary"'),
                  end=text.index('"temporary"') + 11, kind="scare_quote", quote_id=0)
    ]  # fmt: skip


def test_scare_quote_nearest_quote_and_titles():
    text = (
        'Critics called the audit a "whitewash," the mayor said on "Face the Nation."\n\n'
        'Elsewhere, the so-called "reform" stalled.'
    )
    b = ArticleBuilder(text)
    b.quote("Critics called the audit a \"whitewash,\"", kind="mixed", cue="said",
            speaker="the mayor")  # fmt: skip
    b.term('"Face the Nation."')
    b.term('"reform"')
    framed = frame_article(b.build())
    kinds = [(m.kind, m.text) for m in framed.quotes[0].frame.markers]
    assert ("scare_quote", '"Face the Nation."') not in kinds  # a title, not a scare quote
    listed = {s.text: s for s in framed.balance.scare_quotes}
    assert listed['"Face the Nation."'].kind == "title"
    assert (listed['"reform"'].kind, listed['"reform"'].quote_id) == ("scare_quote", None)


def test_a_term_inside_an_answer_is_the_speakers_not_the_outlets():
    # A Q&A answer is direct speech without quotation marks: the "smart" in it is the
    # speaker keeping a distance, so it frames nothing of the writer's. The writer's own
    # "landmark" in the introduction still does.
    text = (
        'Mayor Ines Duarte talked about the "landmark" ferry deal.\n\n'
        'Q: What comes next?\n\n'
        'A: More housing, and a "smart" ferry the council keeps promising.'
    )
    b = ArticleBuilder(text)
    b.quote("the \"landmark\" ferry deal", kind="indirect", cue="talked about",
            speaker="Mayor Ines Duarte")  # fmt: skip
    b.quote('More housing, and a "smart" ferry the council keeps promising.', speaker="Ines Duarte",
            mention="Mayor Ines Duarte")  # fmt: skip
    b.term('"landmark"')
    b.term('"smart"')
    framed = frame_article(b.build())
    assert [(m.kind, m.text) for m in framed.quotes[0].frame.markers] == [("scare_quote", '"landmark"')]
    assert [m.kind for m in framed.quotes[1].frame.markers] == []
    assert [s.text for s in framed.balance.scare_quotes] == ['"landmark"']


def test_sentence_marker_goes_to_the_nearest_cue():
    text = "Smith claimed the dam was safe, but Jones, notably, conceded it leaked."
    b = ArticleBuilder(text)
    b.quote("the dam was safe", kind="indirect", cue="claimed", lemma="claim", speaker="Smith")
    b.quote("it leaked", kind="indirect", cue="conceded", lemma="concede", speaker="Jones")
    framed = frame_article(b.build())
    assert framed.quotes[0].frame.markers == []
    assert [m.text for m in framed.quotes[1].frame.markers] == ["notably"]


def test_quoted_segments_and_sentences():
    text = "He said ''suffering and delight'' in the '90s. Trump’s ‘crazy system’ won. \"Open"
    got = [text[s:e] for s, e in quoted_segments(text)]
    assert got == ["''suffering and delight''", "‘crazy system’", '"Open']
    spans = sentences('Mr. Smith met U.S. officials on Sept. 11. He left. "Go," she said.')
    assert len(spans) == 3
