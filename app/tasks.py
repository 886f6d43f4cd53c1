"""The one task runner: long work off the GUI thread, results back on it.

Modelled on Anki's QueryOp/CollectionOp and Orange's ConcurrentMixin:

* a task is a plain callable ``fn(progress, cancel) -> result`` (engines already take a
  progress callback and a cancel token);
* it runs on a worker thread; progress, result, error and cancellation are delivered as Qt
  signals, which Qt queues onto the GUI thread because the :class:`Task` object lives there;
* a :class:`TaskSlot` belongs to one view: starting a new task cancels the previous one, and
  ``shutdown()`` (call it from ``closeEvent``) cancels and waits, so no callback ever reaches a
  closed widget.
"""
from __future__ import annotations

import logging
import threading
import traceback
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from engines.common import Cancelled, CancelToken

log = logging.getLogger(__name__)

_executor: ThreadPoolExecutor | None = None
# Tasks stay referenced until their outcome was delivered, even if the caller dropped them.
_live: set["Task"] = set()
_executor_lock = threading.Lock()


def executor() -> ThreadPoolExecutor:
    """Shared worker pool (2 workers: the reference machine has 2 cores)."""
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="task")
        return _executor


class Task(QObject):
    """One running job. Connect to its signals; they fire on the GUI thread."""

    progress = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)      # the exception; ``exc.traceback_text`` holds the trace
    cancelled = Signal()
    done = Signal()              # after any of the three above

    # Emitted on the worker thread; queued to this object's (GUI) thread, where the relay
    # slots re-emit the public signals.  Connecting the public signals straight to Python
    # callables from a worker would run those callables on the worker.
    _w_progress = Signal(float, str)
    _w_outcome = Signal(str, object)

    def __init__(self, label: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.token = CancelToken()
        self.future: Future | None = None
        self.detached = False
        self._finished = threading.Event()
        self._w_progress.connect(self._relay_progress, Qt.ConnectionType.QueuedConnection)
        self._w_outcome.connect(self._relay_outcome, Qt.ConnectionType.QueuedConnection)

    @Slot(float, str)
    def _relay_progress(self, fraction: float, message: str) -> None:
        if not self.detached:
            self.progress.emit(fraction, message)

    @Slot(str, object)
    def _relay_outcome(self, kind: str, value: object) -> None:
        if not self.detached:
            if kind == "ok":
                self.succeeded.emit(value)
            elif kind == "error":
                self.failed.emit(value)
            else:
                self.cancelled.emit()
        self.done.emit()
        _live.discard(self)

    def cancel(self) -> None:
        """Ask the job to stop at its next cancel check."""
        self.token.cancel()

    @property
    def is_running(self) -> bool:
        """True until the job has returned, failed or been cancelled."""
        return not self._finished.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job ends (used when closing a view). True if it ended."""
        return self._finished.wait(timeout)

    def _run(self, fn: Callable[[Callable[[float, str], None], CancelToken], Any]) -> None:
        def report(fraction: float, message: str = "") -> None:
            self.token.check()
            self._w_progress.emit(float(fraction), message)

        try:
            result = fn(report, self.token)
            if self.token.cancelled:
                raise Cancelled()
        except Cancelled:
            outcome: tuple[str, object] = ("cancelled", None)
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI
            exc.traceback_text = traceback.format_exc()  # type: ignore[attr-defined]
            log.warning("task %s failed: %s", self.label, exc)
            outcome = ("error", exc)
        else:
            outcome = ("ok", result)
        self._finished.set()
        self._w_outcome.emit(*outcome)


def run_task(fn: Callable[[Callable[[float, str], None], CancelToken], Any], *, label: str = "",
             on_success: Callable[[Any], None] | None = None, on_error: Callable[[BaseException], None] | None = None,
             on_progress: Callable[[float, str], None] | None = None, on_cancelled: Callable[[], None] | None = None,
             parent: QObject | None = None) -> Task:
    """Start ``fn`` on a worker and return its :class:`Task` (call from the GUI thread)."""
    task = Task(label, parent)
    if on_success:
        task.succeeded.connect(on_success)
    if on_error:
        task.failed.connect(on_error)
    if on_progress:
        task.progress.connect(on_progress)
    if on_cancelled:
        task.cancelled.connect(on_cancelled)
    _live.add(task)
    task.future = executor().submit(task._run, fn)
    return task


class TaskSlot:
    """At most one task per view: a new start cancels the old; shutdown cancels and waits."""

    def __init__(self, parent: QObject | None = None) -> None:
        self._parent = parent
        self.current: Task | None = None

    def start(self, fn, **kwargs) -> Task:
        """Cancel the running task (its result will be ignored) and start ``fn``."""
        self.cancel()
        task = run_task(fn, parent=self._parent, **kwargs)
        self.current = task
        return task

    def cancel(self) -> None:
        """Cancel the current task, if any, and stop listening to it."""
        task = self.current
        if task is not None:
            task.detached = True  # a result still queued is dropped, not delivered
            task.cancel()
        self.current = None

    def shutdown(self, timeout: float = 10.0) -> bool:
        """Cancel and wait for the current task (for ``closeEvent``). True if it ended."""
        task = self.current
        self.cancel()
        return task.wait(timeout) if task is not None else True
