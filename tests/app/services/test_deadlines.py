"""审限 arithmetic (app/services/deadlines.py): months from 立案, month ends, approved
extensions, and how a suspended (中止) or closed case shows in the case list."""
from __future__ import annotations

from datetime import date

import pytest

from app.services.cases import CaseService
from app.services.deadlines import add_months, deadline_for, remaining_days, urgency
from tests.helpers.stores import sample_case, user_id


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2024, 3, 5), 6, date(2024, 9, 5)),
    (date(2024, 11, 15), 3, date(2025, 2, 15)),  # across the year end
    (date(2023, 8, 31), 6, date(2024, 2, 29)),  # clamped to the end of a leap February
    (date(2022, 8, 31), 6, date(2023, 2, 28)),  # ... and of a common one
    (date(2024, 1, 31), 3, date(2024, 4, 30)),  # a 30-day month
    (date(2024, 12, 31), 12, date(2025, 12, 31)),
])
def test_add_months_keeps_the_day_or_takes_the_month_end(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(("filed", "procedure", "last_day"), [
    (date(2024, 3, 5), "普通", date(2024, 9, 4)),  # the docstring's example: 6 months less a day
    (date(2024, 3, 5), "简易", date(2024, 6, 4)),  # 3 months
    (date(2023, 8, 31), "普通", date(2024, 2, 28)),  # month end: Feb 29 less a day
    (date(2022, 8, 31), "普通", date(2023, 2, 27)),
    (date(2024, 11, 30), "简易", date(2025, 2, 27)),  # Feb 28 less a day, across the year
    (date(2024, 3, 1), "普通", date(2024, 8, 31)),  # ends on a month's last day
])
def test_deadline_by_procedure_and_month_end(filed, procedure, last_day):
    assert deadline_for(filed, procedure) == last_day


def test_approved_extension_days_move_the_last_day_across_month_and_year_ends():
    assert deadline_for(date(2024, 3, 5), "普通", 30) == date(2024, 10, 4)
    assert deadline_for(date(2024, 6, 30), "普通", 3) == date(2025, 1, 1)
    assert deadline_for(date(2023, 8, 31), "简易", 1) == date(2023, 11, 30)
    assert deadline_for(date(2024, 3, 5), "普通", 0) == deadline_for(date(2024, 3, 5), "普通")


def test_an_unknown_procedure_is_refused_in_chinese():
    with pytest.raises(ValueError, match="未知的审理程序"):
        deadline_for(date(2024, 3, 5), "特别")


def test_remaining_days_and_urgency_at_their_edges():
    last = date(2024, 9, 4)
    assert remaining_days(last, date(2024, 9, 4)) == 0  # the last day itself
    assert remaining_days(last, date(2024, 9, 5)) == -1
    assert remaining_days(last, date(2024, 8, 5)) == 30
    assert urgency(-1, 15) == "overdue"
    assert urgency(0, 15) == "warning"
    assert urgency(15, 15) == "warning"
    assert urgency(16, 15) == "ok"


def test_case_list_counts_a_suspended_case_on_and_shows_a_closed_case_as_ok(fx):
    """The code has no suspension arithmetic: a 中止 case keeps its deadline and is flagged like
    any open case (a suspension is entered as approved extension days); 已结案/已归档 are ok."""
    ctx = fx.clerk()
    try:
        cases = CaseService(ctx)
        judge, clerk = user_id(ctx, "judge"), user_id(ctx, "clerk")
        filed = date(2024, 3, 5)
        for n, status in enumerate(("中止", "已结案", "审理中"), 1):
            data = sample_case(judge, clerk, number=f"(2024)京0105民初{100 + n}号", filing=filed)
            data.status = status
            data.extension_days = 10 if status == "中止" else 0
            cases.create_case(data)
        rows = {c.status: c for c in cases.list_cases(today=date(2024, 9, 10))}
        assert rows["中止"].deadline == "2024-09-14" and rows["中止"].remaining_days == 4
        assert rows["中止"].urgency == "warning"
        assert rows["审理中"].deadline == "2024-09-04" and rows["审理中"].urgency == "overdue"
        assert rows["已结案"].urgency == "ok" and rows["已结案"].remaining_days == -6
    finally:
        ctx.store.close()
