"""Keys and login: wrong password, lock-out, recovery key, password change rewraps."""
from __future__ import annotations

import time

import pytest

from app.security.keys import KdfParams, derive_password_key, format_recovery_key, parse_recovery_key
from app.services import auth
from app.services.cases import CaseService
from tests.helpers.stores import CLERK_PASSWORD, JUDGE_PASSWORD, create_sample_case, settings_for


def test_wrong_password_is_refused_with_a_clear_message(fx):
    with pytest.raises(auth.AuthError) as info:
        fx.login("judge", "not-the-password-1")
    assert "用户名或密码不正确" in str(info.value)
    with pytest.raises(auth.AuthError) as info:
        fx.login("nobody", "whatever-123")
    assert "用户名或密码不正确" in str(info.value)


def test_five_wrong_passwords_lock_the_account_even_after_restart(fx, tmp_path):
    for _ in range(4):
        with pytest.raises(auth.AuthError):
            fx.login("clerk", "wrong-password-1")
    with pytest.raises(auth.AuthError):
        fx.login("clerk", "wrong-password-1")
    # The right password no longer works while locked, and a fresh Settings (restart) keeps the lock.
    with pytest.raises(auth.AuthError) as info:
        auth.login(fx.data_dir, "clerk", CLERK_PASSWORD, settings_for(tmp_path))
    assert "锁定" in str(info.value)
    # Other users are not affected.
    fx.judge().store.close()


def test_lockout_duration_comes_from_policy(fx, tmp_path):
    settings = settings_for(tmp_path, LOCKOUTATTEMPTS=3, LOCKOUTMINUTES=1)
    for _ in range(3):
        with pytest.raises(auth.AuthError):
            auth.login(fx.data_dir, "judge", "wrong-password-1", settings)
    with pytest.raises(auth.AuthError) as info:
        auth.login(fx.data_dir, "judge", JUDGE_PASSWORD, settings)
    assert "1 分钟" in str(info.value) or "2 分钟" in str(info.value)


def test_failed_logins_reach_the_audit_log(fx):
    with pytest.raises(auth.AuthError):
        fx.login("judge", "wrong-password-1")
    ctx = fx.it()
    actions = [(e.action, e.username) for e in ctx.audit_log.entries()]
    ctx.store.close()
    assert ("login.failed", "judge") in actions


def test_recovery_key_resets_a_password_and_keeps_data(fx):
    case_id = create_sample_case(fx)
    auth.recover(fx.data_dir, fx.recovery_key.lower().replace("-", " "), "judge", "New-judge-pass-2")
    ctx = fx.login("judge", "New-judge-pass-2")
    assert CaseService(ctx).get_case(case_id).case_number == "（2024）京0105民初12345号"
    ctx.store.close()
    with pytest.raises(auth.AuthError):
        fx.login("judge", JUDGE_PASSWORD)


def test_wrong_recovery_key_is_refused(fx):
    wrong = format_recovery_key(bytes(32))
    with pytest.raises(auth.AuthError) as info:
        auth.recover(fx.data_dir, wrong, "judge", "New-judge-pass-2")
    assert "恢复密钥不正确" in str(info.value)
    with pytest.raises(auth.AuthError) as info:
        auth.recover(fx.data_dir, "not a key", "judge", "New-judge-pass-2")
    assert "恢复密钥" in str(info.value)


def test_password_change_rewraps_without_reencrypting(fx):
    db_before = (fx.data_dir / "store.db").stat().st_size
    ctx = fx.clerk()
    auth.change_password(ctx, CLERK_PASSWORD, "Clerk-new-pass-9")
    ctx.store.close()
    fx.login("clerk", "Clerk-new-pass-9").store.close()
    with pytest.raises(auth.AuthError):
        fx.login("clerk", CLERK_PASSWORD)
    assert (fx.data_dir / "store.db").exists() and db_before > 0


def test_weak_passwords_are_refused(fx):
    ctx = fx.clerk()
    with pytest.raises(auth.AuthError):
        auth.change_password(ctx, CLERK_PASSWORD, "short")
    with pytest.raises(auth.AuthError):
        auth.change_password(ctx, CLERK_PASSWORD, "onlyletters")
    ctx.store.close()


def test_recovery_key_format_round_trips():
    raw = bytes(range(32))
    text = format_recovery_key(raw)
    assert len(text.split("-")) == 13
    assert parse_recovery_key(text.lower()) == raw


def test_default_argon2_parameters_are_costly():
    start = time.perf_counter()
    derive_password_key("password", b"0" * 16, KdfParams())
    assert time.perf_counter() - start > 0.15


def test_keyring_file_holds_no_plain_key(fx):
    raw = (fx.data_dir / "keyring.json").read_text(encoding="utf-8")
    assert JUDGE_PASSWORD not in raw and "wrapped" in raw
