"""Train the boundary model for unquoted contents (``quotetrace.extract.boundaries``).

After the gate has chosen a reading of what a cue reports, each end of the content may move to
another constituent edge of the sentence. This script learns which, the way the gate is learned
(``train_indirect_gate.py``, whose parsing, prediction and scoring code it reuses):

    .venv/bin/python train/train_content_boundaries.py [--cache /tmp/train.spacy]

1. parse PolNeAR *train* once; attribute every article with the shipped gate and collect, for
   each accepted unquoted content, its candidate starts and ends (``boundaries.candidates``)
   with their features. A candidate is positive when its token is the first (last) word of the
   gold Content of the gold attribution with that cue that overlaps the reading most; an end
   whose gold edge is no candidate teaches nothing and is left out;
2. choose the margin by 5-fold cross-validation on train: fit on four folds, attribute the
   fifth with the boundary model, score it end to end with the reference scorer; the reading's
   own edges ("keep") are scored the same way. The margin with the best headline sum among
   those where no figure (content overlap, exact, token, source, cue, quoted overlap) falls
   below the own edges' is kept;
3. fit scikit-learn's LogisticRegression (lbfgs) on all of train and write
   src/quotetrace/data/content_boundaries.json (weights, margin, CV figures), only when the
   cross-validated figures beat the reading's own edges.
PolNeAR dev is never read here.
"""

from __future__ import annotations

import json
import time

from train_indirect_gate import (
    FOLDS,
    HEADLINE,
    ROOT,
    SEED,
    arguments,
    end_to_end,
    fit_logistic,
    load_train,
    predictions,
)

OUT = ROOT / "src" / "quotetrace" / "data" / "content_boundaries.json"
MARGINS = (0.0, 0.5, 1.0, 1.5, 2.0)
FIGURES = ("content_overlap", "content_exact", "content_token", "source", "cue", "content_overlap_quoted")


def boundary_rows(doc, cue_finder, gate, gold_atts, scorer, text) -> list:
    """(features, label) of every candidate edge of every accepted unquoted content."""
    from quotetrace.extract.attribution import attribute
    from quotetrace.extract.boundaries import candidates

    found: list = []

    def recording_bounds(doc, draft, ranges, others):
        edges = candidates(doc, draft, ranges, others)
        if edges is not None:
            found.append((draft.cue.head.idx, draft.start, draft.end, edges))

    attribute(doc, cue_finder, gate, recording_bounds)
    toks = scorer.tokenize(text)
    gold = [(g["cue"], scorer.token_set(g["content"], toks)) for g in gold_atts if g["cue"]]
    rows = []
    for head, start, end, (starts, ends) in found:
        content = scorer.token_set([(start, end)], toks)
        golds = [g for ranges, g in gold if any(s <= head < e for s, e in ranges) and g & content]
        if not golds:
            continue
        target = max(golds, key=lambda g: len(g & content) / len(g | content))
        for edges, want in ((starts, min(target)), (ends, max(target))):
            marks = []
            for edge in edges:
                tok = doc[edge.token]
                words = scorer.token_set([(tok.idx, tok.idx + len(tok))], toks)
                marks.append(
                    int(bool(words) and (min(words) if edge.side == "start" else max(words)) == want)
                )
            if any(marks):
                rows.extend(
                    (dict.fromkeys(edge.feats, 1.0), mark) for edge, mark in zip(edges, marks, strict=True)
                )
    return rows


def fit(rows, C: float) -> dict:
    pairs, _intercept = fit_logistic(rows, C)
    # The intercept is the same for every candidate of an edge, so it cannot change a choice;
    # weights too small to move a choice are left out to keep the shipped file small.
    return {name: round(w, 3) for name, w in pairs if abs(w) >= 0.01}


def main() -> None:
    args = arguments(__doc__)

    import sklearn

    from quotetrace.extract.boundaries import BoundaryChooser, keep_as_read
    from quotetrace.extract.gate import default_gate

    started = time.time()
    scorer, articles, cue_finder, parsed = load_train(args)
    gate = default_gate()
    rows_of = {
        n: boundary_rows(doc, cue_finder, gate, articles[n]["gold"], scorer, articles[n]["text"])
        for n, doc in parsed
    }
    print(
        f"parsed {len(parsed)} train articles, {sum(map(len, rows_of.values()))} candidate edges, "
        f"{time.time() - started:.0f}s",
        flush=True,
    )

    folds = [parsed[i::FOLDS] for i in range(FOLDS)]
    kept_preds: dict = {}
    moved: dict[float, dict] = {m: {} for m in MARGINS}
    for k, held_out in enumerate(folds):
        held = {n for n, _ in held_out}
        weights = fit([r for n, rows in rows_of.items() if n not in held for r in rows], args.C)
        kept_preds.update(predictions(held_out, cue_finder, gate, keep_as_read))
        for m in MARGINS:
            chooser = BoundaryChooser({"weights": weights, "margin": m})
            moved[m].update(predictions(held_out, cue_finder, gate, chooser))
        print(f"fold {k + 1}/{FOLDS} done, {time.time() - started:.0f}s", flush=True)

    def figures(metrics: dict) -> dict:
        return {key: round(metrics[key]["f1"], 4) for key in FIGURES}

    kept = scorer.score(articles, kept_preds)
    print(f"CV own edges: {end_to_end(kept):.4f} {figures(kept)}")
    scores = {}
    for m in MARGINS:
        scores[m] = scorer.score(articles, moved[m])
        print(f"CV boundaries @ margin {m}: {end_to_end(scores[m]):.4f} {figures(scores[m])}")
    # Only a margin at which no figure falls below the readings' own edges may ship.
    holding = [m for m in MARGINS if all(scores[m][k]["f1"] >= kept[k]["f1"] for k in FIGURES)]
    if not holding:
        print("at every margin some figure falls below the readings' own edges: not writing it")
        return
    margin = max(holding, key=lambda m: (end_to_end(scores[m]), m))
    weights = fit([r for rows in rows_of.values() for r in rows], args.C)
    model_file = {
        "about": "Logistic-regression boundary model for unquoted contents; built by "
        "train/train_content_boundaries.py from PolNeAR v1.0.0 train (margin chosen by "
        f"{FOLDS}-fold cross-validation on train; headline = {' + '.join(HEADLINE)}).",
        "sklearn": sklearn.__version__,
        "C": args.C,
        "seed": SEED,
        "train_edges": sum(map(len, rows_of.values())),
        "margin": margin,
        "cv_f1": {"own_edges": figures(kept), "boundaries": figures(scores[margin])},
        "weights": dict(sorted(weights.items())),
    }
    if end_to_end(scores[margin]) <= end_to_end(kept):
        print("the boundary model does not beat the readings' own edges in cross-validation: not writing it")
        return
    OUT.write_text(json.dumps(model_file, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(weights)} weights, margin {margin}) in {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()
