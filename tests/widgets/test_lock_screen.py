"""Issue 14 item 1: a lock that locks - opaque, over every window, no input gets past it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from tests.helpers.stores import JUDGE_PASSWORD, create_sample_case
from widgets.lock_screen import LOCK_BACKGROUND, Cover
from widgets.main_window import MainWindow


@pytest.fixture
def window(qtbot, fx, sync_tasks):
    create_sample_case(fx)
    w = MainWindow(fx.judge())
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def test_lock_covers_window_and_open_dialogs_and_blanks_titles(qtbot, window):
    dialog = QDialog(window)
    dialog.setWindowTitle("新建案件 （2024）京0105民初12345号")
    field = QLineEdit(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    window.lock()
    lock = window.lock_screen
    assert lock.isVisible() and lock.locked and lock.isWindow()
    assert lock.windowModality() == Qt.WindowModality.ApplicationModal
    for w in (window, dialog):
        covers = [c for c in w.findChildren(Cover, options=Qt.FindChildOption.FindDirectChildrenOnly)
                  if c.isVisible()]
        assert covers and covers[0].geometry() == w.rect()
        assert "京0105" not in w.windowTitle() and "王法官" not in w.windowTitle()
    # Opaque: what the cover paints is the lock colour, not the form beneath.
    image = window.findChildren(Cover, options=Qt.FindChildOption.FindDirectChildrenOnly)[0].grab().toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2) == LOCK_BACKGROUND
    # Keys meant for the windows underneath are swallowed.
    qtbot.keyClicks(field, "abc")
    qtbot.keyClicks(window.case_list.search, "hx")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "" and window.case_list.search.text() == ""
    assert not [w for w in qtbot_dialogs(window) if w is not dialog]  # Ctrl+N opened no form
    # ...but the lock's own field takes them.
    qtbot.keyClicks(lock.password, "x1")
    assert lock.password.text() == "x1"
    lock.password.setText(JUDGE_PASSWORD)
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    assert not lock.isVisible() and not lock.locked
    assert "京0105" in dialog.windowTitle() and "王法官" in window.windowTitle()
    qtbot.waitUntil(lambda: not [c for c in dialog.findChildren(Cover)], timeout=3000)
    qtbot.keyClicks(field, "ok")
    assert field.text() == "ok"


def qtbot_dialogs(window):
    return [w for w in window.findChildren(QDialog) if w.isVisible()]


def test_wrong_password_speaks_of_the_password_and_says_lock_out_at_once(qtbot, window):
    lock = window.lock_screen
    window.lock()
    attempts = window.ctx.settings["lockout_attempts"]
    for i in range(attempts):
        lock.try_unlock(f"wrong-password-{i}")
        assert "用户名" not in lock.error.text() and "密码不正确" in lock.error.text()
    assert "已锁定" in lock.error.text()  # the failure that locked the account says so
    lock.try_unlock(JUDGE_PASSWORD)  # even the right password waits for the lock-out
    assert lock.locked and "已锁定" in lock.error.text()
    actions = [r["action"] for r in window.ctx.store.query("SELECT action FROM audit_log WHERE action LIKE 'unlock%'")]
    assert actions.count("unlock.failed") == attempts + 1
