"""Store errors with messages fit for the user (Chinese) — nothing here loses data."""
from __future__ import annotations

from app.messages import Message

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

    transient = True  # the input was fine: the exchange leaves a package to retry, not quarantined


class BlobIntegrityError(StoreCorruptError):
    """A stored file failed its authentication check on read."""


class NotFoundError(StoreError):
    """A record or blob that does not exist."""


class StoreClosedError(StoreError):
    """The store was closed (the program is closing) while work was still pending."""


class ConflictError(StoreError):
    """A record was changed by someone else since it was read (optimistic locking)."""


DISK_FULL_MESSAGE = "磁盘空间不足，本次保存未完成，已保存的数据没有受影响。请清理磁盘后重试。"


IO_ERROR_MESSAGE = ("读写案件库时发生磁盘错误（disk I/O error），本次操作未完成，原文件未被改动。"
                    "请检查磁盘（空间、连接、权限）后重试。")


def classify_sqlite_error(exc: BaseException, path) -> StoreError | None:
    """The store error for a SQLite/SQLCipher error on the database at ``path`` (None if not one).

    SQLite reports a full disk as "disk I/O error" when it cannot grow the WAL index (-shm),
    so an I/O error on a disk with almost no free space is reported as a full disk.
    """
    import shutil
    from pathlib import Path

    text = str(exc)
    if is_disk_full(exc):
        return DiskFullError(Message("store.disk_full"))
    if "disk I/O error" in text:
        try:
            free = shutil.disk_usage(Path(path).parent).free
        except OSError:
            free = None
        return DiskFullError(Message("store.disk_full")) if free is not None and free < (4 << 20) \
            else StoreError(Message("store.io_error"))
    if "malformed" in text or "not a database" in text or "HMAC" in text:
        return StoreCorruptError(Message("store.corrupt", reason=text))
    return None


def is_disk_full(exc: BaseException) -> bool:
    """True for ENOSPC/EDQUOT OS errors and SQLite's 'database or disk is full'."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return True
    text = str(exc).lower()
    return "database or disk is full" in text or "disk is full" in text
