"""Reading and verifying the audit trail."""
from __future__ import annotations

import json
from dataclasses import dataclass

from app.security import audit
from app.security.roles import Permission
from app.services.session import AppContext


@dataclass
class AuditEntry:
    """One audit entry as shown in the viewer."""

    id: int
    ts: str
    username: str
    action: str
    target: str
    detail: dict


ACTION_LABELS = {
    "store.init": "创建案件库", "login": "登录", "login.failed": "登录失败", "unlock": "解除锁定",
    "unlock.failed": "解锁失败", "lock": "锁定", "logout": "退出", "case.view": "查看案件",
    "case.create": "新建案件", "case.update": "修改案件", "user.create": "新建用户", "user.deactivate": "停用用户",
    "user.activate": "启用用户", "user.reset_password": "重置密码", "user.unlock": "解除账户锁定",
    "password.change": "修改密码", "password.recover": "恢复密钥重置密码", "output.accept": "采纳机器结果",
    "output.reject": "拒绝机器结果", "output.change": "修改后采纳机器结果", "export": "导出",
    "settings.change": "修改设置",
}


class AuditService:
    """Audit entries for IT (all) and for case members (their cases' entries)."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def entries(self, limit: int = 500, offset: int = 0, text: str = "", target: str = "") -> list[AuditEntry]:
        """Newest first. IT sees everything; others see entries about their visible cases."""
        where, params = [], []
        if self.ctx.session.role.value == "管理员":
            self.ctx.session.require(Permission.AUDIT_VIEW)
        else:
            self.ctx.session.require(Permission.CASE_READ)
            where.append("target IN (SELECT 'case:' || case_id FROM case_members WHERE user_id = ?)")
            params.append(self.ctx.session.user_id)
        if text:
            where.append("(username LIKE ? OR action LIKE ? OR target LIKE ? OR detail LIKE ?)")
            params += [f"%{text}%"] * 4
        if target:
            where.append("target = ?")
            params.append(target)
        sql = "SELECT * FROM audit_log" + (f" WHERE {' AND '.join(where)}" if where else "")
        sql += " ORDER BY id DESC LIMIT ? OFFSET ?"
        rows = self.ctx.store.query(sql, tuple(params + [limit, offset]))
        return [AuditEntry(r["id"], r["ts"], r["username"], r["action"], r["target"], json.loads(r["detail"] or "{}"))
                for r in rows]

    def verify(self) -> audit.VerifyResult:
        """Check the whole chain, the sealed anchors and the database pages (IT)."""
        self.ctx.session.require(Permission.AUDIT_VIEW)
        return self.ctx.store.verify_audit()

    def head(self) -> str:
        """Current head hash."""
        return audit.head(self.ctx.store.database.reader().conn)
