"""Who may be a case's judge or clerk, and who may change that: one rule, used by the case service.

- Only an active user whose role is 审判员 can be a case's judge; only an active 书记员 its clerk.
- When a case is filed, whoever may create cases names both (the clerk filing a case names the
  judge it was assigned to).
- Afterwards, only a judge may change who the judge is; a judge or a clerk may change the clerk.
  IT has no case rights at all.
The audit entry of an assignment change records both sides (from and to, as user names).
"""
from __future__ import annotations

from app.messages import Message, Term
from app.security.roles import PermissionDenied, Role
from app.store.errors import StoreError


class AssignmentError(StoreError):
    """The named user cannot hold that duty on a case (message in the UI's language)."""


DUTY_ROLE = {"judge_id": Role.JUDGE, "clerk_id": Role.CLERK}
DUTY_LABEL = {"judge_id": "承办法官", "clerk_id": "书记员"}
# Who may change each duty on an existing case.
MAY_REASSIGN = {"judge_id": frozenset({Role.JUDGE}), "clerk_id": frozenset({Role.JUDGE, Role.CLERK})}


def _user(db, user_id: int) -> tuple[str, str, int] | None:
    row = db.execute("SELECT username, role, active FROM users WHERE id = ?", (user_id,)).fetchone()
    return (row[0], row[1], row[2]) if row else None


def check_assignment(db, actor_role: Role, before: dict | None, after: dict) -> dict:
    """Check ``after`` ({'judge_id', 'clerk_id'}) against the rule; returns the changes.

    ``before`` is None for a new case.  The result maps each changed duty to
    ``{"from": username-or-None, "to": username-or-None}`` for the audit entry.
    """
    changes: dict[str, dict] = {}
    for duty, role in DUTY_ROLE.items():
        new_id = after.get(duty)
        old_id = before.get(duty) if before else None
        if new_id:
            user = _user(db, new_id)
            if user is None or not user[2]:
                raise AssignmentError(Message("assign.inactive", duty=Term(DUTY_LABEL[duty])))
            if user[1] != role.value:
                raise AssignmentError(Message("assign.wrong_role", role=Term(role.value), duty=Term(DUTY_LABEL[duty]),
                                              user=user[0], user_role=Term(user[1])))
        if before is not None and (old_id or None) != (new_id or None):
            if Role(actor_role) not in MAY_REASSIGN[duty]:
                raise PermissionDenied(Message("assign.not_allowed", actor=Term(Role(actor_role).value),
                                               duty=Term(DUTY_LABEL[duty])))
            changes[duty] = {"from": _user(db, old_id)[0] if old_id and _user(db, old_id) else None,
                             "to": _user(db, new_id)[0] if new_id else None}
    return changes
