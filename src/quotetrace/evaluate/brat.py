"""Read brat standoff annotations (``.ann`` files), tolerant of what real corpora hold.

Only text-bound (``T``) and event (``E``) lines carry what scoring needs;
notes (``#``), attributes (``A``/``M``), relations (``R``), equivalences
(``*``) and normalisations (``N``) are recognised and skipped. A ``T`` line's
text may contain newlines, so lines that follow it and start with no id are
its continuation. Any other unreadable line is skipped with a ``BratWarning``
naming the file and line, never silently and never fatally.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from quotetrace.evaluate.metrics import Span, as_span

_TEXTBOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t(.*))?$")
_EVENT = re.compile(r"^(E\d+)\t(\S+):(T\d+)((?: \S+:[TE]\d+)*)\s*$")
_SKIPPED_PREFIXES = ("#", "A", "M", "R", "*", "N")
_ROLE_SUFFIX = re.compile(r"\d+$")
# A line starting like an annotation id is a broken annotation, not the continuation of a text.
_LOOKS_LIKE_ID = re.compile(r"^[TEAMRN*#]\d*\s")


class BratWarning(UserWarning):
    """A line of an .ann file that could not be read and was skipped."""


@dataclass(frozen=True, slots=True)
class TextBound:
    id: str
    label: str
    span: Span
    text: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """An event: a trigger text-bound and (role, id) arguments.

    brat numbers repeated roles (``Content:T3 Content2:T9``); ``roles()``
    folds them back to the base role name.
    """

    id: str
    label: str
    trigger: str
    args: tuple[tuple[str, str], ...] = ()

    def roles(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for role, target in self.args:
            out.setdefault(_ROLE_SUFFIX.sub("", role), []).append(target)
        return out


@dataclass(slots=True)
class BratDocument:
    textbounds: dict[str, TextBound] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    skipped: int = 0


def parse_ann(content: str, name: str = "<ann>") -> BratDocument:
    doc = BratDocument()
    last_textbound: str | None = None
    for lineno, line in enumerate(content.splitlines(), 1):
        if match := _TEXTBOUND.match(line):
            tid, label, offsets, text = match.groups()
            ranges = [(int(a), int(b)) for a, b in (part.split() for part in offsets.split(";"))]
            if any(end < start for start, end in ranges):
                _skip(doc, name, lineno, line, "a range ends before it starts")
                continue
            doc.textbounds[tid] = TextBound(tid, label, as_span(ranges), text or "")
            last_textbound = tid
        elif match := _EVENT.match(line):
            eid, label, trigger, rest = match.groups()
            args = tuple((role, target) for role, target in (a.split(":", 1) for a in rest.split()))
            doc.events.append(Event(eid, label, trigger, args))
            last_textbound = None
        elif line.startswith(_SKIPPED_PREFIXES) or not line.strip():
            continue
        elif last_textbound is not None and not _LOOKS_LIKE_ID.match(line):
            # The text of a multi-line T annotation: offsets already say everything.
            bound = doc.textbounds[last_textbound]
            doc.textbounds[last_textbound] = TextBound(
                bound.id, bound.label, bound.span, bound.text + "\n" + line
            )
        else:
            _skip(doc, name, lineno, line, "not a brat standoff line")
    return doc


def read_ann(path: str | Path) -> BratDocument:
    path = Path(path)
    return parse_ann(path.read_text(encoding="utf-8"), name=str(path))


def _skip(doc: BratDocument, name: str, lineno: int, line: str, why: str) -> None:
    doc.skipped += 1
    shown = line if len(line) <= 60 else line[:57] + "..."
    warnings.warn(f"{name}:{lineno}: skipped ({why}): {shown!r}", BratWarning, stacklevel=3)
