"""How the workspace is computed, from the 分析 menu: excluded regions, the framework editor, a
framework file, the city adjacency file. The session stores each in the workspace and recomputes."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog


class SetupActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = window.session

    def exclusions(self) -> None:
        from ..exclusions_dialog import ExclusionsDialog

        ExclusionsDialog(self.session, self.window).exec()

    def framework_editor(self) -> None:
        from ..framework_editor import FrameworkEditor

        FrameworkEditor(self.session, self.window).exec()

    def framework_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("使用指标体系文件"), "", self.tr("指标体系 (*.toml)")
        )
        if path:
            self.session.apply_framework(path)

    def load_adjacency(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("载入城市毗邻关系"), "", self.tr("城市毗邻关系 (*.toml)")
        )
        if path:
            self.session.load_adjacency(path)

    def clear_adjacency(self) -> None:
        self.session.clear_adjacency()
