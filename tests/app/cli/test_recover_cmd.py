"""``trial-assistant recover``: new password with the recovery key, lock-out lifted, audited."""
from __future__ import annotations

import argparse
import json

import pytest

from app.cli import recover_cmd
from app.cli.output import CliError
from app.services import auth
from tests.helpers.stores import JUDGE_PASSWORD, make_store

NEW_PASSWORD = "Neu-Passwort-7"


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    recover_cmd.register(parser.add_subparsers())
    args = parser.parse_args(["recover", *argv])
    return args.func(args)


@pytest.fixture()
def store(tmp_path, monkeypatch):
    fixture = make_store(tmp_path)
    monkeypatch.setenv("TA_RECOVERY", fixture.recovery_key)
    monkeypatch.setenv("TA_NEWPW", NEW_PASSWORD)
    return fixture


def test_recover_sets_a_new_password_lifts_the_lockout_and_audits(store, capsys):
    for _ in range(store.settings["lockout_attempts"]):
        with pytest.raises(auth.AuthError):
            store.login("judge", "wrong-password-1")
    with pytest.raises(auth.AuthError, match="锁定"):
        store.login("judge", JUDGE_PASSWORD)
    code = _run(["--data", str(store.data_dir), "--user", "judge", "--recovery-key-env", "TA_RECOVERY",
                 "--password-env", "TA_NEWPW", "--json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out) == {"data": str(store.data_dir), "user": "judge", "recovered": True}
    ctx = store.login("judge", NEW_PASSWORD)
    try:
        actions = [r["action"] for r in ctx.store.query("SELECT action, target FROM audit_log WHERE target = 'judge'")]
    finally:
        ctx.store.close()
    assert "password.recover" in actions
    with pytest.raises(auth.AuthError):
        store.login("judge", JUDGE_PASSWORD)


def test_wrong_recovery_key_is_refused_and_nothing_changes(store, monkeypatch):
    monkeypatch.setenv("TA_RECOVERY", "AAAA-BBBB-CCCC-DDDD")
    with pytest.raises(CliError):
        _run(["--data", str(store.data_dir), "--user", "judge", "--recovery-key-env", "TA_RECOVERY",
              "--password-env", "TA_NEWPW"])
    store.login("judge", JUDGE_PASSWORD).store.close()


def test_unknown_user_weak_password_and_missing_store_are_clear_errors(store, tmp_path, monkeypatch):
    base = ["--recovery-key-env", "TA_RECOVERY", "--password-env", "TA_NEWPW"]
    with pytest.raises(CliError, match="不存在"):
        _run(["--data", str(store.data_dir), "--user", "nobody", *base])
    monkeypatch.setenv("TA_NEWPW", "short")
    with pytest.raises(CliError, match="密码"):
        _run(["--data", str(store.data_dir), "--user", "judge", *base])
    with pytest.raises(CliError, match="没有案件库"):
        _run(["--data", str(tmp_path / "nowhere"), "--user", "judge", *base])
    monkeypatch.setenv("TA_RECOVERY", "")
    with pytest.raises(CliError, match="TA_RECOVERY"):
        _run(["--data", str(store.data_dir), "--user", "judge", *base])
