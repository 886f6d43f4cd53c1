"""The exchange folder on disk: layout, atomic writes, claim by rename, quarantine, archive.

Terminal layout under the exchange root: ``inbox/`` (from the platform), ``outbox/`` (to the
platform) and the terminal's own ``processing/``, ``quarantine/``, ``archive/in``,
``archive/sent``. The platform simulator uses the same class with inbox and outbox swapped and
its work folders in its own state folder. Temporary files start with ``.`` and end with
``.part``; readers and the gateway ignore them.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import json
import os
import shutil
import time
import uuid
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, TypeVar

from engines.common import EngineError
from engines.exchange.rejection import REASONS

T = TypeVar("T")
PACKAGE_SUFFIX = ".zip"
PART_SUFFIX = ".part"
# Windows reports a file as locked while a scanner or the gateway holds it; wait this long.
LOCK_RETRY_SECONDS = 2.0


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows; NTFS journals renames
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _retry_locked(op: Callable[[], T]) -> T:
    deadline = time.monotonic() + LOCK_RETRY_SECONDS
    delay = 0.02
    while True:
        try:
            return op()
        except PermissionError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


def atomic_write(final: Path, write: Callable[[BinaryIO], T]) -> T:
    """Write ``final`` via a temporary name in the same folder, fsync, then rename into place."""
    final = Path(final)
    tmp = final.parent / f".{final.name}.{uuid.uuid4().hex[:8]}{PART_SUFFIX}"
    try:
        with open(tmp, "xb") as f:
            result = write(f)
            f.flush()
            os.fsync(f.fileno())
        _retry_locked(lambda: os.replace(tmp, final))
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    _fsync_dir(final.parent)
    return result


def atomic_copy(source: Path, final: Path) -> None:
    """Copy ``source`` to ``final`` atomically (used to publish a kept package)."""
    def write(out: BinaryIO) -> None:
        with open(source, "rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)

    atomic_write(final, write)


def _decodable(name: str) -> bool:
    """True when a file name is valid Unicode (no surrogate escapes from undecodable bytes)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _unique(target: Path) -> Path:
    n = 1
    candidate = target
    while candidate.exists():
        candidate = target.with_name(f"{target.stem}~{n}{target.suffix}")
        n += 1
    return candidate


def move(source: Path, target_dir: Path, name: str | None = None) -> Path:
    """Move a file into ``target_dir`` without overwriting anything; returns the new path."""
    target = _unique(target_dir / (name or source.name))
    try:
        _retry_locked(lambda: os.rename(source, target))
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        atomic_copy(source, target)  # different volume: copy durably, then drop the original
        source.unlink()
    _fsync_dir(target_dir)
    _fsync_dir(source.parent)
    return target


