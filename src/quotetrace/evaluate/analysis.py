"""Error analysis: sort every miss and false alarm of a scored split into categories.

Categories follow the metrics: a gold Content no prediction overlapped is a
*miss*, a prediction that overlapped no gold Content is a *false alarm*
(both split by whether the span carries double quotation marks). Where the
one-to-one matching left a span unmatched although it overlaps the other
side, the cause is a *merge* (one prediction covering several gold
attributions) or a *nested or duplicate* prediction. A matched
pair whose normalised spans differ is a *boundary* error, and a matched pair
can still get the Source or Cue wrong or leave it out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from quotetrace.evaluate.metrics import Span, TokenIndex, normalise, span_text
from quotetrace.evaluate.polnear import ArticleEval, Attribution, SplitEval, is_quoted

CATEGORIES: dict[str, str] = {
    "missed quoted content": "gold Content with quotation marks that no prediction overlaps",
    "missed unquoted content": "gold Content without quotation marks (paraphrase, belief) missed",
    "missed, merged into another": "gold Content overlapped only by a prediction matched elsewhere",
    "false alarm with quotes": "predicted quote overlapping no gold Content, with quotation marks",
    "false alarm without quotes": "predicted quote overlapping no gold Content, without marks",
    "nested or duplicate prediction": "overlaps a gold Content that another prediction matched",
    "boundary: prediction inside gold": "matched, but the prediction covers only part of the gold",
    "boundary: prediction beyond gold": "matched, but the prediction runs past the gold span",
    "boundary: crossing": "matched, but each span has words the other lacks",
    "missing source": "matched Content, gold has a Source, the prediction none",
    "wrong source": "matched Content, predicted Source differs from gold",
    "extra source": "matched Content, the prediction names a Source where gold has none",
    "missing cue": "matched Content, gold has a Cue, the prediction none",
    "wrong cue": "matched Content, predicted Cue differs from gold",
    "extra cue": "matched Content, the prediction has a Cue where gold has none",
}
CONTEXT_CHARS = 70


@dataclass(slots=True)
class ErrorExample:
    article: str
    gold: str  # the gold span concerned ("" for a false alarm)
    predicted: str  # the predicted span concerned ("" for a miss)
    content: str  # the Content (gold when there is one) with some context


@dataclass(slots=True)
class ErrorCategory:
    name: str
    description: str
    count: int = 0
    examples: list[ErrorExample] = field(default_factory=list)


def _context(text: str, span: Span) -> str:
    if not span:
        return ""
    start, end = span[0][0], span[-1][1]
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(text), end + CONTEXT_CHARS)
    shown = f"{text[left:start]}[[{span_text(text, span, ' … ')}]]{text[end:right]}"
    return " ".join(shown.split())


def _boundary(text: str, gold: Span, pred: Span, index: TokenIndex) -> str | None:
    if normalise(text, gold) == normalise(text, pred):
        return None
    g, p = index.tokens_of(gold), index.tokens_of(pred)
    if p <= g:
        return "boundary: prediction inside gold"
    if g < p:
        return "boundary: prediction beyond gold"
    return "boundary: crossing"


def _role_error(text: str, role: str, gold: Attribution, pred: Attribution) -> str | None:
    g, p = getattr(gold, role), getattr(pred, role)
    if g and not p:
        return f"missing {role}"
    if p and not g:
        return f"extra {role}"
    if g and p and normalise(text, g) != normalise(text, p):
        return f"wrong {role}"
    return None


# Why a span of one side is unmatched: (overlaps a span the other side matched elsewhere,
# carries quotation marks, carries none).
_MISSED = ("missed, merged into another", "missed quoted content", "missed unquoted content")
_FALSE_ALARM = ("nested or duplicate prediction", "false alarm with quotes", "false alarm without quotes")


def _unmatched(
    text: str,
    side: list[Attribution],
    matched: set[int],
    tokens: list[frozenset[int]],
    other_tokens: list[frozenset[int]],
    categories: tuple[str, str, str],
) -> Iterator[tuple[str, Span]]:
    """(category, Content) for each attribution of ``side`` the matching left out."""
    overlapping, quoted, unquoted = categories
    for i, attribution in enumerate(side):
        if i in matched:
            continue
        if any(tokens[i] & other for other in other_tokens):
            yield overlapping, attribution.content
        else:
            yield (quoted if is_quoted(text, attribution.content) else unquoted), attribution.content


def article_errors(article: ArticleEval) -> Iterator[tuple[str, ErrorExample]]:
    text, name = article.text, article.name
    index = TokenIndex(text)
    matched_gold = {g for g, _ in article.pairs}
    matched_pred = {p for _, p in article.pairs}
    gold_tokens = [index.tokens_of(a.content) for a in article.gold]
    pred_tokens = [index.tokens_of(a.content) for a in article.pred]
    for category, span in _unmatched(text, article.gold, matched_gold, gold_tokens, pred_tokens, _MISSED):
        yield category, ErrorExample(name, span_text(text, span), "", _context(text, span))
    for category, span in _unmatched(
        text, article.pred, matched_pred, pred_tokens, gold_tokens, _FALSE_ALARM
    ):
        yield category, ErrorExample(name, "", span_text(text, span), _context(text, span))
    for g_i, p_i in article.pairs:
        gold, pred = article.gold[g_i], article.pred[p_i]
        context = _context(text, gold.content)
        if boundary := _boundary(text, gold.content, pred.content, index):
            yield (
                boundary,
                ErrorExample(
                    name, span_text(text, gold.content), span_text(text, pred.content), context
                ),
            )
        for role in ("source", "cue"):
            if role_error := _role_error(text, role, gold, pred):
                yield (
                    role_error,
                    ErrorExample(
                        name,
                        span_text(text, getattr(gold, role)),
                        span_text(text, getattr(pred, role)),
                        context,
                    ),
                )


def error_analysis(result: SplitEval, examples: int = 1) -> list[ErrorCategory]:
    """Every category with its count and up to ``examples`` examples, most frequent first."""
    categories = {name: ErrorCategory(name, text) for name, text in CATEGORIES.items()}
    for article in result.articles:
        for name, example in article_errors(article):
            category = categories[name]
            category.count += 1
            # Prefer examples from different articles: they show more of the problem.
            seen = {e.article for e in category.examples}
            if len(category.examples) < examples and example.article not in seen:
                category.examples.append(example)
    return sorted(
        (c for c in categories.values() if c.count),
        key=lambda c: (-c.count, list(CATEGORIES).index(c.name)),
    )


def format_errors(categories: list[ErrorCategory], top: int | None = None) -> str:
    lines = []
    for category in categories[:top]:
        lines.append(f"{category.count:5d}  {category.name}: {category.description}")
        for ex in category.examples:
            lines.append(f"         article: {ex.article}")
            if ex.gold:
                lines.append(f"         gold:      {_clip(ex.gold)}")
            if ex.predicted:
                lines.append(f"         predicted: {_clip(ex.predicted)}")
            lines.append(f"         context:   {_clip(ex.content, 240)}")
    return "\n".join(lines)


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
