"""卷宗提取建议 on the case form, on a real store: suggestions recorded through the
machine-output service, taken over (采纳) into the form fields, dismissed (忽略), and the
decisions recorded and audited through the case-fields service when the case is saved."""
from __future__ import annotations

import json


from widgets.case_form import CaseFormDialog


def suggest(ctx, case_id, target, value, reason):
    with ctx.store.write() as db:
        return ctx.outputs.suggest(db, case_id, "case_field", target, value, reason, "cataloguing test")


def states(ctx):
    rows = ctx.store.query("SELECT id, state, value, decided_by FROM machine_outputs ORDER BY id")
    return {r["id"]: (r["state"], json.loads(r["value"]), r["decided_by"]) for r in rows}


def audit_actions(ctx):
    return [r["action"] for r in ctx.store.query("SELECT action FROM audit_log ORDER BY id")]


def open_form(qtbot, ctx, case_id):
    form = CaseFormDialog(ctx, ctx.cases.get_case(case_id, audit=False))
    qtbot.addWidget(form)
    return form


def test_take_over_dismiss_and_save(qtbot, fx, case_id, sync_tasks):
    ctx = fx.clerk()
    cause = suggest(ctx, case_id, "cause", "装饰装修合同纠纷", "卷宗第 2 页（民事起诉状），置信度 0.95")
    filing = suggest(ctx, case_id, "filing_date", "2023-09-12", "卷宗第 1 页（卷宗封面），置信度 0.90")
    plaintiffs = suggest(ctx, case_id, "plaintiffs", ["张晓明", "罗建军"], "卷宗第 2 页（民事起诉状），置信度 0.88")
    claims = suggest(ctx, case_id, "claims", ["判令被告支付工程款8万元"], "卷宗第 2 页（民事起诉状），置信度 0.80")
    form = open_form(qtbot, ctx, case_id)
    panel = form.suggestion_panel
    assert panel is not None and not panel.isHidden()
    assert "4 项" in panel.toggle.text()
    # Each suggestion shows its value and where it came from (page, confidence).
    assert panel.findChild(type(panel.state_labels[cause]), f"suggestionValue{cause}").text() == "装饰装修合同纠纷"
    assert any("卷宗第 2 页" in label.text() and "0.95" in label.text() for label in panel.findChildren(
        type(panel.state_labels[cause])))
    # 采纳 fills the fields; nothing is recorded before the save.
    panel.accept_buttons[cause].click()
    assert form.cause.text() == "装饰装修合同纠纷"
    assert not panel.accept_buttons[cause].isEnabled()
    panel.accept_buttons[plaintiffs].click()
    assert [(p.role, p.name) for p in form.collect().parties if p.role == "原告"] == [("原告", "张晓明"), ("原告", "罗建军")]
    panel.accept_buttons[claims].click()
    assert form.claims.toPlainText() == "1. 判令被告支付工程款8万元"
    form.claims.setPlainText("1. 判令被告支付工程款8万元及利息")  # the clerk edits after taking over
    assert states(ctx)[cause][0] == "suggested"
    # 忽略 is recorded at once; the field keeps its value.
    panel.reject_buttons[filing].click()
    assert states(ctx)[filing][0] == "rejected" and states(ctx)[filing][2] == "clerk"
    assert form.filing.date().toString("yyyy-MM-dd") == "2024-03-05"
    assert "output.reject" in audit_actions(ctx)
    # Saving goes through the cases service and records the decisions.
    form.save()
    assert form.result() == form.DialogCode.Accepted
    case = ctx.cases.get_case(case_id, audit=False)
    assert case.cause == "装饰装修合同纠纷"
    assert "罗建军" in [p.name for p in case.party_list if p.role == "原告"]
    assert case.claims == "1. 判令被告支付工程款8万元及利息"
    after = states(ctx)
    assert after[cause][0] == "accepted" and after[plaintiffs][0] == "accepted"
    assert after[claims][:2] == ("changed", "1. 判令被告支付工程款8万元及利息")
    actions = audit_actions(ctx)
    assert actions.count("output.accept") == 2 and "output.change" in actions and "case.update" in actions
    # Nothing left for the next opening of the form.
    again = open_form(qtbot, ctx, case_id)
    assert again.suggestion_panel.isHidden() and not again.suggestion_panel.suggestions
    ctx.store.close()


def test_closing_without_saving_leaves_the_suggestion_pending(qtbot, fx, case_id, sync_tasks):
    ctx = fx.clerk()
    cause = suggest(ctx, case_id, "cause", "装饰装修合同纠纷", "卷宗第 2 页（民事起诉状），置信度 0.95")
    form = open_form(qtbot, ctx, case_id)
    form.suggestion_panel.accept_buttons[cause].click()
    form.reject()
    assert states(ctx)[cause][0] == "suggested"
    assert ctx.cases.get_case(case_id, audit=False).cause == "民间借贷纠纷"
    # The panel collapses and expands.
    form = open_form(qtbot, ctx, case_id)
    panel = form.suggestion_panel
    panel.toggle.setChecked(False)
    assert panel.body.isHidden()
    panel.toggle.setChecked(True)
    assert not panel.body.isHidden()
    ctx.store.close()


def test_new_case_form_has_no_panel(qtbot, fx):
    ctx = fx.clerk()
    form = CaseFormDialog(ctx)
    qtbot.addWidget(form)
    assert form.suggestion_panel is None
    ctx.store.close()


def test_form_takes_a_hospital_over_as_an_organisation_like_the_dossier_tab(qtbot, fx, case_id, sync_tasks):
    """The form and the dossier tab share app/services/case_fields.py: "…医院" is a 法人 in both."""
    ctx = fx.clerk()
    defendants = suggest(ctx, case_id, "defendants", ["北京市朝阳区第一医院", "李四"], "卷宗第 2 页")
    form = open_form(qtbot, ctx, case_id)
    form.suggestion_panel.accept_buttons[defendants].click()
    kinds = {p.name: p.kind for p in form.collect().parties if p.role == "被告"}
    assert kinds["北京市朝阳区第一医院"] == "法人" and kinds["李四"] == "自然人"
    form.save()
    assert states(ctx)[defendants][0] == "accepted"
    ctx.store.close()
