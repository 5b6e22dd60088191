"""search and frame tables: whole speaker names, the cue, nothing cut when piped."""

from __future__ import annotations

import pytest

from quotetrace.cli import main
from quotetrace.store import ArticleMeta, Store
from test_web_pages import LONG, LONG_NAME


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "quotes.db"
    with Store.open(path, create=True) as store:
        store.add(
            LONG,
            ArticleMeta(
                "long", outlet="A Very Long Outlet Name Of The Evening Press", published="2024-02-01"
            ),
        )
    return str(path)


def test_search_shows_whole_names_outlets_and_the_cue(db, capsys):
    assert main(["search", "deal", "--db", db]) == 0
    out = capsys.readouterr().out
    header, _, row = out.splitlines()[:3]
    assert header.split() == ["article#q", "published", "outlet", "speaker", "cue", "kind", "quote"]
    assert LONG_NAME in row and "A Very Long Outlet Name Of The Evening Press" in row
    assert " said " in row and "**deal**" in row and "…" not in out
