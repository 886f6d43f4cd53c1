"""Results the exchange reports: per-package import outcomes and the folder/ledger status."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from engines.exchange.folder import ExchangeFolder
from engines.exchange.keys import fingerprint
from engines.exchange.ledger import IN_HELD, OUT_PENDING, Ledger, OutgoingRecord
from engines.exchange.manifest import SEQUENCED_KINDS
from engines.exchange.package_writer import ENTRY_MANIFEST
from engines.exchange.rejection import PackageRejected
from engines.exchange.zip_container import ZipLimits, ZipReader


@dataclass
class ImportOutcome:
    """What happened to one incoming file.

    ``action``: applied, key_updated, duplicate, held, still_held, ack_received, nack_received,
    quarantined (with ``reason``), not_ready (looked cut short while still new: left for the next
    scan), missing.
    """

    file: str
    action: str
    package_id: str | None = None
    kind: str | None = None
    sender: str | None = None
    sequence: int | None = None
    reason: str | None = None
    message: str = ""
    detail: str = ""


@dataclass
class ImportReport:
    """Outcome of one import run."""

    outcomes: list[ImportOutcome] = field(default_factory=list)
    acks_sent: int = 0
    nacks_sent: int = 0
    resent: int = 0
    partials_removed: int = 0

    def add(self, outcome: ImportOutcome) -> ImportOutcome:
        """Record ``outcome`` and return it."""
        self.outcomes.append(outcome)
        return outcome

    def count(self, action: str) -> int:
        """How many outcomes had ``action``."""
        return sum(1 for o in self.outcomes if o.action == action)


@dataclass
class ExchangeStatus:
    """What the exchange panel and ``exchange status`` show."""

    node: str
    key_id: str
    fingerprint: str
    pinned_keys: list[dict]
    waiting_incoming: int
    in_outbox: int
    processing: int
    pending: list[dict]
    held: list[dict]
    quarantined: list[dict]
    applied: int
    acknowledged: int


def _brief(r: OutgoingRecord) -> dict:
    return {"package_id": r.package_id, "recipient": r.recipient, "kind": r.kind, "sequence": r.sequence,
            "created": r.created, "files": r.files, "size": r.size, "resent": r.resent, "file": r.file}


def build_status(folder: ExchangeFolder, ledger: Ledger) -> ExchangeStatus:
    """Collect the status from the folder and the ledger."""
    own = ledger.own_keys()
    quarantined = []
    if folder.quarantine_dir.is_dir():
        for reason_file in sorted(folder.quarantine_dir.glob("*.reason.json")):
            try:
                info = json.loads(reason_file.read_text(encoding="utf-8"))
                # The name in quarantine/ (it differs from "file" when a same-named one was there).
                info["quarantined_as"] = reason_file.name.removesuffix(".reason.json")
                quarantined.append(info)
            except (OSError, ValueError):
                quarantined.append({"file": reason_file.name, "reason": "unreadable reason file"})
    incoming = ledger.incoming_list()
    outgoing = ledger.outgoing_list()
    return ExchangeStatus(
        node=own[0].node if own else "",
        key_id=own[0].key_id if own else "",
        fingerprint=fingerprint(own[0].key_id) if own else "",
        pinned_keys=[{**p.key.to_json(), "retired": p.retired} for p in ledger.pinned_keys()],
        waiting_incoming=len(folder.packages_in(folder.incoming)),
        in_outbox=len(folder.packages_in(folder.outgoing)),
        processing=len(folder.packages_in(folder.processing)),
        pending=[_brief(r) for r in outgoing if r.state == OUT_PENDING],
        held=[{"package_id": r.package_id, "sender": r.sender, "sequence": r.sequence, "file": r.file}
              for r in incoming if r.state == IN_HELD],
        quarantined=quarantined,
        applied=sum(1 for r in incoming if r.state == "applied"),
        acknowledged=sum(1 for r in outgoing if r.state == "acknowledged"),
    )


def peek_order(path: Path, limits) -> tuple:
    """Sort key from a package's unverified manifest: control first, then sender and sequence.

    Only used to process a batch in a sensible order; a package that cannot be peeked sorts
    last and is rejected properly when it is verified.
    """
    try:
        with open(path, "rb") as f:
            size = f.seek(0, 2)
            zr = ZipReader(f, size, ZipLimits(limits.max_package_bytes, limits.max_entries,
                                              limits.max_package_bytes, limits.max_ratio))
            entry = next(e for e in zr.entries if e.name == ENTRY_MANIFEST)
            obj = json.loads(zr.read_small(entry, limits.max_manifest_bytes))
            kind, sender, seq = obj["kind"], obj["sender"]["node"], int(obj["sequence"])
            return (1 if kind in SEQUENCED_KINDS else 0, str(sender), seq, path.name)
    except (OSError, ValueError, KeyError, TypeError, StopIteration, PackageRejected):
        return (2, "", 0, path.name)
