"""Score attribution extraction against PolNeAR (brat standoff) gold annotations.

A split folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``;
each article is scored against its first annotator file in sorted order.
Gold attributions are the ``E`` lines: ``Content``, ``Cue`` and ``Source``
arguments (numbered repeats such as ``Content2`` are folded into one span);
an event without a Content cannot be scored and is only counted.

A *system* is any callable taking the list of article texts and yielding,
per text, a list of predicted ``Attribution`` with offsets into that text;
``evaluate.systems`` wraps the extractor and the baselines as systems; its
``evaluate_split`` runs quotetrace over a split. Metric definitions are in
``evaluate.metrics`` and docs/evaluation.md.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotetrace.errors import InputError
from quotetrace.evaluate.brat import BratDocument, read_ann
from quotetrace.evaluate.metrics import (
    PRF,
    ZERO,
    Span,
    TokenIndex,
    as_span,
    exact_matches,
    greedy_match,
    normalise,
    partial_prf,
    token_prf,
)
from quotetrace.text.quotes import has_double_quote

# The keys of the JSON summary that hold {"p", "r", "f1", ...}, in display order.
METRICS: tuple[str, ...] = (
    "content_exact",
    "content_partial",
    "content_tokens",
    "content_partial_quoted",
    "content_partial_unquoted",
    "source",
    "cue",
    "source_partial",
    "cue_partial",
)
EXACT_NOTE = (
    "exact = equal after stripping leading/trailing whitespace, punctuation and quotation "
    "marks from both spans; partial = at least one shared \\w+ token, matched one-to-one"
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution as character spans; ``cue``/``source`` are ``()`` when absent."""

    content: Span
    cue: Span = ()
    source: Span = ()
    label: str = ""  # gold: the brat event label; prediction: the quote kind
    ref: str = ""  # gold: the event id; prediction: the quote id


System = Callable[[Sequence[str]], Iterable[list[Attribution]]]


@dataclass(slots=True)
class GoldArticle:
    name: str
    text: str
    gold: list[Attribution]
    ann: Path
    without_content: int = 0


@dataclass(slots=True)
class ArticleEval:
    name: str
    text: str
    gold: list[Attribution]
    pred: list[Attribution]
    pairs: list[tuple[int, int]]  # one-to-one partial Content matches (gold i, pred i)
    scores: dict[str, PRF]


@dataclass(slots=True)
class SplitEval:
    system: str
    split: str
    articles: list[ArticleEval] = field(default_factory=list)
    seconds: float = 0.0

    def totals(self) -> dict[str, PRF]:
        out = dict.fromkeys(METRICS, ZERO)
        for article in self.articles:
            for key, prf in article.scores.items():
                out[key] = out[key] + prf
        return out

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {key: prf.to_dict() for key, prf in self.totals().items()}
        out["articles"] = len(self.articles)
        out["gold"] = sum(len(a.gold) for a in self.articles)
        out["predicted"] = sum(len(a.pred) for a in self.articles)
        out["system"] = self.system
        out["split"] = self.split
        out["seconds"] = round(self.seconds, 2)
        out["exact_match"] = EXACT_NOTE
        return out


def is_quoted(text: str, span: Span) -> bool:
    """Whether a double quotation mark lies in the span or right beside one of its ranges.

    The neighbours count because systems differ on whether a direct quote's
    span includes its marks (a doubled ``''`` counts as one mark). Single marks
    are left out: ’ is mostly an apostrophe.
    """
    return any(
        has_double_quote(text[max(0, start - 1) : end + 1])
        or has_double_quote(text[max(0, start - 2) : start])
        or has_double_quote(text[end : end + 2])
        for start, end in span
    )


def gold_attributions(doc: BratDocument) -> tuple[list[Attribution], int]:
    """The scorable attributions of one .ann file, and how many events lacked a Content."""
    out, without_content = [], 0

    def span_of(ids: list[str]) -> Span:
        return as_span(r for tid in ids if tid in doc.textbounds for r in doc.textbounds[tid].span)

    for event in doc.events:
        roles = event.roles()
        content = span_of(roles.get("Content", []))
        if not content:
            without_content += 1
            continue
        out.append(
            Attribution(
                content=content,
                cue=span_of(roles.get("Cue", [])),
                source=span_of(roles.get("Source", [])),
                label=event.label,
                ref=event.id,
            )
        )
    return out, without_content


