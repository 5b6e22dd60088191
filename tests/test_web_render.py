"""render.py: article HTML built from offsets, escaped, well-formed whatever the spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrace.records import Article, Cue, Frame, Quote, Speaker, SpeakerRef
from quotetrace.web.render import (
    SPEAKER_PALETTE,
    article_fragment,
    mark_matches,
    speaker_colour,
    speaker_colours,
    standalone_html,
)
from test_store_fixtures import CEASEFIRE, RIVER, make_article, with_marker
from test_web_html import executable_parts, inspect

HOSTILE = make_article(
    '<script>window.__xss=1</script> "<img src=x onerror=window.__xss=2>," said '
    '</mark><b onmouseover=alert(1)>Eve "Quote" Smith. \'"><svg/onload=alert(3)>',
    [('"<img src=x onerror=window.__xss=2>,"', '"><script>alert(4)</script>', "direct", "said",
      "</mark><b onmouseover=alert(1)>Eve")],
    title="<script>alert(5)</script>",
    frame='x" onmouseover="alert(6)',
    headline_check={"status": "<b onclick=alert(7)>supported</b>",
                    "supporting_quotes": [{"id": 0, "text": "<script>alert(8)</script>"}]},
)  # fmt: skip


def text_of(fragment) -> str:
    return "".join(inspect(str(fragment)).text)


def test_fragment_marks_every_quote_and_cue():
    html = str(article_fragment(CEASEFIRE))
    parsed = inspect(html)
    assert not parsed.errors and not parsed.stack
    assert text_of(html) == CEASEFIRE.text
    marks = [a for t, a in parsed.elements if t == "mark"]
    assert [m["data-quote"] for m in marks] == ["0", "1", "2"]
    assert [m["id"] for m in marks] == ["q-0", "q-1", "q-2"]
    assert marks[0]["class"] == "q q-direct" and marks[1]["class"] == "q q-indirect"
    assert marks[0]["data-speaker"] == "Lina Haddad"
    assert speaker_colour("Lina Haddad") in marks[0]["style"] or "--c:#" in marks[0]["style"]
    cues = [a for t, a in parsed.elements if t == "span" and "cue" in a.get("class", "")]
    assert [c["class"] for c in cues] == ["cue cue-neutral"] * 3
    headline = [a for t, a in parsed.elements if a.get("class") == "headline"]
    assert len(headline) == 1


def test_nested_and_overlapping_spans_stay_well_formed():
    text = 'He said the plan "was never about money" and "never about votes" today.'
    article = make_article(text, [
        ('the plan "was never about money" and "never', "Ann Lee", "mixed", "said"),
        ('"was never about money"', None, "term", None),
        ('"never about votes" today', "Bo Kim", "direct", "said"),  # overlaps the first
    ])  # fmt: skip
    article = with_marker(article, "hedge", 'about money" and')  # crosses a quote's end
    html = str(article_fragment(article))
    parsed = inspect(html)
    assert not parsed.errors and not parsed.stack
    assert text_of(html) == text
    # A span split to keep the nesting keeps its id on the first piece only.
    ids = [a["id"] for t, a in parsed.elements if t == "mark" and "id" in a]
    assert sorted(ids) == ["q-0", "q-1", "q-2"]
    pieces = [a for t, a in parsed.elements if t == "mark" and a["data-quote"] == "2"]
    assert len(pieces) == 2


def test_invalid_offsets_are_skipped_not_fatal():
    article = Article(text="short text", quotes=[
        Quote(0, "direct", "x", 5, 500), Quote(1, "direct", "x", -3, 2),
        Quote(2, "direct", "t", 6, 6),
        Quote(3, "direct", "text", 6, 10, cue=Cue("s", "s", 99, 100)),
    ])  # fmt: skip
    html = str(article_fragment(article))
    assert text_of(html) == "short text"
    assert html.count("<mark") == 1


spans = st.tuples(st.integers(0, 60), st.integers(0, 60), st.sampled_from(["direct", "term", "mixed"]))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='ab <>&"\n\'', min_size=1, max_size=60), st.lists(spans, max_size=8),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=4))  # fmt: skip
def test_any_spans_give_well_formed_html_with_the_exact_text(text, quote_spans, cue_spans):
    quotes = []
    for i, (a, b, kind) in enumerate(quote_spans):
        start, end = min(a, b), max(a, b)
        cue = None
        if cue_spans:
            c, d = cue_spans[i % len(cue_spans)]
            cue = Cue("c", "c", min(c, d), max(c, d))
        who = SpeakerRef(f"S{i % 3}", "m", 0, 1)
        quotes.append(Quote(i, kind, text[start:end], start, end, cue=cue, speaker=who,
                            frame=Frame("neutral", None, [])))  # fmt: skip
    article = Article(text=text, quotes=quotes, speakers=[Speaker("S0", quotes=1, words=1)])
    html = str(article_fragment(article))
    parsed = inspect(html)
    assert not parsed.errors and not parsed.stack
    assert "".join(parsed.text) == text
    assert executable_parts(html) == []


def test_hostile_text_renders_inert():
    html = str(article_fragment(HOSTILE))
    assert executable_parts(html) == []
    assert "<script" not in html and "<img" not in html and "<svg" not in html
    assert text_of(html) == HOSTILE.text  # shown as written, not interpreted
    page = standalone_html(HOSTILE)
    assert executable_parts(page) == []
    assert "<script" not in page
    parsed = inspect(page)
    assert not parsed.errors


def test_standalone_page_is_self_contained():
    page = standalone_html(with_marker(CEASEFIRE, "hedge", "under fire"))
    parsed = inspect(page)
    assert not parsed.errors and not parsed.stack
    tags = {t for t, _ in parsed.elements}
    assert "style" in tags and "link" not in tags and "script" not in tags
    assert "http://" not in page and "https://" not in page
    assert 'class="q q-direct"' in page and "cue cue-neutral" in page
    assert "marker marker-hedge" in page
    assert "Lina Haddad" in page and "Daniel Mensah" in page
    assert 'class="bar"' in page  # airtime bars
    assert "Headline check" in page and "Legend" in page


def test_speaker_colours_are_deterministic_and_distinct_within_an_article():
    assert speaker_colour("Adaeze Okafor") == speaker_colour("adaeze  okafor")
    assert speaker_colour("Adaeze Okafor") in SPEAKER_PALETTE
    assert speaker_colour(None) not in SPEAKER_PALETTE
    names = [f"Speaker {i}" for i in range(9)]
    article = Article(text="x", speakers=[Speaker(n, quotes=9 - i) for i, n in enumerate(names)])
    colours = speaker_colours(article)
    assert len(set(colours.values())) == 9
    assert colours == speaker_colours(article)
    top = names[0]
    assert colours[top] == speaker_colour(top)  # the most quoted keeps its own colour
    assert speaker_colours(RIVER)["Adaeze Okafor"] != speaker_colours(RIVER)["Daniel Mensah"]


def test_search_matches_are_marked_and_escaped():
    html = str(mark_matches("<b>cease</b>fire ceasefire", [(17, 26), (0, 3), (90, 99)]))
    assert html == (
        '<mark class="hit">&lt;b&gt;</mark>cease&lt;/b&gt;fire <mark class="hit">ceasefire</mark>'
    )
