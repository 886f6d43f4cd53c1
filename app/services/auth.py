"""Creating a store, logging in, recovery and password changes.

Failed logins happen before the database can be opened, so they are kept in the keyring as
unauthenticated reports ("login failed for U at T") and moved into the audit trail, marked
as such, by the next successful login.  The keyring's MAC is checked at every unlock.
"""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from app.messages import Message
from app.paths import StoreLayout, make_private_dir
from app.security import audit
from app.security.keys import (
    KdfParams, Keyring, KeyringError, KeyringTamperedError, LockedOutError, WrongPasswordError, new_data_key,
)
from app.security.platform_policy import machine_verifier, store_verifier
from app.security.roles import Role
from app.services.session import AppContext, Session
from app.clock import now as _now
from app.settings import Settings
from app.store.errors import StoreError, WrongKeyError
from app.store.store import Store, check_store_files, remove_store_files

MIN_PASSWORD = 8


class AuthError(Exception):
    """Login or set-up failed; the message is shown to the user as is."""


class RequestError(AuthError):
    """The request itself cannot be done (weak new password, unknown user, store already there);
    the command line reports it as bad input, not as failed authentication."""


def check_password_strength(password: str) -> None:
    """Reject passwords shorter than 8 characters or made of one kind of character only."""
    if len(password or "") < MIN_PASSWORD:
        raise RequestError(Message("auth.password_short", count=MIN_PASSWORD))
    kinds = sum(bool(re.search(p, password)) for p in (r"[a-z]", r"[A-Z]", r"\d", r"[^A-Za-z0-9]"))
    if kinds < 2:
        raise RequestError(Message("auth.password_kinds"))


@dataclass
class InitResult:
    """What ``init`` produced: the store folder and the recovery key (shown once)."""

    data_dir: Path
    recovery_key: str
    it_username: str


def init_store(data_dir: Path | str, it_username: str, it_password: str, *, it_display_name: str = "信息技术管理员",
               court_name: str = "", court_code: str = "", params: KdfParams = KdfParams(),
               keep_marker: bool = False) -> InitResult:
    """Create a new store with its first IT user; refuses to touch an existing store.

    The store is built aside (``<data>/.init-build``) and renamed into place under a marker
    file, so an interrupted ``init`` leaves either nothing or a half-made store that the marker
    identifies and the next ``init`` redoes.  The recovery key is returned only at the end.
    With ``keep_marker`` the marker stays until :func:`finish_init`: the command line removes
    it only after it has printed the recovery key, so a store whose key was never shown is
    always recognised as half-made.
    """
    layout = StoreLayout(data_dir)
    check_password_strength(it_password)
    if layout.init_marker.exists():
        remove_store_files(layout)  # half-made: its recovery key was never shown, so it holds no data
        layout.init_marker.unlink()
    elif layout.database.exists() or layout.keyring.exists():
        raise RequestError(Message("auth.store_exists", root=layout.root))
    make_private_dir(layout.root)
    shutil.rmtree(layout.build_dir, ignore_errors=True)  # left by an init killed while building
    build = StoreLayout(layout.build_dir)
    make_private_dir(build.root)
    try:
        recovery = _build(build, layout, it_username, it_password, it_display_name, court_name, court_code, params)
    except BaseException:
        shutil.rmtree(build.root, ignore_errors=True)  # nothing was in place yet
        raise
    _move_into_place(build, layout, keep_marker)
    return InitResult(layout.root, recovery, it_username)


def _build(build: StoreLayout, layout: StoreLayout, it_username: str, it_password: str, it_display_name: str,
           court_name: str, court_code: str, params: KdfParams) -> str:
    data_key = new_data_key()
    keyring = Keyring.create(build.keyring, data_key)
    keyring.set_password(it_username, it_password, data_key, params)
    recovery = keyring.set_recovery(data_key)
    keyring.save()
    store = Store(build, data_key, keyring, create=True)
    try:
        with store.write() as db:
            court_id = db["courts"].insert({"name": court_name, "code": court_code}).last_pk
            db["users"].insert({"username": it_username, "display_name": it_display_name, "role": Role.IT.value,
                                "active": 1, "court_id": court_id, "created_at": _now()})
            audit.append(db, it_username, "store.init", str(layout.root), {"court": court_name})
            audit.append(db, it_username, "keyring.sealed", "keyring", {"version": 2})
    finally:
        store.close()
    return recovery


