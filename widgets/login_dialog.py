"""Login dialog: user name and password; the Argon2 unlock runs off the GUI thread."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QProgressBar, QVBoxLayout,
)

from app.services import auth
from app.tasks import TaskSlot


class LoginDialog(QDialog):
    """Asks for credentials and emits ``logged_in(ctx)`` once the store is unlocked."""

    logged_in = Signal(object)

    def __init__(self, data_dir, settings, demo_hint: str = "", parent=None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.settings = settings
        self.ctx = None
        self._slot = TaskSlot(self)
        self.setWindowTitle(self.tr("审判辅助系统 — 登录"))
        self.setObjectName("loginDialog")
        self.setMinimumWidth(380)
        title = QLabel(self.tr("审判辅助系统"))
        title.setObjectName("loginTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("用户名(&U)"), self.username)
        form.addRow(self.tr("密码(&P)"), self.password)
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        if demo_hint:
            hint = QLabel(demo_hint)
            hint.setObjectName("demoHint")
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #6a1b9a;")
            layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.username.setFocus()

    def attempt(self) -> None:
        """Try to unlock with the entered credentials (in the background)."""
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.setText(self.tr("请输入用户名和密码"))
            return
        self._set_busy(True)
        self._slot.start(lambda progress, cancel: auth.login(self.data_dir, username, password, self.settings),
                         label="login", on_success=self._ok, on_error=self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.buttons.setEnabled(not busy)
        self.username.setEnabled(not busy)
        self.password.setEnabled(not busy)

    def _ok(self, ctx) -> None:
        self._set_busy(False)
        self.ctx = ctx
        self.logged_in.emit(ctx)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.error.setText(str(exc))
        self.password.clear()
        self.password.setFocus()

    def done(self, result: int) -> None:  # noqa: D102 - Qt override
        self._slot.shutdown()
        super().done(result)
