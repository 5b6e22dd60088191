#!/usr/bin/env bash
# Install (idempotent), fetch the test browser, lint, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --quiet
if [ -f scripts/install-browser.sh ]; then
  bash scripts/install-browser.sh || echo "browser install failed: browser tests will skip"
fi
.venv/bin/ruff check src tests bench train
.venv/bin/mypy  # src/quotetrace, settings in pyproject.toml [tool.mypy]
.venv/bin/python -m pytest -q "$@"
