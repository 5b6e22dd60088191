"""``quotetrace --help``, ``--version`` and the ``trace`` query start fast: they import no heavy library."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("spacy", "pyarrow", "dask", "distributed", "fastapi", "uvicorn", "thinc", "trafilatura")

PROBE = """
import json, sys
from quotetrace.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["batch", "--help"], ["evaluate", "--help"]])
def test_help_and_version_import_no_heavy_library(argv):
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=120, check=False
    )
    loaded = top_level(proc)
    assert "quotetrace" in loaded and proc.stdout  # the probe did run the CLI
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def modules(proc: subprocess.CompletedProcess) -> set[str]:
    return set(json.loads(proc.stderr.strip().splitlines()[-1]))


def top_level(proc: subprocess.CompletedProcess) -> set[str]:
    return {m.split(".")[0] for m in modules(proc)}


# The query reads families from SQLite and aligns the query with a few members (rapidfuzz):
# no clustering libraries (numpy, datasketch), no spaCy, no store search or extraction code.
TRACE_HEAVY = (*HEAVY, "numpy", "datasketch", "scipy", "pandas", "jinja2")


def test_trace_query_imports_only_what_a_query_needs(tmp_path):
    from test_trace_store import stored

    db = tmp_path / "q.db"
    stored(db).close()
    argv = ["trace", "Mexico is going to pay for that wall", "--db", str(db)]
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=120, check=False
    )
    loaded = modules(proc)
    assert "Harbour Herald" in proc.stdout  # the probe did find the family
    assert top_level(proc).isdisjoint(TRACE_HEAVY), sorted(top_level(proc) & set(TRACE_HEAVY))
    own = {m for m in loaded if m.startswith(("quotetrace.extract", "quotetrace.frame", "quotetrace.store."))}
    reads = {"quotetrace.store.db", "quotetrace.store.schema", "quotetrace.store.family_reads"}
    assert own <= reads, sorted(own)