def _try_lock(fd: int) -> bool:
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@contextlib.contextmanager
def exclusive(lock_file: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold an OS lock on ``lock_file`` (released by the OS even if the process is killed)."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
    locked = False
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise EngineError("交换目录正被另一个导入或导出使用，请稍后再试", str(lock_file))
            time.sleep(0.1)
        locked = True
        yield
    finally:
        if locked and os.name == "nt":
            import msvcrt

            # Windows may release a closed handle's lock late; unlock explicitly.
            with contextlib.suppress(OSError):
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        os.close(fd)  # on Linux closing the descriptor releases the flock


class ExchangeFolder:
    """One side's view of the exchange folder."""

    def __init__(self, incoming: Path, outgoing: Path, work: Path) -> None:
        self.incoming = Path(incoming)
        self.outgoing = Path(outgoing)
        self.work = Path(work)
        self.processing = self.work / "processing"
        self.quarantine_dir = self.work / "quarantine"
        self.archive_in = self.work / "archive" / "in"
        self.sent = self.work / "archive" / "sent"
        self.unsent = self.work / "archive" / "unsent"

    @classmethod
    def terminal(cls, root: str | Path) -> "ExchangeFolder":
        """Layout used by the terminal: everything under the exchange root."""
        root = Path(root)
        return cls(root / "inbox", root / "outbox", root)

    @classmethod
    def platform(cls, root: str | Path, state: str | Path) -> "ExchangeFolder":
        """Layout used by the platform (simulator): reads outbox/, writes inbox/."""
        root = Path(root)
        return cls(root / "outbox", root / "inbox", Path(state) / "folder")

    def lock(self, wait: float = 0.0):
        """Exclusive use of this side's work folders (one importer or exporter at a time)."""
        return exclusive(self.work / ".exchange.lock", wait)

    def ensure(self) -> None:
        """Create all folders."""
        for d in (self.incoming, self.outgoing, self.processing, self.quarantine_dir, self.archive_in,
                  self.sent, self.unsent):
            d.mkdir(parents=True, exist_ok=True)

    @staticmethod
    def packages_in(folder: Path) -> list[Path]:
        """Package files in ``folder`` (temporary and hidden files ignored), by name.

        Names that are not valid UTF-8 are left out: :meth:`undecodable_in` lists them.
        """
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir()
                      if _decodable(p.name) and p.is_file() and p.name.endswith(PACKAGE_SUFFIX)
                      and not p.name.startswith("."))

    @staticmethod
    def undecodable_in(folder: Path) -> list[Path]:
        """Files in ``folder`` whose names are not valid UTF-8 (os.listdir gives them with
        surrogate escapes on POSIX); they cannot be logged, stored or shown as they are."""
        if not folder.is_dir():
            return []
        return sorted((p for p in folder.iterdir() if not _decodable(p.name) and p.is_file()),
                      key=lambda p: os.fsencode(p.name))

    def quarantine_undecodable(self, path: Path) -> tuple[Path, str]:
        """Quarantine a file with an undecodable name under a safe name; returns it and the
        original name's bytes as hex (kept in the reason file so nothing is lost)."""
        raw_hex = os.fsencode(path.name).hex()
        safe = f"undecodable-{raw_hex[:48]}-{uuid.uuid4().hex[:8]}{PACKAGE_SUFFIX}"
        target = move(path, self.quarantine_dir, safe)
        info = {"file": target.name, "original_name_hex": raw_hex, "reason": "bad_name",
                "message": REASONS["bad_name"], "detail": "", "package_id": None,
                "time": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")}
        data = json.dumps(info, ensure_ascii=False, indent=2).encode("utf-8")
        atomic_write(target.with_name(target.name + ".reason.json"), lambda f: f.write(data))
        return target, raw_hex

    def claim(self, path: Path) -> Path | None:
        """Take an incoming file by renaming it into processing/; None if someone else won or
        the file is still open for writing (Windows refuses to rename it then)."""
        try:
            return move(path, self.processing)
        except (FileNotFoundError, PermissionError):
            return None

    def cleanup_partials(self, older_than: float = 0.0) -> list[str]:
        """Remove our own leftover temporary files (from a crash) older than ``older_than`` s."""
        removed = []
        now = time.time()
        for d in (self.outgoing, self.sent, self.processing, self.quarantine_dir, self.archive_in):
            if not d.is_dir():
                continue
            for p in d.iterdir():
                if p.name.startswith(".") and p.name.endswith(PART_SUFFIX):
                    try:
                        if now - p.stat().st_mtime >= older_than:
                            p.unlink()
                            removed.append(str(p))
                    except FileNotFoundError:
                        pass
        return removed

    def quarantine(self, path: Path, reason: str, message: str, detail: str, package_id: str | None) -> Path:
        """Move ``path`` to quarantine/ and write ``<name>.reason.json`` next to it."""
        target = move(path, self.quarantine_dir)
        info = {"file": path.name, "reason": reason, "message": message, "detail": detail,
                "package_id": package_id,
                "time": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")}
        data = json.dumps(info, ensure_ascii=False, indent=2).encode("utf-8")
        atomic_write(target.with_name(target.name + ".reason.json"), lambda f: f.write(data))
        return target

    def requeue(self, name: str) -> Path:
        """Move quarantined package ``name`` back to the incoming folder for another attempt.

        For after the cause is fixed (a key pinned, the size cap raised): the package is
        verified from scratch on the next import, so a retry can never let through what the
        checks refuse.  Its reason file is removed with it.
        """
        if not name or Path(name).name != name or not name.endswith(PACKAGE_SUFFIX):
            raise ValueError(f"not a quarantined package name: {name!r}")
        source = self.quarantine_dir / name
        if not source.is_file():
            raise FileNotFoundError(source)
        self.incoming.mkdir(parents=True, exist_ok=True)
        target = move(source, self.incoming)
        with contextlib.suppress(FileNotFoundError):
            (self.quarantine_dir / (name + ".reason.json")).unlink()
        return target

    def archive(self, path: Path) -> Path:
        """Move a processed incoming package to archive/in/."""
        return move(path, self.archive_in)
