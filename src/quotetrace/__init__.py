"""quotetrace: who said what in a news article, how it was framed, and whether it is faithful."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from quotetrace.records import Article

__all__ = ["Extractor", "extract", "__version__"]


def extract(text: str, title: str | None = None) -> Article:
    """Extract and attribute every quotation in one article.

    ``title`` defaults to the first line of ``text`` when it reads like a headline.
    """
    from quotetrace.extract import get_default_extractor

    return get_default_extractor().extract(text, title=title)


def __getattr__(name: str):
    # Imported lazily so that `import quotetrace` stays cheap (no spaCy load).
    if name == "Extractor":
        from quotetrace.extract import Extractor

        return Extractor
    raise AttributeError(name)
