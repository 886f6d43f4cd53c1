"""Main window: case list and case tabs for judges and clerks; users and audit for IT.

Capability tabs (hearings, dossier, drafts, exchange) live in their own modules, named in
:data:`CAPABILITY_TABS` as ``module:Class``; each is built as ``Class(ctx, parent)`` and has
``set_case(case_id)``. A listed module that is missing is an error, not a silently absent tab.
"""
from __future__ import annotations

import importlib

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QHBoxLayout, QLabel, QMainWindow, QMessageBox, QPushButton, QScrollArea, QSplitter, QTabWidget,
    QVBoxLayout, QWidget,
)

from app.security.roles import Permission, has_permission
from app.store.errors import StoreError
from app.tasks import TaskSlot, run_task
from widgets.audit_viewer import AuditViewer
from widgets.case_detail import CaseDetailView
from widgets.case_form import CaseFormDialog
from widgets.case_list import CaseListView
from widgets.lock_screen import LockScreen
from widgets.settings_dialog import SettingsDialog
from widgets.users_panel import UsersPanel
from widgets.terms import tr_term

# ("module:Class", tab title) in the order they appear.
CAPABILITY_TABS = (
    ("widgets.transcription_tab:TranscriptionTab", "庭审笔录"),
    ("widgets.cataloguing_tab:CataloguingTab", "电子卷宗"),
    ("widgets.drafting_tab:DraftingTab", "文书"),
    ("widgets.exchange_tab:ExchangeTab", "数据交换"),
)
EXCHANGE_TAB = "widgets.exchange_tab:ExchangeTab"


