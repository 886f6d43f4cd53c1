"""Issue 14 item 3: another case's material is flagged and asked about before it is used;
another case's 案号 is never offered for adoption; templates follow the procedure."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from app.services.case_guard import ForeignCaseData, foreign_case_numbers
from tests.helpers import widgets as helpers
from widgets.cataloguing_tab import CataloguingTab
from widgets.drafting_tab import DraftingTab

EXCERPT = Path(__file__).resolve().parents[1] / "data" / "cataloguing" / "dev02_excerpt.pdf"
OTHER = "（2023）湘0104民初11876号"  # the 案号 printed in the test excerpt (another case)


def test_finding_foreign_numbers_ignores_the_case_own_number_in_any_bracket_form():
    own = "（2024）京0105民初12345号"
    assert foreign_case_numbers("本院(2024)京0105民初12345号案", own) == []
    assert foreign_case_numbers(f"见{OTHER}判决；{OTHER}", own) == [OTHER]


def test_dossier_of_another_case_is_asked_about_before_anything_is_stored(qtbot, fx, case_id, monkeypatch,
                                                                           sync_tasks):
    ctx = fx.clerk()
    tab = helpers.open_tab(qtbot, CataloguingTab, ctx, case_id)
    asked = []
    monkeypatch.setattr("widgets.confirm.ask_foreign", lambda parent, message: asked.append(message) or False)
    tab.import_files([str(EXCERPT)])
    assert asked and OTHER in asked[0] and "他案" in asked[0]
    assert tab.table.rowCount() == 0 and tab.service.pages(case_id) == [] and "未导入" in tab.status.text()
    # Confirmed: stored, and the audit says which foreign number was accepted by whom.
    monkeypatch.setattr("widgets.confirm.ask_foreign", lambda parent, message: True)
    tab.import_files([str(EXCERPT)])
    assert tab.table.rowCount() == 4
    detail = ctx.store.query("SELECT detail FROM audit_log WHERE action = 'dossier.import'")[-1]["detail"]
    assert OTHER in detail
    # Its 案号 is shown as a warning, never as a value to take over.
    row = next(i for i in range(tab.fields.count()) if tab.fields.item(i).text().startswith("案号"))
    assert "不可采纳" in tab.fields.item(row).text()
    tab.fields.setCurrentRow(row)
    assert not tab.take_button.isEnabled()
    suggestion = tab.suggestions[row]
    with pytest.raises(ValueError):
        tab.service.apply_case_field(suggestion.id)
    tab.shutdown()
    ctx.store.close()


def test_judgment_docx_of_another_case_is_asked_about(qtbot, fx, case_id, monkeypatch, sync_tasks, tmp_path):
    ctx = fx.judge()
    tab = helpers.open_tab(qtbot, DraftingTab, ctx, case_id)
    tab.create_button.click()
    assert tab.table.rowCount() == 1
    out = tmp_path / "other.docx"
    document = docx.Document()
    document.add_paragraph(f"湖南省长沙市岳麓区人民法院 民事判决书 {OTHER}")
    document.save(str(out))
    monkeypatch.setattr("widgets.confirm.ask_foreign", lambda parent, message: False)
    tab.import_version(str(out))
    assert tab.table.rowCount() == 1 and "未导入" in tab.status.text()
    with pytest.raises(ForeignCaseData):
        tab.service.import_version(tab.selected().id, out)
    tab.shutdown()
    ctx.store.close()


def test_recording_named_for_another_case_is_asked_about(qtbot, fx, case_id, monkeypatch, sync_tasks, tmp_path):
    import shutil

    from tests.helpers.transcription import MULTI_CLIP
    from widgets.transcription_tab import TranscriptionTab

    ctx = fx.clerk()
    tab = helpers.open_tab(qtbot, TranscriptionTab, ctx, case_id)
    other = tmp_path / "（2023）湘0104民初11876号 第一次开庭.flac"
    shutil.copy(MULTI_CLIP, other)
    asked = []
    monkeypatch.setattr("widgets.confirm.ask_foreign", lambda parent, message: asked.append(message) or False)
    tab.import_recording(str(other))
    assert asked and OTHER in asked[0] and tab.hearing.count() == 0 and "无法导入" in tab.status.text()
    own = tmp_path / "（2024）京0105民初12345号 第一次开庭.flac"
    shutil.copy(MULTI_CLIP, own)
    tab.import_recording(str(own))  # its own number: no question
    assert len(asked) == 1 and tab.hearing.count() == 1
    tab.shutdown()
    ctx.store.close()
