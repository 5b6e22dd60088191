"""Speaker labels at the start of a line: transcripts ("PENCE: ...", "Q: ...") and
headlines that attribute with a colon ("Pat Caddell: Democrat Voters Worried ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass

# ALL-CAPS transcript labels, or a short Capitalised Name in a headline.
_WORD = r"[A-Z][A-Za-z.'’\-]*"
_LABEL_LINE = re.compile(
    rf"""^[ \t"“]*(?P<label>{_WORD}(?:[ \t]{_WORD}){{0,3}}):[ \t]+(?P<content>\S[^\n]*)$""",
    re.M,
)
MIN_CONTENT_WORDS = 3


@dataclass(frozen=True, slots=True)
class LabelLine:
    label_start: int
    label_end: int  # the colon follows the label directly
    content_start: int
    content_end: int
    transcript: bool  # ALL-CAPS speaker label: the rest of the line is verbatim speech


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
    return found


def _named_in_body(label: str, text: str, title_end: int) -> bool:
    surname = label.split()[-1]
    return re.search(rf"\b{re.escape(surname)}\b", text[title_end:]) is not None
