"""Open the SQLCipher database with a raw 32-byte key, apply pragmas, serialise writes.

One :class:`Database` owns one write connection guarded by a lock (one writer, as DESIGN
asks) and hands out per-thread read connections, so readers in worker threads never wait
on the GUI thread's writes.

Closing is safe while other threads still read or write: a connection freed under a running
statement crashes the whole process (SIGSEGV inside SQLite), so :meth:`Database.close` first
refuses new work, interrupts the reads in flight and waits for them, and closes the writer
under its lock.  Work that arrives after the close gets :class:`StoreClosedError`.
"""
from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path
from typing import Iterator

from app.messages import Message
from app.store.errors import StoreClosedError, StoreCorruptError, WrongKeyError, classify_sqlite_error
from app.store.sqlite import dbapi2, sqlcipher3, sqlite_utils

log = logging.getLogger(__name__)

PAGE_SIZE = 4096
# How long close() waits for interrupted reads to leave SQLite before it gives up on them.
CLOSE_WAIT_SECONDS = 30.0


def _connect(path: Path, key: bytes | None) -> "sqlcipher3.Connection":
    conn = sqlcipher3.connect(str(path), check_same_thread=False, timeout=30)
    # Errors reach the caller as exceptions; SQLCipher's own stderr log would only alarm users.
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:  # None only for the benchmark's unencrypted baseline
        if len(key) != 32:
            raise ValueError("data key must be 32 bytes")
        # Raw key: no PBKDF2 in SQLCipher (the key is already random; Argon2 guards the password).
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA cipher_memory_security = ON")
    # SQLCipher only notices a wrong key when it first reads a page.
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi2.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc) or "encrypted" in str(exc):
            raise WrongKeyError(Message("store.wrong_key")) from exc
        known = classify_sqlite_error(exc, path)
        if known is not None:
            raise known from exc
        raise StoreCorruptError(Message("store.corrupt", reason=str(exc))) from exc
    for pragma in (
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = FULL",
        "PRAGMA foreign_keys = ON",
        "PRAGMA temp_store = MEMORY",
        "PRAGMA busy_timeout = 30000",
        # Decrypted pages stay cached (64 MiB), so repeated reads do not pay for AES+HMAC again.
        "PRAGMA cache_size = -65536",
    ):
        conn.execute(pragma)
    return conn


def check_file_shape(path: Path) -> None:
    """Cheap pre-open check: a database file whose size is not whole pages was truncated."""
    if not path.exists():
        return
    size = path.stat().st_size
    if size % PAGE_SIZE:
        raise StoreCorruptError(
            f"案件库文件不完整（大小 {size} 字节不是整页），可能被截断。请用备份或恢复流程处理，原文件未被改动。"
        )


class Database:
    """The open encrypted database: a locked writer and per-thread readers."""

    def __init__(self, path: Path | str, key: bytes | None) -> None:
        self.path = Path(path)
        self._key = bytes(key) if key is not None else None
        check_file_shape(self.path)
        self._write_conn = _connect(self.path, self._key)
        self.db = sqlite_utils.Database(self._write_conn)
        self._write_lock = threading.RLock()
        self._local = threading.local()
        self._readers: list = []
        # Guards _closed, _readers and the count of reads in flight; close() waits on it.
        self._state = threading.Condition()
        self._reads_in_flight = 0
        self._closed = False

    @property
    def lock(self) -> threading.RLock:
        """The writer's lock (held by write transactions; re-entrant)."""
        return self._write_lock

    @property
    def closed(self) -> bool:
        """True after :meth:`close`."""
        return self._closed

    @property
    def cipher_version(self) -> str:
        """SQLCipher version string, e.g. '4.6.1 community'."""
        row = self._write_conn.execute("PRAGMA cipher_version").fetchone()
        return row[0] if row else ""

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """Serialised write transaction; errors roll back. Disk-full becomes DiskFullError."""
        with self._write_lock:
            if self._closed:
                raise StoreClosedError(Message("store.closed"))
            try:
                with self.db.atomic():
                    yield self.db
            except dbapi2.DatabaseError as exc:
                known = classify_sqlite_error(exc, self.path)
                if known is not None:
                    raise known from exc
                raise

    def reader(self) -> sqlite_utils.Database:
        """This thread's read-only connection (opened on first use).

        Use it inside :meth:`reading`, which keeps :meth:`close` from freeing it mid-query.
        """
        db = getattr(self._local, "db", None)
        if db is None:
            conn = _connect(self.path, self._key)
            conn.execute("PRAGMA query_only = ON")
            db = sqlite_utils.Database(conn)
            self._local.db = db
            with self._state:
                self._readers.append(conn)
        return db

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite_utils.Database]:
        """This thread's reader, counted as in flight until the block ends.

        Raises :class:`StoreClosedError` once the database is closed, and turns the interruption
        a close causes into the same error, so a task still reading gets a message, not a crash.
        """
        with self._state:
            if self._closed:
                raise StoreClosedError(Message("store.closed"))
            self._reads_in_flight += 1
        try:
            yield self.reader()
        except dbapi2.DatabaseError as exc:
            if self._closed:
                raise StoreClosedError(Message("store.closed")) from exc
            known = classify_sqlite_error(exc, self.path)
            if known is not None:
                raise known from exc
            raise
        finally:
            with self._state:
                self._reads_in_flight -= 1
                self._state.notify_all()

    def query(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        """Run a read query on this thread's reader and return rows as dicts."""
        with self.reading() as db:
            return list(db.query(sql, params))

    def integrity_check(self) -> list[str]:
        """SQLCipher's page authentication check plus SQLite's integrity check; [] when fine."""
        problems: list[str] = []
        with self._write_lock:
            if self._closed:  # not a damaged page: say what it is
                raise StoreClosedError(Message("store.closed"))
            try:
                problems += [r[0] for r in self._write_conn.execute("PRAGMA cipher_integrity_check")]
                rows = [r[0] for r in self._write_conn.execute("PRAGMA integrity_check")]
            except dbapi2.DatabaseError as exc:
                return problems + [str(exc)]
        return problems + [r for r in rows if r != "ok"]

    def checkpoint(self) -> None:
        """Fold the WAL into the main file (used before backups and at close)."""
        with self._write_lock:
            if self._closed:
                raise StoreClosedError(Message("store.closed"))
            self._write_conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Close all connections: refuse new work, stop the reads in flight, then checkpoint.

        A read still running on another thread is interrupted and waited for; if one does not
        leave SQLite in time its connection is left open (a small leak) rather than freed under it.
        """
        with self._state:
            if self._closed:
                return
            self._closed = True
            if self._reads_in_flight:
                for conn in self._readers:
                    with contextlib.suppress(Exception):
                        conn.interrupt()  # thread-safe in SQLite; the read raises "interrupted"
            idle = self._state.wait_for(lambda: self._reads_in_flight == 0, timeout=CLOSE_WAIT_SECONDS)
            readers, self._readers = self._readers, []
        if idle:
            for conn in readers:
                with contextlib.suppress(Exception):
                    conn.close()
        else:
            log.warning("store closed with reads still running; their connections stay open")
        # Under the writer's lock: a write on another thread finishes first, later ones are refused.
        with self._write_lock:
            with contextlib.suppress(Exception):
                self._write_conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._write_conn.close()
