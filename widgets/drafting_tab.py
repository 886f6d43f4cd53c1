"""文书 tab: draft from a template, keep versions, review a version with findings beside the text.

Machine-drafted paragraphs show with a yellow background until the judge accepts them; a
list beside the text names each one (number, start of its text, where it came from) and lets
the judge accept or reject the selected ones, or accept all. Review findings list rule,
severity and message, and selecting one shows its paragraph. Long work (filling, reviewing,
storing a decided version) runs through the task runner: reads in one slot (a newer selection
replaces an older read), writes in another that is never cancelled by a selection change (its
buttons are disabled while it runs). 签发 asks first, listing the open review findings; with
open errors the judge must give a reason, which goes into the audit.
"""
from __future__ import annotations

import dataclasses

from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.review_text import finding_detail, finding_text
from app.security.roles import Permission, has_permission
from app.services.drafting import RULE_LABELS, DraftOptions
from app.services.case_guard import ForeignCaseData
from app.tasks import TaskSlot
from widgets import confirm, file_dialogs
from widgets.common import make_button, show_error
from widgets.terms import local_time, tr_term

MACHINE_BACKGROUND = QColor("#fff59d")
SEVERITY_COLOURS = {"error": QColor("#c62828"), "warning": QColor("#e65100")}
SOURCE_LABELS = {"template": "模板生成", "import": "导入修改稿", "accepted": "已确认机器内容",
                 "rejected": "已退回机器内容"}
PREVIEW_CHARS = 40  # how much of a machine paragraph its list entry shows


def template_label(name: str) -> str:
    """民事判决书_普通程序 → 民事判决书（普通程序）: file names are not shown with underscores."""
    text = tr_term(name)
    head, sep, tail = text.partition("_")
    return f"{head}（{tail}）" if sep else text


