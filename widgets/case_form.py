"""Create/edit a case: 案号 checked as you type (half-width brackets accepted), 审判组织 with the
panel's members, parties table."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from app.services.cases import (
    PANEL_ROLES, PARTY_KINDS, PARTY_ROLES, STATUSES, CaseInput, PanelMember, Party, ValidationError, check_case_number,
    default_bench,
)
from app.store.errors import StoreError
from app.tasks import TaskSlot
from widgets.case_suggestions import CaseSuggestionsPanel
from widgets.terms import tr_term

PARTY_COLUMNS = ("诉讼地位", "类型", "姓名/名称", "身份证号/信用代码", "住所", "法定代表人", "委托代理人", "代理人信息")


def _term_box(values, current: str) -> QComboBox:
    """A drop-down of stored terms shown in the UI language, ``current`` selected."""
    box = QComboBox()
    for value in values:
        box.addItem(tr_term(value), value)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box

class CaseFormDialog(QDialog):
    """Dialog that validates and saves a case through the case service."""

    def __init__(self, ctx, case=None, parent=None, staff: list | None = None, suggestions: list | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case = case
        self.saved_id: int | None = None
        self.setObjectName("caseForm")
        self.setWindowTitle(self.tr("修改案件") if case else self.tr("新建案件"))
        self.resize(900, 640)
        self.number = QLineEdit()
        self.number.setObjectName("caseNumber")
        self.number.setPlaceholderText("（2024）京0105民初12345号")
        self.number_hint = QLabel()
        self.number_hint.setObjectName("caseNumberHint")
        self.cause = QLineEdit()
        self.cause.setObjectName("cause")
        self.procedure = QComboBox()
        self.procedure.setObjectName("procedure")
        self.procedure.addItem(self.tr("普通程序"), "普通")
        self.procedure.addItem(self.tr("简易程序"), "简易")
        self._build_bench()
        self.filing = QDateEdit()
        self.filing.setObjectName("filingDate")
        self.filing.setCalendarPopup(True)
        self.filing.setDisplayFormat("yyyy-MM-dd")
        self.filing.setDate(QDate.currentDate())
        self.extension = QSpinBox()
        self.extension.setRange(0, 366)
        self.extension.setSuffix(self.tr(" 天"))
        self.status = QComboBox()
        self.status.setObjectName("status")
        for s in STATUSES:
            self.status.addItem(tr_term(s), s)
        self.status.setCurrentIndex(STATUSES.index("审理中"))
        self.judge = QComboBox()
        self.judge.setObjectName("judge")
        self.clerk = QComboBox()
        self.clerk.setObjectName("clerk")
        self.judge.addItem(self.tr("（未指定）"), None)
        self.clerk.addItem(self.tr("（未指定）"), None)
        # The main window reads staff (and suggestions) through the task runner and passes them in.
        for user in staff if staff is not None else ctx.cases.staff():
            (self.judge if user["role"] == "审判员" else self.clerk).addItem(user["display_name"], user["id"])
        self.claims = QPlainTextEdit()
        self.claims.setObjectName("claims")
        self.claims.setMaximumHeight(80)
        form = QFormLayout()
        number_row = QVBoxLayout()
        number_row.addWidget(self.number)
        number_row.addWidget(self.number_hint)
        form.addRow(self.tr("案号"), number_row)
        form.addRow(self.tr("案由(&C)"), self.cause)
        form.addRow(self.tr("审理程序"), self.procedure)
        form.addRow(self.tr("审判组织"), self.bench_box)
        form.addRow(self.tr("立案日期(&D)"), self.filing)
        form.addRow(self.tr("延长审限"), self.extension)
        form.addRow(self.tr("状态"), self.status)
        form.addRow(self.tr("承办法官"), self.judge)
        form.addRow(self.tr("书记员"), self.clerk)
        form.addRow(self.tr("诉讼请求"), self.claims)
        self.parties = QTableWidget(0, len(PARTY_COLUMNS))
        self.parties.setObjectName("partyEditor")
        self.parties.setHorizontalHeaderLabels([tr_term(c) for c in PARTY_COLUMNS])
        self.parties.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.parties.horizontalHeader().setStretchLastSection(True)
        add = QPushButton(self.tr("添加当事人(&A)"))
        add.setObjectName("addParty")
        add.clicked.connect(lambda: self.add_party(Party("原告" if not self.parties.rowCount() else "被告", "")))
        remove = QPushButton(self.tr("删除所选(&R)"))
        remove.clicked.connect(self._remove_party)
        party_buttons = QHBoxLayout()
        party_buttons.addWidget(add)
        party_buttons.addWidget(remove)
        party_buttons.addStretch(1)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存(&S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self._save_slot = TaskSlot(self, writes=True)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        # Case fields extracted from the dossier, to take over (only when editing a case).
        self.suggestion_panel = CaseSuggestionsPanel(ctx, self, case.id, suggestions) if case is not None else None
        if self.suggestion_panel is not None:
            layout.addWidget(self.suggestion_panel)
        layout.addWidget(QLabel(self.tr("当事人")))
        layout.addWidget(self.parties, 1)
        layout.addLayout(party_buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.number.textChanged.connect(self._check_number)
        if case is not None:
            self._load(case)
        self._check_number(self.number.text())

    def _build_bench(self) -> None:
        """审判组织: 独任审判 or 合议庭, and for a panel its members besides the judge in charge."""
        from PySide6.QtWidgets import QWidget

        self.bench = QComboBox()
        self.bench.setObjectName("bench")
        self.bench.addItem(self.tr("独任审判"), "独任")
        self.bench.addItem(self.tr("合议庭"), "合议庭")
        self.bench.setCurrentIndex(1)
        self.panel = QTableWidget(0, 2)
        self.panel.setObjectName("panelEditor")
        self.panel.setHorizontalHeaderLabels([self.tr("职务"), self.tr("姓名")])
        self.panel.horizontalHeader().setStretchLastSection(True)
        self.panel.setMaximumHeight(110)
        self.add_member_button = QPushButton(self.tr("添加合议庭成员"))
        self.add_member_button.setObjectName("addPanelMember")
        self.add_member_button.clicked.connect(lambda: self.add_member(PanelMember("审判员", "")))
        self.remove_member_button = QPushButton(self.tr("删除所选成员"))
        self.remove_member_button.clicked.connect(self._remove_member)
        self.bench_hint = QLabel()
        self.bench_hint.setObjectName("benchHint")
        self.bench_hint.setWordWrap(True)
        self.bench_hint.setStyleSheet("color: #616161;")
        self.bench_box = QWidget()
        box = QVBoxLayout(self.bench_box)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.bench)
        row.addWidget(self.add_member_button)
        row.addWidget(self.remove_member_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.panel)
        box.addWidget(self.bench_hint)
        self.procedure.currentIndexChanged.connect(self._follow_procedure)
        self.bench.currentIndexChanged.connect(self._show_bench)
        self._show_bench()

    def _follow_procedure(self) -> None:
        """简易程序 is heard by one judge: the bench follows and cannot be a panel."""
        simple = self.procedure.currentData() == "简易"
        if simple:
            self.bench.setCurrentIndex(self.bench.findData("独任"))
        self.bench.model().item(self.bench.findData("合议庭")).setEnabled(not simple)
        self._show_bench()

    def _show_bench(self) -> None:
        panel = self.bench.currentData() == "合议庭"
        for widget in (self.panel, self.add_member_button, self.remove_member_button):
            widget.setVisible(panel)
        if self.procedure.currentData() == "简易":
            self.bench_hint.setText(self.tr("简易程序由审判员一人独任审理；署名为“审判员”。"))
        elif panel:
            self.bench_hint.setText(self.tr("合议庭成员为三人以上的单数（含承办法官）；承办法官任审判长，"
                                            "除非另列审判长。署名：审判长、审判员、人民陪审员。"))
        else:
            self.bench_hint.setText(self.tr("普通程序也可由审判员一人独任审理（民事诉讼法第四十条）；署名为“审判员”。"))

    def add_member(self, member: PanelMember) -> None:
        """Append a panel member row (title as a drop-down)."""
        row = self.panel.rowCount()
        self.panel.insertRow(row)
        self.panel.setCellWidget(row, 0, _term_box(PANEL_ROLES, member.role))
        self.panel.setItem(row, 1, QTableWidgetItem(member.name))

    def _remove_member(self) -> None:
        for row in sorted({i.row() for i in self.panel.selectedIndexes()}, reverse=True):
            self.panel.removeRow(row)

    def _members(self) -> list[PanelMember]:
        if self.bench.currentData() != "合议庭":
            return []
        members = []
        for row in range(self.panel.rowCount()):
            item = self.panel.item(row, 1)
            name = item.text().strip() if item else ""
            if name:
                members.append(PanelMember(self.panel.cellWidget(row, 0).currentData(), name))
        return members

    def _load(self, case) -> None:
        self.number.setText(case.case_number)
        self.cause.setText(case.cause)
        self.procedure.setCurrentIndex(self.procedure.findData(case.procedure))
        self.bench.setCurrentIndex(max(0, self.bench.findData(case.bench or default_bench(case.procedure))))
        for member in case.panel:
            self.add_member(member)
        self.filing.setDate(QDate.fromString(case.filing_date, "yyyy-MM-dd"))
        self.extension.setValue(case.extension_days)
        self.status.setCurrentIndex(max(0, self.status.findData(case.status)))
        self.judge.setCurrentIndex(max(0, self.judge.findData(case.judge_id)))
        self.clerk.setCurrentIndex(max(0, self.clerk.findData(case.clerk_id)))
        self.claims.setPlainText(case.claims)
        for p in case.party_list:
            self.add_party(p)

    def add_party(self, party: Party) -> None:
        """Append a party row (role and kind as drop-downs)."""
        row = self.parties.rowCount()
        self.parties.insertRow(row)
        self.parties.setCellWidget(row, 0, _term_box(PARTY_ROLES, party.role))
        self.parties.setCellWidget(row, 1, _term_box(PARTY_KINDS, party.kind))
        for col, value in enumerate((party.name, party.id_number, party.address, party.representative, party.agent,
                                     party.agent_detail), start=2):
            self.parties.setItem(row, col, QTableWidgetItem(value))

    def _remove_party(self) -> None:
        rows = sorted({i.row() for i in self.parties.selectedIndexes()}, reverse=True)
        for row in rows:
            self.parties.removeRow(row)

    def _check_number(self, text: str) -> bool:
        if not text.strip():
            self.number_hint.setText(self.tr("格式：（年度）法院代字类型代字序号号"))
            self.number_hint.setStyleSheet("color: #616161;")
            return False
        valid, text = check_case_number(text)
        if not valid:
            self.number_hint.setText(text)
            self.number_hint.setStyleSheet("color: #c62828;")
            return False
        self.number_hint.setText(self.tr("有效：") + text)
        self.number_hint.setStyleSheet("color: #2e7d32;")
        return True

    def _cell(self, row: int, col: int) -> str:
        item = self.parties.item(row, col)
        return item.text().strip() if item else ""

    def collect(self) -> CaseInput:
        """The form's content as a CaseInput."""
        qd = self.filing.date()
        parties = []
        for row in range(self.parties.rowCount()):
            name = self._cell(row, 2)
            if not name and not any(self._cell(row, c) for c in range(3, 8)):
                continue
            parties.append(Party(role=self.parties.cellWidget(row, 0).currentData(),
                                 kind=self.parties.cellWidget(row, 1).currentData(), name=name,
                                 id_number=self._cell(row, 3), address=self._cell(row, 4),
                                 representative=self._cell(row, 5), agent=self._cell(row, 6),
                                 agent_detail=self._cell(row, 7)))
        return CaseInput(case_number=self.number.text(), cause=self.cause.text(), procedure=self.procedure.currentData(),
                         filing_date=date(qd.year(), qd.month(), qd.day()), judge_id=self.judge.currentData(),
                         clerk_id=self.clerk.currentData(), status=self.status.currentData(),
                         claims=self.claims.toPlainText(), extension_days=self.extension.value(), parties=parties,
                         bench=self.bench.currentData(), panel=self._members())

    def save(self) -> None:
        """Validate and store through the service (in the write slot); errors keep the dialog open."""
        if self._save_slot.busy:
            return
        data = self.collect()
        service, case = self.ctx.cases, self.case
        decisions = self.suggestion_panel.decisions(data) if self.suggestion_panel is not None else []
        fields = self.ctx.case_fields if decisions else None

        def store(progress, cancel):
            if case is None:
                saved = service.create_case(data)
            else:
                service.update_case(case.id, data, case.version)
                saved = case.id
            for output_id, state, value in decisions:
                fields.decide(output_id, state, value)
            return saved

        self.buttons.setEnabled(False)
        self._save_slot.start(store, label="save case", on_success=self._saved, on_error=self._save_failed)

    def _saved(self, saved_id: int) -> None:
        self.buttons.setEnabled(True)
        self.saved_id = saved_id
        if self.suggestion_panel is not None:
            self.suggestion_panel.taken.clear()
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(exc, (ValidationError, StoreError, PermissionError)):
            exc = RuntimeError(self.tr("未能保存：") + str(exc))
        self.error.setText(str(exc))
        if isinstance(exc, ValidationError) and exc.field == "case_number":
            self.number.setFocus()
