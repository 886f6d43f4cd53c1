"""Audit trail viewer (IT sees all entries without case content; case members see their cases').

Actions are shown by their Chinese names, details as short "名称：值" pairs instead of JSON,
times in this computer's local time and at the moment the event happened (a failed login is
written at the next successful one). The list says how many of how many entries it shows,
and after a chain check the list is reloaded so both counts speak of the same entries.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.services.audit_service import HIDDEN, action_label
from app.tasks import TaskSlot
from widgets.terms import local_time, tr_term

DETAIL_LABELS = {
    "role": "角色", "format": "格式", "field": "字段", "at": "发生时间", "reason": "理由", "kind": "类别",
    "errors": "错误", "warnings": "提示", "open_errors": "未处理错误", "open_warnings": "未处理提示",
    "open_items": "未核段落", "reviewed": "已审查", "draft": "文书", "hearing": "庭审", "segment": "段落",
    "template": "模板", "version": "版本", "duration": "时长", "channels": "声道", "case_number": "案号",
    "old": "原文", "new": "改为", "requested_by": "提出人", "file": "文件", "files": "文件", "pages": "页",
    "page": "页", "machine": "机器结果", "final": "最终", "document": "文书", "path": "路径", "choice": "选择",
    "sha256": "摘要", "changed_from": "修改前", "key_id": "密钥", "package_id": "交换包",
    "claims_source": "诉请来源", "hearings": "庭审", "model": "模型", "outcome": "结果", "segments": "段数",
    "assisted": "辅助", "foreign_case_numbers": "他案案号",
    "foreign_parties": "非本案当事人", "refused": "拒收", "starts_document": "新文书起点",
    "format_version": "格式版本", "wanted": "页", "remaining": "剩余", "title": "标题",
}
PREVIEW = 60  # characters of one detail value shown in the table (the tooltip has all)


def describe_target(target: str) -> str:
    """``case:3`` → 案件 3, ``user:clerk`` → 用户 clerk (the kind in the user's language)."""
    kind, _, value = target.partition(":")
    names = {"case": "案件", "user": "用户", "hearing": "庭审", "node": "节点"}
    return f"{tr_term(names[kind])} {value}" if kind in names and value else target


def describe_detail(detail: dict) -> str:
    """Detail pairs as "名称：值；…" (no JSON), system keys and the hidden-content note last."""
    parts = []
    for key, value in detail.items():
        if key.startswith("_") or key == "at":
            continue
        if isinstance(value, bool):
            value = tr_term("是") if value else tr_term("否")
        elif isinstance(value, list):
            value = "、".join(str(v) for v in value)
        elif isinstance(value, dict):
            value = "；".join(f"{k}={v}" for k, v in value.items())
        elif key in ("role", "kind", "outcome", "choice"):
            value = tr_term(value)  # system words (角色, 事件类别), not case content
        parts.append(f"{tr_term(DETAIL_LABELS.get(key, key))}：{value}")
    if "_hidden" in detail:
        parts.append(tr_term(HIDDEN))
    return "；".join(parts)


class AuditViewer(QWidget):
    """Table of audit entries, a filter and a 'verify chain' button."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("auditViewer")
        self._slot = TaskSlot(self)
        self.filter = QLineEdit()
        self.filter.setObjectName("auditFilter")
        self.filter.setPlaceholderText(self.tr("按用户、操作或对象筛选，回车查找"))
        self.filter.returnPressed.connect(self.reload)
        self.verify_button = QPushButton(self.tr("校验哈希链(&V)"))
        self.verify_button.setObjectName("verifyAudit")
        self.verify_button.clicked.connect(self.verify)
        self.verify_button.setVisible(ctx.session.role.value == "管理员")
        self.result = QLabel()
        self.result.setObjectName("verifyResult")
        self.result.setWordWrap(True)
        self.shown = QLabel()
        self.shown.setObjectName("auditCount")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([tr_term(h) for h in ("序号", "时间", "用户", "操作", "对象", "详情")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.result)
        layout.addWidget(self.shown)
        layout.addWidget(self.table, 1)
        self.entries = []

    def reload(self) -> None:
        """Load the newest entries matching the filter, with the total they come from."""
        service, text = self.ctx.audit_log, self.filter.text().strip()
        self._slot.start(lambda p, c: (service.entries(text=text), service.count(text=text)), label="audit",
                         on_success=lambda r: self._show(*r), on_error=lambda exc: self.result.setText(str(exc)))

    def _show(self, entries, total: int) -> None:
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            detail = describe_detail(e.detail)
            values = (str(e.id), local_time(e.event_time or e.ts), e.username, tr_term(action_label(e.action)),
                      describe_target(e.target), detail if len(detail) <= PREVIEW else detail[:PREVIEW] + "…")
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 5 and detail:
                    item.setToolTip(detail)
                if col == 1 and e.event_time and e.event_time != e.ts:
                    item.setToolTip(self.tr("记入日志：%1").replace("%1", local_time(e.ts)))
                self.table.setItem(row, col, item)
        self.shown.setText(self.tr("显示最新 %1 条，共 %2 条").replace("%1", str(len(entries))).replace("%2", str(total))
                           if len(entries) < total else self.tr("共 %1 条").replace("%1", str(total)))

    def verify(self) -> None:
        """Check the chain in the background, then reload the list so the counts agree."""
        service = self.ctx.audit_log
        self.result.setText(self.tr("正在校验…"))
        self._slot.start(lambda p, c: service.verify(), label="audit verify", on_success=self._verified,
                         on_error=lambda exc: self.result.setText(str(exc)))

    def _verified(self, result) -> None:
        if result.ok:
            self.result.setText(self.tr("审计日志完整：链上 %1 条均未被改动，链头 %2").replace("%1", str(result.entries))
                                .replace("%2", result.head[:16] + "…"))
            self.result.setStyleSheet("color: #2e7d32;")
        else:
            self.result.setText(self.tr("审计日志被篡改：第 %1 条，%2").replace("%1", str(result.first_broken_id))
                                .replace("%2", result.reason))
            self.result.setStyleSheet("color: #c62828; font-weight: bold;")
        self.filter.clear()
        self.reload()

    def shutdown(self) -> None:
        """Wait for a running query before closing."""
        self._slot.shutdown()
