"""What a node remembers about the exchange: keys, incoming and outgoing packages.

:class:`Ledger` is the interface the import/export logic uses. :class:`SqliteLedger` works on any
DB-API connection of the sqlite family (the standard library's ``sqlite3`` for the simulator and
tests, ``sqlcipher3`` for the application's encrypted store), so applying a package's data and
recording its id happen in one transaction. :class:`MemoryLedger` serves unit tests.
"""
from __future__ import annotations

import contextlib
import copy
import datetime as _dt
import json
from dataclasses import asdict, dataclass, field
from typing import Iterator, Protocol

from engines.exchange.keys import NodeKeys, PeerKey
from engines.exchange.package_reader import PinnedKey

IN_APPLIED, IN_HELD, IN_CONTROL, IN_QUARANTINED = "applied", "held", "control", "quarantined"
# Control packages we send (acks, nacks) need no acknowledgement: they are simply "sent".
OUT_PENDING, OUT_ACKED, OUT_NACKED, OUT_SENT = "pending", "acknowledged", "rejected", "sent"


def now_iso() -> str:
    """UTC timestamp used in records."""
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


@dataclass
class IncomingRecord:
    """A package we verified: applied, held for a gap, or a control message."""

    package_id: str
    sender: str
    kind: str
    sequence: int
    state: str
    file: str
    received: str = field(default_factory=now_iso)
    files: int = 0
    size: int = 0


@dataclass
class OutgoingRecord:
    """A package we sent; kept (archive/sent/``file``) until the peer acknowledges it."""

    package_id: str
    recipient: str
    kind: str
    sequence: int
    file: str
    state: str = OUT_PENDING
    in_outbox: bool = False
    created: str = field(default_factory=now_iso)
    acked: str = ""
    note: str = ""
    files: int = 0
    size: int = 0
    resent: int = 0


class Ledger(Protocol):
    """Storage the exchange logic needs; every mutation happens inside :meth:`transaction`."""

    def transaction(self) -> contextlib.AbstractContextManager:
        """Context manager: everything inside commits together or not at all."""
        ...

    def own_keys(self) -> list[NodeKeys]:
        """Our key pairs, current first."""
        ...

    def add_own_key(self, keys: NodeKeys) -> None:
        """Make ``keys`` our current key pair (older ones stay for decryption)."""
        ...

    def find_key(self, node: str, key_id: str) -> PinnedKey | None:
        """The pinned key of ``node`` with ``key_id``, or None."""
        ...

    def pinned_keys(self, node: str | None = None) -> list[PinnedKey]:
        """Pinned peer keys (of ``node``, or all), oldest first."""
        ...

    def pin_key(self, key: PeerKey) -> None:
        """Pin a peer's public key (active)."""
        ...

    def retire_key(self, node: str, key_id: str) -> None:
        """Mark a pinned key retired (it then verifies only acks and nacks)."""
        ...

    def incoming(self, package_id: str) -> IncomingRecord | None:
        """The record of an incoming package id, or None."""
        ...

    def put_incoming(self, record: IncomingRecord) -> None:
        """Insert or replace an incoming record."""
        ...

    def last_applied(self, sender: str) -> int:
        """Highest sequence applied from ``sender`` (0 when none)."""
        ...

    def held(self, sender: str | None = None) -> list[IncomingRecord]:
        """Held packages (of ``sender``, or all), by sequence."""
        ...

    def incoming_list(self) -> list[IncomingRecord]:
        """Every incoming record, oldest first."""
        ...

    def next_sequence(self, recipient: str) -> int:
        """The sequence number the next package to ``recipient`` gets."""
        ...

    def outgoing(self, package_id: str) -> OutgoingRecord | None:
        """The record of a package we sent, or None."""
        ...

    def outgoing_by_sequence(self, recipient: str, sequence: int) -> OutgoingRecord | None:
        """The sequenced package we sent to ``recipient`` with ``sequence``, or None."""
        ...

    def put_outgoing(self, record: OutgoingRecord) -> None:
        """Insert or replace an outgoing record."""
        ...

    def outgoing_list(self, state: str | None = None) -> list[OutgoingRecord]:
        """Packages we sent (in ``state``, or all), oldest first."""
        ...


