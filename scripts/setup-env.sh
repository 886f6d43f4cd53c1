#!/usr/bin/env bash
# Shared set-up for start.sh and test.sh: the system packages the program and its tests need, a
# local .venv, the project. Safe to run repeatedly; it only installs what is missing.
#
# It must work on a bare Debian/Ubuntu (CI proves it in a debootstrap root, .ci/pristine.sh),
# so everything the suite uses from the system is listed here and checked below:
#   python3 python3-venv ca-certificates   the interpreter, venv/ensurepip, TLS roots for pip
#   lib* (EGL, GL, xkbcommon, fontconfig, dbus, glib, xcb-*)   what the PySide6 wheels load
#   libportaudio2                          sounddevice (live recording)
#   fontconfig                             fc-cache: system font caches, so no process writes ~/.cache/fontconfig
#   fonts-noto-cjk fonts-droid-fallback fonts-dejavu-core   Chinese UI text; the cataloguing
#                                          tests draw their synthetic scans with these fonts
#   wixl msitools                          build and inspect the MSI (installer tests)
#   strace                                 the no-network/no-telemetry test (tests/app)
# No compiler is needed: every dependency has a wheel for CPython 3.10-3.13 on x86-64 Linux
# except jieba, which is pure Python (its sdist builds without one).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-python3}"
SYSTEM_PACKAGES="python3 python3-venv ca-certificates \
libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 \
libxcb-image0 libportaudio2 fontconfig fonts-noto-cjk fonts-droid-fallback fonts-dejavu-core wixl msitools strace"
SYSTEM_LIBS="libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3 libglib-2.0.so.0 \
libxcb-cursor.so.0 libportaudio.so.2"
SYSTEM_COMMANDS="fc-cache wixl msiinfo msiextract strace"
SYSTEM_FILES="/etc/ssl/certs/ca-certificates.crt \
/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf \
/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

missing_system_parts() {
  # Prints what is missing (nothing when all is there).
  local cache="" lib cmd file
  command -v "$PYTHON" >/dev/null 2>&1 || echo "$PYTHON"
  if command -v "$PYTHON" >/dev/null 2>&1 && ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    echo "$PYTHON -m venv (python3-venv)"
  fi
  for cmd in $SYSTEM_COMMANDS; do command -v "$cmd" >/dev/null 2>&1 || echo "$cmd"; done
  for file in $SYSTEM_FILES; do [ -e "$file" ] || echo "$file"; done
  if command -v ldconfig >/dev/null 2>&1; then
    cache=$(ldconfig -p 2>/dev/null)
    for lib in $SYSTEM_LIBS; do grep -q "$lib" <<<"$cache" || echo "$lib"; done
  fi
}

if [ "$(uname -s)" = "Linux" ]; then
  missing=$(missing_system_parts)
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "== installing system packages (apt-get); missing: $(echo $missing)"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      # shellcheck disable=SC2086
      apt-get install -y -qq --no-install-recommends $SYSTEM_PACKAGES >/dev/null
      missing=$(missing_system_parts)
      if [ -n "$missing" ]; then
        echo "Still missing after apt-get install: $(echo $missing)" >&2
        exit 1
      fi
    else
      echo "Missing: $(echo $missing)" >&2
      echo "Qt, audio, fonts, the MSI tools or the test tools need system packages. Install them with:" >&2
      echo "  sudo apt-get install -y $SYSTEM_PACKAGES" >&2
      exit 1
    fi
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
