"""A self-contained node kept in a state folder: SQLite ledger plus received files on disk.

The platform simulator, the tests and the fault benchmark use it. Its applier writes each file
content-addressed under ``blobs/`` (harmless if a crash leaves one behind) and records a row per
file in ``received_files`` inside the ledger transaction, which mirrors how the application
applies a package into its encrypted store. Keys sit unencrypted in the state folder: this is a
simulator and test fixture, not the terminal's key storage.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from engines.common import CancelToken
from engines.exchange.folder import ExchangeFolder, atomic_write
from engines.exchange.keys import NodeKeys, PeerKey, generate_node_keys
from engines.exchange.ledger import SqliteLedger, now_iso
from engines.exchange.node import ExchangeNode
from engines.exchange.package_reader import Limits, VerifiedPackage

RECEIVED_SCHEMA = """CREATE TABLE IF NOT EXISTS received_files (
    package_id TEXT NOT NULL, sender TEXT NOT NULL, path TEXT NOT NULL, case_id TEXT,
    size INTEGER NOT NULL, digest TEXT NOT NULL, received TEXT NOT NULL)"""


def open_sqlite(path: Path) -> sqlite3.Connection:
    """A durable connection: WAL, synchronous=FULL, explicit transactions only."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    return conn


class FileNode(ExchangeNode):
    """An :class:`ExchangeNode` whose ledger and received files live in ``state``."""

    def __init__(self, state: str | Path, exchange: str | Path, role: str = "platform",
                 limits: Limits | None = None, partial_age: float = 0.0, chunk_size: int | None = None,
                 settle_seconds: float = 0.0) -> None:
        self.state = Path(state)
        self.state.mkdir(parents=True, exist_ok=True)
        (self.state / "blobs").mkdir(exist_ok=True)
        self.conn = open_sqlite(self.state / "ledger.sqlite")
        ledger = SqliteLedger(self.conn)
        with ledger.transaction():
            self.conn.execute(RECEIVED_SCHEMA)
        folder = (ExchangeFolder.platform(exchange, self.state) if role == "platform"
                  else ExchangeFolder.terminal(exchange))
        extra = {"chunk_size": chunk_size} if chunk_size else {}
        super().__init__(folder=folder, ledger=ledger, applier=self._store_files, limits=limits or Limits(),
                         partial_age=partial_age, settle_seconds=settle_seconds, **extra)
        self.folder.ensure()

    def ensure_keys(self, node: str) -> NodeKeys:
        """Our keys, created on first use."""
        own = self.ledger.own_keys()
        if own:
            return own[0]
        keys = generate_node_keys(node)
        with self.ledger.transaction():
            self.ledger.add_own_key(keys)
        return keys

    def pin(self, key: PeerKey) -> None:
        """Pin a peer's public key."""
        with self.ledger.transaction():
            self.ledger.pin_key(key)

    def _store_files(self, package: VerifiedPackage, cancel: CancelToken) -> None:
        m = package.manifest
        for stream in package.iter_files(cancel):
            fe = stream.entry
            blob = self.state / "blobs" / fe.digest
            if not blob.exists():
                atomic_write(blob, lambda out: [out.write(c) for c in stream.chunks()])
            self.conn.execute("INSERT INTO received_files VALUES (?,?,?,?,?,?,?)",
                              (m.package_id, m.sender_node, fe.path, fe.case_id, fe.size, fe.digest, now_iso()))

    def received(self) -> list[dict]:
        """Every received file row, oldest first."""
        cols = ("package_id", "sender", "path", "case_id", "size", "digest", "received")
        return [dict(zip(cols, r)) for r in self.conn.execute(f"SELECT {','.join(cols)} FROM received_files "
                                                               "ORDER BY rowid")]

    def blob_path(self, digest: str) -> Path:
        """Where a received file's content lies."""
        return self.state / "blobs" / digest

    def close(self) -> None:
        """Close the database."""
        self.conn.close()