class MemoryLedger:
    """Dict-backed ledger; a failed transaction restores the state it started from."""

    def __init__(self) -> None:
        self._s = {"own": [], "keys": {}, "in": {}, "out": {}}
        self._depth = 0

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Snapshot and restore on error (nested calls join the outer one)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        snapshot = copy.deepcopy(self._s)
        self._depth = 1
        try:
            yield
        except BaseException:
            self._s = snapshot
            raise
        finally:
            self._depth = 0

    def own_keys(self) -> list[NodeKeys]:
        """Our key pairs, current first."""
        return list(reversed(self._s["own"]))

    def add_own_key(self, keys: NodeKeys) -> None:
        """Make ``keys`` our current key pair (older ones stay for decryption)."""
        self._s["own"].append(keys)

    def find_key(self, node: str, key_id: str) -> PinnedKey | None:
        """The pinned key of ``node`` with ``key_id``, or None."""
        return self._s["keys"].get((node, key_id))

    def pinned_keys(self, node: str | None = None) -> list[PinnedKey]:
        """Pinned peer keys (of ``node``, or all), oldest first."""
        return [k for (n, _), k in self._s["keys"].items() if node is None or n == node]

    def pin_key(self, key: PeerKey) -> None:
        """Pin a peer's public key (active)."""
        self._s["keys"][(key.node, key.key_id)] = PinnedKey(key)

    def retire_key(self, node: str, key_id: str) -> None:
        """Mark a pinned key retired (it then verifies only acks and nacks)."""
        pinned = self._s["keys"].get((node, key_id))
        if pinned:
            self._s["keys"][(node, key_id)] = PinnedKey(pinned.key, True)

    def incoming(self, package_id: str) -> IncomingRecord | None:
        """The record of an incoming package id, or None."""
        rec = self._s["in"].get(package_id)
        return copy.copy(rec) if rec else None

    def put_incoming(self, record: IncomingRecord) -> None:
        """Insert or replace an incoming record."""
        self._s["in"][record.package_id] = copy.copy(record)

    def last_applied(self, sender: str) -> int:
        """Highest sequence applied from ``sender`` (0 when none)."""
        return max((r.sequence for r in self._s["in"].values()
                    if r.sender == sender and r.state == IN_APPLIED), default=0)

    def held(self, sender: str | None = None) -> list[IncomingRecord]:
        """Held packages (of ``sender``, or all), by sequence."""
        return sorted((copy.copy(r) for r in self._s["in"].values()
                       if r.state == IN_HELD and (sender is None or r.sender == sender)),
                      key=lambda r: r.sequence)

    def incoming_list(self) -> list[IncomingRecord]:
        """Every incoming record, oldest first."""
        return [copy.copy(r) for r in self._s["in"].values()]

    def next_sequence(self, recipient: str) -> int:
        """The sequence number the next package to ``recipient`` gets."""
        return 1 + max((r.sequence for r in self._s["out"].values() if r.recipient == recipient), default=0)

    def outgoing(self, package_id: str) -> OutgoingRecord | None:
        """The record of a package we sent, or None."""
        rec = self._s["out"].get(package_id)
        return copy.copy(rec) if rec else None

    def outgoing_by_sequence(self, recipient: str, sequence: int) -> OutgoingRecord | None:
        """The sequenced package we sent to ``recipient`` with ``sequence``, or None."""
        return next((copy.copy(r) for r in self._s["out"].values()
                     if r.recipient == recipient and r.sequence == sequence and sequence > 0), None)

    def put_outgoing(self, record: OutgoingRecord) -> None:
        """Insert or replace an outgoing record."""
        self._s["out"][record.package_id] = copy.copy(record)

    def outgoing_list(self, state: str | None = None) -> list[OutgoingRecord]:
        """Packages we sent (in ``state``, or all), oldest first."""
        return [copy.copy(r) for r in self._s["out"].values() if state is None or r.state == state]


