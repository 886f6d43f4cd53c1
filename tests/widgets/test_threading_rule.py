"""Issue 16 item 1: widgets reach the store-backed services only through app.tasks.

Every public method of the services is wrapped for the test: a call on the GUI thread that did
not come through the task runner is recorded. The tabs are then driven through their usual
work (with the synchronous runner, so a task body also runs on the GUI thread and only the
runner's mark tells the two apart). Any recorded call fails the test with its name.
"""
from __future__ import annotations

import functools
import inspect
import threading

import pytest

from app import tasks
from app.services.audit_service import AuditService
from app.services.cases import CaseService
from app.services.cataloguing import CataloguingService
from app.services.drafting import DraftingService
from app.services.machine_outputs import MachineOutputService
from app.services.signoff import SignOffService
from app.services.transcription import TranscriptionService
from app.services.users import UserService
from tests.helpers import widgets as helpers
from tests.helpers.transcription import MULTI_CLIP
from widgets.audit_viewer import AuditViewer
from widgets.cataloguing_tab import CataloguingTab
from widgets.drafting_tab import DraftingTab
from widgets.transcription_tab import TranscriptionTab

SERVICES = (AuditService, CaseService, CataloguingService, DraftingService, MachineOutputService, SignOffService,
            TranscriptionService, UserService)


@pytest.fixture
def outside_runner(monkeypatch):
    """Names of service methods called on the GUI thread outside a task.

    Only the outermost call counts (a service calling another is already wherever its caller
    is), and what a constructor does for itself is not a call by the widget.
    """
    calls: list[str] = []
    depth = threading.local()

    def frame(fn, name, record):
        def guarded(*args, **kwargs):
            level = getattr(depth, "n", 0)
            if record and level == 0 and threading.current_thread() is threading.main_thread() and not tasks.in_task():
                calls.append(name)
            depth.n = level + 1
            try:
                return fn(*args, **kwargs)
            finally:
                depth.n = level
        return functools.wraps(fn)(guarded)

    for cls in SERVICES:
        for name, fn in inspect.getmembers(cls, inspect.isfunction):
            if name == "__init__" or not name.startswith("_"):
                monkeypatch.setattr(cls, name, frame(fn, f"{cls.__name__}.{name}", record=name != "__init__"))
    return calls


def test_the_guard_sees_a_direct_call(fx, case_id, outside_runner):
    """The guard itself works: a direct call is caught, the same call in a task is not."""
    ctx = fx.clerk()
    service = TranscriptionService(ctx)
    service.list_hearings(case_id)
    assert outside_runner == ["TranscriptionService.list_hearings"]
    with tasks.synchronous():
        tasks.run_task(lambda p, c: service.list_hearings(case_id))
    assert outside_runner == ["TranscriptionService.list_hearings"]
    ctx.store.close()


def test_transcript_editor_uses_only_the_runner(qtbot, fx, case_id, sync_tasks, outside_runner, monkeypatch):
    ctx = fx.clerk()
    tab = helpers.open_tab(qtbot, TranscriptionTab, ctx, case_id)
    tab.import_recording(str(MULTI_CLIP))
    hearing = tab.hearing_id()
    assert hearing is not None
    # A transcript to edit without running the recogniser: one stored line.
    with ctx.store.write() as db:
        db["hearing_segments"].insert({"hearing_id": hearing, "position": 0, "start": 0.0, "end": 1.5,
                                       "speaker": "审判长", "channel": 0, "machine_text": "现在开庭。",
                                       "text": "现在开庭。", "confidence": 0.4, "corrections": "[]", "edited": 0,
                                       "words": "[]"})
    tab.reload_segments()
    assert tab.table.rowCount() == 1
    tab.table.selectRow(0)
    tab.table.item(0, 2).setText("现在开庭！")
    assert tab.rows[0].text == "现在开庭！"
    tab.find.setText("开庭")
    tab.replace.setText("开庭审理")
    tab.replace_all()
    monkeypatch.setattr("widgets.confirm.ask_to_confirm", lambda *a, **k: "")
    tab.mark_checked()
    tab.export(str(qtbot_tmp(tab)))
    tab.shutdown()
    assert outside_runner == []
    ctx.store.close()


def qtbot_tmp(tab):
    import tempfile
    from pathlib import Path

    return Path(tempfile.mkdtemp()) / "笔录.docx"


def test_drafting_cataloguing_and_audit_use_only_the_runner(qtbot, fx, case_id, sync_tasks, outside_runner,
                                                            monkeypatch, accept_foreign):
    ctx = fx.judge()
    drafting = helpers.open_tab(qtbot, DraftingTab, ctx, case_id)
    drafting.create_button.click()
    drafting.accept_button.click()
    drafting.review_button.click()
    monkeypatch.setattr("widgets.confirm.ask_to_confirm", lambda *a, **k: "已核实")
    drafting.sign_button.click()
    assert drafting.selected().status == "已签发"
    cataloguing = helpers.open_tab(qtbot, CataloguingTab, ctx, case_id)
    assert cataloguing.category.count() > 0
    viewer = AuditViewer(ctx)
    qtbot.addWidget(viewer)
    viewer.reload()
    assert viewer.table.rowCount() > 0
    for w in (drafting, cataloguing, viewer):
        w.shutdown()
    assert outside_runner == []
    ctx.store.close()


def test_main_window_case_form_and_admin_use_only_the_runner(qtbot, fx, case_id, sync_tasks, outside_runner):
    from widgets.case_form import CaseFormDialog
    from widgets.main_window import MainWindow
    from widgets.users_panel import UsersPanel

    judge = fx.judge()
    window = MainWindow(judge)
    qtbot.addWidget(window)
    window.show_case(case_id)
    assert window.current_case.id == case_id
    form = CaseFormDialog(judge, window.current_case, window, staff=[], suggestions=[])
    qtbot.addWidget(form)
    form.cause.setText("借款合同纠纷")
    form.save()
    assert form.saved_id == case_id and form.error.text() == ""
    window.close()
    it = fx.it()
    panel = UsersPanel(it)
    qtbot.addWidget(panel)
    assert panel.table.rowCount() == 3
    panel.shutdown()
    assert outside_runner == []
    it.store.close()
