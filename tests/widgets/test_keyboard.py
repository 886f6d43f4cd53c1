"""Issue 14 item 5: one meaning per key (Ctrl+F belongs to the focused pane), Tab leaves tables,
and a shortcut list under 帮助."""
from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView

from tests.helpers.stores import create_sample_case
from widgets.main_window import MainWindow
from widgets.transcription_tab import TranscriptionTab


@pytest.fixture
def window(qtbot, fx, sync_tasks):
    create_sample_case(fx)
    w = MainWindow(fx.clerk())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.case_list.model.rowCount() == 1, timeout=5000)
    yield w
    w.close()


def window_wide_keys(window) -> list[str]:
    keys = [a.shortcut().toString() for a in window.findChildren(QAction)
            if not a.shortcut().isEmpty() and a.shortcutContext() == Qt.ShortcutContext.WindowShortcut]
    keys += [s.key().toString() for s in window.findChildren(QShortcut)
             if s.context() == Qt.ShortcutContext.WindowShortcut]
    return keys


def test_each_window_wide_key_has_one_meaning_and_ctrl_f_is_per_pane(window):
    counts = Counter(window_wide_keys(window))
    assert [k for k, n in counts.items() if n > 1] == []
    assert "Ctrl+F" not in counts
    scoped = [s for s in window.findChildren(QShortcut) if s.key() == QKeySequence("Ctrl+F")]
    assert len(scoped) >= 2 and all(s.context() == Qt.ShortcutContext.WidgetWithChildrenShortcut for s in scoped)


def test_ctrl_f_finds_in_the_focused_pane(qtbot, window):
    window.activateWindow()
    window.case_list.table.setFocus()
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.case_list.search.hasFocus()
    tab = next(t for t in window.capability_tabs if isinstance(t, TranscriptionTab))
    window.tabs.setCurrentIndex(1)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.find.hasFocus() and not window.case_list.search.hasFocus()


def test_tab_leaves_tables_without_changing_the_selected_case(qtbot, window):
    table = window.case_list.table
    assert all(not v.tabKeyNavigation() for v in window.findChildren(QAbstractItemView))
    window.activateWindow()
    table.setFocus()
    table.selectRow(0)
    selected = table.selectionModel().selectedRows()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus() and table.selectionModel().selectedRows() == selected


def test_help_lists_the_shortcuts(qtbot, window):
    from widgets.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    keys = [r[0] for r in dialog.rows]
    for key in ("Ctrl+L", "Ctrl+Shift+F", "Ctrl+P", "Ctrl+F", "F1"):
        assert any(key in k for k in keys), key
    assert any(a.objectName() == "shortcutsAction" for a in window.findChildren(QAction))
