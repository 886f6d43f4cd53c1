"""Issue 14 item 8 (admin part): in-place validation with a confirm field, 停用 asks first,
security policy only for IT, grouped settings with language names, exchange explains itself."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.services.preferences import change_settings
from widgets.exchange_tab import ExchangeTab
from widgets.settings_dialog import SettingsDialog
from widgets.users_panel import NewUserDialog, UsersPanel


def test_new_user_dialog_validates_in_place(qtbot):
    dialog = NewUserDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.username.setText("zhang")
    dialog.display.setText("张书记员")
    dialog.password.setText("short")
    assert not ok.isEnabled() and "8" in dialog.problem.text()
    dialog.password.setText("Long-enough-1")
    dialog.confirm.setText("Long-enough-2")
    assert not ok.isEnabled() and "不一致" in dialog.problem.text()
    dialog.confirm.setText("Long-enough-1")
    assert ok.isEnabled() and dialog.problem.text() == ""


def test_deactivating_a_user_asks_first(qtbot, fx, sync_tasks, monkeypatch):
    ctx = fx.it()
    panel = UsersPanel(ctx)
    qtbot.addWidget(panel)
    row = next(r for r in range(panel.table.rowCount()) if panel.table.item(r, 0).text() == "clerk")
    panel.table.setCurrentCell(row, 0)
    asked = []
    monkeypatch.setattr("widgets.users_panel.confirm_deactivate", lambda parent, name: asked.append(name) or False)
    panel.toggle_active()
    assert asked == ["clerk"] and panel.table.item(row, 3).text() == "启用"
    monkeypatch.setattr("widgets.users_panel.confirm_deactivate", lambda parent, name: True)
    panel.table.setCurrentCell(row, 0)
    panel.toggle_active()
    assert panel.table.item(row, 3).text() == "停用"
    panel.shutdown()
    ctx.store.close()


def test_security_policy_is_for_it_only(qtbot, fx, sync_tasks):
    judge = fx.judge()
    dialog = SettingsDialog(judge.settings, ctx=judge)
    qtbot.addWidget(dialog)
    assert not dialog.editors["lockout_attempts"].isEnabled()
    assert not dialog.editors["autolock_minutes"].isEnabled()
    assert dialog.editors["deadline_warning_days"].isEnabled()
    language = dialog.editors["language"]
    assert [language.itemText(i) for i in range(language.count())] == ["中文（简体）", "English"]
    assert dialog.editors["exchange_dir"].button.text() == "选择…"  # a folder picker, not a bare text box
    with pytest.raises(PermissionError):
        change_settings(judge, {"lockout_attempts": 20})
    it = fx.it()
    assert change_settings(it, {"lockout_attempts": 6}) == ["lockout_attempts"]
    assert it.settings["lockout_attempts"] == 6
    entry = it.store.query("SELECT detail FROM audit_log WHERE action = 'settings.change'")[-1]
    assert "lockout_attempts" in entry["detail"]
    judge.store.close()
    it.store.close()


def test_exchange_without_a_folder_says_why_and_disables_actions(qtbot, fx):
    it = fx.it()
    tab = ExchangeTab(it)
    qtbot.addWidget(tab)
    assert not tab.import_button.isEnabled() and not tab.export_button.isEnabled()
    assert "设置" in tab.import_button.toolTip() and "exchange_dir" not in tab.folder_label.text()
    assert "联系信息技术人员" not in tab.folder_label.text()  # IT is not told to ask IT
    tab.shutdown()
    it.store.close()
