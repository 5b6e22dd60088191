"""The quotetrace command defers spaCy's own CLI package; nothing reachable may differ from spaCy's."""

from __future__ import annotations

import json
import subprocess
import sys

# What a caller can reach through spacy.cli, described by type and defining module.
PROBE = """
import json, sys
if sys.argv[1] == "deferred":
    from quotetrace.cli import _spacy_cli
    _spacy_cli.defer()
import spacy
after_import = sorted(m for m in sys.modules if m.startswith("spacy.cli"))
from spacy.cli import download, info
import spacy.cli.train

def describe(obj):
    return [type(obj).__name__, getattr(obj, "__module__", None) or getattr(obj, "__name__", None)]

names = ["download", "info", "app", "train", "train_cli", "init_config", "setup_cli", "_util"]
print(json.dumps({
    "after_import": after_import,
    "spacy.info": describe(spacy.info),
    "from_import": [describe(download), describe(info)],
    "attributes": {n: describe(getattr(spacy.cli, n)) for n in names},
    "same_app": spacy.cli.app is sys.modules["spacy.cli._util"].app,
    "bound": type(sys.modules["spacy.cli"]).__name__,
    "commands": sorted(c.name or c.callback.__name__ for c in spacy.cli.app.registered_commands),
}))
"""


def probe(mode: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, mode], capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(proc.stdout)


def test_spacy_cli_init_is_not_run_by_import_spacy():
    deferred = probe("deferred")
    assert "spacy.cli.init_config" not in deferred["after_import"]  # the deferred part
    assert {"spacy.cli.info", "spacy.cli"} <= set(deferred["after_import"])  # what spacy needs
    assert "spacy.cli.init_config" in probe("plain")["after_import"]


def test_everything_reachable_through_spacy_cli_is_spacys_own():
    deferred, plain = probe("deferred"), probe("plain")
    for key in ("spacy.info", "from_import", "attributes", "same_app", "commands"):
        assert deferred[key] == plain[key], key
    assert deferred["bound"] == "module"  # the real package replaced the deferred one on first use
    assert deferred["attributes"]["download"] == ["function", "spacy.cli.download"]


def test_defer_is_a_no_op_once_spacy_is_imported():
    import spacy  # noqa: F401

    from quotetrace.cli import _spacy_cli

    before = list(sys.meta_path)
    _spacy_cli.defer()
    assert sys.meta_path == before