def finish_init(data_dir: Path | str) -> None:
    """Remove the half-made marker once the recovery key has been shown."""
    layout = StoreLayout(data_dir)
    layout.init_marker.unlink(missing_ok=True)
    _fsync_dir(layout.root)


def _move_into_place(build: StoreLayout, layout: StoreLayout, keep_marker: bool = False) -> None:
    # The marker is written first and removed last: in between the store is "half-made".
    layout.init_marker.write_text("init in progress\n", encoding="utf-8")
    _fsync_dir(layout.root)
    os.replace(build.database, layout.database)
    if build.blobs.exists():
        os.replace(build.blobs, layout.blobs)
    os.replace(build.keyring, layout.keyring)
    _fsync_dir(layout.root)
    shutil.rmtree(build.root, ignore_errors=True)
    if not keep_marker:
        layout.init_marker.unlink()
        _fsync_dir(layout.root)


def _fsync_dir(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(folder, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


KEYRING_TAMPERED = ("密钥文件 keyring.json 的校验码不符：它在本程序之外被改动过。为安全起见已拒绝登录，"
                    "并已记入审计日志。请由信息技术人员核实后用恢复密钥运行 recover 重新封存。")


def _sealed_before(store: Store) -> bool:
    """True when the audit log says this store's keyring was sealed (so a missing MAC was removed)."""
    return bool(store.query("SELECT 1 FROM audit_log WHERE action = 'keyring.sealed' LIMIT 1"))


def _check_keyring_seal(store: Store, username: str) -> None:
    """At unlock: a MAC that does not match (or was stripped) is refused and audited; a file from
    the previous version (no MAC yet) is sealed now."""
    keyring = store.keyring
    state = keyring.mac_state
    if state == "missing" and _sealed_before(store):
        state = "stripped"
    if state in ("mismatch", "stripped"):
        with store.write() as db:
            audit.append(db, username, "keyring.tampered", "keyring", {"found": state})
        raise KeyringTamperedError(Message("auth.keyring_tampered"))
    if state == "missing":
        with store.write() as db:
            audit.append(db, username, "keyring.sealed", "keyring", {"version": 2, "upgraded_from": 1})
        keyring.upgrade()


def _flush_failed_logins(keyring: Keyring, db) -> None:
    """Move the failed-login reports into the chain, marked as unauthenticated reports.

    Anyone who can write the data folder could have added or removed them, so each entry says
    only "login failed for U at T" and is flagged ``unauthenticated``; findings (malformed,
    missing or rolled-back reports, erased failure counters) get their own entries.
    """
    reports, findings = keyring.take_reports()
    for username, ts in reports:
        audit.append(db, username, "login.failed", "", {"at": ts, "unauthenticated": True,
                                                        "source": "keyring report"})
    for action, detail in findings:
        audit.append(db, "system", action, "keyring", detail)


def login(data_dir: Path | str, username: str, password: str, settings: Settings | None = None) -> AppContext:
    """Unlock the store with a user's password and return the session context.

    Raises AuthError with a user-facing message: wrong password, locked out, deactivated
    user, a tampered keyring; StoreError for a missing, damaged or full store (then nothing
    is changed on disk).
    """
    settings = settings or Settings()
    layout = StoreLayout(data_dir)
    try:
        check_store_files(layout)
    except StoreError as exc:
        raise AuthError(str(exc)) from exc
    # The platform layer is used before unlock only when it verifies against a key pinned by
    # machine policy; after unlock, against the keys pinned in the store (see platform_policy).
    settings.use_platform_policy(layout.platform_policy, machine_verifier(settings))
    try:
        keyring = Keyring.load(layout.keyring)
    except KeyringError as exc:
        raise AuthError(str(exc)) from exc
    try:
        data_key = keyring.unwrap_for_user(username, password, settings["lockout_attempts"], settings["lockout_minutes"])
    except LockedOutError as exc:
        keyring.record_report(username)
        raise AuthError(str(exc)) from exc
    except WrongPasswordError as exc:
        raise AuthError(_wrong_password_message(keyring, username, exc, settings["lockout_attempts"])) from exc
    except KeyringError as exc:
        raise AuthError(str(exc)) from exc
    try:
        store = Store(layout, data_key, keyring)
    except WrongKeyError as exc:
        raise AuthError(Message("auth.store_mismatch", database=layout.database, reason=exc)) from exc
    except StoreError as exc:
        raise AuthError(str(exc)) from exc
    try:
        _check_keyring_seal(store, username)
        rows = store.query("SELECT id, username, display_name, role, active FROM users WHERE username = ?",
                           (username,))
        if not rows or not rows[0]["active"]:
            raise AuthError(Message("auth.user_inactive"))
        row = rows[0]
        session = Session(row["id"], row["username"], row["display_name"], Role(row["role"]))
        ctx = AppContext(store, session, settings)
        with store.write() as db:
            _flush_failed_logins(keyring, db)
            audit.append(db, username, "login", "", {"role": row["role"]})
        keyring.commit_reports()
        settings.use_platform_policy(layout.platform_policy, store_verifier(store))
    except KeyringTamperedError as exc:
        store.close()
        raise AuthError(str(exc)) from exc
    except BaseException:
        store.close()
        raise
    return ctx


def _wrong_password_message(keyring: Keyring, username: str, message: object, attempts: int) -> object:
    """The refusal, saying at once when this failure locked the account (not at the next try)."""
    try:
        keyring.check_not_locked(username)
    except LockedOutError as locked:
        return Message("auth.wrong_then_locked", locked=locked.args[0])
    remaining = attempts - keyring.failures(username)
    # A Message (or the keyring's error), rendered in the UI's language when shown.
    return Message("auth.tries_left", message=message, count=remaining) if 0 < remaining < attempts else message


def verify_password(ctx: AppContext, password: str) -> None:
    """Check the session user's password again (unlocking the lock screen); throttled.

    The user name is fixed on the lock screen, so a refusal speaks of the password only.
    """
    keyring = ctx.store.keyring
    try:
        keyring.unwrap_for_user(ctx.session.username, password, ctx.settings["lockout_attempts"],
                                ctx.settings["lockout_minutes"])
    except LockedOutError as exc:
        ctx.audit_now("unlock.failed", reason="locked")
        raise AuthError(str(exc)) from exc
    except WrongPasswordError as exc:
        ctx.audit_now("unlock.failed", reason="wrong password")
        raise AuthError(_wrong_password_message(keyring, ctx.session.username, Message("auth.wrong_password"),
                                                ctx.settings["lockout_attempts"])) from exc
    ctx.audit_now("unlock")


def change_password(ctx: AppContext, old_password: str, new_password: str) -> None:
    """Rewrap the data key under a new password (the database is not re-encrypted)."""
    verify_password(ctx, old_password)
    check_password_strength(new_password)
    keyring = ctx.store.keyring
    # The policy's parameters, never the file's (which may have been weakened by an edit).
    keyring.set_password(ctx.session.username, new_password, ctx.store.data_key, KdfParams())
    ctx.store.keyring.save()
    ctx.audit_now("password.change", ctx.session.username)


def recover(data_dir: Path | str, recovery_key: str, username: str, new_password: str,
            settings: Settings | None = None) -> None:
    """IT recovery: open the store with the printed recovery key and set a user's password.

    The new wrapping always uses the policy's Argon2 parameters (never the file's, which may
    have been weakened), and a keyring whose MAC did not match is re-sealed, on IT's word, with
    an audit entry saying so.
    """
    layout = StoreLayout(data_dir)
    try:
        check_store_files(layout)
        keyring = Keyring.load(layout.keyring)
        data_key = keyring.unwrap_with_recovery(recovery_key)
    except (KeyringError, StoreError) as exc:
        raise AuthError(str(exc)) from exc
    check_password_strength(new_password)
    try:
        store = Store(layout, data_key, keyring)
    except StoreError as exc:
        raise AuthError(str(exc)) from exc
    try:
        if not store.query("SELECT 1 FROM users WHERE username = ?", (username,)):
            raise RequestError(Message("users.missing", username=username))
        state = keyring.mac_state
        if state == "missing" and _sealed_before(store):
            state = "stripped"
        if state in ("mismatch", "stripped"):
            with store.write() as db:
                audit.append(db, "recovery", "keyring.resealed", "keyring", {"found": state})
            keyring.reseal()
        elif state == "missing":
            with store.write() as db:
                audit.append(db, "recovery", "keyring.sealed", "keyring", {"version": 2, "upgraded_from": 1})
            keyring.upgrade()
        keyring.set_password(username, new_password, data_key, KdfParams())
        keyring.save()
        with store.write() as db:
            audit.append(db, "recovery", "password.recover", username, {})
    finally:
        store.close()
