#!/usr/bin/env bash
# Package the LINUX bundle as a .deb for Debian-family desktops (Debian, 统信UOS, 银河麒麟).
#
#   bash scripts/build_deb.sh [BUNDLE_DIR] [OUT_DIR]
#
# BUNDLE_DIR defaults to dist/TrialAssistant (scripts/build_bundle.sh: ELF executables; it is
# refused when it holds Windows .exe files); OUT_DIR defaults to dist. Writes
# OUT_DIR/trial-assistant_<version>_amd64.deb laid out as:
#
#   /opt/trial-assistant/                       the bundle (trial-assistant, TrialAssistant, _internal/)
#   /usr/bin/trial-assistant                    wrapper: the command line (selftest, policy show, ...)
#   /usr/share/applications/trial-assistant.desktop   menu entry 审判辅助系统 -> the window
#   /usr/share/icons/hicolor/*/apps/trial-assistant.{png,svg}
#   /usr/share/doc/trial-assistant/             copyright (third-party licences), README.Debian
#   /etc/trial-assistant/                       machine policy folder; IT writes policy.json here
#                                               (app/paths.py policy_file(); never shipped, so
#                                               upgrades and removal leave the court's values)
#
# Depends: the system libraries Qt's xcb platform and PortAudio load (the list scripts/setup-env.sh
# installs) and a CJK font. Needs dpkg-deb (dpkg). VERSION overrides pyproject.toml's version.
# DEB_COMPRESSION: gzip (default) or xz - see the comment at dpkg-deb below.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

bundle="${1:-$ROOT/dist/TrialAssistant}"
out_dir="${2:-$ROOT/dist}"
version="${VERSION:-$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' pyproject.toml | head -1)}"
[ -d "$bundle/_internal" ] || { echo "$bundle is not a PyInstaller onedir bundle (no _internal)" >&2; exit 1; }
for exe in trial-assistant TrialAssistant; do
  [ -f "$bundle/$exe" ] || { echo "missing $bundle/$exe: not the Linux bundle (the Windows bundle goes into the MSI)" >&2; exit 1; }
  [ "$(head -c 4 "$bundle/$exe" | od -An -c | tr -d ' ')" = "177ELF" ] \
    || { echo "$bundle/$exe is not a Linux (ELF) program" >&2; exit 1; }
done
command -v dpkg-deb >/dev/null || { echo "dpkg-deb not found (apt-get install dpkg)" >&2; exit 1; }

mkdir -p "$out_dir"
deb="$(cd "$out_dir" && pwd)/trial-assistant_${version}_amd64.deb"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
pkg="$stage/pkg"

mkdir -p "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" "$pkg/usr/share/doc/trial-assistant" \
  "$pkg/etc/trial-assistant" "$pkg/DEBIAN"
cp -a "$bundle" "$pkg/opt/trial-assistant"
# A wrapper rather than a symlink: the bootloader then sees its real path whatever /usr/bin is.
cat >"$pkg/usr/bin/trial-assistant" <<'EOF'
#!/bin/sh
# 审判辅助系统 command line (installed by the trial-assistant package).
exec /opt/trial-assistant/trial-assistant "$@"
EOF
chmod 0755 "$pkg/usr/bin/trial-assistant"
python3 installer/linux/deb_files.py desktop >"$pkg/usr/share/applications/trial-assistant.desktop"
for size in 16 24 32 48 64 128 256; do
  install -D -m 0644 "resources/icons/app_$size.png" \
    "$pkg/usr/share/icons/hicolor/${size}x${size}/apps/trial-assistant.png"
done
install -D -m 0644 resources/icons/app.svg "$pkg/usr/share/icons/hicolor/scalable/apps/trial-assistant.svg"
install -m 0644 resources/NOTICE.md "$pkg/usr/share/doc/trial-assistant/copyright"
python3 installer/linux/deb_files.py readme >"$pkg/usr/share/doc/trial-assistant/README.Debian"
python3 installer/linux/deb_files.py policy-example >"$pkg/usr/share/doc/trial-assistant/policy.example.json"

# Files dpkg installs must be root-owned and not group/world writable.
find "$pkg" -type d -exec chmod 0755 {} +
find "$pkg" -type f -perm /u+x -exec chmod 0755 {} +
find "$pkg" -type f ! -perm /u+x -exec chmod 0644 {} +
installed_kb="$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)"
python3 installer/linux/deb_files.py control "$version" "$installed_kb" >"$pkg/DEBIAN/control"

start=$(date +%s)
# gzip or xz: every dpkg reads them (UOS V20 and Kylin V10 ship dpkg 1.19, older than zstd
# support). gzip is the default: most of the bundle is already compressed (int8 model, shared
# libraries), and xz took minutes of a single core for a small saving (docs/benchmarks).
compression="${DEB_COMPRESSION:-gzip}"
case "$compression" in gzip|xz) ;; *) echo "DEB_COMPRESSION must be gzip or xz" >&2; exit 2 ;; esac
dpkg-deb --root-owner-group "-Z$compression" --build "$pkg" "$deb" >/dev/null
packed=$(( $(date +%s) - start ))
echo "pack_s $packed" >"$(dirname "$deb")/deb-build-times.txt"  # docs/benchmarks/deployment.md
echo "$deb ($(du -h "$deb" | cut -f1), installed $(( installed_kb / 1024 )) MB, packed in ${packed}s)"