SCHEMA = """
CREATE TABLE IF NOT EXISTS exchange_own_keys (
    key_id TEXT PRIMARY KEY, node TEXT NOT NULL, created TEXT NOT NULL, keys_json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS exchange_peer_keys (
    node TEXT NOT NULL, key_id TEXT NOT NULL, key_json TEXT NOT NULL, retired INTEGER NOT NULL DEFAULT 0,
    pinned TEXT NOT NULL, PRIMARY KEY (node, key_id));
CREATE TABLE IF NOT EXISTS exchange_incoming (
    package_id TEXT PRIMARY KEY, sender TEXT NOT NULL, kind TEXT NOT NULL, sequence INTEGER NOT NULL,
    state TEXT NOT NULL, file TEXT NOT NULL, received TEXT NOT NULL, files INTEGER NOT NULL,
    size INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS exchange_incoming_seq ON exchange_incoming (sender, state, sequence);
CREATE TABLE IF NOT EXISTS exchange_outgoing (
    package_id TEXT PRIMARY KEY, recipient TEXT NOT NULL, kind TEXT NOT NULL, sequence INTEGER NOT NULL,
    file TEXT NOT NULL, state TEXT NOT NULL, in_outbox INTEGER NOT NULL, created TEXT NOT NULL,
    acked TEXT NOT NULL, note TEXT NOT NULL, files INTEGER NOT NULL, size INTEGER NOT NULL,
    resent INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS exchange_outgoing_seq ON exchange_outgoing (recipient, sequence);
"""


def create_schema(conn) -> None:
    """Create the ledger tables (the store's migration 0005 runs the same statements)."""
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)


