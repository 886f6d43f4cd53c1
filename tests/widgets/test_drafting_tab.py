"""The 文书 tab on a real store: generate, show machine paragraphs, review beside the text, sign."""
from __future__ import annotations

import pytest


from PySide6.QtCore import Qt

from tests.helpers import widgets as helpers
from tests.helpers.widgets import tab_titles
from widgets.drafting_tab import MACHINE_BACKGROUND, DraftingTab as Tab


def open_tab(qtbot, ctx, case_id):
    return helpers.open_tab(qtbot, Tab, ctx, case_id)


def generate(qtbot, tab, template="民事判决书_普通程序", rows=1):
    qtbot.waitUntil(lambda: tab.template.count() > 0, timeout=10000)  # loaded for the case's procedure
    tab.template.setCurrentIndex(tab.template.findData(template))
    tab.fee.setText("1050")
    tab.fee_borne_by.setText("被告北京华信商贸有限公司")
    tab.create_button.click()
    qtbot.waitUntil(lambda: tab.table.rowCount() == rows and tab.paragraphs.count() > 10, timeout=10000)


def test_clerk_generates_reviews_and_sees_findings_next_to_text(qtbot, fx, case_id, tmp_path):
    ctx = fx.clerk()
    tab = open_tab(qtbot, ctx, case_id)
    assert not tab.accept_button.isVisible() and not tab.sign_button.isVisible()
    generate(qtbot, tab)
    machine = [i for i in range(tab.paragraphs.count())
               if tab.paragraphs.item(i).background().color() == MACHINE_BACKGROUND]
    assert machine == tab.selected().machine_paragraphs and machine
    assert tab.paragraphs.item(machine[0]).text().split("  ", 1)[1].startswith("原告张晓明与被告")
    tab.review_button.click()
    # The sample court's appeal court cannot be derived from its name: the draft says 【待补充】.
    qtbot.waitUntil(lambda: tab.finding_table.rowCount() > 0, timeout=10000)
    assert "审查发现" in tab.status.text()
    paragraph = int(tab.finding_table.item(0, 0).text())
    tab.finding_table.selectRow(0)
    assert tab.paragraphs.currentRow() == paragraph
    # Export, then import the file back as a new version.
    out = tmp_path / "export.docx"
    tab.export_draft(str(out))
    qtbot.waitUntil(lambda: "已导出" in tab.status.text(), timeout=10000)
    assert out.is_file()
    tab.import_version(str(out))
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2, timeout=10000)
    assert tab.table.item(0, 2).text() == "导入修改稿"
    tab.shutdown()
    ctx.store.close()


def test_judge_accepts_machine_text_and_signs(qtbot, fx, case_id, monkeypatch):
    ctx = fx.judge()
    tab = open_tab(qtbot, ctx, case_id)
    assert tab.accept_button.isVisible() and tab.sign_button.isVisible()
    asked = []
    monkeypatch.setattr("widgets.confirm.ask_to_confirm",
                        lambda parent, title, question, items, need_reason, forbidden="": asked.append(items) or "")
    qtbot.waitUntil(lambda: tab.template.count() > 0, timeout=10000)
    generate(qtbot, tab)
    assert tab.accept_button.isEnabled()
    tab.accept_button.click()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2, timeout=10000)
    qtbot.waitUntil(lambda: tab.selected() is not None and tab.selected().source == "accepted", timeout=10000)
    assert not tab.accept_button.isEnabled()
    tab.sign_button.click()
    qtbot.waitUntil(lambda: tab.table.item(0, 3) is not None and tab.table.item(0, 3).text() == "已签发", timeout=10000)
    assert not tab.sign_button.isEnabled()
    assert asked and "尚未经辅助审查" in asked[0][0]  # asked, and told the version was never reviewed
    tab.set_case(None)
    assert tab.table.rowCount() == 0 and not tab.create_button.isEnabled()
    tab.shutdown()
    ctx.store.close()


def test_judge_accepts_and_rejects_machine_paragraphs_one_by_one(qtbot, fx, case_id):
    ctx = fx.judge()
    tab = open_tab(qtbot, ctx, case_id)
    generate(qtbot, tab)
    machine = tab.selected().machine_paragraphs
    qtbot.waitUntil(lambda: tab.machine_list.count() == len(machine), timeout=10000)
    assert not tab.accept_selected_button.isEnabled() and not tab.reject_selected_button.isEnabled()
    assert tab.machine_list.focusPolicy() & Qt.FocusPolicy.TabFocus
    first = tab.machine_list.item(0)
    assert first.text().startswith(f"第{machine[0]}段  原告张晓明与被告") and first.toolTip()
    # Moving to a paragraph in the list shows it in the text.
    tab.machine_list.setCurrentRow(1)
    assert tab.paragraphs.currentRow() == machine[1]
    tab.machine_list.clearSelection()
    first.setSelected(True)
    assert tab.chosen_paragraphs() == [machine[0]] and tab.accept_selected_button.isEnabled()
    tab.accept_selected_button.click()
    # The new version is stored off the GUI thread; its outcome reaches the GUI thread through
    # the event loop, which only runs inside the wait, so the signal cannot be missed.
    with qtbot.waitSignal(tab._writes.current.succeeded, timeout=10000):
        pass
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2 and tab.machine_list.count() == len(machine) - 1,
                    timeout=10000)
    assert tab.selected().version == 2 and tab.selected().machine_paragraphs == machine[1:]
    assert "已接受 1 段" in tab.status.text()
    assert tab.paragraphs.item(machine[0]).background().color() != MACHINE_BACKGROUND
    # Reject the next one from the keyboard: select it, then the button's mnemonic (Alt+J).
    tab.machine_list.setFocus()
    tab.machine_list.setCurrentRow(0)
    tab.machine_list.item(0).setSelected(True)
    qtbot.keyClick(tab, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 3 and tab.machine_list.count() == len(machine) - 2,
                    timeout=10000)
    assert tab.paragraphs.item(machine[1]).text().endswith("【待补充】")
    assert tab.table.item(0, 2).text() == "已退回机器内容"
    assert tab.accept_button.isEnabled()  # 全部接受 stays for the rest
    tab.shutdown()
    ctx.store.close()


