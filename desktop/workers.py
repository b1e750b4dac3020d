"""Long work off the GUI thread: a function run in a QThreadPool with progress and cancel.

The function receives two keyword arguments, `progress(done, total, message="")` and
`cancelled() -> bool`, matching core's long-running functions (`monte_carlo(progress=…,
cancel=…)`, `Workspace.import_files(paths, progress, cancel)`). Results and errors come back
to the GUI thread through Qt signals; a cancelled task emits `cancelled` and drops its result.
With `synchronous=True` (screenshots) the function runs inline and signals fire before return.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from core.kernel import Cancelled, Message

from .i18n import current_language


class Task(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()  # after any of finished / failed / cancelled

    def __init__(self, title: str, fn: Callable, *args, **kwargs):
        super().__init__()
        self.title = title
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._cancel = threading.Event()
        self.running = False
        self.result = None
        self.error: BaseException | None = None

    # called from the worker thread --------------------------------------------------------
    def _progress(self, done, total=0, message: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        text = message.text(current_language()) if isinstance(message, Message) else str(message or "")
        with contextlib.suppress(TypeError, ValueError):
            self.progress.emit(int(done), int(total or 0), text)

    def _run(self) -> None:
        try:
            result = self._fn(*self._args, progress=self._progress, cancelled=self._cancel.is_set, **self._kwargs)
        except Cancelled:
            self._emit_end(cancelled=True)
            return
        except BaseException as exc:  # reported to the UI, which logs unexpected ones
            self.error = exc
            if self._cancel.is_set():
                self._emit_end(cancelled=True)
            else:
                self.failed.emit(exc)
                self._emit_end()
            return
        if self._cancel.is_set():
            self._emit_end(cancelled=True)
            return
        self.result = result
        self.finished.emit(result)
        self._emit_end()

    def _emit_end(self, cancelled: bool = False) -> None:
        self.running = False
        if cancelled:
            self.cancelled.emit()
        self.done.emit()

    # GUI thread -----------------------------------------------------------------------------
    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


class _Runnable(QRunnable):
    def __init__(self, task: Task):
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self.task._run()


class TaskRunner(QObject):
    """Starts tasks and keeps them alive until they end; `busyChanged` drives the status bar."""

    busyChanged = Signal(bool)
    taskStarted = Signal(object)

    def __init__(self, parent=None, synchronous: bool = False):
        super().__init__(parent)
        self.synchronous = synchronous
        self._tasks: list[Task] = []
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)

    def start(self, task: Task) -> Task:
        self._tasks.append(task)
        task.running = True
        task.done.connect(lambda t=task: self._finished(t))
        self.taskStarted.emit(task)
        if len(self._tasks) == 1:
            self.busyChanged.emit(True)
        if self.synchronous:
            task._run()
        else:
            self._pool.start(_Runnable(task))
        return task

    def _finished(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        if not self._tasks:
            self.busyChanged.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def cancel_all(self) -> None:
        for t in list(self._tasks):
            t.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)


class MainThreadGC(QObject):
    """Run Python's cyclic garbage collector only in the GUI thread.

    With worker threads, automatic collection may start in a worker and finalise Qt objects
    (widgets, tasks) there, which crashes Qt. Automatic GC is disabled and a timer collects in
    the GUI thread instead (the same remedy as pyqtgraph's GarbageCollector).
    """

    def __init__(self, parent=None, interval_ms: int = 1000):
        import gc

        from PySide6.QtCore import QTimer

        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self._long_lived = 0  # objects in the oldest generation after the last full collection
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        """Collect as CPython itself would, including its rule for the oldest generation: a full
        collection only when the objects that reached it since the last one are over 25 % of those
        that survived it. Without that rule, every tenth collection walks all loaded data and
        results (seconds with thousands of regions)."""
        import gc

        l0, l1, l2 = gc.get_count()
        if l0 > self.threshold[0]:
            gc.collect(0)
            if l1 > self.threshold[1]:
                gc.collect(1)
                if l2 > self.threshold[2]:
                    pending = len(gc.get_objects(2)) - self._long_lived
                    if pending > self._long_lived // 4:
                        gc.collect(2)
                        self._long_lived = len(gc.get_objects(2))


_gc: MainThreadGC | None = None


def install_gc(app) -> MainThreadGC:
    global _gc
    if _gc is None:
        _gc = MainThreadGC(app)
    return _gc


def shutdown(app) -> None:
    """Tear Qt objects down in order while the QApplication still exists.

    Left to interpreter exit, Python may collect widgets and tasks in a worker or after Qt is
    gone. Close windows, let running tasks finish, and collect cycles in the GUI thread first.
    (Python-owned widgets are not deleteLater()'d here: Python deletes them, once.)
    """
    import gc

    from PySide6.QtCore import QThreadPool

    for widget in app.topLevelWidgets():
        widget.close()
    for runner in app.findChildren(TaskRunner) + [
        w for top in app.topLevelWidgets() for w in top.findChildren(TaskRunner)
    ]:
        runner.cancel_all()
        runner.wait()
    QThreadPool.globalInstance().waitForDone(30000)
    app.processEvents()
    global _gc
    if _gc is not None:  # from here on nothing runs in workers: ordinary collection is safe again
        _gc.timer.stop()
        gc.set_threshold(*_gc.threshold)
        _gc = None
    gc.enable()
    gc.collect()
