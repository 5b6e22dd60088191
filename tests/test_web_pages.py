"""The pages a reader browses: offline API docs, the article list, articles by their ingest id,
the speaker page and its chart; long and hostile names stay escaped."""

from __future__ import annotations

import re
import warnings
from urllib.parse import quote

import pytest

with warnings.catch_warnings():  # Starlette 1.x would like httpx2 for its test client
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from quotetrace.store import ArticleMeta, Store
from quotetrace.web import create_app
from quotetrace.web.render import key_values
from test_store_fixtures import CEASEFIRE, OKAFOR_AGAIN, RIVER, make_article
from test_web_html import executable_parts

LONG_NAME = "Her Excellency Dr Maria-Alejandra Fernández-Castellanos de la Torre y Villalobos"
EVIL_NAME = "<script>alert(1)</script> Eve"
LONG = make_article(
    f'Talks resume\n\n"We will not sign a bad deal," {LONG_NAME} said. "Nor a good one," {EVIL_NAME} added.',
    [('"We will not sign a bad deal,"', LONG_NAME, "direct", "said", LONG_NAME),
     ('"Nor a good one,"', EVIL_NAME, "direct", "added", EVIL_NAME)],
    title="Talks resume", frame="neutral",
)  # fmt: skip

# More of Adaeze Okafor over the months, introduced by cues of different classes: the chart's material.
OKAFOR_MORE = [
    (make_article('Delay\n\n"The locks will open late," Adaeze Okafor admitted.',
                  [('"The locks will open late,"', "Adaeze Okafor", "direct", "admitted")],
                  title="Okafor admits delay", frame="admission"), "Wire", "2024-01-15"),
    (make_article('Doubts\n\n"The money is there," Adaeze Okafor claimed.',
                  [('"The money is there,"', "Adaeze Okafor", "direct", "claimed")],
                  title="Funding questioned", frame="doubt"), "The Courier", "2024-04-10"),
    (make_article('Spring\n\n"Boats first," Adaeze Okafor said. "Then the bridge," Okafor said.',
                  [('"Boats first,"', "Adaeze Okafor", "direct", "said"),
                   ('"Then the bridge,"', "Adaeze Okafor", "direct", "said", "Okafor")],
                  title="Okafor sets out the order of works", frame="neutral"), "Harbour Herald", "2024-04-22"),
]  # fmt: skip


def add_all(store: Store) -> None:
    store.add(CEASEFIRE, ArticleMeta("cf", outlet="Harbour Herald", published="2024-03-05"))
    store.add(RIVER, ArticleMeta("river", outlet="The Courier", published="2023-11-20"))
    store.add(OKAFOR_AGAIN, ArticleMeta("again", outlet="Harbour Herald", published="2024-06-01"))
    store.add(LONG, ArticleMeta("long-name", outlet="Wire", published="2024-02-01"))
    for i, (article, outlet, published) in enumerate(OKAFOR_MORE):
        store.add(article, ArticleMeta(f"okafor-{i}", outlet=outlet, published=published))


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "quotes.db"
    with Store.open(path, create=True) as store:
        add_all(store)
    return TestClient(create_app(str(path)))


@pytest.mark.parametrize(
    "page, asset", [("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")]
)
def test_api_docs_load_nothing_from_the_network(client, page, asset):
    html = client.get(page).text
    assert asset in html
    external = re.findall(r"""(?:src|href)=["']?(https?:)?//""", html)
    assert external == [], f"{page} loads from another host"
    for url in re.findall(r"""(?:src|href)=["']([^"']+)""", html):
        assert client.get(url).status_code == 200, url


def test_article_list_newest_first_with_outlet_filter(client):
    html = client.get("/articles").text
    titles = re.findall(r'<a href="/articles/\d+">([^<]+)</a>', html)
    assert titles[0] != "River deal signed" and "River deal signed" in titles
    assert html.index("2024-06-01") < html.index("2024-03-05") < html.index("2023-11-20")
    only = client.get("/articles", params={"outlet": "The Courier"}).text
    assert "River deal signed" in only and "2024-03-05" not in only


def test_article_by_the_id_ingest_reports(client):
    by_name = client.get("/articles/cf")
    assert by_name.status_code == 200
    number = re.search(r"stored article #(\d+)", by_name.text).group(1)
    assert client.get(f"/articles/{number}").text == by_name.text
    assert client.get("/articles/cf.json").json()["text"] == CEASEFIRE.text
    missing = client.get("/articles/no-such-article")
    assert missing.status_code == 404 and "no-such-article" in missing.text
    assert "valid integer" not in missing.text


def test_speaker_page_plots_quotes_by_outlet_and_cue_classes(client):
    r = client.get("/speakers/" + quote("adaeze okafor"))  # any case
    assert r.status_code == 200
    html = r.text
    svg = html[html.index("<svg") : html.index("</svg>")]
    lanes = re.findall(r'class="lane-label"[^>]*>([^<]+)<', svg)
    assert lanes == ["Harbour Herald", "The Courier", "Wire"]
    dots = re.findall(r'<a href="/articles/(\d+)"><circle[^>]* r="([\d.]+)"', svg)
    assert len(dots) == 5  # her five stored articles, one dot each
    assert len({radius for _, radius in dots}) == 2  # the article quoting her twice is larger
    classes = html[html.index('id="cue-classes"') :]
    assert all(c in classes for c in ("admission", "doubt", "neutral", "unclassified"))
    assert "said 4" in classes and "claimed 1" in classes
    assert client.get("/speakers/Nobody%20At%20All").status_code == 404


def test_long_and_hostile_names_are_escaped_and_linked(client):
    html = client.get("/speakers").text
    assert f'href="/speakers/{quote(LONG_NAME)}"' in html
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    page = client.get("/speakers/" + quote(EVIL_NAME, safe=""))
    assert page.status_code == 200 and "<script>alert(1)" not in page.text
    assert executable_parts(page.text) == []


def test_sidebar_shows_no_offsets():
    balance = {
        "article_words": 4, "quoted_share": 0.25,
        "scare_quotes": [{"text": "savings", "start": 0, "end": 10, "kind": "term", "quote_id": 0}],
    }  # fmt: skip
    shown = " ".join(str(v) for _, v in key_values(balance))
    assert "savings" in shown and "25%" in shown and 'href="#q-0"' in shown
    assert "start" not in shown and "end 10" not in shown and "kind" not in shown
