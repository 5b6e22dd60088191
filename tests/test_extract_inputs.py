"""``quotetrace extract`` as a user meets it: readable tables, many inputs, web addresses, metadata.

Extraction itself is stood in for by the spaCy-free FakeExtractor: these tests
are about inputs and output, and stay fast.
"""

from __future__ import annotations

import csv
import gzip
import http.server
import importlib
import io
import json
import re
import socket
import threading

import pytest

from quotetrace.cli import main
from quotetrace.cli.extract import emit
from quotetrace.records import Article, Quote, SpeakerRef
from test_store_fixtures import FakeExtractor

LONG_QUOTE = "We will " + " ".join(f"rebuild bridge number {i} before the rains" for i in range(12))
ARTICLE = f'Bridges first\n\n"{LONG_QUOTE}," Adaeze Okafor said.\n\n"Not so fast," Daniel Mensah said.\n'
PAGE = """<!doctype html><html><head><title>Bridges first</title>
<meta property="og:site_name" content="HeraldIndia">
<meta name="author" content="Ruth Abebe">
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
<link rel="canonical" href="https://herald.example/bridges-first">
</head><body><article><h1>Bridges first</h1>
<p>"We will rebuild every bridge before the rains," Adaeze Okafor said on Tuesday at the river.</p>
<p>"Not so fast, the money is not there yet," Daniel Mensah said after the meeting ended.</p>
<p>The ministry said the works would start in June and last for two full years.</p>
</article></body></html>"""


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch):
    # The module itself (the package attribute quotetrace.extract is also a function).
    module = importlib.import_module("quotetrace.extract")
    monkeypatch.setattr(module, "get_default_extractor", lambda: FakeExtractor())


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["extract", *argv, "--no-frame"])
    out, err = capsys.readouterr()
    return code, out, err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def long_article() -> Article:
    start = ARTICLE.index('"')
    text = ARTICLE[start : ARTICLE.index('"', start + 1) + 1]
    who = SpeakerRef("Adaeze Okafor", "Okafor", 0, 0)
    quote = Quote(0, "direct", text, start, start + len(text), speaker=who, confidence=0.87)
    return Article(text=ARTICLE, title="Bridges first", quotes=[quote])


def test_pipe_gets_the_whole_quote_and_its_confidence(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, str(path))
    assert code == 0
    assert LONG_QUOTE in out and "…" not in out  # one line, nothing cut
    header = out.splitlines()[2]
    assert header.split() == ["#", "kind", "speaker", "cue", "conf", "quote"]


def test_terminal_table_wraps_the_quote_instead_of_cutting_it(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    screen = Terminal()
    emit(long_article(), "table", {"direct"}, screen)
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in screen.getvalue().splitlines()]
    assert max(len(line) for line in lines) <= 80  # escape codes aside
    words = " ".join(lines).split()
    assert f'"{LONG_QUOTE},"' in " ".join(words) and "…" not in words  # wrapped, whole, in order
    assert "0.87" in words and "Adaeze" in words and "Okafor" in words

    wide = Terminal()
    emit(long_article(), "table", {"direct"}, wide, wide=True)
    assert any(LONG_QUOTE in line for line in wide.getvalue().splitlines())


def test_narrow_terminal_puts_each_quote_under_its_row(monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    article = long_article()
    article.quotes[0].speaker = SpeakerRef("the spokeswoman for the regional water authority", "x", 0, 0)
    screen = Terminal()
    emit(article, "table", {"direct"}, screen)
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line).rstrip() for line in screen.getvalue().splitlines()]
    row = next(i for i, line in enumerate(lines) if line.startswith("0  ·  direct"))
    head = []
    for line in lines[row:]:
        if line.startswith("    "):
            break
        head.append(line)
    assert "the spokeswoman for the regional water authority" in " ".join(head) and "0.87" in head[-1]
    body = []
    for line in lines[row + len(head) :]:
        if not line.startswith("    "):
            break
        body.append(line.strip())
    assert " ".join(body) == f'"{LONG_QUOTE},"' and max(map(len, lines)) <= 60