def test_bad_fee_is_reported_without_losing_input(qtbot, fx, case_id):
    ctx = fx.clerk()
    tab = open_tab(qtbot, ctx, case_id)
    qtbot.waitUntil(lambda: tab.create_button.isEnabled(), timeout=10000)
    tab.fee.setText("一千元")
    tab.create_button.click()
    assert "受理费应为数字" in tab.status.text() and tab.fee.text() == "一千元"
    tab.shutdown()
    ctx.store.close()


def test_main_window_shows_the_drafting_tab(qtbot, fx, case_id):
    from widgets.main_window import MainWindow

    ctx = fx.judge()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    titles = tab_titles(window)
    assert "文书" in titles
    assert any(isinstance(t, Tab) for t in window.capability_tabs)
    window.close()


def test_signing_over_open_review_errors_needs_a_reason_that_is_audited(qtbot, fx, case_id, monkeypatch, sync_tasks,
                                                                         tmp_path, accept_foreign):
    ctx = fx.judge()
    tab = open_tab(qtbot, ctx, case_id)
    generate(qtbot, tab)
    tab.accept_button.click()
    # A version whose 案号 is another case's: the review reports an error.
    import docx

    number = ctx.cases.get_case(case_id, audit=False).case_number
    out = tmp_path / "edited.docx"
    tab.export_draft(str(out))
    document = docx.Document(str(out))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            run.text = run.text.replace(number, "（2023）京0105民初99999号")
    document.save(str(out))
    tab.import_version(str(out))
    assert accept_foreign and "99999" in accept_foreign[0]  # asked before the foreign file was used
    tab.review_button.click()
    assert tab.finding_table.rowCount() > 0
    answers, asked = [None, "上诉法院名称已与院庭长核实，签发后补正"], []

    def answer(parent, title, question, items, need_reason, forbidden=""):
        asked.append((items, need_reason))
        return answers.pop(0)

    monkeypatch.setattr("widgets.confirm.ask_to_confirm", answer)
    tab.sign_button.click()  # cancelled: nothing signed
    assert tab.selected().status != "已签发" and "未签发" in tab.status.text()
    tab.sign_button.click()
    assert all(need for _items, need in asked) and any(i.startswith("错误") for i in asked[0][0])
    assert tab.selected().status == "已签发"
    entry = ctx.store.query("SELECT detail FROM audit_log WHERE action = 'draft.sign'")[-1]
    assert "签发后补正" in entry["detail"] and '"open_errors": ' in entry["detail"]
    # Without a reason the service itself refuses (a widget cannot skip the rule).
    with pytest.raises(ValueError):
        tab.service.sign(tab.selected().id)
    tab.shutdown()
    ctx.store.close()


def test_templates_follow_the_case_procedure(qtbot, fx, case_id, sync_tasks):
    ctx = fx.judge()
    tab = open_tab(qtbot, ctx, case_id)  # the sample case is 普通程序
    names = [tab.template.itemData(i) for i in range(tab.template.count())]
    assert "民事判决书_普通程序" in names and "民事判决书_简易程序" not in names
    with pytest.raises(ValueError):
        tab.service.create_draft(case_id, "民事判决书_简易程序")
    assert all("_" not in tab.template.itemText(i) for i in range(tab.template.count()))
    tab.shutdown()
    ctx.store.close()


def test_the_confirmation_dialog_needs_a_reason_before_ok(qtbot):
    from widgets.confirm import ConfirmActDialog

    dialog = ConfirmActDialog("签发", "签发？", ["错误 第3段：案号不一致"], need_reason=True)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.reason_edit.setPlainText("已核实")
    assert dialog.ok_button.isEnabled() and dialog.reason() == "已核实"
    forbidden = ConfirmActDialog("签发", "签发？", ["错误"], need_reason=True, forbidden="本院不允许")
    qtbot.addWidget(forbidden)
    forbidden.reason_edit.setPlainText("理由")
    assert not forbidden.ok_button.isEnabled()


def test_findings_read_in_english_with_the_chinese_explanation_as_tooltip(qtbot, fx, case_id):
    from app import messages

    ctx = fx.clerk()
    tab = open_tab(qtbot, ctx, case_id)
    finding = {"rule": "amount_capital_mismatch", "severity": "error", "paragraph": 0,
               "text": "人民币壹仟元（1100元）", "message": "金额大写与小写不一致"}
    tab._show_findings([finding])
    assert tab.finding_table.item(0, 3).text() == "金额大写与小写不一致"
    assert tab.finding_table.item(0, 3).toolTip() == "“人民币壹仟元（1100元）”"
    messages.set_language("en")
    tab._show_findings([finding])
    assert tab.finding_table.item(0, 3).text() == "Amount in words and figures differ: \u201c人民币壹仟元（1100元）\u201d"
    assert tab.finding_table.item(0, 3).toolTip() == "金额大写与小写不一致"
    tab.shutdown()
    ctx.store.close()
