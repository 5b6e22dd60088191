"""Each member of a quote family against the source it quotes (a transcript, a speech).

``quotetrace trace TEXT --source transcript.txt`` aligns every member's words with the
verifier (``quotetrace.verify``, the aligner of ``quotetrace verify``) and adds a
``source`` object to each MEMBER, the first appearance included:
``{"status", "score", "source", "source_text", "source_start", "source_end",
"source_speaker", "speaker_consistent", "diff"}``. ``status`` is one of
``verify.STATUSES``: verbatim, edited, altered, stitched, paraphrase_supported (an
indirect member that a source sentence supports), not_found or not_checked; ``diff`` is
the verifier's word diff of the member against the source (``{"op", "source", "quote",
"kind"}``).
So a family shows both how each outlet changed the first printing and how each one
differs from what was actually said. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from quotetrace.records import Quote, SpeakerRef
from quotetrace.verify import STATUSES, Source, Verification, verify_quotes

_RANK = {status: rank for rank, status in enumerate(STATUSES)}


def add_sources(families: list[dict], sources: list[Source], kinds: Mapping[Any, str]) -> None:
    """Give every member of ``families`` (and each ``first``) its ``source`` object, in place.
    ``kinds`` maps a member's ``quote_id`` to its kind; an indirect member is checked as a
    paraphrase, any other by its quoted words (``text``, fragments joined by "…")."""
    members = [m for fam in families for m in fam["members"]]
    quotes = [_quote(n, m, kinds.get(m["quote_id"], "direct")) for n, m in enumerate(members)]
    worst: dict[int, Verification] = {}
    for v in verify_quotes(quotes, sources):
        if v.quote_id not in worst or _RANK[v.status] > _RANK[worst[v.quote_id].status]:
            worst[v.quote_id] = v
    for n, m in enumerate(members):
        m["source"] = source_json(_joined(worst[n]))
    for fam in families:  # ``first`` is a copy of the first member
        first = (fam["first"]["quote_id"], fam["first"]["text"])
        same = (m for m in fam["members"] if (m["quote_id"], m["text"]) == first)
        fam["first"]["source"] = next(same)["source"]


def _quote(n: int, member: dict, kind: str) -> Quote:
    text = member["text"]
    speaker = member.get("speaker")
    ref = SpeakerRef(name=speaker, mention=speaker, start=0, end=0) if speaker else None
    return Quote(id=n, kind="indirect" if kind == "indirect" else "direct", text=text,
                 start=0, end=len(text), speaker=ref)  # fmt: skip


def _joined(v: Verification) -> Verification:
    """A member's words are the quoted stretches joined by " … " (a quotation interrupted by
    its attribution, “A,” she said. “B.”): when the source has them side by side, that "…"
    left nothing out, and the member is verbatim, not edited."""
    if v.status == "edited" and v.changes and all(
        c.kind == "ellipsis" and not c.source.strip() for c in v.changes
    ):
        v.status = "verbatim"
    return v


def source_json(v: Verification) -> dict:
    return {
        "status": v.status,
        "score": round(v.score, 3),
        "source": v.source,
        "source_text": v.source_text,
        "source_start": v.source_start,
        "source_end": v.source_end,
        "source_speaker": v.source_speaker,
        "speaker_consistent": v.speaker_consistent,
        "diff": [asdict(op) for op in v.diff],
    }
