"""The command line's error boundary: known errors are one clear line and a documented exit code,
unexpected ones are logged under a reference number; never a traceback on screen."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import exit_codes
from tests.helpers.stores import IT_PASSWORD, JUDGE_PASSWORD

ROOT = Path(__file__).resolve().parents[3]


def run_cli(*args, env_extra=None, stdin=subprocess.DEVNULL, tmp=None):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env_extra or {}))
    if tmp is not None:
        env.setdefault("TRIAL_ASSISTANT_LOG_DIR", str(tmp / "logs"))
        env.setdefault("TRIAL_ASSISTANT_CONFIG", str(tmp / "config"))
    proc = subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=180, env=env, stdin=stdin)
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    return proc


def _verify(fx, tmp_path, user="it", password=IT_PASSWORD):
    return run_cli("audit", "verify", "--data", str(fx.data_dir), "--user", user, "--password-env", "PW",
                   env_extra={"PW": password}, tmp=tmp_path)


def _edit_keyring(fx, change):
    path = fx.data_dir / "keyring.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("change", [
    lambda d: d.update(users=[]),
    lambda d: d["users"]["it"].update(kdf={"name": "scrypt"}),
    lambda d: d["users"]["it"].update(salt="%%%"),
    lambda d: d["throttle"].update(it={"locked_until": "garbage"}),
])
def test_keyring_of_the_wrong_shape(fx, tmp_path, change):
    _edit_keyring(fx, change)
    proc = _verify(fx, tmp_path)
    assert proc.returncode in (exit_codes.AUTH, exit_codes.STORE) and proc.stderr.startswith("错误: ")


def test_recover_with_a_corrupt_keyring(fx, tmp_path):
    (fx.data_dir / "keyring.json").write_text("{not json", encoding="utf-8")
    proc = run_cli("recover", "--data", str(fx.data_dir), "--user", "judge", "--recovery-key-env", "RK",
                   "--password-env", "PW", env_extra={"RK": fx.recovery_key, "PW": "New-judge-pass-2"}, tmp=tmp_path)
    assert proc.returncode == exit_codes.STORE and "已损坏" in proc.stderr


def test_flipped_bytes_in_the_database(fx, tmp_path):
    db = fx.data_dir / "store.db"
    raw = bytearray(db.read_bytes())
    for page in range(1, len(raw) // 4096):
        raw[page * 4096 + 200] ^= 0x55
    db.write_bytes(bytes(raw))
    proc = _verify(fx, tmp_path)
    assert proc.returncode == exit_codes.STORE and "损坏" in proc.stderr


def test_wrong_password_when_the_keyring_cannot_be_written(fx, tmp_path):
    # A directory where the keyring's temporary file goes: every write fails like on a read-only disk.
    (fx.data_dir / "keyring.json.tmp").mkdir()
    before = (fx.data_dir / "keyring.json").read_bytes()
    proc = _verify(fx, tmp_path, password="Wrong-pass-1")
    assert proc.returncode == exit_codes.FILE_ACCESS and "keyring.json.tmp" in proc.stderr
    assert (fx.data_dir / "keyring.json").read_bytes() == before


def test_init_where_nothing_can_be_created(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    proc = run_cli("init", "--data", str(blocker / "store"), "--password-env", "PW",
                   env_extra={"PW": "Admin-pass-123"}, tmp=tmp_path)
    assert proc.returncode == exit_codes.FILE_ACCESS and "recovery" not in proc.stdout.lower()


def test_no_password_prompt_without_a_terminal(fx, tmp_path):
    proc = run_cli("audit", "verify", "--data", str(fx.data_dir), tmp=tmp_path)
    assert proc.returncode == exit_codes.USAGE and "--password-env" in proc.stderr
    proc = run_cli("init", "--data", str(tmp_path / "new"), tmp=tmp_path)
    assert proc.returncode == exit_codes.USAGE and "--password-env" in proc.stderr
    proc = run_cli("recover", "--data", str(fx.data_dir), "--user", "judge", tmp=tmp_path)
    assert proc.returncode == exit_codes.USAGE and "--recovery-key-env" in proc.stderr


def test_messages_follow_the_language_setting(fx, tmp_path):
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps({"language": "en"}), encoding="utf-8")
    proc = _verify(fx, tmp_path, user="judge", password="Wrong-pass-1")
    assert proc.returncode == exit_codes.AUTH and proc.stderr.startswith("error: authentication failed")
    proc = _verify(fx, tmp_path, user="judge", password=JUDGE_PASSWORD)
    assert proc.returncode == exit_codes.DENIED and proc.stderr.startswith("error: your role")


def test_an_unexpected_error_is_logged_with_a_reference(tmp_path, monkeypatch, capsys):
    from app.cli.boundary import report

    monkeypatch.setenv("TRIAL_ASSISTANT_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("TRIAL_ASSISTANT_CONFIG", str(tmp_path / "config"))
    try:
        {}["missing"]
    except KeyError as exc:
        code = report(exc)
    err = capsys.readouterr().err
    assert code == exit_codes.INTERNAL and "Traceback" not in err and len(err.strip().splitlines()) == 1
    ref = err.split("编号 ")[1].split("（")[0]
    log = (tmp_path / "logs" / "errors.log").read_text(encoding="utf-8")
    assert f"[{ref}]" in log and "Traceback" in log and "KeyError" in log
    if os.name == "posix":
        assert (tmp_path / "logs" / "errors.log").stat().st_mode & 0o077 == 0


def test_every_exit_code_is_documented():
    codes = {v for k, v in vars(exit_codes).items() if k.isupper() and isinstance(v, int)}
    assert codes == set(exit_codes.DESCRIPTIONS)
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for code in codes:
        assert f"| {code} |" in doc
