"""Workspace operations: demo, new, open, import, resolve a conflict, save as, blank templates.

Every operation opens the SQLite file inside its worker task and closes it again (sqlite3
connections belong to the thread that made them); the session keeps the path and the
`WorkspaceState` read back.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from .. import i18n
from .demo import demo_available, load_demo
from .state import ImportRecord, data_dir, read_state

WORKSPACE_SUFFIX = ".lcws"


def _open_or_create(path: str):
    from core.store import Workspace

    if Path(path).exists():
        return Workspace.open(path)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return Workspace.create(path)


def _fresh_workspace_path() -> str:
    from datetime import datetime

    return str(data_dir() / f"workspace-{datetime.now():%Y%m%d-%H%M%S}{WORKSPACE_SUFFIX}")


class WorkspaceOps:
    """Mixed into `Session`: the operations that change which data is loaded."""

    def open_demo(self):
        """A fresh copy of the bundled demo workspace (示意数据) in the user's data folder."""
        if not demo_available():
            self.message.emit(QCoreApplication.translate("Session", "未找到演示数据（resources/demo/）。"))
            return None
        target = data_dir() / f"demo{WORKSPACE_SUFFIX}"
        name = QCoreApplication.translate("Session", "演示工作区（示意数据）")
        return self._start(
            QCoreApplication.translate("Session", "打开演示工作区"),
            lambda progress, cancelled: load_demo(target, progress, cancelled),
            on_done=lambda state: self._set_state(str(target), state, name=name, demo=True),
        )

    def new_workspace(self, path: str | None = None):
        """Create an empty workspace at `path` (default: a new file in the user's data folder)."""
        if path is None:
            path = _fresh_workspace_path()

        def work(progress, cancelled):
            from core.store import Workspace

            Path(path).parent.mkdir(parents=True, exist_ok=True)
            ws = Workspace.create(path)
            try:
                return read_state(ws)
            finally:
                ws.close()

        return self._start(
            QCoreApplication.translate("Session", "新建工作区"), work, on_done=lambda st: self._set_state(path, st)
        )

    def open_workspace(self, path: str):
        p = Path(path)
        if p.is_dir() or p.suffix.lower() in (".csv", ".xlsx"):
            return self.import_files([path])

        def work(progress, cancelled):
            from core.store import Workspace

            ws = Workspace.open(p)
            try:
                return read_state(ws, ws.problems())
            finally:
                ws.close()

        return self._start(
            QCoreApplication.translate("Session", "打开工作区"), work, on_done=lambda st: self._set_state(str(p), st)
        )

    def import_files(self, paths: list[str], new_workspace: bool = False, keep_good_values: bool = False):
        """Import workbooks / long-format files / folders into the current workspace (one revision).

        Without an open workspace, or with `new_workspace`, a new one is created in the user's
        data folder first (the demo's illustrative values are then left behind). Files with
        errors are refused (`importRejected` offers their good values) unless `keep_good_values`:
        then their good values are imported and the bad cells stay empty, marked by their problems.
        """
        paths = [str(p) for p in paths]
        target = self.workspace_path or str(data_dir() / f"untitled{WORKSPACE_SUFFIX}")
        name, demo, industries = self.workspace_name, self.is_demo, self.demo_industries
        if new_workspace:
            target, name, demo, industries = _fresh_workspace_path(), "", False, []

        def work(progress, cancelled):
            ws = _open_or_create(target)
            try:
                report = ws.import_files(
                    paths, progress=progress, cancel=cancelled, skip_files_with_errors=not keep_good_values
                )
                return read_state(ws, report.problems), report
            finally:
                ws.close()

        def done(out):
            state, report = out
            added = report.added + report.corrected
            self.imports.append(ImportRecord(paths, added, len(report.problems), len(report.errors)))
            state = replace(state, demo_industries=industries)
            self._set_state(target, state, name=name, demo=demo, record=False)
            self.message.emit(_import_summary(added, report))
            if report.rejected_paths:
                self.importRejected.emit(report)

        return self._start(QCoreApplication.translate("Session", "导入数据"), work, on_done=done)

    def resolve_conflict(self, conflict_id: int, choose):
        """Keep the current value, take the incoming one, or a typed value (core records a revision)."""
        path = self.workspace_path
        if not path:
            return None
        name, demo = self.workspace_name, self.is_demo
        keep = {"demo_industries": self.demo_industries, "problems": self.problems}

        def work(progress, cancelled):
            from core.store import Workspace

            ws = Workspace.open(path)
            try:
                ws.resolve_conflict(conflict_id, choose)
                return read_state(ws)
            finally:
                ws.close()

        def done(state):
            self._set_state(path, replace(state, **keep), name=name, demo=demo, record=False)
            self.message.emit(QCoreApplication.translate("Session", "冲突已处理，已重新测算。"))

        return self._start(QCoreApplication.translate("Session", "处理冲突"), work, on_done=done)

    def save_workspace_as(self, path: str) -> None:
        """Copy the workspace file (closed between tasks, so a plain copy is consistent)."""
        from core.kernel import atomic_path

        if not self.workspace_path:
            raise FileNotFoundError(path)
        with atomic_path(path) as tmp:
            shutil.copyfile(self.workspace_path, tmp)
        self.workspace_path = path
        self.workspace_name = Path(path).name.removesuffix(WORKSPACE_SUFFIX)
        self.is_demo = False
        self._remember(path)
        self.dataChanged.emit()

    def save_template(self, kind: str, path: str, region: str | None = None, years: tuple[int, int] = (2019, 2024)):
        framework = self.framework

        def work(progress, cancelled):
            from core.io import write_template

            regions = [region] if (kind == "multi" and region) else None
            return write_template(path, framework, years=range(years[0], years[1] + 1), kind=kind, regions=regions)

        def done(out):
            self.message.emit(QCoreApplication.translate("Session", "空白模板已保存：") + str(out))

        return self._start(QCoreApplication.translate("Session", "生成空白模板"), work, on_done=done)


def _import_summary(added: int, report) -> str:
    text = (
        QCoreApplication.translate("Session", "导入完成：新增 {a} 个数值，{c} 个冲突待处理，{p} 个问题。")
        .replace("{a}", str(added))
        .replace("{c}", str(report.conflicts))
        .replace("{p}", str(len(report.problems)))
    )
    if report.rejected_files:
        text += QCoreApplication.translate("Session", "未导入有错误的文件：") + i18n.joined(report.rejected_files)
    return text
