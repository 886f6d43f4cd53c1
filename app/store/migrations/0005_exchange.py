"""Exchange: ledger tables (keys, incoming, outgoing), case sync state, conflicts, files.

The ledger tables are the ones :class:`engines.exchange.ledger.SqliteLedger` uses; their DDL is
copied here (not imported) so this migration never changes after it landed. The terminal's key
pair is created here, i.e. when ``init`` creates the store (and once when an older store is
upgraded); the private keys live only inside the encrypted database.

The key generation is frozen here too (a copy of ``engines.exchange.keys`` and its default
suite as of this migration): a later change to the engine must not change what this
migration writes. tests/app/store/test_migrations_frozen.py checks that no migration imports
live code and that what this one writes still loads with today's engine.
"""
from __future__ import annotations

import hashlib
import json
import secrets
from datetime import datetime, timezone

# The suite every key of this migration uses (engines.exchange.crypto_suite.DefaultSuite.name then).
SUITE = "ed25519-x25519-hkdfsha256-aes256gcm-sha256"

SCHEMA = """
CREATE TABLE exchange_own_keys (
    key_id TEXT PRIMARY KEY, node TEXT NOT NULL, created TEXT NOT NULL, keys_json TEXT NOT NULL);
CREATE TABLE exchange_peer_keys (
    node TEXT NOT NULL, key_id TEXT NOT NULL, key_json TEXT NOT NULL, retired INTEGER NOT NULL DEFAULT 0,
    pinned TEXT NOT NULL, PRIMARY KEY (node, key_id));
CREATE TABLE exchange_incoming (
    package_id TEXT PRIMARY KEY, sender TEXT NOT NULL, kind TEXT NOT NULL, sequence INTEGER NOT NULL,
    state TEXT NOT NULL, file TEXT NOT NULL, received TEXT NOT NULL, files INTEGER NOT NULL,
    size INTEGER NOT NULL);
CREATE INDEX exchange_incoming_seq ON exchange_incoming (sender, state, sequence);
CREATE TABLE exchange_outgoing (
    package_id TEXT PRIMARY KEY, recipient TEXT NOT NULL, kind TEXT NOT NULL, sequence INTEGER NOT NULL,
    file TEXT NOT NULL, state TEXT NOT NULL, in_outbox INTEGER NOT NULL, created TEXT NOT NULL,
    acked TEXT NOT NULL, note TEXT NOT NULL, files INTEGER NOT NULL, size INTEGER NOT NULL,
    resent INTEGER NOT NULL);
CREATE INDEX exchange_outgoing_seq ON exchange_outgoing (recipient, sequence);

-- Which local case a platform case is, the platform's last values (the base for detecting
-- conflicts) and the case version last sent to the platform.
CREATE TABLE exchange_case_sync (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    platform_case_id TEXT NOT NULL UNIQUE,
    base_json TEXT NOT NULL DEFAULT '{}',
    exported_version INTEGER NOT NULL DEFAULT 0,
    last_package TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

-- A platform change to a field that was also changed locally: both values kept until a user
-- decides field by field.
CREATE TABLE exchange_conflicts (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    local_value TEXT NOT NULL,
    platform_value TEXT NOT NULL,
    package_id TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'local', 'platform')),
    created_at TEXT NOT NULL,
    resolved_by TEXT NOT NULL DEFAULT '',
    resolved_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX exchange_conflicts_case ON exchange_conflicts (case_id, state);

-- Every file a package brought in or took out (one row per file and package).
CREATE TABLE exchange_files (
    id INTEGER PRIMARY KEY,
    package_id TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX exchange_files_package ON exchange_files (package_id);
"""


def node_keys(node: str) -> tuple[str, dict]:
    """(key id, keys as stored) of a fresh Ed25519 signing and X25519 agreement pair: the
    frozen form of ``engines.exchange.keys.generate_node_keys(node)`` and ``NodeKeys.to_json``."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    def raw_pair(key) -> tuple[bytes, bytes]:
        private = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                    serialization.NoEncryption())
        public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return private, public

    sign_private, sign_public = raw_pair(Ed25519PrivateKey.generate())
    agree_private, agree_public = raw_pair(X25519PrivateKey.generate())
    key_id = hashlib.sha256(SUITE.encode("utf-8") + b"\0" + sign_public + agree_public).hexdigest()[:40]
    return key_id, {"node": node, "suite": SUITE, "sign_private": sign_private.hex(), "sign_public": sign_public.hex(),
                    "agree_private": agree_private.hex(), "agree_public": agree_public.hex()}


def migrate(db) -> None:
    """Create the exchange tables and the terminal's first key pair."""
    from app.store.migrations import run_script

    run_script(db, SCHEMA)
    node = f"terminal-{secrets.token_hex(4)}"
    key_id, keys = node_keys(node)
    db.execute("INSERT INTO exchange_own_keys VALUES (?,?,?,?)",
               (key_id, node, datetime.now(timezone.utc).isoformat(timespec="seconds"), json.dumps(keys)))
