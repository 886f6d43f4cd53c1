"""Lock screen: hides everything on screen until the same user's password is entered again.

A lock that merely draws over the window is not a lock. While locked:

* the lock is its own application-modal window laid over the main window, so it is the only
  window that takes input even when a modal dialog (新建案件, a file dialog…) was open;
* the main window and every other open window get an opaque cover, and their titles are
  blanked (a title can carry a case number or a party's name); so does a window that opens
  while locked. File dialogs are Qt's own (widgets/file_dialogs.py), never the OS's, so
  they are covered too;
* an application-wide event filter drops every key, shortcut, click and wheel event that is not
  meant for the lock's password field or unlock button (Alt+F, Ctrl+F, Tab into the controls
  underneath: nothing reaches them).

A wrong password says so at once, including when that failure locked the account.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.services import auth
from app.tasks import TaskSlot

LOCK_BACKGROUND = QColor("#37474f")

# Input that must not reach anything but the lock while it is shown.
BLOCKED_EVENTS = {
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel, QEvent.Type.ContextMenu, QEvent.Type.DragEnter, QEvent.Type.Drop,
}


class Cover(QWidget):
    """An opaque sheet over one window's contents while the application is locked."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockCover")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setGeometry(parent.rect())
        parent.installEventFilter(self)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(self.rect(), LOCK_BACKGROUND)
        painter.end()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(obj.rect())
        return False


class InputGuard(QObject):
    """Application event filter: while locked, only the lock window gets input."""

    def __init__(self, lock: "LockScreen") -> None:
        super().__init__(lock)
        self.lock = lock

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if not self.lock.locked:
            return False
        if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow():
            # A window that appears while locked (a file dialog or question opened by work that
            # finished in the background) is covered like those that were open already.
            self.lock.cover(obj)
            return False
        if event.type() not in BLOCKED_EVENTS:
            return False
        if isinstance(obj, QWidget) and (obj is self.lock or self.lock.isAncestorOf(obj)):
            return False
        if isinstance(obj, QWidget) or obj is QApplication.instance():
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # claimed here, so no shortcut of the windows underneath fires
            return True
        return False  # windows' own handles (QWindow) pass events on to their widgets, filtered above


class LockScreen(QWidget):
    """The lock window; emits ``unlocked`` after a correct password."""

    unlocked = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        # Its own window (not a child of the main window): a modal dialog must not block it.
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.ctx = ctx
        self.owner = parent
        self.locked = False
        self._covers: list[Cover] = []
        self._titles: list[tuple[QWidget, str]] = []
        self._slot = TaskSlot(self)
        self.setObjectName("lockScreen")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowTitle(self.tr("已锁定"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet("#lockScreen { background: #37474f; } #lockScreen QLabel { color: white; }")
        title = QLabel(self.tr("已锁定"))
        title.setObjectName("lockTitle")
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        who = QLabel(self.tr("用户：") + f"{ctx.session.display_name}（{ctx.session.username}）")
        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("输入密码解锁"))
        self.password.returnPressed.connect(self.try_unlock)
        self.button = QPushButton(self.tr("解锁(&U)"))
        self.button.setObjectName("unlockButton")
        self.button.clicked.connect(lambda: self.try_unlock())
        self.error = QLabel()
        self.error.setObjectName("unlockError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #ffab91; font-weight: bold;")
        box = QVBoxLayout(self)
        box.addStretch(1)
        for w in (title, who, self.password, self.button, self.error):
            box.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        self.password.setMinimumWidth(260)
        self.error.setMinimumWidth(360)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addStretch(1)
        self.guard = InputGuard(self)
        self.hide()

    def lock(self) -> None:
        """Cover every window, blank the titles, take all input."""
        if self.locked:
            return
        self.locked = True
        app = QApplication.instance()
        for window in app.topLevelWidgets():
            if window.isVisible():
                self.cover(window)
        app.installEventFilter(self.guard)
        if self.owner is not None:
            self.setGeometry(self.owner.frameGeometry() if self.owner.isVisible() else self.owner.geometry())
        self.error.clear()
        self.password.clear()
        self.show()
        if QApplication.platformName() != "offscreen":  # the test platform cannot stack windows
            self.raise_()
        self.activateWindow()
        self.password.setFocus()

    def cover(self, window: QWidget) -> None:
        """Lay an opaque cover over ``window`` and blank its title (once per window)."""
        if window is self or self.isAncestorOf(window) or isinstance(window, Cover) or not window.isWindow():
            return
        if any(w is window for w, _title in self._titles):
            return
        self._titles.append((window, window.windowTitle()))
        window.setWindowTitle(self.tr("已锁定"))
        cover = Cover(window)
        cover.show()
        cover.raise_()
        self._covers.append(cover)

    def try_unlock(self, password: str | None = None) -> None:
        """Check the password in the background (throttled like a login)."""
        ctx, text = self.ctx, self.password.text() if password is None else password
        self.button.setEnabled(False)
        self._slot.start(lambda p, c: auth.verify_password(ctx, text), label="unlock",
                         on_success=lambda _r: self._unlock(), on_error=self._refused)

    def _refused(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.error.setText(str(exc) if isinstance(exc, auth.AuthError) else self.tr("无法验证密码，请重试。"))
        self.password.clear()
        self.password.setFocus()

    def _unlock(self) -> None:
        self.button.setEnabled(True)
        QApplication.instance().removeEventFilter(self.guard)
        for cover in self._covers:
            try:
                cover.deleteLater()
            except RuntimeError:  # its window was closed while locked, and the cover with it
                pass
        self._covers = []
        for window, title in self._titles:
            try:
                window.setWindowTitle(title)
            except RuntimeError:
                pass
        self._titles = []
        self.locked = False
        self.hide()
        self.unlocked.emit()

    def shutdown(self) -> None:
        """Release the input guard and wait for a running check (window closing)."""
        QApplication.instance().removeEventFilter(self.guard)
        self._slot.shutdown()
