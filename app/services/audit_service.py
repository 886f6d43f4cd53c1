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
    # When the event happened (a failed login is written at the next successful one; its own
    # time is kept in the detail): UTC ISO, shown in local time by the viewer.
    event_time: str = ""


ACTION_LABELS = {
    "store.init": "创建案件库", "login": "登录", "login.failed": "登录失败", "unlock": "解除锁定",
    "keyring.sealed": "封存密钥文件", "keyring.tampered": "密钥文件被改动", "keyring.resealed": "重新封存密钥文件",
    "keyring.report_malformed": "登录失败记录格式不对", "keyring.reports_missing": "登录失败记录缺失",
    "keyring.reports_rolled_back": "登录失败记录被回退", "keyring.throttle_rolled_back": "登录失败计数被回退",
    "unlock.failed": "解锁失败", "lock": "锁定", "logout": "退出", "case.view": "查看案件",
    "case.create": "新建案件", "case.update": "修改案件", "user.create": "新建用户", "user.deactivate": "停用用户",
    "user.activate": "启用用户", "user.reset_password": "重置密码", "user.unlock": "解除账户锁定",
    "password.change": "修改密码", "password.recover": "恢复密钥重置密码", "output.accept": "采纳机器结果",
    "output.reject": "拒绝机器结果", "output.change": "修改后采纳机器结果", "export": "导出",
    "settings.change": "修改设置",
    "case.archive": "归档案件", "dossier.import": "导入卷宗", "dossier.accept": "确认卷宗归目",
    "dossier.category": "修改卷宗类别", "dossier.boundary": "调整文书分界", "dossier.move": "移动卷宗页",
    "dossier.export_pdf": "导出卷宗PDF", "dossier.export_toc": "导出卷内目录", "draft.create": "生成文书草稿",
    "draft.import": "导入修改稿", "draft.accept": "接受机器起草内容", "draft.reject": "退回机器起草内容",
    "draft.export": "导出文书", "draft.review": "文书辅助审查", "draft.review_file": "审查外部文书",
    "draft.sign": "签发文书", "hearing.add": "导入庭审录音", "hearing.transcribe": "语音转写",
    "hearing.event": "庭审事件", "hearing.live.start": "开始实时记录", "hearing.live.stop": "结束实时记录",
    "transcript.edit": "修改笔录", "transcript.check": "笔录核对完成", "transcript.export": "导出笔录",
    "transcript.correction_refused": "记录未采纳的补正", "exchange.case_applied": "接收交换数据",
    "exchange.case_exported": "发送交换数据", "exchange.conflict_resolved": "处理交换冲突",
    "exchange.keys_created": "生成交换密钥", "exchange.platform_key_pinned": "登记平台公钥",
}

# What IT may see of an entry's detail: who/when/what, never case content (DESIGN: IT cannot
# read cases). Numbers and these keys are shown; any other text is replaced by a note.
IT_SAFE_KEYS = frozenset({"role", "format", "field", "at", "key_id", "choice", "starts_document", "sha256",
                          "channels", "errors", "warnings", "open_errors", "open_warnings", "open_items",
                          "reviewed", "kind", "template", "version", "duration", "hearing", "draft", "segment",
                          "package_id"})
# Actions whose "reason" is a system reason (wrong password, locked), not a person's words.
SYSTEM_REASON_ACTIONS = frozenset({"login.failed", "unlock.failed"})
HIDDEN = "（案件内容，不向信息技术人员显示）"


def action_label(action: str) -> str:
    """The Chinese name of an audit action (the code itself only for an action nobody named)."""
    return ACTION_LABELS.get(action, action)


def it_safe_detail(action: str, detail: dict) -> dict:
    """``detail`` without case content: numbers and :data:`IT_SAFE_KEYS` stay, other text is hidden."""
    safe, hidden = {}, False
    for key, value in (detail or {}).items():
        if isinstance(value, bool | int | float) or key in IT_SAFE_KEYS or (
                key == "reason" and action in SYSTEM_REASON_ACTIONS):
            safe[key] = value
        else:
            hidden = True
    if hidden:
        safe["_hidden"] = HIDDEN
    return safe


class AuditService:
    """Audit entries for IT (all) and for case members (their cases' entries)."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def _is_it(self) -> bool:
        return self.ctx.session.role.value == "管理员"

    def _where(self, text: str, target: str) -> tuple[list[str], list]:
        where, params = [], []
        if self._is_it():
            self.ctx.session.require(Permission.AUDIT_VIEW)
        else:
            self.ctx.session.require(Permission.CASE_READ)
            where.append("target IN (SELECT 'case:' || case_id FROM case_members WHERE user_id = ?)")
            params.append(self.ctx.session.user_id)
        if text:
            # Chinese action names are searchable too; IT never searches inside details (case content).
            codes = [code for code, label in ACTION_LABELS.items() if text in label]
            fields = ["username", "action", "target"] + ([] if self._is_it() else ["detail"])
            clause = " OR ".join(f"{f} LIKE ?" for f in fields)
            params += [f"%{text}%"] * len(fields)
            if codes:
                clause += f" OR action IN ({', '.join('?' * len(codes))})"
                params += codes
            where.append(f"({clause})")
        if target:
            where.append("target = ?")
            params.append(target)
        return where, params

    def entries(self, limit: int = 500, offset: int = 0, text: str = "", target: str = "") -> list[AuditEntry]:
        """Newest first. IT sees everything but no case content; others see their cases' entries."""
        where, params = self._where(text, target)
        sql = "SELECT * FROM audit_log" + (f" WHERE {' AND '.join(where)}" if where else "")
        sql += " ORDER BY id DESC LIMIT ? OFFSET ?"
        rows = self.ctx.store.query(sql, tuple(params + [limit, offset]))
        it = self._is_it()
        out = []
        for r in rows:
            detail = json.loads(r["detail"] or "{}")
            when = detail.get("at") if isinstance(detail.get("at"), str) and detail.get("at") else r["ts"]
            out.append(AuditEntry(r["id"], r["ts"], r["username"], r["action"], r["target"],
                                  it_safe_detail(r["action"], detail) if it else detail, when))
        return out

    def count(self, text: str = "", target: str = "") -> int:
        """How many entries the same filter matches (the viewer shows "N of M")."""
        where, params = self._where(text, target)
        sql = "SELECT count(*) AS n FROM audit_log" + (f" WHERE {' AND '.join(where)}" if where else "")
        return int(self.ctx.store.query(sql, tuple(params))[0]["n"])

    def verify(self) -> audit.VerifyResult:
        """Check the whole chain, the sealed anchors and the database pages (IT)."""
        self.ctx.session.require(Permission.AUDIT_VIEW)
        return self.ctx.store.verify_audit()

    def head(self) -> str:
        """Current head hash."""
        with self.ctx.store.database.reading() as db:
            return audit.head(db.conn)
