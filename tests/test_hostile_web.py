"""Issue #16 on the server: no HTTP 500, every response documented, extraction off the server's
process with a time limit, searches answered while an extraction runs."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from quotetrace.store import Store
from quotetrace.store.write import ArticleMeta
from quotetrace.web import create_app
from test_store_fixtures import CEASEFIRE, OKAFOR_AGAIN, RIVER

EXAMPLE = (Path(__file__).resolve().parents[1] / "examples" / "interview.txt").read_text()
HUGE = "99999999999999999999999"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "quotes.db"
    with Store.open(path, create=True) as s:
        s.add(CEASEFIRE, ArticleMeta("cf", outlet="Harbour Herald", published="2024-03-05"))
        s.add(RIVER, ArticleMeta("river", outlet="The Courier", published="2023-11-20"))
        s.add(OKAFOR_AGAIN, ArticleMeta("again", outlet="Harbour Herald", published="2024-06-01"))
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(str(db)), raise_server_exceptions=False) as c:
        yield c


# --- (5) no HTTP 500 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, status",
    [
        (f"/api/articles/{HUGE}", 404),
        (f"/articles/{HUGE}", 404),
        (f"/api/search?offset={HUGE}", 422),
        (f"/search?offset={HUGE}", 422),
        (f"/articles?offset={HUGE}", 422),
        (f"/api/speakers?limit={HUGE}", 422),
        ("/api/articles/-1", 404),
    ],
)
def test_huge_numbers_are_4xx_not_500(client, url, status):
    r = client.get(url)
    assert r.status_code == status, r.text[:300]


@pytest.mark.parametrize("field", ["text", "title"])
def test_surrogates_in_posted_text_are_422(client, field):
    body = '{"text": "Plain words.", "title": "A title"}'.replace(
        "Plain words." if field == "text" else "A title", "Broken \\ud800 here"
    )
    r = client.post("/api/extract", content=body.encode(), headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert "surrogate" in r.json()["error"]


def test_null_text_and_html_get_a_hint(client):
    r = client.post("/api/extract", json={"text": None, "html": None})
    assert r.status_code == 422
    assert '"text" takes the article as plain text' in r.json()["error"]


def test_openapi_lists_every_error_response(client):
    spec = client.get("/openapi.json").json()
    for path, item in spec["paths"].items():
        if not path.startswith("/api/"):
            continue
        for operation in item.values():
            assert {"400", "404", "413", "422", "503"} <= set(operation["responses"]), path


# --- the worker pool -------------------------------------------------------------------------


def test_an_article_over_the_time_limit_is_a_clear_422(db):
    with TestClient(create_app(str(db), time_limit=0.5)) as c:
        assert c.post("/api/extract", json={"text": "Warm up."}).status_code == 200
        # ~140 KB, ~22,000 words: well over half a second however fast the machine (20 copies
        # finished within the limit once extraction got faster).
        r = c.post("/api/extract", json={"text": "\n\n".join([EXAMPLE] * 100)})
        assert r.status_code == 422 and "limit for one article" in r.json()["error"]
        # The killed worker is replaced: the next article is analysed.
        r = c.post("/api/extract", json={"text": '"We stay," Lina Haddad said.'})
        assert r.status_code == 200 and r.json()["quotes"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_search_answers_within_a_second_while_a_100kb_article_is_analysed(db):
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline
        time.sleep(0.02)
    base = f"http://127.0.0.1:{port}"
    article = "\n\n".join([EXAMPLE] * (100_000 // len(EXAMPLE) + 1))
    assert len(article.encode()) >= 100_000
    try:
        with httpx.Client(base_url=base, timeout=120) as c:
            assert c.post("/api/extract", json={"text": "Warm up."}).status_code == 200
            done: dict[str, float] = {}

            def extract() -> None:
                started = time.monotonic()
                done["status"] = c.post("/api/extract", json={"text": article}).status_code
                done["seconds"] = time.monotonic() - started

            worker = threading.Thread(target=extract)
            worker.start()
            time.sleep(0.5)
            latencies = []
            for _ in range(5):
                started = time.monotonic()
                r = httpx.get(f"{base}/api/search", params={"q": "ceasefire"}, timeout=30)
                latencies.append(time.monotonic() - started)
                assert r.status_code == 200
                time.sleep(0.1)
            in_flight = "status" not in done
            worker.join(120)
        assert in_flight, "the extraction finished before the searches: not a test of anything"
        assert done["status"] == 200
        assert max(latencies) < 1.0, latencies
    finally:
        server.should_exit = True
        thread.join(15)


def test_serve_checks_its_pool_options(capsys):
    from quotetrace.cli import main

    assert main(["serve", "--extract-workers", "-1"]) == 2
    assert "--extract-workers must be 0 or more" in capsys.readouterr().err
