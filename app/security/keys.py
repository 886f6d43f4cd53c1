"""The data key and its wrappings: per user under Argon2id(password), once under a recovery key.

The random 32-byte data key opens the database and derives the blob keys.  It is never
stored in the clear: ``keyring.json`` beside the database holds it wrapped with AES-256-GCM
under a key derived from each user's password (Argon2id) and under the recovery key IT
prints at ``init``.  Changing a password rewraps; the database is never re-encrypted.
The keyring also keeps the login throttle (failed attempts, lock-out time) because those
must be readable before the database is open.
"""
from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default takes about 0.4–0.5 s on the 2-core reference machine."""

    time_cost: int = 5
    memory_cost: int = 131072  # KiB
    parallelism: int = 2


# Tests use this to keep logins fast; production code always uses the default.
FAST_TEST_PARAMS = KdfParams(time_cost=1, memory_cost=8192, parallelism=1)


class KeyringError(Exception):
    """Base class of keyring errors (message in Chinese)."""


class WrongPasswordError(KeyringError):
    """Unknown user or wrong password (the message does not say which)."""


class LockedOutError(KeyringError):
    """Too many wrong passwords: the account is locked until ``until``."""

    def __init__(self, message: str, until: datetime) -> None:
        super().__init__(message)
        self.until = until


class WrongRecoveryKeyError(KeyringError):
    """The recovery key does not unwrap the data key."""


class KeyringCorruptError(KeyringError):
    """keyring.json is missing or unreadable."""


def new_data_key() -> bytes:
    """A fresh random 32-byte data key."""
    return secrets.token_bytes(32)


def derive_password_key(password: str, salt: bytes, params: KdfParams) -> bytes:
    """Argon2id(password, salt) -> 32-byte key-encryption key."""
    return hash_secret_raw(
        password.encode("utf-8"), salt, time_cost=params.time_cost, memory_cost=params.memory_cost,
        parallelism=params.parallelism, hash_len=32, type=Type.ID,
    )


def format_recovery_key(raw: bytes) -> str:
    """Show a 32-byte recovery key as groups of four base32 characters (easy to print/type)."""
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """Inverse of :func:`format_recovery_key`; tolerant of spaces, dashes and lower case."""
    clean = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    clean = clean.replace("0", "O").replace("1", "I").replace("8", "B")
    try:
        raw = base64.b32decode(clean + "=" * (-len(clean) % 8))
    except (ValueError, base64.binascii.Error):
        raise WrongRecoveryKeyError("恢复密钥格式不正确") from None
    if len(raw) != 32:
        raise WrongRecoveryKeyError("恢复密钥长度不正确")
    return raw


def _recovery_kek(raw: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"trial-assistant recovery v1").derive(raw)


def key_check_value(data_key: bytes) -> str:
    """A value that proves a key is this store's key without revealing it."""
    return hmac.new(data_key, b"trial-assistant key check v1", hashlib.sha256).hexdigest()


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: str) -> bytes:
    return base64.b64decode(s.encode("ascii"))


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Keyring:
    """The wrapped data keys and login throttle of one store (``keyring.json``)."""

    def __init__(self, path: Path, data: dict) -> None:
        self.path = Path(path)
        self._data = data

    # -- file ------------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, data_key: bytes) -> "Keyring":
        """A new keyring for ``data_key`` (not yet saved)."""
        return cls(Path(path), {"version": 1, "key_check": key_check_value(data_key), "users": {},
                                "recovery": None, "throttle": {}})

    @classmethod
    def load(cls, path: Path) -> "Keyring":
        """Read keyring.json; a missing or broken file raises KeyringCorruptError."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("version") != 1 or "users" not in data:
                raise ValueError("unexpected content")
        except FileNotFoundError:
            raise KeyringCorruptError(f"找不到密钥文件 {path}，无法打开案件库") from None
        except (OSError, ValueError) as exc:
            raise KeyringCorruptError(f"密钥文件 {path} 已损坏（{exc}），请使用备份或联系信息技术人员") from None
        return cls(Path(path), data)

    def save(self) -> None:
        """Write atomically (temporary file, fsync, rename)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(self._data, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    # -- users -----------------------------------------------------------------------------

    def usernames(self) -> list[str]:
        """Users who have a wrapped key."""
        return sorted(self._data["users"])

    def has_user(self, username: str) -> bool:
        """True when ``username`` can log in."""
        return username in self._data["users"]

    def set_password(self, username: str, password: str, data_key: bytes, params: KdfParams = KdfParams()) -> None:
        """Wrap ``data_key`` for ``username`` under ``password`` (new user or password change)."""
        if not self.verify_data_key(data_key):
            raise KeyringError("数据密钥与本案件库不符")
        salt, nonce = os.urandom(16), os.urandom(12)
        kek = derive_password_key(password, salt, params)
        wrapped = AESGCM(kek).encrypt(nonce, data_key, b"user:" + username.encode("utf-8"))
        self._data["users"][username] = {"salt": _b64(salt), "nonce": _b64(nonce), "wrapped": _b64(wrapped),
                                         "kdf": asdict(params)}
        self._data["throttle"].pop(username, None)

    def remove_user(self, username: str) -> None:
        """Drop a user's wrapping (the user can no longer log in)."""
        self._data["users"].pop(username, None)

    def check_not_locked(self, username: str) -> None:
        """Raise LockedOutError while the user's lock-out lasts."""
        entry = self._data["throttle"].get(username) or {}
        until = entry.get("locked_until")
        if until:
            until_dt = datetime.fromisoformat(until)
            if until_dt > _now():
                minutes = max(1, int((until_dt - _now()).total_seconds() // 60) + 1)
                raise LockedOutError(f"密码错误次数过多，账户已锁定，请约 {minutes} 分钟后再试", until_dt)

    def unwrap_for_user(self, username: str, password: str, max_attempts: int = 5, lock_minutes: int = 15) -> bytes:
        """The data key for a correct password; counts failures and locks out after too many.

        The throttle is saved to disk on every failure, so restarting the program does not
        reset it.
        """
        self.check_not_locked(username)
        entry = self._data["users"].get(username)
        key = None
        if entry:
            params = KdfParams(**entry.get("kdf", {}))
            kek = derive_password_key(password, _unb64(entry["salt"]), params)
            with contextlib.suppress(InvalidTag):
                key = AESGCM(kek).decrypt(_unb64(entry["nonce"]), _unb64(entry["wrapped"]),
                                          b"user:" + username.encode("utf-8"))
        else:
            # Spend the same time for unknown users so timing does not reveal who exists.
            derive_password_key(password, b"\0" * 16, KdfParams())
        if key is None:
            self._record_failure(username, max_attempts, lock_minutes)
            raise WrongPasswordError("用户名或密码不正确")
        if self._data["throttle"].pop(username, None) is not None:
            self.save()
        return key

    def _record_failure(self, username: str, max_attempts: int, lock_minutes: int) -> None:
        entry = self._data["throttle"].setdefault(username, {"failures": 0})
        entry["failures"] = int(entry.get("failures", 0)) + 1
        entry["last_failure"] = _now().isoformat(timespec="seconds")
        if entry["failures"] >= max_attempts:
            entry["locked_until"] = (_now() + timedelta(minutes=lock_minutes)).isoformat(timespec="seconds")
            entry["failures"] = 0
        self.save()

    def failures(self, username: str) -> int:
        """Consecutive failed logins since the last success or lock-out."""
        return int((self._data["throttle"].get(username) or {}).get("failures", 0))

    def params_for(self, username: str) -> KdfParams:
        """The Argon2 parameters of a user's current wrapping (kept on password change)."""
        entry = self._data["users"].get(username) or {}
        return KdfParams(**entry["kdf"]) if "kdf" in entry else KdfParams()

    def add_pending_audit(self, entry: dict) -> None:
        """Remember an event that happened while the database was closed (failed login)."""
        self._data.setdefault("pending_audit", []).append(entry)
        self.save()

    def take_pending_audit(self) -> list[dict]:
        """Return and clear the remembered events (the caller writes them to the audit log)."""
        pending = self._data.get("pending_audit") or []
        if pending:
            self._data["pending_audit"] = []
            self.save()
        return pending

    def unlock_user(self, username: str) -> None:
        """IT clears a lock-out."""
        self._data["throttle"].pop(username, None)

    # -- recovery --------------------------------------------------------------------------

    def set_recovery(self, data_key: bytes) -> str:
        """Create a new recovery key wrapping ``data_key``; returns it formatted (shown once)."""
        if not self.verify_data_key(data_key):
            raise KeyringError("数据密钥与本案件库不符")
        raw = secrets.token_bytes(32)
        nonce = os.urandom(12)
        wrapped = AESGCM(_recovery_kek(raw)).encrypt(nonce, data_key, b"recovery")
        self._data["recovery"] = {"nonce": _b64(nonce), "wrapped": _b64(wrapped),
                                  "fingerprint": hashlib.sha256(raw).hexdigest()[:8]}
        return format_recovery_key(raw)

    def unwrap_with_recovery(self, recovery_text: str) -> bytes:
        """The data key from the printed recovery key, or WrongRecoveryKeyError."""
        raw = parse_recovery_key(recovery_text)
        rec = self._data.get("recovery")
        if not rec:
            raise WrongRecoveryKeyError("本案件库没有设置恢复密钥")
        try:
            key = AESGCM(_recovery_kek(raw)).decrypt(_unb64(rec["nonce"]), _unb64(rec["wrapped"]), b"recovery")
        except InvalidTag:
            raise WrongRecoveryKeyError("恢复密钥不正确") from None
        return key

    def verify_data_key(self, data_key: bytes) -> bool:
        """True when ``data_key`` is this store's key."""
        return hmac.compare_digest(key_check_value(data_key), self._data.get("key_check", ""))
