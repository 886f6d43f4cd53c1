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
# Primary columns first: 案号 and the 审限 stay visible in a narrow list (issue 14, layout).
COLUMNS = (
    ("case_number", "案号"), ("remaining", "剩余天数"), ("deadline", "审限届满"), ("cause", "案由"),
    ("parties", "当事人"), ("status", "状态"), ("filing_date", "立案日期"), ("judge", "承办法官"),
)
PARTIES_COLUMN = 4
SORTABLE = {"case_number", "cause", "status", "filing_date", "deadline"}


PAGE_SIZE = 200


class CaseTableModel(QAbstractTableModel):
    """Rows of :class:`app.services.cases.CaseSummary`, one page at a time.

    The table asks for more (``canFetchMore``/``fetchMore``) when it is scrolled to the end;
    the view loads the next page off the GUI thread and appends it.
    """

    def __init__(self, parent=None, on_fetch_more=None) -> None:
        super().__init__(parent)
        self.rows: list = []
        self.total = 0
        self.fetching = False
        self._on_fetch_more = on_fetch_more

    def set_rows(self, rows: list, total: int | None = None) -> None:
        """Replace all rows; ``total`` is how many match (more may be fetched up to it)."""
        self.beginResetModel()
        self.rows = rows
        self.total = len(rows) if total is None else total
        self.fetching = False
        self.endResetModel()

    def append_rows(self, rows: list) -> None:
        """Add the next page below the rows already shown."""
        self.fetching = False
        known = {r.id for r in self.rows}
        rows = [r for r in rows if r.id not in known]  # a case saved meanwhile may shift pages
        if not rows:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and not self.fetching and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802 - Qt API
        if self.canFetchMore(parent) and self._on_fetch_more is not None:
            self.fetching = True
            self._on_fetch_more(len(self.rows))

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
        self._more_slot = TaskSlot(self)
        self._filters: tuple | None = None  # what the rows on show were loaded with
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
        self.model = CaseTableModel(self, on_fetch_more=self.load_more)
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
        service = self.ctx.cases
        filters = (query, status, days, sort, descending)
        self._more_slot.cancel()

        def first_page(progress, cancel):
            rows = service.list_cases(query, status, days, sort, descending, limit=PAGE_SIZE)
            total = len(rows) if len(rows) < PAGE_SIZE else service.count_cases(query, status, days)
            return filters, rows, total

        self._slot.start(first_page, label="case list", on_success=self._show, on_error=self._failed)

    def load_more(self, offset: int) -> None:
        """Load the page after ``offset`` rows (the table asks when scrolled to its end)."""
        if self._filters is None:
            self.model.fetching = False
            return
        filters = self._filters
        service = self.ctx.cases
        query, status, days, sort, descending = filters
        self._more_slot.start(
            lambda progress, cancel: (filters, service.list_cases(query, status, days, sort, descending,
                                                                  limit=PAGE_SIZE, offset=offset)),
            label="case list more", on_success=self._append, on_error=self._more_failed)

    def _append(self, result) -> None:
        filters, rows = result
        if filters != self._filters:
            return  # the filters changed while this page was loading
        self.model.append_rows(rows)
        self._show_count()

    def _more_failed(self, exc: BaseException) -> None:
        self.model.fetching = False
        self._failed(exc)

    def _show_count(self) -> None:
        shown, total = len(self.model.rows), self.model.total
        text = self.tr("共 %n 件").replace("%n", str(total))
        if shown < total:
            text += self.tr("，已显示 %1 件（滚动到底部加载更多）").replace("%1", str(shown))
        self.count.setText(text)

    def _show(self, result) -> None:
        filters, rows, total = result
        self._filters = filters
        self.model.set_rows(rows, total)
        self.table.setColumnWidth(PARTIES_COLUMN, 220)
        # Open the most urgent case on the first load only; later reloads (typing in the search
        # box) must not record views of cases the user did not pick.
        if rows and self._first_load:
            self.table.selectRow(0)
        self._first_load = False
        self._show_count()
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
        """Cancel and wait for running queries (before the window closes)."""
        self._slot.shutdown()
        self._more_slot.shutdown()
