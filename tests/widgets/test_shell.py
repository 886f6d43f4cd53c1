"""Application shell with real widgets on a real store: login, case list, detail, form, lock, IT views."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.services.cases import CaseService
from tests.helpers.stores import JUDGE_PASSWORD, create_sample_case, sample_case, settings_for
from tests.helpers.widgets import tab_titles
from widgets.case_form import CaseFormDialog
from widgets.login_dialog import LoginDialog
from widgets.main_window import MainWindow
from widgets.settings_dialog import SettingsDialog


@pytest.fixture
def window(qtbot, fx):
    create_sample_case(fx)
    ctx = fx.judge()
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.case_list.model.rowCount() == 1, timeout=5000)
    yield w
    w.close()


def test_login_shows_error_then_succeeds(qtbot, fx):
    dialog = LoginDialog(fx.data_dir, fx.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("judge")
    dialog.password.setText("wrong-password-1")
    dialog.attempt()
    qtbot.waitUntil(lambda: "用户名或密码不正确" in dialog.error.text(), timeout=10000)
    assert dialog.password.text() == ""
    dialog.password.setText(JUDGE_PASSWORD)
    with qtbot.waitSignal(dialog.logged_in, timeout=10000) as blocker:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    ctx = blocker.args[0]
    assert ctx.session.username == "judge"
    ctx.store.close()


def test_case_list_detail_and_deadline_colour(qtbot, window):
    assert "王法官" in window.windowTitle() and "演示" not in window.windowTitle()
    window.case_list.table.selectRow(0)
    qtbot.waitUntil(lambda: window.detail.labels["case_number"].text() == "（2024）京0105民初12345号", timeout=5000)
    remaining = window.detail.labels["remaining"]
    assert remaining.property("urgency") == "overdue" and "超期" in remaining.text()
    assert window.detail.parties.rowCount() == 2


def test_search_box_filters_the_list(qtbot, window):
    window.case_list.search.setText("离婚")  # QTest.keyClicks aborts on non-Latin text
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 0, timeout=5000)
    window.case_list.search.setText("华信")
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 1, timeout=5000)


def test_case_form_validates_and_saves_normalised_number(qtbot, window, sync_tasks):
    ctx = window.ctx
    form = CaseFormDialog(ctx, parent=window)
    qtbot.addWidget(form)
    form.number.setText("(2024)京0105民初字第8号")
    assert "字第" in form.number_hint.text()
    form.number.setText(f"({date.today().year})京0105民初8号")
    assert form.number_hint.text().startswith("有效")
    form.cause.setText("买卖合同纠纷")
    form.filing.setDate(date.today())
    form.add_party(sample_case().parties[0])
    form.save()
    assert form.error.text() == "" and form.saved_id
    saved = CaseService(ctx).get_case(form.saved_id)
    assert saved.case_number == f"（{date.today().year}）京0105民初8号" and saved.party_list[0].name == "张晓明"


def test_bad_case_number_keeps_the_form_open_with_the_reason(qtbot, window, sync_tasks):
    form = CaseFormDialog(window.ctx, parent=window)
    qtbot.addWidget(form)
    form.number.setText("（2024）京0105民审8号")
    form.cause.setText("买卖合同纠纷")
    form.save()
    assert "民审" in form.error.text() and form.saved_id is None


def test_lock_and_unlock_with_password(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.lock_screen.isVisible()
    window.lock_screen.password.setText("wrong-password-1")
    window.lock_screen.try_unlock()
    qtbot.waitUntil(lambda: "不正确" in window.lock_screen.error.text(), timeout=10000)
    assert window.lock_screen.isVisible()
    window.lock_screen.password.setText(JUDGE_PASSWORD)
    window.lock_screen.try_unlock()
    qtbot.waitUntil(lambda: not window.lock_screen.isVisible(), timeout=10000)


def test_idle_time_locks_the_window(qtbot, window):
    window.idle.timer.setInterval(50)
    window.idle.timer.start()
    qtbot.waitUntil(window.lock_screen.isVisible, timeout=3000)


def test_it_sees_users_and_audit_but_no_cases(qtbot, fx):
    ctx = fx.it()
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    assert w.case_list is None
    qtbot.waitUntil(lambda: w.users_panel.table.rowCount() == 3, timeout=5000)
    w.audit_viewer.verify()
    qtbot.waitUntil(lambda: "审计日志完整" in w.audit_viewer.result.text(), timeout=5000)
    w.close()


def test_settings_dialog_shows_policy_values_locked(qtbot, tmp_path):
    settings = settings_for(tmp_path, AUTOLOCKMINUTES=5)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert not dialog.editors["autolock_minutes"].isEnabled()
    assert dialog.editors["lockout_minutes"].isEnabled()
    dialog.editors["lockout_minutes"].setValue(30)
    dialog.save()
    assert settings["lockout_minutes"] == 30 and settings["autolock_minutes"] == 5


def test_judge_window_has_every_capability_tab(window):
    titles = tab_titles(window)
    assert titles == ["案件信息", "庭审笔录", "电子卷宗", "文书", "数据交换", "操作记录"]
