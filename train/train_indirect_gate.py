"""Train the learned gate for reported speech without quotation marks.

The rules find every cue-verb candidate with a content extent; this model decides
which of them PolNeAR's annotators would call an attribution. It is a logistic
regression over sparse features (``quotetrace.extract.gate.features``: lemma, cue
rate, syntax of the verb and its subject, how the content was found, its length).

    .venv/bin/python train/train_indirect_gate.py            # ~6 min on 2 cores

1. parse PolNeAR *train* once and collect every candidate, labelled positive when the
   candidate's verb lies in a gold Cue whose Content overlaps the candidate's;
2. choose the probability threshold by 5-fold cross-validation on train: fit on four
   folds, attribute the fifth, score it end to end with the reference scorer
   (../shared/tools/score_polnear.py: content overlap + content exact + source + cue F1);
3. fit scikit-learn's LogisticRegression (lbfgs: deterministic) on all of train;
4. write src/quotetrace/data/indirect_gate.json (weights, threshold, CV figures).
PolNeAR dev is never read here, so the dev figures in the README stay an honest estimate.
scikit-learn is a training-time dependency only (it comes with the dev extras via
textacy); inference is a dot product in quotetrace.extract.gate.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "quotetrace" / "data" / "indirect_gate.json"
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
FOLDS = 5
SEED = 13


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score_polnear", shared / "tools" / "score_polnear.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parse(articles: dict, nlp, cache: Path | None = None) -> list:
    """(name, parsed Doc) per article; ``cache`` keeps the parses between runs (a DocBin)."""
    from spacy.tokens import DocBin

    names = sorted(articles)
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == [articles[n]["text"] for n in names]:
            return list(zip(names, docs, strict=True))
    with nlp.select_pipes(disable=["quotetrace_quotes"]):
        docs = list(nlp.pipe((articles[n]["text"] for n in names), batch_size=8))
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return list(zip(names, docs, strict=True))


def candidates(doc, cue_finder, gold_atts, scorer, text):
    """(features, label) of every reading of every unquoted candidate of one parsed article.

    A cue's readings (``extract.indirect``) compete: the one whose content is closest to a gold
    Content of a gold attribution with that cue (Jaccard over word tokens) is the positive,
    the others are negatives, so the gate learns boundaries as well as cues.
    """
    from quotetrace.extract.attribution import attribute
    from quotetrace.extract.gate import features

    seen: list = []

    def recording_gate(cue, draft):
        seen.append((cue, draft))
        return None

    attribute(doc, cue_finder, recording_gate)
    toks = scorer.tokenize(text)
    gold = [(g["cue"], scorer.token_set(g["content"], toks)) for g in gold_atts if g["cue"]]
    by_cue: dict[int, list] = {}
    for cue, draft in seen:
        by_cue.setdefault(cue.head.i, []).append((cue, draft))
    rows = []
    for readings in by_cue.values():
        head = readings[0][0].head.idx
        golds = [g for ranges, g in gold if any(s <= head < e for s, e in ranges)]
        best, best_score = None, 0.0
        for n, (_, draft) in enumerate(readings):
            content = scorer.token_set([(draft.start, draft.end)], toks)
            for g in golds:
                score = len(content & g) / len(content | g) if content | g else 0.0
                if score > best_score:
                    best, best_score = n, score
        rows.extend((features(cue, draft), int(n == best)) for n, (cue, draft) in enumerate(readings))
    return rows


def fit_logistic(rows, C: float) -> tuple[list[tuple[str, float]], float]:
    """(feature name, weight) pairs and the intercept of a logistic regression on (features,
    label) rows; the one fit both shipped models use."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    X = vectorizer.fit_transform([f for f, _ in rows])
    model = LogisticRegression(C=C, solver="lbfgs", max_iter=5000, random_state=SEED)
    model.fit(X, [y for _, y in rows])
    names = vectorizer.get_feature_names_out()
    return list(zip(names, (float(w) for w in model.coef_[0]), strict=True)), float(model.intercept_[0])


def fit(rows, C: float):
    pairs, intercept = fit_logistic(rows, C)
    weights = {name: round(w, 5) for name, w in pairs if abs(w) >= 1e-4}
    weights["bias"] = round(weights.get("bias", 0.0) + intercept, 5)
    return weights


def arguments(description: str) -> argparse.Namespace:
    formatter = argparse.RawDescriptionHelpFormatter
    ap = argparse.ArgumentParser(description=description, formatter_class=formatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, help="train articles (quick runs)")
    ap.add_argument("--C", type=float, default=0.5, help="inverse L2 regularisation strength")
    ap.add_argument("--cache", type=Path, help="keep the parsed train split here (a .spacy DocBin)")
    return ap.parse_args()