class SqliteLedger:
    """Ledger in tables of an sqlite/SQLCipher connection shared with whoever applies the data."""

    _IN = [f.name for f in IncomingRecord.__dataclass_fields__.values()]
    _OUT = [f.name for f in OutgoingRecord.__dataclass_fields__.values()]

    def __init__(self, conn, create: bool = True) -> None:
        self.conn = conn
        if create:
            with self.transaction():
                create_schema(conn)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT, or a savepoint when a transaction is already open."""
        if self.conn.in_transaction:
            name = "exchange_sp"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
                raise
            self.conn.execute(f"RELEASE {name}")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()

    def _rows(self, sql: str, params=()) -> list[tuple]:
        return list(self.conn.execute(sql, params).fetchall())

    def own_keys(self) -> list[NodeKeys]:
        """Our key pairs, current first."""
        rows = self._rows("SELECT keys_json FROM exchange_own_keys ORDER BY rowid DESC")
        return [NodeKeys.from_json(json.loads(r[0])) for r in rows]

    def add_own_key(self, keys: NodeKeys) -> None:
        """Make ``keys`` our current key pair (older ones stay for decryption)."""
        self.conn.execute("INSERT INTO exchange_own_keys VALUES (?,?,?,?)",
                          (keys.key_id, keys.node, now_iso(), json.dumps(keys.to_json())))

    def _pinned(self, row) -> PinnedKey:
        return PinnedKey(PeerKey.from_json(json.loads(row[0])), bool(row[1]))

    def find_key(self, node: str, key_id: str) -> PinnedKey | None:
        """The pinned key of ``node`` with ``key_id``, or None."""
        rows = self._rows("SELECT key_json, retired FROM exchange_peer_keys WHERE node=? AND key_id=?",
                          (node, key_id))
        return self._pinned(rows[0]) if rows else None

    def pinned_keys(self, node: str | None = None) -> list[PinnedKey]:
        """Pinned peer keys (of ``node``, or all), oldest first."""
        rows = self._rows("SELECT key_json, retired FROM exchange_peer_keys WHERE ? IS NULL OR node=? "
                          "ORDER BY rowid", (node, node))
        return [self._pinned(r) for r in rows]

    def pin_key(self, key: PeerKey) -> None:
        """Pin a peer's public key (active)."""
        self.conn.execute("INSERT OR REPLACE INTO exchange_peer_keys VALUES (?,?,?,0,?)",
                          (key.node, key.key_id, json.dumps(key.to_json()), now_iso()))

    def retire_key(self, node: str, key_id: str) -> None:
        """Mark a pinned key retired (it then verifies only acks and nacks)."""
        self.conn.execute("UPDATE exchange_peer_keys SET retired=1 WHERE node=? AND key_id=?", (node, key_id))

    def _in(self, rows) -> list[IncomingRecord]:
        return [IncomingRecord(*r) for r in rows]

    def incoming(self, package_id: str) -> IncomingRecord | None:
        """The record of an incoming package id, or None."""
        rows = self._in(self._rows(f"SELECT {','.join(self._IN)} FROM exchange_incoming WHERE package_id=?",
                                   (package_id,)))
        return rows[0] if rows else None

    def put_incoming(self, record: IncomingRecord) -> None:
        """Insert or replace an incoming record."""
        values = asdict(record)
        self.conn.execute(f"INSERT OR REPLACE INTO exchange_incoming ({','.join(self._IN)}) "
                          f"VALUES ({','.join('?' * len(self._IN))})", [values[k] for k in self._IN])

    def last_applied(self, sender: str) -> int:
        """Highest sequence applied from ``sender`` (0 when none)."""
        row = self._rows("SELECT MAX(sequence) FROM exchange_incoming WHERE sender=? AND state=?",
                         (sender, IN_APPLIED))
        return row[0][0] or 0

    def held(self, sender: str | None = None) -> list[IncomingRecord]:
        """Held packages (of ``sender``, or all), by sequence."""
        return self._in(self._rows(
            f"SELECT {','.join(self._IN)} FROM exchange_incoming WHERE state=? AND (? IS NULL OR sender=?) "
            "ORDER BY sequence", (IN_HELD, sender, sender)))

    def incoming_list(self) -> list[IncomingRecord]:
        """Every incoming record, oldest first."""
        return self._in(self._rows(f"SELECT {','.join(self._IN)} FROM exchange_incoming ORDER BY rowid"))

    def next_sequence(self, recipient: str) -> int:
        """The sequence number the next package to ``recipient`` gets."""
        row = self._rows("SELECT MAX(sequence) FROM exchange_outgoing WHERE recipient=?", (recipient,))
        return (row[0][0] or 0) + 1

    def _out(self, rows) -> list[OutgoingRecord]:
        out = [OutgoingRecord(*r) for r in rows]
        for r in out:
            r.in_outbox = bool(r.in_outbox)
        return out

    def outgoing(self, package_id: str) -> OutgoingRecord | None:
        """The record of a package we sent, or None."""
        rows = self._out(self._rows(f"SELECT {','.join(self._OUT)} FROM exchange_outgoing WHERE package_id=?",
                                    (package_id,)))
        return rows[0] if rows else None

    def outgoing_by_sequence(self, recipient: str, sequence: int) -> OutgoingRecord | None:
        """The sequenced package we sent to ``recipient`` with ``sequence``, or None."""
        rows = self._out(self._rows(
            f"SELECT {','.join(self._OUT)} FROM exchange_outgoing WHERE recipient=? AND sequence=? AND sequence>0",
            (recipient, sequence)))
        return rows[0] if rows else None

    def put_outgoing(self, record: OutgoingRecord) -> None:
        """Insert or replace an outgoing record."""
        values = asdict(record)
        values["in_outbox"] = int(record.in_outbox)
        self.conn.execute(f"INSERT OR REPLACE INTO exchange_outgoing ({','.join(self._OUT)}) "
                          f"VALUES ({','.join('?' * len(self._OUT))})", [values[k] for k in self._OUT])

    def outgoing_list(self, state: str | None = None) -> list[OutgoingRecord]:
        """Packages we sent (in ``state``, or all), oldest first."""
        return self._out(self._rows(
            f"SELECT {','.join(self._OUT)} FROM exchange_outgoing WHERE ? IS NULL OR state=? ORDER BY rowid",
            (state, state)))
