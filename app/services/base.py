"""What the services of case content share: one access check, the assistant switch, the
court of a case.

Every public method of a service that takes a case (or a hearing, segment, draft or
suggestion of one) checks access through :meth:`CaseBoundService.require_case` (directly or
through a private helper that does); tests/app/services/test_access_checks.py scans the
services and fails on a method that skips it.
"""
from __future__ import annotations

from typing import Callable, TypeVar

from app.messages import Message
from app.security.roles import Permission
from app.services.session import AppContext
from app.store.errors import NotFoundError

#: The one answer for "no such case" and "not your case": a user learns nothing about cases
#: that are not theirs.
NOT_ON_CASE = "案件不存在，或您不是该案的承办人员"


F = TypeVar("F", bound=Callable)


def checked_by_caller(method: F) -> F:
    """Mark a public method that takes a case but checks no access itself, because it only
    runs inside a caller's write transaction after that caller checked (the access-check
    scan accepts it; say why at the method)."""
    method.__checked_by_caller__ = True
    return method


class AssistantOff(RuntimeError):
    """An assistant (speech recognition, cataloguing, drafting, review) was switched off in
    the settings; the message (Chinese) says which and what to do by hand instead."""


def require_case(ctx: AppContext, case_id: int, permission: Permission | None = None) -> None:
    """Raise PermissionDenied unless the role grants ``permission`` (when given), then
    NotFoundError unless the session user is a member of case ``case_id``."""
    if permission is not None:
        ctx.session.require(permission)
    if not ctx.store.query("SELECT 1 FROM case_members WHERE case_id = ? AND user_id = ?",
                           (case_id, ctx.session.user_id)):
        raise NotFoundError(Message("case.not_on_case"))


def case_court(ctx: AppContext, case_id: int) -> dict:
    """The court of the case, else the store's first court (one court per store), as
    ``{"name", "appeal_court"}``; empty strings when the store has no court at all."""
    rows = ctx.store.query(
        "SELECT name, appeal_court FROM courts WHERE id = coalesce((SELECT court_id FROM cases WHERE id = ?),"
        " (SELECT min(id) FROM courts))", (case_id,))
    return {"name": rows[0]["name"] or "", "appeal_court": rows[0]["appeal_court"] or ""} if rows else \
        {"name": "", "appeal_court": ""}


class CaseBoundService:
    """Base of the services that read or change a case's content."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def require_case(self, case_id: int, permission: Permission | None = None) -> None:
        """See :func:`require_case`: the role's ``permission``, then membership of the case."""
        require_case(self.ctx, case_id, permission)
