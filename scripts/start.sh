#!/usr/bin/env bash
# Install what is needed and open the application (on a demo store when there is none).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-env.sh
if [ "$(uname -s)" = "Linux" ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ]; then
  # Without this Qt aborts with a plugin error that does not say what is wrong.
  echo "没有图形显示（DISPLAY/WAYLAND_DISPLAY 未设置）：请在桌面会话中运行。" >&2
  echo "No display (DISPLAY/WAYLAND_DISPLAY unset): run this from a desktop session," >&2
  echo "or set QT_QPA_PLATFORM=offscreen to start without showing a window." >&2
  exit 1
fi
DATA="${TRIAL_ASSISTANT_DATA:-$PWD/demo-data}"
exec .venv/bin/python -m app gui --demo --data "$DATA" "$@"
