#!/usr/bin/env bash
# Build the TEST-ONLY Wine stub DLLs with mingw-w64:  bash installer/wine-test-stubs/build.sh OUT_DIR
# They go into a throw-away Wine prefix's system32 (scripts/build_windows.sh), never into the
# bundle or the MSI (installer/windows/check_no_stubs.py fails the build if one is there).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: build.sh OUT_DIR}"
mkdir -p "$out"
cc=x86_64-w64-mingw32-gcc
"$cc" -shared -O2 -Wall -Wextra -static-libgcc -o "$out/icuuc.dll" "$here/icuuc.c"
"$cc" -shared -O2 -Wall -Wextra -static-libgcc -o "$out/bcryptprimitives.dll" "$here/bcryptprimitives.c" -lbcrypt
echo "stubs built in $out: icuuc.dll bcryptprimitives.dll (Wine test prefix only)"
