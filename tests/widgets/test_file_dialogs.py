"""Issue 14 items 1 and 9: file dialogs are Qt's own, in the user's language, and the lock
covers them (a native OS dialog would stay readable and usable over a locked window)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from tests.helpers.stores import CLERK_PASSWORD, create_sample_case
from widgets import file_dialogs
from widgets.lock_screen import Cover
from widgets.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def open_dialog() -> QFileDialog | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
    return found[0] if found else None


def test_no_widget_calls_qfiledialog_but_the_helper():
    offenders = []
    for path in sorted((ROOT / "widgets").glob("*.py")):
        if path.name == "file_dialogs.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Name) and node.id == "QFileDialog":
                offenders.append(path.name)
    assert offenders == []


@pytest.mark.parametrize("call", [
    lambda parent: file_dialogs.open_file(parent, "导入庭审录音", "录音 (*.wav)"),
    lambda parent: file_dialogs.open_files(parent, "导入卷宗"),
    lambda parent: file_dialogs.save_file(parent, "导出卷内目录", "卷内目录.docx", "Word (*.docx)"),
    lambda parent: file_dialogs.folder(parent, "选择文件夹"),
])
def test_every_dialog_is_qts_own_and_cancels_to_nothing(qtbot, call):
    seen = {}

    def look() -> None:
        dialog = open_dialog()
        seen["native"] = None if dialog is None else dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        seen["name"] = None if dialog is None else dialog.objectName()
        if dialog is not None:
            dialog.reject()

    QTimer.singleShot(0, look)
    result = call(None)
    assert seen == {"native": True, "name": file_dialogs.DIALOG_NAME}
    assert not result


def test_lock_covers_and_blocks_an_open_file_dialog(qtbot, fx, sync_tasks):
    create_sample_case(fx)
    window = MainWindow(fx.clerk())
    qtbot.addWidget(window)
    window.show()
    state = {}

    def while_open() -> None:
        dialog = open_dialog()
        state["open"] = dialog is not None
        if dialog is None:
            return
        name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
        window.lock()
        covers = [c for c in dialog.findChildren(Cover, options=Qt.FindChildOption.FindDirectChildrenOnly)
                  if c.isVisible()]
        state["covered"] = bool(covers) and covers[0].geometry() == dialog.rect()
        state["title"] = dialog.windowTitle()
        qtbot.keyClicks(name_edit, "secret.pdf")  # swallowed by the lock
        qtbot.keyClick(name_edit, Qt.Key.Key_Return)
        state["typed"] = name_edit.text()
        state["still_open"] = dialog.isVisible()
        lock = window.lock_screen
        lock.password.setText(CLERK_PASSWORD)
        qtbot.keyClick(lock.password, Qt.Key.Key_Return)
        state["unlocked"] = not lock.locked
        state["title_back"] = dialog.windowTitle()
        dialog.reject()

    QTimer.singleShot(0, while_open)
    chosen = file_dialogs.save_file(window, "导出卷宗", "卷宗.pdf", "PDF (*.pdf)")
    assert state["open"] and state["covered"]
    assert state["title"] != "导出卷宗" and state["title_back"] == "导出卷宗"
    assert "secret" not in state["typed"] and state["still_open"] and state["unlocked"]
    assert chosen == ""
    window.close()


def test_a_dialog_opened_while_locked_is_covered_too(qtbot, fx, sync_tasks):
    create_sample_case(fx)
    window = MainWindow(fx.clerk())
    qtbot.addWidget(window)
    window.show()
    window.lock()
    state = {}

    def look() -> None:
        dialog = open_dialog()
        state["covered"] = dialog is not None and any(
            c.isVisible() for c in dialog.findChildren(Cover, options=Qt.FindChildOption.FindDirectChildrenOnly))
        if dialog is not None:
            dialog.reject()

    QTimer.singleShot(0, look)
    file_dialogs.open_file(window, "导入修改稿", "Word (*.docx)")
    assert state["covered"]
    window.lock_screen.try_unlock(CLERK_PASSWORD)
    assert not window.lock_screen.locked
    window.close()
