"""Drafts draw on the dossier's extracted claims and the hearing transcript (real services on a
real encrypted store): the machine text is highlighted, its source is a Word comment and the
machine output's reason, and a person's decision on the claims is respected."""
from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from app.services import auth
from app.services.cataloguing import CataloguingService
from app.services.drafting import DraftingService, DraftOptions
from app.services.machine_outputs import MachineOutputService
from app.services.transcription import TranscriptionService
from engines.transcription.results import Segment
from tests.helpers.stores import (
    CLERK_PASSWORD,
    settings_for,
)
from tests.helpers.transcription import MULTI_CLIP, clip_reference

EXCERPT = Path(__file__).resolve().parents[2] / "data" / "cataloguing" / "dev02_excerpt.pdf"
TEMPLATE = "民事判决书_普通程序"
OPTIONS = DraftOptions(fee=Decimal(1050), fee_borne_by="被告北京华信商贸有限公司",
                       appeal_court="北京市第三中级人民法院")
RECORD_CLAIM = "判令被告归还借款50000元及利息"
DOSSIER_CLAIM = "被告赔偿原告房屋墙面开裂、卫生间防水渗漏的维修费用42,800元"

# A hearing as the recogniser would have cut it (speaker by seat); no model is run.
SEGMENTS = [
    ("审判长", "现在开庭。先由原告陈述诉讼请求及事实和理由。"),
    ("原告代理人", "请求判令被告归还借款五万元及利息。二〇二三年一月原告向被告出借五万元，被告至今未还。"),
    ("原告", "不申请回避。"),
    ("审判长", "被告答辩。"),
    ("被告", "借款属实，但原告主张的利息过高，请求分期归还。"),
    ("原告", "被告曾于二〇二三年六月承诺年底前还清，有微信聊天记录为证。"),
    ("被告代理人", "对聊天记录的真实性无议义，但被告公司经营困难，无力一次付清。"),
    ("被告", "是的。"),
]
EDITED = "对聊天记录的真实性无异议，但被告公司经营困难，无力一次性付清。"


class _Replay:
    """Stands in for the Whisper child process: hands the service our segments."""

    def __init__(self, *args, **kwargs):
        pass

    def run(self, progress, cancel, on_segment):
        from engines.transcription.results import Transcript

        segments = [Segment(float(i), i + 0.9, who, text, 0.9, machine_text=text)
                    for i, (who, text) in enumerate(SEGMENTS)]
        for segment in segments:
            on_segment(segment)
        progress(1.0, "完成")
        return Transcript(float(len(segments)), "whisper-base", segments)


@pytest.fixture
def hearing(clerk, case_id, monkeypatch):
    """A transcribed hearing of the case; the clerk corrected one utterance."""
    monkeypatch.setattr("engines.transcription.child.ChildTranscription", _Replay)
    service = TranscriptionService(clerk)
    hearing_id = service.add_recording(case_id, MULTI_CLIP, clip_reference()["channels"], title="第一次开庭")
    assert service.transcribe(hearing_id) == len(SEGMENTS)
    wrong = next(s for s in service.segments(hearing_id) if s.text.startswith("对聊天记录"))
    service.edit_segment(wrong.id, text=EDITED)
    return hearing_id


def _document(service: DraftingService, draft_id: int):
    return docx.Document(io.BytesIO(service.draft_bytes(draft_id)))


def _highlighted(paragraph) -> bool:
    return bool(paragraph.runs) and all(r.font.highlight_color is not None for r in paragraph.runs if r.text)


def _paragraph(document, needle: str):
    found = [p for p in document.paragraphs if needle in p.text]
    assert found, f"{needle!r} not in the draft"
    return found[0]


def _index(document, needle: str) -> int:
    return next(i for i, p in enumerate(document.paragraphs) if needle in p.text)


def _comments(document) -> list[str]:
    return [c.text for c in document.comments]


