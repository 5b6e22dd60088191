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


def test_double_marks_and_typewriter_digraphs_are_read_left_to_right_within_the_bounds():
    from quotetrace.text.quotes import _double_marks

    text = "He said ``we won'' and «done»; it's ''' odd\u201d.''"
    assert list(_double_marks(text, 0, len(text))) == [
        (8, 2),  # ``
        (16, 2),  # ''
        (23, 1),  # «
        (28, 1),  # »
        (36, 2),  # the first two of three straight singles; the third is an apostrophe
        (43, 1),  # ”
        (45, 2),  # '' at the very end
    ]
    # A digraph cut by the end of the range is no mark; one inside it still is.
    assert list(_double_marks(text, 0, 46)) == [(8, 2), (16, 2), (23, 1), (28, 1), (36, 2), (43, 1)]
    assert list(_double_marks(text, 9, 30)) == [(16, 2), (23, 1), (28, 1)]  # '`' alone at 9


def test_a_quote_in_typewriter_marks_over_two_paragraphs_is_one_span():
    text = "``The road is closed,'' the mayor said.\n\n``It will stay closed\n\n``until spring.''\n"
    spans = find_quotations(text)
    assert [(s.start, s.end, s.closed, s.paragraphs) for s in spans] == [
        (0, 23, True, 1),
        (text.index("``It"), text.index("spring.''") + 9, True, 2),
    ]
