"""Roles on case assignment: judges judge, clerks record, and only the rule decides who reassigns."""
from __future__ import annotations

from dataclasses import replace

import pytest

from app.security.keys import FAST_TEST_PARAMS
from app.security.roles import PermissionDenied
from app.services.assignment import AssignmentError
from app.services.cases import CaseService
from tests.helpers.stores import sample_case, user_id


@pytest.fixture
def more_users(fx):
    ctx = fx.it()
    users = ctx.users
    users.kdf_params = FAST_TEST_PARAMS
    users.create_user("judge2", "另一法官", "审判员", "Judge-two-22")
    users.create_user("clerk2", "另一书记员", "书记员", "Clerk-two-22")
    ids = {name: user_id(ctx, name) for name in ("judge", "clerk", "judge2", "clerk2")}
    ctx.store.close()
    return ids


def test_only_a_judge_can_be_the_judge_and_only_a_clerk_the_clerk(fx, more_users):
    ctx = fx.clerk()
    service = CaseService(ctx)
    with pytest.raises(AssignmentError, match="只有审判员"):
        service.create_case(sample_case(more_users["clerk2"], more_users["clerk"]))
    with pytest.raises(AssignmentError, match="只有书记员"):
        service.create_case(sample_case(more_users["judge"], more_users["judge2"]))
    assert service.list_cases() == []
    ctx.store.close()


def test_a_clerk_cannot_change_the_judge_but_may_change_the_clerk(fx, case_id, more_users):
    ctx = fx.clerk()
    service = CaseService(ctx)
    case = service.get_case(case_id)
    with pytest.raises(PermissionDenied, match="书记员无权更换案件的承办法官"):
        service.update_case(case_id, sample_case(more_users["judge2"], case.clerk_id), case.version)
    with pytest.raises(AssignmentError):
        service.update_case(case_id, sample_case(more_users["clerk2"], case.clerk_id), case.version)
    assert service.get_case(case_id).judge_id == more_users["judge"]
    service.update_case(case_id, sample_case(case.judge_id, more_users["clerk2"]), case.version)
    ctx.store.close()


def test_the_judge_reassigns_and_the_audit_entry_records_from_and_to(fx, case_id, more_users):
    ctx = fx.judge()
    service = CaseService(ctx)
    case = service.get_case(case_id)
    service.update_case(case_id, replace(sample_case(more_users["judge2"], case.clerk_id), cause="民间借贷纠纷（变更）"),
                        case.version)
    ctx.store.close()
    new_judge = fx.login("judge2", "Judge-two-22")  # now on the case; IT would not see case fields
    (entry,) = [e for e in new_judge.audit_log.entries(target=f"case:{case_id}") if e.action == "case.update"]
    new_judge.store.close()
    assert entry.detail["assignment"] == {"judge_id": {"from": "judge", "to": "judge2"}}
    assert entry.detail["changed_from"] == {"cause": "民间借贷纠纷"}
    assert entry.detail["changed_to"] == {"cause": "民间借贷纠纷（变更）"}
