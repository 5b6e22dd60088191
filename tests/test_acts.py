"""Acts and the reported-speech view: what a reader calls reported speech, and how to filter on it."""

from __future__ import annotations

import json

import pytest

from conftest import quote_containing
from quotetrace.cli import main
from quotetrace.extract.lexicon import act_of, cue_acts, cue_lexicon
from quotetrace.records import QUOTE_ACTS, Cue, Quote, SpeakerRef
from quotetrace.speech_view import is_reported_speech, parse_acts, select, view_name

ARTICLE = (
    "Mayor Jane Roe said the bridge would reopen in May after the repairs.\n\n"
    '"We are ready for the storm," Roe said on Tuesday.\n\n'
    "Roe believes the repairs will hold through the winter.\n\n"
    "The council wants to rebuild the old ferry pier next year.\n"
)


def quote(kind: str, text: str, act: str = "speech", speaker: str | None = "Jane Roe",
          type_: str = "person", lemma: str = "say") -> Quote:  # fmt: skip
    ref = SpeakerRef(name=speaker, mention=speaker, start=0, end=1, type=type_) if speaker else None
    cue = Cue(text=lemma, lemma=lemma, start=0, end=1)
    return Quote(id=0, kind=kind, text=text, start=0, end=len(text), cue=cue, speaker=ref, act=act)


def test_every_cue_lemma_has_an_act():
    acts = cue_acts()
    assert set(cue_lexicon()) <= set(acts)
    assert set(acts.values()) == set(QUOTE_ACTS)


@pytest.mark.parametrize(
    ("lemma", "act"),
    [("say", "speech"), ("tweet", "speech"), ("according to", "speech"), ("point out", "speech"),
     ("think", "belief"), ("know", "belief"), ("want", "intention"), ("hope to", "intention"),
     ("decline", "intention"), ("capture", "other"), ("portray", "other"), ("show", "other"),
     ("back", "other"), ("find", "other"), ("determine", "other"), ("lay out", "other"), ("invite", "intention"), ("order", "intention"),
     ("never-heard-of", "speech")],
)  # fmt: skip
def test_act_of(lemma, act):
    assert act_of(lemma) == act


def test_finding_out_is_not_reported_speech(extractor):
    # 'determine' is what an inquiry does, like 'find': PolNeAR counts it, a reader does not
    # call it speech, so the default view leaves it out.
    text = "Detectives are still trying to determine whether the driver had an accomplice."
    article = extractor.extract(text)
    found = [q for q in article.quotes if "accomplice" in q.text]
    assert found and all(q.act == "other" for q in found)


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        (quote("direct", '"We are ready for the storm,"'), True),
        # Words in quotation marks were said, whatever verb of the narration was picked as cue.
        (quote("direct", '"I did not want to hit anybody."', act="other", lemma="portray"), True),
        (quote("direct", '"We will rebuild it, brick by brick."', speaker=None), True),
        (quote("mixed", 'the deal was "a disaster for the town"'), True),
        (quote("indirect", "the bridge would reopen in May"), True),
        (quote("indirect", "the bridge would reopen", type_="unknown"), True),
        (quote("indirect", "the repairs will hold", act="belief", lemma="believe"), False),
        (quote("indirect", "to rebuild the old pier", act="intention", lemma="want"), False),
        (quote("indirect", "the life of a writer and aviator", act="other", lemma="recount"), False),
        # A speech verb with an infinitive is a request or a refusal, not what was said.
        (quote("indirect", "to contact the police tip line", lemma="ask"), False),
        # A document or a work is not a speaker; nor is the columnist's own unresolved "I".
        (quote("indirect", "the wonder of a childhood summer", speaker="biography", type_="unknown"), False),
        (
            quote("indirect", "an executive order on land rules", speaker="court papers", type_="unknown"),
            False,
        ),
        (quote("indirect", "the game is a decent vehicle", speaker="I", type_="unknown"), False),
        # Names and titles in quotation marks, and contents too short to be a statement.
        (quote("direct", '"Selma"', lemma="call"), False),
        (quote("mixed", '"the Liars,"', lemma="call"), False),
        (quote("indirect", "the idea", lemma="denounce"), False),
        (quote("term", '"a disaster for the whole town"'), False),
        (quote("indirect", "the bridge would reopen in May", speaker=None), False),
        # A speech act without a content: the object is the topic or the occasion.
        (quote("indirect", "the loss of Flight 8501", lemma="speak"), False),
        (quote("indirect", "the authorities in Indonesia", lemma="tweet"), False),
        (quote("indirect", "whether the flight had been cleared", lemma="discuss"), True),
        # A paraphrase with quoted words reports what its cue reports.
        (quote("mixed", 'why we ever called that "sport"', act="belief", lemma="wonder"), False),
        (quote("mixed", 'to change route to "avoid bad weather"', lemma="ask"), False),
        # A label line with no one behind it (a credit line, a dateline) is page furniture...
        (
            quote(
                "direct",
                "Aviation Safety Network; ICAO; World Bank.",
                speaker="Source",
                type_="unknown",
                lemma=":",
            ),
            False,
        ),
        # ...but a transcript answer under a speaker's name is speech.
        (quote("direct", "We will hold the line on taxes.", speaker="Mike Pence", lemma=":"), True),
        # A speaker resolved to no one ("a semifinal game in the playoff") is not a speaker.
        (
            quote(
                "indirect",
                "being right about the Buckeyes",
                speaker="semifinal game",
                type_="unknown",
                lemma="boast",
            ),
            False,
        ),
        (
            quote(
                "indirect",
                "the deal would be signed on Friday",
                speaker="Macmillan",
                type_="unknown",
                lemma="announce",
            ),
            True,
        ),
    ],
)
def test_is_reported_speech(q, expected):
    assert is_reported_speech(q) is expected
    assert is_reported_speech(q.to_dict()) is expected, "the store and the web read JSON dicts"
    assert q.is_reported_speech() is expected


