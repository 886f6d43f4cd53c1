"""Creating a store, logging in, recovery and password changes.

Failed logins happen before the database can be opened, so they are kept in the keyring's
throttle entry and moved into the audit trail by the next successful login.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.paths import StoreLayout
from app.security import audit
from app.security.keys import (
    KdfParams, Keyring, KeyringError, LockedOutError, WrongPasswordError, new_data_key,
)
from app.security.roles import Role
from app.services.session import AppContext, Session
from app.clock import now as _now
from app.settings import Settings
from app.store.errors import StoreError
from app.store.store import Store

MIN_PASSWORD = 8


class AuthError(Exception):
    """Login or set-up failed; the message is shown to the user as is."""


def check_password_strength(password: str) -> None:
    """Reject passwords shorter than 8 characters or made of one kind of character only."""
    if len(password or "") < MIN_PASSWORD:
        raise AuthError(f"密码至少 {MIN_PASSWORD} 位")
    kinds = sum(bool(re.search(p, password)) for p in (r"[a-z]", r"[A-Z]", r"\d", r"[^A-Za-z0-9]"))
    if kinds < 2:
        raise AuthError("密码应包含至少两类字符（字母、数字、符号）")


@dataclass
class InitResult:
    """What ``init`` produced: the store folder and the recovery key (shown once)."""

    data_dir: Path
    recovery_key: str
    it_username: str


def init_store(data_dir: Path | str, it_username: str, it_password: str, *, it_display_name: str = "信息技术管理员",
               court_name: str = "", court_code: str = "", params: KdfParams = KdfParams()) -> InitResult:
    """Create a new store with its first IT user; refuses to touch an existing store."""
    layout = StoreLayout(data_dir)
    if layout.database.exists() or layout.keyring.exists():
        raise AuthError(f"{layout.root} 已有案件库，不会覆盖")
    check_password_strength(it_password)
    layout.root.mkdir(parents=True, exist_ok=True)
    data_key = new_data_key()
    keyring = Keyring.create(layout.keyring, data_key)
    keyring.set_password(it_username, it_password, data_key, params)
    recovery = keyring.set_recovery(data_key)
    keyring.save()
    store = Store(layout, data_key, keyring)
    try:
        with store.write() as db:
            court_id = db["courts"].insert({"name": court_name, "code": court_code}).last_pk
            db["users"].insert({"username": it_username, "display_name": it_display_name, "role": Role.IT.value,
                                "active": 1, "court_id": court_id, "created_at": _now()})
            audit.append(db, it_username, "store.init", str(layout.root), {"court": court_name})
    finally:
        store.close()
    return InitResult(layout.root, recovery, it_username)


def _flush_failed_logins(keyring: Keyring, db) -> None:
    for item in keyring.take_pending_audit():
        audit.append(db, item.get("username", "?"), item.get("action", "login.failed"), "",
                     {"at": item.get("ts"), "reason": item.get("reason", "")})


def _remember_failure(keyring: Keyring, username: str, reason: str) -> None:
    keyring.add_pending_audit({"ts": _now(), "username": username, "action": "login.failed", "reason": reason})


def login(data_dir: Path | str, username: str, password: str, settings: Settings | None = None) -> AppContext:
    """Unlock the store with a user's password and return the session context.

    Raises AuthError with a user-facing message: wrong password, locked out, deactivated
    user, or a damaged store (then nothing is changed on disk).
    """
    settings = settings or Settings()
    layout = StoreLayout(data_dir)
    if not layout.exists():
        raise AuthError(f"{layout.root} 中没有案件库")
    settings.use_platform_policy(layout.platform_policy)  # settings the platform sent (below machine policy)
    try:
        keyring = Keyring.load(layout.keyring)
    except KeyringError as exc:
        raise AuthError(str(exc)) from exc
    try:
        data_key = keyring.unwrap_for_user(username, password, settings["lockout_attempts"], settings["lockout_minutes"])
    except LockedOutError as exc:
        _remember_failure(keyring, username, "locked")
        raise AuthError(str(exc)) from exc
    except WrongPasswordError as exc:
        _remember_failure(keyring, username, "wrong password")
        remaining = settings["lockout_attempts"] - keyring.failures(username)
        hint = f"（再错 {remaining} 次将锁定）" if 0 < remaining < settings["lockout_attempts"] else ""
        raise AuthError(str(exc) + hint) from exc
    try:
        store = Store(layout, data_key, keyring)
    except StoreError as exc:
        raise AuthError(str(exc)) from exc
    rows = store.query("SELECT id, username, display_name, role, active FROM users WHERE username = ?", (username,))
    if not rows or not rows[0]["active"]:
        store.close()
        raise AuthError("该用户已停用，请联系信息技术人员")
    row = rows[0]
    session = Session(row["id"], row["username"], row["display_name"], Role(row["role"]))
    ctx = AppContext(store, session, settings)
    with store.write() as db:
        _flush_failed_logins(keyring, db)
        audit.append(db, username, "login", "", {"role": row["role"]})
    return ctx


def verify_password(ctx: AppContext, password: str) -> None:
    """Check the session user's password again (unlocking the lock screen); throttled."""
    keyring = ctx.store.keyring
    try:
        keyring.unwrap_for_user(ctx.session.username, password, ctx.settings["lockout_attempts"],
                                ctx.settings["lockout_minutes"])
    except (WrongPasswordError, LockedOutError) as exc:
        ctx.audit_now("unlock.failed")
        raise AuthError(str(exc)) from exc
    ctx.audit_now("unlock")


def change_password(ctx: AppContext, old_password: str, new_password: str) -> None:
    """Rewrap the data key under a new password (the database is not re-encrypted)."""
    verify_password(ctx, old_password)
    check_password_strength(new_password)
    keyring = ctx.store.keyring
    keyring.set_password(ctx.session.username, new_password, ctx.store.data_key, keyring.params_for(ctx.session.username))
    ctx.store.keyring.save()
    ctx.audit_now("password.change", ctx.session.username)


def recover(data_dir: Path | str, recovery_key: str, username: str, new_password: str,
            settings: Settings | None = None) -> None:
    """IT recovery: open the store with the printed recovery key and set a user's password."""
    layout = StoreLayout(data_dir)
    keyring = Keyring.load(layout.keyring)
    try:
        data_key = keyring.unwrap_with_recovery(recovery_key)
    except KeyringError as exc:
        raise AuthError(str(exc)) from exc
    check_password_strength(new_password)
    store = Store(layout, data_key, keyring)
    try:
        if not store.query("SELECT 1 FROM users WHERE username = ?", (username,)):
            raise AuthError(f"用户 {username} 不存在")
        keyring.set_password(username, new_password, data_key, keyring.params_for(username))
        keyring.save()
        with store.write() as db:
            audit.append(db, "recovery", "password.recover", username, {})
    finally:
        store.close()