def test_article_text_is_not_read_as_markup(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    article = long_article()
    article.quotes[0].speaker = SpeakerRef("[bold red]Eve[/]", "Eve", 0, 0)
    screen = Terminal()
    emit(article, "table", {"direct"}, screen)
    assert "[bold red]Eve[/]" in screen.getvalue()


def test_files_folders_and_globs_as_json_lines(tmp_path, capsys):
    (tmp_path / "dir").mkdir()
    for name in ("dir/b.txt", "dir/a.html", "c1.txt", "c2.txt"):
        body = PAGE if name.endswith(".html") else ARTICLE.replace("Bridges", name)
        (tmp_path / name).write_text(body, encoding="utf-8")
    (tmp_path / "dir" / "notes.pdf").write_bytes(b"%PDF")
    code, out, err = run(capsys, str(tmp_path / "dir"), str(tmp_path / "c*.txt"), "--format", "json")
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["source"].rsplit("/", 1)[-1] for line in lines] == ["a.html", "b.txt", "c1.txt", "c2.txt"]
    assert all(
        line["quotes"] and line["text"][line["quotes"][0]["start"] :].startswith('"') for line in lines
    )
    code, out, _ = run(capsys, str(tmp_path / "c*.txt"), "--format", "jsonl-articles")
    assert [json.loads(line)["title"] for line in out.splitlines()] == ["c1.txt first", "c2.txt first"]


