"""Quote family pages: /api/trace, the quote-to-family link, and the family page with its
timeline in headless Chromium (Debian's chromium through Playwright, as test_web_live)."""

from __future__ import annotations

import threading
import time

import pytest
import uvicorn
from fastapi.testclient import TestClient

from quotetrace.store import ArticleMeta
from quotetrace.store.db import connect
from quotetrace.store.sources import Item
from quotetrace.web import create_app
from test_store_fixtures import make_article
from test_trace_store import stored
from test_web_live import chromium, free_port, page, shoot  # noqa: F401  (fixtures)

EVIL = "<script>window.__pwned = 1</script> Mexico is going to pay for that wall"
EVIL_TEXT = f"A blog wrote that Trump said: “{EVIL}” at the rally."


def evil_item():
    meta = ArticleMeta("evil-9", outlet="<b>Evil Blog</b>", published="2024-03-04", url="javascript:alert(1)")
    article = make_article(EVIL_TEXT, [(f"“{EVIL}”", "Donald Trump", "direct", "said")])
    return Item(where="evil", meta=meta, article=article)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("trace-web") / "q.db"
    stored(path, [evil_item()]).close()
    return path


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(str(db), extract_workers=0))


def family_id(db) -> int:
    conn = connect(db)
    try:
        return conn.execute("SELECT id FROM families").fetchone()[0]
    finally:
        conn.close()


def test_api_trace_returns_the_cli_contract(client):
    out = client.get("/api/trace", params={"q": "Mexico is going to pay for that wall"}).json()
    assert out["query"] == "Mexico is going to pay for that wall"
    (fam,) = out["families"]
    assert fam["misattribution"] is True and len(fam["members"]) == 5
    assert client.get("/api/trace", params={"top": 1}).json()["families"][0]["id"] == fam["id"]


def test_api_trace_rejects_bad_parameters_with_json_errors(client):
    for params in ({}, {"q": "x", "top": 2}, {"top": 0}, {"q": "   "}):
        r = client.get("/api/trace", params=params)
        assert r.status_code == 422 and "error" in r.json()


def test_every_quote_of_an_article_page_links_to_its_family(client, db):
    page_html = client.get("/articles/1").text
    assert 'href="/trace/quote/1/0"' in page_html
    r = client.get("/trace/quote/1/0", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/trace/{family_id(db)}"
    assert client.get("/trace/quote/1/99").status_code == 404
    assert client.get("/trace/424242").status_code == 404


def test_family_page_escapes_article_text(client, db):
    html = client.get(f"/trace/{family_id(db)}").text
    assert "<script>window.__pwned" not in html and "&lt;script&gt;" in html
    assert "<b>Evil Blog</b>" not in html and "&lt;b&gt;Evil Blog&lt;/b&gt;" in html
    assert "javascript:alert" not in html


@pytest.fixture(scope="module")
def server(db):
    port = free_port()
    config = uvicorn.Config(create_app(str(db), extract_workers=0), host="127.0.0.1", port=port,
                            log_level="warning")  # fmt: skip
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, name="uvicorn-trace-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(15)


@pytest.mark.browser
def test_from_an_article_to_its_quote_family_in_a_browser(server, page):  # noqa: F811 (fixture)
    page.goto(f"{server}/articles/2")
    page.click("a.trace-link")
    page.wait_for_selector("#family")
    assert page.url.startswith(f"{server}/trace/")
    assert page.locator("#misattribution").is_visible()
    # One dot per quotation, one timeline row per outlet, each dot with its tooltip.
    assert page.locator("#timeline circle.dot").count() == 5
    assert page.locator("#timeline text.outlet").count() == 4
    assert "Harbour Herald" in page.locator("#timeline").text_content()
    assert page.locator("#timeline circle.dot-trimmed").count() >= 1
    assert page.locator("tr.member").count() == 5
    assert page.locator("tr.relation-altered del").count() >= 1
    assert page.evaluate("window.__pwned === undefined")
    assert "<script>" in page.locator(".family-members").inner_text()  # shown as text
    shoot(page, "trace-family.png")
    page.fill("input[name=q]", "going to pay for that wall")
    page.click("button[type=submit]")
    page.wait_for_selector("#family-list li a")
    assert page.locator("#family-list li").count() == 1
