#!/usr/bin/env bash
# Install quotetrace with pinned dependencies into .venv, then run it on the bundled example.
#   bash scripts/setup.sh            install + show the example's quotes
#   bash scripts/setup.sh --quiet    install only (used by scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip==25.3
# Constraints pin every transitive dependency, so results are comparable across machines.
.venv/bin/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[dev]"
if [ "${1:-}" != "--quiet" ]; then
  .venv/bin/quotetrace extract examples/interview.txt
fi
