#!/bin/bash
# Runs INSIDE a pristine Debian root (scripts/check_deb.sh): install the .deb with apt, check
# what it put where, self-test the installed program as an ordinary user, apply a machine
# policy, purge. Plain shell only: a minimal Debian root has no Python.
#
#   bash deb_selftest.sh /src/trial-assistant_<version>_amd64.deb
set -euo pipefail
deb="$1"
export DEBIAN_FRONTEND=noninteractive
fail() { echo "DEB CHECK FAILED: $*" >&2; exit 1; }

t0=$SECONDS
apt-get update -qq
apt-get install -y -qq --no-install-recommends "$deb" >/tmp/apt-install.log 2>&1 \
  || { tail -30 /tmp/apt-install.log >&2; fail "apt-get install refused the package"; }
echo "apt_install_s $((SECONDS - t0))"

for f in /usr/bin/trial-assistant /opt/trial-assistant/trial-assistant /opt/trial-assistant/TrialAssistant \
         /usr/share/applications/trial-assistant.desktop /usr/share/icons/hicolor/48x48/apps/trial-assistant.png \
         /usr/share/icons/hicolor/scalable/apps/trial-assistant.svg /usr/share/doc/trial-assistant/copyright; do
  [ -e "$f" ] || fail "missing $f"
done
[ -d /etc/trial-assistant ] || fail "missing /etc/trial-assistant (machine policy folder)"
grep -q '^Exec=/opt/trial-assistant/TrialAssistant$' /usr/share/applications/trial-assistant.desktop \
  || fail "menu entry does not start the installed window"

id judge >/dev/null 2>&1 || useradd -m judge
as_judge() { runuser -u judge -- env -u DISPLAY -u WAYLAND_DISPLAY HOME=/home/judge "$@"; }

t0=$SECONDS
set +e
as_judge trial-assistant selftest --json >/tmp/selftest.json 2>/tmp/selftest.err
rc=$?
set -e
echo "installed_selftest_s $((SECONDS - t0))"
cat /tmp/selftest.json
[ "$rc" -eq 0 ] || { cat /tmp/selftest.err >&2; fail "installed selftest exited $rc"; }
grep -q '"ok": false' /tmp/selftest.json && fail "a selftest check failed"
[ "$(grep -c '"ok": true' /tmp/selftest.json)" -ge 9 ] || fail "fewer than 9 selftest checks ran"
grep -q 'installed copy' /tmp/selftest.json || fail "Whisper did not use the installed model copy"

# Machine policy where app/paths.py reads it on Linux: applied and shown as locked.
printf '{"COURTNAME": "浙江省杭州市西湖区人民法院", "AUTOLOCKMINUTES": "7"}\n' >/etc/trial-assistant/policy.json
chmod 0644 /etc/trial-assistant/policy.json
as_judge trial-assistant policy show >/tmp/policy.txt 2>&1 || { cat /tmp/policy.txt >&2; fail "policy show failed"; }
grep -Eq '^ +COURTNAME +court_name +浙江省杭州市西湖区人民法院 .*locked' /tmp/policy.txt \
  || { cat /tmp/policy.txt >&2; fail "COURTNAME from /etc/trial-assistant/policy.json is not locked policy"; }
grep -Eq '^ +AUTOLOCKMINUTES +autolock_minutes +7 .*locked' /tmp/policy.txt \
  || { cat /tmp/policy.txt >&2; fail "AUTOLOCKMINUTES from the policy file is not locked policy"; }

apt-get purge -y -qq trial-assistant >/dev/null
[ ! -e /opt/trial-assistant ] || fail "purge left /opt/trial-assistant"
[ ! -e /usr/bin/trial-assistant ] || fail "purge left /usr/bin/trial-assistant"
[ -f /etc/trial-assistant/policy.json ] || fail "purge deleted the court's policy file"
rm -f /etc/trial-assistant/policy.json
rmdir /etc/trial-assistant 2>/dev/null || true
echo "deb selftest passed"
