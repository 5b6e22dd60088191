"""``quotetrace --help`` and ``--version`` start fast: they import no heavy library."""

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
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})), file=sys.stderr)
"""


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["batch", "--help"], ["evaluate", "--help"]])
def test_help_and_version_import_no_heavy_library(argv):
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=120, check=False
    )
    loaded = set(json.loads(proc.stderr.strip().splitlines()[-1]))
    assert "quotetrace" in loaded and proc.stdout  # the probe did run the CLI
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))
