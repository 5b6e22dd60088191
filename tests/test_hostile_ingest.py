"""Issue #16, input side: each numbered finding as it was reported, now fixed (no spaCy)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotetrace.cli import main
from quotetrace.errors import InputError
from quotetrace.ingest import bytes_to_document, decode_bytes
from quotetrace.ingest.readers import iter_items
from quotetrace.pipeline import Analyser
from quotetrace.store import Store
from quotetrace.store.write import ArticleMeta, add_article
from test_store_fixtures import FakeExtractor

REPO = Path(__file__).resolve().parents[1]


def good_line(i: int) -> str:
    return json.dumps({"id": f"a{i}", "text": f'"We stay {i}," Lina Haddad said.'})


def fake() -> Analyser:
    return Analyser(extractor=FakeExtractor(), frame=False)


# --- (1) a lone surrogate rejects its own record, never the run ---------------------------


def test_a_surrogate_line_is_one_failure_and_every_other_line_is_stored(tmp_path):
    lines = [good_line(i) for i in range(60)]
    lines.insert(30, '{"id": "bad", "text": "Broken \\ud800 text."}')  # line 31 of 61
    src = tmp_path / "feed.jsonl"
    src.write_text("\n".join(lines) + "\n")
    for _attempt in range(2):  # and a rerun neither fails nor stores twice
        with Store.open(tmp_path / "q.db", create=True) as s:
            report = s.ingest([str(src)], analyser=fake())
            assert s.counts()["articles"] == 60
        assert [w for w, _ in report.failed] == [f"{src}:31"]
        assert "unpaired surrogate" in report.failed[0][1]
    assert report.duplicates == 60


def test_surrogates_in_metadata_are_replaced_not_fatal(tmp_path):
    src = tmp_path / "feed.jsonl"
    src.write_text(json.dumps({"id": "x\ud800", "text": '"Yes," Ann Lee said.', "title": "T\udfff"}) + "\n")
    with Store.open(tmp_path / "q.db", create=True) as s:
        report = s.ingest([str(src)], analyser=fake())
    assert report.stored == 1 and not report.failed


def test_batch_reader_reports_the_surrogate_record_alone(tmp_path):
    src = tmp_path / "feed.jsonl"
    src.write_text(good_line(1) + '\n{"text": "\\udc80"}\n' + good_line(2) + "\n")
    found = list(iter_items([str(src)]))
    assert [bool(i.error) for i in found] == [False, True, False]
    assert "unpaired surrogate U+DC80" in found[1].error


# --- (4) encodings ---------------------------------------------------------------------------

SHORT = "« Déjà vu », a déclaré le maire."


@pytest.mark.parametrize("codec", ["utf-8", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be"])
def test_short_western_text_decodes_the_same_in_any_encoding(codec):
    assert decode_bytes(SHORT.encode(codec)) == SHORT  # was cp1257: "déją"


def test_an_explicit_encoding_wins_and_a_wrong_one_is_one_line():
    assert decode_bytes("Zażółć gęślą".encode("cp1250"), encoding="cp1250") == "Zażółć gęślą"
    with pytest.raises(InputError, match="not valid utf-8"):
        decode_bytes("déjà".encode("latin-1"), "x.txt", encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        decode_bytes(b"abc", encoding="no-such-codec")


def test_cyrillic_single_byte_text_is_not_taken_for_cp1252():
    text = "Министр заявил, что переговоры продолжатся в понедельник утром."
    assert decode_bytes(text.encode("cp1251")) == text


def test_utf16_without_bom_is_text_not_binary():  # (8)
    doc = bytes_to_document('"Yes," she said. Nothing more.'.encode("utf-16-le"), "x.txt")
    assert doc.text == '"Yes," she said. Nothing more.'


# --- (6) two ingests of one folder at once ---------------------------------------------------


class OtherRunFirst(FakeExtractor):
    """Stores every article through a second connection just before this run stores it:
    what a concurrent ingest of the same folder does between our check and our insert."""

    def __init__(self, db: Path):
        super().__init__()
        self.db = db

    def pipe(self, docs):
        docs = list(docs)
        articles = list(super().pipe(docs))
        with Store.open(self.db) as other:
            for doc, article in zip(docs, articles, strict=True):
                add_article(other.conn, article, ArticleMeta(id=doc.id))
        return iter(articles)


def test_articles_the_other_run_stored_are_duplicates_not_failures(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"a{i}.txt").write_text(f'"We stay {i}," Lina Haddad said.\n')
    db = tmp_path / "q.db"
    Store.open(db, create=True).close()
    with Store.open(db) as s:
        report = s.ingest([str(folder)], analyser=Analyser(extractor=OtherRunFirst(db), frame=False))
        assert s.counts()["articles"] == 5
    assert (report.stored, report.duplicates, report.failed) == (0, 5, [])


# --- (8) the minor ones ----------------------------------------------------------------------


def test_json_errors_say_column_once(tmp_path):
    src = tmp_path / "feed.jsonl"
    # A raw tab inside the string (the line's own newline is not read as one: see the next test).
    src.write_text('{"text": "a\tb"}\n')
    (item,) = iter_items([str(src)])
    assert "at at" not in item.error and item.error.endswith("Invalid control character at column 12")


def test_a_string_the_line_ends_in_is_a_cut_off_line(tmp_path):
    src = tmp_path / "feed.jsonl"
    src.write_text('{"text": "unterminated\n')  # was "Invalid control character at column 23": the newline
    (item,) = iter_items([str(src)])
    assert item.error == (
        "line 1 is not a complete JSON object "
        "(the line is cut off or malformed: Unterminated string starting at column 10)"
    )


def test_ingest_errors_name_the_path_once(capsys, tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "feed.jsonl").write_text("{not json\n")
    code = main(["ingest", str(tmp_path), "--db", str(tmp_path / "q.db"), "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    for line in err.strip().splitlines():
        where = line.split(": ")[1]
        assert line.count(Path(where).name) == 1, line


def test_ingest_reads_standard_input(tmp_path):
    feed = good_line(1) + "\n" + good_line(2) + "\n"
    db = tmp_path / "q.db"
    code = f"""
