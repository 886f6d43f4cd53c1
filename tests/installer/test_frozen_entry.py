"""What only the frozen build's entry script does: log file for a console-less exe, startup probe."""
from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from tests.helpers.installer_msi import load_installer_script


def _entry():
    return load_installer_script("frozen_entry")


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
    assert _entry()._redirect_missing_streams() is None
    assert sys.stdout is out and sys.stderr is err


def test_windowed_run_that_fails_explains_itself_in_a_message_box(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    for name in ("CACHE", "CONFIG", "DATA"):
        monkeypatch.setenv(f"TRIAL_ASSISTANT_{name}", str(tmp_path / name.lower()))
    monkeypatch.setenv("TRIAL_ASSISTANT_POLICY", str(tmp_path / "no-policy.json"))
    monkeypatch.delenv("TRIAL_ASSISTANT_STARTUP_PROBE", raising=False)
    monkeypatch.setattr(sys, "argv", ["TrialAssistant", "--data", str(tmp_path / "no-store")])
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    try:
        code = _entry().main()
    finally:
        sys.stderr.close()
    assert code == 2
    (text,) = shown
    assert "没有案件库" in text and "trial-assistant init" in text
    assert str(tmp_path / "cache" / "logs" / "trial-assistant.log") in text


def test_windowed_run_that_succeeds_shows_nothing(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setenv("TRIAL_ASSISTANT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(sys, "argv", ["TrialAssistant", "selftest", "--help"])
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a: shown.append(a)))
    try:
        assert _entry().main() == 0
    finally:
        sys.stdout.close()
    assert shown == []
    assert "selftest" in (tmp_path / "cache" / "logs" / "trial-assistant.log").read_text(encoding="utf-8")


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
