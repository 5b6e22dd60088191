"""Quote families, pure part: relations, partial quotes, speakers, clustering (no store)."""

from __future__ import annotations

import pytest

from quotetrace.trace import QuoteRec, describe
from quotetrace.trace.cluster import same_person
from quotetrace.trace.families import misattributed, speaker_counts
from quotetrace.trace.relate import relation, same_utterance
from quotetrace.trace.stream import cluster
from quotetrace.trace.wording import band_keys, units, wording, words

FIRST = (
    "We will build a great wall along the southern border, and Mexico is going to pay "
    "for that wall, believe me."
)


def rel(member: str, kind: str = "direct", first: str = FIRST):
    return relation(kind, member, "direct", first)


def test_identical_wording_is_verbatim_with_one_equal_step():
    r = rel(FIRST)
    assert r.relation == "verbatim"
    assert [op["op"] for op in r.diff] == ["equal"]


def test_a_contiguous_part_is_trimmed_and_the_diff_shows_what_was_left_out():
    r = rel("Mexico is going to pay for that wall")
    assert r.relation == "trimmed"
    left_out = [op["first"] for op in r.diff if op["op"] == "delete"]
    assert left_out == ["We will build a great wall along the southern border, and", "believe me"]


def test_a_bracket_or_an_ellipsis_is_edited():
    assert rel("[Donald Trump] will build a great wall along the southern border, and Mexico "
               "is going to pay for that wall, believe me.").relation == "edited"  # fmt: skip
    r = rel("We will build a great wall ... believe me.")
    assert r.relation == "edited"
    assert any(op.get("kind") == "ellipsis" for op in r.diff)


def test_an_unmarked_word_change_is_altered_and_the_diff_names_it():
    r = rel("We will build a great wall along the southern border, and Mexico will pay for "
            "that wall, believe me.")  # fmt: skip
    assert r.relation == "altered"
    changed = [(op["first"], op["text"]) for op in r.diff if op["op"] != "equal"]
    assert changed and any("going" in first for first, _ in changed)


def test_two_passages_joined_are_stitched():
    first = ("We will build a great wall along the southern border. The economy is a total "
             "disaster and nobody talks about it. Mexico is going to pay for that wall, believe me.")  # fmt: skip
    r = rel("We will build a great wall along the southern border. Mexico is going to pay for "
            "that wall, believe me.", first=first)  # fmt: skip
    assert r.relation == "stitched"
    assert any(op["op"] == "jump" for op in r.diff)


def test_an_indirect_quote_is_a_paraphrase():
    r = rel("Mexico would pay for the great wall on the southern border", kind="indirect")
    assert r.relation == "paraphrase"
    assert r.score > 0.5


def test_a_member_longer_than_the_first_is_trimmed_the_other_way():
    r = rel(FIRST + " We will make America great again.", first="Mexico is going to pay for that wall")
    assert r.relation == "trimmed"
    assert any(op["op"] == "insert" and "believe me" in op["text"] for op in r.diff)


def test_stock_phrases_are_not_the_same_utterance():
    assert same_utterance("direct", "the American people deserve better", "direct", FIRST, True) is None
    assert same_utterance("direct", "The economy is a disaster and the people know it well.",
                          "direct", FIRST, False) is None  # fmt: skip


def test_wording_drops_marks_and_joins_mixed_fragments_with_an_ellipsis():
    assert wording("direct", "“Mexico will pay,”") == "Mexico will pay,"
    assert wording("mixed", 'He called it "a total disaster" and "a complete mess"') == (
        "a total disaster … a complete mess"
    )
    assert wording("mixed", "that he was ''becoming ISIS' best recruiter.''").startswith("becoming")


def test_band_keys_are_stable_across_calls_and_shared_by_near_duplicates():
    a = words(FIRST)
    b = words(FIRST.replace("is going to", "will"))
    assert band_keys(a) == band_keys(list(a))
    assert set(band_keys(a)) & set(band_keys(b))


def rec(key, outlet, date, text, speaker="Donald Trump", kind="direct"):
    return QuoteRec(key, key.split("#")[0], kind, text, outlet, date, f"https://{outlet}/{key}", speaker)


