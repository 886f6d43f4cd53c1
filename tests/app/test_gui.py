"""GUI entry: the application icon is found and carries every drawn size."""
from __future__ import annotations

from app import paths
from app.gui import _app_icon


def test_icon_files_cover_small_and_high_dpi_sizes():
    sizes = [int(p.stem.split("_")[1]) for p in paths.app_icon_files()]
    assert sizes == sorted(sizes) and sizes[0] == 16 and sizes[-1] == 256
    assert paths.resource("icons", "app.ico").stat().st_size > 1000


def test_window_icon_holds_every_size(qapp):
    icon = _app_icon()
    assert not icon.isNull()
    available = {s.width() for s in icon.availableSizes()}
    assert {16, 32, 48, 256} <= available


def _close_box_later(seen: list[str]):
    """Close the modal message box the boundary opens, remembering its text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def close():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, close)
            return
        seen.append(box.text())
        box.done(0)

    QTimer.singleShot(20, close)


def test_the_window_error_boundary_logs_unexpected_errors_with_a_reference(qapp, tmp_path, monkeypatch):
    import sys

    from app.gui import install_error_boundary

    monkeypatch.setenv("TRIAL_ASSISTANT_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("TRIAL_ASSISTANT_CONFIG", str(tmp_path / "config"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    import threading

    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    install_error_boundary()
    seen: list[str] = []
    _close_box_later(seen)
    try:
        raise ZeroDivisionError("boom in a slot")
    except ZeroDivisionError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    (text,) = seen
    ref = text.split("编号 ")[1].split("）")[0]
    log = (tmp_path / "logs" / "errors.log").read_text(encoding="utf-8")
    assert f"[{ref}]" in log and "ZeroDivisionError" in log and "Traceback" not in text


def test_the_window_error_boundary_shows_known_errors_as_their_sentence(qapp, tmp_path, monkeypatch):
    import sys
    import threading

    from app.gui import install_error_boundary
    from app.store.errors import DISK_FULL_MESSAGE, DiskFullError

    monkeypatch.setenv("TRIAL_ASSISTANT_CONFIG", str(tmp_path / "config"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    install_error_boundary()
    seen: list[str] = []
    _close_box_later(seen)
    worker = threading.Thread(target=lambda: (_ for _ in ()).throw(DiskFullError(DISK_FULL_MESSAGE)))
    worker.start()
    worker.join()
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer

    deadline = QDeadlineTimer(3000)
    while not seen and not deadline.hasExpired():
        QCoreApplication.processEvents()
    assert seen == [DISK_FULL_MESSAGE]


def test_the_window_refuses_a_store_whose_database_is_missing(tmp_path, monkeypatch):
    import pytest

    from app.gui import run_gui
    from app.store.errors import StoreMissingError

    monkeypatch.setenv("TRIAL_ASSISTANT_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("TRIAL_ASSISTANT_POLICY", str(tmp_path / "no-policy.json"))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "keyring.json").write_text("{}", encoding="utf-8")
    with pytest.raises(StoreMissingError, match="缺少案件库文件"):
        run_gui(["--data", str(tmp_path / "data"), "--demo"])
    assert not (tmp_path / "data" / "store.db").exists()
