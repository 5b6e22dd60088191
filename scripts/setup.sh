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
# An editable install leaves quotetrace's own modules uncompiled: where PYTHONDONTWRITEBYTECODE
# is set (CI, containers) every command would compile them again at start-up (~0.1 s).
.venv/bin/python -m compileall -q src >/dev/null
if [ "${1:-}" != "--quiet" ]; then
  .venv/bin/quotetrace extract examples/interview.txt
fi
