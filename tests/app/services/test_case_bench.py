"""Issue 14 item 3: the case's 审判组织 (独任 / 合议庭 with its members) is validated and the
judgment's signature block follows it, not the procedure."""
from __future__ import annotations

from dataclasses import replace

import pytest

from app import messages
from app.services.cases import CaseService, PanelMember, ValidationError, bench_lines, check_bench
from app.services.drafting import DraftingService
from tests.helpers.stores import sample_case, user_id


def test_rules_simple_is_single_ordinary_may_be_either_and_a_panel_is_odd():
    check_bench("普通", "独任", [])
    check_bench("普通", "合议庭", [])  # members not entered yet
    check_bench("普通", "合议庭", [PanelMember("审判员", "甲"), PanelMember("人民陪审员", "乙")])
    for procedure, bench, panel, words in (
            ("简易", "合议庭", [], "独任"),
            ("普通", "独任", [PanelMember("人民陪审员", "乙")], "独任审判不设"),
            ("普通", "合议庭", [PanelMember("审判员", "甲")], "单数"),
            ("普通", "合议庭", [PanelMember("审判长", "甲"), PanelMember("审判长", "乙")], "一名审判长"),
            ("普通", "合议庭", [PanelMember("书记员", "甲"), PanelMember("审判员", "乙")], "职务"),
            ("普通", "陪审", [], "独任审判或合议庭")):
        with pytest.raises(ValidationError) as caught:
            check_bench(procedure, bench, panel)
        assert caught.value.field == "bench" and words in str(caught.value)


def test_signature_lines():
    assert bench_lines("独任", "王法官", []) == [("审判员", "王法官")]
    assert bench_lines("合议庭", "王法官", []) == [("审判长", "王法官"), ("审判员", ""), ("审判员", "")]
    assert bench_lines("合议庭", "王法官", [PanelMember("人民陪审员", "赵"), PanelMember("审判长", "钱")]) == [
        ("审判长", "钱"), ("审判员", "王法官"), ("人民陪审员", "赵")]


def test_bench_is_stored_audited_and_a_simple_case_defaults_to_single(fx, clerk, judge):
    service = CaseService(clerk)
    base = sample_case(user_id(clerk, "judge"), user_id(clerk, "clerk"))
    simple = service.create_case(replace(base, case_number="(2024)京0105民初20003号", procedure="简易"))
    assert service.get_case(simple).bench == "独任"
    ordinary = service.create_case(base)
    case = service.get_case(ordinary)
    assert case.bench == "合议庭" and case.panel == []
    panel = [PanelMember("人民陪审员", "赵陪审"), PanelMember("审判员", "钱法官")]
    service.update_case(ordinary, replace(base, bench="合议庭", panel=panel), case.version)
    assert service.get_case(ordinary).panel == panel
    detail = clerk.store.query("SELECT detail FROM audit_log WHERE action = 'case.update'")[-1]["detail"]
    assert "panel" in detail
    with pytest.raises(ValidationError):
        service.update_case(ordinary, replace(base, procedure="简易", bench="合议庭"), case.version + 1)


def test_the_store_has_the_bench_columns(fx, case_id, clerk):
    columns = {r["name"] for r in clerk.store.query("PRAGMA table_info(cases)")}
    assert {"bench", "panel"} <= columns
    from app.store.migrations import available

    assert (8, "0008_bench") in available()
    applied = {r["version"] for r in clerk.store.query("SELECT version FROM schema_migrations")}
    assert 8 in applied


def _signature(service: DraftingService, case_id: int, template: str) -> list[str]:
    draft = service.create_draft(case_id, template)
    return [p for p in service.paragraphs(draft.id) if p.startswith(("审判长", "审判员", "人民陪审员"))]


def test_a_single_judge_ordinary_case_is_signed_by_the_judge_alone(fx, case_id, judge):
    cases = CaseService(judge)
    case = cases.get_case(case_id)
    drafting = DraftingService(judge)
    assert _signature(drafting, case_id, "民事判决书_普通程序") == [
        "审判长\u3000\u3000王法官", "审判员\u3000\u3000【待补充】", "审判员\u3000\u3000【待补充】"]
    data = sample_case(case.judge_id, case.clerk_id)
    cases.update_case(case_id, replace(data, bench="独任"), case.version)
    assert _signature(drafting, case_id, "民事判决书_普通程序") == ["审判员\u3000\u3000王法官"]
    case = cases.get_case(case_id)
    cases.update_case(case_id, replace(data, bench="合议庭", panel=[PanelMember("审判员", "钱法官"),
                                                                   PanelMember("人民陪审员", "赵陪审")]), case.version)
    assert _signature(drafting, case_id, "民事判决书_普通程序") == [
        "审判长\u3000\u3000王法官", "审判员\u3000\u3000钱法官", "人民陪审员\u3000\u3000赵陪审"]


def test_validation_error_reads_in_english_when_the_ui_is_english():
    messages.set_language("en")
    with pytest.raises(ValidationError) as caught:
        check_bench("简易", "合议庭", [])
    assert str(caught.value).startswith("A simplified-procedure case is heard by a single judge")


def test_review_flags_a_draft_whose_signature_no_longer_fits_the_bench(fx, case_id, judge):
    cases, drafting = CaseService(judge), DraftingService(judge)
    draft = drafting.create_draft(case_id, "民事判决书_普通程序")  # a panel's signature
    assert not [f for f in drafting.review(draft.id).findings if f.rule == "bench_record"]
    case = cases.get_case(case_id)
    cases.update_case(case_id, replace(sample_case(case.judge_id, case.clerk_id), bench="独任"), case.version)
    found = [f for f in drafting.review(draft.id).findings if f.rule == "bench_record"]
    assert len(found) == 1 and "独任审判" in found[0].message
