"""Task runner: results, errors and progress arrive on the GUI thread; cancel and shutdown work."""
from __future__ import annotations

import threading
import time

import pytest

from PySide6.QtCore import QThread

from app.tasks import TaskSlot, run_task
from engines.common import Cancelled


def test_result_and_progress_arrive_on_the_gui_thread(qtbot):
    gui_thread = QThread.currentThread()
    seen = {}

    def work(progress, cancel):
        seen["worker"] = threading.current_thread().name
        progress(0.5, "半程")
        return 42

    def on_progress(fraction, message):
        seen["progress_thread"] = QThread.currentThread() is gui_thread
        seen["progress"] = (fraction, message)

    results = []
    run_task(work, on_progress=on_progress, on_success=results.append)
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    assert seen["worker"].startswith("task")
    qtbot.waitUntil(lambda: "progress" in seen, timeout=2000)
    assert seen["progress"] == (0.5, "半程") and seen["progress_thread"]


def test_errors_are_delivered_not_swallowed(qtbot):
    def work(progress, cancel):
        raise ValueError("坏输入")

    errors = []
    run_task(work, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], ValueError) and "坏输入" in str(errors[0])
    assert "Traceback" in errors[0].traceback_text


def test_cancel_stops_a_cooperative_task(qtbot):
    def work(progress, cancel):
        for _ in range(500):
            cancel.check()
            time.sleep(0.01)
        return "finished"

    cancelled = []
    task = run_task(work, on_cancelled=lambda: cancelled.append(True))
    task.cancel()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=5000)
    assert not task.is_running


def test_a_new_task_in_a_slot_cancels_the_old_and_shutdown_waits(qtbot):
    slot = TaskSlot()
    results = []
    started = threading.Event()

    def slow(progress, cancel):
        started.set()
        while True:
            cancel.check()
            time.sleep(0.01)

    first = slot.start(slow, on_success=results.append)
    assert started.wait(5)
    slot.start(lambda p, c: "second", on_success=results.append)
    qtbot.waitUntil(lambda: results == ["second"], timeout=5000)
    assert first.wait(5) and not first.is_running
    third = slot.start(slow)
    assert slot.shutdown(5) and not third.is_running


def test_engine_cancelled_error_maps_to_cancelled_signal(qtbot):
    def work(progress, cancel):
        raise Cancelled()

    cancelled, errors = [], []
    run_task(work, on_cancelled=lambda: cancelled.append(True), on_error=errors.append)
    qtbot.waitUntil(lambda: cancelled == [True], timeout=5000)
    assert errors == []


def test_write_slot_refuses_a_second_write_and_says_busy(qtbot):
    import threading

    from app.tasks import SlotBusy, TaskSlot

    release = threading.Event()
    slot = TaskSlot(writes=True)
    changes = []
    slot.on_change = lambda: changes.append(slot.busy)
    first = slot.start(lambda p, c: release.wait(5) and "saved")
    assert slot.busy and changes == [True]
    with pytest.raises(SlotBusy):
        slot.start(lambda p, c: "second")
    release.set()
    with qtbot.waitSignal(first.done, timeout=5000):
        pass
    assert not slot.busy and changes[-1] is False


def test_synchronous_runner_delivers_before_start_returns_and_marks_the_task():
    from app import tasks

    seen = []
    with tasks.synchronous():
        slot = tasks.TaskSlot()
        slot.start(lambda p, c: (p(0.5, "half"), tasks.in_task())[1], on_progress=lambda f, m: seen.append(m),
                   on_success=seen.append)
    assert seen == ["half", True] and not tasks.in_task() and not slot.busy


def test_shutdown_also_waits_for_a_replaced_task_that_still_runs(qtbot):
    """A newer read replaces an older one, which may still be inside the store: closing the
    view must wait for it too, or the store closes under it."""
    slot = TaskSlot()
    release = threading.Event()
    started = threading.Event()

    def stubborn(progress, cancel):  # e.g. one long SQL statement: no cancel check inside
        started.set()
        release.wait(10)
        return "old"

    old = slot.start(stubborn)
    assert started.wait(5)
    newer = slot.start(lambda p, c: "new")
    assert newer.wait(5)
    assert not slot.shutdown(0.2) and old.is_running  # timed out: says so
    release.set()
    assert old.wait(5)
    again = slot.start(stubborn)
    assert slot.shutdown(5) and not again.is_running and not old.is_running
