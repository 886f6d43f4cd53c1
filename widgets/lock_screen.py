"""Lock screen: covers the window after idle time; only the same user's password unlocks it."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.services import auth


class LockScreen(QWidget):
    """Full-window overlay; emits ``unlocked`` after a correct password."""

    unlocked = Signal()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lockScreen { background: #eceff1; }")
        title = QLabel(self.tr("已锁定"))
        title.setObjectName("lockTitle")
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        who = QLabel(self.tr("用户：") + f"{ctx.session.display_name}（{ctx.session.username}）")
        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("输入密码解锁"))
        self.password.returnPressed.connect(self.try_unlock)
        button = QPushButton(self.tr("解锁(&U)"))
        button.clicked.connect(self.try_unlock)
        self.error = QLabel()
        self.error.setObjectName("unlockError")
        self.error.setStyleSheet("color: #c62828;")
        box = QVBoxLayout(self)
        box.addStretch(1)
        for w in (title, who, self.password, button, self.error):
            box.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        self.password.setMinimumWidth(260)
        box.addStretch(1)
        self.hide()

    def lock(self) -> None:
        """Cover the parent and take the keyboard."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.error.clear()
        self.password.clear()
        self.show()
        self.raise_()
        self.password.setFocus()

    def try_unlock(self) -> None:
        """Check the password (throttled like a login)."""
        try:
            auth.verify_password(self.ctx, self.password.text())
        except auth.AuthError as exc:
            self.error.setText(str(exc))
            self.password.clear()
            return
        self.hide()
        self.unlocked.emit()
