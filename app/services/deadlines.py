"""审限 (trial time limit) arithmetic: 普通程序 6 months, 简易程序 3 months from 立案.

The limit runs from the day after filing, so the last day is the same calendar day N months
later minus one (filed 2024-03-05, 普通 -> last day 2024-09-04).  Approved extensions add days.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

from app.messages import Message

PROCEDURE_MONTHS = {"普通": 6, "简易": 3}


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end (Aug 31 + 6 -> Feb 28/29)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def deadline_for(filing_date: date, procedure: str, extension_days: int = 0) -> date:
    """Last day of the trial time limit."""
    if procedure not in PROCEDURE_MONTHS:
        raise ValueError(Message("case.unknown_procedure", procedure=procedure))
    return add_months(filing_date, PROCEDURE_MONTHS[procedure]) - timedelta(days=1) + timedelta(days=extension_days)


def remaining_days(deadline: date, today: date | None = None) -> int:
    """Days left until the deadline (0 on the last day, negative when overdue)."""
    return (deadline - (today or date.today())).days


def urgency(remaining: int, warning_days: int) -> str:
    """'overdue', 'warning' (within ``warning_days``) or 'ok' — the UI maps this to colours."""
    if remaining < 0:
        return "overdue"
    if remaining <= warning_days:
        return "warning"
    return "ok"