def test_one_bad_input_is_reported_and_the_others_still_run(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(capsys, str(tmp_path / "missing.txt"), str(good), "--format", "csv")
    assert code == 1
    assert err.strip().splitlines() == [f"quotetrace extract: {tmp_path / 'missing.txt'}: no such file"]
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {r["source"] for r in rows} == {str(good)}
    code, _, err = run(capsys, str(tmp_path / "nothing-*.txt"), str(good))
    assert code == 1 and "no file matches" in err and "Traceback" not in err


@pytest.fixture(scope="module")
def site():
    class Pages(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's naming)
            body = {"/story.html": PAGE, "/big.html": PAGE + "<p>x</p>" * 1_000_000}.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write((body or "not here").encode())

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_web_address_is_fetched_with_its_metadata(site, capsys):
    code, out, err = run(capsys, f"{site}/story.html", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["title"] == "Bridges first"
    assert data["url"] == "https://herald.example/bridges-first"
    assert (data["outlet"], data["outlet_raw"]) == ("Herald", "HeraldIndia")
    assert data["published"].startswith("2024-05-02") and data["author"] == "Ruth Abebe"
    assert {q["speaker"]["name"] for q in data["quotes"] if q["speaker"]} == {
        "Adaeze Okafor",
        "Daniel Mensah",
    }


@pytest.mark.parametrize(
    "path, message",
    [("/gone.html", "the server answered HTTP 404"), ("/big.html", "over the 5,000,000-byte limit")],
)
def test_fetch_errors_are_one_sentence(site, capsys, path, message):
    code, out, err = run(capsys, site + path)
    assert code == 1 and out == ""
    assert err.strip().startswith(f"quotetrace extract: error: {site}{path}: ")
    assert message in err and len(err.strip().splitlines()) == 1


def test_unreachable_address_is_one_clear_line(capsys):
    with socket.socket() as s:  # a loopback port that nothing listens on once closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, _, err = run(capsys, f"http://127.0.0.1:{port}/story.html")
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "refused the connection" in err and "Traceback" not in err
    code, _, err = run(capsys, "ftp://example.org/story.html")
    assert code == 1 and "only http:// and https://" in err


def test_min_confidence_filters_the_views_not_the_contract(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")  # the fake extractor's quotes have confidence 0.5
    code, out, _ = run(capsys, str(path), "--min-confidence", "0.6")
    assert code == 0 and "no quotations found" in out
    code, out, _ = run(capsys, str(path), "--min-confidence", "0.4", "--format", "jsonl")
    assert len(out.splitlines()) == 2
    code, out, _ = run(capsys, str(path), "--min-confidence", "0.6", "--format", "json")
    assert len(json.loads(out)["quotes"]) == 2
    code, _, err = run(capsys, str(path), "--min-confidence", "2")
    assert code == 2 and "between 0 and 1" in err


# --- corpus files through the readers of quotetrace.ingest --------------------------------


def jsonl_records() -> list[dict]:
    return [
        {"id": "r1", "text": ARTICLE, "title": "Bridges first", "url": "https://herald.example/r1",
         "outlet": "Herald", "published": "2024-05-02"},
        {"id": "r2", "text": ARTICLE.replace("Bridges", "Roads"), "sitename": "Courier", "date": "2024-06-01"},
    ]  # fmt: skip


def write_jsonl(path, records, opener=open) -> None:
    with opener(path, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in records)


def test_a_jsonl_file_gives_one_json_line_per_record_with_its_metadata(tmp_path, capsys):
    path = tmp_path / "feed.jsonl"
    write_jsonl(path, jsonl_records())
    code, out, err = run(capsys, str(path), "--format", "json")
    assert code == 0 and err == ""
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(d["source"], d["id"]) for d in lines] == [(f"{path}:1", "r1"), (f"{path}:2", "r2")]
    first, second = lines
    assert (first["title"], first["url"], first["outlet"], first["published"]) == (
        "Bridges first", "https://herald.example/r1", "Herald", "2024-05-02",
    )  # fmt: skip
    assert (second["title"], second["outlet"], second["published"]) == (
        "Roads first",
        "Courier",
        "2024-06-01",
    )
    assert all(d["quotes"] and d["text"][d["quotes"][0]["start"] :].startswith('"') for d in lines)
    # A corpus of one record is still a corpus: JSON Lines with the source, and csv says where.
    write_jsonl(path, jsonl_records()[:1])
    code, out, _ = run(capsys, str(path), "--format", "json")
    assert code == 0 and len(out.splitlines()) == 1 and json.loads(out)["source"] == f"{path}:1"
    code, out, _ = run(capsys, str(path), "--format", "csv")
    assert code == 0 and {r["source"] for r in csv.DictReader(io.StringIO(out))} == {f"{path}:1"}


def test_a_folder_of_text_and_compressed_json_lines_in_the_readers_order(tmp_path, capsys):
    folder = tmp_path / "mixed"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    write_jsonl(folder / "feed.jsonl.gz", jsonl_records(), opener=gzip.open)
    (folder / "sub" / "z.html").write_text(PAGE, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    code, out, err = run(capsys, str(folder), str(folder / "a.txt"), "--format", "jsonl-articles")
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    gz = folder / "feed.jsonl.gz"
    assert [d["source"] for d in lines] == [  # a.txt given twice is read once
        str(folder / "a.txt"), f"{gz}:1", f"{gz}:2", str(folder / "sub" / "z.html"),
    ]  # fmt: skip
    assert [d.get("id") for d in lines] == [None, "r1", "r2", None]
    assert lines[1]["url"] == "https://herald.example/r1" and lines[3]["author"] == "Ruth Abebe"


def test_a_warc_file_gives_its_html_responses(tmp_path, capsys):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, status in (("https://n.example/a", "200 OK"), ("https://n.example/gone", "404 Not Found")):
            http = StatusAndHeaders(status, [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(PAGE.encode()), http_headers=http
            )
            writer.write_record(record)
    code, out, err = run(capsys, str(path), "--format", "json")
    assert code == 0, err
    (line,) = [json.loads(line) for line in out.splitlines()]
    assert line["source"] == f"{path}#{line['id']}" and line["id"].startswith("urn:uuid:")
    assert (line["url"], line["title"], line["author"]) == (
        "https://n.example/a",
        "Bridges first",
        "Ruth Abebe",
    )


def test_a_bad_record_is_reported_with_its_line_and_the_others_still_come_out(tmp_path, capsys):
    path = tmp_path / "feed.jsonl"
    good = [json.dumps(r) for r in jsonl_records()]
    path.write_text(f'{good[0]}\n{{"id": "broken", "text": \n{{"id": "r9"}}\n{good[1]}\n', encoding="utf-8")
    code, out, err = run(capsys, str(path), "--format", "json")
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["r1", "r2"]
    bad_json, no_text = err.splitlines()
    assert bad_json == (  # the line ends where its value should be: cut off, and said so
        f"quotetrace extract: {path}:2: not a complete JSON object "
        "(the line is cut off or malformed: Expecting value at column 26)"
    )
    assert no_text == (
        f"quotetrace extract: {path}:3: no 'text' field with the article text "
        '(give "text" or "html" as a string)'
    )
    assert "Traceback" not in err
    # One corpus file among other inputs: the same, and an empty one is reported as such.
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    code, out, err = run(capsys, str(empty), str(path), "--format", "json")
    assert code == 1 and len(out.splitlines()) == 2
    assert err.splitlines()[0] == f"quotetrace extract: {empty}: empty file: no articles in it"


def test_a_cut_off_last_line_is_named_as_such_by_extract_and_ingest(tmp_path, capsys):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(jsonl_records()[0]) + '\n{"text": "abc', encoding="utf-8")  # truncated
    message = (
        f"{path}:2: not a complete JSON object "
        "(the line is cut off or malformed: Unterminated string starting at column 10)"
    )
    code, out, err = run(capsys, str(path), "--format", "json")
    assert code == 1 and len(out.splitlines()) == 1
    assert err == f"quotetrace extract: {message}\n"
    code = main(["ingest", str(path), "--db", str(tmp_path / "q.db"), "--quiet"])
    assert code == 1 and capsys.readouterr().err == f"quotetrace ingest: {message}\n"


def stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_json_lines_on_stdin_are_one_article_per_record_as_ingest_reads_them(monkeypatch, capsys):
    stdin(monkeypatch, "".join(json.dumps(r) + "\n" for r in jsonl_records()).encode())
    code, out, err = run(capsys, "-", "--format", "json")
    assert code == 0 and err == ""
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(d["source"], d["id"], d["outlet"]) for d in lines] == [
        ("stdin:1", "r1", "Herald"), ("stdin:2", "r2", "Courier"),
    ]  # fmt: skip
    assert all(d["quotes"] for d in lines)
    # A bad record is reported with its line, as in a .jsonl file, and the others still come out.
    stdin(monkeypatch, (json.dumps(jsonl_records()[0]) + '\n{"id": "r2", "text": "cut').encode())
    code, out, err = run(capsys, "-", "--format", "jsonl-articles")
    assert code == 1 and [json.loads(line)["id"] for line in out.splitlines()] == ["r1"]
    assert err == (
        "quotetrace extract: stdin:2: not a complete JSON object "
        "(the line is cut off or malformed: Unterminated string starting at column 22)\n"
    )


def test_plain_text_on_stdin_is_still_one_article(monkeypatch, capsys, tmp_path):
    stdin(monkeypatch, ARTICLE.encode())
    code, out, err = run(capsys, "-", "--format", "json")
    assert code == 0 and err == ""
    article = json.loads(out)  # one JSON document, not JSON Lines with a "source"
    assert "source" not in article and (article["title"], article["text"]) == ("Bridges first", ARTICLE)
    assert [q["speaker"]["name"] for q in article["quotes"]] == ["Adaeze Okafor", "Daniel Mensah"]
    # Its errors are still the command's error, worded as before.
    stdin(monkeypatch, b"")
    code, out, err = run(capsys, "-")
    assert (code, out, err) == (1, "", "quotetrace extract: error: standard input is empty\n")
