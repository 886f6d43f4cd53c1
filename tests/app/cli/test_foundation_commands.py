"""``init``, ``audit verify`` and ``selftest`` through the real command line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def run_cli(*args, env_extra=None, timeout=180):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env=env)


def test_init_prints_recovery_key_and_audit_verify_detects_tampering(tmp_path):
    data = tmp_path / "store"
    proc = run_cli("init", "--data", str(data), "--user", "admin", "--password-env", "PW", "--json",
                   env_extra={"PW": "Admin-pass-123"})
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert len(out["recovery_key"].split("-")) == 13
    again = run_cli("init", "--data", str(data), "--password-env", "PW", env_extra={"PW": "Admin-pass-123"})
    assert again.returncode != 0 and "不会覆盖" in again.stderr

    ok = run_cli("audit", "verify", "--data", str(data), "--user", "admin", "--password-env", "PW", "--json",
                 env_extra={"PW": "Admin-pass-123"})
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["ok"] is True

    wrong = run_cli("audit", "verify", "--data", str(data), "--password-env", "PW", env_extra={"PW": "Wrong-pass-1"})
    assert wrong.returncode != 0 and "用户名或密码不正确" in wrong.stderr

    # Tamper with entry 1 using the recovery key (as someone with the key might), then verify.
    from app.security.keys import Keyring
    from app.store.store import Store

    layout = Store.layout_for(data)
    keyring = Keyring.load(layout.keyring)
    store = Store(layout, keyring.unwrap_with_recovery(out["recovery_key"]), keyring)
    with store.write() as db:
        db.execute("DROP TRIGGER audit_log_no_update")
        db.execute("UPDATE audit_log SET action = 'nothing' WHERE id = 1")
    store.close()
    broken = run_cli("audit", "verify", "--data", str(data), "--recovery-key-env", "RK", "--json",
                     env_extra={"RK": out["recovery_key"]})
    assert broken.returncode == 1
    assert json.loads(broken.stdout)["first_broken_id"] == 1


def test_init_refuses_a_weak_password(tmp_path):
    proc = run_cli("init", "--data", str(tmp_path / "s"), "--password-env", "PW", env_extra={"PW": "short"})
    assert proc.returncode == 2 and "密码至少" in proc.stderr
    assert not (tmp_path / "s" / "store.db").exists()


def test_selftest_reports_each_check():
    proc = run_cli("selftest", "--json", timeout=300)
    report = json.loads(proc.stdout)
    names = {c["name"]: c for c in report["checks"]}
    expected = ("qt", "sqlcipher", "blobs", "whisper", "ocr", "template", "exchange", "no-network")
    assert set(expected) <= set(names)
    for name in expected:
        assert names[name]["ok"], names[name]
    assert report["ok"] and proc.returncode == 0
