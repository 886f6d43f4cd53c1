"""Small shared widget helpers: messages, urgency colours, busy state."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

URGENCY_COLOURS = {"overdue": QColor("#c62828"), "warning": QColor("#e65100"), "ok": QColor("#2e7d32")}
URGENCY_BACKGROUNDS = {"overdue": QColor("#ffebee"), "warning": QColor("#fff3e0")}


# lupdate does not see calls of the module-level tr() below; these make it list them.
COMMON_TEXTS = (
    QT_TRANSLATE_NOOP("common", "出错了"), QT_TRANSLATE_NOOP("common", "超期 %n 天"),
    QT_TRANSLATE_NOOP("common", "今日到期"), QT_TRANSLATE_NOOP("common", "剩余 %n 天"),
)


def tr(text: str) -> str:
    """Translate a module-level string in the 'common' context."""
    return QCoreApplication.translate("common", text)


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    """Tell the user something went wrong, in their language, without losing their input."""
    box = QMessageBox(QMessageBox.Icon.Warning, title or tr("出错了"), message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.open()


def remaining_text(days: int) -> str:
    """'剩余 12 天' / '超期 3 天' / '今日到期'."""
    if days < 0:
        return tr("超期 %n 天").replace("%n", str(-days))
    if days == 0:
        return tr("今日到期")
    return tr("剩余 %n 天").replace("%n", str(days))


def make_button(text: str, name: str, slot) -> QPushButton:
    """A push button with an object name (tests and stylesheets find it) calling ``slot()``."""
    button = QPushButton(text)
    button.setObjectName(name)
    # The lambda drops the 'checked' argument clicked() passes, which most slots do not take.
    button.clicked.connect(lambda: slot())
    return button
