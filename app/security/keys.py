"""The data key and its wrappings: per user under Argon2id(password), once under a recovery key.

The random 32-byte data key opens the database and derives the blob keys.  It is never
stored in the clear: ``keyring.json`` beside the database holds it wrapped with AES-256-GCM
under a key derived from each user's password (Argon2id) and under the recovery key IT
prints at ``init``.  Changing a password rewraps; the database is never re-encrypted.
The keyring also keeps the login throttle (failed attempts, lock-out time) because those
must be readable before the database is open.  Argon2 parameters are checked against a
floor and a ceiling (:mod:`app.security.keyring_file`), and everything that is not needed
before unlock is sealed with a MAC (see :class:`Keyring`).
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

from app.messages import Message
from app.security import keyring_checks as checks


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default takes about 0.4–0.5 s on the 2-core reference machine."""

    time_cost: int = 5
    memory_cost: int = 131072  # KiB
    parallelism: int = 2


# Tests use this to keep logins fast; production code always uses the default.  The test
# suite lowers the floor to these values with TRIAL_ASSISTANT_KDF_FLOOR (see keyring_file).
FAST_TEST_PARAMS = KdfParams(time_cost=1, memory_cost=8192, parallelism=1)


class KeyringError(Exception):
    """Base class of keyring errors (message in Chinese)."""


class WrongPasswordError(KeyringError):
    """Unknown user or wrong password (the message does not say which)."""


class LockedOutError(KeyringError):
    """Too many wrong passwords: the account is locked until ``until``."""

    def __init__(self, message: object, until: datetime) -> None:
        super().__init__(message)
        self.until = until


class WrongRecoveryKeyError(KeyringError):
    """The recovery key does not unwrap the data key."""


class KeyringCorruptError(KeyringError):
    """keyring.json is missing or unreadable."""


class KdfPolicyError(KeyringError):
    """Argon2 parameters below the floor or above the ceiling (weakened or absurd values)."""


class KeyringTamperedError(KeyringError):
    """The keyring's MAC does not match: it was changed outside the program."""


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
        raise WrongRecoveryKeyError(Message("keys.recovery_format")) from None
    if len(raw) != 32:
        raise WrongRecoveryKeyError(Message("keys.recovery_length"))
    return raw


def _recovery_kek(raw: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"trial-assistant recovery v1").derive(raw)


