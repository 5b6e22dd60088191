"""Build ``Article`` records by hand for the framing tests, so that they do not depend on the
extractor's current output: quotes, cues and speakers are located by their surface text."""

from __future__ import annotations

from quotetrace.records import Article, Cue, Quote, Speaker, SpeakerRef


class ArticleBuilder:
    def __init__(self, text: str, title: str | None = None):
        self.text = text
        self.title = title
        self.quotes: list[Quote] = []
        self.aliases: dict[str, list[str]] = {}

    def _find(self, needle: str, after: int = 0) -> tuple[int, int]:
        start = self.text.index(needle, after)
        return start, start + len(needle)

    def quote(
        self,
        text: str,
        kind: str = "direct",
        cue: str | None = None,
        lemma: str | None = None,
        speaker: str | None = None,
        mention: str | None = None,
        after: int = 0,
        continuation: bool = False,
    ) -> Quote:
        start, end = self._find(text, after)
        cue_rec = None
        if cue is not None:
            # The first occurrence of the cue near the quote (tests write their texts to suit).
            cs = self.text.index(cue, max(0, start - 150))
            cue_rec = Cue(cue, lemma or cue.lower(), cs, cs + len(cue))
        ref = None
        if speaker is not None:
            mention = mention or speaker
            ms = self.text.find(mention)
            ref = SpeakerRef(speaker, mention, max(ms, 0), max(ms, 0) + len(mention))
            self.aliases.setdefault(speaker, [])
            if mention not in self.aliases[speaker]:
                self.aliases[speaker].append(mention)
        q = Quote(
            id=len(self.quotes), kind=kind, text=text, start=start, end=end,
            cue=cue_rec, speaker=ref, continuation=continuation,
        )  # fmt: skip
        self.quotes.append(q)
        return q

    def term(self, text: str, after: int = 0) -> Quote:
        return self.quote(text, kind="term", after=after)

    def build(self) -> Article:
        quotes = sorted(self.quotes, key=lambda q: q.start)
        for i, q in enumerate(quotes):
            q.id = i
        speakers = [Speaker(name, aliases) for name, aliases in self.aliases.items()]
        return Article(self.text, self.title, quotes, speakers)
