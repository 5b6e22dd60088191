"""Airtime: who gets how many words of the article, and how much of it is quoted speech.

Words are counted once even where quotes overlap (a headline quote nested in
nothing, a term inside a mixed quote). "Quoted" words are those inside
quotation marks of direct and mixed quotes: the speaker's own words.
"Paraphrased" words are indirect content and the unquoted part of mixed
quotes: attributed to a speaker but written by the writer, so they count in
``writer_share`` and in the speaker's ``words`` (airtime), not in
``quoted_words``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from itertools import compress

from quotetrace.frame.markers import fragment_spans, verbatim_spans
from quotetrace.records import Airtime, Article, Balance
from quotetrace.text.tokens import WORD

UNATTRIBUTED = "(unattributed)"


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def balance(article: Article, starts: list[int] | None = None) -> Balance:
    """``starts``: the offsets of the text's words, when the caller has them already."""
    text = article.text
    quotes = [q for q in article.quotes if q.kind != "term"]
    names = list(dict.fromkeys(q.speaker.name if q.speaker else UNATTRIBUTED for q in quotes))
    slot = {name: i + 1 for i, name in enumerate(names)}
    if starts is None:
        starts = [m.start() for m in WORD.finditer(text)]
    owner = [0] * len(starts)  # speaker slot per word, 0 = the writer
    verbatim = [False] * len(starts)
    for q in quotes:
        # Fragment by fragment: the narration between them ("she said,") is the writer's.
        for s, e in fragment_spans(q):
            lo, hi = bisect_left(starts, s), bisect_left(starts, e)
            owner[lo:hi] = [slot[q.speaker.name if q.speaker else UNATTRIBUTED]] * (hi - lo)
        for s, e in verbatim_spans(text, q):
            lo, hi = bisect_left(starts, s), bisect_left(starts, e)
            verbatim[lo:hi] = [True] * (hi - lo)
    total = len(starts)
    words = Counter(owner)
    quoted = Counter(compress(owner, verbatim))
    del words[0], quoted[0]  # the writer's own text
    counts = Counter(q.speaker.name if q.speaker else UNATTRIBUTED for q in quotes)
    speakers = [
        Airtime(name, counts[name], words[slot[name]], quoted[slot[name]], _share(words[slot[name]], total))
        for name in names
    ]
    speakers.sort(key=lambda s: (-s.words, s.name))
    quoted_total = sum(quoted.values())
    paraphrased = sum(words.values()) - quoted_total
    return Balance(
        article_words=total,
        quoted_words=quoted_total,
        paraphrased_words=paraphrased,
        quoted_share=_share(quoted_total, total),
        paraphrased_share=_share(paraphrased, total),
        writer_share=_share(total - quoted_total, total),
        speakers=speakers,
    )
