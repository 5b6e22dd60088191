"""Tables and CSV show a two-fragment quote as its fragments, not with the narration between them."""

from __future__ import annotations

import csv
import io
import json

from quotetrace.cli import main
from quotetrace.cli.extract import emit
from quotetrace.store import ArticleMeta, Store
from test_fragments_fixtures import FIRST, NARRATION, SECOND, SHOWN, two_fragment_article

KINDS = {"direct", "mixed", "indirect", "term"}


def _table(article) -> str:
    out = io.StringIO()  # not a terminal: one plain line a row, every cell whole
    emit(article, "table", KINDS, out)
    return out.getvalue()


def test_extract_table_shows_the_fragments_joined():
    out = _table(two_fragment_article())
    assert SHOWN in out
    assert NARRATION not in out


def test_extract_speakers_table_counts_only_fragment_words():
    rows = [line.split() for line in _table(two_fragment_article()).splitlines()]
    lopez = next(r for r in rows if r[:2] == ["Ana", "Lopez"])
    assert lopez[2:4] == ["1", "8"]  # one quote, 2 + 6 words; "Mayor ... said on Tuesday" is not hers


def test_extract_csv_keeps_its_columns_and_adds_the_fragments_last():
    out = io.StringIO()
    emit(two_fragment_article(), "csv", KINDS, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0])[-2:] == ["text", "fragments"]
    article = two_fragment_article()
    assert rows[0]["text"] == article.quotes[0].text  # the whole extent, as start/end say
    fragments = json.loads(rows[0]["fragments"])
    assert [f["text"] for f in fragments] == [FIRST, SECOND]
    assert all(article.text[f["start"] : f["end"]] == f["text"] for f in fragments)
    assert len(json.loads(rows[1]["fragments"])) == 1


def test_extract_json_keeps_the_contract():
    out = io.StringIO()
    emit(two_fragment_article(), "json", KINDS, out)
    quote = json.loads(out.getvalue())["quotes"][0]
    assert quote["text"] == two_fragment_article().quotes[0].text
    assert [f["text"] for f in quote["fragments"]] == [FIRST, SECOND]


def test_frame_table_shows_the_fragments_joined(tmp_path, capsys):
    path = tmp_path / "article.json"
    path.write_text(two_fragment_article(frame=True).to_json(), encoding="utf-8")
    assert main(["frame", str(path)]) == 0
    out = capsys.readouterr().out
    assert SHOWN in out
    assert NARRATION not in out


def test_search_table_and_csv_show_the_fragments(tmp_path, capsys):
    db = tmp_path / "q.db"
    with Store.open(db, create=True) as s:
        s.add(two_fragment_article(frame=True), ArticleMeta("storm"))
    assert main(["search", "horrifying", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "**horrifying**" in out and SECOND in out and NARRATION not in out
    assert main(["search", "horrifying", "--db", str(db), "--format", "csv"]) == 0
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert row["text"] == SHOWN
    assert [f["text"] for f in json.loads(row["fragments"])] == [FIRST, SECOND]