def test_a_three_word_partial_quote_joins_the_family_of_the_longer_quotation():
    recs = [
        rec("a#0", "Herald", "2024-03-01", f"“{FIRST}”"),
        rec("b#3", "Courier", "2024-03-02", "He said the wall would be “a great wall” soon.", kind="mixed"),
        rec(
            "c#1",
            "Post",
            "2024-03-02",
            "“We will build a great wall along the southern border, and "
            "Mexico will pay for that wall, believe me.”",
        ),  # fmt: skip
    ]
    assert cluster(recs) == [["a#0", "b#3", "c#1"]]


def test_a_partial_quote_never_joins_two_families_together():
    other = "“I will build the greatest wall that you have ever seen, the greatest of all walls.”"
    recs = [
        rec("a#0", "Herald", "2024-03-01", f"“{FIRST}”"),
        rec("d#0", "Post", "2024-03-01", f"“{FIRST}”"),
        rec("e#0", "Sun", "2024-03-05", other),
        rec("f#0", "Times", "2024-03-06", other),
        rec("b#3", "Courier", "2024-03-02", "He promised “a great wall” again.", kind="mixed"),
    ]
    families = cluster(recs)
    assert len(families) == 2
    assert ["e#0", "f#0"] in families


def test_a_partial_quote_given_to_someone_else_does_not_join():
    recs = [
        rec("a#0", "Herald", "2024-03-01", f"“{FIRST}”"),
        rec("d#0", "Post", "2024-03-01", f"“{FIRST}”"),
        rec("b#3", "Courier", "2024-03-02", "She wants “a great wall” too.", "Jeb Bush", "mixed"),
    ]
    assert cluster(recs) == [["a#0", "d#0"]]


def test_a_family_names_its_first_appearance_by_date_and_flags_misattribution():
    recs = [
        rec("late#0", "Post", "2024-03-09T10:00:00", f"“{FIRST}”", "Jeb Bush"),
        rec("early#2", "Herald", "2024-03-09T08:30:00", "“Mexico is going to pay for that wall”"),
        rec("mid#1", "Sun", "2024-03-09T09:00:00", f"“{FIRST}”", "Trump"),
        rec("undated#0", "Blog", None, f"“{FIRST}”", None),
    ]
    (keys,) = cluster(recs)
    fam = describe([r for r in recs if r.key in keys])
    assert fam["first"]["quote_id"] == "early#2"
    assert [m["quote_id"] for m in fam["members"]] == ["early#2", "mid#1", "late#0", "undated#0"]
    assert fam["misattribution"] is True
    assert fam["speakers"] == [{"name": "Donald Trump", "count": 2}, {"name": "Jeb Bush", "count": 1}]
    assert fam["outlets"] == ["Herald", "Sun", "Post", "Blog"]
    assert {m["relation"] for m in fam["members"][1:]} == {"trimmed"}


def test_short_and_full_forms_of_one_name_are_one_speaker():
    assert same_person("Trump", "Donald J. Trump")
    assert not same_person("Bill Clinton", "Hillary Clinton")
    assert not misattributed(["Donald Trump", "Trump", "Republicans", "one official"])
    assert speaker_counts(["Trump", "Donald Trump", None]) == [{"name": "Donald Trump", "count": 2}]


@pytest.mark.parametrize("text", ["“Yes.”", "“so-called”", "“of the people”"])
def test_too_short_or_stopword_only_quotes_are_not_traced(text):
    recs = [rec("a#0", "Herald", "2024-01-01", text), rec("b#0", "Post", "2024-01-02", text)]
    assert cluster(recs) == []


# -- quotations that join two statements (#13) ---------------------------------------------

WORSE = "I would bring back waterboarding, and I would bring back a hell of a lot worse than waterboarding."
FAMILIES = ("And the other thing is with the terrorists, you have to take out their families. They "
            "care about their lives.")  # fmt: skip
STITCHED = ('He has called for "a hell of a lot worse" than waterboarding and has said of terrorists '
            'that "you have to take out their families" in interviews.')  # fmt: skip


def test_a_mixed_quote_joining_two_statements_joins_both_families():
    recs = [
        rec("debate#0", "Herald", "2016-02-06", f"“{WORSE}”"),
        rec("fox#0", "Courier", "2015-12-02", f"“{FAMILIES}”"),
        rec("post#4", "Post", "2016-06-13", STITCHED, None, "mixed"),
    ]
    # Each fragment joins the family of its own utterance; the reporter's sentence does not
    # make one family of the two.
    assert cluster(recs) == [["debate#0", "post#4/1"], ["fox#0", "post#4/2"]]