def test_dossier_claims_are_machine_text_with_their_page(clerk, case_id):
    CataloguingService(clerk).import_files(case_id, [EXCERPT], allow_foreign=True)
    service = DraftingService(clerk)
    record = service.case_record(case_id, OPTIONS)
    assert record.claims[0] == DOSSIER_CLAIM and record.claims_source == "卷宗第2页（起诉状）"
    draft = service.create_draft(case_id, TEMPLATE, OPTIONS)
    document = _document(service, draft.id)
    claims = _paragraph(document, "向本院提出诉讼请求：1." + DOSSIER_CLAIM + "；2.被告支付逾期竣工违约金9,000元")
    assert _highlighted(claims)
    assert RECORD_CLAIM not in "\n".join(p.text for p in document.paragraphs)
    assert _index(document, DOSSIER_CLAIM) in draft.machine_paragraphs
    assert any("卷宗第2页（起诉状）" in c for c in _comments(document))
    reasons = [o.reason for o in clerk.outputs.pending(case_id, "draft_paragraph")]
    assert any("卷宗第2页（起诉状）" in r for r in reasons)
    audit = clerk.store.query("SELECT detail FROM audit_log WHERE action = 'draft.create'")[0]["detail"]
    assert "卷宗第2页" in audit


def test_claims_the_clerk_decided_on_come_from_the_case_record(clerk, case_id):
    catalogue = CataloguingService(clerk)
    catalogue.import_files(case_id, [EXCERPT], allow_foreign=True)
    outputs = MachineOutputService(clerk)
    claims = next(o for o in outputs.pending(case_id, "case_field") if o.target == "claims")
    outputs.decide(claims.id, "rejected")
    service = DraftingService(clerk)
    record = service.case_record(case_id, OPTIONS)
    assert record.claims == [RECORD_CLAIM] and record.claims_source == ""
    texts = service.paragraphs(service.create_draft(case_id, TEMPLATE, OPTIONS).id)
    assert any(f"诉讼请求：1.{RECORD_CLAIM}。" in t for t in texts)
    assert not any(DOSSIER_CLAIM in t for t in texts)


def test_accepted_claims_are_the_case_records_and_not_marked_again(clerk, case_id):
    catalogue = CataloguingService(clerk)
    catalogue.import_files(case_id, [EXCERPT], allow_foreign=True)
    claims = next(o for o in catalogue.case_suggestions(case_id) if o.target == "claims")
    catalogue.apply_case_field(claims.id)
    record = DraftingService(clerk).case_record(case_id, OPTIONS)
    assert record.claims[0] == DOSSIER_CLAIM and record.claims_source == ""


def test_dossier_without_a_recorded_extraction_is_read_directly(clerk, case_id):
    CataloguingService(clerk).import_files(case_id, [EXCERPT], allow_foreign=True)
    with clerk.store.write() as db:  # as if the dossier came by exchange: pages, no suggestions
        db.execute("DELETE FROM machine_outputs WHERE kind = 'case_field'")
    record = DraftingService(clerk).case_record(case_id, OPTIONS)
    assert record.claims[0] == DOSSIER_CLAIM and record.claims_source == "卷宗第2页（起诉状）"


def test_hearing_statements_come_from_the_edited_transcript(fx, clerk, case_id, hearing):
    service = DraftingService(clerk)
    draft = service.create_draft(case_id, TEMPLATE, OPTIONS)
    document = _document(service, draft.id)
    texts = [p.text for p in document.paragraphs]
    plaintiff = _paragraph(document, "原告张晓明当庭陈述：被告曾于二〇二三年六月承诺年底前还清，有微信聊天记录为证。")
    defendant = _paragraph(document, "被告北京华信商贸有限公司当庭陈述：" + EDITED)
    assert _highlighted(plaintiff) and _highlighted(defendant)
    assert {_index(document, "原告张晓明当庭陈述"), _index(document, "被告北京华信商贸有限公司当庭陈述")} <= set(
        draft.machine_paragraphs)
    # Without complaint/defence text, the first main utterance of each side stands in for it.
    assert any(t.startswith("原告张晓明向本院提出诉讼请求：1.判令被告归还借款50000元及利息。事实与理由：请求判令被告归还借款五万元")
               for t in texts)
    assert _highlighted(_paragraph(document, "被告北京华信商贸有限公司辩称：借款属实，但原告主张的利息过高，请求分期归还。"))
    joined = "\n".join(texts)
    assert "无议义" not in joined  # the clerk's correction, not the machine's words
    assert "不申请回避" not in joined and "是的" not in joined and "现在开庭" not in joined
    assert joined.index("被告曾于二〇二三年六月") < joined.index(EDITED)
    assert any("庭审笔录《第一次开庭》" in c for c in _comments(document))
    reasons = [o.reason for o in clerk.outputs.pending(case_id, "draft_paragraph")]
    assert any("庭审笔录《第一次开庭》" in r for r in reasons)
    # The judge accepts: marks go, the statements stay.
    judge = fx.judge()
    try:
        accepted = DraftingService(judge).accept_machine_text(draft.id)
        assert accepted.machine_paragraphs == []
        assert EDITED in "\n".join(DraftingService(judge).paragraphs(accepted.id))
        assert _comments(_document(DraftingService(judge), accepted.id)) == []  # source notes go with the marks
    finally:
        judge.store.close()


