"""One side of the exchange (terminal or platform): export, import, acknowledge, recover.

:class:`ExchangeNode` ties the package format to a :class:`~engines.exchange.ledger.Ledger`
and an :class:`~engines.exchange.folder.ExchangeFolder`. The caller supplies an *applier*
that writes a data package's content into its own storage inside the ledger transaction, so a
package is applied and recorded together or not at all.

Crash safety rests on one order of steps. Import: claim (rename) -> verify -> optionally stage
content that is harmless if orphaned (content-addressed blobs) -> apply and record in one
transaction -> write the ack -> archive. Export: write the kept copy -> record it ->
copy it into the outbox -> mark it published. After a crash, :meth:`ExchangeNode.recover` and
the next import finish whatever step was cut short; a re-processed package is a known id and
only re-sends its ack.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Protocol

from engines.common import NEVER_CANCELLED, Cancelled, CancelToken, EngineError, ProgressCallback, no_progress
from engines.exchange import control
from engines.exchange.folder import ExchangeFolder, atomic_copy, atomic_write, move
from engines.exchange.keys import NodeKeys, PeerKey, generate_node_keys, suite_for
from engines.exchange.ledger import (IN_APPLIED, IN_CONTROL, IN_HELD, IN_QUARANTINED, OUT_ACKED, OUT_NACKED,
                                     OUT_PENDING, OUT_SENT, IncomingRecord, Ledger, OutgoingRecord, now_iso)
from engines.exchange.manifest import SEQUENCED_KINDS
from engines.exchange.package_reader import Limits, VerifiedPackage, open_package
from engines.exchange.package_writer import OutgoingFile, write_package
from engines.exchange.payload_stream import DEFAULT_CHUNK
from engines.exchange.rejection import REASONS, PackageRejected
from engines.exchange.sequencing import APPLY, CONTROL, DUPLICATE, HOLD, REPLAY, decide, missing_sequences
from engines.exchange.status import ExchangeStatus, ImportOutcome, ImportReport, build_status, peek_order


# Refusals a fresh copy of the same package would not hit (see ExchangeNode._tell_rejected).
TRANSIT_DAMAGE = frozenset({"payload_mismatch", "decrypt_failed", "file_mismatch", "bad_crc"})


class Applier(Protocol):
    """Writes a verified data package's files into the caller's storage (inside the transaction)."""

    def __call__(self, package: VerifiedPackage, cancel: CancelToken) -> None:
        """Store the package's files; raising rolls the whole package back."""


def verify_only(package: VerifiedPackage, cancel: CancelToken) -> None:
    """Applier that stores nothing (every file is still decrypted and checked)."""
    package.verify_files(cancel)


def _local_resource_error(exc: BaseException | None) -> bool:
    """True for a full or read-only local disk (anywhere in the cause chain), not a bad package.

    Callers mark their own such errors with ``transient = True`` (the store's DiskFullError).
    """
    seen = 0
    while exc is not None and seen < 10:
        if getattr(exc, "transient", False):
            return True
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EROFS, getattr(errno, "EDQUOT", -1)):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


