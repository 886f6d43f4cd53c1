"""The signed manifest of a package: who sent it to whom, in which order, and what it holds.

``manifest.json`` is UTF-8 JSON; the signature covers its exact bytes (prefixed by a context
string), so the reader never re-serialises before verifying. Everything here is parsed only
after the signature checked out, except :func:`peek_signer` which reads just enough to pick
the pinned key.
"""
from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field

from engines.exchange.rejection import PackageRejected

FORMAT = "trial-exchange/1"
KINDS = ("data", "ack", "nack", "key_update")
# Data and key updates are applied in order; acks and nacks are idempotent and unsequenced.
SEQUENCED_KINDS = ("data", "key_update")
SIGNATURE_CONTEXT = b"trial-exchange/1 manifest\n"
_HEX = re.compile(r"^[0-9a-f]{16,128}$")
_NODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


@dataclass
class FileEntry:
    """One file carried in the payload, in payload order."""

    path: str
    size: int
    digest: str
    case_id: str | None = None


@dataclass
class Manifest:
    """Everything the signature vouches for."""

    package_id: str
    kind: str
    sender_node: str
    sender_key: str
    recipient_node: str
    recipient_key: str
    sequence: int
    created: str
    suite: str
    ephemeral_key: str  # hex of the sender's one-time agreement public key
    payload_size: int  # ciphertext bytes in payload.bin
    payload_plain_size: int
    payload_digest: str  # hash of the ciphertext, checked before decrypting
    chunk_size: int
    files: list[FileEntry] = field(default_factory=list)
    audit_head: str = ""
    format: str = FORMAT

    def to_bytes(self) -> bytes:
        """Serialise to the exact bytes that get signed."""
        obj = {
            "format": self.format,
            "suite": self.suite,
            "package_id": self.package_id,
            "kind": self.kind,
            "created": self.created,
            "sender": {"node": self.sender_node, "key_id": self.sender_key},
            "recipient": {"node": self.recipient_node, "key_id": self.recipient_key},
            "sequence": self.sequence,
            "ephemeral_key": self.ephemeral_key,
            "payload": {
                "size": self.payload_size,
                "plain_size": self.payload_plain_size,
                "digest": self.payload_digest,
                "chunk_size": self.chunk_size,
            },
            "files": [
                {"path": f.path, "size": f.size, "digest": f.digest, "case_id": f.case_id} for f in self.files
            ],
            "audit_head": self.audit_head,
        }
        return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _load(raw: bytes) -> dict:
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackageRejected("bad_manifest", f"not JSON: {exc}") from None
    if not isinstance(obj, dict):
        raise PackageRejected("bad_manifest", "not an object")
    return obj


def peek_signer(raw: bytes) -> tuple[str, str, str, str]:
    """Return (format, suite, sender node, sender key id) from unverified manifest bytes."""
    obj = _load(raw)
    sender = obj.get("sender")
    if not isinstance(sender, dict):
        raise PackageRejected("bad_manifest", "no sender")
    values = (obj.get("format"), obj.get("suite"), sender.get("node"), sender.get("key_id"))
    if not all(isinstance(v, str) for v in values):
        raise PackageRejected("bad_manifest", "sender fields")
    return values  # type: ignore[return-value]


def _int(value: object, name: str, minimum: int = 0) -> int:
    if type(value) is not int or value < minimum:
        raise PackageRejected("bad_manifest", f"{name} must be an integer >= {minimum}")
    return value


def _str(value: object, name: str, pattern: re.Pattern | None = None) -> str:
    if not isinstance(value, str) or (pattern is not None and not pattern.match(value)):
        raise PackageRejected("bad_manifest", f"bad {name}")
    return value


def parse_manifest(raw: bytes, max_files: int) -> Manifest:
    """Validate every field of signed manifest bytes and return the :class:`Manifest`."""
    obj = _load(raw)
    try:
        sender, recipient, payload, files = obj["sender"], obj["recipient"], obj["payload"], obj["files"]
        if not isinstance(files, list) or not all(isinstance(x, dict) for x in (sender, recipient, payload)):
            raise PackageRejected("bad_manifest", "sections")
        if len(files) > max_files:
            raise PackageRejected("bad_manifest", f"{len(files)} files > {max_files}")
        package_id = _str(obj["package_id"], "package_id")
        if str(uuid.UUID(package_id)) != package_id:
            raise PackageRejected("bad_manifest", "package_id is not a canonical UUID")
        kind = _str(obj["kind"], "kind")
        if kind not in KINDS:
            raise PackageRejected("bad_manifest", f"unknown kind {kind!r}")
        sequence = _int(obj["sequence"], "sequence")
        if (kind in SEQUENCED_KINDS) != (sequence > 0):
            raise PackageRejected("bad_manifest", "sequence does not fit kind")
        entries = []
        for item in files:
            if not isinstance(item, dict):
                raise PackageRejected("bad_manifest", "file entry")
            case_id = item.get("case_id")
            if case_id is not None and not isinstance(case_id, str):
                raise PackageRejected("bad_manifest", "case_id")
            entries.append(FileEntry(
                path=_str(item["path"], "path"), size=_int(item["size"], "size"),
                digest=_str(item["digest"], "digest", _HEX), case_id=case_id,
            ))
        manifest = Manifest(
            format=_str(obj["format"], "format"),
            suite=_str(obj["suite"], "suite"),
            package_id=package_id,
            kind=kind,
            created=_str(obj["created"], "created"),
            sender_node=_str(sender["node"], "sender node", _NODE),
            sender_key=_str(sender["key_id"], "sender key", _HEX),
            recipient_node=_str(recipient["node"], "recipient node", _NODE),
            recipient_key=_str(recipient["key_id"], "recipient key", _HEX),
            sequence=sequence,
            ephemeral_key=_str(obj["ephemeral_key"], "ephemeral_key", _HEX),
            payload_size=_int(payload["size"], "payload size"),
            payload_plain_size=_int(payload["plain_size"], "payload plain size"),
            payload_digest=_str(payload["digest"], "payload digest", _HEX),
            chunk_size=_int(payload["chunk_size"], "chunk size", 1),
            files=entries,
            audit_head=_str(obj.get("audit_head", ""), "audit_head"),
        )
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, PackageRejected):
            raise
        raise PackageRejected("bad_manifest", f"missing or bad field: {exc}") from None
    if sum(f.size for f in manifest.files) != manifest.payload_plain_size:
        raise PackageRejected("bad_manifest", "file sizes do not add up to the payload size")
    return manifest
