"""From groups of linked quotations to quote families: the rule the store and the batch share.

``cluster.assemble`` gives groups of quotation keys; a group is a family only when it
spans two articles or more (one article repeating itself is no provenance). Each family
is described once (``cluster.describe``) and named by its first appearance.
``quotetrace.store.families`` keeps them in SQLite, ``quotetrace.batch.families`` writes
them from Parquet with Dask: both go through ``families`` so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from quotetrace.trace.cluster import describe, order_key
from quotetrace.trace.wording import QuoteRec


@dataclass(slots=True)
class Family:
    first: QuoteRec  # the first appearance: by publication date, then time
    members: list[QuoteRec]
    body: dict  # cluster.describe(members): the JSON of the family, without its id


def families(groups: Iterable[list[str]], recs: Mapping[str, QuoteRec]) -> Iterator[Family]:
    """The families among ``groups`` (lists of keys of ``recs``), in the order of the groups."""
    for group in groups:
        members = [recs[k] for k in group]
        if len({m.article for m in members}) < 2:
            continue
        yield Family(min(members, key=order_key), members, describe(members))