@dataclass
class ExchangeNode:
    """A node's exchange logic over its folder and ledger."""

    folder: ExchangeFolder
    ledger: Ledger
    applier: Applier = verify_only
    # Optional first phase of the applier, run outside the ledger transaction; its result is
    # handed to the applier as ``package.staged``.
    stager: Callable[[VerifiedPackage, CancelToken], object] | None = None
    limits: Limits = field(default_factory=Limits)
    on_event: Callable[[str, dict], None] = lambda event, detail: None
    audit_head: Callable[[], str] = lambda: ""
    chunk_size: int = DEFAULT_CHUNK
    # Temporary files older than this are crash leftovers. Recovery runs under the folder lock, so
    # no live writer of ours can own one: by default every leftover goes at once.
    partial_age: float = 0.0
    lock_wait: float = 10.0  # how long to wait for another import/export on the same folder
    nack_interval: float = 600.0  # while a gap stays open, repeat the nack this often (seconds)
    # A file younger than this that looks cut short may still be being copied by the gateway: it
    # goes back to the incoming folder instead of quarantine, and is tried again on the next scan.
    settle_seconds: float = 5.0
    resend_after: float = 6 * 3600.0  # re-publish an unacknowledged package after this long (then 2x, 3x...)
    # (peer, sequence) asked for again during the running import (see _import_locked).
    _resend_requests: list = field(default_factory=list, init=False, repr=False)

    # -- keys ---------------------------------------------------------------------------------
    @property
    def keys(self) -> NodeKeys:
        """Our current key pair."""
        own = self.ledger.own_keys()
        if not own:
            raise EngineError("本机尚未生成交换密钥")
        return own[0]

    def peer_key(self, node: str) -> PeerKey:
        """The key we encrypt to for ``node``: its newest pinned key that is not retired."""
        active = [p.key for p in self.ledger.pinned_keys(node) if not p.retired]
        if not active:
            raise EngineError("未固定对方的公钥", node)
        return active[-1]

    def rotate_keys(self, peers: list[str]) -> NodeKeys:
        """Create a new key pair and tell each peer with a key update signed by the old key."""
        old = self.keys
        new = generate_node_keys(old.node, suite_for(old.suite))
        with self.folder.lock(self.lock_wait):
            with self.ledger.transaction():
                self.ledger.add_own_key(new)
            for peer in peers:
                self._send(peer, "key_update", control.key_update_files(suite_for(old.suite), old, new), signer=old)
        self.on_event("exchange.key_rotated", {"old_key_id": old.key_id, "new_key_id": new.key_id})
        return new

    # -- export -------------------------------------------------------------------------------
    def export(self, recipient: str, files: list[OutgoingFile], progress: ProgressCallback = no_progress,
               cancel: CancelToken = NEVER_CANCELLED) -> OutgoingRecord:
        """Send a data package; it stays pending until the recipient acknowledges it."""
        self.folder.ensure()
        with self.folder.lock(self.lock_wait):
            self._recover()
            record = self._send(recipient, "data", files, progress=progress, cancel=cancel)
        self.on_event("exchange.exported", {"package_id": record.package_id, "recipient": recipient,
                                            "sequence": record.sequence, "files": record.files})
        return record

    def _send(self, recipient: str, kind: str, files: list[OutgoingFile], signer: NodeKeys | None = None,
              progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED) -> OutgoingRecord:
        keys = signer or self.keys
        peer = self.peer_key(recipient)
        self.folder.ensure()
        sequence = self.ledger.next_sequence(recipient) if kind in SEQUENCED_KINDS else 0
        package_id = str(uuid.uuid4())
        name = f"{keys.node}_{recipient}_{kind}_{sequence:08d}_{package_id}.zip"
        kept = self.folder.sent / name
        manifest = atomic_write(kept, lambda out: write_package(
            out, keys, peer, kind, sequence, files, audit_head=self.audit_head(), package_id=package_id,
            chunk_size=self.chunk_size, progress=progress, cancel=cancel))
        record = OutgoingRecord(package_id, recipient, kind, sequence, name,
                                state=OUT_PENDING if kind in SEQUENCED_KINDS else OUT_SENT,
                                files=len(manifest.files), size=kept.stat().st_size)
        with self.ledger.transaction():
            if kind in SEQUENCED_KINDS and self.ledger.next_sequence(recipient) != sequence:
                raise EngineError("另一个导出同时占用了同一序号，请重试", f"#{sequence}")
            self.ledger.put_outgoing(record)
        self._publish(record)
        return record

    def _publish(self, record: OutgoingRecord) -> None:
        atomic_copy(self.folder.sent / record.file, self.folder.outgoing / record.file)
        with self.ledger.transaction():
            record.in_outbox = True
            self.ledger.put_outgoing(record)

    def recover(self) -> dict:
        """Finish what a crash cut short: drop temporary files, publish recorded packages, set
        aside kept copies that were never recorded."""
        self.folder.ensure()
        with self.folder.lock(self.lock_wait):
            return self._recover()

    def _recover(self) -> dict:
        removed = self.folder.cleanup_partials(self.partial_age)
        republished = 0
        for record in self.ledger.outgoing_list():
            if not record.in_outbox and (self.folder.sent / record.file).exists():
                self._publish(record)
                republished += 1
        known = {r.file for r in self.ledger.outgoing_list()}
        unsent = [move(p, self.folder.unsent).name for p in self.folder.packages_in(self.folder.sent)
                  if p.name not in known]
        return {"partials_removed": len(removed), "republished": republished, "unsent": unsent,
                "resent": self._resend_stale()}

    def _resend_stale(self) -> int:
        # The last package of a burst has no successor whose gap would trigger a nack, so a lost
        # one is only noticed by its missing ack: publish it again, less often each time.
        now = _dt.datetime.now(_dt.timezone.utc)
        count = 0
        for record in self.ledger.outgoing_list(OUT_PENDING):
            age = (now - _dt.datetime.fromisoformat(record.created)).total_seconds()
            if age >= self.resend_after * (record.resent + 1) and (self.folder.sent / record.file).exists():
                atomic_copy(self.folder.sent / record.file, self.folder.outgoing / record.file)
                with self.ledger.transaction():
                    record.resent += 1
                    self.ledger.put_outgoing(record)
                count += 1
        return count

    # -- import -------------------------------------------------------------------------------
    def import_incoming(self, progress: ProgressCallback = no_progress,
                        cancel: CancelToken = NEVER_CANCELLED) -> ImportReport:
        """Claim, verify and apply everything in the incoming folder (and crash leftovers)."""
        self.folder.ensure()
        with self.folder.lock(self.lock_wait):
            return self._import_locked(progress, cancel)

    def _import_locked(self, progress: ProgressCallback, cancel: CancelToken) -> ImportReport:
        recovered = self._recover()
        report = ImportReport(partials_removed=recovered["partials_removed"])
        # Packages a peer asks for again are re-sent after the whole batch, so that a refusal
        # of one of them in the same batch (a nack naming it) is known first.
        self._resend_requests = []
        for path in self.folder.undecodable_in(self.folder.incoming):
            report.add(self._quarantine_bad_name(path))
        held_files = {r.file for r in self.ledger.held()}
        queue = [p for p in self.folder.packages_in(self.folder.processing) if p.name not in held_files]
        for path in self.folder.packages_in(self.folder.incoming):
            claimed = self.folder.claim(path)
            if claimed is not None:
                queue.append(claimed)
        queue.sort(key=lambda p: peek_order(p, self.limits))
        newly_held: set[str] = set()
        for i, path in enumerate(queue):
            cancel.check()
            progress(i / max(1, len(queue)), path.name)
            outcome = self._import_one(path, report, cancel)
            if outcome.action == "held":
                newly_held.add(outcome.sender)
            elif outcome.action in ("applied", "key_updated"):
                self._release_held(outcome.sender, report, cancel)
        waiting = {r.sender for r in self.ledger.held()}
        for sender in sorted(waiting):
            held = self.ledger.held(sender)
            # A nack (or its re-sent packages) can be lost too: repeat it while the gap stays open.
            if held and (sender in newly_held or self._last_nack_age(sender) >= self.nack_interval):
                last = self.ledger.last_applied(sender)
                missing = missing_sequences(last, {r.sequence for r in held})
                self._send(sender, "nack", control.nack_files(last + 1, list(missing)))
                report.nacks_sent += 1
        for peer, sequence in dict.fromkeys(self._resend_requests):
            self._resend(peer, sequence, report)
        self._resend_requests = []
        progress(1.0, "")
        return report

    def _still_arriving(self, path: Path) -> bool:
        try:
            return time.time() - path.stat().st_mtime < self.settle_seconds
        except OSError:
            return False

    def _last_nack_age(self, peer: str) -> float:
        sent = [r.created for r in self.ledger.outgoing_list() if r.kind == "nack" and r.recipient == peer]
        if not sent:
            return float("inf")
        last = _dt.datetime.fromisoformat(max(sent))
        return (_dt.datetime.now(_dt.timezone.utc) - last).total_seconds()

    def _release_held(self, sender: str, report: ImportReport, cancel: CancelToken) -> None:
        while True:
            last = self.ledger.last_applied(sender)
            nxt = next((r for r in self.ledger.held(sender) if r.sequence == last + 1), None)
            if nxt is None:
                return
            outcome = self._import_one(self.folder.processing / nxt.file, report, cancel)
            if outcome.action not in ("applied", "key_updated"):
                return

    def _import_one(self, path: Path, report: ImportReport, cancel: CancelToken) -> ImportOutcome:
        try:
            package = open_package(path, self.ledger.own_keys(), self.ledger, self.limits, cancel=cancel)
        except PackageRejected as exc:
            if exc.reason in ("not_a_package", "bad_structure") and self._still_arriving(path):
                with contextlib.suppress(OSError):  # if it cannot go back, processing/ retries it too
                    move(path, self.folder.incoming)
                return report.add(ImportOutcome(path.name, "not_ready", reason=exc.reason, detail=exc.detail))
            return report.add(self._quarantine(path, exc, None))
        except FileNotFoundError:
            return report.add(ImportOutcome(path.name, "missing"))
        m = package.manifest
        outcome = ImportOutcome(path.name, "", m.package_id, m.kind, m.sender_node, m.sequence)
        resend: list[int] = []
        try:
            with package:
                if self.stager is not None and m.kind == "data" and self._will_apply(m):
                    # Heavy work (decrypting, storing files) before the transaction, so the
                    # store is locked only for recording; the decision is re-checked inside.
                    package.staged = self.stager(package, cancel)
                self._decide_and_record(package, path, outcome, cancel, resend)
        except Cancelled:
            raise
        except PackageRejected as exc:
            refused = self._quarantine(path, exc, m.package_id)
            self._tell_rejected(m, exc.reason, report)
            return report.add(refused)
        except Exception as exc:  # noqa: BLE001 - an applier bug must quarantine, not crash the scan
            if _local_resource_error(exc):
                # The package is fine; this machine's disk is full or read-only. It stays in
                # processing/ (the transaction rolled back) and is applied on the next scan.
                raise
            refused = self._quarantine(path, PackageRejected("apply_failed", repr(exc)), m.package_id)
            self._tell_rejected(m, "apply_failed", report)
            return report.add(refused)
        if outcome.action == REPLAY:
            return report.add(self._quarantine(path, PackageRejected("replay", f"#{m.sequence}"), m.package_id))
        if outcome.action in ("applied", "key_updated") or (outcome.action == DUPLICATE and outcome.detail == IN_APPLIED
                                                              and m.kind in SEQUENCED_KINDS):
            self._send(m.sender_node, "ack", control.ack_files(m.package_id, m.sequence, "applied"))
            report.acks_sent += 1
        self._resend_requests.extend((m.sender_node, sequence) for sequence in resend)
        if outcome.action in ("applied", "key_updated", DUPLICATE, "ack_received", "nack_received") or (
                outcome.action == "still_held" and outcome.detail != path.name):
            self.folder.archive(path)
        return report.add(outcome)

    def _tell_rejected(self, m, reason: str, report: ImportReport) -> None:
        """Tell the sender that its package was refused here: a nack naming it and the reason.

        Its operator then sees why instead of waiting for an ack that never comes, and the
        package is not sent again unchanged (see :meth:`_resend`).  Only for sequenced
        packages whose signature checked out: a forged or garbled file never makes us write.
        Damage in transit (payload, file digests) is not reported this way: a fresh copy would
        pass, and the ordinary gap nack or the sender's stale resend brings one.  The nack is
        advisory, so failing to write it must not stop the scan.
        """
        if m.kind not in SEQUENCED_KINDS or reason in TRANSIT_DAMAGE:
            return
        last = self.ledger.last_applied(m.sender_node)
        missing = missing_sequences(last, {r.sequence for r in self.ledger.held(m.sender_node)})
        rejected = {"package_id": m.package_id, "sequence": m.sequence, "reason": reason}
        with contextlib.suppress(EngineError, OSError):
            self._send(m.sender_node, "nack", control.nack_files(last + 1, list(missing), rejected))
            report.nacks_sent += 1

    def _will_apply(self, m) -> bool:
        known = self.ledger.incoming(m.package_id)
        fresh = known is None or known.state in (IN_HELD, IN_QUARANTINED)
        return fresh and m.sequence == self.ledger.last_applied(m.sender_node) + 1

    def _decide_and_record(self, package: VerifiedPackage, path: Path, outcome: ImportOutcome,
                           cancel: CancelToken, resend: list[int]) -> None:
        m = package.manifest
        with self.ledger.transaction():
            known = self.ledger.incoming(m.package_id)
            if known is not None and known.state == IN_QUARANTINED:
                known = None  # a good copy of a package whose earlier copy failed
            last = self.ledger.last_applied(m.sender_node)
            decision = decide(m.kind, m.sequence, known, last, self.ledger.held(m.sender_node))
            record = IncomingRecord(m.package_id, m.sender_node, m.kind, m.sequence, IN_APPLIED, path.name,
                                    files=len(m.files), size=m.payload_plain_size)
            if decision.action == APPLY:
                outcome.action = self._apply(package, cancel)
                self.ledger.put_incoming(record)
                self.on_event("exchange.applied", {"package_id": m.package_id, "sender": m.sender_node,
                                                   "kind": m.kind, "sequence": m.sequence})
            elif decision.action == HOLD:
                record.state = IN_HELD
                self.ledger.put_incoming(record)
                outcome.action, outcome.detail = "held", f"missing {list(decision.missing)}"
            elif decision.action == CONTROL:
                outcome.action, missing = self._control(package)
                resend.extend(missing)
                record.state = IN_CONTROL
                self.ledger.put_incoming(record)
            else:
                outcome.action = decision.action  # duplicate, replay, still_held
                if known is not None:
                    outcome.detail = known.state if decision.action == DUPLICATE else known.file

    def _apply(self, package: VerifiedPackage, cancel: CancelToken) -> str:
        m = package.manifest
        if m.kind == "key_update":
            obj = control.parse_control(package.read_small_files(), "key_update")
            new_key = control.verify_key_update(suite_for(m.suite), obj, m.sender_node, m.sender_key)
            self.ledger.pin_key(new_key)
            self.ledger.retire_key(m.sender_node, m.sender_key)
            self.on_event("exchange.peer_key_updated", {"node": m.sender_node, "old_key_id": m.sender_key,
                                                        "new_key_id": new_key.key_id})
            return "key_updated"
        self.applier(package, cancel)
        package.verify_files(cancel)
        return "applied"

    def _control(self, package: VerifiedPackage) -> tuple[str, list[int]]:
        m = package.manifest
        obj = control.parse_control(package.read_small_files(), m.kind)
        if m.kind == "ack":
            record = self.ledger.outgoing(str(obj.get("package_id")))
            if record is not None and record.recipient == m.sender_node and record.state != OUT_ACKED:
                record.state, record.acked = OUT_ACKED, now_iso()
                self.ledger.put_outgoing(record)
                self.on_event("exchange.acknowledged", {"package_id": record.package_id, "by": m.sender_node})
            return "ack_received", []
        rejected = obj.get("rejected")
        if isinstance(rejected, dict):
            record = self.ledger.outgoing(str(rejected.get("package_id")))
            if record is not None and record.recipient == m.sender_node:
                record.state, record.note = OUT_NACKED, str(rejected.get("reason", ""))
                self.ledger.put_outgoing(record)
        missing = obj.get("missing")
        if not isinstance(missing, list) or not all(type(s) is int and s > 0 for s in missing):
            raise PackageRejected("bad_control", "missing list")
        return "nack_received", missing[:1000]

    def _resend(self, peer: str, sequence: int, report: ImportReport) -> None:
        record = self.ledger.outgoing_by_sequence(peer, sequence)
        # A package the peer refused would only be refused again: its operator acts instead.
        if record is None or record.state == OUT_NACKED or not (self.folder.sent / record.file).exists():
            return
        atomic_copy(self.folder.sent / record.file, self.folder.outgoing / record.file)
        with self.ledger.transaction():
            record.resent += 1
            self.ledger.put_outgoing(record)
        report.resent += 1

    def _quarantine_bad_name(self, path: Path) -> ImportOutcome:
        """A file whose name is not UTF-8: quarantined under a safe name while the batch goes on."""
        target, raw_hex = self.folder.quarantine_undecodable(path)
        self.on_event("exchange.quarantined", {"file": target.name, "reason": "bad_name",
                                               "original_name_hex": raw_hex, "package_id": None,
                                               "quarantined_as": target.name})
        return ImportOutcome(target.name, "quarantined", None, reason="bad_name", message=REASONS["bad_name"],
                             detail=raw_hex)

    def _quarantine(self, path: Path, exc: PackageRejected, package_id: str | None) -> ImportOutcome:
        with self.ledger.transaction():
            known = self.ledger.incoming(package_id) if package_id else None
            if known is not None and known.state == IN_HELD and known.file == path.name:
                known.state = IN_QUARANTINED
                self.ledger.put_incoming(known)
        target = self.folder.quarantine(path, exc.reason, REASONS.get(exc.reason, ""), exc.detail, package_id)
        self.on_event("exchange.quarantined", {"file": path.name, "reason": exc.reason, "detail": exc.detail,
                                               "package_id": package_id, "quarantined_as": target.name})
        return ImportOutcome(path.name, "quarantined", package_id, reason=exc.reason, message=exc.message,
                             detail=exc.detail)

    def requeue_quarantined(self, name: str) -> Path:
        """Put quarantined package ``name`` back in the inbox; the next import checks it afresh."""
        with self.folder.lock(self.lock_wait):
            target = self.folder.requeue(name)
        self.on_event("exchange.requeued", {"file": name, "requeued_as": target.name})
        return target

    # -- status -------------------------------------------------------------------------------
    def status(self) -> ExchangeStatus:
        """Folder counts, our key, pinned keys, pending and held packages, quarantine reasons."""
        return build_status(self.folder, self.ledger)
