"""The web app through FastAPI's test client: pages, the JSON API, limits and errors."""

from __future__ import annotations

import json
import warnings
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

with warnings.catch_warnings():  # Starlette 1.x would like httpx2 for its test client
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from quotetrace.errors import InputError
from quotetrace.store import ArticleMeta, Filters, Store
from quotetrace.web import create_app
from test_store_fixtures import CEASEFIRE, OKAFOR_AGAIN, RIVER
from test_web_html import executable_parts, inspect
from test_web_render import HOSTILE

PASTED = (
    "Minister defends river deal\n\n"
    '"The most effective way to keep a river alive is to share it," Adaeze Okafor said on '
    "Tuesday.\n\n"
    '"We will study the text," opposition spokesman Daniel Mensah told reporters.\n'
)


@pytest.fixture(scope="module", autouse=True)
def one_spacy_load(extractor):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("quotetrace.extract.get_default_extractor", lambda: extractor)
        yield


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "quotes.db"
    with Store.open(path, create=True) as s:
        s.add(CEASEFIRE, ArticleMeta("cf", outlet="Harbour Herald", published="2024-03-05"))
        s.add(RIVER, ArticleMeta("river", outlet="The Courier", published="2023-11-20",
                                 url="https://example.org/river"))  # fmt: skip
        s.add(OKAFOR_AGAIN, ArticleMeta("again", outlet="Harbour Herald", published="2024-06-01"))
        s.add(HOSTILE, ArticleMeta("evil", outlet="<i>Evil</i>", url="javascript:alert(9)"))
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(str(db))) as c:
        yield c


@pytest.fixture(scope="module")
def bare():
    """The app without a store: analysing still works."""
    with TestClient(create_app(None)) as c:
        yield c


def article_id(db, ext_id: str) -> int:
    with Store.open(db) as s:
        return s.conn.execute("SELECT id FROM articles WHERE ext_id = ?", (ext_id,)).fetchone()[0]


# --- JSON API ------------------------------------------------------------------------------


