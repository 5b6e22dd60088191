"""Train the learned gate for reported speech without quotation marks.

The rules find every cue-verb candidate with a content extent; this model decides
which of them PolNeAR's annotators would call an attribution. It is a logistic
regression over sparse features (``quotetrace.extract.gate.features``: lemma, cue
rate, syntax of the verb and its subject, how the content was found, its length).

    .venv/bin/python train/train_indirect_gate.py            # ~5 min on 2 cores

1. parse PolNeAR *train* and collect every candidate, labelled positive when the
   candidate's verb lies in a gold Cue whose Content overlaps the candidate's;
2. fit scikit-learn's LogisticRegression (lbfgs: deterministic for the same data);
3. pick the probability threshold by content partial F1 on PolNeAR *dev*;
4. write src/quotetrace/data/indirect_gate.json (weights, threshold, provenance).
scikit-learn is a training-time dependency only (it comes with the dev extras via
textacy); inference is a dot product in quotetrace.extract.gate.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "quotetrace" / "data" / "indirect_gate.json"
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
SEED = 13


def collect(split: Path, extractor, limit: int | None = None):
    """(features, label) for every indirect candidate in a split."""
    from quotetrace.evaluate.metrics import TokenIndex
    from quotetrace.evaluate.polnear import load_split
    from quotetrace.extract.gate import features

    articles = load_split(split, limit)
    rows: list[tuple[dict[str, float], int]] = []
    seen: list = []

    def recording_gate(cue, draft):
        seen.append((cue, draft, features(cue, draft)))
        return None

    extractor.gate = recording_gate
    for article, _ in zip(articles, extractor.pipe(a.text for a in articles), strict=True):
        index = TokenIndex(article.text)
        gold = [(g.cue, index.tokens_of(g.content)) for g in article.gold if g.cue]
        for cue, draft, feats in seen:
            content = index.tokens_of(((draft.start, draft.end),))
            head = cue.head.idx
            label = any(
                any(s <= head < e for s, e in cue_ranges) and content & gold_tokens
                for cue_ranges, gold_tokens in gold
            )
            rows.append((feats, int(label)))
        seen.clear()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--limit", type=int, help="articles per split (quick runs)")
    ap.add_argument("--C", type=float, default=0.5, help="inverse L2 regularisation strength")
    args = ap.parse_args()

    import sklearn
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from quotetrace.evaluate.systems import evaluate_split
    from quotetrace.extract import Extractor
    from quotetrace.extract.gate import LearnedGate, rule_gate

    started = time.time()
    extractor = Extractor()
    rows = collect(args.polnear / "train", extractor, args.limit)
    print(f"train candidates: {len(rows)} ({sum(y for _, y in rows)} positive), {time.time() - started:.0f}s")
    vectorizer = DictVectorizer()
    X = vectorizer.fit_transform([f for f, _ in rows])
    y = [label for _, label in rows]
    model = LogisticRegression(C=args.C, solver="lbfgs", max_iter=5000, random_state=SEED)
    model.fit(X, y)
    weights = {
        name: round(float(w), 5)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= 1e-4
    }
    weights["bias"] = round(weights.get("bias", 0.0) + float(model.intercept_[0]), 5)

    extractor.gate = rule_gate
    dev = args.polnear / "dev"
    baseline = evaluate_split(dev, extractor, args.limit)["content_partial"]
    print(f"dev rules: content partial F1 {baseline['f1']:.4f}")
    best = None
    for threshold in THRESHOLDS:
        extractor.gate = LearnedGate({"weights": weights, "threshold": threshold})
        score = evaluate_split(dev, extractor, args.limit)["content_partial"]
        print(f"dev learned @ {threshold:.2f}: content partial F1 {score['f1']:.4f}")
        if best is None or score["f1"] > best[1]["f1"]:
            best = (threshold, score)
    threshold, score = best
    model_file = {
        "about": "Logistic-regression gate for unquoted attributions; built by train/train_indirect_gate.py "
        "from PolNeAR v1.0.0 train (threshold chosen on dev).",
        "sklearn": sklearn.__version__,
        "C": args.C,
        "seed": SEED,
        "train_candidates": len(rows),
        "train_positive": int(sum(y)),
        "threshold": threshold,
        "dev_content_partial_f1": {"rules": round(baseline["f1"], 4), "learned": round(score["f1"], 4)},
        "weights": dict(sorted(weights.items())),
    }
    if score["f1"] <= baseline["f1"]:
        print("the learned gate does not beat the rules on dev: not writing it")
        return
    OUT.write_text(json.dumps(model_file, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(weights)} weights, threshold {threshold}) in {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()
