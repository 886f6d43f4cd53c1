"""The judge decides on machine-drafted paragraphs one by one (real .docx drafts on a real
encrypted store, with source notes from a transcribed hearing): accepted paragraphs lose their
mark and their source note, rejected ones become 【待补充】, each pending output is decided on
its own and the audit names the paragraphs."""
from __future__ import annotations

import io
import json

import docx
import pytest

from app.security.roles import PermissionDenied
from app.services.drafting import DraftingService
from tests.app.services.test_drafting_sources import OPTIONS, TEMPLATE, hearing  # noqa: F401 - fixture

PERSON = "王法官"


def _document(service: DraftingService, draft_id: int):
    return docx.Document(io.BytesIO(service.draft_bytes(draft_id)))


def _marked(paragraph) -> bool:
    return any(r.font.highlight_color is not None for r in paragraph.runs)


def _notes(document, author: str = "文书辅助生成") -> list[str]:
    return [c.text for c in document.comments if c.author == author]


def _outputs(ctx, case_id: int) -> dict[str, str]:
    rows = ctx.store.query("SELECT target, state FROM machine_outputs WHERE case_id = ? AND kind = 'draft_paragraph'",
                           (case_id,))
    return {r["target"]: r["state"] for r in rows}


def _audit(ctx, action: str) -> list[dict]:
    rows = ctx.store.query("SELECT detail FROM audit_log WHERE action = ? ORDER BY id", (action,))
    return [json.loads(r["detail"]) for r in rows]


@pytest.fixture
def draft(clerk, case_id, hearing):  # noqa: F811 - the imported fixture
    """A 普通程序 judgment drafted by the clerk from the case record and the transcript."""
    return DraftingService(clerk).create_draft(case_id, TEMPLATE, OPTIONS)


def test_machine_paragraphs_list_number_text_and_source(judge, draft):
    listed = DraftingService(judge).machine_paragraphs(draft.id)
    assert [m.index for m in listed] == draft.machine_paragraphs
    statement = next(m for m in listed if m.text.startswith("原告张晓明当庭陈述"))
    assert any("庭审笔录《第一次开庭》" in n for n in statement.notes)
    assert "庭审笔录《第一次开庭》" in statement.reason and statement.output_id is not None
    assert all(m.output_id is not None for m in listed)


def test_accepting_a_subset_keeps_the_other_paragraphs_for_the_judge(judge, case_id, draft):
    service = DraftingService(judge)
    machine = draft.machine_paragraphs
    notes_before = len(_notes(_document(service, draft.id)))
    noted = [m.index for m in service.machine_paragraphs(draft.id) if m.notes]
    chosen = [noted[0], machine[0]] if machine[0] not in noted else [noted[0]]
    accepted = service.accept_machine_text(draft.id, chosen)
    assert accepted.version == 2 and accepted.source == "accepted"
    assert accepted.machine_paragraphs == [i for i in machine if i not in chosen]
    document = _document(service, accepted.id)
    assert [i for i, p in enumerate(document.paragraphs) if _marked(p)] == accepted.machine_paragraphs
    assert service.paragraphs(accepted.id) == service.paragraphs(draft.id)  # text unchanged
    # Only the accepted paragraph's source note went; the others keep theirs.
    assert len(_notes(document)) == notes_before - 1
    remaining = service.machine_paragraphs(accepted.id)
    assert [m.index for m in remaining] == accepted.machine_paragraphs
    assert all(m.notes for m in remaining if m.index in noted)
    states = _outputs(judge, case_id)
    assert {t for t, s in states.items() if s == "accepted"} == {f"draft:{draft.id}:p{i}" for i in chosen}
    assert sum(s == "suggested" for s in states.values()) == len(machine) - len(chosen)
    [entry] = _audit(judge, "draft.accept_machine")
    assert entry["paragraphs"] == sorted(chosen) and entry["draft"] == accepted.id
    assert len(entry["outputs"]) == len(chosen)
    assert len(_audit(judge, "output.accept")) == len(chosen)
    # A second decision on the new version finds the outputs recorded on the first one.
    last = service.accept_machine_text(accepted.id, [remaining[-1].index])
    assert last.version == 3 and remaining[-1].index not in last.machine_paragraphs
    assert _outputs(judge, case_id)[f"draft:{draft.id}:p{remaining[-1].index}"] == "accepted"