def test_fragments_with_a_sentence_break_between_them_stay_one_quotation():
    interrupted = rec("nyt#2", "Times", "2016-01-01", "''I cast the correct vote on the war,'' … CNN last "
                      "year. ''On the other hand, Secretary Clinton voted for that war.''", kind="mixed")  # fmt: skip
    assert units(interrupted) == [interrupted]
    joined = rec("post#4", "Post", "2016-06-13", STITCHED, kind="mixed")
    assert [u.key for u in units(joined)] == ["post#4", "post#4/1", "post#4/2"]
    assert [wording(u.kind, u.text) for u in units(joined)[1:]] == [
        "a hell of a lot worse", "you have to take out their families"]  # fmt: skip


def test_a_stretch_of_a_direct_quote_joins_a_quotation_that_goes_on_beyond_it():
    judges = "If she gets to pick her judges, nothing you can do, folks."
    people = "Although the Second Amendment people, maybe there is, I don't know."
    recs = [
        rec("usa#1", "USA Today", "2016-08-10", f"“{judges}” Trump said, adding: “{people}”"),
        rec(
            "bb#2",
            "Breitbart",
            "2016-08-10",
            "“Although the Second Amendment people, maybe there is. I "
            "don't know. But I'll tell you what. That will be a horrible day.”",
        ),  # fmt: skip
        rec("wj#0", "West Journal", "2016-08-11", f"“By the way, {judges.lower()}”"),
    ]
    assert cluster(recs) == [["bb#2", "usa#1", "wj#0"]]


def test_two_quotations_sharing_their_first_quote_name_distinct_families_in_order():
    recs = [
        rec("post#4", "Post", "2015-11-01", STITCHED, None, "mixed"),
        rec("debate#0", "Herald", "2016-02-06", f"“{WORSE}”"),
        rec("fox#0", "Courier", "2015-12-02", f"“{FAMILIES}”"),
    ]
    fams = [describe([r for r in units(recs[0]) + recs[1:] if r.key in keys]) for keys in cluster(recs)]
    assert [f["first"]["quote_id"] for f in fams] == ["post#4", "post#4"]
    assert [f["first"]["text"] for f in fams] == [
        "a hell of a lot worse",
        "you have to take out their families",
    ]


@pytest.mark.parametrize(
    ("partial", "joins"),
    [
        ("a hell of a lot more", False),  # a content word changed
        ("not a great wall along the southern border", False),  # a negation added
        ("a great wall along that southern border", True),  # a function word changed
    ],
)
def test_a_partial_quote_may_change_function_words_only(partial, joins):
    score = same_utterance("mixed", partial, "direct", FIRST + " It will be a hell of a lot worse.", True)
    assert (score is not None) is joins


def test_a_possessive_spelled_either_way_is_the_same_partial_quote():
    assert same_utterance("mixed", "becoming ISIS' best recruiter", "direct",
                          "He is becoming ISIS's best recruiter, and that is dangerous.", True)  # fmt: skip


def test_a_sentence_quoted_without_a_speaker_joins_as_a_partial_quote_and_a_scare_quote_does_not():
    remark = "There's a special place in hell for women who don't help each other."
    recs = [
        rec("bb#1", "Breitbart", "2016-02-08", f"“{remark}” … “We are with her.”", "Madeleine Albright"),
        rec("bb#9", "Breitbart", "2016-03-29", f"“{remark.lower()}”", None, "term"),
        rec("cn#2", "CNN", "2016-03-30", "“special place in hell”", None, "term"),
    ]
    assert cluster(recs) == [["bb#1", "bb#9"]]


STITCHED_ARTICLES = [
    ("debate-1", "Herald", "2016-02-06", f"Trump said: “{WORSE}”", [(f"“{WORSE}”", "Donald Trump", "direct", "said")]),
    ("fox-2", "Courier", "2015-12-02", f"Trump said: “{FAMILIES}”", [(f"“{FAMILIES}”", "Donald Trump", "direct", "said")]),
    ("post-3", "Post", "2016-06-13", f"Trump is no ordinary candidate. {STITCHED}",
     [(STITCHED, "Donald Trump", "mixed", None)]),
]  # fmt: skip


