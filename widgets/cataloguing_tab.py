"""电子卷宗 tab: import PDFs, see every page's machine label and why, accept or correct it,
move document boundaries, preview a page, see the 卷内目录 and export it, and take over the
extracted case information.

Machine labels stay marked (state 待确认, flagged pages in orange) until a person accepts or
changes them. Importing and OCR run through the task runner, so the window stays responsive.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem, QProgressBar,
    QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget,
)

from app.security.roles import Permission, has_permission
from app.services.case_guard import ForeignCaseData
from app.tasks import TaskSlot
from widgets import confirm, file_dialogs
from widgets.catalogue_tree import PAGE_ROLE, CatalogueTree
from widgets.common import make_button, show_error
from widgets.flow_layout import flow_row
from widgets.page_preview import PagePreview
from widgets.terms import tr_term

REVIEW_BACKGROUND = QColor("#ffe0b2")
THUMB_WIDTH = 72
STATE_LABELS = {"suggested": "待确认", "accepted": "已确认", "changed": "已更正", "manual": "人工"}
FIELD_LABELS = {"case_number": "案号", "cause": "案由", "filing_date": "立案日期", "plaintiffs": "原告",
                "defendants": "被告", "claims": "诉讼请求"}


def category_colour(index: int) -> QColor:
    """A light colour per category so runs of pages are visible at a glance."""
    return QColor.fromHsv((index * 47) % 360, 40, 250)


class CataloguingTab(QWidget):
    """The dossier of one case."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("cataloguingTab")
        self.service = ctx.cataloguing
        self.case_id: int | None = None
        self.page_rows = []
        self.documents = []
        self.suggestions = []
        # Import and corrections are writes: never cancelled by a reload, buttons off while they run.
        self._import_slot = TaskSlot(self, writes=True, on_change=lambda: self._update_buttons())
        self._writes = TaskSlot(self, writes=True, on_change=lambda: self._update_buttons())
        self._slot = TaskSlot(self)
        self._preview_slot = TaskSlot(self)
        # Exports have their own slot: a reload after a correction must not cancel one.
        self._export_slot = TaskSlot(self)
        self.can_edit = has_permission(ctx.session.role, Permission.DOSSIER_EDIT)
        self.labels: list[str] = []  # category labels in filing order, read with the first dossier

        self.import_button = self._button(self.tr("导入卷宗…"), "importDossier", self.choose_files)
        self.cancel_button = self._button(self.tr("取消"), "cancelImport", self._import_slot.cancel)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 1000)
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.progress, 1)

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("pageTable")
        self.table.setHorizontalHeaderLabels([tr_term(h) for h in ("页号", "文件", "类别", "置信度", "状态", "依据")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Long file names are cut in the middle instead of pushing 类别 and 状态 out of sight.
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(1, 90)  # the full name is in the tooltip
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # 依据 takes what is left (cut, whole in the tooltip): 页号 to 状态 stay in view without a scroll bar.
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(24)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.category = QComboBox()
        self.category.setObjectName("categoryCombo")
        self.category.setMinimumContentsLength(8)
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.set_button = self._button(self.tr("改为此类"), "setCategory", self.apply_category)
        self.accept_button = self._button(self.tr("确认所选"), "acceptPages", self.accept_selected)
        self.split_button = self._button(self.tr("从此页起为新文书"), "startDocument", lambda: self.set_boundary(True))
        self.merge_button = self._button(self.tr("并入上一文书"), "joinDocument", lambda: self.set_boundary(False))
        # Category and boundary controls wrap onto as many rows as the page table's width needs,
        # so that page table, preview and the catalogue side panel always fit side by side.
        edit = flow_row(self.category, self.set_button, self.accept_button, self.split_button, self.merge_button)

        self.thumbs = QListWidget()
        self.thumbs.setObjectName("pageThumbnails")
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setFlow(QListWidget.Flow.LeftToRight)
        self.thumbs.setWrapping(False)
        self.thumbs.setIconSize(QSize(THUMB_WIDTH, int(THUMB_WIDTH * 1.42)))
        self.thumbs.setFixedHeight(int(THUMB_WIDTH * 1.42) + 48)
        self.thumbs.currentRowChanged.connect(self._thumb_selected)
        self._thumb_slot = TaskSlot(self)
        self._thumb_images: list[bytes] = []
        self._filling_thumbs = False

        self.preview = PagePreview(self.tr("选择一页以预览"))

        self.tree = CatalogueTree()
        self.tree.setObjectName("catalogueTree")
        self.tree.pagesDropped.connect(self.move_pages)
        # The same move without a mouse: context menu and shortcuts on the page table and the tree.
        self.move_up_action = QAction(self.tr("移到上一文书"), self)
        self.move_up_action.setObjectName("movePagesUp")
        self.move_up_action.setShortcut(QKeySequence("Ctrl+Shift+Up"))
        self.move_up_action.triggered.connect(lambda: self.move_to_neighbour(-1))
        self.move_down_action = QAction(self.tr("移到下一文书"), self)
        self.move_down_action.setObjectName("movePagesDown")
        self.move_down_action.setShortcut(QKeySequence("Ctrl+Shift+Down"))
        self.move_down_action.triggered.connect(lambda: self.move_to_neighbour(1))
        for action in (self.move_up_action, self.move_down_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        for view in (self.table, self.tree):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            view.addActions([self.move_up_action, self.move_down_action])
        self.tree.setHeaderLabels([self.tr("文书"), self.tr("页")])
        # Document titles get the room; the page span column is only as wide as its numbers.
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.toc = QTableWidget(0, 4)
        self.toc.setObjectName("tocTable")
        self.toc.setHorizontalHeaderLabels([tr_term(h) for h in ("序号", "文件名称", "起止页号", "备注")])
        self.toc.verticalHeader().setVisible(False)
        self.toc.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.toc.horizontalHeader().setStretchLastSection(True)
        self.export_button = self._button(self.tr("导出卷内目录…"), "exportToc", self.choose_export)
        self.export_pdf_button = self._button(self.tr("导出整理后的卷宗 PDF…"), "exportPdf", self.choose_export_pdf)
        toc_page = QWidget()
        toc_layout = QVBoxLayout(toc_page)
        toc_layout.addWidget(self.toc)
        toc_layout.addLayout(flow_row(self.export_button, self.export_pdf_button))
        self.fields = QListWidget()
        self.fields.setObjectName("caseSuggestions")
        self.fields.setWordWrap(True)
        self.fields.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.take_button = self._button(self.tr("采纳到案件信息"), "applyField", self.apply_field)
        fields_page = QWidget()
        fields_layout = QVBoxLayout(fields_page)
        fields_layout.addWidget(self.fields)
        fields_layout.addWidget(self.take_button)
        side = QTabWidget()
        side.setObjectName("dossierSide")
        side.addTab(self.tree, self.tr("目录树"))
        side.addTab(toc_page, self.tr("卷内目录"))
        side.addTab(fields_page, self.tr("案件信息建议"))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(edit)
        # Preview above the catalogue panel, beside the page table: the three fit in the tab's
        # width at 1280 px (100% and 150%) without sideways scrolling. Sizes are remembered.
        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("dossierRightSplitter")
        right.addWidget(self.preview)
        right.addWidget(side)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setSizes([320, 200])  # the page preview gets the larger share
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("dossierSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])  # page table 3 : preview and catalogue 2, until the user moves it
        self.status = QLabel()
        self.status.setObjectName("dossierStatus")
        self.status.setWordWrap(True)
        # The legend shows the real review colour; other backgrounds only tell categories apart.
        hint = QLabel(self.tr("类别为机器建议，须经书记员或承办法官确认或更正；更正会用于本院的本地学习。")
                      + f' <span style="background:{REVIEW_BACKGROUND.name()}">&nbsp;'
                      + self.tr("待复核") + "&nbsp;</span> " + self.tr("其余底色按材料类别区分。"))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.thumbs)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self._update_buttons()

    _button = staticmethod(make_button)

    # -- state -----------------------------------------------------------------------------

    def set_case(self, case_id: int | None) -> None:
        """Show the dossier of ``case_id`` (None clears the tab)."""
        self._import_slot.cancel()
        self.case_id = case_id
        self.page_rows, self.documents, self.suggestions = [], [], []
        self.table.setRowCount(0)
        self.tree.clear()
        self.thumbs.clear()
        self._thumb_images = []
        self.toc.setRowCount(0)
        self.fields.clear()
        self.progress.setValue(0)
        self.status.setText("")
        self._update_buttons()
        if case_id is not None:
            self.reload()

    def selected_pages(self) -> list[int]:
        """Page numbers of the selected rows."""
        return sorted(self.page_rows[i.row()].page for i in self.table.selectionModel().selectedRows()
                      if i.row() < len(self.page_rows))

    def current_page(self) -> int | None:
        """Page number of the current row (the page a boundary action applies to)."""
        row = self.table.currentRow()
        return self.page_rows[row].page if 0 <= row < len(self.page_rows) else None

    def _update_buttons(self) -> None:
        has_case, pages = self.case_id is not None, self.selected_pages() if self.page_rows else []
        running = self.busy
        self.import_button.setEnabled(has_case and self.can_edit and not running)
        self.cancel_button.setEnabled(running)
        for b in (self.set_button, self.accept_button):
            b.setEnabled(bool(pages) and self.can_edit and not running)
        for b in (self.split_button, self.merge_button):
            b.setEnabled(has_case and self.current_page() is not None and self.can_edit and not running)
        for a in (self.move_up_action, self.move_down_action):
            a.setEnabled(len(self.documents) > 1 and self.can_edit and not running)
        self.export_button.setEnabled(bool(self.page_rows))
        self.export_pdf_button.setEnabled(bool(self.page_rows))
        row = self.fields.currentRow()
        self.take_button.setEnabled(0 <= row < len(self.suggestions) and self.can_edit
                                    and not getattr(self.suggestions[row], "foreign", False))

    @property
    def busy(self) -> bool:
        """True while an import or a correction of this tab runs."""
        return self._import_slot.busy or self._writes.busy

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(str(exc))
        show_error(self, str(exc))

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Load pages, documents, 卷内目录 and suggestions of the current case."""
        case_id, service = self.case_id, self.service
        if case_id is None:
            return

        def load(progress, cancel):
            view = service.overview(case_id)  # one read of the documents for all three views
            return view.pages, view.documents, view.toc, view.suggestions, service.categories()

        self._slot.start(load, label="dossier", on_success=lambda r: self._show(*r), on_error=self._failed)

    def _show(self, pages, documents, toc, suggestions, labels) -> None:
        if labels != self.labels:
            self.labels = labels
            self.category.clear()
            for label in labels:
                self.category.addItem(tr_term(label), label)
        self.page_rows = pages
        self.table.setRowCount(len(pages))
        for row, p in enumerate(pages):
            values = (str(p.page), self.tr("%1 第%2页").replace("%2", str(p.file_page)).replace("%1", p.file),
                      tr_term(p.category), f"{p.confidence:.2f}", tr_term(STATE_LABELS.get(p.state, p.state)), p.reason)
            colour = REVIEW_BACKGROUND if p.needs_review else category_colour(self._index(p.category))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setBackground(QBrush(colour))
                item.setToolTip(value + "\n" + p.reason if col == 1 else p.reason)  # the file name is cut in the cell
                self.table.setItem(row, col, item)
        self.documents = documents
        self.tree.clear()
        for d in documents:
            span = f"{d.start_page}" if d.start_page == d.end_page else f"{d.start_page}-{d.end_page}"
            node = QTreeWidgetItem([self.tr("%1：%2").replace("%1", tr_term(d.category)).replace("%2", d.title), span])
            node.setBackground(0, QBrush(REVIEW_BACKGROUND if d.needs_review else category_colour(self._index(d.category))))
            node.setData(0, PAGE_ROLE, d.start_page)
            for page in range(d.start_page, d.end_page + 1):
                child = QTreeWidgetItem([self.tr("第 %1 页").replace("%1", str(page)), str(page)])
                child.setData(0, PAGE_ROLE, page)
                node.addChild(child)
            self.tree.addTopLevelItem(node)
        self.toc.setRowCount(len(toc))
        for row, r in enumerate(toc):
            for col, value in enumerate((str(r.seq or ""), r.title, r.pages, r.remark)):
                self.toc.setItem(row, col, QTableWidgetItem(value))
        self.suggestions = suggestions
        self.fields.clear()
        for s in suggestions:
            value = "、".join(s.value) if isinstance(s.value, list) else str(s.value)
            label = tr_term(FIELD_LABELS.get(s.target, s.target))
            text = self.tr("%1：%2").replace("%1", label).replace("%2", value) + f"\n    {s.reason}"
            item = QListWidgetItem(text)
            if getattr(s, "foreign", False):
                # Another case's number is a warning, never a value to take over.
                item.setText(text + "\n    " + self.tr("与本案案号不一致，可能混入了他案材料：不可采纳"))
                item.setForeground(QBrush(QColor("#c62828")))
            self.fields.addItem(item)
        self._show_thumb_labels()
        case_id, service = self.case_id, self.service
        if len(self._thumb_images) == len(pages):
            self._show_thumbs(self._thumb_images)  # a correction changes labels, not images
        else:
            self._thumb_slot.start(lambda p, c: service.thumbnails(case_id, THUMB_WIDTH * 2, p, c), label="thumbnails",
                                   on_success=self._show_thumbs, on_error=self._failed)
        review = sum(1 for p in pages if p.needs_review)
        self.status.setText(self.tr("共 %1 页、%2 件文书；待复核 %3 页").replace("%1", str(len(pages)))
                            .replace("%2", str(len(documents))).replace("%3", str(review)))
        self._update_buttons()

    def _show_thumb_labels(self) -> None:
        # Labels and category colours first; the images follow from a background task.
        self._filling_thumbs = True
        self.thumbs.clear()
        for p in self.page_rows:
            item = QListWidgetItem(f"{p.page} {tr_term(p.category)}")
            item.setBackground(QBrush(REVIEW_BACKGROUND if p.needs_review else category_colour(self._index(p.category))))
            item.setToolTip(p.reason)
            self.thumbs.addItem(item)
        self._filling_thumbs = False

    def _show_thumbs(self, images: list[bytes]) -> None:
        self._thumb_images = images
        for row, png in enumerate(images[:self.thumbs.count()]):
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            self.thumbs.item(row).setIcon(QIcon(pixmap))

    def _thumb_selected(self, row: int) -> None:
        if not self._filling_thumbs and 0 <= row < self.table.rowCount():
            self.table.clearSelection()
            self.table.selectRow(row)

    def _index(self, label: str) -> int:
        return self.labels.index(label) if label in self.labels else len(self.labels)

    def _selection_changed(self) -> None:
        self._update_buttons()
        pages = self.selected_pages()
        if len(pages) != 1:
            return
        # The category box follows the selected page, so 改为 starts from what the page has.
        row = next((r for r in self.page_rows if r.page == pages[0]), None)
        if row is not None and self.category.findData(row.category) >= 0:
            self.category.setCurrentIndex(self.category.findData(row.category))
        case_id, page, service = self.case_id, pages[0], self.service
        self._preview_slot.start(lambda p, c: service.render_page(case_id, page), label="preview",
                                 on_success=self._show_preview, on_error=self._failed)

    def _show_preview(self, png: bytes) -> None:
        self.preview.set_page(png)

    # -- actions ---------------------------------------------------------------------------

    def choose_files(self) -> None:
        """Ask for dossier PDFs or page images and import them."""
        paths = file_dialogs.open_files(self, self.tr("导入卷宗"),
                                        self.tr("PDF 或图片 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"))
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[str], allow_foreign: bool = False) -> None:
        """Import and catalogue ``paths`` in the background; material of another case is asked about."""
        case_id, service = self.case_id, self.service

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ForeignCaseData):
                self._update_buttons()
                if confirm.ask_foreign(self, str(exc)):
                    self.import_files(paths, allow_foreign=True)
                else:
                    self.status.setText(self.tr("未导入：材料中出现其他案件的案号。"))
                return
            self._import_failed(exc)

        self._import_slot.start(
            lambda progress, cancel: service.import_files(case_id, paths, progress, cancel, allow_foreign=allow_foreign),
            label="import dossier", on_success=self._imported, on_error=failed,
            on_progress=self._progress, on_cancelled=self._import_cancelled)
        self._update_buttons()

    def _progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.status.setText(message)

    def _imported(self, report) -> None:
        problems = "；".join(f"{e['file']}：{e['message']}" for e in report.errors)
        self.reload()
        self.status.setText(self.tr("已导入 %1 页").replace("%1", str(report.pages)) + (f"；{problems}" if problems else ""))

    def _import_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        self._failed(exc)

    def _import_cancelled(self) -> None:
        self.status.setText(self.tr("已取消导入"))
        self._update_buttons()

    def apply_category(self) -> None:
        """Give the selected pages the chosen category (a correction the model learns from)."""
        pages, label, case_id, service = self.selected_pages(), self.category.currentData(), self.case_id, self.service
        self._run(lambda: service.set_category(case_id, pages, label))

    def accept_selected(self) -> None:
        """Confirm the machine labels of the selected pages."""
        pages, case_id, service = self.selected_pages(), self.case_id, self.service
        self._run(lambda: service.accept_pages(case_id, pages))

    def set_boundary(self, starts: bool) -> None:
        """Start a new document at the selected page, or join it to the one before."""
        page = self.current_page()
        if page is not None:
            case_id, service = self.case_id, self.service
            self._run(lambda: service.set_boundary(case_id, page, starts))

    def move_pages(self, pages: list[int], target_start: int) -> None:
        """Move ``pages`` into the document starting at ``target_start`` (dropped there in the
        tree, or moved by keyboard); stored as corrections the local model learns from."""
        if self.case_id is None or not self.can_edit or not pages:
            return
        self._thumb_images = []  # pages may be re-ordered: render the thumbnails again
        case_id, service = self.case_id, self.service
        self._run(lambda: service.move_pages(case_id, pages, target_start))

    def move_to_neighbour(self, step: int) -> None:
        """Move the selected pages (tree selection when the tree has focus, else the page
        table's) into the previous (``step`` -1) or next (+1) document."""
        pages = self.tree.selected_pages() if self.tree.hasFocus() else []
        pages = pages or self.selected_pages() or self.tree.selected_pages()
        if not pages or not self.documents:
            return
        edge = pages[0] if step < 0 else pages[-1]
        index = next((i for i, d in enumerate(self.documents) if d.start_page <= edge <= d.end_page), None)
        if index is None or not 0 <= index + step < len(self.documents):
            self.status.setText(self.tr("没有上一件文书") if step < 0 else self.tr("没有下一件文书"))
            return
        self.move_pages(pages, self.documents[index + step].start_page)

    def apply_field(self) -> None:
        """Take the selected suggestion over into the case record (audited)."""
        row = self.fields.currentRow()
        if 0 <= row < len(self.suggestions):
            output_id, service = self.suggestions[row].id, self.service
            self._run(lambda: service.apply_case_field(output_id))

    def _run(self, action) -> None:
        """A correction in the write slot, then a reload; a second one while it runs waits its turn."""
        if self._writes.busy:
            self.status.setText(self.tr("上一项修改仍在保存，请稍候。"))
            return
        self._writes.start(lambda p, c: action(), label="dossier change", on_success=lambda _r: self.reload(),
                           on_error=self._failed)

    def choose_export(self) -> None:
        """Ask where to save the 卷内目录 .docx, then write it."""
        path = file_dialogs.save_file(self, self.tr("导出卷内目录"), self.tr("卷内目录") + ".docx", "Word (*.docx)")
        if path:
            self.export_toc(path)

    def export_toc(self, path: str) -> None:
        """Write the 卷内目录 .docx to ``path``."""
        case_id, service = self.case_id, self.service
        self._export_slot.start(lambda p, c: service.export_toc_docx(case_id, path), label="export toc",
                                on_success=lambda out: self.status.setText(self.tr("卷内目录已导出：%1").replace("%1", str(out))),
                                on_error=self._failed)

    def choose_export_pdf(self) -> None:
        """Ask where to save the ordered dossier PDF, then write it in the background."""
        path = file_dialogs.save_file(self, self.tr("导出整理后的卷宗"), self.tr("卷宗") + ".pdf", "PDF (*.pdf)")
        if path:
            self.export_pdf(path)

    def export_pdf(self, path: str) -> None:
        """Write the dossier in filing order with bookmarks, in the background."""
        case_id, service = self.case_id, self.service
        self.status.setText(self.tr("正在导出卷宗…"))
        self._export_slot.start(lambda p, c: service.export_ordered_pdf(case_id, path), label="export pdf",
                         on_success=lambda out: self.status.setText(self.tr("卷宗已导出：%1").replace("%1", str(out))),
                         on_error=self._failed)

    def shutdown(self) -> None:
        """Cancel background work (called when the window closes)."""
        for slot in (self._import_slot, self._writes, self._slot, self._preview_slot, self._thumb_slot,
                     self._export_slot):
            slot.shutdown()
