"""Confirmation for acts that bind the court (签发, 核对完成): list what is open, ask a reason.

One click must never sign a judgment with open review errors: the dialog lists the open
findings, and when any of them is serious the OK button stays disabled until a reason is
typed. The reason goes to the service, which writes it into the audit entry.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QListWidget, QPlainTextEdit, QVBoxLayout, QWidget,
)


class ConfirmActDialog(QDialog):
    """Asks before a binding act; ``reason()`` is what the user typed (required when ``need_reason``)."""

    def __init__(self, title: str, question: str, open_items: list[str], need_reason: bool,
                 parent: QWidget | None = None, forbidden: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("confirmActDialog")
        self.setWindowTitle(title)
        self.need_reason = need_reason
        layout = QVBoxLayout(self)
        text = QLabel(question)
        text.setWordWrap(True)
        layout.addWidget(text)
        if open_items:
            layout.addWidget(QLabel(self.tr("尚未处理的问题（%n 项）：").replace("%n", str(len(open_items)))))
            self.items = QListWidget()
            self.items.setObjectName("openItems")
            self.items.addItems(open_items)
            self.items.setMaximumHeight(180)
            layout.addWidget(self.items)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("confirmReason")
        self.reason_edit.setPlaceholderText(self.tr("理由（记入操作记录）") if need_reason else self.tr("备注（可不填）"))
        self.reason_edit.setMaximumHeight(90)
        self.reason_edit.setTabChangesFocus(True)
        label = QLabel(self.tr("仍要继续的理由(&R)：") if need_reason else self.tr("备注(&R)："))
        label.setBuddy(self.reason_edit)
        layout.addWidget(label)
        layout.addWidget(self.reason_edit)
        self.note = QLabel(forbidden)
        self.note.setObjectName("confirmNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #c62828;")
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(title)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        # Cancel is the default: Enter must not sign.
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.forbidden = bool(forbidden)
        self.reason_edit.textChanged.connect(self._update)
        self._update()

    @property
    def ok_button(self):
        """The button that performs the act."""
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def reason(self) -> str:
        """The typed reason, stripped."""
        return self.reason_edit.toPlainText().strip()

    def _update(self) -> None:
        self.ok_button.setEnabled(not self.forbidden and (not self.need_reason or bool(self.reason())))


def ask_to_confirm(parent: QWidget | None, title: str, question: str, open_items: list[str],
                   need_reason: bool, forbidden: str = "") -> str | None:
    """Show :class:`ConfirmActDialog`; the reason ("" when none was needed) or None if cancelled.

    Tests replace this function to answer without a modal loop.
    """
    dialog = ConfirmActDialog(title, question, open_items, need_reason, parent, forbidden)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason()


def ask_foreign(parent: QWidget | None, message: str) -> bool:
    """Material names another case: ask whether to use it anyway (default: no). Tests replace this."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, QLabel.tr("可能是他案材料"), message,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("foreignMaterialBox")
    box.button(QMessageBox.StandardButton.Yes).setText(QLabel.tr("核实无误，仍然使用"))
    box.button(QMessageBox.StandardButton.No).setText(QLabel.tr("不使用"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
