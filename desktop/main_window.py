"""The main window: workflow sidebar, page header with region selector, pages, status bar.

The parts around the pages live in `desktop/shell/` (sidebar, header, menus, status bar,
workspace actions); this class puts them together and switches pages. Pages are created the
first time they are shown (so start-up builds one page only), and rebuilt on a language change
(the session, i.e. the data and results, is kept).

Two phases: the shell (sidebar titles, header, an empty page area with a busy indicator) needs
only QtWidgets; the session (and with it core), the status bar, the menus and the first page
come in `_build_rest`, right away or (`defer=True`, the app's start-up) after the first paint.
"""

from __future__ import annotations

import contextlib
import importlib

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from . import errors, i18n
from .shell.header import Header
from .shell.sidebar import Sidebar, loading_placeholder

# (id, module, class) in workflow order; titles come from MainWindow.page_titles() (translated)
PAGES = (
    ("import", "desktop.pages.data_import", "ImportPage"),
    ("check", "desktop.pages.data_check", "CheckPage"),
    ("index", "desktop.pages.index_page", "IndexPage"),
    ("assessment", "desktop.pages.assessment_page", "AssessmentPage"),
    ("benchmark", "desktop.pages.benchmark_page", "BenchmarkPage"),
    ("whatif", "desktop.pages.whatif_page", "WhatIfPage"),
    ("export", "desktop.pages.export_page", "ExportPage"),
)
PAGE_IDS = tuple(p[0] for p in PAGES)