def test_the_store_puts_a_quotation_joining_two_statements_in_both_families(tmp_path):
    from quotetrace.store import ArticleMeta
    from quotetrace.store.db import connect
    from quotetrace.store.family_reads import top
    from quotetrace.store.ingest import ingest
    from quotetrace.store.sources import Item
    from test_store_fixtures import make_article

    conn = connect(tmp_path / "q.db", create=True)
    ingest(conn, (Item(where=e, meta=ArticleMeta(e, outlet=o, published=d), article=make_article(t, s))
                  for e, o, d, t, s in STITCHED_ARTICLES))  # fmt: skip
    fams = top(conn, 5)
    texts = sorted([m["text"] for m in f["members"]] for f in fams)
    assert texts == [[FAMILIES, "you have to take out their families"], [WORSE, "a hell of a lot worse"]]
    (stitched,) = {m["quote_id"] for f in fams for m in f["members"] if m["outlet"] == "Post"}
    assert (
        conn.execute("SELECT count(*) FROM family_members WHERE quote_id = ?", (stitched,)).fetchone()[0] == 2
    )
    # Ingesting the articles again adds nothing.
    ingest(conn, (Item(where=e, meta=ArticleMeta(e, outlet=o, published=d), article=make_article(t, s))
                  for e, o, d, t, s in STITCHED_ARTICLES))  # fmt: skip
    assert top(conn, 5) == fams


def test_the_batch_gives_the_store_families_for_a_quotation_joining_two_statements(tmp_path):
    from quotetrace.batch.families import families
    from test_trace_batch import write_batch

    out = tmp_path / "out"
    write_batch(out, [STITCHED_ARTICLES[:1], STITCHED_ARTICLES[1:]])
    fams = families(out, scheduler="sync")
    got = sorted(sorted(m["quote_id"] for m in f["members"]) for f in fams)
    # The store's families (the test above), the stitched quotation in both.
    assert got == [["debate-1#0", "post-3#0"], ["fox-2#0", "post-3#0"]]
    assert sorted(f["id"] for f in fams) == ["debate-1#0", "fox-2#0"]


REMARK = "Although the Second Amendment people, maybe there is, I don't know. That will be a horrible day."


def test_a_short_distinctive_quote_without_a_speaker_joins_the_one_utterance_holding_it():
    recs = [
        rec("a#0", "Herald", "2016-08-09", f"“{REMARK}”", "Donald Trump"),
        rec("b#0", "Post", "2016-08-10", f"“{REMARK}”", "Donald Trump"),
        rec("c#4", "Sun", "2016-08-16", "“Second Amendment people”", None, "term"),
        # A critic quoting the words in marks of her own cites them: no other utterance.
        rec("d#2", "Times", "2016-08-11", "“Your comment about ‘Second Amendment people’ was heard "
            "around the world, and it was heard by your supporters too,”", "Patti Davis"),
        # Two content words ("the southern border", "oh, my God") are too common to tell.
        rec("e#1", "Courier", "2016-08-12", "He said “the Second Amendment” again.", None, "mixed"),
    ]  # fmt: skip
    assert cluster(recs) == [["a#0", "b#0", "c#4"]]


def test_a_set_phrase_in_two_utterances_joins_neither_and_one_quotation_is_not_enough():
    rally = "We are going to defeat radical Islamic terrorism, and we are going to win so much, believe me."
    debate = "Anyone who will not name radical Islamic terrorism is not fit to lead this country."
    slogan = rec("s#1", "Courier", "2016-05-01", "“radical Islamic terrorism”", None, "term")
    recs = [
        rec("a#0", "Herald", "2016-04-01", f"“{rally}”", "Donald Trump"),
        rec("b#0", "Post", "2016-04-02", f"“{rally}”", "Donald Trump"),
        rec("c#0", "Sun", "2016-04-03", f"“{debate}”", "Donald Trump"),
        rec("d#0", "Times", "2016-04-04", f"“{debate}”", "Donald Trump"),
        slogan,
    ]
    assert cluster(recs) == [["a#0", "b#0"], ["c#0", "d#0"]]
    # Held by one quotation only, the words are no repeated utterance: nothing to join.
    assert cluster([recs[0], slogan]) == []
    # Held by one family: it joins (a partial quote holding them elsewhere counts too).
    assert cluster(recs[:2] + [slogan]) == [["a#0", "b#0", "s#1"]]
    other = rec("m#3", "Globe", "2016-04-05", "She refused to say “radical Islamic terrorism” again.",
                "Hillary Clinton", "mixed")  # fmt: skip
    assert cluster(recs[:2] + [slogan, other]) == [["a#0", "b#0"]]
