"""Checks on ``keyring.json`` that need no key: its shape, the Argon2 bounds, the MAC, private writes.

``keyring.json`` lies in a folder every judge and clerk of the PC can write, so nothing read
from it is trusted before unlock: each field is checked for type and range here, and a file of
the wrong shape is refused with a clear message instead of a traceback.  After unlock the
part that is not needed before unlock is checked against a MAC (HMAC-SHA256 under a key that
HKDF derives from the data key with its own label, so the MAC key is never the data key).

What an attacker with write access to the data folder can still do before unlock (and what
the design accepts, see docs/security.md): erase or roll back the unauthenticated part (the
throttle and the failed-login reports), replace the whole file with an older copy, or copy it
and guess passwords offline at Argon2 cost.  The MAC makes edits of the sealed part, and
rollbacks of the monotonic counters below the last sealed values, visible at the next unlock.
"""
from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import threading
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

# Fields written before unlock (no key available then); everything else is under the MAC.
UNSEALED_FIELDS = frozenset({"mac", "throttle", "reports", "report_seq", "pending_audit"})

# Argon2id bounds, as (time_cost, memory_cost KiB, parallelism).  The floor follows OWASP's
# minimum for Argon2id; the ceiling stops an edited value from hanging a login (1 GiB, 20 passes).
DEFAULT_FLOOR = (2, 19456, 1)
ABSOLUTE_FLOOR = (1, 8192, 1)
CEILING = (20, 1 << 20, 16)
FLOOR_ENV = "TRIAL_ASSISTANT_KDF_FLOOR"

MAX_REPORTS = 1000  # failed-login reports kept before unlock (older ones are dropped, counted)
MAX_USERNAME = 64


def kdf_floor() -> tuple[int, int, int]:
    """The Argon2 floor: OWASP's minimum, or a lower one (never below 1 pass, 8 MiB) from the
    ``TRIAL_ASSISTANT_KDF_FLOOR`` environment variable ("t,m,p"), which the test suite sets to
    keep its logins fast (like the other TRIAL_ASSISTANT_* variables, for tests and IT only)."""
    raw = os.environ.get(FLOOR_ENV, "")
    if raw:
        with contextlib.suppress(ValueError):
            t, m, p = (int(x) for x in raw.split(","))
            return (max(t, ABSOLUTE_FLOOR[0]), max(m, ABSOLUTE_FLOOR[1]), max(p, ABSOLUTE_FLOOR[2]))
    return DEFAULT_FLOOR


def kdf_problem(time_cost: object, memory_cost: object, parallelism: object) -> str:
    """'' when the Argon2 parameters are within the floor and ceiling, else the reason (Chinese)."""
    values = (time_cost, memory_cost, parallelism)
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "密码派生参数不是整数"
    floor = kdf_floor()
    names = ("迭代次数", "内存（KiB）", "并行度")
    for name, value, low, high in zip(names, values, floor, CEILING):
        if value < low:
            return f"密码派生参数{name} {value} 低于安全下限 {low}（参数被削弱）"
        if value > high:
            return f"密码派生参数{name} {value} 超过上限 {high}（不合理的值）"
    if memory_cost < 8 * parallelism:
        return "密码派生参数内存与并行度不匹配"
    return ""


def b64_bytes(value: object, length: int | None = None) -> bytes | None:
    """Decode a base64 field, or None when it is not valid base64 of the expected length."""
    if not isinstance(value, str):
        return None
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        return None
    if length is not None and len(raw) != length:
        return None
    return raw


def parse_time(value: object) -> datetime | None:
    """An ISO time with time zone from the file, or None for anything else."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def valid_username(value: object) -> bool:
    """A user name as the program writes it: a short printable string."""
    return isinstance(value, str) and 0 < len(value) <= MAX_USERNAME and value.isprintable()


def shape_problem(data: object) -> str:
    """'' when ``data`` has the keyring's top-level shape, else what is wrong (Chinese).

    Per-user entries and throttle entries are checked when used, so one damaged user entry
    does not lock every other user out.
    """
    if not isinstance(data, dict):
        return "内容不是对象"
    if data.get("version") not in (1, 2):
        return f"不支持的版本 {data.get('version')!r}"
    if not isinstance(data.get("users"), dict):
        return "users 字段不是对象"
    if not isinstance(data.get("key_check"), str):
        return "key_check 字段缺失"
    for field, kind in (("throttle", dict), ("reports", list), ("pending_audit", list), ("sealed", dict)):
        if field in data and data[field] is not None and not isinstance(data[field], kind):
            return f"{field} 字段类型不对"
    if "recovery" in data and data["recovery"] is not None and not isinstance(data["recovery"], dict):
        return "recovery 字段类型不对"
    if "mac" in data and not isinstance(data["mac"], str):
        return "mac 字段类型不对"
    if "report_seq" in data and not (isinstance(data["report_seq"], int) and not isinstance(data["report_seq"], bool)):
        return "report_seq 字段类型不对"
    return ""


def mac_key(data_key: bytes) -> bytes:
    """The keyring MAC key: HKDF of the data key with its own label (never the data key itself)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"trial-assistant keyring mac v1").derive(data_key)


def compute_mac(key: bytes, data: dict) -> str:
    """HMAC-SHA256 over the canonical JSON of every sealed field."""
    sealed = {k: v for k, v in data.items() if k not in UNSEALED_FIELDS}
    text = json.dumps(sealed, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


# Serialises keyring writes within the process (see write_private and Keyring.save).
WRITE_LOCK = threading.RLock()


def write_private(path: Path, text: str) -> None:
    """Write ``text`` atomically to ``path`` as a file only its owner can read (0600 on POSIX)."""
    # One writer at a time in this process: the temporary file has a fixed name (a stale one
    # is found and reported by it), and two threads saving at once - an unlock being checked
    # while a login upgrade or a report is saved - would rename it from under each other.
    with WRITE_LOCK:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            if os.name == "posix":
                os.chmod(tmp, 0o600)  # an older .tmp left by a crash keeps its mode otherwise
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
    if hasattr(os, "O_DIRECTORY"):
        with contextlib.suppress(OSError):
            dfd = os.open(path.parent, os.O_DIRECTORY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
