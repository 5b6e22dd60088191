"""Error analysis: every miss and false alarm lands in exactly one category."""

from __future__ import annotations

from quotetrace.evaluate.analysis import CATEGORIES, error_analysis, format_errors
from quotetrace.evaluate.polnear import Attribution, SplitEval, score_article

TEXT = (
    'Smith said that taxes rise. "We win," Jones said. "Ha," he joked. Brown thinks so. '
    "Lee said that A is true and Kim said that B is false."
)


def at(part: str, text: str = TEXT) -> tuple[tuple[int, int], ...]:
    return ((text.index(part), text.index(part) + len(part)),)


def analyse(gold, pred, examples=1):
    result = SplitEval("fake", "tiny", [score_article("art", TEXT, gold, pred)])
    return error_analysis(result, examples=examples)


def test_each_error_gets_its_category():
    gold = [
        Attribution(at("that taxes rise"), at("said"), at("Smith")),
        Attribution(at('"We win,"'), (), at("Jones")),
        Attribution(at("so"), at("thinks"), at("Brown")),
        Attribution(at("that A is true")),
        Attribution(at("that B is false")),
    ]
    pred = [
        Attribution(at("taxes rise"), at("said"), at("Smith")),  # boundary (inside)
        Attribution(at("taxes"), (), ()),  # nested/duplicate: the larger overlap won
        Attribution(at('"We win,"'), (), at("Jones said")),  # wrong source
        Attribution(at('"Ha,"'), at("joked"), at("he")),  # false alarm with quotes
        Attribution(at("that A is true and Kim said that B is false")),  # merges two gold
    ]
    counts = {c.name: c.count for c in analyse(gold, pred)}
    assert counts == {
        "missed unquoted content": 1,
        "missed, merged into another": 1,
        "false alarm with quotes": 1,
        "nested or duplicate prediction": 1,
        "boundary: prediction inside gold": 1,
        "boundary: prediction beyond gold": 1,
        "wrong source": 1,
    }
    assert set(counts) <= set(CATEGORIES)


def test_categories_sorted_by_count_and_formatted_with_examples():
    gold = [Attribution(at("that taxes rise")), Attribution(at("that A is true"))]
    categories = analyse(gold, [Attribution(at('"Ha,"'))], examples=1)
    assert [(c.name, c.count) for c in categories] == [
        ("missed unquoted content", 2),
        ("false alarm with quotes", 1),
    ]
    # Examples come from different articles, so one article gives one example.
    assert len(categories[0].examples) == 1
    shown = format_errors(categories, top=1)
    assert "missed unquoted content" in shown and "article: art" in shown
    assert "false alarm" not in shown
    assert "[[that taxes rise]]" in shown


def test_no_errors_no_categories():
    gold = [Attribution(at('"We win,"'), at("said"), at("Jones"))]
    assert analyse(gold, list(gold)) == []


def test_markdown_table_has_one_cell_per_column():
    from quotetrace.evaluate.report import format_table, markdown_table

    summary = SplitEval("fake", "tiny", [score_article("art", TEXT, [], [])]).summary()
    other = dict(summary, system="other")
    rows = [line for line in markdown_table([summary, other]).splitlines() if line.startswith("|")]
    assert len({line.count("|") for line in rows}) == 1 and len(rows) == 2 + 9
    assert "Content, partial" in format_table([summary])
