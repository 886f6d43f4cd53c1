"""Append-only, hash-chained audit trail.

Each entry's hash covers its id, time, user, action, target, detail and the previous entry's
hash, so changing, deleting or reordering any entry breaks the chain from that point on.
Triggers in the schema refuse UPDATE and DELETE; :func:`verify` finds the first broken link
when someone bypassed them (for example by editing the file with the key).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

GENESIS = "0" * 64


def _entry_hash(entry_id: int, ts: str, username: str, action: str, target: str, detail: str, prev: str) -> str:
    payload = json.dumps([entry_id, ts, username, action, target, detail, prev], ensure_ascii=False,
                         separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(db, username: str, action: str, target: str = "", detail: dict[str, Any] | None = None) -> str:
    """Add one entry inside the caller's write transaction; returns its hash."""
    last = db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    entry_id = (last[0] + 1) if last else 1
    prev = last[1] if last else GENESIS
    ts = datetime.now(timezone.utc).isoformat(timespec="microseconds")
    detail_text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)
    digest = _entry_hash(entry_id, ts, username, action, target, detail_text, prev)
    db.execute(
        "INSERT INTO audit_log (id, ts, username, action, target, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)",
        (entry_id, ts, username, action, target, detail_text, prev, digest),
    )
    return digest


@dataclass
class VerifyResult:
    """Outcome of :func:`verify`: ``ok`` or the first broken entry and why."""

    ok: bool
    entries: int
    head: str
    first_broken_id: int | None = None
    reason: str = ""


def verify(db) -> VerifyResult:
    """Walk the chain in id order and report the first entry that does not check out."""
    prev = GENESIS
    expected_id = 1
    count = 0
    for row in db.execute("SELECT id, ts, username, action, target, detail, prev_hash, hash FROM audit_log ORDER BY id"):
        entry_id, ts, username, action, target, detail, prev_hash, digest = row
        count += 1
        if entry_id != expected_id:
            return VerifyResult(False, count, prev, entry_id, f"条目编号不连续：应为 {expected_id}，实为 {entry_id}（有条目被删除）")
        if prev_hash != prev:
            return VerifyResult(False, count, prev, entry_id, "前一条目的哈希不符（链条断裂）")
        if _entry_hash(entry_id, ts, username, action, target, detail, prev_hash) != digest:
            return VerifyResult(False, count, prev, entry_id, "条目内容与其哈希不符（条目被修改）")
        prev = digest
        expected_id += 1
    return VerifyResult(True, count, prev)


def head(db) -> str:
    """Hash of the newest entry (GENESIS for an empty log): the anchor sent to the platform."""
    row = db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else GENESIS
