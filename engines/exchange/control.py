"""Contents of acknowledgement, negative acknowledgement and key-update packages.

Each is one small JSON file, ``control.json``, inside an ordinary encrypted, signed package.
"""
from __future__ import annotations

import json

from engines.exchange.crypto_suite import CryptoSuite
from engines.exchange.keys import NodeKeys, PeerKey
from engines.exchange.package_writer import OutgoingFile, file_from_bytes
from engines.exchange.rejection import PackageRejected

CONTROL_FILE = "control.json"
KEY_PROOF_CONTEXT = b"trial-exchange/1 key update\n"


def _file(obj: dict) -> list[OutgoingFile]:
    return [file_from_bytes(json.dumps(obj, ensure_ascii=False, sort_keys=True).encode("utf-8"), CONTROL_FILE)]


def ack_files(package_id: str, sequence: int, status: str) -> list[OutgoingFile]:
    """Files of an ack for ``package_id`` (status ``applied`` or ``duplicate``)."""
    return _file({"type": "ack", "package_id": package_id, "sequence": sequence, "status": status})


def nack_files(expected: int, missing: list[int], rejected: dict | None = None) -> list[OutgoingFile]:
    """Files of a nack naming the sequence numbers we lack (and a rejected package, if any)."""
    return _file({"type": "nack", "expected": expected, "missing": list(missing), "rejected": rejected})


def key_update_files(suite: CryptoSuite, old: NodeKeys, new: NodeKeys) -> list[OutgoingFile]:
    """Files of a key update; the new key signs the rotation too, proving it is held."""
    proof = suite.sign(new.sign_private, KEY_PROOF_CONTEXT + old.key_id.encode() + b"\n" + new.key_id.encode())
    return _file({"type": "key_update", "old_key_id": old.key_id, "new_key": new.public().to_json(),
                  "proof": proof.hex()})


def parse_control(files: dict[str, bytes], expected_type: str) -> dict:
    """The JSON object of a control package, checked for its type (``bad_control`` otherwise)."""
    if set(files) != {CONTROL_FILE}:
        raise PackageRejected("bad_control", f"files {sorted(files)}")
    try:
        obj = json.loads(files[CONTROL_FILE].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise PackageRejected("bad_control", "not JSON") from None
    if not isinstance(obj, dict) or obj.get("type") != expected_type:
        raise PackageRejected("bad_control", f"type is not {expected_type}")
    return obj


def verify_key_update(suite: CryptoSuite, obj: dict, sender: str, signer_key_id: str) -> PeerKey:
    """Check a key update from ``sender`` signed by ``signer_key_id``; return the new key."""
    try:
        new_key = PeerKey.from_json(obj["new_key"])
        proof = bytes.fromhex(obj["proof"])
    except Exception as exc:  # noqa: BLE001 - any malformed field is the same refusal
        raise PackageRejected("bad_control", f"key update: {exc}") from None
    if obj.get("old_key_id") != signer_key_id or new_key.node != sender or new_key.key_id == signer_key_id:
        raise PackageRejected("bad_control", "key update names other keys")
    message = KEY_PROOF_CONTEXT + signer_key_id.encode() + b"\n" + new_key.key_id.encode()
    if not suite.verify(new_key.sign_public, message, proof):
        raise PackageRejected("bad_control", "key update proof")
    return new_key
