"""Every page in headless Chromium at a desktop width (1400 px) and a phone's (390 px).

Each page must render without running off the side of the window (long names
wrap), and the API docs must render from the locally served assets. The
screenshots go to tests/artifacts/; with QUOTETRACE_UPDATE_SCREENSHOTS=1 the two
the README shows are also written to docs/img/.
"""

from __future__ import annotations

import os
from urllib.parse import quote

import pytest

from quotetrace.store import Store
from test_web_live import REPO, chromium, server, shoot  # noqa: F401 (pytest fixtures)
from test_web_pages import LONG_NAME, add_all

DOCS_IMG = REPO / "docs" / "img"
WIDTHS = {"desktop": 1400, "phone": 390}
PAGES = {
    "analyse": ("/", "#analyse-button"),
    "articles": ("/articles", ".articles-table"),
    "article": ("/articles/cf", "#article-text mark.q"),
    "search": ("/search?q=deal", "article.hit"),  # a hit by the very long name
    "speakers": ("/speakers", ".speakers-table"),
    "speaker": ("/speakers/Adaeze%20Okafor", "svg.timeline circle.dot"),
    "long-speaker": ("/speakers/" + quote(LONG_NAME), "svg.timeline circle.dot"),
    "docs": ("/docs", ".swagger-ui .info .title"),
    "redoc": ("/redoc", "[role=navigation], .api-content h1"),
}
# ReDoc's bundle links its "powered by" logo from its CDN; offline that one image is missing
# and nothing else: the documentation itself renders from the local bundle.
DECORATION = ("https://cdn.redoc.ly/redoc/logo-mini.svg",)
README_SHOTS = {("speaker", "desktop"): "speaker-page.png", ("article", "phone"): "article-phone.png"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("screens") / "quotes.db"
    with Store.open(path, create=True) as store:
        add_all(store)
    return path


@pytest.fixture(scope="module", params=list(WIDTHS))
def sized(request, chromium):  # noqa: F811
    context = chromium.new_context(viewport={"width": WIDTHS[request.param], "height": 900})
    # The docs pages must not need the network: any request off this host fails the test.
    blocked: list[str] = []
    context.route(
        lambda url: not url.startswith("http://127.0.0.1"),
        lambda route: (route.request.url in DECORATION or blocked.append(route.request.url), route.abort()),
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield request.param, page, blocked
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("name", list(PAGES))
def test_page_fits_the_window(server, sized, name):  # noqa: F811
    width_name, page, blocked = sized
    path, ready = PAGES[name]
    response = page.goto(server + path)
    assert response is not None and response.status == 200
    page.wait_for_selector(ready, state="attached")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{path} is {overflow}px wider than a {WIDTHS[width_name]}px window"
    if name in ("speakers", "long-speaker", "search", "articles"):
        cells_overflowing = page.evaluate(
            """() => [...document.querySelectorAll('.chip, .speaker-title')]
                 .filter(e => e.scrollWidth > e.parentElement.clientWidth + 1).length"""
        )
        assert cells_overflowing == 0, "a speaker name runs out of its cell"
    assert blocked == [], f"{path} tried to load {blocked[:3]}"
    shot = shoot(page, f"{name}-{width_name}.png")
    target = README_SHOTS.get((name, width_name))
    if target and os.environ.get("QUOTETRACE_UPDATE_SCREENSHOTS"):
        DOCS_IMG.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(DOCS_IMG / target), full_page=False)
        assert shot.exists()


@pytest.mark.browser
def test_speaker_chart_is_drawn(server, sized):  # noqa: F811
    _, page, _ = sized
    page.goto(f"{server}/speakers/Adaeze%20Okafor")
    box = page.locator("svg.timeline").bounding_box()
    assert box and box["width"] > 300 and box["height"] > 60
    dots = page.locator("svg.timeline circle.dot")
    assert dots.count() == 5
    assert all(dots.nth(i).bounding_box()["width"] > 4 for i in range(dots.count()))
