"""Changing settings from the window: who may change what, and an audit entry for each change.

The security policy (idle lock, lock-out attempts and time, signing over open review errors)
belongs to IT: a judge or clerk who could shorten the lock-out would defeat it. Everything
else is the user's own preference.
"""
from __future__ import annotations

from typing import Any

from app.messages import Message
from app.services.session import AppContext

# Settings only the IT administrator may change (the window shows them read-only to others).
SECURITY_SETTINGS = frozenset({"autolock_minutes", "lockout_attempts", "lockout_minutes", "sign_with_open_errors"})
IT_ROLE = "管理员"


def may_change(ctx: AppContext, name: str) -> bool:
    """Whether the session user may change ``name`` (policy locks are checked by Settings.set)."""
    return name not in SECURITY_SETTINGS or ctx.session.role.value == IT_ROLE


def change_settings(ctx: AppContext, values: dict[str, Any]) -> list[str]:
    """Store the changed values (validated by Settings), audited; the names that changed.

    Raises PermissionError for a security setting changed by anyone but IT.
    """
    refused = [name for name in values if not may_change(ctx, name)]
    if refused:
        raise PermissionError(Message("prefs.it_only"))
    changed = []
    for name, value in values.items():
        if value != ctx.settings.get(name):
            ctx.settings.set(name, value)
            changed.append(name)
    if changed:
        ctx.audit_now("settings.change", f"user:{ctx.session.username}", settings=changed)
    return changed