import sys
from quotetrace.pipeline import Analyser
from quotetrace.store import Store
from test_store_fixtures import FakeExtractor
with Store.open({str(db)!r}, create=True) as s:
    r = s.ingest(["-"], analyser=Analyser(extractor=FakeExtractor(), frame=False))
    print(r.stored, s.counts()["articles"])
"""
    env_path = f"{REPO / 'src'}:{REPO / 'tests'}"
    out = subprocess.run(
        [sys.executable, "-c", code], input=feed.encode(), capture_output=True,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"}, timeout=60,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr.decode()
    assert out.stdout.decode().split() == ["2", "2"]


def test_batch_over_an_empty_folder_says_so_and_fails(capsys, tmp_path):
    (tmp_path / "in").mkdir()
    code = main(["batch", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code != 0 and "no .txt" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("codec", ["utf-8", "cp1252", "latin-1", "utf-16", "utf-16-le"])
def test_verify_gives_the_same_verdict_for_a_source_in_any_encoding(capsys, tmp_path, codec):  # (4)
    article = tmp_path / "article.txt"
    article.write_bytes('Talks\n\nThe minister said: "Déjà vu, the café." Then she left.\n'.encode(codec))
    source = tmp_path / "source.txt"
    source.write_bytes("MINISTER: Déjà vu, the café. Thank you.\n".encode(codec))
    argv = ["verify", str(article), "--source", str(source), "--quotes", "marks", "--format", "json"]
    assert main(argv) == 0
    result = json.loads(capsys.readouterr().out)["results"][0]
    assert (result["status"], result["source_text"]) == ("verbatim", "Déjà vu, the café")
    # --encoding names the codec outright; a wrong one is a one-line error.
    assert main([*argv, "--encoding", codec]) == 0
    capsys.readouterr()
    if codec != "utf-8":
        assert main([*argv, "--encoding", "utf-8"]) == 1
        assert "not valid utf-8" in capsys.readouterr().err


# --- (7) search arguments ----------------------------------------------------------------------


@pytest.fixture
def small_db(tmp_path):
    src = tmp_path / "feed.jsonl"
    src.write_text(good_line(1) + "\n")
    db = tmp_path / "q.db"
    with Store.open(db, create=True) as s:
        s.ingest([str(src)], analyser=fake())
    return str(db)


def test_search_with_a_non_utf8_argument_is_a_one_line_error(capsys, small_db):
    # Python hands the bytes of a non-UTF-8 argument over as lone surrogates ($'\xff' -> \udcff).
    code = main(["search", "x", "--speaker", "\udcff", "--db", small_db])
    err = capsys.readouterr().err
    assert code == 2 and "--speaker is not valid UTF-8 text (byte 0xff" in err
    assert len(err.strip().splitlines()) == 1


def test_search_takes_a_query_that_starts_with_a_dash(capsys, small_db):
    assert main(["search", "-stay", "--db", small_db, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["query"] == "-stay"
    with pytest.raises(SystemExit):
        main(["search", "stay", "--bogus", "--db", small_db])
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err
    assert main(["search", "--db", small_db]) == 2
    assert "give a QUERY" in capsys.readouterr().err


def test_two_real_ingests_of_one_folder_both_succeed(tmp_path):  # (6), as the audit ran it
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        (folder / f"a{i:02d}.txt").write_text(f'"We stay {i}," Lina Haddad said.\n')
    db = tmp_path / "q.db"
    Store.open(db, create=True).close()
    code = f"""
from quotetrace.pipeline import Analyser
from quotetrace.store import Store
from test_store_fixtures import FakeExtractor
with Store.open({str(db)!r}) as s:
    r = s.ingest([{str(folder)!r}], analyser=Analyser(extractor=FakeExtractor(), frame=False))
print(r.stored, r.duplicates, len(r.failed))
"""
    env = {"PYTHONPATH": f"{REPO / 'src'}:{REPO / 'tests'}", "PATH": "/usr/bin:/bin"}
    procs = [
        subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        results.append([int(x) for x in out.split()])
    assert all(failed == 0 and stored + dup == 40 for stored, dup, failed in results), results
    assert sum(stored for stored, _dup, _failed in results) == 40
    with Store.open(db) as s:
        assert s.counts()["articles"] == 40


@pytest.mark.parametrize("command", ["extract", "ingest", "batch", "frame"])
def test_an_unknown_encoding_is_a_usage_error(capsys, tmp_path, command):
    argv = [command, str(tmp_path), "--encoding", "no-such-codec"]
    if command == "batch":
        argv += ["--out", str(tmp_path / "out")]
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert "unknown encoding 'no-such-codec'" in capsys.readouterr().err
