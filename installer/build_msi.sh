#!/usr/bin/env bash
# Build the per-machine x64 MSI from a PyInstaller bundle with msitools (wixl, wixl-heat, msibuild).
#
#   bash installer/build_msi.sh [BUNDLE_DIR] [OUT.msi]
#
# BUNDLE_DIR defaults to dist/windows/TrialAssistant (the Windows bundle that
# scripts/build_windows.sh builds under Wine); OUT defaults to dist/TrialAssistant-<version>-x64.msi.
# VERSION overrides the version from pyproject.toml. Only a Windows bundle is accepted: an MSI
# around the Linux bundle (ELF executables) would install a program no court PC can start.
# Needs: apt-get install -y wixl msitools.  Steps:
#   1. harvest the bundle's _internal folder into bundle.wxs (wixl-heat);
#   2. link product.wxs + policy.wxi + bundle.wxs with `wixl -a x64`;
#   3. apply what wixl cannot express: code page 936, Chinese strings and file names
#      (localize.sql + generated statements), component conditions and secure properties
#      (policy.sql).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

bundle="$(cd "${1:-$root/dist/windows/TrialAssistant}" && pwd)"
version="${VERSION:-$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' "$root/pyproject.toml" | head -1)}"
out="${2:-$root/dist/TrialAssistant-$version-x64.msi}"
mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"

for tool in wixl wixl-heat msibuild; do
  command -v "$tool" >/dev/null || { echo "$tool not found: apt-get install -y wixl msitools" >&2; exit 1; }
done
suffix=.exe
for exe in TrialAssistant trial-assistant; do
  [ -f "$bundle/$exe$suffix" ] || { echo "missing $bundle/$exe$suffix: not a Windows bundle (the Linux bundle is shipped as a .deb: scripts/build_deb.sh)" >&2; exit 1; }
  [ "$(head -c 2 "$bundle/$exe$suffix")" = MZ ] || { echo "$bundle/$exe$suffix is not a Windows program (no MZ header)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Only ASCII reaches wixl; file names are harvested in a stable order.
name="$(basename "$bundle")"
(cd "$(dirname "$bundle")" && find "$name/_internal" -type f | LC_ALL=C sort \
  | wixl-heat -p "$name/" --directory-ref INSTALLDIR --component-group CG.Bundle \
      --var var.BundleDir --win64) >"$work/bundle.wxs"

# wixl resolves File sources relative to the working folder and refuses absolute paths.
ln -s "$bundle" "$work/bundle"
cp "$here/product.wxs" "$here/policy.wxi" "$work/"
(cd "$work" && LC_ALL=C.UTF-8 wixl -a x64 \
  -D Version="$version" -D BundleDir=bundle -D ExeSuffix="$suffix" -D Win64=yes \
  -o "$out.tmp" product.wxs bundle.wxs)

# One msibuild run (each run rewrites the whole package): code page first, so that the
# UPDATEs after it may carry Chinese text.
printf '\r\n\r\n936\t_ForceCodepage\r\n' >"$work/_ForceCodepage.idt"
python3 "$here/msi_names.py" "$work/bundle.wxs" >"$work/names.sql"
args=(-i "$work/_ForceCodepage.idt")
for sql in "$here/policy.sql" "$here/localize.sql" "$work/names.sql"; do
  while IFS= read -r line; do
    case "$line" in ''|--*) continue ;; esac
    args+=(-q "$line")
  done <"$sql"
done
LC_ALL=C.UTF-8 msibuild "$out.tmp" "${args[@]}"
mv "$out.tmp" "$out"
echo "$out ($(du -h "$out" | cut -f1), version $version)"