def test_rejected_paragraph_becomes_the_to_complete_marker(judge, case_id, draft):
    service = DraftingService(judge)
    target = next(m for m in service.machine_paragraphs(draft.id) if m.text.startswith("被告北京华信商贸有限公司当庭陈述"))
    before = service.paragraphs(draft.id)
    notes_before = len(_notes(_document(service, draft.id)))
    rejected = service.reject_machine_text(draft.id, [target.index])
    assert rejected.source == "rejected" and target.index not in rejected.machine_paragraphs
    texts = service.paragraphs(rejected.id)
    # Same number of paragraphs: the others keep their numbers; the judge writes this one.
    assert len(texts) == len(before) and texts[target.index] == "【待补充】"
    assert [t for i, t in enumerate(texts) if i != target.index] == [t for i, t in enumerate(before) if i != target.index]
    document = _document(service, rejected.id)
    assert not _marked(document.paragraphs[target.index])
    assert len(_notes(document)) == notes_before - len(target.notes)
    assert _outputs(judge, case_id)[f"draft:{draft.id}:p{target.index}"] == "rejected"
    assert sum(s == "suggested" for s in _outputs(judge, case_id).values()) == len(draft.machine_paragraphs) - 1
    [entry] = _audit(judge, "draft.reject_machine")
    assert entry["paragraphs"] == [target.index] and entry["outputs"] == [target.output_id]
    assert len(_audit(judge, "output.reject")) == 1


def test_template_text_around_machine_text_stays_when_rejected(judge, draft):
    service = DraftingService(judge)
    # The fee sentence follows template text in the same paragraph (a leading literal run).
    fee = next(m for m in service.machine_paragraphs(draft.id) if m.text.startswith("案件受理费"))
    rejected = service.reject_machine_text(draft.id, [fee.index])
    assert service.paragraphs(rejected.id)[fee.index].endswith("【待补充】")


def test_people_comments_stay_and_an_imported_version_finds_its_outputs(judge, case_id, draft, tmp_path):
    service = DraftingService(judge)
    exported = service.export_draft(draft.id, tmp_path / "draft.docx")
    document = docx.Document(str(exported))
    target = next(i for i in draft.machine_paragraphs if document.paragraphs[i].text.startswith("原告张晓明当庭陈述"))
    document.add_comment(document.paragraphs[target].runs, text="核对录音", author=PERSON, initials="王")
    document.add_paragraph("法官在Word中加的一段。")
    document.paragraphs[0].insert_paragraph_before("")  # every paragraph number moves by one
    document.save(str(tmp_path / "edited.docx"))
    imported = service.import_version(draft.id, tmp_path / "edited.docx")
    moved = target + 1
    assert moved in imported.machine_paragraphs
    accepted = service.accept_machine_text(imported.id, [moved])
    result = _document(service, accepted.id)
    assert not _marked(result.paragraphs[moved])
    assert _notes(result, PERSON) == ["核对录音"]
    # The output recorded on version 1 under the old number is found by its text.
    assert _outputs(judge, case_id)[f"draft:{draft.id}:p{target}"] == "accepted"
    assert sum(s == "accepted" for s in _outputs(judge, case_id).values()) == 1


def test_only_a_judge_decides_and_only_on_machine_paragraphs(clerk, judge, draft):
    machine = draft.machine_paragraphs
    with pytest.raises(PermissionDenied):
        DraftingService(clerk).accept_machine_text(draft.id, machine[:1])
    with pytest.raises(PermissionDenied):
        DraftingService(clerk).reject_machine_text(draft.id, machine[:1])
    service = DraftingService(judge)
    with pytest.raises(ValueError, match="第0段不是待确认的机器起草内容"):
        service.accept_machine_text(draft.id, [0])
    with pytest.raises(ValueError):
        service.reject_machine_text(draft.id, [])
    assert len(service.list_drafts(draft.case_id)) == 1  # nothing stored


def test_signing_waits_until_every_machine_paragraph_was_decided(judge, case_id, draft):
    service = DraftingService(judge)
    partial = service.accept_machine_text(draft.id, draft.machine_paragraphs[:1])
    assert partial.machine_paragraphs
    with pytest.raises(ValueError, match="机器起草内容未确认"):
        service.sign(partial.id)
    assert service.get_draft(partial.id).status != "已签发"
    rest = partial.machine_paragraphs
    decided = service.reject_machine_text(partial.id, rest[:1])
    if decided.machine_paragraphs:
        decided = service.accept_machine_text(decided.id, decided.machine_paragraphs)
    signed = service.sign(decided.id)
    assert signed.status == "已签发" and signed.machine_paragraphs == []
    with pytest.raises(ValueError, match="已签发"):
        service.sign(decided.id)

def test_a_failed_decision_stores_no_new_version(judge, case_id, draft, monkeypatch):
    from app.services.machine_outputs import MachineOutputService

    service = DraftingService(judge)

    def broken(self, output_id, state, changed_value=None):
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(MachineOutputService, "decide", broken)
    for call in (lambda: service.accept_machine_text(draft.id, draft.machine_paragraphs[:1]),
                 lambda: service.accept_machine_text(draft.id)):
        with pytest.raises(RuntimeError):
            call()
    assert [d.version for d in service.list_drafts(draft.case_id)] == [1]  # nothing half-saved
    actions = [r["action"] for r in judge.store.query("SELECT action FROM audit_log")]
    assert "draft.accept_machine" not in actions
