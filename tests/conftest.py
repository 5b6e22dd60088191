from __future__ import annotations

import pytest

from quotetrace.paths import shared_data_dir


@pytest.fixture(scope="session")
def extractor():
    """One spaCy load for the whole test session."""
    from quotetrace.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def parse(extractor):
    """A parse of a text without the quote component, for testing the extract stages alone."""

    def run(text: str):
        with extractor.nlp.select_pipes(disable=["quotetrace_quotes"]):
            return extractor.nlp(text)

    return run


@pytest.fixture(scope="session")
def shared_data():
    path = shared_data_dir()
    if path is None:
        pytest.skip("../shared/data is not beside the checkout (set QUOTETRACE_SHARED_DATA)")
    return path


def quote_containing(article, fragment: str):
    """The quote whose text contains ``fragment``; fails with the list of quotes otherwise."""
    for q in article.quotes:
        if fragment in q.text:
            return q
    found = "\n".join(f"  {q.kind}: {q.text!r}" for q in article.quotes)
    raise AssertionError(f"no quote contains {fragment!r}; found:\n{found}")
