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

from app.messages import Message, listed

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
    """Outcome of :func:`verify`: ``ok`` or the first broken entry and why.

    ``anchor`` and ``platform_head`` say whether the chain extends the head sealed locally and
    the last head sent to the platform ("ok", "mismatch" or "none" when there is none yet);
    ``integrity`` lists what SQLCipher's page check and SQLite's integrity check found.
    """

    ok: bool
    entries: int
    head: str
    first_broken_id: int | None = None
    reason: str = ""
    anchor: str = "none"
    platform_head: str = "none"
    integrity: list[str] | None = None


def extends(db, count: int, head_hash: str) -> bool:
    """True when entry ``count`` of the chain has hash ``head_hash`` (the chain extends that head)."""
    if count == 0:
        return head_hash == GENESIS
    row = db.execute("SELECT hash FROM audit_log WHERE id = ?", (count,)).fetchone()
    return row is not None and row[0] == head_hash


def verify_with_anchors(db, anchor: tuple[int, str] | None, platform_head: tuple[int, str] | None,
                        integrity: list[str]) -> VerifyResult:
    """:func:`verify`, plus the local anchor, the head last sent to the platform and page checks."""
    result = verify(db)
    result.integrity = list(integrity)
    reasons = [result.reason] if result.reason else []
    for label, value, attr in ((Message("audit.anchor_local"), anchor, "anchor"),
                               (Message("audit.anchor_platform"), platform_head, "platform_head")):
        if value is None:
            continue
        count, head_hash = value
        if extends(db, count, head_hash):
            setattr(result, attr, "ok")
            continue
        setattr(result, attr, "mismatch")
        if result.entries < count:
            reasons.append(Message("audit.truncated", entries=result.entries, label=label, count=count))
        else:
            reasons.append(Message("audit.rewritten", count=count, label=label))
    if integrity:
        reasons.append(Message("audit.pages", problems=listed(integrity[:3])))
    result.ok = result.ok and result.anchor != "mismatch" and result.platform_head != "mismatch" and not integrity
    result.reason = listed(reasons)  # in the UI's language: the reason is shown, not stored
    return result


def verify(db) -> VerifyResult:
    """Walk the chain in id order and report the first entry that does not check out."""
    prev = GENESIS
    expected_id = 1
    count = 0
    for row in db.execute("SELECT id, ts, username, action, target, detail, prev_hash, hash FROM audit_log ORDER BY id"):
        entry_id, ts, username, action, target, detail, prev_hash, digest = row
        count += 1
        if entry_id != expected_id:
            return VerifyResult(False, count, prev, entry_id, str(Message("audit.gap", expected=expected_id, found=entry_id)))
        if prev_hash != prev:
            return VerifyResult(False, count, prev, entry_id, str(Message("audit.broken_link")))
        if _entry_hash(entry_id, ts, username, action, target, detail, prev_hash) != digest:
            return VerifyResult(False, count, prev, entry_id, str(Message("audit.modified")))
        prev = digest
        expected_id += 1
    return VerifyResult(True, count, prev)


def head(db) -> str:
    """Hash of the newest entry (GENESIS for an empty log): the anchor sent to the platform."""
    row = db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else GENESIS
