"""The application's state and the only place that calls `core`.

Pages never call core themselves: they read the session's current objects (observation
table, problems, index result, sensitivity, assessment) and listen to its signals, napari-style
(the model emits, the views follow). Every call into core that can take time runs as a
`workers.Task` with progress and cancel; its result lands back here and a signal fires.

Core modules are imported inside methods, so importing this module (at start-up) is cheap.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from .workers import Task, TaskRunner


def _tr(text: str) -> str:
    return QCoreApplication.translate("Session", text)


@dataclass
class ImportRecord:
    """One import the user made in this session: what files, how many values, what problems."""

    paths: list[str]
    values: int
    problems: int
    errors: int


@dataclass
class Sources:
    """What the current data came from (files in load order), so a workspace can be saved/reopened."""

    files: list[str] = field(default_factory=list)


class Session(QObject):
    dataChanged = Signal()          # observations / problems / conflicts changed
    resultChanged = Signal()        # index result (or its failure) changed
    sensitivityChanged = Signal()   # one-at-a-time ±20 % results
    monteCarloChanged = Signal()    # Monte Carlo bands
    assessmentChanged = Signal()
    regionChanged = Signal(str)
    compareChanged = Signal(list)
    message = Signal(str)           # one line for the status bar
    errorRaised = Signal(object, str)  # (exception, context) → main window shows a dialog

    def __init__(self, settings=None, parent=None, synchronous: bool = False):
        super().__init__(parent)
        self.settings = settings
        self.runner = TaskRunner(self, synchronous=synchronous)
        self._framework = None
        self.workspace = None          # core.workspace.Workspace when available
        self.workspace_path: str = ""
        self.workspace_name: str = ""
        self.is_demo = False
        self.table = None              # core.observations.ObservationTable
        self.problems: list = []       # core.problems.Problem, from import + checks
        self.compute_problems: list = []
        self.conflicts: list = []
        self.imports: list[ImportRecord] = []
        self.sources = Sources()
        self.result = None             # core.index_engine.IndexResult
        self.sensitivity = None
        self.monte_carlo = None
        self.assessment = None
        self.assessment_error: str = ""
        self.region: str = ""
        self.compare: list[str] = []

    # ------------------------------------------------------------------ core objects
    @property
    def framework(self):
        if self._framework is None:
            from core.framework import load_framework

            self._framework = load_framework()
        return self._framework

    @property
    def nation(self) -> str:
        from core.observations import NATION

        return NATION

    def regions(self) -> list[str]:
        """Regions the user can select (the nation last, if loaded)."""
        if self.result is not None:
            regs = list(self.result.regions)
        elif self.table is not None:
            regs = self.table.regions()
        else:
            return []
        nation = self.nation
        return [r for r in regs if r != nation] + ([nation] if nation in regs else [])

    def index_options(self):
        from core.index_engine import IndexOptions

        base = self.settings.base_year if self.settings else None
        policy = self.settings.gap_policy if self.settings else "interpolate"
        if base is not None and self.table is not None and base not in self.table.years():
            base = None  # the saved default does not fit this data: use the earliest year
        return IndexOptions(base_year=base, gap_policy=policy)

    # ------------------------------------------------------------------ tasks
    def _start(self, title: str, fn: Callable, *args, on_done: Callable[[Any], None] | None = None, context: str = "", **kwargs) -> Task:
        task = Task(title, fn, *args, **kwargs)
        if on_done is not None:
            task.finished.connect(on_done)
        task.failed.connect(lambda exc: self.errorRaised.emit(exc, context or title))
        task.cancelled.connect(lambda: self.message.emit(_tr("已取消：") + title))
        return self.runner.start(task)

    # ------------------------------------------------------------------ opening data
    def demo_paths(self) -> list[str]:
        """The bundled demo dataset's files (resources/demo/), empty if it is not shipped."""
        from core.resources import resource

        folder = resource("demo")
        try:
            files = sorted(str(p) for p in folder.iterdir() if p.name.lower().endswith((".csv", ".xlsx")) and not p.name.startswith(("~$", "broken")))
        except (FileNotFoundError, NotADirectoryError, OSError):
            files = []
        return files

    def open_demo(self) -> Task | None:
        paths = self.demo_paths()
        if not paths:
            self.message.emit(_tr("未找到演示数据（resources/demo/）。"))
            return None
        return self.open_files(paths, name=_tr("演示工作区"), demo=True)

    def new_workspace(self) -> None:
        self.table = None
        self.problems, self.compute_problems, self.conflicts, self.imports = [], [], [], []
        self.sources = Sources()
        self.workspace_path, self.workspace_name, self.is_demo = "", _tr("未命名工作区"), False
        self._clear_results()
        self.dataChanged.emit()
        self.resultChanged.emit()

    def open_files(self, paths: list[str], name: str = "", demo: bool = False, replace: bool = True) -> Task:
        """Load files (workbooks, long-format tables, folders) as the current data, then compute."""
        paths = [str(p) for p in paths]
        framework = self.framework
        previous = list(self.sources.files) if not replace else []

        def work(progress, cancelled):
            from core.loading import expand_paths, load_data

            files = [str(p) for p in expand_paths(previous + paths)]
            progress(0, 0, _tr("正在读取 {n} 个文件").replace("{n}", str(len(files))))
            # core.loading.load_data has no progress/cancel hooks yet: indeterminate bar,
            # cancel drops the result (see the report: workspace.import_files will have them)
            table, problems = load_data(files, framework)
            return files, table, problems

        def done(out):
            if out is None:
                return
            files, table, problems = out
            new_values = len(table) - (len(self.table) if (self.table is not None and not replace) else 0)
            self.table, self.problems = table, list(problems)
            self.sources.files = files
            self.is_demo = demo
            if name:
                self.workspace_name = name
            elif replace:
                self.workspace_name = Path(paths[0]).stem if paths else _tr("未命名工作区")
            errors = sum(1 for p in problems if getattr(p.severity, "value", p.severity) == "error")
            self.imports.append(ImportRecord(paths, max(0, new_values), len(problems), errors))
            self._clear_results()
            self.dataChanged.emit()
            self.message.emit(_tr("已载入 {n} 个数值，发现 {p} 个问题。").replace("{n}", str(len(table))).replace("{p}", str(len(problems))))
            self.compute()

        return self._start(_tr("导入数据"), work, on_done=done, context=_tr("导入数据"))

    def import_files(self, paths: list[str]) -> Task:
        """Add files to the current data (conflicting values become problems to resolve)."""
        return self.open_files(paths, replace=False)

    # ------------------------------------------------------------------ workspace file
    def save_workspace(self, path: str) -> None:
        """Save the list of source files as a small workspace file (JSON) the app can reopen."""
        import json

        from core.atomic import atomic_write_text

        data = {"format": "fusion-assessor-workspace", "version": 1, "name": self.workspace_name or Path(path).stem,
                "files": self.sources.files,
                "settings": {"base_year": self.settings.base_year if self.settings else None,
                             "gap_policy": self.settings.gap_policy if self.settings else "interpolate"}}
        atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        self.workspace_path = path
        self.workspace_name = data["name"]
        self.is_demo = False
        if self.settings:
            self.settings.last_workspace = path
            self.settings.add_recent(path)

    def open_workspace(self, path: str) -> Task | None:
        import json

        p = Path(path)
        if p.is_dir() or p.suffix.lower() in (".csv", ".xlsx"):
            return self.open_files([path])
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
            files = [str(f) for f in data["files"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            from core.problems import InputError, Problem

            self.errorRaised.emit(InputError([Problem("workspace_unreadable", _tr("无法打开工作区文件，文件可能已损坏或不是本软件的工作区。"), file=p.name)]), _tr("打开工作区"))
            return None
        self.workspace_path = str(p)
        if self.settings:
            self.settings.last_workspace = str(p)
            self.settings.add_recent(str(p))
        return self.open_files(files, name=str(data.get("name") or p.stem))

    # ------------------------------------------------------------------ computing
    def _clear_results(self) -> None:
        self.result = None
        self.sensitivity = None
        self.monte_carlo = None
        self.assessment = None
        self.assessment_error = ""
        self.compute_problems = []

    def blocking_problems(self) -> list:
        return [p for p in self.problems if getattr(p.severity, "value", p.severity) == "error"]

    def compute(self) -> Task | None:
        """Compute the index for every region (errors in the data do not block rows that are fine)."""
        if self.table is None or len(self.table) == 0:
            self._clear_results()
            self.resultChanged.emit()
            return None
        table, framework, options = self.table, self.framework, self.index_options()

        def work(progress, cancelled):
            from core.index_engine import compute_index
            from core.problems import InputError

            try:
                return compute_index(table, framework, options), []
            except InputError as exc:
                return None, list(exc.problems)

        def done(out):
            result, problems = out
            self.result = result
            self.sensitivity = self.monte_carlo = None
            self.compute_problems = problems
            regs = self.regions()
            if regs and self.region not in regs:
                self.region = regs[0]
            self.compare = [r for r in self.compare if r in regs]
            self.resultChanged.emit()
            self.sensitivityChanged.emit()
            self.monteCarloChanged.emit()
            self.regionChanged.emit(self.region)
            if result is not None:
                self.message.emit(_tr("指数测算完成：{r} 个地区，{y0}–{y1} 年。").replace("{r}", str(len(result.regions))).replace("{y0}", str(result.base_year)).replace("{y1}", str(result.latest_year)))
                self.assess()
            else:
                self.dataChanged.emit()
                self.message.emit(_tr("数据还不能测算指数：请在“数据校验”中查看 {n} 个问题。").replace("{n}", str(len(problems))))

        return self._start(_tr("指数测算"), work, on_done=done, context=_tr("指数测算"))

    def set_region(self, region: str) -> None:
        if region and region != self.region:
            self.region = region
            self.regionChanged.emit(region)

    def set_compare(self, regions: list[str]) -> None:
        self.compare = [r for r in regions if r in self.regions()]
        self.compareChanged.emit(list(self.compare))

    def run_sensitivity(self, delta: float = 0.2) -> Task | None:
        if self.table is None or self.result is None:
            return None
        table, framework, options = self.table, self.framework, self.index_options()

        def work(progress, cancelled):
            from core import sensitivity

            return sensitivity.one_at_a_time(table, framework, options, delta=delta)

        def done(out):
            self.sensitivity = out
            self.sensitivityChanged.emit()
            self.message.emit(_tr("权重敏感性分析（±20%）完成。"))

        return self._start(_tr("权重敏感性分析"), work, on_done=done, context=_tr("权重敏感性分析"))

    def run_monte_carlo(self, draws: int | None = None, seed: int = 20250101) -> Task | None:
        if self.table is None or self.result is None:
            return None
        draws = draws or (self.settings.mc_draws if self.settings else 1000)
        table, framework, options = self.table, self.framework, self.index_options()

        def work(progress, cancelled):
            from core import sensitivity

            return sensitivity.monte_carlo(table, framework, options, draws=draws, seed=seed,
                                           progress=lambda d, t=draws, *a: progress(d, t, _tr("蒙特卡洛抽样")), cancel=cancelled)

        def done(out):
            self.monte_carlo = out
            self.monteCarloChanged.emit()
            self.message.emit(_tr("蒙特卡洛权重模拟完成（{n} 次抽样）。").replace("{n}", str(draws)))

        return self._start(_tr("蒙特卡洛权重模拟"), work, on_done=done, context=_tr("蒙特卡洛权重模拟"))

    def assess(self) -> Task | None:
        if self.result is None:
            return None
        table, framework, result = self.table, self.framework, self.result
        thresholds = self.settings.thresholds_file if self.settings else ""

        def work(progress, cancelled):
            try:
                from core import assessment
            except ImportError:
                return None, _tr("潜力与定位评估模块尚未安装。")
            from core.problems import InputError

            try:
                return _call_assess(assessment, table, framework, result, thresholds), ""
            except InputError as exc:
                return None, "\n".join(p.one_line() for p in exc.problems)

        def done(out):
            self.assessment, self.assessment_error = out
            self.assessmentChanged.emit()

        return self._start(_tr("潜力与定位评估"), work, on_done=done, context=_tr("潜力与定位评估"))

    def prefer_file(self, file_name: str) -> Task | None:
        """Resolve conflicts in favour of `file_name`: reload with that file first (first file wins)."""
        files = list(self.sources.files)
        chosen = [f for f in files if Path(f).name == file_name or f == file_name]
        if not chosen:
            return None
        order = chosen + [f for f in files if f not in chosen]
        keep = (self.workspace_name, self.is_demo)
        task = self.open_files(order, name=keep[0], demo=keep[1])
        return task

    # ------------------------------------------------------------------ templates
    def save_template(self, kind: str, path: str, region: str | None = None, years: tuple[int, int] = (2019, 2024)) -> Task:
        framework = self.framework

        def work(progress, cancelled):
            from core.templates import write_template

            regions = [region] if (kind == "multi" and region) else None
            return write_template(path, framework, years=range(years[0], years[1] + 1), kind=kind, regions=regions)

        def done(out):
            self.message.emit(_tr("空白模板已保存：") + str(out))

        return self._start(_tr("生成空白模板"), work, on_done=done, context=_tr("生成空白模板"))

    # ------------------------------------------------------------------ exporting
    def export_json(self, path: str) -> None:
        import json

        from core.atomic import atomic_write_text

        atomic_write_text(path, json.dumps(self.result.to_json(), ensure_ascii=False, indent=2) + "\n")

    def export_csv(self, path: str) -> None:
        """The index of every region, node and year as a long CSV (core's export when available)."""
        from core.atomic import atomic_write_text
        import csv
        import io
        import math

        res, fw = self.result, self.framework
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["region", "code", "name", "year", "index", "growth", "flag"])
        for r, region in enumerate(res.regions):
            for n, code in enumerate(res.codes):
                for t, year in enumerate(res.years):
                    idx, g = float(res.index[r, n, t]), float(res.growth[r, n, t])
                    w.writerow([region, code, fw.nodes[code].name_zh, year,
                                "" if math.isnan(idx) else f"{idx:.4f}", "" if math.isnan(g) else f"{g:.4f}",
                                res.flag(region, code, year) or ""])
        atomic_write_text(path, "\ufeff" + buf.getvalue())  # BOM: Excel opens UTF-8 CSV correctly


def _call_assess(assessment, table, framework, result, thresholds):
    """Call core.assessment.assess with whatever of these arguments it accepts."""
    import inspect

    fn = assessment.assess
    params = inspect.signature(fn).parameters
    kwargs = {}
    for name, value in (("table", table), ("framework", framework), ("result", result), ("index_result", result)):
        if name in params:
            kwargs[name] = value
    if thresholds and "thresholds" in params:
        kwargs["thresholds"] = thresholds
    return fn(**kwargs)