class DraftingTab(QWidget):
    """The drafting and review panel of one case."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("draftingTab")
        self.service = ctx.drafting
        self.case_id: int | None = None
        self.drafts = []
        self.findings = []
        self.machine = []  # MachineParagraph entries of the selected version
        self._reads = TaskSlot(self)
        self._writes = TaskSlot(self, writes=True, on_change=self._update_buttons)
        is_judge = has_permission(ctx.session.role, Permission.DRAFT_SIGN)

        self.template = QComboBox()
        self.template.setObjectName("templateCombo")
        # Long template names must not widen the tab past 1280 px (the list shows them in full).
        self.template.setMinimumContentsLength(10)
        self.template.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # Filled by set_case through the runner (the list depends on the case's procedure).
        self.fee = QLineEdit()
        self.fee.setObjectName("feeEdit")
        self.fee.setPlaceholderText(self.tr("受理费（元）"))
        self.fee.setMaximumWidth(150)
        self.fee_borne_by = QLineEdit()
        self.fee_borne_by.setObjectName("feeBorneEdit")
        self.fee_borne_by.setPlaceholderText(self.tr("受理费负担人"))
        self.fee_borne_by.setMaximumWidth(200)
        self.create_button = self._button(self.tr("生成草稿(&G)"), "createDraft", self.create_draft)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("模板")))
        top.addWidget(self.template, 1)
        top.addWidget(self.fee)
        top.addWidget(self.fee_borne_by)
        top.addWidget(self.create_button)

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("draftTable")
        self.table.setHorizontalHeaderLabels([tr_term(h) for h in ("版本", "文书", "来源", "状态", "创建人", "时间")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.export_button = self._button(self.tr("导出…"), "exportDraft", self.export_draft)
        self.import_button = self._button(self.tr("导入修改稿…"), "importDraft", self.import_version)
        self.review_button = self._button(self.tr("审查(&R)"), "reviewDraft", self.review)
        self.sign_button = self._button(self.tr("签发"), "signDraft", self.sign)
        self.sign_button.setVisible(is_judge)
        actions = QHBoxLayout()
        for b in (self.export_button, self.import_button, self.review_button, self.sign_button):
            actions.addWidget(b)
        actions.addStretch(1)

        self.paragraphs = QListWidget()
        self.paragraphs.setObjectName("paragraphList")
        self.paragraphs.setWordWrap(True)
        self.finding_table = QTableWidget(0, 4)
        self.finding_table.setObjectName("findingTable")
        self.finding_table.setHorizontalHeaderLabels([tr_term(h) for h in ("段落", "级别", "类别", "问题")])
        self.finding_table.verticalHeader().setVisible(False)
        self.finding_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.finding_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.finding_table.setTabKeyNavigation(False)
        self.finding_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The message wraps inside its column instead of pushing the table sideways.
        self.finding_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.finding_table.setWordWrap(True)
        self.finding_table.itemSelectionChanged.connect(self._finding_selected)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("draftSplitter")  # sizes remembered by the main window
        splitter.addWidget(self.paragraphs)
        splitter.addWidget(self._machine_panel(is_judge))
        splitter.addWidget(self.finding_table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 2)

        self.status = QLabel()
        self.status.setObjectName("draftStatus")
        self.status.setWordWrap(True)
        hint = QLabel(self.tr("黄色底纹为机器起草内容，须经法官确认；“本院认为”和判决主文由法官撰写。"))
        hint.setWordWrap(True)  # one line in Chinese is two in English
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(hint)
        layout.addWidget(splitter, 3)
        layout.addWidget(self.status)
        self._update_buttons()

    _button = staticmethod(make_button)

    def _machine_panel(self, is_judge: bool) -> QWidget:
        """The machine paragraphs awaiting the judge, with accept/reject for the selection."""
        self.machine_list = QListWidget()
        self.machine_list.setObjectName("machineParagraphList")
        self.machine_list.setWordWrap(True)
        self.machine_list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Several paragraphs at once: Shift/Ctrl with arrows and space work from the keyboard.
        self.machine_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.machine_list.itemSelectionChanged.connect(self._update_buttons)
        self.machine_list.currentRowChanged.connect(self._machine_current)
        label = QLabel(self.tr("待确认的机器起草段落(&M)"))
        label.setBuddy(self.machine_list)
        self.accept_selected_button = self._button(self.tr("接受所选(&A)"), "acceptSelected", self.accept_selected)
        self.reject_selected_button = self._button(self.tr("退回所选(&J)"), "rejectSelected", self.reject_selected)
        self.reject_selected_button.setToolTip(self.tr("退回的段落改为“【待补充】”，由法官撰写"))
        self.accept_button = self._button(self.tr("全部接受(&L)"), "acceptMachine", self.accept_machine)
        buttons = QHBoxLayout()
        for b in (self.accept_selected_button, self.reject_selected_button, self.accept_button):
            b.setVisible(is_judge)
            buttons.addWidget(b)
        panel = QWidget()
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(label)
        box.addWidget(self.machine_list, 1)
        box.addLayout(buttons)
        return panel

    # -- state -----------------------------------------------------------------------------

    def set_case(self, case_id: int | None) -> None:
        """Show the drafts of ``case_id`` (None clears the tab)."""
        self.case_id = case_id
        self.drafts, self.findings = [], []
        self.table.setRowCount(0)
        self.paragraphs.clear()
        self.machine_list.clear()
        self.machine = []
        self.finding_table.setRowCount(0)
        self.status.setText("")
        self._update_buttons()
        if case_id is not None:
            self.reload()
            self._load_templates(case_id)

    @property
    def busy(self) -> bool:
        """True while a write (draft, import, decision, sign) of this tab runs."""
        return self._writes.busy

    def _load_templates(self, case_id: int) -> None:
        service = self.service
        self._reads_templates = TaskSlot(self) if not hasattr(self, "_reads_templates") else self._reads_templates
        self._reads_templates.start(lambda p, c: service.templates_for_case(case_id), label="templates",
                                    on_success=self._show_templates, on_error=self._failed)

    def _show_templates(self, templates) -> None:
        current = self.template.currentData()
        self.template.clear()
        for t in templates:
            self.template.addItem(template_label(t["name"]), t["name"])
        index = self.template.findData(current)
        self.template.setCurrentIndex(index if index >= 0 else 0)
        self._update_buttons()

    def selected(self):
        """The selected draft version (None when nothing is selected)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.drafts):
            return None
        return self.drafts[rows[0].row()]

    def _update_buttons(self) -> None:
        has_case, draft = self.case_id is not None, self.selected()
        writing = self._writes.busy
        self.create_button.setEnabled(has_case and self.template.count() > 0 and not writing)
        self.export_button.setEnabled(draft is not None)
        self.import_button.setEnabled(draft is not None and not writing)
        review_on = bool(self.ctx.settings["assist_review"])
        self.review_button.setEnabled(draft is not None and review_on and not writing)
        self.review_button.setToolTip("" if review_on else self.tr("文书辅助审查已在设置中关闭"))
        open_draft = draft is not None and draft.status != "已签发" and not writing
        self.accept_button.setEnabled(open_draft and bool(draft.machine_paragraphs))
        chosen = bool(self.machine_list.selectedItems())
        self.accept_selected_button.setEnabled(open_draft and chosen)
        self.reject_selected_button.setEnabled(open_draft and chosen)
        self.sign_button.setEnabled(open_draft)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(str(exc))
        show_error(self, str(exc))

    # -- loading ---------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        """Load the case's draft versions."""
        case_id, service = self.case_id, self.service
        if case_id is None:
            return
        self._reads.start(lambda p, c: service.list_drafts(case_id), label="drafts",
                         on_success=lambda drafts: self._show_drafts(drafts, select_id), on_error=self._failed)

    def _show_drafts(self, drafts, select_id: int | None) -> None:
        # A new version lands in the row that was selected: without clearing, the selection
        # would not change and the text and machine list would still show the old version.
        self.table.clearSelection()
        self.drafts = drafts
        self.table.setRowCount(len(drafts))
        for row, d in enumerate(drafts):
            values = (f"v{d.version}", d.title or d.template, tr_term(SOURCE_LABELS.get(d.source, d.source)), tr_term(d.status),
                      d.created_by, local_time(d.created_at))
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        target = next((row for row, d in enumerate(drafts) if d.id == select_id), 0 if drafts else None)
        if target is not None:
            self.table.selectRow(target)
        self._update_buttons()

    def _selection_changed(self) -> None:
        self._update_buttons()
        draft = self.selected()
        self.finding_table.setRowCount(0)
        self.findings = []
        self.machine_list.clear()
        self.machine = []
        if draft is None:
            self.paragraphs.clear()
            return
        service, draft_id = self.service, draft.id
        self._reads.start(lambda p, c: (service.paragraphs(draft_id), service.last_review(draft_id),
                                       service.machine_paragraphs(draft_id)),
                         label="draft text", on_success=lambda r: self._show_text(draft, *r), on_error=self._failed)

    def _show_text(self, draft, texts: list[str], last_review, machine_paragraphs) -> None:
        self.paragraphs.clear()
        machine = set(draft.machine_paragraphs)
        for i, text in enumerate(texts):
            item = QListWidgetItem(f"{i}  {text}")
            if i in machine:
                item.setBackground(QBrush(MACHINE_BACKGROUND))
                item.setToolTip(self.tr("机器起草，待法官确认"))
            self.paragraphs.addItem(item)
        self._show_machine(list(machine_paragraphs))
        if last_review:
            self._show_findings(last_review["findings"])

    def _show_machine(self, machine_paragraphs) -> None:
        self.machine = machine_paragraphs
        self.machine_list.clear()
        for m in machine_paragraphs:
            preview = m.text if len(m.text) <= PREVIEW_CHARS else m.text[:PREVIEW_CHARS] + "…"
            item = QListWidgetItem(self.tr("第%1段").replace("%1", str(m.index)) + "  " + preview)
            item.setData(Qt.ItemDataRole.UserRole, m.index)
            source = "；".join(m.notes) or m.reason
            item.setToolTip(m.text + ("\n" + self.tr("来源：%1").replace("%1", source) if source else ""))
            self.machine_list.addItem(item)
        self._update_buttons()

    def _machine_current(self, row: int) -> None:
        """Show the machine paragraph the judge moved to in the text beside the list."""
        if 0 <= row < len(self.machine) and self.machine[row].index < self.paragraphs.count():
            self.paragraphs.setCurrentRow(self.machine[row].index)
            self.paragraphs.scrollToItem(self.paragraphs.item(self.machine[row].index))

    def chosen_paragraphs(self) -> list[int]:
        """Paragraph numbers of the machine paragraphs selected in the list."""
        return sorted(item.data(Qt.ItemDataRole.UserRole) for item in self.machine_list.selectedItems())

    # -- actions ---------------------------------------------------------------------------

    def _options(self) -> DraftOptions:
        fee = None
        if self.fee.text().strip():
            try:
                fee = Decimal(self.fee.text().strip().replace(",", ""))
            except InvalidOperation:
                raise ValueError(self.tr("受理费应为数字"))
        return DraftOptions(fee=fee, fee_borne_by=self.fee_borne_by.text().strip())

    def create_draft(self) -> None:
        """Fill the chosen template for the case (in the background) and show the new version."""
        if self.case_id is None:
            return
        try:
            options = self._options()
        except ValueError as exc:
            self._failed(exc)
            return
        case_id, template, service = self.case_id, self.template.currentData(), self.service
        self.status.setText(self.tr("正在生成草稿…"))
        self._write(lambda p, c: service.create_draft(case_id, template, options, progress=p, cancel=c),
                         label="draft", on_success=self._created, on_error=self._failed)

    def _created(self, draft) -> None:
        self.status.setText(self.tr("已生成 %1 第%2版").replace("%1", draft.title).replace("%2", str(draft.version)))
        self.reload(select_id=draft.id)

    def review(self) -> None:
        """Review the selected version and list the findings beside its text."""
        draft = self.selected()
        if draft is None:
            return
        service, draft_id = self.service, draft.id
        self.status.setText(self.tr("正在审查…"))
        self._write(lambda p, c: service.review(draft_id, progress=p, cancel=c), label="review",
                    on_success=lambda result: self._reviewed(result, draft_id), on_error=self._failed)

    def _reviewed(self, result, draft_id: int | None = None) -> None:
        selected = self.selected()
        if draft_id is not None and (selected is None or selected.id != draft_id):
            self.status.setText(self.tr("审查已完成并保存；选中该版本可查看结果。"))
            return
        self._show_findings([dataclasses.asdict(f) for f in result.findings])
        errors = sum(f.severity == "error" for f in result.findings)
        if result.findings:
            self.status.setText(self.tr("审查发现 %1 个问题（错误 %2 个），请逐项核对。")
                                .replace("%1", str(len(result.findings))).replace("%2", str(errors)))
        else:
            self.status.setText(self.tr("审查未发现问题。"))

    def _show_findings(self, findings: list[dict]) -> None:
        self.findings = findings
        self.finding_table.setRowCount(len(findings))
        for row, f in enumerate(findings):
            level = self.tr("错误") if f["severity"] == "error" else self.tr("提示")
            # The message column reads in the UI's language (app/review_text.py); the tooltip
            # keeps the other half: the quote in Chinese, the Chinese explanation in English.
            values = (str(f["paragraph"]), level, tr_term(RULE_LABELS.get(f["rule"], f["rule"])), finding_text(f))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 1:
                    item.setForeground(QBrush(SEVERITY_COLOURS.get(f["severity"], QColor("black"))))
                if col == 3:
                    item.setToolTip(finding_detail(f))
                self.finding_table.setItem(row, col, item)
            para = self.paragraphs.item(f["paragraph"]) if 0 <= f["paragraph"] < self.paragraphs.count() else None
            if para is not None:
                para.setForeground(QBrush(SEVERITY_COLOURS.get(f["severity"], QColor("black"))))
        self.finding_table.resizeRowsToContents()

    def _finding_selected(self) -> None:
        rows = self.finding_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.findings):
            return
        index = self.findings[rows[0].row()]["paragraph"]
        if 0 <= index < self.paragraphs.count():
            self.paragraphs.setCurrentRow(index)
            self.paragraphs.scrollToItem(self.paragraphs.item(index))

    def export_draft(self, path: str | None = None) -> None:
        """Save the selected version as a .docx the user chooses (to edit in Word/WPS)."""
        draft = self.selected()
        if draft is None:
            return
        if path is None:
            path = file_dialogs.save_file(self, self.tr("导出文书"), f"{draft.title}_v{draft.version}.docx",
                                          "Word (*.docx)")
            if not path:
                return
        service, draft_id = self.service, draft.id
        self._reads.start(lambda p, c: service.export_draft(draft_id, Path(path)), label="export",
                          on_success=lambda target: self.status.setText(self.tr("已导出到 %1").replace("%1", str(target))),
                          on_error=self._failed)

    def import_version(self, path: str | None = None) -> None:
        """Store an edited .docx as the next version of the selected draft."""
        draft = self.selected()
        if draft is None:
            return
        if path is None:
            path = file_dialogs.open_file(self, self.tr("导入修改稿"), "Word (*.docx)")
            if not path:
                return
        service, draft_id = self.service, draft.id

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ForeignCaseData):
                if confirm.ask_foreign(self, str(exc)):
                    self._write(lambda p, c: service.import_version(draft_id, Path(path), allow_foreign=True),
                                label="import", on_success=self._created, on_error=self._failed)
                else:
                    self.status.setText(self.tr("未导入：文书中出现其他案件的案号。"))
                return
            self._failed(exc)

        self._write(lambda p, c: service.import_version(draft_id, Path(path)), label="import",
                    on_success=self._created, on_error=failed)

    def accept_machine(self) -> None:
        """The judge accepts all machine-drafted paragraphs of the selected version."""
        draft = self.selected()
        if draft is None:
            return
        service, draft_id = self.service, draft.id
        self._write(lambda p, c: service.accept_machine_text(draft_id), label="accept",
                         on_success=self._created, on_error=self._failed)

    def accept_selected(self) -> None:
        """The judge accepts the machine paragraphs selected in the list (a new version)."""
        self._decide(accept=True)

    def reject_selected(self) -> None:
        """The judge rejects the selected machine paragraphs: they become 【待补充】 (a new version)."""
        self._decide(accept=False)

    def _decide(self, accept: bool) -> None:
        draft, chosen = self.selected(), self.chosen_paragraphs()
        if draft is None or not chosen:
            return
        service, draft_id = self.service, draft.id
        work = service.accept_machine_text if accept else service.reject_machine_text
        done = self.tr("已接受 %1 段，生成第%2版") if accept else self.tr("已退回 %1 段（改为【待补充】），生成第%2版")

        def decided(new) -> None:
            self.status.setText(done.replace("%1", str(len(chosen))).replace("%2", str(new.version)))
            self.reload(select_id=new.id)

        self._write(lambda p, c: work(draft_id, chosen), label="accept" if accept else "reject",
                         on_success=decided, on_error=self._failed)

    def _write(self, fn, *, label: str, on_success, on_error) -> None:
        """Start a change in the write slot; a second change while one runs is refused politely."""
        if self._writes.busy:
            self.status.setText(self.tr("上一项操作仍在进行，请稍候。"))
            return
        self._writes.start(fn, label=label, on_success=on_success, on_error=on_error)

    def sign(self) -> None:
        """The judge signs the selected version after confirming; open review errors need a reason."""
        draft = self.selected()
        if draft is None:
            return
        service, draft_id = self.service, draft.id
        self._reads.start(lambda p, c: service.open_findings(draft_id), label="open findings",
                          on_success=lambda state: self._confirm_sign(draft, state), on_error=self._failed)

    def _confirm_sign(self, draft, state: dict) -> None:
        items = [self.tr("错误 ") + e for e in state["errors"]] + [self.tr("提示 ") + w for w in state["warnings"]]
        if not state["reviewed"]:
            items.insert(0, self.tr("该版本尚未经辅助审查"))
        title = draft.title or draft.template
        question = self.tr("签发《%1》第%2版？签发后不能撤回。").replace("%1", title).replace("%2", str(draft.version))
        if state["reason_required"]:
            question += "\n" + self.tr("审查发现的错误尚未处理：如仍签发，须说明理由，理由记入操作记录。")
        reason = confirm.ask_to_confirm(self, self.tr("签发"), question, items, state["reason_required"],
                                        tr_term(state["forbidden"]) if state["forbidden"] else "")
        if reason is None:
            self.status.setText(self.tr("未签发。"))
            return
        service, draft_id = self.service, draft.id
        self._write(lambda p, c: service.sign(draft_id, reason), label="sign",
                    on_success=lambda d: (self.status.setText(self.tr("已签发")), self.reload(select_id=d.id)),
                    on_error=self._failed)

    def shutdown(self) -> None:
        """Wait for running work before the window closes."""
        self._reads.shutdown()
        self._writes.shutdown()
        if hasattr(self, "_reads_templates"):
            self._reads_templates.shutdown()
