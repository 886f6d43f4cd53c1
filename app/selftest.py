"""What this installation can do: each check runs a real part on a tiny input.

Capabilities add their own check by defining ``selftest() -> str`` in their engine package
(engines/transcription, engines/cataloguing, engines/drafting, engines/exchange); the
returned string describes what was proven, an exception means failure.
"""
from __future__ import annotations

import importlib
import os
import socket
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ENGINE_CHECKS = (
    ("whisper", "engines.transcription"),
    ("ocr", "engines.cataloguing"),
    ("template", "engines.drafting"),
    ("exchange", "engines.exchange"),
    # The transcription child process (spawn, freeze_support) reading the same clip.
    ("whisper-child", "engines.transcription", "selftest_child"),
)


@dataclass
class CheckResult:
    """One check's outcome."""

    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass
class SelftestReport:
    """All checks; ``ok`` only when every check passed."""

    ok: bool
    checks: list[CheckResult] = field(default_factory=list)


def check_qt() -> str:
    """Start Qt (offscreen when there is no display) and create a widget."""
    if not os.environ.get("DISPLAY") and os.name != "nt" and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(["selftest"])
    label = QLabel("审判辅助")
    label.adjustSize()
    width = label.width()
    label.deleteLater()
    return f"Qt {qVersion()} ({app.platformName()}), label width {width}px"


def check_sqlcipher() -> str:
    """Create an encrypted database, write, reopen, read; a wrong key must be refused."""
    from app.store.database import Database
    from app.store.errors import WrongKeyError

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.db"
        key = os.urandom(32)
        db = Database(path, key)
        version = db.cipher_version
        with db.write() as w:
            w.execute("CREATE TABLE t (x TEXT)")
            w.execute("INSERT INTO t VALUES ('审判')")
        db.close()
        if b"SQLite format 3" in path.read_bytes()[:16]:
            raise RuntimeError("database file is not encrypted")
        db = Database(path, key)
        value = db.query("SELECT x FROM t")[0]["x"]
        db.close()
        if value != "审判":
            raise RuntimeError("round trip lost data")
        try:
            Database(path, os.urandom(32)).close()
        except WrongKeyError:
            pass
        else:
            raise RuntimeError("wrong key was not detected")
    return f"SQLCipher {version}: encrypted round trip and wrong-key check"


def check_blobs() -> str:
    """Encrypted file store round trip and tamper detection."""
    from app.store.blobs import BlobStore
    from app.store.errors import BlobIntegrityError

    with tempfile.TemporaryDirectory() as tmp:
        store = BlobStore(tmp, os.urandom(32))
        data = os.urandom(100_000)
        sha = store.put_bytes(data)
        if store.read_bytes(sha) != data:
            raise RuntimeError("blob round trip lost data")
        path = store.path_for(sha)
        raw = bytearray(path.read_bytes())
        raw[-1] ^= 1
        path.write_bytes(bytes(raw))
        try:
            store.read_bytes(sha)
        except BlobIntegrityError:
            return "AES-256-GCM blob round trip and tamper detection"
        raise RuntimeError("tampered blob was not detected")


def check_no_network() -> str:
    """No networking module is loaded by the application core."""
    import sys

    loaded = [m for m in ("requests", "urllib3", "httpx", "aiohttp", "http.client") if m in sys.modules]
    if loaded:
        raise RuntimeError(f"network modules loaded: {', '.join(loaded)}")
    return f"no network client modules loaded; socket module present: {bool(socket)}"


def check_policy_model() -> str:
    """The speech model folder IT set (MODELDIR) loads and reads the bundled clip."""
    from engines.transcription import selftest_model_dir

    return selftest_model_dir(_configured_model_dir())


def _engine_check(module_name: str, function: str = "selftest") -> Callable[[], str] | None:
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    return getattr(module, function, None)


def _configured_model_dir() -> str:
    try:
        from app.settings import Settings

        return Settings()["model_dir"]
    except Exception:  # noqa: BLE001 - unreadable settings are reported by the checks that need them
        return ""


def run_selftest() -> SelftestReport:
    """Run every available check."""
    checks: list[tuple[str, Callable[[], str]]] = [
        ("qt", check_qt), ("sqlcipher", check_sqlcipher), ("blobs", check_blobs),
    ]
    for name, *where in ENGINE_CHECKS:
        fn = _engine_check(*where)
        if fn is not None:
            checks.append((name, fn))
    if _configured_model_dir():
        checks.append(("whisper-modeldir", check_policy_model))
    checks.append(("no-network", check_no_network))
    results = []
    for name, fn in checks:
        start = time.perf_counter()
        try:
            detail, ok = fn(), True
        except Exception as exc:  # noqa: BLE001 - a selftest reports every failure
            detail, ok = f"{type(exc).__name__}: {exc}", False
        results.append(CheckResult(name, ok, detail, round(time.perf_counter() - start, 3)))
    return SelftestReport(all(r.ok for r in results), results)
