"""The menu bar: 文件, 分析, 视图 (pages, language), 工具, 帮助."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from .setup_actions import SetupActions


def _action(menu, text, slot, shortcut=None) -> QAction:
    act = menu.addAction(text)
    act.triggered.connect(lambda _=False: slot())
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    return act


class Menus(QObject):
    """Builds the window's menus; rebuilt with the window on a language change."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        mb = window.menuBar()
        for old in mb.findChildren(QMenu):  # the previous language's menus (clear() only removes their actions)
            old.setParent(None)
            old.deleteLater()
        mb.clear()
        self._file_menu(mb.addMenu(self.tr("文件(&F)")))
        self._analysis_menu(mb.addMenu(self.tr("分析(&A)")))
        self._view_menu(mb.addMenu(self.tr("视图(&V)")))
        _action(
            mb.addMenu(self.tr("工具(&T)")),
            self.tr("设置…"),
            window.open_settings,
            QKeySequence.StandardKey.Preferences,
        )
        h = mb.addMenu(self.tr("帮助(&H)"))
        _action(h, self.tr("本页帮助"), window.show_help, "F1")
        _action(h, self.tr("方法术语表"), lambda: window.show_help(1))
        _action(h, self.tr("入门导览…"), window.show_tour)
        h.addSeparator()
        _action(h, self.tr("打开日志文件夹"), window.open_log_folder)
        _action(h, self.tr("关于"), window.about)

    def _file_menu(self, f) -> None:
        w, actions = self.window, self.window.workspace
        _action(f, self.tr("新建工作区"), actions.new_workspace, QKeySequence.StandardKey.New)
        _action(f, self.tr("打开工作区…"), actions.open_workspace_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = f.addMenu(self.tr("最近打开"))
        self.recent_menu.aboutToShow.connect(lambda: actions.fill_recent(self.recent_menu))
        actions.fill_recent(self.recent_menu)
        _action(f, self.tr("打开演示工作区"), w.session.open_demo)
        f.addSeparator()
        _action(f, self.tr("保存工作区"), actions.save_workspace, QKeySequence.StandardKey.Save)
        _action(f, self.tr("工作区另存为…"), actions.save_workspace_as, QKeySequence.StandardKey.SaveAs)
        f.addSeparator()
        _action(f, self.tr("导入工作簿…"), actions.import_files_dialog, "Ctrl+I")
        _action(f, self.tr("导入文件夹…"), actions.import_folder_dialog)
        _action(f, self.tr("下载空白模板…"), lambda: w.show_page("import"))
        f.addSeparator()
        _action(f, self.tr("退出"), w.close, QKeySequence.StandardKey.Quit)

    def _analysis_menu(self, a) -> None:
        s = self.window.session
        _action(a, self.tr("重新测算指数"), s.compute, "F5")
        _action(a, self.tr("权重敏感性分析（±20%）"), s.run_sensitivity)
        _action(a, self.tr("蒙特卡洛权重模拟"), s.run_monte_carlo)
        a.addSeparator()
        self.setup = SetupActions(self.window)
        _action(a, self.tr("排除地区或指标…"), self.setup.exclusions)
        _action(a, self.tr("指标体系编辑器…"), self.setup.framework_editor)
        _action(a, self.tr("使用指标体系文件…"), self.setup.framework_file)
        a.addSeparator()
        _action(a, self.tr("载入城市毗邻关系…"), self.setup.load_adjacency)
        _action(a, self.tr("清除城市毗邻关系"), self.setup.clear_adjacency)

    def _view_menu(self, v) -> None:
        w = self.window
        for i, (pid, (title, _)) in enumerate(w.page_titles().items(), start=1):
            _action(v, title, lambda p=pid: w.show_page(p), f"Ctrl+{i}")
        v.addSeparator()
        lang_menu = v.addMenu(self.tr("语言 / Language"))
        group = QActionGroup(self)
        for code, label in (("zh", "中文"), ("en", "English")):
            act = lang_menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(code == w.lang)
            act.triggered.connect(lambda _=False, c=code: w.set_language(c))
            group.addAction(act)
