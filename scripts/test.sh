#!/usr/bin/env bash
# Install what is needed and run the whole test suite (Qt offscreen, no network).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-env.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
