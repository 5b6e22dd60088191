"""Build src/quotetrace/data/name_gender.tsv, the first-name -> gender prior for pronoun resolution.

Source: the name data shipped in the PyPI package nomquamgender 0.1.4 (MIT,
Van Buskirk, Clauset & Larremore 2023), installed with `pip install -e .[train]`.
We keep only frequent names (>= MIN_COUNT occurrences) whose gender is clear
(p(female) <= 0.1 or >= 0.9), so the shipped file stays small. Run:

    .venv/bin/python train/build_name_gender.py
"""

from __future__ import annotations

import importlib.resources
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "quotetrace" / "data" / "name_gender.tsv"
MIN_COUNT = 3000
CLEAR = 0.1


def main() -> None:
    with importlib.resources.files("nomquamgender").joinpath("name_data.json").open() as fh:
        data = json.load(fh)
    rows = []
    for name, record in data.items():
        count, p_female = record[1], record[2]
        if count < MIN_COUNT or not name.isalpha() or not name.isascii() or len(name) < 2:
            continue
        if p_female <= CLEAR:
            rows.append((name, "m"))
        elif p_female >= 1 - CLEAR:
            rows.append((name, "f"))
    rows.sort()
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# First names with a clear gender. Source: nomquamgender 0.1.4 name data (MIT).\n")
        fh.write("# Built by train/build_name_gender.py.\n")
        fh.write("name\tgender\n")
        fh.writelines(f"{n}\t{g}\n" for n, g in rows)
    print(f"wrote {len(rows)} names to {OUT}")


if __name__ == "__main__":
    main()
