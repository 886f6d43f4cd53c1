"""Main window: case list and case tabs for judges and clerks; users and audit for IT.

Capability tabs (hearings, dossier, drafts, exchange) live in their own modules and are
added here when present; each is a ``Tab(ctx, parent)`` with ``set_case(case_id)``.
"""
from __future__ import annotations

import importlib

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QHBoxLayout, QLabel, QMainWindow, QMessageBox, QPushButton, QScrollArea, QSplitter, QTabWidget,
    QVBoxLayout, QWidget,
)

from app.security.roles import Permission, has_permission
from app.store.errors import StoreError
from widgets.audit_viewer import AuditViewer
from widgets.case_detail import CaseDetailView
from widgets.case_form import CaseFormDialog
from widgets.case_list import CaseListView
from widgets.lock_screen import LockScreen
from widgets.settings_dialog import SettingsDialog
from widgets.users_panel import UsersPanel
from widgets.terms import tr_term

# (module candidates, tab title) in the order they appear.
CAPABILITY_TABS = (
    (("widgets.hearing_tab", "widgets.transcription_tab"), "庭审笔录"),
    (("widgets.dossier_tab", "widgets.cataloguing_tab"), "电子卷宗"),
    (("widgets.drafting_tab",), "文书"),
    (("widgets.exchange_tab",), "数据交换"),
)
EXCHANGE_TAB = ("widgets.exchange_tab",)


def load_tab_class(candidates: tuple[str, ...]):
    """The ``Tab`` class of the first capability module that exists, else None."""
    for name in candidates:
        try:
            return importlib.import_module(name).Tab
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return None


class IdleWatcher(QObject):
    """Restarts a timer on every keyboard or mouse input; fires ``timeout`` when idle."""

    INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}

    def __init__(self, minutes: int, parent=None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, minutes) * 60_000)
        self.timer.start()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() in self.INPUT_EVENTS:
            self.timer.start()
        return False