def test_api_search_mirrors_the_cli(client, db, capsys):
    r = client.get("/api/search", params={"q": "ceasefire", "speaker": "Haddad"})
    assert r.status_code == 200
    data = r.json()
    assert data["total"] == 2 and {h["speaker"] for h in data["hits"]} == {"Lina Haddad"}
    for hit in data["hits"]:
        assert all(hit["text"][s:e].lower() == "ceasefire" for s, e in hit["matches"])
    from quotetrace.cli import main

    assert main(["search", "ceasefire", "--speaker", "Haddad", "--db", str(db), "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == data


def test_api_search_filters_and_paging(client):
    r = client.get("/api/search", params={"kind": ["direct", "mixed"], "since": "2024"})
    assert r.status_code == 200 and r.json()["total"] == 3
    r = client.get("/api/search", params={"outlet": "the courier", "limit": 1, "offset": 1})
    assert r.json()["total"] == 2 and len(r.json()["hits"]) == 1


def test_api_speakers_and_articles(client, db):
    speakers = client.get("/api/speakers", params={"outlet": "Harbour Herald"}).json()
    assert {s["name"] for s in speakers} == {"Lina Haddad", "Daniel Mensah", "Adaeze Okafor"}
    cf = article_id(db, "cf")
    data = client.get(f"/api/articles/{cf}").json()
    assert data["ext_id"] == "cf" and data["article"] == CEASEFIRE.to_dict()
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["articles"] == 4


def test_api_extract_text_and_html(client):
    r = client.post("/api/extract", json={"text": PASTED})
    assert r.status_code == 200
    data = r.json()
    assert data["text"] == PASTED and data["title"] == "Minister defends river deal"
    speakers = {q["speaker"]["name"] for q in data["quotes"] if q["speaker"]}
    assert {"Adaeze Okafor", "Daniel Mensah"} <= speakers
    for q in data["quotes"]:
        assert data["text"][q["start"] : q["end"]] == q["text"]
    html = "<html><body><article><p>" + PASTED.replace("\n\n", "</p><p>") + "</p></article></body></html>"
    r = client.post("/api/extract", json={"html": html, "title": "Given title", "frame": False})
    assert r.status_code == 200 and r.json()["title"] == "Given title"
    assert all("frame" not in q for q in r.json()["quotes"])


@pytest.mark.parametrize(
    "body, status, message",
    [
        ({}, 422, "exactly one of 'text' or 'html'"),
        ({"text": "a", "html": "<p>b</p>"}, 422, "exactly one"),
        ({"text": 5}, 422, "text"),
        ({"text": "x", "colour": "red"}, 422, "colour"),
        ({"text": "   \n "}, 400, "empty"),
        ({"html": "<html><body></body></html>"}, 400, "no article text"),
    ],
)
def test_api_extract_rejects_bad_input_with_json_4xx(client, body, status, message):
    r = client.post("/api/extract", json=body)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    assert message in r.json()["error"]


JSON = {"content-type": "application/json"}


def test_bad_requests_are_json_4xx_never_500(client):
    cases = [
        client.post("/api/extract", content=b"{not json", headers=JSON),
        client.post("/api/extract", content=b"\xff\xfe\x00", headers=JSON),
        client.post("/api/extract", content=b"text", headers={"content-type": "text/plain"}),
        client.get("/api/search", params={"since": "yesterday"}),
        client.get("/api/search", params={"kind": "quote"}),
        client.get("/api/search", params={"limit": "-1"}),
        client.get("/api/search", params={"limit": "lots"}),
        client.get("/api/articles/123456"),
        client.get("/api/articles/abc"),
        client.get("/api/nothing-here"),
        client.delete("/api/search"),
        client.post("/api/extract", content=b"x", headers={"content-length": "nonsense"}),
    ]  # fmt: skip
    for r in cases:
        assert 400 <= r.status_code < 500, (r.request.url, r.status_code, r.text)
        assert r.headers["content-type"].startswith("application/json"), r.request.url
        assert r.json()["error"]


def test_store_endpoints_without_a_store_say_so(bare):
    r = bare.get("/api/search", params={"q": "x"})
    assert r.status_code == 503 and "--db" in r.json()["error"]
    assert bare.get("/api/health").json() == {"status": "ok", "database": None}


def test_oversized_requests_get_413(client):
    big = json.dumps({"text": "word " * 500_000})  # 2.5 MB
    r = client.post("/api/extract", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "limit" in r.json()["error"]

    def chunks():  # no Content-Length: the limit is counted as the body arrives
        for _ in range(30):
            yield b"x" * 100_000

    r = client.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    r = client.post("/analyse", files={"file": ("big.txt", b"a " * 1_100_000, "text/plain")})
    assert r.status_code == 413 and r.headers["content-type"].startswith("text/html")


def test_openapi_documents_the_api(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/extract", "/api/search", "/api/speakers", "/api/articles/{article_id}"} <= set(
        schema["paths"]
    )
    assert "/search" not in schema["paths"]  # pages are not API
    assert client.get("/docs").status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(max_size=30), speaker=st.text(max_size=12), since=st.text(max_size=10))
def test_arbitrary_search_parameters_never_fail_the_server(client, q, speaker, since):
    for url in ("/api/search", "/search"):
        r = client.get(url, params={"q": q, "speaker": speaker, "since": since})
        assert r.status_code in (200, 400), r.text[:300]


# --- pages ---------------------------------------------------------------------------------


def page_is_safe(html: str) -> None:
    parsed = inspect(html)
    assert not parsed.errors, parsed.errors[:3]
    assert executable_parts(html) == []


def test_home_and_analyse_with_pasted_text(bare):
    home = bare.get("/")
    assert home.status_code == 200 and 'name="text"' in home.text
    r = bare.post("/analyse", data={"text": PASTED})
    assert r.status_code == 200
    page_is_safe(r.text)
    assert 'class="q q-direct"' in r.text
    assert 'data-speaker="Adaeze Okafor"' in r.text and 'data-speaker="Daniel Mensah"' in r.text
    assert 'class="speaker-list"' in r.text and "Headline check" in r.text
    href = next(a["href"] for t, a in inspect(r.text).elements if a.get("id") == "json-download")
    data = json.loads(unquote(href.split(",", 1)[1]))
    assert data["text"] == PASTED and data["quotes"]


def test_analyse_an_uploaded_html_file(bare):
    html = (
        "<html><head><title>Upload test</title></head><body><article><p>"
        + PASTED
        + "</p></article></body></html>"
    )
    r = bare.post(
        "/analyse", files={"file": ("page.html", html.encode(), "text/html")}, data={"kind": "auto"}
    )
    assert r.status_code == 200 and 'class="q ' in r.text
    page_is_safe(r.text)


@pytest.mark.parametrize(
    "data, message",
    [
        ({"text": "  "}, "Paste an article"),
        ({"text": "x", "kind": "pdf"}, "unknown input kind"),
        ({"text": "<html><body></body></html>", "kind": "html"}, "no article text"),
    ],
)
def test_analyse_form_errors_are_shown_on_the_form(bare, data, message):
    r = bare.post("/analyse", data=data)
    assert r.status_code == 400 and message in r.text and 'name="text"' in r.text


def test_search_page_links_hits_to_their_article(client, db):
    r = client.get("/search", params={"q": "ceasefire", "speaker": "Haddad"})
    assert r.status_code == 200
    page_is_safe(r.text)
    assert r.text.count('class="card hit"') == 2
    assert '<mark class="hit">ceasefire</mark>' in r.text
    cf = article_id(db, "cf")
    assert f'href="/articles/{cf}#q-0"' in r.text
    article = client.get(f"/articles/{cf}")
    assert article.status_code == 200 and 'id="q-0"' in article.text
    assert client.get(f"/articles/{cf}.json").json() == CEASEFIRE.to_dict()


def test_search_page_pages_and_filters(client):
    r = client.get("/search")  # nothing typed: every quote, newest first
    assert r.status_code == 200 and "7 quotes" in r.text
    assert r.text.count('class="card hit"') == 7
    assert r.text.index("We will keep the ceasefire") < r.text.index("The river belongs")
    r = client.get("/search", params={"since": "not a date"})
    assert r.status_code == 400 and "not a date" in r.text


def test_pages_without_a_store_explain_how_to_get_one(bare):
    for url in ("/search?q=x", "/speakers"):
        r = bare.get(url)
        assert r.status_code == 200 and "quotetrace serve --db" in r.text


def test_speakers_page(client):
    r = client.get("/speakers", params={"outlet": "Harbour Herald"})
    assert r.status_code == 200
    page_is_safe(r.text)
    assert "Adaeze Okafor" in r.text and "/search?speaker=Adaeze%20Okafor" in r.text


def test_stored_hostile_article_renders_inert(client, db):
    evil = article_id(db, "evil")
    r = client.get(f"/articles/{evil}")
    assert r.status_code == 200
    page_is_safe(r.text)
    assert "javascript:" not in [a.get("href", "") for _, a in inspect(r.text).elements]
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in r.text
    assert "&lt;i&gt;Evil&lt;/i&gt;" in r.text
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    hits = client.get("/search", params={"q": "img onerror"})
    page_is_safe(hits.text)
    assert hits.text.count('class="card hit"') == 1


def test_pasted_hostile_text_renders_inert(bare):
    r = bare.post("/analyse", data={"text": HOSTILE.text, "kind": "text", "title": "<script>x</script>"})
    assert r.status_code == 200
    page_is_safe(r.text)
    assert "&lt;script&gt;" in r.text


def test_unknown_pages_are_404_pages(client):
    r = client.get("/articles/999999")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "no article 999999" in r.text.lower()
    # An article is also found by the id ingest gave it; an unknown one is not there (#15).
    missing = client.get("/articles/not-a-number")
    assert missing.status_code == 404 and "no article not-a-number" in missing.text.lower()


def test_a_missing_database_fails_at_startup(tmp_path):
    with pytest.raises(InputError, match="no such database"):
        create_app(str(tmp_path / "missing.db"))


def test_filters_object_is_what_the_page_uses():
    # The page passes its single kind through Filters.parse; blank means the defaults.
    assert Filters.parse(kinds=[""]).kinds == ("direct", "mixed", "indirect")