class MainWindow(QMainWindow):
    def __init__(self, settings, session=None, lang: str = "zh", defer: bool = False):
        """`defer=True` (the app's start-up): only the shell is built before the window is first
        shown; the session, menus and the first page right after its first paint, so the window
        appears sooner (see benchmarks/bench_startup.py). `ready` tells when all is built."""
        super().__init__()
        self._defer = defer
        self.ready = False
        self.painted = False  # the first paint happened (start-up work waits for it: see after_first_paint)
        self._after_paint: list = []
        self.settings = settings
        self.lang = lang
        self.session = session  # None until _build_rest creates one (after the first paint with defer)
        self.workspace = None
        self.pages: dict[str, QWidget] = {}
        self._current = "import"
        self.status = None
        self.setAcceptDrops(True)
        self.resize(1360, 860)
        self._build()

    def _attach_session(self) -> None:
        """Phase two, once: the session (which imports core) and the workspace actions."""
        from .session import Session
        from .shell.workspace_actions import WorkspaceActions

        if self.session is None:
            self.session = Session(self.settings, self)
        self.workspace = WorkspaceActions(self)
        s = self.session
        s.message.connect(self.show_message)
        s.errorRaised.connect(self.show_error)
        s.dataChanged.connect(self._update_regions)
        s.resultChanged.connect(self._update_regions)

    # ------------------------------------------------------------------ building
    def page_titles(self) -> dict[str, tuple[str, str]]:
        return {
            "import": (self.tr("数据导入"), self.tr("导入填报模板或长表数据，下载空白模板，管理工作区。")),
            "check": (self.tr("数据校验"), self.tr("逐地区查看指标数据、预估值和插值、数据来源，以及导入发现的问题。")),
            "index": (
                self.tr("指数测算"),
                self.tr("总指数与四个一级指标的历年走势、二级指标对比、全部节点的指数与增速、权重敏感性。"),
            ),
            "assessment": (
                self.tr("潜力与定位"),
                self.tr("融合水平与势能、定位象限、功能定位、耦合协调度、融合潜力、协同伙伴与路径建议。"),
            ),
            "benchmark": (self.tr("对标分析"), self.tr("任一指标与全国、所在板块对比：差距、增速差与地区排名。")),
            "whatif": (
                self.tr("规划推演"),
                self.tr("按趋势或设定增速推演目标年份的水平、分组与象限，或求达到目标的最小调整方案（情景，非预测）。"),
            ),
            "export": (self.tr("报告导出"), self.tr("导出评估报告（Word、PDF、Excel）、测算结果（CSV、JSON）和图表。")),
        }

    def _build(self) -> None:
        self.setWindowTitle(self.tr("两创融合评估 — 科技创新和产业创新融合发展指数"))
        old = self.centralWidget()
        self.pages = {}
        root = QWidget()
        lay = QHBoxLayout(root)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.sidebar = Sidebar(self.page_titles())
        self.sidebar.stepSelected.connect(self.show_page)
        self.steps, self.workspace_label = self.sidebar.steps, self.sidebar.workspace_label
        lay.addWidget(self.sidebar)
        content = QWidget()
        content.setObjectName("content")
        cl = QVBoxLayout(content)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        self.header = Header()
        self.page_title = self.header.page_title
        title, subtitle = self.page_titles()[self._current]
        self.header.show_page(title, subtitle, False, False)
        cl.addWidget(self.header)
        self.stack = QStackedWidget()
        for pid in PAGE_IDS:
            holder = QWidget()
            holder.setObjectName(f"holder_{pid}")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.stack.addWidget(holder)
        self.stack.addWidget(loading_placeholder())  # shown until the first page is built
        self.stack.setCurrentIndex(len(PAGE_IDS))
        cl.addWidget(self.stack, 1)
        lay.addWidget(content, 1)
        self.setCentralWidget(root)
        if old is not None:
            old.deleteLater()
        if self._defer:
            self._defer = False
            self.installEventFilter(self)
            self.after_first_paint(self._build_rest)
        else:
            self._build_rest()

    def _build_rest(self) -> None:
        """Phase two: session, header and status bar bound to it, step icons, menus, the current page."""
        from .shell.menus import Menus
        from .shell.status import StatusArea

        if self.workspace is None:
            self._attach_session()
        self.header.bind(self.session)
        self.region_combo = self.header.region_combo
        if self.status is not None:
            self.status.remove_from(self.statusBar())
        self.status = StatusArea(self.statusBar(), self.session.runner, self)
        self._update_regions()
        self.sidebar.complete()
        self.menus = Menus(self)
        self.show_page(self._current)
        self.ready = True

    def after_first_paint(self, fn) -> None:
        """Run `fn` once the window has been painted (start-up: menus, icons, style, then the data)."""
        if self.painted:
            QTimer.singleShot(0, fn)
        else:
            self._after_paint.append(fn)

    def eventFilter(self, obj, event) -> bool:
        if obj is self and event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            self.removeEventFilter(self)
            for fn in self._after_paint:
                QTimer.singleShot(0, fn)  # after this paint completes, in order
            self._after_paint.clear()
        return super().eventFilter(obj, event)

    # ------------------------------------------------------------------ pages
    def page(self, pid: str) -> QWidget:
        """The page widget (created on first use)."""
        if pid not in self.pages:
            _, module, cls = PAGES[PAGE_IDS.index(pid)]
            from .widgets import FitScroll

            page_cls = getattr(importlib.import_module(module), cls)
            page = page_cls(self.session, self)
            page.setObjectName(f"page_{pid}")
            # a page taller than the window (1366×768 at 125 %) scrolls instead of growing the window off-screen
            area = FitScroll(page)
            area.setObjectName("pageScroll")
            self.stack.widget(PAGE_IDS.index(pid)).layout().addWidget(area)
            self.pages[pid] = page
        return self.pages[pid]

    def show_page(self, pid: str) -> QWidget:
        if pid not in PAGE_IDS:
            raise KeyError(pid)
        self._current = pid
        self.sidebar.set_current(pid)
        page = self.page(pid)
        self.stack.setCurrentIndex(PAGE_IDS.index(pid))
        title, subtitle = self.page_titles()[pid]
        self.header.show_page(title, subtitle, getattr(page, "uses_region", True), getattr(page, "uses_compare", False))
        if hasattr(page, "activate"):
            page.activate()
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # laid out now: one complete first frame
        return page

    @property
    def current_page_id(self) -> str:
        return self._current

    def _update_regions(self) -> None:
        regs = self.session.regions()
        self.header.update_regions(regs)
        self.sidebar.show_workspace(self.session, len(regs))

    # ------------------------------------------------------------------ messages
    def show_message(self, text: str) -> None:
        self.status.show_message(text)

    def show_error(self, exc, context: str) -> None:
        msg = errors.show_error(self, exc, context)
        self.status.show_message(msg.splitlines()[0] if msg else "")

    def cancel_tasks(self) -> None:
        self.status.cancel()

    # ------------------------------------------------------------------ workspace actions (see shell.workspace_actions)
    def open_initial(self, demo: bool = False, workspace: str | None = None):
        return self.workspace.open_initial(demo, workspace)

    def open_demo(self):
        return self.session.open_demo()

    def new_workspace(self) -> None:
        self.workspace.new_workspace()

    def open_workspace_dialog(self) -> None:
        self.workspace.open_workspace_dialog()

    def save_workspace(self) -> None:
        self.workspace.save_workspace()

    def import_files_dialog(self) -> None:
        self.workspace.import_files_dialog()

    def import_folder_dialog(self) -> None:
        self.workspace.import_folder_dialog()

    def import_paths(self, paths: list[str], into_demo: bool | None = None):
        return self.workspace.import_paths(paths, into_demo)

    # drag and drop of workbooks, folders and workspace files
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.ready:
            event.acceptProposedAction()
            self.import_paths(paths)

    # ------------------------------------------------------------------ settings, language, help
    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dlg = SettingsDialog(self.settings, self)
        if dlg.exec():
            changed = dlg.apply()
            if "language" in changed:
                self.set_language(self.settings.language)
            if changed & {"base_year", "gap_policy", "thresholds_file"}:
                self.session.compute()

    def set_language(self, lang: str) -> None:
        if lang == self.lang:
            return
        self.settings.language = lang
        i18n.install(QApplication.instance(), lang)
        self.lang = lang
        # rebuild every translated widget; the session keeps data and results
        for page in self.pages.values():
            page.deleteLater()
        self.ready = False
        self._build()

    def show_help(self, tab: int = 0):
        """F1: help for the current page; tab 1 is the method glossary."""
        from .help import open_help

        return open_help(self, tab)

    def show_tour(self):
        from .tour import Tour

        tour = Tour(self.settings, self)
        tour.show()
        return tour

    def open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        folder = errors.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def about_text(self) -> str:
        """The About box: app version (pyproject.toml), indicator framework, Python/Qt versions, log folder."""
        import platform

        import PySide6
        from PySide6.QtCore import qVersion

        import core

        fw = self.session.framework
        name = fw.name_zh if self.lang == "zh" else fw.name_en
        lines = [
            self.tr("两创融合评估 {version}").format(version=core.__version__),
            self.tr("按中国信通院 2025 年 4-12-27 指标体系测算两创融合发展指数，并评估地区融合潜力与功能定位。"),
            "",
            self.tr("指标体系：{name}；标识 {id}，版本 {version}").format(name=name, id=fw.id, version=fw.version),
            self.tr("运行环境：Python {python}，Qt {qt}，PySide6 {pyside}").format(
                python=platform.python_version(), qt=qVersion(), pyside=PySide6.__version__
            ),
            self.tr("日志文件夹：{folder}").format(folder=errors.log_dir()),
        ]
        return "\n".join(lines)

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("关于"), self.about_text())

    def closeEvent(self, event) -> None:
        if self.session is not None:
            self.session.runner.cancel_all()
            self.session.runner.wait(3000)
        with contextlib.suppress(Exception):
            self.settings.geometry = self.saveGeometry()
        super().closeEvent(event)
