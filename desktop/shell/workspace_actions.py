"""What the user does with workspaces and files: the dialogs for new / open / save / import,
the recent list, and where dropped files go. The work itself is the session's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..session import WORKSPACE_SUFFIX, data_dir


def _with_suffix(path: str) -> str:
    return path if path.endswith(WORKSPACE_SUFFIX) else path + WORKSPACE_SUFFIX


class WorkspaceActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session, self.settings = window.session, window.settings
        self.problems_dialog = None
        self.session.importRejected.connect(self.show_import_problems)

    def open_initial(self, demo: bool = False, workspace: str | None = None):
        """First start: the demo; afterwards the last workspace (if it still exists)."""
        path = workspace or ("" if demo else self.settings.last_workspace)
        if path and Path(path).exists():
            return self.session.open_workspace(path)
        return self.session.open_demo()

    def new_workspace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("新建工作区"), self.tr("我的评估") + WORKSPACE_SUFFIX, self.tr("工作区 (*.lcws)")
        )
        if not path:
            return
        path = _with_suffix(path)
        if Path(path).exists():
            self.window.show_message(self.tr("该文件已存在：请换一个文件名，或用“打开工作区”打开它。"))
            return
        self.session.new_workspace(path)
        self.window.show_page("import")

    def open_workspace_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("打开工作区"), "", self.tr("工作区 (*.lcws);;数据文件 (*.xlsx *.csv)")
        )
        if path:
            self.session.open_workspace(path)

    def save_workspace(self) -> None:
        s = self.session
        if s.workspace_path and not s.is_demo and Path(s.workspace_path).parent != data_dir():
            self.window.show_message(self.tr("工作区已自动保存：每次导入和冲突处理都立即写入工作区文件。"))
        else:
            self.save_workspace_as()

    def save_workspace_as(self) -> None:
        name = (self.session.workspace_name or self.tr("我的评估")).split("（")[0]
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("工作区另存为"), name + WORKSPACE_SUFFIX, self.tr("工作区 (*.lcws)")
        )
        if not path:
            return
        path = _with_suffix(path)
        try:
            self.session.save_workspace_as(path)
        except Exception as exc:
            self.window.show_error(exc, self.tr("保存工作区"))
            return
        self.window.show_message(self.tr("工作区已保存：") + path)

    def fill_recent(self, menu) -> None:
        menu.clear()
        recent = self.settings.recent_files
        for p in recent:
            act = menu.addAction(p)
            act.triggered.connect(lambda _=False, path=p: self.session.open_workspace(path))
        if not recent:
            menu.addAction(self.tr("（无）")).setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(self.tr("清除列表")).triggered.connect(lambda: self.settings.clear_recent())

    def import_files_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("导入工作簿"), "", self.tr("填报模板或长表 (*.xlsx *.csv);;所有文件 (*)")
        )
        if paths:
            self.import_paths(paths)

    def import_folder_dialog(self) -> None:
        path = QFileDialog.getExistingDirectory(self.window, self.tr("导入文件夹"))
        if path:
            self.import_paths([path])

    def import_paths(self, paths: list[str], into_demo: bool | None = None):
        """Open a dropped workspace file, or import workbooks / folders (and show 数据校验).

        Real data never mixes with the demo's illustrative values unless the user says so: with
        the demo open, the user chooses a new workspace (the default) or the demo (`into_demo`
        answers the question for callers that already know).
        """
        ws = [p for p in paths if p.endswith(WORKSPACE_SUFFIX)]
        if ws:
            return self.session.open_workspace(ws[0])
        fresh = False
        if self.session.is_demo:
            if into_demo is None:
                into_demo = self.ask_demo_target()
            if into_demo is None:
                return None
            fresh = not into_demo
        self.window.show_page("check")
        return self.session.import_files(paths, new_workspace=fresh)

    def ask_demo_target(self) -> bool | None:
        """With the demo open: True → import into the demo, False → a new workspace, None → cancel."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("导入到哪里？"))
        box.setText(
            self.tr(
                "当前打开的是演示工作区，其中是示意数据（非官方统计）。"
                "真实数据应导入新的工作区，以免与示意数据混合、被示意数据比较。"
            )
        )
        new = box.addButton(self.tr("新建工作区并导入（推荐）"), QMessageBox.ButtonRole.AcceptRole)
        demo = box.addButton(self.tr("导入到演示工作区（与示意数据混合）"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(new)
        box.exec()
        clicked = box.clickedButton()
        return False if clicked is new else True if clicked is demo else None

    def show_import_problems(self, report) -> None:
        """Files refused for errors: list the problems, offer to import their good values (bad cells marked)."""
        from .import_problems import ImportProblemsDialog

        dlg = ImportProblemsDialog(report, self.window)
        self.problems_dialog = dlg
        dlg.accepted.connect(lambda: self.session.import_files(report.rejected_paths, keep_good_values=True))
        dlg.finished.connect(dlg.deleteLater)
        dlg.open()
