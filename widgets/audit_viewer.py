"""Audit trail viewer (IT sees all entries; case members see their cases') with chain check."""
from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.services.audit_service import ACTION_LABELS
from app.tasks import TaskSlot
from widgets.terms import tr_term


class AuditViewer(QWidget):
    """Table of audit entries, a filter and a 'verify chain' button."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("auditViewer")
        self._slot = TaskSlot(self)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("按用户、操作或对象筛选"))
        self.filter.returnPressed.connect(self.reload)
        self.verify_button = QPushButton(self.tr("校验哈希链(&V)"))
        self.verify_button.setObjectName("verifyAudit")
        self.verify_button.clicked.connect(self.verify)
        self.verify_button.setVisible(ctx.session.role.value == "管理员")
        self.result = QLabel()
        self.result.setObjectName("verifyResult")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([tr_term(h) for h in ("序号", "时间 (UTC)", "用户", "操作", "对象", "详情")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        """Load the newest entries matching the filter."""
        service, text = self.ctx.audit_log, self.filter.text()
        self._slot.start(lambda p, c: service.entries(text=text), label="audit", on_success=self._show,
                         on_error=lambda exc: self.result.setText(str(exc)))

    def _show(self, entries) -> None:
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            values = (str(e.id), e.ts.replace("T", " ")[:19], e.username, tr_term(ACTION_LABELS.get(e.action, e.action)),
                      e.target, json.dumps(e.detail, ensure_ascii=False) if e.detail else "")
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))

    def verify(self) -> None:
        """Check the chain in the background and show the first broken entry, if any."""
        service = self.ctx.audit_log
        self.result.setText(self.tr("正在校验…"))
        self._slot.start(lambda p, c: service.verify(), label="audit verify", on_success=self._verified,
                         on_error=lambda exc: self.result.setText(str(exc)))

    def _verified(self, result) -> None:
        if result.ok:
            self.result.setText(self.tr("审计日志完整：%1 条，链头 %2").replace("%1", str(result.entries))
                                .replace("%2", result.head[:16] + "…"))
            self.result.setStyleSheet("color: #2e7d32;")
        else:
            self.result.setText(self.tr("审计日志被篡改：第 %1 条，%2").replace("%1", str(result.first_broken_id))
                                .replace("%2", result.reason))
            self.result.setStyleSheet("color: #c62828; font-weight: bold;")

    def shutdown(self) -> None:
        """Wait for a running query before closing."""
        self._slot.shutdown()
