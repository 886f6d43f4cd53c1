#!/usr/bin/env bash
# A pristine Debian root for the fresh-machine proof in CI (issue 11).
#
#   bash .ci/pristine.sh make DIR        debootstrap Debian (the host's suite) into DIR
#   bash .ci/pristine.sh run DIR CMD...  run CMD as root inside DIR, the checkout at /src and
#                                        ../shared read-only at /shared (so /src/../shared works)
#
# Nothing is copied from the host into the root except what is strictly needed to reach the
# package registries: resolv.conf, the Debian entries of the apt sources and apt's Acquire::
# settings, the extra CA certificates of the egress proxy, and pip's configuration with every
# local path (find-links, file:// indexes, constraint files) removed - never packages or caches.
#
# Every mount is made inside a private mount namespace (unshare -m), so even a kill -9 leaves
# nothing mounted on the host; a trap also unmounts in reverse order on any exit.
#
# Environment: PRISTINE_SRC (checkout to bind at /src; default: the one holding this script),
# PRISTINE_SHARED (default: PRISTINE_SRC/../shared), PRISTINE_VARIANT (debootstrap variant,
# default minbase: the barest root, so a package setup-env.sh forgets cannot hide behind one
# that a fuller install happens to bring; "default" for debootstrap's own default set),
# PRISTINE_MIRROR (default: the host's Debian mirror).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
die() { echo "pristine.sh: $*" >&2; exit 2; }
[ "$(id -u)" = "0" ] || die "must run as root (debootstrap, mount, chroot)"

host_suite() {
  # Same suite as the host (Debian 12 bookworm here).
  . /etc/os-release
  echo "${VERSION_CODENAME:-bookworm}"
}

debian_source_files() {
  # The host's apt source files that point at the Debian archive (not third-party repositories,
  # whose keyrings the root would not have).
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    if grep -q 'debian-archive-keyring' "$f" 2>/dev/null \
       || grep -Eq '^deb .*/debian(-security)?/? ' "$f" 2>/dev/null; then
      echo "$f"
    fi
  done
}

host_mirror() {
  # The first Debian archive URI of the host (the registries here may be mirrors).
  local f uri
  if [ -n "${PRISTINE_MIRROR:-}" ]; then echo "$PRISTINE_MIRROR"; return; fi
  for f in $(debian_source_files); do
    uri=$( { sed -n 's/^URIs: *\([^ ]*\).*/\1/p' "$f"; \
             sed -n 's/^deb \(\[[^]]*\] \)\?\([^ ]*\) .*/\2/p' "$f"; } \
           | grep -v 'security' | head -1 || true)
    if [ -n "$uri" ]; then echo "$uri"; return; fi
  done
  echo "http://deb.debian.org/debian"
}

strip_local_pip_config() {
  # Copy a pip config file without what points at the host's disk (wheel folders, file://
  # indexes, constraint files): those are caches, and the root must fetch from the registry.
  awk '
    /^[[:space:]]*(find-links|find_links|constraint|constraints)[[:space:]]*=/ { skip = 1; next }
    skip && /^[[:space:]]+[^[:space:]]/ { next }
    { skip = 0 }
    /^[[:space:]]*(index-url|extra-index-url|index_url|extra_index_url)[[:space:]]*=/ {
      key = $0; sub(/=.*/, "", key); val = $0; sub(/^[^=]*=/, "", val)
      n = split(val, parts, /[[:space:]]+/); out = ""
      for (i = 1; i <= n; i++) if (parts[i] != "" && parts[i] !~ /^file:/) out = out " " parts[i]
      if (out != "") print key "=" out
      next
    }
    { print }' "$1"
}

