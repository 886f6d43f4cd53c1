"""Case list: search box, status and deadline filters, sortable table (queries off the GUI thread)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget,
)

from app.tasks import TaskSlot
from widgets.common import URGENCY_BACKGROUNDS, URGENCY_COLOURS, remaining_text
from widgets.terms import tr_term

# The days left come early: it is what a judge scans the list for.
COLUMNS = (
    ("case_number", "案号"), ("cause", "案由"), ("parties", "当事人"), ("remaining", "剩余天数"),
    ("deadline", "审限届满"), ("status", "状态"), ("filing_date", "立案日期"), ("judge", "承办法官"),
)
PARTIES_COLUMN = 2
SORTABLE = {"case_number", "cause", "status", "filing_date", "deadline"}


class CaseTableModel(QAbstractTableModel):
    """Rows of :class:`app.services.cases.CaseSummary`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        """Replace all rows."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr_term(COLUMNS[section][1])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "remaining":
                return "—" if row.status in ("已结案", "已归档") else remaining_text(row.remaining_days)
            if key == "status":
                return tr_term(row.status)
            return str(getattr(row, key))
        if role == Qt.ItemDataRole.ForegroundRole and key in ("remaining", "deadline"):
            return URGENCY_COLOURS.get(row.urgency) if row.urgency != "ok" else None
        if role == Qt.ItemDataRole.BackgroundRole and row.urgency in URGENCY_BACKGROUNDS:
            return URGENCY_BACKGROUNDS[row.urgency]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.case_number}\n{row.parties}"
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class CaseListView(QWidget):
    """Search and pick a case; emits ``case_selected(case_id)``."""

    case_selected = Signal(int)
    loaded = Signal(int)

    DEADLINE_FILTERS = (("全部期限", None), ("7天内到期", 7), ("15天内到期", 15), ("30天内到期", 30), ("已超期", 0))

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._slot = TaskSlot(self)
        self._sort = ("deadline", False)
        self._first_load = True
        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(self.tr("搜索案号、当事人、案由…（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("全部状态"), None)
        from app.services.cases import STATUSES

        for s in STATUSES:
            self.status.addItem(tr_term(s), s)
        self.deadline = QComboBox()
        self.deadline.setObjectName("deadlineFilter")
        for label, days in self.DEADLINE_FILTERS:
            self.deadline.addItem(tr_term(label), days)
        self.model = CaseTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(4, Qt.SortOrder.AscendingOrder)
        header.sectionClicked.connect(self._header_clicked)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PARTIES_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(60)
        self.count = QLabel()
        self.count.setObjectName("caseCount")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status)
        filters.addWidget(self.deadline)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.status.currentIndexChanged.connect(lambda _: self.reload())
        self.deadline.currentIndexChanged.connect(lambda _: self.reload())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(lambda index: self._row_changed(index, QModelIndex()))

    def _header_clicked(self, section: int) -> None:
        key = COLUMNS[section][0]
        if key == "remaining":
            key = "deadline"
        if key not in SORTABLE:
            return
        descending = not self._sort[1] if self._sort[0] == key else False
        self._sort = (key, descending)
        self.table.horizontalHeader().setSortIndicator(
            section, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        self.reload()

    def reload(self) -> None:
        """Query cases with the current filters (cancels a query still running)."""
        query, status, days = self.search.text(), self.status.currentData(), self.deadline.currentData()
        sort, descending = self._sort
        service = self.ctx.service("cases")
        self._slot.start(
            lambda progress, cancel: service.list_cases(query, status, days, sort, descending),
            label="case list", on_success=self._show, on_error=self._failed)

    def _show(self, rows: list) -> None:
        self.model.set_rows(rows)
        self.table.setColumnWidth(PARTIES_COLUMN, 220)
        # Open the most urgent case on the first load only; later reloads (typing in the search
        # box) must not record views of cases the user did not pick.
        if rows and self._first_load:
            self.table.selectRow(0)
        self._first_load = False
        self.count.setText(self.tr("共 %n 件").replace("%n", str(len(rows))))
        self.loaded.emit(len(rows))

    def _failed(self, exc: BaseException) -> None:
        self.count.setText(self.tr("查询失败：") + str(exc))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.case_selected.emit(self.model.rows[current.row()].id)

    def select_case(self, case_id: int) -> None:
        """Select the row of ``case_id`` if it is listed."""
        for i, row in enumerate(self.model.rows):
            if row.id == case_id:
                self.table.selectRow(i)
                return

    def shutdown(self) -> None:
        """Cancel and wait for a running query (before the window closes)."""
        self._slot.shutdown()
