"""Quotation-mark scanning on its own: every style, broken marks, multi-paragraph quotes."""

from quotetrace.extract.marks import find_quotations


def spans(text):
    return [text[s.start : s.end] for s in find_quotations(text)]


def test_curly_straight_guillemets_and_low_marks():
    text = 'A “curly” b "straight" c «guillemets» d „low-high“ e.'
    assert spans(text) == ["“curly”", '"straight"', "«guillemets»", "„low-high“"]


def test_closing_mark_typed_as_opening_mark():
    text = "He said “we will win“ and left."
    assert spans(text) == ["“we will win“"]


def test_opening_mark_typed_as_closing_mark():
    text = "He said ”we will win” and left."
    assert spans(text) == ["”we will win”"]


def test_unbalanced_mark_runs_to_paragraph_end_and_is_flagged():
    text = "First paragraph with “an open quote that never closes.\n\nSecond paragraph."
    found = find_quotations(text)
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == "“an open quote that never closes."
    assert not found[0].closed


def test_multi_paragraph_quote_reopens_without_closing():
    text = "“First part of the speech.\n\n“Second part,” she said."
    found = find_quotations(text)
    assert len(found) == 1 and found[0].paragraphs == 2 and found[0].closed
    assert text[found[0].start : found[0].end] == "“First part of the speech.\n\n“Second part,”"


def test_single_quotes_in_headlines_but_not_apostrophes():
    text = "Minister: ‘We won’t back down’ on the players’ union’s demands"
    assert spans(text) == ["‘We won’t back down’"]


def test_nested_single_quotes_stay_inside_the_double_quote():
    text = "“He told me ‘never again’ and meant it,” she said."
    assert spans(text) == ["“He told me ‘never again’ and meant it,”"]


def test_no_marks_no_spans():
    assert find_quotations("Nothing quoted here; it's the writer's text.") == []


def test_typewriter_double_quotes_count_as_one_mark():
    text = "known as the ''Buffett rule'' after him. ''I will go,'' she said. It's O'Neil's."
    assert spans(text) == ["''Buffett rule''", "''I will go,''"]
