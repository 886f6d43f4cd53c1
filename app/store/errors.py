"""Store errors with messages fit for the user (Chinese) — nothing here loses data."""
from __future__ import annotations

import errno


class StoreError(Exception):
    """Base of store errors; ``str(exc)`` is a Chinese sentence for the user."""


class WrongKeyError(StoreError):
    """The key does not open this database (wrong password/recovery key or another store)."""


class StoreMissingError(StoreError):
    """The store's files are missing, empty or half-made: refused, never replaced by a new store."""


class StoreCorruptError(StoreError):
    """The database or a blob is damaged (truncated, altered)."""


class DiskFullError(StoreError):
    """A write failed because the disk is full; the write was rolled back, nothing else lost."""


class BlobIntegrityError(StoreCorruptError):
    """A stored file failed its authentication check on read."""


class NotFoundError(StoreError):
    """A record or blob that does not exist."""


class ConflictError(StoreError):
    """A record was changed by someone else since it was read (optimistic locking)."""


DISK_FULL_MESSAGE = "磁盘空间不足，本次保存未完成，已保存的数据没有受影响。请清理磁盘后重试。"


def is_disk_full(exc: BaseException) -> bool:
    """True for ENOSPC/EDQUOT OS errors and SQLite's 'database or disk is full'."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return True
    text = str(exc).lower()
    return "database or disk is full" in text or "disk is full" in text
