"""The findings listed before signing read in the UI's language (issue 14 item 9)."""
from __future__ import annotations

from decimal import Decimal

from app import messages
from app.services.drafting import DraftingService, DraftOptions
from tests.helpers.draft_edits import with_case_number

OPTIONS = DraftOptions(fee=Decimal("1050"), fee_borne_by="被告北京华信商贸有限公司",
                       appeal_court="北京市第三中级人民法院")


def test_open_findings_show_the_english_label_and_the_quote(fx, case_id, judge, tmp_path):
    service = DraftingService(judge)
    draft = service.create_draft(case_id, "民事判决书_普通程序", OPTIONS)
    with_case_number(service.export_draft(draft.id, tmp_path / "draft.docx"), tmp_path / "edited.docx",
                     "（2024）京0105民初12346号")
    new = service.import_version(draft.id, tmp_path / "edited.docx", allow_foreign=True)
    wrong = [f for f in service.review(new.id).findings if f.rule == "case_number_record"][0]
    chinese = service.open_findings(new.id)["errors"]
    assert f"第{wrong.paragraph}段：{wrong.message}" in chinese
    messages.set_language("en")
    english = service.open_findings(new.id)["errors"]
    assert f"Paragraph {wrong.paragraph}: Case number differs from the case record: \u201c{wrong.text}\u201d" in english