def key_check_value(data_key: bytes) -> str:
    """A value that proves a key is this store's key without revealing it."""
    return hmac.new(data_key, b"trial-assistant key check v1", hashlib.sha256).hexdigest()


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Keyring:
    """The wrapped data keys, login throttle and sealed anchors of one store (``keyring.json``).

    Version 2 files carry ``sealed`` (the audit head, the last consumed failed-login report and
    each user's failure count at the last unlock) and ``mac`` over every field except the
    throttle and the reports, which must be written before unlock.  :meth:`bind` checks the
    MAC with the data key; a version 1 file (no MAC) is upgraded by :meth:`upgrade` at the
    first successful unlock.  A file whose MAC does not match is never re-sealed silently:
    only :meth:`reseal` (IT, with the recovery key) does that.
    """

    def __init__(self, path: Path, data: dict) -> None:
        self.path = Path(path)
        self._data = data
        self._mac_key: bytes | None = None
        self.mac_state = "unbound"  # unbound | ok | missing | mismatch
        self._dirty_users: set[str] = set()
        self._consumed_seq = 0

    # -- file ------------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, data_key: bytes) -> "Keyring":
        """A new (version 2, sealed) keyring for ``data_key`` (not yet saved)."""
        ring = cls(Path(path), {"version": 2, "key_check": key_check_value(data_key), "users": {},
                                "recovery": None, "sealed": {"audit_anchor": None, "reports_consumed": 0,
                                                             "attempts_seen": {}},
                                "throttle": {}, "reports": [], "report_seq": 0})
        ring._mac_key = checks.mac_key(data_key)
        ring.mac_state = "ok"
        return ring

    @classmethod
    def load(cls, path: Path) -> "Keyring":
        """Read keyring.json; a missing, broken or wrongly shaped file raises KeyringCorruptError."""
        try:
            raw = Path(path).read_bytes()
            data = json.loads(raw.decode("utf-8"))
        except FileNotFoundError:
            raise KeyringCorruptError(Message("keys.file_missing", path=path)) from None
        except PermissionError:
            raise KeyringCorruptError(Message("keys.file_no_access", path=path)) from None
        except (OSError, ValueError) as exc:
            raise KeyringCorruptError(Message("keys.file_damaged", path=path, problem=type(exc).__name__)) from None
        problem = checks.shape_problem(data)
        if problem:
            raise KeyringCorruptError(Message("keys.file_damaged", path=path, problem=problem))
        data.setdefault("throttle", {})
        data.setdefault("reports", [])
        data.setdefault("report_seq", 0)
        data["throttle"] = data["throttle"] or {}
        data["reports"] = data["reports"] or []
        return cls(Path(path), data)

    def save(self) -> None:
        """Write atomically as a private file, merging what other processes wrote before unlock.

        The sealed part comes from memory (re-MACed when bound and trusted); the throttle and
        the reports come from the file on disk, except the users this process changed, so a
        failed login in another program is not lost when this one saves.
        """
        with checks.WRITE_LOCK:  # merge, seal and write as one step against other threads
            self._merge_unsealed_from_disk()
            if self._mac_key is not None and self.mac_state == "ok":
                self._data["version"] = 2
                self._data["mac"] = checks.compute_mac(self._mac_key, self._data)
            checks.write_private(self.path, json.dumps(self._data, ensure_ascii=False, indent=1))

    def _merge_unsealed_from_disk(self) -> None:
        try:
            disk = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if checks.shape_problem(disk):
            return
        throttle = dict(disk.get("throttle") or {})
        for user in self._dirty_users:
            if user in self._data["throttle"]:
                throttle[user] = self._data["throttle"][user]
            else:
                throttle.pop(user, None)
        self._data["throttle"] = throttle
        seen = {r.get("seq") for r in self._data["reports"] if isinstance(r, dict)}
        merged = list(self._data["reports"])
        for report in disk.get("reports") or []:
            seq = report.get("seq") if isinstance(report, dict) else None
            if isinstance(seq, int) and seq > self._consumed_seq and seq not in seen:
                merged.append(report)
        merged.sort(key=lambda r: r.get("seq", 0) if isinstance(r, dict) and isinstance(r.get("seq"), int) else 0)
        self._data["reports"] = merged[-checks.MAX_REPORTS:]
        disk_seq = disk.get("report_seq", 0)
        if isinstance(disk_seq, int) and disk_seq > self._data.get("report_seq", 0):
            self._data["report_seq"] = disk_seq

    # -- the MAC ---------------------------------------------------------------------------

    def bind(self, data_key: bytes) -> str:
        """Check the MAC with ``data_key``; returns and keeps ``ok``, ``missing`` or ``mismatch``."""
        if not self.verify_data_key(data_key):
            raise KeyringError(Message("keys.data_key_mismatch"))
        self._mac_key = checks.mac_key(data_key)
        stored = self._data.get("mac")
        if not stored:
            self.mac_state = "missing"
        elif hmac.compare_digest(stored, checks.compute_mac(self._mac_key, self._data)):
            self.mac_state = "ok"
        else:
            self.mac_state = "mismatch"
        return self.mac_state

    @property
    def is_legacy(self) -> bool:
        """True for a version 1 file (made before the MAC existed)."""
        return self._data.get("version") == 1 and not self._data.get("mac")

    def upgrade(self) -> None:
        """Seal a version 1 keyring (first unlock after the update); only when bound."""
        if self._mac_key is None or self.mac_state != "missing":
            raise KeyringError("只能在解锁后升级未封存的密钥文件")
        self._data.setdefault("sealed", {"audit_anchor": None, "reports_consumed": 0, "attempts_seen": {}})
        self.mac_state = "ok"
        self.save()

    def reseal(self) -> None:
        """IT's decision after a MAC mismatch (recovery key in hand): trust the file as it is now."""
        if self._mac_key is None:
            raise KeyringError("未解锁，不能重新封存密钥文件")
        self._data.setdefault("sealed", {"audit_anchor": None, "reports_consumed": 0, "attempts_seen": {}})
        self.mac_state = "ok"
        self.save()

    def _require_sealable(self) -> None:
        if self._mac_key is None or self.mac_state not in ("ok", "missing"):
            raise KeyringError("密钥文件未通过校验，不能修改")

    def _sealed(self) -> dict:
        sealed = self._data.get("sealed")
        if not isinstance(sealed, dict):
            sealed = self._data["sealed"] = {"audit_anchor": None, "reports_consumed": 0, "attempts_seen": {}}
        return sealed

    # -- users -----------------------------------------------------------------------------

    def usernames(self) -> list[str]:
        """Users who have a wrapped key."""
        return sorted(self._data["users"])

    def has_user(self, username: str) -> bool:
        """True when ``username`` can log in."""
        return username in self._data["users"]

    def set_password(self, username: str, password: str, data_key: bytes, params: KdfParams = KdfParams()) -> None:
        """Wrap ``data_key`` for ``username`` under ``password`` with parameters inside the bounds."""
        if not self.verify_data_key(data_key):
            raise KeyringError(Message("keys.data_key_mismatch"))
        problem = checks.kdf_problem(params.time_cost, params.memory_cost, params.parallelism)
        if problem:
            raise KdfPolicyError(problem)
        if self._mac_key is None:
            self._mac_key = checks.mac_key(data_key)
            self.mac_state = "missing" if not self._data.get("mac") else self.mac_state
        salt, nonce = os.urandom(16), os.urandom(12)
        kek = derive_password_key(password, salt, params)
        wrapped = AESGCM(kek).encrypt(nonce, data_key, b"user:" + username.encode("utf-8"))
        self._data["users"][username] = {"salt": _b64(salt), "nonce": _b64(nonce), "wrapped": _b64(wrapped),
                                         "kdf": asdict(params)}
        self._clear_throttle(username)

    def remove_user(self, username: str) -> None:
        """Drop a user's wrapping (the user can no longer log in)."""
        self._data["users"].pop(username, None)

    def _throttle(self, username: str) -> dict:
        entry = self._data["throttle"].get(username)
        return entry if isinstance(entry, dict) else {}

    def _clear_throttle(self, username: str) -> None:
        # The monotonic attempt count stays: it is what a rollback check compares with.
        entry = self._throttle(username)
        attempts = entry.get("attempts")
        self._dirty_users.add(username)
        if isinstance(attempts, int) and attempts > 0:
            self._data["throttle"][username] = {"attempts": attempts}
        else:
            self._data["throttle"].pop(username, None)

    def check_not_locked(self, username: str, lock_minutes: int = 15) -> None:
        """Raise LockedOutError while the user's lock-out lasts.

        A lock-out time that is not a valid time counts as a lock-out of ``lock_minutes`` from
        now (fail closed), written back so that it ends by itself.
        """
        entry = self._throttle(username)
        until = entry.get("locked_until")
        if until in (None, ""):
            return
        until_dt = checks.parse_time(until)
        if until_dt is None:
            until_dt = _now() + timedelta(minutes=lock_minutes)
            self._data["throttle"][username] = {**entry, "locked_until": until_dt.isoformat(timespec="seconds")}
            self._dirty_users.add(username)
            self.save()
        if until_dt > _now():
            minutes = max(1, int((until_dt - _now()).total_seconds() // 60) + 1)
            raise LockedOutError(Message("keys.locked", minutes=minutes), until_dt)

    def _user_entry(self, username: str) -> tuple[KdfParams, bytes, bytes, bytes] | None:
        entry = self._data["users"].get(username)
        if entry is None:
            return None
        kdf = entry.get("kdf") if isinstance(entry, dict) else None
        salt = checks.b64_bytes(entry.get("salt"), 16) if isinstance(entry, dict) else None
        nonce = checks.b64_bytes(entry.get("nonce"), 12) if isinstance(entry, dict) else None
        wrapped = checks.b64_bytes(entry.get("wrapped"), 48) if isinstance(entry, dict) else None
        if not isinstance(kdf, dict) or set(kdf) != {"time_cost", "memory_cost", "parallelism"} \
                or None in (salt, nonce, wrapped):
            raise KeyringCorruptError(Message("keys.user_entry_damaged", username=username))
        problem = checks.kdf_problem(kdf["time_cost"], kdf["memory_cost"], kdf["parallelism"])
        if problem:
            raise KdfPolicyError(f"密钥文件中用户 {username} 的{problem}，已拒绝使用；"
                                 "请由信息技术人员用恢复密钥为该用户重设密码")
        return KdfParams(**kdf), salt, nonce, wrapped

    def unwrap_for_user(self, username: str, password: str, max_attempts: int = 5, lock_minutes: int = 15) -> bytes:
        """The data key for a correct password; counts failures and locks out after too many.

        The throttle is saved to disk on every failure, so restarting the program does not
        reset it.  Parameters outside the bounds are refused before Argon2 runs.
        """
        self.check_not_locked(username, lock_minutes)
        parsed = self._user_entry(username)
        key = None
        if parsed:
            params, salt, nonce, wrapped = parsed
            kek = derive_password_key(password, salt, params)
            with contextlib.suppress(InvalidTag):
                key = AESGCM(kek).decrypt(nonce, wrapped, b"user:" + username.encode("utf-8"))
        else:
            # Spend the same time for unknown users so timing does not reveal who exists.
            derive_password_key(password, b"\0" * 16, KdfParams())
        if key is None:
            self.record_failure(username, max_attempts, lock_minutes)
            raise WrongPasswordError(Message("keys.wrong_password"))
        if self._throttle(username).get("failures") or self._throttle(username).get("locked_until"):
            self._clear_throttle(username)
            self.save()
        return key

    def record_failure(self, username: str, max_attempts: int, lock_minutes: int) -> None:
        """Count a failed login, lock out after ``max_attempts`` and add an unauthenticated report."""
        entry = dict(self._throttle(username))
        failures = entry.get("failures") if isinstance(entry.get("failures"), int) else 0
        attempts = entry.get("attempts") if isinstance(entry.get("attempts"), int) else 0
        entry.update(failures=failures + 1, attempts=attempts + 1, last_failure=_now().isoformat(timespec="seconds"))
        if entry["failures"] >= max_attempts:
            entry["locked_until"] = (_now() + timedelta(minutes=lock_minutes)).isoformat(timespec="seconds")
            entry["failures"] = 0
        self._data["throttle"][username] = entry
        self._dirty_users.add(username)
        self.record_report(username)

    def record_report(self, username: str) -> None:
        """Add the unauthenticated report "login failed for U at T" (saves)."""
        seq = int(self._data.get("report_seq", 0)) + 1
        self._data["report_seq"] = seq
        # A report can only say "login failed for user U at time T": nothing else is read back.
        self._data["reports"].append({"seq": seq, "username": username[:checks.MAX_USERNAME],
                                      "ts": _now().isoformat(timespec="seconds")})
        self._data["reports"] = self._data["reports"][-checks.MAX_REPORTS:]
        self.save()

    def failures(self, username: str) -> int:
        """Consecutive failed logins since the last success or lock-out."""
        value = self._throttle(username).get("failures", 0)
        return value if isinstance(value, int) else 0

    def params_for(self, username: str) -> KdfParams:
        """The Argon2 parameters of a user's current wrapping (checked against the bounds)."""
        parsed = self._user_entry(username)
        return parsed[0] if parsed else KdfParams()

    def unlock_user(self, username: str) -> None:
        """IT clears a lock-out."""
        self._clear_throttle(username)

    # -- after unlock: reports, rollbacks, the audit anchor ----------------------------------

    def take_reports(self) -> tuple[list[tuple[str, str]], list[tuple[str, dict]]]:
        """Failed-login reports as (username, time) and findings as (action, detail).

        Findings: reports that are malformed, missing or rolled back, and failure counters
        lower than when last sealed (someone erased the throttle).  Call
        :meth:`commit_reports` once they are in the audit log.
        """
        sealed = self._sealed()
        consumed = sealed.get("reports_consumed") if isinstance(sealed.get("reports_consumed"), int) else 0
        seq_now = self._data.get("report_seq", 0)
        reports: list[tuple[str, str]] = []
        findings: list[tuple[str, dict]] = []
        malformed, seqs = 0, []
        for item in list(self._data.get("pending_audit") or []) + list(self._data["reports"]):
            seq = item.get("seq") if isinstance(item, dict) else None
            if isinstance(seq, int) and seq <= consumed:
                continue
            ts = checks.parse_time(item.get("ts")) if isinstance(item, dict) else None
            if not isinstance(item, dict) or not checks.valid_username(item.get("username")) or ts is None:
                malformed += 1
                continue
            if isinstance(seq, int):
                seqs.append(seq)
            reports.append((item["username"], ts.isoformat(timespec="seconds")))
        if malformed:
            findings.append(("keyring.report_malformed", {"count": malformed}))
        if seq_now < consumed:
            findings.append(("keyring.reports_rolled_back", {"sealed": consumed, "found": seq_now}))
        missing = max(0, seq_now - consumed) - len(set(seqs))
        if missing > 0 and self._data.get("version") == 2:
            findings.append(("keyring.reports_missing", {"count": missing}))
        seen = sealed.get("attempts_seen") if isinstance(sealed.get("attempts_seen"), dict) else {}
        for user, count in sorted(seen.items()):
            now = self._throttle(user).get("attempts", 0)
            now = now if isinstance(now, int) else 0
            if isinstance(count, int) and now < count:
                findings.append(("keyring.throttle_rolled_back", {"user": user, "sealed": count, "found": now}))
        self._consumed_seq = max(seq_now, consumed)
        return reports, findings

    def commit_reports(self) -> None:
        """Mark the reports taken as consumed and seal the failure counters (saves)."""
        self._require_sealable()
        sealed = self._sealed()
        sealed["reports_consumed"] = self._consumed_seq
        self._data["report_seq"] = max(int(self._data.get("report_seq", 0)), self._consumed_seq)
        self._data["reports"] = [r for r in self._data["reports"]
                                 if isinstance(r, dict) and isinstance(r.get("seq"), int)
                                 and r["seq"] > self._consumed_seq]
        self._data.pop("pending_audit", None)
        attempts = {}
        for user, entry in self._data["throttle"].items():
            if isinstance(entry, dict) and isinstance(entry.get("attempts"), int):
                attempts[user] = entry["attempts"]
        sealed["attempts_seen"] = attempts
        self.save()

    @property
    def audit_anchor(self) -> tuple[int, str] | None:
        """The sealed audit head (count, hash), or None before the first one."""
        anchor = self._sealed().get("audit_anchor")
        if isinstance(anchor, dict) and isinstance(anchor.get("count"), int) and isinstance(anchor.get("head"), str):
            return anchor["count"], anchor["head"]
        return None

    def set_audit_anchor(self, count: int, head: str) -> None:
        """Seal a new audit head (the caller checked that the chain extends the old one)."""
        self._require_sealable()
        if self.mac_state != "ok":
            return  # an unsealed (legacy) file gets its anchor when it is upgraded
        self._sealed()["audit_anchor"] = {"count": int(count), "head": head,
                                          "at": _now().isoformat(timespec="seconds")}
        self.save()

    def note_anchor_conflict(self, detail: dict) -> None:
        """Remember (sealed) that the chain no longer extends the anchor, so the evidence stays."""
        self._require_sealable()
        if self.mac_state == "ok" and self._sealed().get("anchor_conflict") != detail:
            self._sealed()["anchor_conflict"] = detail
            self.save()

    @property
    def platform_head(self) -> tuple[int, str] | None:
        """The audit head (count, hash) last written into a package for the platform."""
        value = self._sealed().get("platform_head")
        if isinstance(value, dict) and isinstance(value.get("count"), int) and isinstance(value.get("head"), str):
            return value["count"], value["head"]
        return None

    def set_platform_head(self, count: int, head: str) -> None:
        """Seal the audit head just sent to the platform."""
        self._require_sealable()
        if self.mac_state == "ok":
            self._sealed()["platform_head"] = {"count": int(count), "head": head,
                                               "at": _now().isoformat(timespec="seconds")}
            self.save()

    @property
    def anchor_conflict(self) -> dict | None:
        """What was found when the chain did not extend the anchor (None when it always did)."""
        value = self._sealed().get("anchor_conflict")
        return value if isinstance(value, dict) else None

    # -- recovery --------------------------------------------------------------------------

    def set_recovery(self, data_key: bytes) -> str:
        """Create a new recovery key wrapping ``data_key``; returns it formatted (shown once)."""
        if not self.verify_data_key(data_key):
            raise KeyringError(Message("keys.data_key_mismatch"))
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
            raise WrongRecoveryKeyError(Message("keys.no_recovery"))
        nonce, wrapped = checks.b64_bytes(rec.get("nonce"), 12), checks.b64_bytes(rec.get("wrapped"), 48)
        if nonce is None or wrapped is None:
            raise KeyringCorruptError(Message("keys.recovery_entry_damaged"))
        try:
            key = AESGCM(_recovery_kek(raw)).decrypt(nonce, wrapped, b"recovery")
        except InvalidTag:
            raise WrongRecoveryKeyError(Message("keys.recovery_wrong")) from None
        return key

    def verify_data_key(self, data_key: bytes) -> bool:
        """True when ``data_key`` is this store's key."""
        return hmac.compare_digest(key_check_value(data_key), str(self._data.get("key_check", "")))
