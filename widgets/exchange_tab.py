"""Exchange panel: folder status, packages with their state, import/export now, conflicts.

IT sees the folder, keys and packages (ids and states, never case content). Judges and clerks
additionally export the selected case and resolve, field by field, platform changes that
clash with local edits. The inbox is scanned automatically at the policy interval, off the
GUI thread.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGroupBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.security.roles import Permission, has_permission
from app.services.exchange import ExchangeService
from app.tasks import TaskSlot
from widgets import file_dialogs
from widgets.terms import tr_term

OUT_STATES = {"pending": "待确认", "acknowledged": "已确认", "sent": "已发送", "rejected": "被拒收"}
IN_STATES = {"applied": "已导入", "held": "暂存（等待缺号）", "control": "已处理", "quarantined": "已隔离"}
KINDS = {"data": "数据", "ack": "确认", "nack": "补发请求", "key_update": "密钥更新"}
FIELDS = {"case_number": "案号", "cause": "案由", "procedure": "程序", "filing_date": "立案日期", "status": "状态",
          "claims": "诉讼请求", "parties": "当事人"}


def _item(text: object) -> QTableWidgetItem:
    return QTableWidgetItem("" if text is None else str(text))


class ExchangeTab(QWidget):
    """The exchange tab for the main window."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("exchangeTab")
        self.case_id: int | None = None
        role = ctx.session.role
        self.can_use = has_permission(role, Permission.EXCHANGE_USE)
        self.can_exchange = self.can_use or has_permission(role, Permission.EXCHANGE_ADMIN)
        self._status_slot = TaskSlot(self)
        self._work_slot = TaskSlot(self)
        self._conflict_slot = TaskSlot(self)
        self.last_status: dict | None = None
        self.last_report = None

        self.folder_label = QLabel()
        self.node_label = QLabel()
        self.node_label.setObjectName("exchangeNode")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("exchangeCounts")
        self.message = QLabel()
        self.message.setObjectName("exchangeMessage")
        self.message.setWordWrap(True)
        self.import_button = QPushButton(self.tr("立即导入(&I)"))
        self.import_button.setObjectName("exchangeImport")
        self.import_button.clicked.connect(self.import_now)
        self.export_button = QPushButton(self.tr("立即导出(&E)"))
        self.export_button.setObjectName("exchangeExportPending")
        self.export_button.clicked.connect(self.export_pending)
        self.export_case_button = QPushButton(self.tr("导出本案"))
        self.export_case_button.setObjectName("exchangeExportCase")
        self.export_case_button.clicked.connect(self.export_case)
        self.export_case_button.setVisible(self.can_use)
        self.export_case_button.setEnabled(False)
        self.retry_button = QPushButton(self.tr("重新导入隔离包(&R)"))
        self.retry_button.setObjectName("exchangeRetry")
        self.retry_button.setToolTip(self.tr("排除隔离原因（如固定平台公钥、调整大小上限）后，重新检查并导入所选交换包"))
        self.retry_button.clicked.connect(self.retry_selected)
        self.retry_button.setVisible(self.can_exchange)
        self.retry_button.setEnabled(False)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(self.refresh)
        for b in (self.import_button, self.export_button, self.refresh_button):
            b.setEnabled(self.can_exchange)
        self._explain_unconfigured()
        self.pin_button = QPushButton(self.tr("导入平台公钥…"))
        self.pin_button.setObjectName("exchangePinKey")
        self.pin_button.clicked.connect(self.choose_key_file)
        self.pin_button.setVisible(has_permission(role, Permission.EXCHANGE_ADMIN))
        self.confirm_box: QMessageBox | None = None

        self.packages = QTableWidget(0, 6)
        self.packages.setObjectName("exchangePackages")
        self.packages.setHorizontalHeaderLabels(
            [self.tr("方向"), self.tr("类型"), self.tr("序号"), self.tr("状态"), self.tr("说明"), self.tr("交换包")])
        self.packages.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.packages.verticalHeader().setVisible(False)
        self.packages.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.packages.horizontalHeader().setStretchLastSection(True)
        self.packages.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.packages.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.packages.itemSelectionChanged.connect(self._update_retry)

        self.conflicts = QTableWidget(0, 5)
        self.conflicts.setObjectName("exchangeConflicts")
        self.conflicts.setHorizontalHeaderLabels(
            [self.tr("案号"), self.tr("字段"), self.tr("本地值"), self.tr("平台值"), self.tr("处理")])
        self.conflicts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.conflicts.verticalHeader().setVisible(False)
        self.conflicts.horizontalHeader().setStretchLastSection(True)
        self.conflict_box = QGroupBox(self.tr("平台变更与本地修改冲突（逐项处理）"))
        box_layout = QVBoxLayout(self.conflict_box)
        box_layout.addWidget(self.conflicts)
        self.conflict_box.setVisible(has_permission(role, Permission.CASE_READ))

        buttons = QHBoxLayout()
        for b in (self.import_button, self.export_button, self.export_case_button, self.retry_button,
                  self.refresh_button, self.pin_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.node_label)
        layout.addWidget(self.counts_label)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.packages, 2)
        layout.addWidget(self.conflict_box, 1)

        self.scan_timer = QTimer(self)
        self.scan_timer.setInterval(int(ctx.settings["inbox_scan_seconds"]) * 1000)
        self.scan_timer.timeout.connect(self.scan)
        if self.can_exchange and ctx.settings["exchange_dir"]:
            self.scan_timer.start()
        self.refresh()

    # -- reading ----------------------------------------------------------------------------
    def set_case(self, case_id: int | None) -> None:
        """Show the conflicts of ``case_id`` and enable exporting it."""
        self.case_id = case_id
        self.export_case_button.setEnabled(self.can_use and case_id is not None and self._configured())
        self.load_conflicts()

    def refresh(self) -> None:
        """Reload folder status and package list in the background."""
        if not self.can_exchange:
            self.message.setText(self.tr("您的角色不能进行数据交换。"))
            return
        if not self.ctx.settings["exchange_dir"]:
            self._explain_unconfigured()
            return
        ctx = self.ctx
        self._status_slot.start(lambda p, c: ctx.exchange.status(), label="exchange status",
                                on_success=self._show_status, on_error=self._show_error)

    def _show_status(self, status: dict) -> None:
        self.last_status = status
        self.folder_label.setText(self.tr("交换目录：") + status["exchange_dir"])
        platform = [k for k in status["pinned_keys"] if not k["retired"]]
        self.node_label.setText(self.tr("本机：%1　指纹：%2　平台公钥：%3")
                                .replace("%1", status["node"]).replace("%2", status["fingerprint"])
                                .replace("%3", platform[-1]["fingerprint"] if platform else self.tr("未固定")))
        self.counts_label.setText(
            self.tr("待导入 %1　待确认 %2　暂存 %3　隔离 %4　冲突 %5")
            .replace("%1", str(status["waiting_incoming"])).replace("%2", str(len(status["pending"])))
            .replace("%3", str(len(status["held"]))).replace("%4", str(len(status["quarantined"])))
            .replace("%5", str(status["open_conflicts"])))
        rows = []
        for r in reversed(status["outgoing"]):
            resent = self.tr("补发 %1 次").replace("%1", str(r["resent"])) if r["resent"] else ""
            rows.append((self.tr("发出"), tr_term(KINDS.get(r["kind"], r["kind"])), r["sequence"] or "",
                         tr_term(OUT_STATES.get(r["state"], r["state"])), r["note"] or resent,
                         r["file"]))
        for r in reversed(status["incoming"]):
            rows.append((self.tr("收到"), tr_term(KINDS.get(r["kind"], r["kind"])), r["sequence"] or "",
                         tr_term(IN_STATES.get(r["state"], r["state"])), "", r["file"]))
        quarantined_from = len(rows)
        for q in status["quarantined"]:
            rows.append((self.tr("收到"), "", "", self.tr("已隔离"), f"{q.get('message', '')}（{q.get('detail', '')}）",
                         q.get("file", "")))
        self.packages.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                self.packages.setItem(i, j, _item(value))
        for i, q in enumerate(status["quarantined"], start=quarantined_from):
            # The name in quarantine/ is what a retry needs; only these rows carry one.
            self.packages.item(i, 0).setData(Qt.ItemDataRole.UserRole, q.get("quarantined_as", ""))
        self._update_retry()

    def selected_quarantined(self) -> str:
        """Quarantine file name of the selected row, or "" when it is not a quarantined package."""
        rows = {index.row() for index in self.packages.selectedIndexes()}
        if len(rows) != 1:
            return ""
        item = self.packages.item(rows.pop(), 0)
        return (item.data(Qt.ItemDataRole.UserRole) or "") if item is not None else ""

    def _update_retry(self) -> None:
        running = self._work_slot.busy
        self.retry_button.setEnabled(self.can_exchange and not running and bool(self.selected_quarantined()))

    def load_conflicts(self) -> None:
        """Reload the open conflicts (of the selected case, or all visible ones)."""
        if not self.conflict_box.isVisible() and not has_permission(self.ctx.session.role, Permission.CASE_READ):
            return
        ctx, case_id = self.ctx, self.case_id
        self._conflict_slot.start(lambda p, c: ctx.exchange.conflicts(case_id), label="exchange conflicts",
                                  on_success=self._show_conflicts, on_error=self._show_error)

    def _show_conflicts(self, conflicts) -> None:
        self.conflicts.setRowCount(len(conflicts))
        for i, c in enumerate(conflicts):
            for j, value in enumerate((c.case_number, tr_term(FIELDS.get(c.field, c.field)), c.local_value, c.platform_value)):
                self.conflicts.setItem(i, j, _item(value))
            cell = QWidget()
            row = QHBoxLayout(cell)
            row.setContentsMargins(0, 0, 0, 0)
            keep = QPushButton(self.tr("保留本地"))
            keep.setObjectName(f"keepLocal{c.id}")
            keep.clicked.connect(lambda _=False, cid=c.id: self.resolve(cid, "local"))
            take = QPushButton(self.tr("采用平台"))
            take.setObjectName(f"takePlatform{c.id}")
            take.clicked.connect(lambda _=False, cid=c.id: self.resolve(cid, "platform"))
            row.addWidget(keep)
            row.addWidget(take)
            self.conflicts.setCellWidget(i, 4, cell)

    # -- work -------------------------------------------------------------------------------
    def _configured(self) -> bool:
        return bool(self.ctx.settings["exchange_dir"])

    def _explain_unconfigured(self) -> None:
        """Without an exchange folder nothing can run: buttons off, the reason in the tooltip."""
        if self._configured():
            return
        it = self.ctx.session.role.value == "管理员"
        reason = (self.tr("未设置交换目录：请在“工具 > 设置 > 文件夹”中选择交换目录。") if it
                  else self.tr("未设置交换目录：请联系信息技术人员设置。"))
        for b in (self.import_button, self.export_button, self.export_case_button, self.retry_button):
            b.setEnabled(False)
            b.setToolTip(reason)
        self.folder_label.setText(reason)

    def _busy(self, busy: bool) -> None:
        ready = self._configured()
        for b in (self.import_button, self.export_button):
            b.setEnabled(self.can_exchange and not busy and ready)
        self.retry_button.setEnabled(self.can_exchange and not busy and ready and bool(self.selected_quarantined()))
        self.export_case_button.setEnabled(self.can_use and not busy and ready and self.case_id is not None)

    def _start(self, fn, label: str, done_text: str) -> None:
        self._busy(True)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("正在处理…"))

        def finished(result) -> None:
            self._busy(False)
            self.last_report = result
            self.message.setText(done_text(result) if callable(done_text) else done_text)
            self.refresh()
            self.load_conflicts()

        def failed(exc) -> None:
            self._busy(False)
            self._show_error(exc)

        self._work_slot.start(fn, label=label, on_success=finished, on_error=failed,
                              on_progress=lambda f, m: self.message.setText(f"{int(f * 100)}% {m}"))

    def _import_text(self, report) -> str:
        return (self.tr("导入完成：已导入 %1，暂存 %2，隔离 %3，重复 %4")
                .replace("%1", str(report.count("applied"))).replace("%2", str(report.count("held")))
                .replace("%3", str(report.count("quarantined"))).replace("%4", str(report.count("duplicate"))))

    def import_now(self) -> None:
        """Import everything waiting in the inbox."""
        ctx = self.ctx
        self._start(lambda p, c: ctx.exchange.import_now(progress=p, cancel=c), "exchange import",
                    self._import_text)

    def retry_selected(self) -> None:
        """Put the selected quarantined package back in the inbox and import again."""
        name = self.selected_quarantined()
        if not name:
            return
        ctx = self.ctx
        self._start(lambda p, c: ctx.exchange.retry_quarantined(name, progress=p, cancel=c),
                    "exchange retry", self._import_text)

    def scan(self) -> None:
        """Timer tick: import unless a job is already running."""
        if not self._work_slot.busy:
            self.import_now()

    def export_pending(self) -> None:
        """Export every case changed since it was last sent."""
        ctx = self.ctx
        self._start(lambda p, c: ctx.exchange.export_pending(progress=p, cancel=c), "exchange export",
                    lambda sent: self.tr("已导出 %1 个案件").replace("%1", str(len(sent))))

    def export_case(self) -> None:
        """Export the selected case."""
        ctx, case_id = self.ctx, self.case_id
        if case_id is None:
            return
        self._start(lambda p, c: ctx.exchange.export_case(case_id, progress=p, cancel=c), "exchange export",
                    lambda sent: self.tr("已导出，序号 %1，等待平台确认").replace("%1", str(sent["sequence"])))

    def resolve(self, conflict_id: int, choice: str) -> None:
        """Resolve one conflict with the local or the platform value."""
        ctx = self.ctx
        self._start(lambda p, c: ctx.exchange.resolve_conflict(conflict_id, choice), "exchange resolve",
                    self.tr("已处理冲突"))

    # -- platform key (IT) -----------------------------------------------------------------
    def choose_key_file(self) -> None:
        """Let IT pick the platform's public key file, then confirm its fingerprint."""
        path = file_dialogs.open_file(self, self.tr("选择平台公钥文件"), self.tr("公钥文件 (*.json)"))
        if path:
            self.confirm_key_file(Path(path))

    def confirm_key_file(self, path: Path) -> None:
        """Show the key's fingerprint; pin it only when IT confirms it matches the platform's."""
        try:
            key = ExchangeService.read_key_file(path)
        except Exception as exc:  # noqa: BLE001 - any unreadable file is reported the same way
            self._show_error(exc)
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("核对平台公钥指纹"),
                          self.tr("平台节点：%1\n指纹：%2\n\n请与平台提供的指纹逐位核对，一致才固定。")
                          .replace("%1", key["node"]).replace("%2", key["fingerprint"]),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmPlatformKey")
        box.finished.connect(lambda result: self._pin(key, result == QMessageBox.StandardButton.Yes))
        self.confirm_box = box
        box.open()

    def _pin(self, key: dict, confirmed: bool) -> None:
        if not confirmed:
            self.message.setText(self.tr("未固定平台公钥"))
            return
        ctx = self.ctx
        self._start(lambda p, c: ctx.exchange.pin_platform_key(key, key["key_id"]), "exchange pin",
                    self.tr("已固定平台公钥"))

    def _show_error(self, exc) -> None:
        self.message.setText(str(exc))
        self.message.setStyleSheet("color: #c62828;")

    def shutdown(self) -> None:
        """Stop the timer and wait for running jobs (called when the window closes)."""
        self.scan_timer.stop()
        for slot in (self._work_slot, self._status_slot, self._conflict_slot):
            slot.shutdown()