copy_registry_config() {
  local root="$1" f dest
  # DNS
  install -m 0644 -D /etc/resolv.conf "$root/etc/resolv.conf"
  # apt: the Debian sources as the host has them, and apt's network settings (Acquire::*).
  rm -f "$root/etc/apt/sources.list"
  for f in $(debian_source_files); do
    case "$f" in
      /etc/apt/sources.list) install -m 0644 "$f" "$root/etc/apt/sources.list" ;;
      *) install -m 0644 "$f" "$root/etc/apt/sources.list.d/$(basename "$f")" ;;
    esac
  done
  for f in /etc/apt/apt.conf /etc/apt/apt.conf.d/*; do
    [ -f "$f" ] || continue
    # Only files made solely of Acquire:: settings (proxies, snapshot validity, index targets).
    if ! grep -Ev '^[[:space:]]*(//.*|#.*)?$' "$f" | grep -Evq '^[[:space:]]*Acquire::'; then
      dest="$root/etc/apt/apt.conf.d/$(basename "$f")"
      [ "$f" = /etc/apt/apt.conf ] && dest="$root/etc/apt/apt.conf"
      install -m 0644 "$f" "$dest"
    fi
  done
  # Extra CA certificates (an egress proxy that inspects TLS); the root's ca-certificates
  # package, installed by setup-env.sh, adds them to its bundle.
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    mkdir -p "$root/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  fi
  # pip: system-wide and root's own configuration, local paths removed.
  for f in /etc/pip.conf /etc/xdg/pip/pip.conf "$HOME/.config/pip/pip.conf" "$HOME/.pip/pip.conf"; do
    [ -f "$f" ] || continue
    case "$f" in
      "$HOME"/*) dest="$root/root/${f#"$HOME"/}" ;;
      *) dest="$root$f" ;;
    esac
    mkdir -p "$(dirname "$dest")"
    strip_local_pip_config "$f" >"$dest"
  done
}

cmd_make() {
  local root="$1" suite mirror variant t0
  [ -n "$root" ] || die "usage: make DIR"
  command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install debootstrap)"
  if [ -e "$root" ] && [ -n "$(ls -A "$root" 2>/dev/null)" ]; then die "$root exists and is not empty"; fi
  mkdir -p "$root"
  suite="$(host_suite)"; mirror="$(host_mirror)"; variant="${PRISTINE_VARIANT:-minbase}"
  echo "== debootstrap (variant $variant) $suite $root $mirror"
  t0=$SECONDS
  # debootstrap mounts /proc and /sys in the target while it configures; a private namespace
  # makes sure none of that survives a failure.
  local args=()
  [ "$variant" = "default" ] || args+=(--variant="$variant")  # "default": Priority required+important
  unshare -m --propagation private \
    debootstrap "${args[@]}" "$suite" "$root" "$mirror" >"$root.debootstrap.log" 2>&1 \
    || { tail -30 "$root.debootstrap.log" >&2; die "debootstrap failed (log: $root.debootstrap.log)"; }
  copy_registry_config "$root"
  # A fresh machine has no apt lists; setup-env.sh runs apt-get update itself.
  echo "== pristine root ready in $((SECONDS - t0)) s: $(du -sh "$root" | cut -f1)"
}

# Inner half of `run`: executes inside the private mount namespace made by cmd_run.
cmd_inner() {
  local root="$1" src="$2" shared="$3"; shift 3
  MOUNTED=()  # global: the EXIT trap runs after this function has returned
  cleanup() {
    local i
    for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
      umount "${MOUNTED[i]}" 2>/dev/null || umount -l "${MOUNTED[i]}" 2>/dev/null || true
    done
  }
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  mnt() { local target="${*: -1}"; mkdir -p "$target"; mount "$@"; MOUNTED+=("$target"); }
  mnt -t proc proc "$root/proc"
  mnt --rbind /sys "$root/sys"; mount --make-rslave "$root/sys"
  mnt --bind /dev "$root/dev"
  mnt --bind /dev/pts "$root/dev/pts"
  mnt -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm"
  mnt --bind "$src" "$root/src"
  if [ -d "$shared" ]; then
    mnt --bind "$shared" "$root/shared"
    mount -o remount,bind,ro "$root/shared"
  else
    echo "pristine.sh: no $shared to mount at /shared (not needed by the suite)" >&2
  fi
  # A clean environment as a fresh login would have it: no host venv, no host PIP_* caches.
  local envv=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
              TERM="${TERM:-dumb}" CI="${CI:-}" DEBIAN_FRONTEND=noninteractive)
  local v
  for v in PIP_DEFAULT_TIMEOUT PIP_DISABLE_PIP_VERSION_CHECK PIP_INDEX_URL PIP_TRUSTED_HOST PIP_CERT \
           PIP_PROXY http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
    if [ -n "${!v:-}" ] && [[ "${!v}" != file:* ]]; then envv+=("$v=${!v}"); fi
  done
  local rc=0
  env -i "${envv[@]}" chroot "$root" "$@" || rc=$?
  return $rc
}

cmd_run() {
  local root="$1"; shift
  [ -d "$root/etc" ] && [ -x "$root/bin/sh" ] || die "$root is not a root made by 'make'"
  [ $# -gt 0 ] || die "usage: run DIR CMD..."
  local src="${PRISTINE_SRC:-$(dirname "$here")}"
  src="$(cd "$src" && pwd)"
  local shared="${PRISTINE_SHARED:-$(dirname "$src")/shared}"
  # A .venv made on the host would be replaced by setup-env.sh inside the root (its python is
  # not there): refuse rather than clobber a developer's environment.
  local venv_home
  venv_home=$(sed -n 's/^home *= *//p' "$src/.venv/pyvenv.cfg" 2>/dev/null || true)
  if [ -n "$venv_home" ] && [ ! -x "$root$venv_home/python3" ]; then
    die "$src/.venv was made outside this root ($venv_home): use a clean copy (git clone) as PRISTINE_SRC"
  fi
  # Private mount namespace: mounts are invisible to the host and vanish with the process.
  exec unshare -m --propagation private bash "$here/pristine.sh" __inner "$root" "$src" "$shared" "$@"
}

case "${1:-}" in
  make) shift; cmd_make "${1:-}" ;;
  run) shift; [ $# -ge 1 ] || die "usage: run DIR CMD..."; cmd_run "$@" ;;
  __inner) shift; cmd_inner "$@" ;;
  *) echo "usage: $0 make DIR | run DIR CMD..." >&2; exit 2 ;;
esac