def test_views():
    said = quote("indirect", "the bridge would reopen in May")
    believed = quote("indirect", "the repairs will hold this winter", act="belief", lemma="believe")
    depicted = quote("indirect", "the two worlds of the city", act="other", lemma="capture")
    quotes = [said, believed, depicted]
    assert select(quotes, parse_acts("speech")) == [said]
    assert select(quotes, parse_acts("speech,belief")) == [said, believed]
    assert select(quotes, parse_acts("other")) == [depicted]
    assert select(quotes, parse_acts("all")) == quotes
    assert view_name(parse_acts("belief, speech")) == "speech,belief"
    with pytest.raises(ValueError, match="unknown act"):
        parse_acts("speach")


def test_api_keeps_every_attribution(extractor):
    """The Python API returns beliefs and intentions (PolNeAR counts them); only views filter."""
    article = extractor.extract(ARTICLE)
    believed = quote_containing(article, "repairs will hold")
    assert believed.act == "belief" and not believed.is_reported_speech()
    assert quote_containing(article, "bridge would reopen").is_reported_speech()


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_shows_the_reported_speech_view_by_default(tmp_path, capsys, extractor):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path), "--format", "jsonl")
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(is_reported_speech(r) for r in rows)
    assert not any("repairs will hold" in r["text"] for r in rows)

    code, out, err = run(capsys, "extract", str(path), "--format", "jsonl", "--acts", "belief")
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and {r["act"] for r in rows} == {"belief"}

    code, out, _ = run(capsys, "extract", str(path), "--format", "csv", "--acts", "all")
    assert "repairs will hold" in out and "bridge would reopen" in out

    code, out, _ = run(capsys, "extract", str(path), "--format", "json")
    data = json.loads(out)
    assert data["view"] == "speech"
    assert any(q["act"] == "belief" for q in data["quotes"]), "json holds every attribution"


def test_cli_rejects_an_unknown_act_in_one_line(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path), "--acts", "speech,opinion")
    assert code == 2 and not out
    assert err.strip().count("\n") == 0 and "opinion" in err and "Traceback" not in err


def two_quotes():
    from quotetrace.records import Article

    text = "Roe said the bridge would reopen in May. Roe believes the bridge will hold in the storm."
    said = quote("indirect", "the bridge would reopen in May")
    believed = quote("indirect", "the bridge will hold in the storm", act="belief", lemma="believe")
    for q in (said, believed):
        q.start = text.index(q.text)
        q.end = q.fragments[0].end = q.start + len(q.text)
        q.fragments[0].start = q.start
    believed.id = 1
    return Article(text=text, quotes=[said, believed]), said, believed


def test_search_filters_on_the_same_view(tmp_path, capsys):
    """The store keeps every attribution; search shows the reported-speech view unless asked."""
    from quotetrace.store import ArticleMeta, Filters, Store

    article, said, believed = two_quotes()
    path = tmp_path / "q.db"
    with Store.open(path, create=True) as store:
        store.add(article, ArticleMeta("a"))
        assert [h.text for h in store.search("bridge").hits] == ["the bridge would reopen in May"]
        assert store.search("bridge", Filters.parse(acts="all")).total == 2
        assert [h.text for h in store.search("", Filters.parse(acts="belief")).hits] == [believed.text]
        with pytest.raises(Exception, match="--acts: unknown act"):
            Filters.parse(acts="feeling")
    code, out, err = run(capsys, "search", "bridge", "--db", str(path), "--acts", "all", "--format", "jsonl")
    assert code == 0, err
    assert len(out.splitlines()) == 2


def test_article_page_shows_the_same_view(tmp_path):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from quotetrace.store import ArticleMeta, Store
    from quotetrace.web import create_app

    article, said, believed = two_quotes()
    path = tmp_path / "q.db"
    with Store.open(path, create=True) as store:
        ref = store.add(article, ArticleMeta("a"))
    row = '<td class="quote-text">{}</td>'
    with TestClient(create_app(str(path))) as client:
        page = client.get(f"/articles/{ref}").text
        assert row.format(said.text) in page and row.format(believed.text) not in page
        assert "1 other attribution" in page
        page = client.get(f"/articles/{ref}?acts=all").text
        assert row.format(said.text) in page and row.format(believed.text) in page
        assert client.get(f"/articles/{ref}?acts=bogus").status_code == 400


def test_shipped_cue_acts_are_what_the_script_builds(shared_data):
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "train" / "build_cue_acts.py"
    spec = importlib.util.spec_from_file_location("build_cue_acts", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0, "run .venv/bin/python train/build_cue_acts.py"
