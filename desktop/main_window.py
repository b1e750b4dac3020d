"""The main window: workflow sidebar, page header with region selector, pages, status bar.

Pages are created the first time they are shown (so start-up builds one page only), and
rebuilt on a language change (the session, i.e. the data and results, is kept).
"""

from __future__ import annotations

import contextlib
import importlib
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QProgressBar,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from . import errors, i18n
from .session import Session, data_dir
from .widgets import step_icon

# (id, module, class) in workflow order; titles come from MainWindow.page_titles() (translated)
PAGES = (
    ("import", "desktop.pages.data_import", "ImportPage"),
    ("check", "desktop.pages.data_check", "CheckPage"),
    ("index", "desktop.pages.index_page", "IndexPage"),
    ("assessment", "desktop.pages.assessment_page", "AssessmentPage"),
    ("benchmark", "desktop.pages.benchmark_page", "BenchmarkPage"),
    ("export", "desktop.pages.export_page", "ExportPage"),
)
PAGE_IDS = tuple(p[0] for p in PAGES)
WORKSPACE_SUFFIX = ".lcws"


class MainWindow(QMainWindow):
    def __init__(self, settings, session: Session | None = None, lang: str = "zh", defer: bool = False):
        """`defer=True` (the app's start-up): menus and the first page are built right after
        the window is first shown, so the window appears sooner (see benchmarks/bench_startup.py)."""
        super().__init__()
        self._defer = defer
        self.ready = False
        self.settings = settings
        self.lang = lang
        self.session = session or Session(settings, self)
        self.pages: dict[str, QWidget] = {}
        self._current = "import"
        self._task = None
        self.setAcceptDrops(True)
        self.resize(1360, 860)
        s = self.session
        s.message.connect(self._show_message)
        s.errorRaised.connect(self._show_error)
        s.dataChanged.connect(self._update_regions)
        s.resultChanged.connect(self._update_regions)
        s.regionChanged.connect(self._region_from_session)
        s.runner.busyChanged.connect(self._busy_changed)
        s.runner.taskStarted.connect(self._task_started)
        self._build()

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
            "export": (self.tr("报告导出"), self.tr("导出测算结果（JSON、CSV）和图表。")),
        }

    def _build(self) -> None:
        self.setWindowTitle(self.tr("两创融合评估 — 科技创新和产业创新融合发展指数"))
        old = self.centralWidget()
        self.pages = {}
        root = QWidget()
        lay = QHBoxLayout(root)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self._build_sidebar())
        content = QWidget()
        content.setObjectName("content")
        cl = QVBoxLayout(content)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        cl.addWidget(self._build_header())
        self.stack = QStackedWidget()
        for pid in PAGE_IDS:
            holder = QWidget()
            holder.setObjectName(f"holder_{pid}")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.stack.addWidget(holder)
        cl.addWidget(self.stack, 1)
        lay.addWidget(content, 1)
        self.setCentralWidget(root)
        if old is not None:
            old.deleteLater()
        self._build_statusbar()
        self._update_regions()
        if self._defer:
            self._defer = False
            QTimer.singleShot(0, self._complete_build)
        else:
            self._complete_build()

    def _complete_build(self) -> None:
        self._build_menus()
        self.show_page(self._current)
        self.ready = True

    def _build_sidebar(self) -> QWidget:
        side = QWidget()
        side.setObjectName("sidebar")
        side.setFixedWidth(212)
        v = QVBoxLayout(side)
        v.setContentsMargins(0, 18, 0, 12)
        t = QLabel(self.tr("两创融合评估"))
        t.setObjectName("appTitle")
        st = QLabel(self.tr("科技创新 × 产业创新"))
        st.setObjectName("appSubtitle")
        for w in (t, st):
            w.setContentsMargins(18, 0, 12, 0)
            v.addWidget(w)
        v.addSpacing(16)
        self.steps = QListWidget()
        self.steps.setObjectName("steps")
        self.steps.setIconSize(QSize(24, 24))
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        titles = self.page_titles()
        for i, pid in enumerate(PAGE_IDS, start=1):
            item = QListWidgetItem(step_icon(i), titles[pid][0])
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setToolTip(titles[pid][1])
            self.steps.addItem(item)
        self.steps.currentRowChanged.connect(self._step_selected)
        v.addWidget(self.steps, 1)
        self.workspace_label = QLabel("")
        self.workspace_label.setObjectName("workspaceLabel")
        self.workspace_label.setWordWrap(True)
        self.workspace_label.setContentsMargins(18, 0, 12, 0)
        v.addWidget(self.workspace_label)
        return side

    def _build_header(self) -> QWidget:
        head = QWidget()
        head.setObjectName("header")
        h = QHBoxLayout(head)
        h.setContentsMargins(20, 10, 16, 10)
        tv = QVBoxLayout()
        tv.setSpacing(0)
        self.page_title = QLabel("")
        self.page_title.setObjectName("pageTitle")
        self.page_subtitle = QLabel("")
        self.page_subtitle.setObjectName("pageSubtitle")
        tv.addWidget(self.page_title)
        tv.addWidget(self.page_subtitle)
        h.addLayout(tv, 1)
        self.region_caption = QLabel(self.tr("地区"))
        self.region_combo = QComboBox()
        self.region_combo.setMinimumWidth(150)
        self.region_combo.setToolTip(self.tr("当前查看的地区"))
        self.region_combo.currentTextChanged.connect(self._region_selected)
        self.compare_button = QToolButton()
        self.compare_button.setText(self.tr("叠加对比"))
        self.compare_button.setToolTip(self.tr("在图表中叠加其他地区"))
        self.compare_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.compare_menu = QMenu(self.compare_button)
        self.compare_button.setMenu(self.compare_menu)
        self.compare_button.setMinimumWidth(self.compare_button.sizeHint().width() + 18)
        h.addWidget(self.region_caption)
        h.addWidget(self.region_combo)
        h.addWidget(self.compare_button)
        return head

    def _build_menus(self) -> None:
        mb = self.menuBar()
        mb.clear()
        f = mb.addMenu(self.tr("文件(&F)"))
        self.act_new = self._action(f, self.tr("新建工作区"), self.new_workspace, QKeySequence.StandardKey.New)
        self.act_open = self._action(
            f, self.tr("打开工作区…"), self.open_workspace_dialog, QKeySequence.StandardKey.Open
        )
        self.recent_menu = f.addMenu(self.tr("最近打开"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()
        self._action(f, self.tr("打开演示工作区"), self.open_demo)
        f.addSeparator()
        self._action(f, self.tr("保存工作区"), self.save_workspace, QKeySequence.StandardKey.Save)
        self._action(f, self.tr("工作区另存为…"), self.save_workspace_as, QKeySequence.StandardKey.SaveAs)
        f.addSeparator()
        self._action(f, self.tr("导入工作簿…"), self.import_files_dialog, "Ctrl+I")
        self._action(f, self.tr("导入文件夹…"), self.import_folder_dialog)
        self._action(f, self.tr("下载空白模板…"), lambda: self.show_page("import"))
        f.addSeparator()
        self._action(f, self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)

        a = mb.addMenu(self.tr("分析(&A)"))
        self._action(a, self.tr("重新测算指数"), self.session.compute, "F5")
        self._action(a, self.tr("权重敏感性分析（±20%）"), self.session.run_sensitivity)
        self._action(a, self.tr("蒙特卡洛权重模拟"), self.session.run_monte_carlo)

        v = mb.addMenu(self.tr("视图(&V)"))
        for i, pid in enumerate(PAGE_IDS, start=1):
            self._action(v, self.page_titles()[pid][0], lambda p=pid: self.show_page(p), f"Ctrl+{i}")
        v.addSeparator()
        lang_menu = v.addMenu(self.tr("语言 / Language"))
        group = QActionGroup(self)
        for code, label in (("zh", "中文"), ("en", "English")):
            act = lang_menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(code == self.lang)
            act.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(act)

        t = mb.addMenu(self.tr("工具(&T)"))
        self._action(t, self.tr("设置…"), self.open_settings, QKeySequence.StandardKey.Preferences)
        h = mb.addMenu(self.tr("帮助(&H)"))
        self._action(h, self.tr("打开日志文件夹"), self.open_log_folder)
        self._action(h, self.tr("关于"), self.about)

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        act = menu.addAction(text)
        act.triggered.connect(lambda _=False: slot())
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        return act

    def _build_statusbar(self) -> None:
        sb = self.statusBar()
        for w in getattr(self, "_status_widgets", []):
            sb.removeWidget(w)
            w.deleteLater()
        self.status_label = QLabel(self.tr("就绪"))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.progress_label = QLabel("")
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("取消"))
        self.cancel_button.clicked.connect(self.cancel_tasks)
        sb.addWidget(self.status_label, 1)
        for w in (self.progress_label, self.progress, self.cancel_button):
            sb.addPermanentWidget(w)
        self._status_widgets = [self.status_label, self.progress_label, self.progress, self.cancel_button]
        self._busy_changed(self.session.runner.busy)

    # ------------------------------------------------------------------ pages
    def page(self, pid: str) -> QWidget:
        """The page widget (created on first use)."""
        if pid not in self.pages:
            _, module, cls = PAGES[PAGE_IDS.index(pid)]
            page_cls = getattr(importlib.import_module(module), cls)
            page = page_cls(self.session, self)
            page.setObjectName(f"page_{pid}")
            self.stack.widget(PAGE_IDS.index(pid)).layout().addWidget(page)
            self.pages[pid] = page
        return self.pages[pid]

    def show_page(self, pid: str) -> QWidget:
        if pid not in PAGE_IDS:
            raise KeyError(pid)
        self._current = pid
        idx = PAGE_IDS.index(pid)
        if self.steps.currentRow() != idx:
            self.steps.blockSignals(True)
            self.steps.setCurrentRow(idx)
            self.steps.blockSignals(False)
        page = self.page(pid)
        self.stack.setCurrentIndex(idx)
        title, subtitle = self.page_titles()[pid]
        self.page_title.setText(title)
        self.page_subtitle.setText(subtitle)
        uses_region = getattr(page, "uses_region", True)
        for w in (self.region_caption, self.region_combo, self.compare_button):
            w.setVisible(uses_region)
        self.compare_button.setVisible(uses_region and getattr(page, "uses_compare", False))
        if hasattr(page, "activate"):
            page.activate()
        return page

    @property
    def current_page_id(self) -> str:
        return self._current

    def _step_selected(self, row: int) -> None:
        if 0 <= row < len(PAGE_IDS):
            self.show_page(PAGE_IDS[row])

    # ------------------------------------------------------------------ regions
    def _update_regions(self) -> None:
        regs = self.session.regions()
        self.region_combo.blockSignals(True)
        self.region_combo.clear()
        self.region_combo.addItems(regs)
        if self.session.region in regs:
            self.region_combo.setCurrentText(self.session.region)
        self.region_combo.blockSignals(False)
        self.compare_menu.clear()
        for r in regs:
            act = self.compare_menu.addAction(r)
            act.setCheckable(True)
            act.setChecked(r in self.session.compare)
            act.toggled.connect(self._compare_toggled)
        s = self.session
        name = s.workspace_name or self.tr("未打开工作区")
        n = len(s.table) if s.table is not None else 0
        self.workspace_label.setText(
            self.tr("工作区：{name}\n{n} 个数值，{r} 个地区")
            .replace("{name}", name)
            .replace("{n}", str(n))
            .replace("{r}", str(len(regs)))
        )

    def _region_selected(self, text: str) -> None:
        if text:
            self.session.set_region(text)

    def _region_from_session(self, region: str) -> None:
        if self.region_combo.currentText() != region:
            self.region_combo.blockSignals(True)
            self.region_combo.setCurrentText(region)
            self.region_combo.blockSignals(False)

    def _compare_toggled(self, _checked: bool) -> None:
        self.session.set_compare([a.text() for a in self.compare_menu.actions() if a.isChecked()])

    # ------------------------------------------------------------------ tasks and messages
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

    def cancel_tasks(self) -> None:
        self.session.runner.cancel_all()
        self.status_label.setText(self.tr("正在取消…"))

    def _show_message(self, text: str) -> None:
        self.status_label.setText(text)

    def _show_error(self, exc, context: str) -> None:
        msg = errors.show_error(self, exc, context)
        self.status_label.setText(msg.splitlines()[0] if msg else "")

    # ------------------------------------------------------------------ workspace actions
    def open_initial(self, demo: bool = False, workspace: str | None = None):
        """First start: the demo; afterwards the last workspace (if it still exists)."""
        path = workspace or ("" if demo else self.settings.last_workspace)
        if path and Path(path).exists():
            return self.session.open_workspace(path)
        return self.session.open_demo()

    def new_workspace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("新建工作区"), self.tr("我的评估") + WORKSPACE_SUFFIX, self.tr("工作区 (*.lcws)")
        )
        if not path:
            return
        if not path.endswith(WORKSPACE_SUFFIX):
            path += WORKSPACE_SUFFIX
        if Path(path).exists():
            self._show_message(self.tr("该文件已存在：请换一个文件名，或用“打开工作区”打开它。"))
            return
        self.session.new_workspace(path)
        self.show_page("import")

    def open_demo(self):
        return self.session.open_demo()

    def open_workspace_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("打开工作区"), "", self.tr("工作区 (*.lcws);;数据文件 (*.xlsx *.csv)")
        )
        if path:
            self.session.open_workspace(path)

    def save_workspace(self) -> None:
        s = self.session
        if s.workspace_path and not s.is_demo and Path(s.workspace_path).parent != data_dir():
            self._show_message(self.tr("工作区已自动保存：每次导入和冲突处理都立即写入工作区文件。"))
        else:
            self.save_workspace_as()

    def save_workspace_as(self) -> None:
        name = (self.session.workspace_name or self.tr("我的评估")).split("（")[0]
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("工作区另存为"), name + WORKSPACE_SUFFIX, self.tr("工作区 (*.lcws)")
        )
        if not path:
            return
        if not path.endswith(WORKSPACE_SUFFIX):
            path += WORKSPACE_SUFFIX
        try:
            self.session.save_workspace_as(path)
        except Exception as exc:
            self._show_error(exc, self.tr("保存工作区"))
            return
        self._update_regions()
        self.status_label.setText(self.tr("工作区已保存：") + path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files
        for p in recent:
            act = self.recent_menu.addAction(p)
            act.triggered.connect(lambda _=False, path=p: self.session.open_workspace(path))
        if not recent:
            act = self.recent_menu.addAction(self.tr("（无）"))
            act.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("清除列表")).triggered.connect(lambda: self.settings.clear_recent())

    def import_files_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("导入工作簿"), "", self.tr("填报模板或长表 (*.xlsx *.csv);;所有文件 (*)")
        )
        if paths:
            self.import_paths(paths)

    def import_folder_dialog(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("导入文件夹"))
        if path:
            self.import_paths([path])

    def import_paths(self, paths: list[str]):
        ws = [p for p in paths if p.endswith(WORKSPACE_SUFFIX)]
        if ws:
            return self.session.open_workspace(ws[0])
        self.show_page("check")
        return self.session.import_files(paths)

    # drag and drop of workbooks, folders and workspace files ------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
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
        app = QApplication.instance()
        i18n.install(app, lang)
        self.lang = lang
        # rebuild every translated widget; the session keeps data and results
        for page in self.pages.values():
            page.deleteLater()
        self._build()

    def open_log_folder(self) -> None:
        from PySide6.QtGui import QDesktopServices

        folder = errors.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr(
                "两创融合评估 0.1\n\n按中国信通院 2025 年 4-12-27 指标体系测算两创融合发展指数，"
                "并评估地区融合潜力与功能定位。\n\n日志文件："
            )
            + str(errors.log_path()),
        )

    def closeEvent(self, event) -> None:
        self.session.runner.cancel_all()
        self.session.runner.wait(3000)
        with contextlib.suppress(Exception):
            self.settings.geometry = self.saveGeometry()
        super().closeEvent(event)
