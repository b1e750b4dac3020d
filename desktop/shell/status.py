"""The status bar: the last message, and while a task runs its title, progress and a cancel button."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QToolButton


class StatusArea(QObject):
    """Puts its widgets into `statusbar` and follows `runner` (a workers.TaskRunner)."""

    def __init__(self, statusbar, runner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self._task = None
        self.label = QLabel(self.tr("就绪"))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.progress_label = QLabel("")
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("取消"))
        self.cancel_button.clicked.connect(self.cancel)
        statusbar.addWidget(self.label, 1)
        for w in (self.progress_label, self.progress, self.cancel_button):
            statusbar.addPermanentWidget(w)
        self.widgets = [self.label, self.progress_label, self.progress, self.cancel_button]
        runner.busyChanged.connect(self._busy_changed)
        runner.taskStarted.connect(self._task_started)
        self._busy_changed(runner.busy)

    def remove_from(self, statusbar) -> None:
        self.runner.busyChanged.disconnect(self._busy_changed)
        self.runner.taskStarted.disconnect(self._task_started)
        for w in self.widgets:
            statusbar.removeWidget(w)
            w.deleteLater()

    def show_message(self, text: str) -> None:
        self.label.setText(text)

    def cancel(self) -> None:
        self.runner.cancel_all()
        self.label.setText(self.tr("正在取消…"))

    def _task_started(self, task) -> None:
        self._task = task
        self.progress_label.setText(task.title)
        self.progress.setRange(0, 0)
        task.progress.connect(self._task_progress)

    def _task_progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)
        if message and self._task is not None:
            self.progress_label.setText(f"{self._task.title}：{message}")

    def _busy_changed(self, busy: bool) -> None:
        for w in (self.progress, self.progress_label, self.cancel_button):
            w.setVisible(busy)
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            while QApplication.overrideCursor() is not None:
                QApplication.restoreOverrideCursor()
