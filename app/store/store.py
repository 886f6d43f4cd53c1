"""One open store: the encrypted database, the blob folder and the keyring, by data folder.

Opening never creates a database: only ``init`` does (with ``create=True``).  A missing,
empty or half-made ``store.db`` beside a keyring is refused with a clear message, so a lost
store is never silently replaced by a new empty one.  After every write transaction the
audit chain's head is sealed into the keyring (the local anchor), but only when the chain
still extends the sealed head: a truncated or rewritten chain keeps the old anchor as evidence.
"""
from __future__ import annotations

import contextlib
import logging
import os
import threading
from datetime import datetime, timezone
from pathlib import Path

from app.messages import Message, listed
from app.paths import StoreLayout, tighten_store_permissions
from app.security.audit import GENESIS
from app.security.keys import Keyring, KeyringError
from app.store import migrations
from app.store.blobs import BlobStore
from app.store.database import PAGE_SIZE, Database
from app.store.errors import StoreError, StoreMissingError, WrongKeyError
from app.store.sqlite import dbapi2

log = logging.getLogger(__name__)


def check_store_files(layout: StoreLayout) -> None:
    """Refuse a store that is half-made, or whose database is missing or empty beside a keyring."""
    if layout.init_marker.exists():
        raise StoreMissingError(Message("store.half_made", root=layout.root))
    if not layout.keyring.exists() and not layout.database.exists():
        raise StoreMissingError(Message("store.none", root=layout.root))
    if not layout.keyring.exists():
        raise StoreMissingError(Message("store.no_keyring", root=layout.root))
    if not layout.database.exists():
        raise StoreMissingError(Message("store.no_database", root=layout.root))
    size = layout.database.stat().st_size
    if size == 0:
        raise StoreMissingError(Message("store.empty_database", root=layout.root))
    if size < PAGE_SIZE:
        raise StoreMissingError(Message("store.small_database", root=layout.root, size=size))


class Store:
    """Database + blobs + keyring of one data folder, opened with the data key."""

    def __init__(self, layout: StoreLayout, data_key: bytes, keyring: Keyring, create: bool = False) -> None:
        if not keyring.verify_data_key(data_key):
            raise StoreError(Message("store.key_mismatch"))
        if not create:
            check_store_files(layout)
        tighten_store_permissions(layout)
        self.layout = layout
        self.keyring = keyring
        keyring.bind(data_key)
        self.database = Database(layout.database, data_key)
        try:
            if not create and not self.database.query("SELECT name FROM sqlite_master WHERE name='audit_log'"):
                raise WrongKeyError(Message("store.not_a_store", database=layout.database))
            migrations.migrate(self.database)
            self.blobs = BlobStore(layout.blobs, data_key)
        except BaseException:
            self.database.close()
            raise
        self._data_key = data_key
        self._depth = threading.local()
        tighten_store_permissions(layout)  # the WAL and -shm files exist only after the first open

    @property
    def data_key(self) -> bytes:
        """The raw data key (only for rewrapping under a new password or recovery key)."""
        return self._data_key

    @property
    def is_demo(self) -> bool:
        """True for the demo store that the start script creates."""
        return self.layout.demo_marker.exists()

    @contextlib.contextmanager
    def write(self):
        """Serialised write transaction (see Database.write); the outermost one seals the audit head."""
        with self.database.lock:
            depth = getattr(self._depth, "n", 0)
            self._depth.n = depth + 1
            try:
                with self.database.write() as db:
                    yield db
            finally:
                self._depth.n = depth
            if depth == 0:
                self.seal_audit_head()

    def seal_audit_head(self) -> None:
        """Seal the chain's (count, head) into the keyring when the chain extends the sealed one.

        A failure to write the keyring (full or read-only disk) only delays the anchor: the
        data was committed, so it is logged, not raised.
        """
        keyring = self.keyring
        if keyring.mac_state != "ok":
            return
        try:
            with self.database.lock:
                conn = self.database.db.conn
                last = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
                count, head = (int(last[0]), last[1]) if last else (0, GENESIS)
                anchor = keyring.audit_anchor
                if anchor == (count, head):
                    return
                if anchor is not None and anchor[0] > 0:
                    row = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (anchor[0],)).fetchone()
                    if row is None or row[0] != anchor[1]:
                        keyring.note_anchor_conflict({"anchor_count": anchor[0], "found_count": count,
                                                      "at": datetime.now(timezone.utc).isoformat(timespec="seconds")})
                        return
                keyring.set_audit_anchor(count, head)
        except (OSError, KeyringError, StoreError) as exc:
            log.warning("audit anchor not sealed: %s", exc)

    def verify_audit(self):
        """The audit chain checked link by link, against the sealed local anchor and the head
        last sent to the platform, plus SQLCipher's page check (``cipher_integrity_check``)."""
        from app.security import audit

        integrity = self.database.integrity_check()
        try:
            with self.database.lock:
                result = audit.verify_with_anchors(self.database.db.conn, self.keyring.audit_anchor,
                                                   self.keyring.platform_head, integrity)
        except dbapi2.DatabaseError as exc:  # a damaged page inside the audit log itself
            return audit.VerifyResult(False, 0, "", None, str(Message("audit.unreadable", reason=exc)),
                                      integrity=integrity or [str(exc)])
        conflict = self.keyring.anchor_conflict
        if conflict and result.anchor == "ok":
            seen = Message("audit.conflict_seen", at=conflict.get("at", ""))
            result.reason = listed([result.reason, seen] if result.reason else [seen])
            result.ok = False
        if result.ok:
            self.seal_audit_head()
        return result

    def record_platform_head(self, count: int, head: str) -> None:
        """Remember (sealed in the keyring) the audit head written into a package for the platform."""
        try:
            self.keyring.set_platform_head(count, head)
        except (OSError, KeyringError) as exc:
            log.warning("platform head not recorded: %s", exc)

    def query(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        """Read rows as dicts."""
        return self.database.query(sql, params)

    def close(self) -> None:
        """Seal the audit head and close the database."""
        if not self.database.closed:
            self.seal_audit_head()
        self.database.close()

    @staticmethod
    def layout_for(data_dir: Path | str) -> StoreLayout:
        """The file layout of a data folder."""
        return StoreLayout(data_dir)


def remove_store_files(layout: StoreLayout) -> None:
    """Delete a half-made store's files (only ``init`` calls this, when the marker says so)."""
    import shutil

    for path in layout.private_paths():
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
    for folder in (layout.blobs, layout.build_dir):
        shutil.rmtree(folder, ignore_errors=True)
