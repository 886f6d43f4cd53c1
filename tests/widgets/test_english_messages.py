"""In the English UI a refused login and a damaged recording are explained in English: the
widgets show the services' and engines' messages, rendered from app/messages.py."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.gui import _install_translations
from widgets.login_dialog import LoginDialog
from widgets.transcription_tab import TranscriptionTab


@pytest.fixture
def english():
    """The UI switched to English as app.gui does it; switched back afterwards."""
    app = QApplication.instance()
    kept = _install_translations(app, "en")
    yield
    for translator in kept:
        app.removeTranslator(translator)


def test_wrong_password_login_is_explained_in_english(qtbot, fx, english):
    dialog = LoginDialog(fx.data_dir, fx.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("judge")
    dialog.password.setText("wrong-password-1")
    dialog.attempt()
    qtbot.waitUntil(lambda: "Wrong user name or password" in dialog.error.text(), timeout=10000)
    assert "用户名" not in dialog.error.text()


def test_damaged_recording_import_is_explained_in_english(qtbot, fx, case_id, tmp_path, sync_tasks, english):
    damaged = tmp_path / "hearing.wav"
    damaged.write_bytes(b"RIFF\x00\x00\x00\x00WAVEnot really audio" * 50)
    ctx = fx.clerk()
    try:
        tab = TranscriptionTab(ctx)
        qtbot.addWidget(tab)
        tab.set_case(case_id)
        tab.import_recording(str(damaged))
        qtbot.waitUntil(lambda: "Unrecognised audio file" in tab.status.text(), timeout=30000)
        assert "无法识别" not in tab.status.text()
    finally:
        ctx.store.close()
