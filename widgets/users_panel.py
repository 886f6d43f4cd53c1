"""User administration for IT: list, add, deactivate/reactivate, reset password, clear lock-out."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.services.auth import AuthError
from widgets.terms import tr_term


class NewUserDialog(QDialog):
    """Ask for a new user's name, role and initial password."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建用户"))
        self.username = QLineEdit()
        self.display = QLineEdit()
        self.role = QComboBox()
        for role in ("审判员", "书记员", "管理员"):
            self.role.addItem(tr_term(role), role)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("显示名称"), self.display)
        form.addRow(self.tr("角色"), self.role)
        form.addRow(self.tr("初始密码"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class UsersPanel(QWidget):
    """IT's user list with actions."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("usersPanel")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("userTable")
        self.table.setHorizontalHeaderLabels([tr_term(h) for h in ("用户名", "显示名称", "角色", "状态", "锁定")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setObjectName("usersMessage")
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("新建用户(&N)"), self.add_user), (self.tr("停用/启用"), self.toggle_active),
                           (self.tr("重置密码"), self.reset_password), (self.tr("解除锁定"), self.unlock)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        """Refresh the list."""
        users = self.ctx.users.list_users()
        self.table.setRowCount(len(users))
        for row, u in enumerate(users):
            for col, value in enumerate((u.username, u.display_name, tr_term(u.role),
                                         self.tr("启用") if u.active else self.tr("停用"),
                                         self.tr("已锁定") if u.locked else "")):
                self.table.setItem(row, col, QTableWidgetItem(value))

    def _selected(self) -> str | None:
        row = self.table.currentRow()
        return self.table.item(row, 0).text() if row >= 0 else None

    def _run(self, fn, ok_text: str) -> None:
        try:
            fn()
        except (AuthError, PermissionError, ValueError) as exc:
            self.message.setText(str(exc))
            self.message.setStyleSheet("color: #c62828;")
            return
        self.message.setText(ok_text)
        self.message.setStyleSheet("color: #2e7d32;")
        self.reload()

    def add_user(self) -> None:
        """Dialog for a new user."""
        dialog = NewUserDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._run(lambda: self.ctx.users.create_user(dialog.username.text(), dialog.display.text(),
                                                                dialog.role.currentData(), dialog.password.text()),
                  self.tr("已新建用户"))

    def toggle_active(self) -> None:
        """Deactivate or reactivate the selected user."""
        name = self._selected()
        if name:
            active = self.table.item(self.table.currentRow(), 3).text() != self.tr("启用")
            self._run(lambda: self.ctx.users.set_active(name, active), self.tr("已更新"))

    def reset_password(self) -> None:
        """Ask for and set a new password for the selected user."""
        name = self._selected()
        if not name:
            return
        password, ok = QInputDialog.getText(self, self.tr("重置密码"), self.tr("新密码："), QLineEdit.EchoMode.Password)
        if ok:
            self._run(lambda: self.ctx.users.reset_password(name, password), self.tr("密码已重置"))

    def unlock(self) -> None:
        """Clear the selected user's lock-out."""
        name = self._selected()
        if name:
            self._run(lambda: self.ctx.users.unlock(name), self.tr("已解除锁定"))