class MainWindow(QMainWindow):
    """The application window for one logged-in user."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        role = ctx.session.role.value
        title = self.tr("审判辅助系统") + f" — {ctx.session.display_name}（{tr_term(role)}）"
        if ctx.store.is_demo:
            title += self.tr(" 【演示库 DEMO，请勿录入真实案件】")
        self.setWindowTitle(title)
        self.resize(1280, 800)
        self.case_list: CaseListView | None = None
        self.capability_tabs: list = []
        self.current_case_id: int | None = None
        self._closed = False
        if has_permission(role, Permission.CASE_READ):
            self._build_case_workspace()
        else:
            self._build_admin_workspace()
        self._build_menus()
        self.lock_screen = LockScreen(ctx, self)
        self.lock_screen.unlocked.connect(self._unlocked)
        self.idle = IdleWatcher(ctx.settings["autolock_minutes"], self)
        self.idle.timer.timeout.connect(self.lock)
        QApplication.instance().installEventFilter(self.idle)
        if self.case_list is not None:
            self.case_list.reload()

    # -- layout --------------------------------------------------------------------------

    def _build_case_workspace(self) -> None:
        self.case_list = CaseListView(self.ctx)
        self.case_list.case_selected.connect(self.show_case)
        self.detail = CaseDetailView()
        self.edit_button = QPushButton(self.tr("修改案件(&E)"))
        self.edit_button.setObjectName("editCase")
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self.edit_case)
        detail_page = QWidget()
        detail_layout = QVBoxLayout(detail_page)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        detail_layout.addLayout(buttons)
        detail_layout.addWidget(self.detail, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.tabs.addTab(detail_page, self.tr("案件信息"))
        for candidates, label in CAPABILITY_TABS:
            cls = load_tab_class(candidates)
            if cls is None:
                continue
            tab = cls(self.ctx, self)
            self.capability_tabs.append(tab)
            self.tabs.addTab(self._scrollable(tab), tr_term(label))
        history = AuditViewer(self.ctx)
        self.case_history = history
        self.tabs.addTab(history, self.tr("操作记录"))
        # The list keeps room for its search box; wide capability toolbars scroll instead of
        # squeezing it.
        self.case_list.setMinimumWidth(400)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.case_list)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([440, 960])
        self.setCentralWidget(splitter)
        self.statusBar().showMessage(self.tr("就绪"))

    @staticmethod
    def _scrollable(widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(widget)
        return area

    def _build_admin_workspace(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("adminTabs")
        self.users_panel = UsersPanel(self.ctx)
        self.audit_viewer = AuditViewer(self.ctx)
        self.tabs.addTab(self.users_panel, self.tr("用户管理"))
        self.tabs.addTab(self.audit_viewer, self.tr("审计日志"))
        exchange_cls = load_tab_class(EXCHANGE_TAB)
        if exchange_cls is not None:
            tab = exchange_cls(self.ctx, self)
            self.capability_tabs.append(tab)
            self.tabs.addTab(tab, self.tr("数据交换"))
        note = QLabel(self.tr("信息技术管理员不能查看案件内容。"))
        note.setObjectName("itNote")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(page)
        self.audit_viewer.reload()

    def _build_menus(self) -> None:
        role = self.ctx.session.role.value
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        if has_permission(role, Permission.CASE_CREATE):
            new_case = QAction(self.tr("新建案件(&N)"), self)
            new_case.setShortcut(QKeySequence.StandardKey.New)
            new_case.triggered.connect(self.new_case)
            file_menu.addAction(new_case)
        lock = QAction(self.tr("锁定(&L)"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock)
        file_menu.addAction(lock)
        quit_action = QAction(self.tr("退出(&Q)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        if self.case_list is not None:
            find = QAction(self.tr("查找案件"), self)
            find.setShortcut(QKeySequence.StandardKey.Find)
            find.triggered.connect(lambda: self.case_list.search.setFocus())
            self.addAction(find)
        tools = self.menuBar().addMenu(self.tr("工具(&T)"))
        settings = QAction(self.tr("设置(&S)…"), self)
        settings.triggered.connect(self.open_settings)
        tools.addAction(settings)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于(&A)"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    # -- actions -------------------------------------------------------------------------

    def show_case(self, case_id: int) -> None:
        """Load the case into the detail view and the capability tabs."""
        try:
            case = self.ctx.cases.get_case(case_id)
        except (StoreError, PermissionError) as exc:
            self.statusBar().showMessage(str(exc))
            return
        self.current_case_id = case_id
        self.current_case = case
        self.detail.show_case(case)
        self.edit_button.setEnabled(has_permission(self.ctx.session.role, Permission.CASE_EDIT))
        for tab in self.capability_tabs:
            tab.set_case(case_id)
        self.case_history.filter.setText(f"case:{case_id}")
        self.case_history.reload()

    def new_case(self) -> None:
        """Open the create-case form."""
        dialog = CaseFormDialog(self.ctx, parent=self)
        if dialog.exec() and dialog.saved_id:
            self.case_list.reload()
            self.show_case(dialog.saved_id)

    def edit_case(self) -> None:
        """Open the edit form for the current case."""
        if self.current_case_id is None:
            return
        dialog = CaseFormDialog(self.ctx, self.ctx.cases.get_case(self.current_case_id, audit=False), self)
        if dialog.exec() and dialog.saved_id:
            self.case_list.reload()
            self.show_case(dialog.saved_id)

    def open_settings(self) -> None:
        """Settings dialog."""
        SettingsDialog(self.ctx.settings, self).exec()

    def about(self) -> None:
        """Version and the assistive-only principle."""
        QMessageBox.about(self, self.tr("关于"), self.tr(
            "审判辅助系统 0.1\n离线运行，数据加密存储。\n所有机器生成的内容均为辅助建议，须经人工确认。"))

    def lock(self) -> None:
        """Cover the window until the user's password is entered again."""
        if not self.lock_screen.isVisible():
            self.ctx.audit_now("lock")
            self.lock_screen.lock()

    def _unlocked(self) -> None:
        self.idle.timer.start()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.lock_screen.isVisible():
            self.lock_screen.setGeometry(self.rect())

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Wait for background work, record the logout and close the store (once)."""
        if self._closed:
            super().closeEvent(event)
            return
        self._closed = True
        QApplication.instance().removeEventFilter(self.idle)
        if self.case_list is not None:
            self.case_list.shutdown()
            self.case_history.shutdown()
        else:
            self.audit_viewer.shutdown()
        for tab in self.capability_tabs:
            shutdown = getattr(tab, "shutdown", None)
            if shutdown:
                shutdown()
        try:
            self.ctx.audit_now("logout")
        except StoreError:
            pass
        self.ctx.store.close()
        super().closeEvent(event)
