"""Page furniture that survives HTML reduction is dropped before extraction (issue #12, item 3)."""

from __future__ import annotations

from quotetrace.ingest import html_to_document

PAGE = """<!doctype html><html><head><title>Council backs the bridge plan</title></head><body>
<article>
<h1>Council backs the bridge plan</h1>
<p>The city council voted on Tuesday to rebuild the old bridge over the river, ending a debate that had lasted for more than three years and divided the town.</p>
<p>"We have waited long enough for this bridge," said council leader Ana Reyes, who had pushed for the vote since her election.</p>
<p>(RELATED: Ten bridges that changed how we travel)</p>
<p>Read more: Why the old bridge was closed in 2019</p>
<p>Engineers inspect the old bridge before the vote (AP)</p>
<p>Work is due to start in the spring, and the council expects the new bridge to open to traffic within two years of the first works.</p>
<p>- Share this</p>
</article></body></html>"""


def test_teasers_read_more_captions_and_share_bars_are_dropped():
    text = html_to_document(PAGE).text
    assert "We have waited long enough for this bridge" in text
    assert "Work is due to start in the spring" in text
    for furniture in ("RELATED:", "Read more:", "(AP)", "Share this"):
        assert furniture not in text
