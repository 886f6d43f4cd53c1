"""帮助 > 快捷键: every key of the window, its menus and its tabs, and where each one works.

The list is read from the live window (its menu actions) plus the tabs' own declared keys, so
it cannot drift from what the keys really do.
"""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout

from widgets.terms import tr_term

# Keys of panes that are not menu actions: (key, what, where).
PANE_KEYS = (
    ("Ctrl+F", "查找（在所在窗格：案件列表中查找案件，笔录中查找文字）", "案件列表 / 庭审笔录"),
    ("Tab / Shift+Tab", "在控件之间移动（表格内用方向键）", "全部"),
    ("Ctrl+Shift+Up", "所选页移到上一文书", "电子卷宗"),
    ("Ctrl+Shift+Down", "所选页移到下一文书", "电子卷宗"),
    ("Ctrl+= / Ctrl+- / Ctrl+0", "页面预览放大 / 缩小 / 适合宽度", "电子卷宗"),
    ("← / →", "波形获得焦点时前后移动 5 秒", "庭审笔录"),
    ("Enter", "确认对话框（签发、核对完成的默认按钮为“取消”）", "对话框"),
    ("Esc", "关闭对话框", "对话框"),
)


def _menu_keys(window) -> list[tuple[str, str, str]]:
    rows = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        where = menu_action.text().replace("&", "").split("(")[0]
        for action in menu.actions():
            if not action.shortcut().isEmpty():
                rows.append((action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                             action.text().replace("&", "").replace("…", ""), where))
    return rows


def _tab_keys() -> list[tuple[str, str, str]]:
    from widgets.transcription_tab import SHORTCUTS

    return [(keys, tr_term(what), tr_term("庭审笔录")) for keys, what in SHORTCUTS]


class ShortcutsDialog(QDialog):
    """A read-only table: key, what it does, where it works."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("快捷键"))
        rows = _menu_keys(window) + _tab_keys() + [(k, tr_term(w), tr_term(p)) for k, w, p in PANE_KEYS]
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels([self.tr("按键"), self.tr("作用"), self.tr("适用范围")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rows = rows
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 520)
