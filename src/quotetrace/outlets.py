"""Outlet names as a reader would write them: "ReutersIndia" and "Reuters_Co_Uk" are "Reuters".

Web pages name their site in many machine-made ways (an edition glued on, a
domain spelt with underscores). ``normalise`` strips those, then looks the
result up in the known names of ``data/outlets.tsv``; a name it does not
recognise as machine-made comes back as given ("NOLA.com" stays "NOLA.com").
Callers keep the raw value next to the normalised one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quotetrace.paths import data_file

# Word pieces: a CamelCase hump, an all-caps run, digits; separators are anything else.
_PIECES = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_MACHINE = re.compile(r"[_]|[a-z][A-Z]|^www\.|\.[a-z]{2,3}(\.[a-z]{2})?$", re.I)


@dataclass(frozen=True, slots=True)
class Table:
    names: dict[str, str]
    regions: frozenset[str]
    domains: frozenset[str]


@lru_cache(maxsize=1)
def table() -> Table:
    names: dict[str, str] = {}
    kinds: dict[str, set[str]] = {"region": set(), "domain": set()}
    for line in data_file("outlets.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, value, *rest = line.split("\t") + [""]
        if kind == "name":
            names[key(value)] = rest[0].strip()
        elif kind in kinds:
            kinds[kind].add(value.strip().casefold())
    return Table(names, frozenset(kinds["region"]), frozenset(kinds["domain"]))


def key(name: str) -> str:
    """Letters and digits only, case-folded: how names are compared."""
    return "".join(c for c in name.casefold() if c.isalnum())


def normalise(raw: str | None) -> str | None:
    """The outlet's name without editions and domain labels; None for an empty value."""
    if raw is None:
        return None
    raw = " ".join(str(raw).split())
    if not raw:
        return None
    t = table()
    if key(raw) in t.names:
        return t.names[key(raw)]
    if not _MACHINE.search(raw):
        return raw  # already a name as people write it: "The Boston Herald"
    pieces = _PIECES.findall(raw)
    kept = list(pieces)
    while kept and kept[0].casefold() == "www":
        kept.pop(0)
    # Trailing domain labels first ("_Co_Uk", ".co.uk"), then editions ("India"). A lone ".com"
    # is part of brands such as "NOLA.com" and stays.
    labels = 0
    while len(kept) > 1 and kept[-1].casefold() in t.domains and _is_suffix(raw, kept[-1]):
        kept.pop()
        labels += 1
    if labels == 1 and "_" not in raw and not raw.casefold().startswith("www."):
        kept = list(pieces)
    while len(kept) > 1 and kept[-1].casefold() in t.regions:
        kept.pop()
    if kept == pieces and "_" not in raw:
        return raw  # nothing machine-made to strip ("OregonLive.com" is the brand)
    name = " ".join(kept)
    return t.names.get(key(name), name if not name.islower() else name.title())


def _is_suffix(raw: str, piece: str) -> bool:
    """A domain label only counts after "_" or ".": "Ca" in "AfricaCa" is not one, "_Ca" is."""
    return bool(re.search(rf"[_.]{re.escape(piece)}(?:[_.][A-Za-z]{{2,3}})*$", raw, re.I))
