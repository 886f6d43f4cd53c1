"""User administration for IT: list, add, deactivate/reactivate, reset password, clear lock-out."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.services.auth import AuthError, check_password_strength
from app.tasks import TaskSlot
from widgets.terms import tr_term


class NewUserDialog(QDialog):
    """Ask for a new user's name, role and initial password (typed twice).

    Problems are shown in place and OK stays disabled until the form is valid, so a short
    password never closes the dialog and loses what was typed.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("newUserDialog")
        self.setWindowTitle(self.tr("新建用户"))
        self.username = QLineEdit()
        self.username.setObjectName("newUsername")
        self.display = QLineEdit()
        self.display.setObjectName("newDisplayName")
        self.role = QComboBox()
        for role in ("审判员", "书记员", "管理员"):
            self.role.addItem(tr_term(role), role)
        self.password = QLineEdit()
        self.password.setObjectName("newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirmPassword")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setObjectName("newUserProblem")
        self.problem.setStyleSheet("color: #c62828;")
        form = QFormLayout(self)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("显示名称"), self.display)
        form.addRow(self.tr("角色"), self.role)
        form.addRow(self.tr("初始密码"), self.password)
        form.addRow(self.tr("再次输入密码"), self.confirm)
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for edit in (self.username, self.display, self.password, self.confirm):
            edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        problem = ""
        try:
            if self.password.text():
                check_password_strength(self.password.text())
        except AuthError as exc:
            problem = tr_term(str(exc)) if str(exc) else ""
        if not problem and self.confirm.text() and self.confirm.text() != self.password.text():
            problem = self.tr("两次输入的密码不一致")
        self.problem.setText(problem)
        ready = (bool(self.username.text().strip() and self.display.text().strip() and self.password.text())
                 and self.confirm.text() == self.password.text() and not problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)


def confirm_deactivate(parent, name: str) -> bool:
    """停用 asks first (default: no): the user can no longer log in. Tests replace this."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, QLabel.tr("停用用户"),
                      QLabel.tr("停用用户“%1”？停用后该用户不能登录，可随时重新启用。").replace("%1", name),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


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
        self._reads = TaskSlot(self)
        self._writes = TaskSlot(self, writes=True)
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
        """Refresh the list (read through the task runner)."""
        service = self.ctx.users
        self._reads.start(lambda p, c: service.list_users(), label="users", on_success=self._show,
                          on_error=lambda exc: self._said(str(exc), ok=False))

    def _show(self, users) -> None:
        self.table.setRowCount(len(users))
        for row, u in enumerate(users):
            for col, value in enumerate((u.username, u.display_name, tr_term(u.role),
                                         self.tr("启用") if u.active else self.tr("停用"),
                                         self.tr("已锁定") if u.locked else "")):
                self.table.setItem(row, col, QTableWidgetItem(value))

    def shutdown(self) -> None:
        """Wait for running work before the window closes."""
        self._reads.shutdown()
        self._writes.shutdown()

    def _selected(self) -> str | None:
        row = self.table.currentRow()
        return self.table.item(row, 0).text() if row >= 0 else None

    def _said(self, text: str, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #2e7d32;" if ok else "color: #c62828;")

    def _run(self, fn, ok_text: str) -> None:
        """A change through the write slot; the list is read again when it is stored."""
        if self._writes.busy:
            self._said(self.tr("上一项操作仍在进行，请稍候。"), ok=False)
            return

        def done(_r) -> None:
            self._said(ok_text, ok=True)
            self.reload()

        self._writes.start(lambda p, c: fn(), label="user change", on_success=done,
                           on_error=lambda exc: self._said(str(exc), ok=False))

    def add_user(self) -> None:
        """Dialog for a new user."""
        dialog = NewUserDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service, values = self.ctx.users, (dialog.username.text().strip(), dialog.display.text().strip(),
                                                       dialog.role.currentData(), dialog.password.text())
        self._run(lambda: service.create_user(*values), self.tr("已新建用户"))

    def toggle_active(self) -> None:
        """Deactivate or reactivate the selected user."""
        name = self._selected()
        if name:
            active = self.table.item(self.table.currentRow(), 3).text() != self.tr("启用")
            if not active and not confirm_deactivate(self, name):
                return
            service = self.ctx.users
            self._run(lambda: service.set_active(name, active), self.tr("已更新"))

    def reset_password(self) -> None:
        """Ask for and set a new password for the selected user."""
        name = self._selected()
        if not name:
            return
        password, ok = QInputDialog.getText(self, self.tr("重置密码"), self.tr("新密码："), QLineEdit.EchoMode.Password)
        if ok:
            service = self.ctx.users
            self._run(lambda: service.reset_password(name, password), self.tr("密码已重置"))

    def unlock(self) -> None:
        """Clear the selected user's lock-out."""
        name = self._selected()
        if name:
            service = self.ctx.users
            self._run(lambda: service.unlock(name), self.tr("已解除锁定"))
