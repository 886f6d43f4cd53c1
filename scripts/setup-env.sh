#!/usr/bin/env bash
# Shared set-up for start.sh and test.sh: system libraries Qt needs, a local .venv, the project.
# Safe to run repeatedly; it only installs what is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-python3}"
SYSTEM_PACKAGES="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 \
libxcb-image0 libportaudio2 fonts-noto-cjk wixl msitools"

missing_system_libs() {
  command -v ldconfig >/dev/null 2>&1 || return 1
  # msitools' wixl builds and inspects the MSI (installer tests); the rest is what Qt and audio load.
  command -v wixl >/dev/null 2>&1 && command -v msiinfo >/dev/null 2>&1 || return 0
  local cache; cache=$(ldconfig -p 2>/dev/null)
  for lib in libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3 libportaudio.so.2; do
    grep -q "$lib" <<<"$cache" || return 0
  done
  return 1
}

if [ "$(uname -s)" = "Linux" ] && missing_system_libs; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing system libraries for Qt and audio (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $SYSTEM_PACKAGES >/dev/null
  else
    echo "Qt, audio or the MSI tools need system packages that are missing. Install them with:" >&2
    echo "  sudo apt-get install -y $SYSTEM_PACKAGES" >&2
    exit 1
  fi
fi

if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  echo "== installing the project and its dependencies into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
