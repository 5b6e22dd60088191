"""The running server on loopback: 100 concurrent requests, and headless Chromium end to end.

The browser is Debian's ``chromium`` driven by Playwright through its
``executable_path``. When it is missing, ``scripts/install-browser.sh`` is run
once (apt-get; set QUOTETRACE_NO_BROWSER_INSTALL=1 to forbid that); the
browser tests skip, saying why, only where it still cannot be had.
Screenshots go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import uvicorn

from quotetrace.store import ArticleMeta, Store
from quotetrace.web import create_app
from test_store_fixtures import CEASEFIRE, OKAFOR_AGAIN, RIVER
from test_web_render import HOSTILE

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
EXAMPLE = REPO / "examples" / "interview.txt"
CHROMIUM = os.environ.get("QUOTETRACE_CHROMIUM", "/usr/bin/chromium")
# The machine may have no internet: without these Chromium waits on connections at start.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module", autouse=True)
def one_spacy_load(extractor):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("quotetrace.extract.get_default_extractor", lambda: extractor)
        yield


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("live") / "quotes.db"
    with Store.open(path, create=True) as s:
        s.add(CEASEFIRE, ArticleMeta("cf", outlet="Harbour Herald", published="2024-03-05"))
        s.add(RIVER, ArticleMeta("river", outlet="The Courier", published="2023-11-20"))
        s.add(OKAFOR_AGAIN, ArticleMeta("again", outlet="Harbour Herald", published="2024-06-01"))
        s.add(HOSTILE, ArticleMeta("evil", outlet="Evil", url="javascript:alert(9)"))
    return path


@pytest.fixture(scope="module")
def server(db):
    """uvicorn serving the app on 127.0.0.1 in a thread; stopped after the module."""
    port = free_port()
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, name="uvicorn-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(15)


def test_100_concurrent_requests_on_loopback(server, extractor):
    first = httpx.get(f"{server}/api/search", params={"q": "ceasefire"}).json()
    article = first["hits"][0]["article_id"]
    requests = (
        [("GET", "/api/search?q=ceasefire", None)] * 30
        + [("GET", "/search?q=river&speaker=Okafor", None)] * 20
        + [("GET", f"/articles/{article}", None)] * 15
        + [("GET", "/api/speakers", None)] * 10
        + [("GET", "/static/quotetrace.css", None)] * 8
        + [("GET", "/", None)] * 7
        + [("POST", "/api/extract", {"text": '"We will see," Ann Lee said on Monday.'})] * 10
    )
    assert len(requests) == 100

    with httpx.Client(base_url=server, timeout=60, limits=httpx.Limits(max_connections=16)) as c:

        def send(req):
            method, url, body = req
            return c.request(method, url, json=body).status_code

        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=16) as pool:
            codes = Counter(pool.map(send, requests))
        elapsed = time.monotonic() - started
    assert codes == Counter({200: 100}), codes
    assert elapsed < 60


def test_oversized_upload_gets_413_over_the_wire(server):
    big = b'{"text": "' + b"word " * 450_000 + b'"}'
    r = httpx.post(f"{server}/api/extract", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "limit" in r.json()["error"]


# --- headless Chromium ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium():
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed in this environment (pip install playwright)")
    if not Path(CHROMIUM).exists():
        why = "headless Chromium is not installed"
        if os.environ.get("QUOTETRACE_NO_BROWSER_INSTALL"):
            pytest.skip(f"{why} (run scripts/install-browser.sh)")
        done = subprocess.run(
            ["bash", str(REPO / "scripts" / "install-browser.sh")],
            capture_output=True, text=True, timeout=900,
        )  # fmt: skip
        if not Path(CHROMIUM).exists():
            said = (done.stdout + done.stderr).strip().splitlines()[-1:] or ["no output"]
            pytest.skip(f"{why} and scripts/install-browser.sh could not install it: {said[0]}")
    with sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=60_000)
        except PlaywrightError as exc:
            pytest.skip(f"{CHROMIUM} does not start headless: {str(exc).splitlines()[0]}")
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1360, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def shoot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


@pytest.mark.browser
def test_paste_an_article_and_see_its_quotes(server, page):
    page.goto(f"{server}/")
    page.fill("#text", EXAMPLE.read_text(encoding="utf-8"))
    page.click("#analyse-button")
    page.wait_for_selector("#article-text mark.q")

    marks = page.locator("#article-text mark.q")
    assert marks.count() >= 5
    speakers_marked = set(page.eval_on_selector_all(
        "#article-text mark.q[data-speaker]", "els => els.map(e => e.dataset.speaker)"
    ))  # fmt: skip
    assert {"Adaeze Okafor", "Daniel Mensah"} <= speakers_marked
    colour_of = """name => getComputedStyle(document.querySelector(
        `#article-text mark.q[data-speaker="${name}"]`)).borderBottomColor"""
    okafor = page.evaluate(colour_of, "Adaeze Okafor")
    mensah = page.evaluate(colour_of, "Daniel Mensah")
    assert okafor != mensah  # each speaker in their own colour
    assert page.locator("#article-text .cue").count() >= 3

    names = page.locator(".speaker-list .speaker-name").all_inner_texts()
    assert names[0] == "Adaeze Okafor" and "Daniel Mensah" in names
    bar = page.locator(".speaker-list .bar > span").first.bounding_box()
    assert bar and bar["width"] > 50  # the most quoted speaker's airtime bar
    assert page.locator("#headline-check").is_visible()
    assert page.locator("#json-download").get_attribute("download")
    # Article text is shown exactly as written.
    shown = page.inner_text("#article-text")
    assert "nobody asked the fishermen" in shown
    shoot(page, "analyse.png")


@pytest.mark.browser
def test_script_payloads_in_a_pasted_article_do_not_run(server, page):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/")
    page.fill("#text", HOSTILE.text)
    page.select_option("select[name=kind]", "text")
    page.fill("input[name=title]", "<img src=x onerror=alert('title')>")
    page.click("#analyse-button")
    page.wait_for_selector("#article-text")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.evaluate("() => window.__xss") is None
    injected = page.evaluate(
        "() => document.querySelectorAll('#article-text script, #article-text img, "
        "#article-text svg, #article-text b, [onerror], [onload], [onmouseover]').length"
    )
    assert injected == 0
    assert "<script>window.__xss=1</script>" in page.inner_text("#article-text")
    shoot(page, "hostile.png")


@pytest.mark.browser
def test_search_then_read_the_article(server, page):
    page.goto(f"{server}/search?q=ceasefire")
    assert page.locator("article.hit").count() == 4
    assert page.locator(".hit-text mark.hit").first.inner_text().lower() == "ceasefire"
    shoot(page, "search.png")
    page.locator(".hit-link").first.click()
    page.wait_for_url("**/articles/*#q-*")
    target = page.locator("mark.q:target")
    assert target.count() == 1 and "ceasefire" in target.inner_text().lower()
    shoot(page, "article.png")
    page.goto(f"{server}/speakers")
    assert "Adaeze Okafor" in page.locator(".speakers-table").inner_text()
    shoot(page, "speakers.png")
