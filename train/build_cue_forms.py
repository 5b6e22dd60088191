"""Build src/quotetrace/data/cue_forms.tsv: every inflected form of the cue lexicon's verbs.

``extract.cues.cue_forms`` derives the forms with the model's own rule lemmatizer (about 3 s);
shipping the result makes the extractor start in a fraction of that. The table records the
lemmas it was built for, so a changed lexicon falls back to computing the forms at load time
until this script is run again. Deterministic: it depends only on the lexicon and the model.

    .venv/bin/python train/build_cue_forms.py [--check]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "quotetrace" / "data" / "cue_forms.tsv"


def build() -> str:
    from quotetrace.extract.cues import cue_forms
    from quotetrace.extract.lexicon import cue_lexicon
    from quotetrace.nlp import load_pipeline

    lexicon = cue_lexicon()
    forms = cue_forms(load_pipeline(), lexicon)
    lemmas = sorted(lemma for lemma in lexicon if lemma.isalpha())
    lines = [
        "# Inflected forms of the cue verbs in cues.tsv -> lemma; built by train/build_cue_forms.py",
        "# with en_core_web_sm's rule lemmatizer and exception table.",
        "# lemmas: " + " ".join(lemmas),
        "form\tlemma",
        *(f"{form}\t{lemma}" for form, lemma in sorted(forms.items())),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when the shipped table is out of date")
    args = ap.parse_args()
    text = build()
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else "cue_forms.tsv is stale: run train/build_cue_forms.py")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 4} forms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
