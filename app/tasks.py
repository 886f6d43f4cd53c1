"""The one task runner: long work off the GUI thread, results back on it.

Modelled on Anki's QueryOp/CollectionOp and Orange's ConcurrentMixin:

* a task is a plain callable ``fn(progress, cancel) -> result`` (engines already take a
  progress callback and a cancel token);
* it runs on a worker thread; progress, result, error and cancellation are delivered as Qt
  signals, which Qt queues onto the GUI thread because the :class:`Task` object lives there;
* a :class:`TaskSlot` belongs to one view: starting a new task cancels the previous one, and
  ``shutdown()`` (call it from ``closeEvent``) cancels and waits, so no callback ever reaches a
  closed widget.  A view keeps reads and writes in separate slots: a read slot replaces its
  running read (a newer selection wins); a write slot (``TaskSlot(parent, writes=True)``) refuses
  a second start while one runs, so a sign or an edit is never cancelled half-way and its
  result never dropped; the view disables the buttons that start writes while ``busy``.

The rule for widgets: every service call goes through a task.  :func:`in_task` tells a guard
(tests/widgets/test_threading_rule.py) whether a call came through here, and
:func:`synchronous` runs tasks inline on the calling thread, as Picard's FakeThreadPool does,
so a test can click and assert without waiting.
"""
from __future__ import annotations

import logging
import threading
import time
import traceback
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from PySide6.QtCore import QObject, Qt, Signal, Slot

from engines.common import Cancelled, CancelToken

log = logging.getLogger(__name__)

_executor: ThreadPoolExecutor | None = None
# Tasks stay referenced until their outcome was delivered, even if the caller dropped them.
_live: set["Task"] = set()
_executor_lock = threading.Lock()
# Set while a task body runs (on whichever thread runs it): the threading-rule guard reads it.
_context = threading.local()
# True inside ``synchronous()``: tasks run inline on the calling (GUI) thread.
_inline = False


def in_task() -> bool:
    """True while the calling thread is running a task body started through this module."""
    return getattr(_context, "depth", 0) > 0


@contextmanager
def synchronous() -> Iterator[None]:
    """Run every task inline, delivering its signals before ``start`` returns (tests only).

    The widget code is the same as in production: only where the callable runs changes.
    """
    global _inline
    previous, _inline = _inline, True
    try:
        yield
    finally:
        _inline = previous


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

    def _run(self, fn: Callable[[Callable[[float, str], None], CancelToken], Any], inline: bool = False) -> None:
        def report(fraction: float, message: str = "") -> None:
            self.token.check()
            if inline:
                self._relay_progress(float(fraction), message)
            else:
                self._w_progress.emit(float(fraction), message)

        _context.depth = getattr(_context, "depth", 0) + 1
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
        finally:
            _context.depth -= 1
        self._finished.set()
        if inline:
            self._relay_outcome(*outcome)
        else:
            self._w_outcome.emit(*outcome)


def run_task(fn: Callable[[Callable[[float, str], None], CancelToken], Any], *, label: str = "",
             on_success: Callable[[Any], None] | None = None, on_error: Callable[[BaseException], None] | None = None,
             on_progress: Callable[[float, str], None] | None = None, on_cancelled: Callable[[], None] | None = None,
             parent: QObject | None = None) -> Task:
    """Start ``fn`` on a worker and return its :class:`Task` (call from the GUI thread)."""
    task = _prepare(Task(label, parent), on_success, on_error, on_progress, on_cancelled)
    _submit(task, fn)
    return task


def _prepare(task: Task, on_success, on_error, on_progress, on_cancelled) -> Task:
    if on_success:
        task.succeeded.connect(on_success)
    if on_error:
        task.failed.connect(on_error)
    if on_progress:
        task.progress.connect(on_progress)
    if on_cancelled:
        task.cancelled.connect(on_cancelled)
    return task


def _submit(task: Task, fn) -> None:
    _live.add(task)
    if _inline:
        task._run(fn, inline=True)
    else:
        task.future = executor().submit(task._run, fn)


class SlotBusy(RuntimeError):
    """A write was started while the slot's previous write still runs."""


class TaskSlot:
    """At most one task per slot: a new read replaces the old; a write slot refuses a second one.

    ``busy`` says whether a task runs; ``changed`` callbacks (``on_change``) let a view update
    its buttons when a task starts and when it ends.
    """

    def __init__(self, parent: QObject | None = None, *, writes: bool = False,
                 on_change: Callable[[], None] | None = None) -> None:
        self._parent = parent
        self.writes = writes
        self.on_change = on_change
        self.current: Task | None = None
        # Replaced tasks that may still run: detached, but shutdown() must wait for them too,
        # or a view closes (and its store with it) under a read still in SQLite.
        self._replaced: list[Task] = []

    @property
    def busy(self) -> bool:
        """True while this slot's task runs."""
        return self.current is not None and self.current.is_running

    def start(self, fn, *, label: str = "", on_success=None, on_error=None, on_progress=None,
              on_cancelled=None) -> Task:
        """Start ``fn``; a read slot cancels its running task first (its result is ignored).

        A write slot raises :class:`SlotBusy` instead: a write is never cancelled by the next one.
        """
        if self.writes and self.busy:
            raise SlotBusy(label)
        self.cancel()
        task = _prepare(Task(label, self._parent), on_success, on_error, on_progress, on_cancelled)
        # Current before it runs: an inline task's callbacks may start the next task here.
        self.current = task
        if self.on_change is not None:
            task.done.connect(self._ended)
        _submit(task, fn)
        if self.on_change is not None and self.current is task:
            self.on_change()
        return task

    def _ended(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def stop(self) -> None:
        """Ask the current task to stop, still listening: its ``cancelled`` callback will come."""
        if self.current is not None:
            self.current.cancel()

    def cancel(self) -> None:
        """Cancel the current task, if any, and stop listening to it."""
        task = self.current
        if task is not None:
            task.detached = True  # a result still queued is dropped, not delivered
            task.cancel()
            self._replaced = [t for t in self._replaced if t.is_running]
            if task.is_running:
                self._replaced.append(task)
        self.current = None

    def shutdown(self, timeout: float = 10.0) -> bool:
        """Cancel and wait for the current task and any it replaced that still run (for
        ``closeEvent``). True if all ended within ``timeout`` seconds in total."""
        self.cancel()
        deadline = time.monotonic() + timeout
        pending, self._replaced = self._replaced, []
        ended = True
        for task in pending:
            ended = task.wait(max(0.0, deadline - time.monotonic())) and ended
        return ended
