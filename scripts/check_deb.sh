#!/usr/bin/env bash
# Install the .deb in a pristine Debian root with apt and self-test the installed program.
#
#   sudo bash scripts/check_deb.sh DEB [ROOT]
#
# ROOT: a root made by `.ci/pristine.sh make ROOT` (reused, and the package is removed again at
# the end). Without ROOT a new one is made in a temporary folder and deleted afterwards - the
# strict test: apt must pull every library the program needs through the package's Depends.
# PRISTINE_SH overrides the path of pristine.sh (default: .ci/pristine.sh of this checkout).
#
# Inside the root, as a fresh court PC would: apt-get install ./trial-assistant_*.deb, then
#   - /usr/bin/trial-assistant, the menu entry and the icon are in place;
#   - `trial-assistant selftest --json`, run as an ordinary user, passes every check, and
#     Whisper reads the installed model copy;
#   - a machine policy in /etc/trial-assistant/policy.json is applied as locked policy
#     (`trial-assistant policy show --json`);
#   - apt-get purge removes /opt/trial-assistant and leaves the court's policy file.
# Times go to DEB_CHECK_TIMES (default: dist/deb-check-times.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT_DIR="$(pwd)"
deb="${1:?usage: check_deb.sh DEB [ROOT]}"
[ -f "$deb" ] || { echo "no such package: $deb" >&2; exit 2; }
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
root="${2:-}"
pristine="${PRISTINE_SH:-$ROOT_DIR/.ci/pristine.sh}"
[ -f "$pristine" ] || { echo "pristine.sh not found at $pristine (set PRISTINE_SH)" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "must run as root (chroot, mounts)" >&2; exit 2; }
times="${DEB_CHECK_TIMES:-$ROOT_DIR/dist/deb-check-times.txt}"
mkdir -p "$(dirname "$times")"

made=""
work="$(mktemp -d /var/tmp/trial-assistant-deb.XXXXXX)"
cleanup() {
  if [ -n "$made" ] && ! findmnt -rn -o TARGET | grep -q "^$made/"; then rm -rf --one-file-system "$made"; fi
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "$root" ]; then
  root="$work/root"
  made="$root"
  t0=$SECONDS
  bash "$pristine" make "$root"
  echo "debootstrap_s $((SECONDS - t0))" >"$times"
else
  : >"$times"
fi
# pristine.sh binds PRISTINE_SRC at /src: here a folder holding only the package and the test.
mkdir -p "$work/src"
cp "$deb" "$work/src/"
cp "$ROOT_DIR/installer/linux/deb_selftest.sh" "$work/src/"
t0=$SECONDS
set +e
PRISTINE_SRC="$work/src" PRISTINE_SHARED="$work/no-shared" \
  bash "$pristine" run "$root" bash /src/deb_selftest.sh "/src/$(basename "$deb")" 2>&1 | tee "$work/inner.log"
rc=${PIPESTATUS[0]}
set -e
[ "$rc" -eq 0 ] || { echo "DEB CHECK FAILED in the pristine root (exit $rc)" >&2; exit 1; }
grep -E '^(apt_install_s|installed_selftest_s) [0-9]+$' "$work/inner.log" >>"$times" || true
echo "install_selftest_remove_s $((SECONDS - t0))" >>"$times"
cat "$times"
echo "== .deb check passed: $(basename "$deb") installed by apt in a pristine root, selftest and policy passed, purged"
