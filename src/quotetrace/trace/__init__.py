"""Quote provenance across outlets: families of quotations of one utterance.

``stream.cluster(recs)`` groups ``QuoteRec`` records into families and ``describe(members)``
gives a family's first appearance, each member's relation to it (verbatim,
trimmed, edited, altered, stitched, paraphrase) with a word diff, and the
speakers it was attributed to. Pure functions: ``quotetrace.store.families`` keeps
families in the SQLite store, updated as articles are ingested; ``store.family_reads``
reads them back and finds them by a quote's words. See docs/trace.md.

Names are loaded on first use: ``quotetrace trace TEXT`` only reads the store and should
not pay for numpy and datasketch.
"""

from __future__ import annotations

from typing import Any

__all__ = ["RELATIONS", "QuoteRec", "describe"]  # cluster: quotetrace.trace.stream.cluster
_WHERE = {
    "RELATIONS": "quotetrace.trace.relate",
    "QuoteRec": "quotetrace.trace.wording",
    "describe": "quotetrace.trace.families",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'quotetrace.trace' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_WHERE[name]), name)
