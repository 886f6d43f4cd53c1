"""Issue 14 items 3 and 9: another case's parties in an imported judgment or a recording's tags
are asked about (naming both values), in the UI's language; the case form holds the 审判组织
and its rules' messages read in English in the English UI."""
from __future__ import annotations

from dataclasses import replace

import docx
import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from app.services.cases import CaseService, Party
from tests.helpers import widgets as helpers
from tests.helpers.stores import sample_case, user_id
from tests.helpers.tagged_audio import tagged_recording
from widgets.case_detail import CaseDetailView
from widgets.case_form import CaseFormDialog
from widgets.drafting_tab import DraftingTab

OTHER = "（2024）京0105民初20001号"


@pytest.fixture
def other_case(fx, case_id):
    """A second case in the store whose plaintiff is 王建国."""
    ctx = fx.clerk()
    try:
        data = sample_case(user_id(ctx, "judge"), user_id(ctx, "clerk"), number="(2024)京0105民初20001号")
        return CaseService(ctx).create_case(replace(data, parties=[Party("原告", "王建国"), Party("被告", "李秀英")]))
    finally:
        ctx.store.close()


@pytest.fixture
def english(qapp):
    """The UI in English (our catalogue, Qt's and the services' messages), restored afterwards."""
    from app import messages
    from app.gui import _install_translations

    keep = _install_translations(qapp, "en")
    yield
    for translator in keep:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    messages.set_language("zh_CN")


def _judgment(tmp_path, party: str):
    out = tmp_path / "judgment.docx"
    document = docx.Document()
    document.add_paragraph("北京市朝阳区人民法院 民事判决书 （2024）京0105民初12345号")
    document.add_paragraph(f"原告：{party}，男，汉族。")
    document.add_paragraph("被告：北京华信商贸有限公司。")
    document.save(str(out))
    return out


def test_judgment_naming_another_case_party_is_asked_about(qtbot, fx, case_id, other_case, monkeypatch, sync_tasks,
                                                           tmp_path):
    ctx = fx.judge()
    tab = helpers.open_tab(qtbot, DraftingTab, ctx, case_id)
    tab.create_button.click()
    asked = []
    monkeypatch.setattr("widgets.confirm.ask_foreign", lambda parent, message: asked.append(message) or False)
    tab.import_version(str(_judgment(tmp_path, "王建国")))
    assert tab.table.rowCount() == 1 and "未导入" in tab.status.text()
    assert "“王建国”不是本案当事人" in asked[0] and OTHER in asked[0] and "张晓明" in asked[0]
    tab.import_version(str(_judgment(tmp_path, "张晓明")))  # its own parties: no question
    assert len(asked) == 1 and tab.table.rowCount() == 2
    tab.shutdown()
    ctx.store.close()


def test_the_guard_question_is_english_in_the_english_ui(qtbot, fx, case_id, other_case, monkeypatch, sync_tasks,
                                                         tmp_path, english):
    ctx = fx.judge()
    tab = helpers.open_tab(qtbot, DraftingTab, ctx, case_id)
    tab.create_button.click()
    asked = []
    monkeypatch.setattr("widgets.confirm.ask_foreign", lambda parent, message: asked.append(message) or False)
    tab.import_version(str(_judgment(tmp_path, "王建国")))
    assert asked[0].startswith("The imported document names the party \"王建国\", who is not a party of this case")
    assert OTHER in asked[0] and "another case's material" in asked[0]
    tab.shutdown()
    ctx.store.close()


def test_recording_tagged_for_another_case_is_asked_about(qtbot, fx, case_id, other_case, monkeypatch, sync_tasks,
                                                          tmp_path):
    from widgets.transcription_tab import TranscriptionTab

    ctx = fx.clerk()
    tab = helpers.open_tab(qtbot, TranscriptionTab, ctx, case_id)
    recording = tmp_path / "第一次开庭.mp3"
    recording.write_bytes(tagged_recording("mp3", {"album": "王建国诉李秀英借款合同纠纷"}))
    asked = []
    monkeypatch.setattr("widgets.confirm.ask_foreign", lambda parent, message: asked.append(message) or False)
    tab.import_recording(str(recording))
    assert asked and "录音文件的标签" in asked[0] and "王建国" in asked[0] and tab.hearing.count() == 0
    monkeypatch.setattr("widgets.confirm.ask_foreign", lambda parent, message: True)
    tab.import_recording(str(recording))
    assert tab.hearing.count() == 1
    tab.shutdown()
    ctx.store.close()


def test_case_form_bench_follows_the_procedure_and_is_saved(qtbot, fx, case_id, sync_tasks):
    ctx = fx.judge()
    form = CaseFormDialog(ctx, ctx.cases.get_case(case_id, audit=False))
    qtbot.addWidget(form)
    assert form.bench.currentData() == "合议庭" and not form.panel.isHidden()
    form.procedure.setCurrentIndex(form.procedure.findData("简易"))
    assert form.bench.currentData() == "独任" and form.panel.isHidden()
    assert not form.bench.model().item(form.bench.findData("合议庭")).isEnabled()
    form.procedure.setCurrentIndex(form.procedure.findData("普通"))
    form.bench.setCurrentIndex(form.bench.findData("合议庭"))
    from app.services.cases import PanelMember

    form.add_member(PanelMember("审判员", "钱法官"))
    form.add_member(PanelMember("人民陪审员", "赵陪审"))
    with qtbot.waitSignal(form.accepted, timeout=5000):
        form.save()
    case = ctx.cases.get_case(case_id, audit=False)
    assert case.bench == "合议庭" and [m.name for m in case.panel] == ["钱法官", "赵陪审"]
    view = CaseDetailView()
    qtbot.addWidget(view)
    view.show_case(case)
    assert view.labels["bench"].text() == "合议庭：审判长 王法官、审判员 钱法官、人民陪审员 赵陪审"
    ctx.store.close()


def test_a_bench_error_reads_in_english_in_the_english_ui(qtbot, fx, case_id, sync_tasks, english):
    ctx = fx.judge()
    form = CaseFormDialog(ctx, ctx.cases.get_case(case_id, audit=False))
    qtbot.addWidget(form)
    assert form.bench.itemText(0) == "Single judge"
    from app.services.cases import PanelMember

    form.add_member(PanelMember("审判员", "钱法官"))  # two members with the judge: not odd
    form.save()
    assert form.result() != form.DialogCode.Accepted
    assert form.error.text().startswith("A collegial panel has an odd number of members")
    form.cause.setText("")
    form.save()
    assert form.error.text() == "Enter the cause of action"
    view = CaseDetailView()
    qtbot.addWidget(view)
    view.show_case(ctx.cases.get_case(case_id, audit=False))
    assert view.labels["bench"].text() == "Collegial panel: Presiding judge 王法官, Judge —, Judge —"
    ctx.store.close()
