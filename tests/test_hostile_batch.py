"""Issue #16 in batch: a per-article time limit with a clear failed row (no spaCy)."""

from __future__ import annotations

import time

from quotetrace.batch.limits import TimeLimitExceeded, time_limit
from quotetrace.batch.work import analyse
from quotetrace.ingest import Document
from test_store_fixtures import FakeExtractor


class SlowOnMarker(FakeExtractor):
    """Spins (in Python, as spaCy's components do between windows) on a document saying SLOW."""

    batch_size = 8

    def pipe(self, docs):
        for doc in docs:
            if "SLOW" in doc.text:
                end = time.monotonic() + 30
                while time.monotonic() < end:
                    pass
            yield from super().pipe([doc])


def test_a_slow_article_times_out_alone_and_the_others_are_analysed():
    docs = [Document(text=f'"Fine {i}," Ann Lee said.') for i in range(5)]
    docs[2] = Document(text='"SLOW," Ann Lee said.')
    started = time.monotonic()
    out = analyse(SlowOnMarker(), docs, frame=None, limit=0.4)
    assert time.monotonic() - started < 10  # not the 30 s the slow article would take
    assert isinstance(out[2], str) and "timed out" in out[2] and "--time-limit" in out[2]
    assert all(not isinstance(a, str) for i, a in enumerate(out) if i != 2)


def test_the_limit_leaves_no_stray_exception_behind():
    for _ in range(300):
        try:
            with time_limit(0.0005):
                sum(range(5_000))
        except TimeLimitExceeded:
            pass
    time.sleep(0.05)  # a pending exception would surface here
    with time_limit(5):
        assert sum(range(10)) == 45
