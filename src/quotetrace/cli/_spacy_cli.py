"""Keep ``import spacy`` from loading spaCy's own command line in the ``quotetrace`` command.

``spacy/__init__.py`` imports ``spacy.cli.info`` to re-export one function, and with it the
``spacy.cli`` package, whose ``__init__`` imports every spaCy command (train, init config,
project, download: typer, weasel, jinja2, requests). That is about a quarter of importing
spaCy, on every ``quotetrace extract`` start, for commands quotetrace never runs.

``defer()`` (called by ``quotetrace.cli.main``, never on a plain ``import quotetrace``, so a
library user's spaCy is untouched) answers the first import of ``spacy.cli`` with a module
that has the real package's path but does not run its ``__init__``: ``spacy.cli.info`` and
any other submodule still import from the real files. Any attribute asked of it (``from
spacy.cli import download``, ``spacy.cli.app``) imports the real package in its place
first, so nothing a caller can reach differs from spaCy's own (tests/test_startup.py).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:  # importlib.abc costs --help 20 ms; the loader protocol is all it needs
    from importlib.abc import Loader

PACKAGE = "spacy.cli"


class _Deferred(ModuleType):
    """``spacy.cli`` before its ``__init__`` has run; becomes the real one on first use."""

    def __getattribute__(self, name: str) -> Any:
        # Module attributes (__path__, __spec__, ...) are the import system's: its own. Every
        # other name is the real package's, even one bound here: a submodule imported under
        # this module is bound to it ("download"), where the real package binds that name to
        # a function (``from .download import download``).
        if name.startswith("__"):
            return super().__getattribute__(name)
        return getattr(_real_package(self), name)


def _real_package(deferred: ModuleType) -> ModuleType:
    """Import spaCy's ``spacy.cli`` in place of the deferred one (which then forwards to it)."""
    if sys.modules.get(PACKAGE) is deferred:
        del sys.modules[PACKAGE]
    real = importlib.import_module(PACKAGE)  # runs the real __init__; rebinds spacy.cli
    # Submodules imported under the deferred package were bound to it as attributes; the
    # import system binds a submodule to its parent only on first import, so bind them here.
    for key, module in list(sys.modules.items()):
        parent, _, child = key.rpartition(".")
        if parent == PACKAGE and not hasattr(real, child):
            setattr(real, child, module)
    return real


class _Finder:
    """A meta path finder that answers once, for ``spacy.cli``, then steps aside."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        if name != PACKAGE:
            return None
        self.remove()
        real = importlib.util.find_spec(name)
        if real is None or real.submodule_search_locations is None:
            return None  # not the package it was: let the normal import say so
        spec = ModuleSpec(name, cast("Loader", _Loader()), is_package=True)
        spec.submodule_search_locations = list(real.submodule_search_locations)
        return spec

    def remove(self) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)


class _Loader:
    def create_module(self, spec: ModuleSpec) -> ModuleType:
        return _Deferred(spec.name)

    def exec_module(self, module: ModuleType) -> None:
        """The package's ``__init__`` is what is deferred: nothing to run now."""


def defer() -> None:
    """Defer ``spacy.cli``'s ``__init__`` when spaCy is imported later in this process."""
    if "spacy" in sys.modules or any(isinstance(f, _Finder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _Finder())
