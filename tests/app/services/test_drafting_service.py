"""Drafting service on a real encrypted store: versions, review, acceptance, sign-off, roles."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.case_guard import ForeignCaseData

from app.security.roles import PermissionDenied
from app.services import auth
from app.services.drafting import AssistantOff, DraftingService, DraftOptions
from app.store.errors import NotFoundError
from tests.helpers.stores import CLERK_PASSWORD, settings_for
from tests.helpers.draft_edits import with_case_number


OPTIONS = DraftOptions(fee=Decimal("1050"), fee_borne_by="被告北京华信商贸有限公司",
                       appeal_court="北京市第三中级人民法院",
                       statements={"北京华信商贸有限公司": "借款属实，请求分期归还。"})


def audit_actions(ctx) -> list[str]:
    return [r["action"] for r in ctx.store.query("SELECT action FROM audit_log ORDER BY id")]


def test_clerk_creates_a_draft_stored_encrypted_with_machine_paragraphs(fx, case_id, clerk):
    service = DraftingService(clerk)
    draft = service.create_draft(case_id, "民事判决书_普通程序", OPTIONS)
    assert draft.version == 1 and draft.status == "草稿" and draft.source == "template"
    assert draft.machine_paragraphs
    texts = service.paragraphs(draft.id)
    assert texts[0] == "北京市朝阳区人民法院" and "（2024）京0105民初12345号" in texts
    assert any(t.startswith("原告张晓明与被告北京华信商贸有限公司民间借贷纠纷一案，本院于2024年3月5日立案后") for t in texts)
    assert "被告北京华信商贸有限公司辩称：借款属实，请求分期归还。" in texts
    # On disk only ciphertext.
    raw = clerk.store.blobs.path_for(draft.sha256).read_bytes()
    assert "民事判决书".encode() not in raw and b"word/document.xml" not in raw
    assert "draft.create" in audit_actions(clerk)
    pending = clerk.outputs.pending(case_id, "draft_paragraph")
    assert len(pending) == len(draft.machine_paragraphs)
    assert service.create_draft(case_id, "民事判决书_普通程序", OPTIONS).version == 2


def test_review_is_stored_and_audited(fx, case_id, clerk):
    service = DraftingService(clerk)
    draft = service.create_draft(case_id, "民事判决书_普通程序", OPTIONS)
    result = service.review(draft.id)
    assert not [f for f in result.findings if f.severity == "error"], [f.message for f in result.findings]
    stored = service.last_review(draft.id)
    assert stored["errors"] == 0 and isinstance(stored["findings"], list)
    assert "draft.review" in audit_actions(clerk)


def test_edited_version_with_a_defect_is_found(fx, case_id, clerk, tmp_path):
    service = DraftingService(clerk)
    draft = service.create_draft(case_id, "民事判决书_普通程序", OPTIONS)
    exported = service.export_draft(draft.id, tmp_path / "draft.docx")
    with_case_number(exported, tmp_path / "edited.docx", "（2024）京0105民初12346号")
    # Another case's number in the file: refused until the person confirms (issue 14, case guards).
    with pytest.raises(ForeignCaseData):
        service.import_version(draft.id, tmp_path / "edited.docx")
    new = service.import_version(draft.id, tmp_path / "edited.docx", allow_foreign=True)
    assert new.version == 2 and new.source == "import"
    rules = {f.rule for f in service.review(new.id).findings}
    assert "case_number_record" in rules
    assert {"draft.export", "draft.import"} <= set(audit_actions(clerk))


def test_only_the_judge_accepts_machine_text_and_signs(fx, case_id, clerk, judge):
    with pytest.raises(ValueError):  # the sample case is 普通程序: the 简易 template does not fit
        DraftingService(clerk).create_draft(case_id, "民事判决书_简易程序", OPTIONS)
    draft = DraftingService(clerk).create_draft(case_id, "民事判决书_普通程序", OPTIONS)
    with pytest.raises(PermissionDenied):
        DraftingService(clerk).accept_machine_text(draft.id)
    with pytest.raises(PermissionDenied):
        DraftingService(clerk).sign(draft.id)
    service = DraftingService(judge)
    accepted = service.accept_machine_text(draft.id)
    assert accepted.machine_paragraphs == [] and accepted.source == "accepted" and accepted.version == 2
    assert judge.outputs.pending(case_id, "draft_paragraph") == []
    signed = service.sign(accepted.id)
    assert signed.status == "已签发" and signed.signed_by == "judge"
    assert {"draft.accept_machine", "draft.sign", "output.accept"} <= set(audit_actions(judge))


def test_assistants_can_be_switched_off(fx, case_id, tmp_path):
    settings = settings_for(tmp_path / "off", ASSISTDRAFTING=False, ASSISTREVIEW=False)
    ctx = auth.login(fx.data_dir, "clerk", CLERK_PASSWORD, settings)
    try:
        service = DraftingService(ctx)
        draft = service.create_draft(case_id, "民事判决书_普通程序", OPTIONS)
        assert draft.machine_paragraphs == []
        assert "【待补充】" in service.paragraphs(draft.id)
        with pytest.raises(AssistantOff):
            service.review(draft.id)
    finally:
        ctx.store.close()


def test_it_staff_and_other_users_cannot_reach_drafts(fx, case_id, clerk):
    draft = DraftingService(clerk).create_draft(case_id, "传票", OPTIONS)
    it = fx.it()
    try:
        with pytest.raises(PermissionDenied):
            DraftingService(it).list_drafts(case_id)
        with pytest.raises(PermissionDenied):
            DraftingService(it).draft_bytes(draft.id)
    finally:
        it.store.close()
    with pytest.raises(NotFoundError):
        DraftingService(clerk).list_drafts(case_id + 999)


def test_case_record_from_the_store(fx, case_id, judge):
    record = DraftingService(judge).case_record(case_id, OPTIONS)
    assert record.court == "北京市朝阳区人民法院" and record.procedure == "普通程序"
    assert [p.name for p in record.parties] == ["张晓明", "北京华信商贸有限公司"]
    assert record.parties[1].kind == "organisation" and record.parties[1].representative == "赵强"
    assert record.claims == ["判令被告归还借款50000元及利息"]
    assert record.judges[0].role == "审判长" and record.judges[0].name == "王法官"