def read_text(path: Path) -> str:
    """The exact characters brat offsets count: no newline translation, BOM kept."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8: {exc.reason} at byte {exc.start}") from exc


def annotation_for(name: str, ann_dir: Path) -> Path | None:
    """The first annotator's file in sorted order: ``NAME_ANNOTATOR.ann``."""
    candidates = sorted(p for p in ann_dir.glob("*.ann") if p.stem.rsplit("_", 1)[0] == name)
    return candidates[0] if candidates else None


def load_split(directory: str | Path, limit: int | None = None) -> list[GoldArticle]:
    directory = Path(directory)
    text_dir, ann_dir = directory / "text", directory / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(
            f"{directory} is not a PolNeAR split folder: expected text/ and attributions/ in it"
        )
    texts = sorted(text_dir.glob("*.txt"))
    by_name: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        by_name.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    paired = [(t, by_name[t.stem][0]) for t in texts if t.stem in by_name]
    if not paired:
        raise InputError(f"{directory} has no text/NAME.txt with an attributions/NAME_*.ann")
    if limit is not None:
        paired = paired[:limit]
    articles = []
    for text_path, ann in paired:
        gold, without_content = gold_attributions(read_ann(ann))
        articles.append(
            GoldArticle(text_path.stem, read_text(text_path), gold, ann, without_content)
        )
    return articles


def score_article(
    name: str, text: str, gold: list[Attribution], pred: list[Attribution]
) -> ArticleEval:
    index = TokenIndex(text)
    gold_tokens = [index.tokens_of(a.content) for a in gold]
    pred_tokens = [index.tokens_of(a.content) for a in pred]
    pairs = greedy_match(gold_tokens, pred_tokens)
    scores = {
        "content_exact": PRF(
            exact_matches(
                [normalise(text, a.content) for a in gold],
                [normalise(text, a.content) for a in pred],
            ),
            len(pred),
            len(gold),
        ),
        "content_partial": PRF(len(pairs), len(pred), len(gold)),
        "content_tokens": token_prf(gold_tokens, pred_tokens),
    }
    gold_quoted = [is_quoted(text, a.content) for a in gold]
    pred_quoted = [is_quoted(text, a.content) for a in pred]
    for key, wanted in (("content_partial_quoted", True), ("content_partial_unquoted", False)):
        # The same metric on the subset: matching is redone within it.
        g = [t for t, q in zip(gold_tokens, gold_quoted, strict=True) if q == wanted]
        p = [t for t, q in zip(pred_tokens, pred_quoted, strict=True) if q == wanted]
        scores[key] = partial_prf(g, p)
    for role in ("source", "cue"):
        exact, partial = _role_scores(text, index, role, [(gold[g], pred[p]) for g, p in pairs])
        scores[role], scores[f"{role}_partial"] = exact, partial
    return ArticleEval(name, text, gold, pred, pairs, scores)


def _role_scores(
    text: str, index: TokenIndex, role: str, pairs: list[tuple[Attribution, Attribution]]
) -> tuple[PRF, PRF]:
    """Source or Cue over Content-matched pairs: exact (normalised) and token-overlap."""
    predicted = gold = exact = overlap = 0
    for g, p in pairs:
        g_span, p_span = getattr(g, role), getattr(p, role)
        predicted += bool(p_span)
        gold += bool(g_span)
        if g_span and p_span:
            exact += normalise(text, g_span) == normalise(text, p_span)
            overlap += bool(index.tokens_of(g_span) & index.tokens_of(p_span))
    return PRF(exact, predicted, gold), PRF(overlap, predicted, gold)


def run_systems(
    articles: list[GoldArticle], systems: dict[str, System], split: str = ""
) -> dict[str, SplitEval]:
    """Score each system on the same articles; timing covers prediction and scoring."""
    texts = [a.text for a in articles]
    results = {}
    for name, system in systems.items():
        started = time.perf_counter()
        result = SplitEval(name, split)
        for article, pred in zip(articles, system(texts), strict=True):
            result.articles.append(score_article(article.name, article.text, article.gold, pred))
        result.seconds = time.perf_counter() - started
        results[name] = result
    return results
