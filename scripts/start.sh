#!/usr/bin/env bash
# Install what is needed and open the application (on a demo store when there is none).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-env.sh
DATA="${TRIAL_ASSISTANT_DATA:-$PWD/demo-data}"
exec .venv/bin/python -m app gui --demo --data "$DATA" "$@"
