"""What only the frozen build's entry script does: log file for a console-less exe, startup probe."""
from __future__ import annotations

import importlib.util
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from tests.helpers.installer_msi import INSTALLER


def _entry():
    spec = importlib.util.spec_from_file_location("frozen_entry", INSTALLER / "frozen_entry.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_windowed_exe_without_streams_logs_to_the_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TRIAL_ASSISTANT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    _entry()._redirect_missing_streams()
    try:
        print("审判辅助 started")
        sys.stderr.write("a warning\n")
    finally:
        sys.stdout.close()
    text = (tmp_path / "cache" / "logs" / "trial-assistant.log").read_text(encoding="utf-8")
    assert "审判辅助 started" in text and "a warning" in text and text.startswith("--- ")


def test_streams_left_alone_when_present(monkeypatch):
    out, err = sys.stdout, sys.stderr
    _entry()._redirect_missing_streams()
    assert sys.stdout is out and sys.stderr is err


def test_startup_probe_reports_and_closes_the_login_dialog(qapp, capsys):
    class LoginDialog(QDialog):
        pass

    _entry()._install_startup_probe()
    app = QApplication.instance()
    dialog = LoginDialog()
    safety = QTimer.singleShot(5000, dialog.accept)  # never hang the suite if the probe fails
    try:
        result = dialog.exec()
    finally:
        app.removeEventFilter(app._startup_probe)
        del app._startup_probe
    assert result == QDialog.DialogCode.Rejected
    line = capsys.readouterr().out.strip()
    assert line.startswith("login-window-shown ") and float(line.split()[1]) >= 0
    del safety
