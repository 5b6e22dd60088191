"""Speaker labels at the start of a line: transcripts ("PENCE: ...", "Q: ..."), magazine
interviews that print the speaker's initials before each answer ("AD She was all in."), and
headlines that attribute with a colon ("Pat Caddell: Democrat Voters Worried ...")."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# ALL-CAPS transcript labels, or a short Capitalised Name in a headline.
_WORD = r"[A-Z][A-Za-z.'’\-]*"
_LABEL_LINE = re.compile(
    rf"""^[ \t"“]*(?P<label>{_WORD}(?:[ \t]{_WORD}){{0,3}}):[ \t]+(?P<content>\S[^\n]*)$""",
    re.M,
)
# "AD She was all in.": two or three capitals, a space, then the answer.
_INITIALS_LINE = re.compile(r"""^[ \t]*(?P<label>[A-Z]{2,3})[ \t]+(?P<content>[A-Z(“"‘'][^\n]*)$""", re.M)
MIN_CONTENT_WORDS = 3


@dataclass(frozen=True, slots=True)
class LabelLine:
    label_start: int
    label_end: int  # the colon, when there is one, follows the label directly
    content_start: int
    content_end: int
    transcript: bool  # ALL-CAPS speaker label: the rest of the line is verbatim speech
    colon: bool = True  # False for initials before an answer ("AD She was ...")


def find_label_lines(text: str, title_end: int) -> list[LabelLine]:
    found = []
    for m in _LABEL_LINE.finditer(text):
        label = m.group("label")
        letters = [c for c in label if c.isalpha()]
        transcript = all(c.isupper() for c in letters)
        if not transcript and m.start() >= title_end:
            continue  # a Capitalised label only attributes in the headline
        if not transcript and len(label.split()) > 1 and not _named_in_body(label, text, title_end):
            continue  # "Stealth Over Health: ..." is a kicker, not a speaker
        content = m.group("content").rstrip()
        if len(content.split()) < MIN_CONTENT_WORDS:
            continue
        end = m.start("content") + len(content)
        found.append(LabelLine(m.start("label"), m.end("label"), m.start("content"), end, transcript))
    found.extend(_initials_lines(text, title_end))
    return sorted(found, key=lambda line: line.label_start)


def _initials_lines(text: str, title_end: int) -> list[LabelLine]:
    """Answers after the speaker's initials. Capitals at a line's start are more often an
    acronym ("US officials said ..."), so a label counts only when it opens at least two lines
    of the body and its letters begin the words of a name written out in the article."""
    lines = list(_INITIALS_LINE.finditer(text, title_end))
    opened = Counter(m.group("label") for m in lines)
    labels = {label for label, n in opened.items() if n >= 2 and _spelled_out(label, text)}
    found = []
    for m in lines:
        content = m.group("content").rstrip()
        if m.group("label") in labels and len(content.split()) >= MIN_CONTENT_WORDS:
            label, start = m.span("label"), m.start("content")
            found.append(LabelLine(*label, start, start + len(content), transcript=True, colon=False))
    return found


def _spelled_out(initials: str, text: str) -> bool:
    """'AD' -> 'Ava DuVernay', 'JFK' -> 'John F. Kennedy' or 'John Fitzgerald Kennedy'."""
    words = r"[\s\-]+".join(rf"{letter}(?:[\w’'\-]+|\.)" for letter in initials)
    return re.search(rf"\b{words}", text) is not None


def _named_in_body(label: str, text: str, title_end: int) -> bool:
    surname = label.split()[-1]
    return re.search(rf"\b{re.escape(surname)}\b", text[title_end:]) is not None