def load_tab_class(target: str):
    """The class named by ``module:Class``; a missing module or class raises (never skipped)."""
    module_name, _, class_name = target.partition(":")
    module = importlib.import_module(module_name)
    try:
        return getattr(module, class_name)
    except AttributeError:
        raise ImportError(f"{module_name} has no tab class {class_name}") from None


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
        # Qt appends the application's display name (审判辅助系统) itself: not repeated here.
        title = f"{ctx.session.display_name}（{tr_term(role)}）"
        if ctx.store.is_demo:
            title += self.tr(" 【演示库 DEMO，请勿录入真实案件】")
        self.setWindowTitle(title)
        self.resize(1280, 800)
        self.case_list: CaseListView | None = None
        self.capability_tabs: list = []
        self.current_case_id: int | None = None
        self._closed = False
        self._case_slot = TaskSlot(self)
        self.switch_requested = False  # 注销并切换用户: the entry point shows the login again
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
        self._restore_layout()
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
        for target, label in CAPABILITY_TABS:
            tab = load_tab_class(target)(self.ctx, self)
            self.capability_tabs.append(tab)
            self.tabs.addTab(self._scrollable(tab), tr_term(label))
        history = AuditViewer(self.ctx)
        self.case_history = history
        self.tabs.addTab(history, self.tr("操作记录"))
        # The history is read again whenever it is shown: edits made in other tabs appear at once.
        self.tabs.currentChanged.connect(
            lambda i: self.case_history.reload() if self.tabs.widget(i) is history and self.current_case_id else None)
        # The list keeps room for its search box; wide capability toolbars scroll instead of
        # squeezing it.
        self.case_list.setMinimumWidth(280)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.case_list)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        # 案号, 剩余天数 and 审限 in full (English "141 days left" is the widest); the tabs wrap
        # their toolbars into the rest at 1280 px (100% and 150%).
        splitter.setSizes([470, 810])
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
        tab = load_tab_class(EXCHANGE_TAB)(self.ctx, self)
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
            new_case.setObjectName("newCaseAction")
            new_case.setShortcut(QKeySequence.StandardKey.New)
            new_case.triggered.connect(self.new_case)
            file_menu.addAction(new_case)
        lock = QAction(self.tr("锁定(&L)"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock)
        file_menu.addAction(lock)
        switch = QAction(self.tr("注销并切换用户(&U)…"), self)
        switch.setObjectName("switchUserAction")
        switch.triggered.connect(self.switch_user)
        file_menu.addAction(switch)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出(&Q)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        if self.case_list is not None:
            view = self.menuBar().addMenu(self.tr("查看(&V)"))
            # Window-wide keys with one meaning each; Ctrl+F belongs to the pane that has focus.
            find = QAction(self.tr("查找案件(&F)"), self)
            find.setObjectName("findCaseAction")
            find.setShortcut(QKeySequence("Ctrl+Shift+F"))
            find.triggered.connect(self.focus_case_search)
            view.addAction(find)
            to_tabs = QAction(self.tr("转到案件页签(&T)"), self)
            to_tabs.setShortcut(QKeySequence("F6"))
            to_tabs.triggered.connect(lambda: self.tabs.currentWidget().setFocus())
            view.addAction(to_tabs)
            for i in range(self.tabs.count()):
                go = QAction(self.tabs.tabText(i), self)
                go.setShortcut(QKeySequence(f"Alt+{i + 1}"))
                go.triggered.connect(lambda _=False, i=i: self.tabs.setCurrentIndex(i))
                view.addAction(go)
            QShortcut(QKeySequence("Ctrl+F"), self.case_list, activated=self.focus_case_search,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        tools = self.menuBar().addMenu(self.tr("工具(&T)"))
        settings = QAction(self.tr("设置(&S)…"), self)
        settings.triggered.connect(self.open_settings)
        tools.addAction(settings)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        keys = QAction(self.tr("快捷键(&K)"), self)
        keys.setObjectName("shortcutsAction")
        keys.setShortcut(QKeySequence("F1"))
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)
        about = QAction(self.tr("关于(&A)"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)
        # Tab moves between controls, never from cell to cell (arrows do that): in a table
        # Tab used to walk the cells and change the selected case instead of leaving.
        for view_widget in self.findChildren(QAbstractItemView):
            view_widget.setTabKeyNavigation(False)

    def _layout_store(self) -> QSettings:
        """Splitter sizes and window geometry, per user, next to the user's settings file."""
        return QSettings(str(self.ctx.settings.user_file.with_name("layout.ini")), QSettings.Format.IniFormat)

    def _restore_layout(self) -> None:
        store = self._layout_store()
        for splitter in self.findChildren(QSplitter):
            state = store.value(f"splitters/{splitter.objectName()}") if splitter.objectName() else None
            if state is not None:
                splitter.restoreState(state)

    def _save_layout(self) -> None:
        store = self._layout_store()
        for splitter in self.findChildren(QSplitter):
            if splitter.objectName():
                store.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
        store.sync()

    def focus_case_search(self) -> None:
        """Put the cursor in the case list's search box."""
        self.case_list.search.setFocus()
        self.case_list.search.selectAll()

    def show_shortcuts(self) -> None:
        """帮助 > 快捷键: every key of the window and of the tabs, with where it works."""
        from widgets.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def switch_user(self) -> None:
        """Log out (audited) and show the login again for another user."""
        self.switch_requested = True
        self.close()

    # -- actions -------------------------------------------------------------------------

    def show_case(self, case_id: int) -> None:
        """Load the case (through the runner) into the detail view and the capability tabs."""
        service = self.ctx.cases
        self._case_slot.start(lambda p, c: service.get_case(case_id), label="case",
                              on_success=self._case_loaded,
                              on_error=lambda exc: self.statusBar().showMessage(str(exc)))

    def _case_loaded(self, case) -> None:
        case_id = case.id
        self.current_case_id = case_id
        self.current_case = case
        self.detail.show_case(case)
        self.edit_button.setEnabled(has_permission(self.ctx.session.role, Permission.CASE_EDIT))
        self.statusBar().showMessage(self.tr("就绪"))
        for tab in self.capability_tabs:
            tab.set_case(case_id)
        self.case_history.filter.setText(f"case:{case_id}")
        self.case_history.reload()

    def new_case(self) -> None:
        """Open the create-case form (the staff list is read through the runner first)."""
        service = self.ctx.cases
        self._case_slot.start(lambda p, c: service.staff(), label="staff",
                              on_success=lambda staff: self._open_form(None, staff, None),
                              on_error=lambda exc: self.statusBar().showMessage(str(exc)))

    def edit_case(self) -> None:
        """Open the edit form for the current case (case, staff and dossier suggestions read first)."""
        if self.current_case_id is None:
            return
        case_id, cases, catalogue = self.current_case_id, self.ctx.cases, self.ctx.cataloguing

        def read(progress, cancel):
            try:
                suggestions = catalogue.case_suggestions(case_id)
            except (StoreError, PermissionError):
                suggestions = []  # not on the case team: nothing to suggest
            return cases.get_case(case_id, audit=False), cases.staff(), suggestions

        self._case_slot.start(read, label="edit case", on_success=lambda r: self._open_form(*r),
                              on_error=lambda exc: self.statusBar().showMessage(str(exc)))

    def _open_form(self, case, staff, suggestions) -> None:
        dialog = CaseFormDialog(self.ctx, case, self, staff=staff, suggestions=suggestions)
        if dialog.exec() and dialog.saved_id:
            self.case_list.reload()
            self.show_case(dialog.saved_id)

    def open_settings(self) -> None:
        """Settings dialog."""
        SettingsDialog(self.ctx.settings, self, ctx=self.ctx).exec()

    def about(self) -> None:
        """Version and the assistive-only principle."""
        QMessageBox.about(self, self.tr("关于"), self.tr(
            "审判辅助系统 0.1\n离线运行，数据加密存储。\n所有机器生成的内容均为辅助建议，须经人工确认。"))

    def lock(self) -> None:
        """Cover every window until the user's password is entered again."""
        if not self.lock_screen.locked:
            self.lock_screen.lock()
            ctx = self.ctx
            run_task(lambda p, c: ctx.audit_now("lock"), label="audit lock", parent=self)

    def _unlocked(self) -> None:
        self.idle.timer.start()

    def moveEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().moveEvent(event)
        if self.lock_screen.locked:
            self.lock_screen.setGeometry(self.frameGeometry())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.lock_screen.locked:
            self.lock_screen.setGeometry(self.frameGeometry())

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Wait for background work, record the logout and close the store (once)."""
        if self._closed:
            super().closeEvent(event)
            return
        self._closed = True
        self._save_layout()
        QApplication.instance().removeEventFilter(self.idle)
        self.lock_screen.shutdown()
        self.lock_screen.close()
        self._case_slot.shutdown()
        if self.case_list is not None:
            self.case_list.shutdown()
            self.case_history.shutdown()
        else:
            self.audit_viewer.shutdown()
            self.users_panel.shutdown()
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