def test_written_defence_keeps_every_utterance_as_hearing_statement(clerk, case_id, hearing):
    options = DraftOptions(fee=Decimal(1050), statements={"北京华信商贸有限公司": "借款属实，请求分期归还。"})
    record = DraftingService(clerk).case_record(case_id, options)
    defendant = next(p for p in record.parties if p.role == "被告")
    assert defendant.statement == "借款属实，请求分期归还。"
    assert defendant.hearing_statement == "借款属实，但原告主张的利息过高，请求分期归还。" + EDITED


def test_both_sources_together_and_the_review_stays_clean(clerk, case_id, hearing):
    CataloguingService(clerk).import_files(case_id, [EXCERPT], allow_foreign=True)
    service = DraftingService(clerk)
    draft = service.create_draft(case_id, TEMPLATE, OPTIONS)
    texts = service.paragraphs(draft.id)
    assert any(DOSSIER_CLAIM in t for t in texts) and any(EDITED in t for t in texts)
    result = service.review(draft.id)
    assert not [f for f in result.findings if f.severity == "error"], [f.message for f in result.findings]


def test_complaint_reasons_come_from_the_dossier_before_the_transcript(clerk, case_id, hearing):
    CataloguingService(clerk).import_files(case_id, [EXCERPT], allow_foreign=True)
    service = DraftingService(clerk)
    record = service.case_record(case_id, OPTIONS)
    plaintiff = next(p for p in record.parties if p.role == "原告")
    assert plaintiff.statement.startswith("2022年10月8日，原告就其所有的枫林家园9栋702室房屋与被告签订")
    assert "此致" not in plaintiff.statement and "起诉人" not in plaintiff.statement
    # The transcript's plaintiff utterances are then all 当庭陈述.
    assert plaintiff.hearing_statement.startswith("请求判令被告归还借款五万元及利息。")
    document = _document(service, service.create_draft(case_id, TEMPLATE, OPTIONS).id)
    assert _highlighted(_paragraph(document, "事实与理由：2022年10月8日"))
    assert "事实与理由为机器从卷宗第2页（起诉状）摘录" in _comments(document)


def test_without_dossier_or_transcript_nothing_changes(clerk, case_id):
    service = DraftingService(clerk)
    sources = service.draft_sources(case_id)
    assert sources.claims == [] and sources.sides == {} and sources.notes == []
    record = service.case_record(case_id, OPTIONS)
    assert record.claims == [RECORD_CLAIM] and record.claims_source == ""
    assert all(not p.hearing_statement and not p.statement for p in record.parties)
    document = _document(service, service.create_draft(case_id, TEMPLATE, OPTIONS).id)
    assert _comments(document) == []
    assert not any("当庭陈述" in p.text for p in document.paragraphs)


def test_assistant_off_uses_neither_source(fx, clerk, case_id, hearing, tmp_path):
    CataloguingService(clerk).import_files(case_id, [EXCERPT], allow_foreign=True)
    ctx = auth.login(fx.data_dir, "clerk", CLERK_PASSWORD, settings_for(tmp_path / "off", ASSISTDRAFTING=False))
    try:
        record = DraftingService(ctx).case_record(case_id, OPTIONS)
        assert record.claims == [RECORD_CLAIM] and record.claims_source == ""
        assert all(not p.hearing_statement for p in record.parties)
    finally:
        ctx.store.close()
