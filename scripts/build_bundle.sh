#!/usr/bin/env bash
# Build the frozen bundle (PyInstaller onedir) and prove it works: one command for CI and IT.
#
#   bash scripts/build_bundle.sh            -> dist/TrialAssistant/ (+ selftest report)
#
# Installs PyInstaller into .venv through the project's `build` extra, builds build.spec,
# then runs the frozen binary's `selftest --json` offscreen with throw-away cache/config
# folders and installer/check_bundle.py (models, resources, plugins, every own module), and
# fails (non-zero exit) when the build, a selftest check or the bundle check fails.
# DIST_DIR / WORK_DIR override the output folders.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-env.sh
stamp=".venv/.build-extra-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "== installing the build extra (PyInstaller) into .venv"
  .venv/bin/python -m pip install -q -e ".[build]"
  rm -f .venv/.build-extra-*
  touch "$stamp"
fi

DIST_DIR="${DIST_DIR:-dist}"
WORK_DIR="${WORK_DIR:-build/pyinstaller}"
echo "== building the bundle into $DIST_DIR/TrialAssistant"
start=$(date +%s)
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST_DIR" --workpath "$WORK_DIR" build.spec
echo "== built in $(( $(date +%s) - start ))s, size $(du -sh "$DIST_DIR/TrialAssistant" | cut -f1)"

echo "== selftest of the frozen binary"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
report="$DIST_DIR/selftest.json"
set +e
env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen \
  TRIAL_ASSISTANT_CACHE="$scratch/cache" TRIAL_ASSISTANT_CONFIG="$scratch/config" \
  TRIAL_ASSISTANT_DATA="$scratch/data" TRIAL_ASSISTANT_POLICY="$scratch/no-policy.json" \
  "$DIST_DIR/TrialAssistant/trial-assistant" selftest --json >"$report"
rc=$?
set -e
cat "$report"
if [ "$rc" -ne 0 ]; then
  echo "FROZEN SELFTEST FAILED (exit $rc): see $report" >&2
  exit 1
fi
echo "== frozen selftest passed"
.venv/bin/python installer/check_bundle.py "$DIST_DIR/TrialAssistant"
