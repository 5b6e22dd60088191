"""Quote provenance across outlets: families of quotations of one utterance.

``cluster(recs)`` groups ``QuoteRec`` records into families and ``describe(members)``
gives a family's first appearance, each member's relation to it (verbatim,
trimmed, edited, altered, stitched, paraphrase) with a word diff, and the
speakers it was attributed to. ``quotetrace.trace.store`` keeps families in the
SQLite store, updated as articles are ingested. See docs/trace.md.
"""

from quotetrace.trace.cluster import describe
from quotetrace.trace.relate import RELATIONS
from quotetrace.trace.stream import cluster
from quotetrace.trace.wording import QuoteRec

__all__ = ["RELATIONS", "QuoteRec", "cluster", "describe"]