def load_train(args: argparse.Namespace):
    """(scorer, train articles, cue finder, parsed articles) as both training scripts start."""
    from quotetrace.extract import build_pipeline

    scorer = load_scorer(args.shared)
    articles = scorer.load_split(str(args.shared / "data" / "polnear" / "train"))
    if args.limit:
        articles = {n: articles[n] for n in sorted(articles)[: args.limit]}
    nlp = build_pipeline(None, "rules")
    cue_finder = nlp.get_pipe("quotetrace_quotes").cue_finder
    return scorer, articles, cue_finder, parse(articles, nlp, args.cache)


def predictions(parsed, cue_finder, gate, bounds=None) -> dict:
    """Scorer input for each article; ``bounds`` as ``attribute`` takes it (None: shipped)."""
    from quotetrace.extract.attribution import attribute

    out = {}
    for name, doc in parsed:
        quotes, _ = attribute(doc, cue_finder, gate, bounds)
        out[name] = [
            {
                "content": [[f.start, f.end] for f in q.fragments],
                "source": [[q.speaker.start, q.speaker.end]] if q.speaker else [],
                "cue": [[q.cue.start, q.cue.end]] if q.cue else [],
            }
            for q in quotes
            if q.kind != "term"
        ]
    return out


HEADLINE = ("content_overlap", "content_exact", "source", "cue")


def end_to_end(metrics: dict) -> float:
    """The sum of the reference scorer's headline F1s (README table, issue targets)."""
    return sum(metrics[k]["f1"] for k in HEADLINE)


def main() -> None:
    args = arguments(__doc__)

    import sklearn

    from quotetrace.extract.gate import LearnedGate, rule_gate

    started = time.time()
    scorer, articles, cue_finder, parsed = load_train(args)
    rows_of = {
        n: candidates(doc, cue_finder, articles[n]["gold"], scorer, articles[n]["text"]) for n, doc in parsed
    }
    print(f"parsed {len(parsed)} train articles, {sum(map(len, rows_of.values()))} candidates, "
          f"{time.time() - started:.0f}s")

    folds = [parsed[i::FOLDS] for i in range(FOLDS)]
    totals = {t: {} for t in THRESHOLDS}
    rules_preds: dict = {}
    learned_preds: dict[float, dict] = {t: {} for t in THRESHOLDS}
    for k, held_out in enumerate(folds):
        held_names = {n for n, _ in held_out}
        weights = fit([r for n, rows in rows_of.items() if n not in held_names for r in rows], args.C)
        rules_preds.update(predictions(held_out, cue_finder, rule_gate))
        for t in THRESHOLDS:
            gate = LearnedGate({"weights": weights, "threshold": t})
            learned_preds[t].update(predictions(held_out, cue_finder, gate))
        print(f"fold {k + 1}/{FOLDS} done, {time.time() - started:.0f}s")
    rules_score = scorer.score(articles, rules_preds)
    print(f"CV rules: {end_to_end(rules_score):.4f}")
    for t in THRESHOLDS:
        totals[t] = scorer.score(articles, learned_preds[t])
        detail = " ".join(f"{k} {totals[t][k]['f1']:.3f}" for k in HEADLINE)
        print(f"CV learned @ {t:.2f}: {end_to_end(totals[t]):.4f} ({detail})")
    threshold = max(THRESHOLDS, key=lambda t: (end_to_end(totals[t]), -t))
    best = totals[threshold]

    def figures(m: dict) -> dict:
        return {k: round(m[k]["f1"], 4) for k in ("content_overlap", "content_exact", "source", "cue")}

    weights = fit([r for rows in rows_of.values() for r in rows], args.C)
    model_file = {
        "about": "Logistic-regression gate for unquoted attributions; built by train/train_indirect_gate.py "
        f"from PolNeAR v1.0.0 train (threshold chosen by {FOLDS}-fold cross-validation on train).",
        "sklearn": sklearn.__version__,
        "C": args.C,
        "seed": SEED,
        "train_candidates": sum(map(len, rows_of.values())),
        "train_positive": sum(y for rows in rows_of.values() for _, y in rows),
        "threshold": threshold,
        "cv_f1": {"rules": figures(rules_score), "learned": figures(best)},
        "weights": dict(sorted(weights.items())),
    }
    if end_to_end(best) <= end_to_end(rules_score):
        print("the learned gate does not beat the rules in cross-validation: not writing it")
        return
    OUT.write_text(json.dumps(model_file, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(weights)} weights, threshold {threshold}) in {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()
