"""Case service: validation, visibility, search, roles, optimistic locking, audit."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.security.roles import PermissionDenied
from app.services.cases import CaseService, Party, ValidationError
from app.store.errors import ConflictError, DiskFullError, NotFoundError
from tests.helpers.stores import sample_case, user_id


def test_created_case_is_normalised_and_derived(fx, case_id):
    ctx = fx.judge()
    case = CaseService(ctx).get_case(case_id)
    ctx.store.close()
    assert case.case_number == "（2024）京0105民初12345号"
    assert case.case_type == "民事一审"
    assert case.deadline == "2024-09-04"
    assert [p.name for p in case.party_list] == ["张晓明", "北京华信商贸有限公司"]


@pytest.mark.parametrize("number,message", [("（2024）京0105民初12345", "号"), ("2024京0105民初1号", "年度"),
                                            ("（2024）京0105民审1号", "民审")])
def test_invalid_case_number_is_refused_with_reason(fx, number, message):
    ctx = fx.clerk()
    with pytest.raises(ValidationError) as info:
        CaseService(ctx).create_case(sample_case(number=number))
    ctx.store.close()
    assert info.value.field == "case_number" and message in str(info.value)


def test_filing_year_must_match_case_number(fx):
    ctx = fx.clerk()
    with pytest.raises(ValidationError) as info:
        CaseService(ctx).create_case(sample_case(filing=date(2023, 12, 30)))
    ctx.store.close()
    assert info.value.field == "filing_date"


def test_duplicate_case_number_is_refused(fx, case_id):
    ctx = fx.clerk()
    with pytest.raises(ValidationError):
        CaseService(ctx).create_case(sample_case(number="（2024）京0105民初12345号"))
    ctx.store.close()


def test_search_finds_chinese_words_parts_and_names(fx, case_id):
    ctx = fx.judge()
    service = CaseService(ctx)
    for query in ("借贷", "民间借贷纠纷", "张晓明", "华信", "晓明", "12345", "刘律师"):
        assert [c.id for c in service.list_cases(query)] == [case_id], query
    assert service.list_cases("离婚") == []
    ctx.store.close()


def test_filters_and_sorting(fx, case_id):
    ctx = fx.clerk()
    service = CaseService(ctx)
    judge, clerk = user_id(ctx, "judge"), user_id(ctx, "clerk")
    other = service.create_case(sample_case(judge, clerk, number="（2024）京0105民初7号", filing=date(2024, 6, 1),
                                            procedure="简易"))
    # 简易 filed 06-01 ends 08-31; 普通 filed 03-05 ends 09-04.
    assert [c.id for c in service.list_cases(sort="deadline")] == [other, case_id]
    assert [c.id for c in service.list_cases(sort="filing_date", descending=True)] == [other, case_id]
    assert service.list_cases(status="已结案") == []
    soon = service.list_cases(deadline_within=10, today=date(2024, 8, 22))
    assert [(c.id, c.urgency) for c in soon] == [(other, "warning")]
    ctx.store.close()


def test_list_shows_parties_in_their_order_not_insertion_order(fx, case_id):
    ctx = fx.judge()
    with ctx.store.write() as db:  # as after reordering: rows no longer in position order
        db.execute("UPDATE parties SET position = 1 - position WHERE case_id = ?", (case_id,))
    (row,) = CaseService(ctx).list_cases()
    assert row.parties == "被告：北京华信商贸有限公司；原告：张晓明"
    plan = " ".join(str(tuple(r.values())) for r in ctx.store.query(
        "EXPLAIN QUERY PLAN SELECT group_concat(p.role || p.name ORDER BY p.position) FROM parties p"
        " WHERE p.case_id = ?", (case_id,)))
    assert "COVERING INDEX parties_case_list" in plan  # the summary never reads table rows
    ctx.store.close()


def test_cases_are_visible_only_to_assigned_users(fx, tmp_path, case_id):
    ctx = fx.it()
    ctx.users.kdf_params = __import__("app.security.keys", fromlist=["x"]).FAST_TEST_PARAMS
    ctx.users.create_user("judge2", "另一法官", "审判员", "Judge-two-22")
    ctx.store.close()
    other = fx.login("judge2", "Judge-two-22")
    assert CaseService(other).list_cases() == []
    with pytest.raises(NotFoundError):
        CaseService(other).get_case(case_id)
    other.store.close()


def test_it_cannot_read_case_content(fx, case_id):
    ctx = fx.it()
    with pytest.raises(PermissionDenied) as info:
        CaseService(ctx).get_case(case_id)
    assert "管理员无权" in str(info.value)
    with pytest.raises(PermissionDenied):
        CaseService(ctx).list_cases()
    ctx.store.close()


def test_edit_with_stale_version_is_a_conflict(fx, case_id):
    ctx = fx.judge()
    service = CaseService(ctx)
    case = service.get_case(case_id)
    data = sample_case(case.judge_id, case.clerk_id)
    service.update_case(case_id, replace(data, cause="民间借贷纠纷（已变更）"), case.version)
    with pytest.raises(ConflictError):
        service.update_case(case_id, data, case.version)
    assert service.get_case(case_id).cause == "民间借贷纠纷（已变更）"
    ctx.store.close()


def test_every_view_and_change_is_audited(fx, case_id):
    ctx = fx.judge()
    service = CaseService(ctx)
    case = service.get_case(case_id)
    service.update_case(case_id, replace(sample_case(case.judge_id, case.clerk_id),
                                         parties=[Party("原告", "张晓明"), Party("被告", "赵六")]), case.version)
    actions = [e.action for e in ctx.audit_log.entries(target=f"case:{case_id}")]
    ctx.store.close()
    assert actions[:3] == ["case.update", "case.view", "case.create"]


def test_disk_full_while_saving_keeps_the_committed_case(fx, case_id):
    ctx = fx.judge()
    service = CaseService(ctx)
    conn = ctx.store.database.db.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    case = service.get_case(case_id, audit=False)
    big = replace(sample_case(case.judge_id, case.clerk_id), notes="备注" * 200_000)
    with pytest.raises(DiskFullError):
        service.update_case(case_id, big, case.version)
    conn.execute("PRAGMA max_page_count = 1073741823")
    again = service.get_case(case_id)
    assert again.version == case.version and again.notes == ""
    ctx.store.close()


def test_clerk_cannot_sign_a_draft_but_the_judge_can(fx, case_id):
    ctx = fx.clerk()
    with ctx.store.write() as db:
        draft_id = db["drafts"].insert({"case_id": case_id, "template": "民事判决书", "created_at": "2024-09-01"}).last_pk
    with pytest.raises(PermissionDenied) as info:
        ctx.signoff.sign(draft_id)
    assert "书记员无权签发文书" in str(info.value)
    ctx.store.close()
    judge = fx.judge()
    judge.signoff.sign(draft_id)
    row = judge.store.query("SELECT status, signed_by FROM drafts WHERE id = ?", (draft_id,))[0]
    judge.store.close()
    assert row == {"status": "已签发", "signed_by": "judge"}
