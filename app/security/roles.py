"""Roles and what each may do; services check these, the UI only mirrors them."""
from __future__ import annotations

from enum import Enum

from app.messages import Message, Term


class Role(str, Enum):
    """The three roles of DESIGN.md."""

    JUDGE = "审判员"
    CLERK = "书记员"
    IT = "管理员"


class Permission(str, Enum):
    """Actions a service checks before it acts."""

    CASE_READ = "case.read"            # see case content (only for assigned cases)
    CASE_CREATE = "case.create"
    CASE_EDIT = "case.edit"
    HEARING_RUN = "hearing.run"        # record and transcribe hearings
    TRANSCRIPT_EDIT = "transcript.edit"
    DOSSIER_EDIT = "dossier.edit"
    DRAFT_EDIT = "draft.edit"
    DRAFT_SIGN = "draft.sign"
    EXCHANGE_USE = "exchange.use"      # export/import own cases' packages
    EXCHANGE_ADMIN = "exchange.admin"  # keys, pinning the platform key
    USER_ADMIN = "user.admin"
    AUDIT_VIEW = "audit.view"
    SETTINGS_ADMIN = "settings.admin"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.JUDGE: frozenset({
        Permission.CASE_READ, Permission.CASE_CREATE, Permission.CASE_EDIT, Permission.DOSSIER_EDIT,
        Permission.DRAFT_EDIT, Permission.DRAFT_SIGN, Permission.EXCHANGE_USE,
    }),
    Role.CLERK: frozenset({
        Permission.CASE_READ, Permission.CASE_CREATE, Permission.CASE_EDIT, Permission.HEARING_RUN,
        Permission.TRANSCRIPT_EDIT, Permission.DOSSIER_EDIT, Permission.DRAFT_EDIT, Permission.EXCHANGE_USE,
    }),
    # IT manages users, keys and settings and may verify the audit trail; it reads no case content.
    Role.IT: frozenset({
        Permission.USER_ADMIN, Permission.EXCHANGE_ADMIN, Permission.AUDIT_VIEW, Permission.SETTINGS_ADMIN,
    }),
}

PERMISSION_LABELS = {
    Permission.CASE_READ: "查看案件", Permission.CASE_CREATE: "新建案件", Permission.CASE_EDIT: "修改案件",
    Permission.HEARING_RUN: "庭审记录", Permission.TRANSCRIPT_EDIT: "编辑笔录", Permission.DOSSIER_EDIT: "整理卷宗",
    Permission.DRAFT_EDIT: "编辑文书", Permission.DRAFT_SIGN: "签发文书", Permission.EXCHANGE_USE: "数据交换",
    Permission.EXCHANGE_ADMIN: "交换密钥管理", Permission.USER_ADMIN: "用户管理", Permission.AUDIT_VIEW: "查看审计日志",
    Permission.SETTINGS_ADMIN: "系统设置",
}


class PermissionDenied(PermissionError):
    """The logged-in user's role does not allow this action (a catalogue message, app/messages.py)."""


def has_permission(role: Role | str, permission: Permission) -> bool:
    """True when ``role`` grants ``permission``."""
    return permission in ROLE_PERMISSIONS[Role(role)]


def require(role: Role | str, permission: Permission) -> None:
    """Raise PermissionDenied unless ``role`` grants ``permission``."""
    if not has_permission(role, permission):
        raise PermissionDenied(Message("perm.denied", role=Term(Role(role).value),
                                       action=Message("perm." + permission.value)))
