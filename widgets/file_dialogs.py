"""Every file and folder dialog of the window, as Qt's own (non-native) dialog.

A native OS dialog is a window Qt does not own: the lock's opaque covers and its input guard
cannot reach it, so a locked workstation would still show (and let anyone use) an open "导入卷宗"
dialog with the case folder in view. Qt's own dialog is an ordinary top-level widget: the lock
covers it like any other window, and it speaks the user's language through the Qt catalogues
loaded at start (app.gui), so it is Chinese or English throughout.

All callers go through the four functions here; none calls QFileDialog's static helpers.
"""
from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

DIALOG_NAME = "fileDialog"  # object name: tests and the lock find an open dialog by it


def _dialog(parent: QWidget | None, title: str, directory: str, filters: str,
            mode: QFileDialog.FileMode, accept: QFileDialog.AcceptMode) -> QFileDialog:
    dialog = QFileDialog(parent, title, directory, filters)
    dialog.setObjectName(DIALOG_NAME)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setFileMode(mode)
    dialog.setAcceptMode(accept)
    if mode == QFileDialog.FileMode.Directory:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    try:
        return dialog.selectedFiles() if dialog.exec() == QFileDialog.DialogCode.Accepted else []
    finally:
        dialog.deleteLater()


def open_file(parent: QWidget | None, title: str, filters: str = "", directory: str = "") -> str:
    """One existing file chosen by the user ("" when cancelled)."""
    chosen = _run(_dialog(parent, title, directory, filters, QFileDialog.FileMode.ExistingFile,
                          QFileDialog.AcceptMode.AcceptOpen))
    return chosen[0] if chosen else ""


def open_files(parent: QWidget | None, title: str, filters: str = "", directory: str = "") -> list[str]:
    """Existing files chosen by the user (empty when cancelled)."""
    return _run(_dialog(parent, title, directory, filters, QFileDialog.FileMode.ExistingFiles,
                        QFileDialog.AcceptMode.AcceptOpen))


def save_file(parent: QWidget | None, title: str, name: str = "", filters: str = "") -> str:
    """Where to save (``name`` proposed; the dialog asks before overwriting); "" when cancelled."""
    dialog = _dialog(parent, title, name, filters, QFileDialog.FileMode.AnyFile, QFileDialog.AcceptMode.AcceptSave)
    if name:
        dialog.selectFile(name)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""


def folder(parent: QWidget | None, title: str, directory: str = "") -> str:
    """An existing folder chosen by the user ("" when cancelled)."""
    chosen = _run(_dialog(parent, title, directory, "", QFileDialog.FileMode.Directory,
                          QFileDialog.AcceptMode.AcceptOpen))
    return chosen[0] if chosen else ""
