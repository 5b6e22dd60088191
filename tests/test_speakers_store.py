"""Speakers across stored articles: surname and full name merge, groups and namesakes stay apart.

Articles are built by hand (no spaCy); the names are invented.
"""

from __future__ import annotations

from quotetrace.store import Filters, Store
from quotetrace.store.speaker_merge import roles_in
from test_store_fixtures import make_article


def typed(article, kind: str = "person"):
    for quote in article.quotes:
        if quote.speaker is not None:
            quote.speaker.type = kind
    return article


def speaker_rows(store):
    return store.conn.execute("SELECT id, name, type FROM speakers ORDER BY id").fetchall()


def quotes_of(store, speaker_id: int) -> int:
    return store.conn.execute("SELECT count(*) FROM quotes WHERE speaker_id = ?", (speaker_id,)).fetchone()[0]


def test_full_name_then_surname_is_one_speaker(tmp_path):
    first = typed(make_article('"We will rebuild," Mayor Tom Baker said.', [('"We will rebuild,"', "Tom Baker", "direct", "said", "Mayor Tom Baker")]))  # fmt: skip
    later = typed(make_article('"The money is there," Baker said.', [('"The money is there,"', "Baker", "direct", "said", "Baker")]))  # fmt: skip
    with Store.open(tmp_path / "s.db", create=True) as s:
        s.add(first)
        s.add(later)
        rows = speaker_rows(s)
        assert [r[1] for r in rows] == ["Tom Baker"]
        assert quotes_of(s, rows[0][0]) == 2


def test_surname_then_full_name_is_one_speaker_named_in_full(tmp_path):
    first = typed(
        make_article('"Not yet," Okonjo said.', [('"Not yet,"', "Okonjo", "direct", "said", "Okonjo")])
    )
    later = typed(make_article('"Now," Paula Okonjo said.', [('"Now,"', "Paula Okonjo", "direct", "said", "Paula Okonjo")]))  # fmt: skip
    with Store.open(tmp_path / "s.db", create=True) as s:
        s.add(first)
        s.add(later)
        rows = speaker_rows(s)
        assert [r[1] for r in rows] == ["Paula Okonjo"]
        assert quotes_of(s, rows[0][0]) == 2


def test_a_surname_shared_by_two_stored_people_is_not_guessed(tmp_path):
    one = typed(make_article('"A," Tom Baker said.', [('"A,"', "Tom Baker", "direct", "said", "Tom Baker")]))
    two = typed(make_article('"B," Ann Baker said.', [('"B,"', "Ann Baker", "direct", "said", "Ann Baker")]))
    lone = typed(make_article('"C," Baker said.', [('"C,"', "Baker", "direct", "said", "Baker")]))
    with Store.open(tmp_path / "s.db", create=True) as s:
        for article in (one, two, lone):
            s.add(article)
        assert sorted(r[1] for r in speaker_rows(s)) == ["Ann Baker", "Baker", "Tom Baker"]


def test_generic_groups_are_not_merged_across_articles(tmp_path):
    one = typed(make_article("Officials said the road was closed.", [("the road was closed", "officials", "indirect", "said", "Officials")]), "group")  # fmt: skip
    two = typed(make_article("Officials said the school would open.", [("the school would open", "officials", "indirect", "said", "Officials")]), "group")  # fmt: skip
    with Store.open(tmp_path / "s.db", create=True) as s:
        s.add(one)
        s.add(two)
        rows = speaker_rows(s)
        assert [r[1] for r in rows] == ["officials", "officials"]
        assert {r[2] for r in rows} == {"group"}
        assert s.search("", Filters.parse(speaker="officials")).total == 2  # still found by name


def test_namesakes_with_different_roles_stay_apart(tmp_path):
    mayor = typed(make_article('"Taxes stay," Mayor Tom Baker said.', [('"Taxes stay,"', "Tom Baker", "direct", "said", "Mayor Tom Baker")]))  # fmt: skip
    actor = typed(make_article('"I loved the role," said Tom Baker, the actor.', [('"I loved the role,"', "Tom Baker", "direct", "said", "Tom Baker, the actor")]))  # fmt: skip
    again = typed(make_article('"Budget is tight," said the mayor, Tom Baker.', [('"Budget is tight,"', "Tom Baker", "direct", "said", "the mayor, Tom Baker")]))  # fmt: skip
    with Store.open(tmp_path / "s.db", create=True) as s:
        for article in (mayor, actor, again):
            s.add(article)
        rows = speaker_rows(s)
        assert [r[1] for r in rows] == ["Tom Baker", "Tom Baker"]
        assert quotes_of(s, rows[0][0]) == 2  # the mayor, twice
        assert quotes_of(s, rows[1][0]) == 1  # the actor


def test_roles_come_from_the_mention_without_generic_words():
    assert roles_in("Springfield Mayor Tom Baker") == {"mayor"}
    assert roles_in("Tom Baker, the former actor") == {"actor"}
    assert roles_in("Tom Baker") == set()
