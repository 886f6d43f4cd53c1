"""The platform policy file is used only when its signature verifies against a pinned platform key.

``<data>/platform_policy.json`` is written when a verified platform package carrying
``policy.json`` is applied.  It keeps, besides the settings it shows, a *proof*: the package's
signed manifest, its signature, the signer's public key and the policy bytes themselves.  The
settings layer reads it through :func:`verified_settings`, which checks, every time:

1. the signer's key is trusted: before unlock, the key IT deployed by machine policy
   (``platform_key``: a key file, or a fingerprint the key in the proof must match); after
   unlock, a key pinned in the store (and not retired);
2. the signature over the manifest verifies with that key (the same check as for packages);
3. the manifest lists ``policy.json`` with the digest of the policy bytes kept in the proof;
4. the settings are re-derived from those bytes (unknown or local-only names dropped again).

A file written by hand, or edited after installation, fails one of these and gives no settings.
"""
from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any, Callable, Iterable

from engines.common import EngineError
from engines.exchange.crypto_suite import get_suite
from engines.exchange.keys import PeerKey
from engines.exchange.manifest import SIGNATURE_CONTEXT, parse_manifest

POLICY_PATH = "policy.json"
Verifier = Callable[[dict], "dict[str, Any] | None"]


def make_proof(manifest_raw: bytes, signature: bytes, signer: PeerKey, policy: bytes) -> dict:
    """The proof stored with an installed policy (everything needed to verify it again)."""
    return {"manifest": base64.b64encode(manifest_raw).decode("ascii"),
            "signature": base64.b64encode(signature).decode("ascii"),
            "signer": signer.to_json(), "policy": base64.b64encode(policy).decode("ascii")}


def _policy_bytes(record: dict, trusted: Callable[[PeerKey], bool]) -> bytes | None:
    proof = record.get("proof") if isinstance(record, dict) else None
    if not isinstance(proof, dict):
        return None
    try:
        raw = base64.b64decode(proof["manifest"], validate=True)
        signature = base64.b64decode(proof["signature"], validate=True)
        policy = base64.b64decode(proof["policy"], validate=True)
        signer = PeerKey.from_json(proof["signer"])
    except (KeyError, TypeError, ValueError, EngineError):
        return None
    suite = get_suite(signer.suite)
    if suite is None or not trusted(signer):
        return None
    if not suite.verify(signer.sign_public, SIGNATURE_CONTEXT + raw, signature):
        return None
    try:
        manifest = parse_manifest(raw, 10_000)
    except (EngineError, ValueError):
        return None
    if manifest.sender_node != signer.node or manifest.sender_key != signer.key_id:
        return None
    entry = next((fe for fe in manifest.files if fe.path == POLICY_PATH), None)
    if entry is None:
        return None
    h = suite.hasher()
    h.update(policy)
    return policy if h.hexdigest() == entry.digest else None


def verifier(keys: Iterable[PeerKey] = (), fingerprints: Iterable[str] = ()) -> Verifier:
    """A verifier trusting these pinned keys and keys with these fingerprints (key ids)."""
    key_ids = {k.key_id for k in keys} | {f.replace(" ", "").lower() for f in fingerprints if f}
    by_id = {k.key_id: k for k in keys}

    def trusted(signer: PeerKey) -> bool:
        if signer.key_id not in key_ids:
            return False
        pinned = by_id.get(signer.key_id)
        return pinned is None or (pinned.sign_public == signer.sign_public and pinned.suite == signer.suite)

    def verify(record: dict) -> dict[str, Any] | None:
        policy = _policy_bytes(record, trusted)
        if policy is None:
            return None
        from app.services.platform_updates import check_policy

        try:
            accepted, _ = check_policy(policy)
        except ValueError:
            return None
        return accepted

    return verify


def machine_verifier(settings) -> Verifier:
    """Before unlock: trust only the platform key that machine policy (IT, via the MSI) names."""
    if settings.source("platform_key") != "policy":
        return verifier()  # a user's own settings file cannot name the key that vouches for policy
    value = str(settings["platform_key"] or "").strip()
    compact = value.replace(" ", "").lower()
    if len(compact) == 40 and all(ch in "0123456789abcdef" for ch in compact):
        return verifier(fingerprints=[compact])
    try:
        return verifier(keys=[PeerKey.from_json(json.loads(Path(value).read_text(encoding="utf-8")))])
    except (OSError, ValueError, EngineError):
        return verifier()


def store_verifier(store) -> Verifier:
    """After unlock: trust the platform keys pinned in the store (active ones only)."""
    from engines.exchange.ledger import SqliteLedger

    try:
        with store.database.lock:
            pinned = SqliteLedger(store.database.db.conn, create=False).pinned_keys()
    except Exception:  # noqa: BLE001 - a store without exchange tables trusts nothing
        return verifier()
    return verifier(keys=[p.key for p in pinned if not p.retired])
