"""Reporting-verb classes and veridicality: what a careful reader takes each cue to signal."""

from __future__ import annotations

import pytest

from frame_builders import ArticleBuilder
from quotetrace.frame import frame_article
from quotetrace.frame.lexicon import CLASSES, verb_classes, veridicality
from quotetrace.frame.verbs import canonical_cue, profile

# One sentence of our own per class, with the cue as the extractor would give it.
CASES = [
    ("The mayor said the budget was balanced.", "the budget was balanced", "said", "say", "neutral"),
    ("The coach told reporters the team was tired.", "the team was tired", "told", "tell", "neutral"),
    ("She added that the pier would reopen.", "that the pier would reopen", "added", "add", "neutral"),
    ("The auditor noted that the accounts were late.", "that the accounts were late", "noted",
     "note", "assertive"),
    ("The minister acknowledged that the plan had failed.", "that the plan had failed",
     "acknowledged", "acknowledge", "assertive"),
    ("The report revealed that the dam leaked.", "that the dam leaked", "revealed", "reveal",
     "assertive"),
    ("As the engineer pointed out, the bridge was unsafe.", "the bridge was unsafe",
     "pointed out", "point out", "assertive"),
    ("The developer claimed the tower was safe.", "the tower was safe", "claimed", "claim", "doubt"),
    ("Prosecutors alleged that the firm hid losses.", "that the firm hid losses", "alleged",
     "allege", "doubt"),
    ("The owner insisted the dog was friendly.", "the dog was friendly", "insisted", "insist",
     "doubt"),
    ("The coach admitted the team had lost its way.", "the team had lost its way", "admitted",
     "admit", "admission"),
    ("The chairman conceded that sales had fallen.", "that sales had fallen", "conceded",
     "concede", "admission"),
    ("The senator denied taking the money.", "taking the money", "denied", "deny", "denial"),
    ("The agency dismissed the study as flawed.", "the study as flawed", "dismissed", "dismiss",
     "denial"),
    ("The general stressed that the troops were ready.", "that the troops were ready", "stressed",
     "stress", "emphasis"),
    ("Forecasters warned that the river would flood.", "that the river would flood", "warned",
     "warn", "emphasis"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "content", "cue", "lemma", "expected"), CASES)
def test_class_of_each_cue(sentence, content, cue, lemma, expected):
    b = ArticleBuilder(sentence)
    b.quote(content, kind="indirect", cue=cue, lemma=lemma, speaker="Someone", mention="Someone")
    framed = frame_article(b.build())
    assert framed.quotes[0].frame.cls == expected


def test_phrasal_cues():
    assert canonical_cue("point out") == "point out"
    assert canonical_cue("pointed out") == "point out"
    assert canonical_cue("double down on") == "double down"
    text = "The governor doubled down on his promise to cut taxes."
    start = text.index("doubled")
    # The parser may give "double" without the particle: the text supplies it.
    assert canonical_cue("double", text, start, start + len("doubled")) == "double down"
    assert profile("double", text, start, start + len("doubled")).cls == "emphasis"
    text = "She went on to explain that the levee held."
    start = text.index("went on")
    assert canonical_cue("go on", text, start, start + len("went on")) == "explain"
    assert profile("go on", text, start, start + len("went on")).cls == "assertive"
    assert profile("according to").cls == "neutral"


def test_double_down_sentence_end_to_end():
    text = "The governor doubled down on his claim that taxes would fall."
    b = ArticleBuilder(text)
    b.quote("that taxes would fall", kind="indirect", cue="doubled down on", lemma="double down",
            speaker="The governor")  # fmt: skip
    assert frame_article(b.build()).quotes[0].frame.cls == "emphasis"


def test_veridicality_orders_verbs_as_readers_do():
    v = {cue: profile(cue).veridicality for cue in ("say", "acknowledge", "claim", "allege", "know")}
    assert v["say"] == 0.0  # the anchor: as neutral as "said"
    assert v["know"] > v["acknowledge"] > v["say"] > v["claim"] > v["allege"]
    assert all(-1.0 <= s <= 1.0 for s in veridicality().values())
    assert profile("point out").veridicality > 0.5  # a phrasal verb MegaVeridicality rates
    assert profile("tell").veridicality is not None  # rated only in the passive frame
    assert profile("according to").veridicality is None  # no clause-embedding frame
    assert profile("bloviate").cls == "other"


def test_class_table_is_well_formed():
    assert {entry.cls for entry in verb_classes().values()} <= set(CLASSES)
    for entry in verb_classes().values():
        if entry.mv_verb and entry.mv_verb != entry.cue:
            assert entry.mv_verb in veridicality(), entry


def test_continuation_inherits_its_chain_and_terms_are_terms():
    text = '"We will rebuild," the mayor insisted. "Every house." Critics mocked the "plan".'
    b = ArticleBuilder(text)
    b.quote('"We will rebuild,"', cue="insisted", lemma="insist", speaker="the mayor")
    b.quote('"Every house."', speaker="the mayor", mention="the mayor", continuation=True)
    b.term('"plan"')
    quotes = frame_article(b.build()).quotes
    assert [q.frame.cls for q in quotes] == ["doubt", "doubt", "term"]
    assert quotes[1].frame.veridicality == quotes[0].frame.veridicality


def test_labelled_answer_is_not_framed_by_the_speakers_earlier_cue():
    # An interview's answers carry no reporting verb: the outlet did not "insist" them.
    text = '"We will rebuild," the mayor insisted.\nAM Every house on the shore will be rebuilt.'
    b = ArticleBuilder(text)
    b.quote('"We will rebuild,"', cue="insisted", lemma="insist", speaker="the mayor")
    b.quote("Every house on the shore will be rebuilt.", speaker="the mayor", mention="AM")
    quotes = frame_article(b.build()).quotes
    assert quotes[0].frame.cls == "doubt"
    assert (quotes[1].frame.cls, quotes[1].frame.veridicality) == ("neutral", None)


def test_unattributed_quote():
    b = ArticleBuilder('"Nobody knows," read a sign at the gate.')
    b.quote('"Nobody knows,"')
    assert frame_article(b.build()).quotes[0].frame.cls == "unattributed"
