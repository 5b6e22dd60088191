"""Hand-built articles and a spaCy-free extractor shared by the store and web tests.

(No tests here: importable helpers, named to sit with the store tests.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from quotetrace.ingest import Document
from quotetrace.records import Article, Cue, Frame, Marker, Quote, Speaker, SpeakerRef


def make_article(
    text: str,
    specs: Iterable[tuple],
    title: str | None = None,
    frame: str | None = None,
    headline_check: dict | None = None,
) -> Article:
    """``specs``: (quote text, speaker name or None, kind, cue text or None[, mention]).

    Offsets are found in ``text`` so that the record obeys the contract
    (``text[start:end] == quote.text``).
    """
    quotes: list[Quote] = []
    for i, spec in enumerate(specs):
        qtext, speaker, kind, cue_text = spec[:4]
        mention = spec[4] if len(spec) > 4 else (speaker.split()[-1] if speaker else None)
        start = text.index(qtext)
        cue = None
        if cue_text:
            after = text.find(cue_text, start + len(qtext))
            at = after if after >= 0 else text.index(cue_text)
            cue = Cue(cue_text, cue_text.lower(), at, at + len(cue_text))
        ref = None
        if speaker:
            at = text.find(mention)
            ref = SpeakerRef(speaker, mention, max(at, 0), max(at, 0) + len(mention))
        quotes.append(
            Quote(
                id=i, kind=kind, text=qtext, start=start, end=start + len(qtext), cue=cue,
                speaker=ref, confidence=0.9,
                frame=Frame(frame, 0.5, []) if frame else None,
            )
        )  # fmt: skip
    return Article(
        text=text,
        title=title,
        quotes=quotes,
        speakers=speakers_of(quotes),
        headline_check=headline_check,
    )


def speakers_of(quotes: list[Quote]) -> list[Speaker]:
    out: dict[str, Speaker] = {}
    for q in quotes:
        if q.speaker is None or q.kind == "term":
            continue
        s = out.setdefault(q.speaker.name, Speaker(q.speaker.name))
        if q.speaker.mention not in s.aliases:
            s.aliases.append(q.speaker.mention)
        s.quotes += 1
        s.words += len(q.text.split())
    return list(out.values())


CEASEFIRE = make_article(
    "Ceasefire talks stall\n\n"
    '"We will not sign a ceasefire under fire," Foreign Minister Lina Haddad said on Monday. '
    "Haddad added that the ceasefire talks would resume next week.\n\n"
    '"A ceasefire is a ceasefire, not a pause," said Daniel Mensah.',
    [
        ('"We will not sign a ceasefire under fire,"', "Lina Haddad", "direct", "said",
         "Foreign Minister Lina Haddad"),
        ("that the ceasefire talks would resume next week", "Lina Haddad", "indirect", "added",
         "Haddad"),
        ('"A ceasefire is a ceasefire, not a pause,"', "Daniel Mensah", "direct", "said"),
    ],
    title="Ceasefire talks stall",
    frame="neutral",
)  # fmt: skip

RIVER = make_article(
    "River deal signed\n\n"
    '"The river belongs to everyone," Adaeze Okafor said. '
    'She called the deal a "historic" step.\n\n'
    'Opposition spokesman Daniel Mensah said the treaty "ignores the fishermen" entirely.',
    [
        ('"The river belongs to everyone,"', "Adaeze Okafor", "direct", "said"),
        ('"historic"', None, "term", None),
        ('the treaty "ignores the fishermen" entirely', "Daniel Mensah", "mixed", "said"),
    ],
    title="River deal signed",
)  # fmt: skip

# A speaker written differently in another article: merges with "Adaeze Okafor" by name.
OKAFOR_AGAIN = make_article(
    '"We will keep the ceasefire on the river," said ADAEZE  OKÁFOR, the minister.',
    [('"We will keep the ceasefire on the river,"', "ADAEZE  OKÁFOR", "direct", "said",
      "the minister")],
)  # fmt: skip


class FakeExtractor:
    """Stands in for spaCy where extraction is not what a test is about: every
    "quotation" becomes a direct quote, attributed to the Capitalised Name that says it."""

    PATTERN = re.compile(r'"([^"\n]+)"(?:,? (?P<who>[A-Z]\w+(?: [A-Z]\w+)*) said)?')

    def __init__(self):
        self.seen = 0

    def pipe(self, docs: Iterable[Document | str]) -> Iterator[Article]:
        for doc in docs:
            self.seen += 1
            text = doc.text if isinstance(doc, Document) else doc
            if "EXPLODE" in text:
                raise RuntimeError("extractor failure on purpose")
            quotes = []
            for i, m in enumerate(self.PATTERN.finditer(text)):
                who = m.group("who")
                ref = SpeakerRef(who, who, m.start("who"), m.end("who")) if who else None
                quotes.append(Quote(i, "direct", m.group(0)[: m.end(1) - m.start() + 1],
                                    m.start(), m.end(1) + 1, speaker=ref))  # fmt: skip
            title = doc.title if isinstance(doc, Document) else None
            yield Article(text=text, title=title, quotes=quotes, speakers=speakers_of(quotes))


def with_marker(article: Article, kind: str, text: str) -> Article:
    """A copy of ``article`` whose first quote carries a framing marker over ``text``."""
    at = article.text.index(text)
    quote = article.quotes[0]
    frame = quote.frame or Frame("neutral", 0.5, [])
    frame.markers.append(Marker(kind, text, at, at + len(text), "test"))
    quote.frame = frame
    return article
