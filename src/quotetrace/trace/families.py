"""From groups of linked quotations to quote families: the rule the store and the batch share.

``cluster.assemble`` gives groups of quotation keys; a group is a family only when it
spans two articles or more (one article repeating itself is no provenance). Each family
is described once (``describe``) and named by its first appearance.
``quotetrace.store.families`` keeps them in SQLite, ``quotetrace.batch.families`` writes
them from Parquet with Dask: both go through ``families`` so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import combinations

from quotetrace.text.tokens import name_tokens
from quotetrace.trace.cluster import person_like, same_person
from quotetrace.trace.relate import relation
from quotetrace.trace.wording import QuoteRec, quotation_key, wording


@dataclass(slots=True)
class Family:
    first: QuoteRec  # the first appearance: by publication date, then time
    members: list[QuoteRec]
    body: dict  # describe(members): the JSON of the family, without its id


def families(groups: Iterable[list[str]], recs: Mapping[str, QuoteRec]) -> Iterator[Family]:
    """The families among ``groups`` (lists of keys of ``recs``), in the order of the groups."""
    for group in groups:
        members = [recs[k] for k in group]
        if len({m.article for m in members}) < 2:
            continue
        yield Family(min(members, key=order_key), members, describe(members))


# -- description of one family ---------------------------------------------------------------


def order_key(rec: QuoteRec) -> tuple:
    """First appearance: publication date, then time; undated last; then a stable tie-break."""
    return (rec.published is None, rec.published or "", rec.article, _idx(rec.key), rec.piece)


def _idx(key: str) -> int:
    tail = key.rsplit("#", 1)[-1].split("/", 1)[0]
    return int(tail) if tail.isdigit() else 0


def describe(members: list[QuoteRec]) -> dict:
    """The JSON of one family (without its id): first appearance, members, speakers."""
    members = sorted(members, key=order_key)
    first = members[0]
    first_text = wording(first.kind, first.text)
    out_members = []
    for m in members:
        text = wording(m.kind, m.text)
        if m is first:
            rel, diff = "verbatim", [{"op": "equal", "first": first_text, "text": text}]
        else:
            r = relation(m.kind, text, first.kind, first_text)
            rel, diff = r.relation, r.diff
        out_members.append(member_json(m, text, rel, diff))
    speakers = speaker_counts(m.speaker for m in members)
    return {
        "text": first_text,
        "speakers": speakers,
        "misattribution": misattributed([s["name"] for s in speakers]),
        "outlets": list(dict.fromkeys(m.outlet for m in members if m.outlet)),
        "first": out_members[0],
        "members": out_members,
    }


def member_json(m: QuoteRec, text: str, rel: str, diff: list[dict]) -> dict:
    return {
        # A fragment traced apart (``wording.units``) is its quotation's member: the same id.
        "quote_id": m.quote_id if m.quote_id is not None else quotation_key(m.key),
        "article_id": m.article_id if m.article_id is not None else m.article,
        "outlet": m.outlet,
        "published": m.published,
        "url": m.url,
        "speaker": m.speaker,
        "text": text,
        "relation": rel,
        "diff": diff,
    }


def speaker_counts(names: Iterable[str | None]) -> list[dict]:
    """Attributed speakers, a short form counted with the full name it is part of."""
    counts: dict[str, int] = {}
    for name in names:
        if name:
            counts[name] = counts.get(name, 0) + 1
    merged: dict[str, int] = {}
    for name in sorted(counts, key=lambda n: (-len(name_tokens(n)), n)):
        home = next((m for m in merged if same_person(m, name)), None)
        merged[home or name] = merged.get(home or name, 0) + counts[name]
    return [{"name": n, "count": c} for n, c in sorted(merged.items(), key=lambda x: (-x[1], x[0]))]


def misattributed(names: list[str]) -> bool:
    """Two different people named as the speaker; groups ("Republicans") and descriptions
    ("one person with knowledge of ...") are not names and cannot contradict one."""
    people = [n for n in names if person_like(n)]
    return any(not same_person(a, b) for a, b in combinations(people, 2))
