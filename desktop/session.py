"""The application's state and the only place that calls `core`.

Pages never call core themselves: they read the session's current objects (observation
table, problems, index result, sensitivity, assessment) and listen to its signals, napari-style
(the model emits, the views follow). Every call into core that can take time runs as a
`workers.Task` with progress and cancel; its result lands back here and a signal fires.

Core modules are imported inside methods, so importing this module (at start-up) is cheap.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from .workers import Task, TaskRunner


def _tr(text: str) -> str:
    """Translate a string already marked with QCoreApplication.translate("Session", …)."""
    return QCoreApplication.translate("Session", text)


@dataclass
class ImportRecord:
    """One import the user made in this session: what files, how many values, what problems."""

    paths: list[str]
    values: int
    problems: int
    errors: int


class Session(QObject):
    dataChanged = Signal()  # observations / problems / conflicts changed
    resultChanged = Signal()  # index result (or its failure) changed
    sensitivityChanged = Signal()  # one-at-a-time ±20 % results
    monteCarloChanged = Signal()  # Monte Carlo bands
    assessmentChanged = Signal()
    regionChanged = Signal(str)
    compareChanged = Signal(list)
    message = Signal(str)  # one line for the status bar
    errorRaised = Signal(object, str)  # (exception, context) → main window shows a dialog

    def __init__(self, settings=None, parent=None, synchronous: bool = False):
        super().__init__(parent)
        self.settings = settings
        self.runner = TaskRunner(self, synchronous=synchronous)
        self._framework = None
        self.workspace_path: str = ""
        self.workspace_name: str = ""
        self.is_demo = False
        self.table = None  # core.model.observations.ObservationTable
        self.problems: list = []  # core.kernel.problems.Problem, from import + checks
        self.compute_problems: list = []
        self.conflicts: list = []
        self.imports: list[ImportRecord] = []
        self.revisions: list = []
        self.workspace_industries: list = []  # core.io.results.IndustryEntry from templates
        self.demo_industries: list = []  # the demo's industry scores (IndustryRow)
        self.result = None  # core.index.engine.IndexResult
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
            from core.model import load_framework

            self._framework = load_framework()
        return self._framework

    @property
    def nation(self) -> str:
        from core.model import NATION

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
        from core.index import IndexOptions

        base = self.settings.base_year if self.settings else None
        policy = self.settings.gap_policy if self.settings else "interpolate"
        if base is not None and self.table is not None and base not in self.table.years():
            base = None  # the saved default does not fit this data: use the earliest year
        return IndexOptions(base_year=base, gap_policy=policy)

    # ------------------------------------------------------------------ tasks
    def _start(
        self, title: str, fn: Callable, *args, on_done: Callable[[Any], None] | None = None, context: str = "", **kwargs
    ) -> Task:
        task = Task(title, fn, *args, **kwargs)
        if on_done is not None:
            task.finished.connect(on_done)
        task.failed.connect(lambda exc: self.errorRaised.emit(exc, context or title))
        task.cancelled.connect(lambda: self.message.emit(QCoreApplication.translate("Session", "已取消：") + title))
        return self.runner.start(task)

    # ------------------------------------------------------------------ opening data
    # Every workspace operation opens the SQLite file inside its worker task and closes it
    # again (sqlite3 connections belong to the thread that made them); the session keeps the
    # path and the state read back: observations, problems, conflicts, industries.
    def demo_available(self) -> bool:
        from core.kernel import resource

        return resource(DEMO_DATA).is_file()

    def open_demo(self) -> Task | None:
        """A fresh copy of the bundled demo workspace (示意数据) in the user's data folder."""
        if not self.demo_available():
            self.message.emit(QCoreApplication.translate("Session", "未找到演示数据（resources/demo/）。"))
            return None
        target = data_dir() / "demo.lcws"

        def work(progress, cancelled):
            from importlib.resources import as_file

            from core.kernel import resource
            from core.store import Workspace

            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                target.unlink()
            ws = Workspace.create(target)
            try:
                with as_file(resource(DEMO_DATA)) as path:
                    report = ws.import_files([path], progress=progress, cancel=cancelled)
                state = _read_state(ws)
            finally:
                ws.close()
            state["report"] = report
            state["industries"] = _demo_industries()
            return state

        def done(state):
            self._set_state(
                str(target), state, name=QCoreApplication.translate("Session", "演示工作区（示意数据）"), demo=True
            )

        return self._start(
            QCoreApplication.translate("Session", "打开演示工作区"),
            work,
            on_done=done,
            context=QCoreApplication.translate("Session", "打开演示工作区"),
        )

    def new_workspace(self, path: str | None = None) -> Task | None:
        """Create an empty workspace at `path` (default: a new file in the user's data folder)."""
        if path is None:
            from datetime import datetime

            path = str(data_dir() / f"workspace-{datetime.now():%Y%m%d-%H%M%S}.lcws")

        def work(progress, cancelled):
            from core.store import Workspace

            Path(path).parent.mkdir(parents=True, exist_ok=True)
            ws = Workspace.create(path)
            try:
                return _read_state(ws)
            finally:
                ws.close()

        def done(state):
            self._set_state(path, state)

        return self._start(
            QCoreApplication.translate("Session", "新建工作区"),
            work,
            on_done=done,
            context=QCoreApplication.translate("Session", "新建工作区"),
        )

    def open_workspace(self, path: str) -> Task | None:
        p = Path(path)
        if p.is_dir() or p.suffix.lower() in (".csv", ".xlsx"):
            return self.import_files([path])

        def work(progress, cancelled):
            from core.store import Workspace

            ws = Workspace.open(p)
            try:
                state = _read_state(ws)
                state["problems"] = ws.problems()
                return state
            finally:
                ws.close()

        def done(state):
            self._set_state(str(p), state)

        return self._start(
            QCoreApplication.translate("Session", "打开工作区"),
            work,
            on_done=done,
            context=QCoreApplication.translate("Session", "打开工作区"),
        )

    def import_files(self, paths: list[str]) -> Task:
        """Import workbooks / long-format files / folders into the current workspace (one revision).

        Without an open workspace a new one is created in the user's data folder first.
        """
        paths = [str(p) for p in paths]
        target = self.workspace_path or str(data_dir() / "untitled.lcws")
        keep_name, keep_demo, keep_ind = self.workspace_name, self.is_demo, list(self.demo_industries)

        def work(progress, cancelled):
            from core.store import Workspace

            if Path(target).exists():
                ws = Workspace.open(target)
            else:
                Path(target).parent.mkdir(parents=True, exist_ok=True)
                ws = Workspace.create(target)
            try:
                report = ws.import_files(paths, progress=progress, cancel=cancelled)
                state = _read_state(ws)
            finally:
                ws.close()
            state["report"] = report
            return state

        def done(state):
            report = state["report"]
            added = report.added + report.corrected
            self.imports.append(ImportRecord(paths, added, len(report.problems), len(report.errors)))
            state["industries"] = keep_ind
            self._set_state(target, state, name=keep_name, demo=keep_demo, record=False)
            msg = (
                QCoreApplication.translate("Session", "导入完成：新增 {a} 个数值，{c} 个冲突待处理，{p} 个问题。")
                .replace("{a}", str(added))
                .replace("{c}", str(report.conflicts))
                .replace("{p}", str(len(report.problems)))
            )
            if report.rejected_files:
                msg += QCoreApplication.translate("Session", "未导入有错误的文件：") + "、".join(report.rejected_files)
            self.message.emit(msg)

        return self._start(
            QCoreApplication.translate("Session", "导入数据"),
            work,
            on_done=done,
            context=QCoreApplication.translate("Session", "导入数据"),
        )

    def resolve_conflict(self, conflict_id: int, choose) -> Task | None:
        """Keep the current value, take the incoming one, or a typed value (core records a revision)."""
        path = self.workspace_path
        if not path:
            return None
        keep = (self.workspace_name, self.is_demo, list(self.demo_industries), list(self.problems))

        def work(progress, cancelled):
            from core.store import Workspace

            ws = Workspace.open(path)
            try:
                ws.resolve_conflict(conflict_id, choose)
                return _read_state(ws)
            finally:
                ws.close()

        def done(state):
            state["industries"] = keep[2]
            state["problems"] = keep[3]
            self._set_state(path, state, name=keep[0], demo=keep[1], record=False)
            self.message.emit(QCoreApplication.translate("Session", "冲突已处理，已重新测算。"))

        return self._start(
            QCoreApplication.translate("Session", "处理冲突"),
            work,
            on_done=done,
            context=QCoreApplication.translate("Session", "处理冲突"),
        )

    def _set_state(self, path: str, state: dict, name: str = "", demo: bool = False, record: bool = True) -> None:
        self.workspace_path = path
        self.workspace_name = name or Path(path).name.removesuffix(".lcws")
        self.is_demo = demo
        self.table = state["table"]
        report = state.get("report")
        self.problems = list(state.get("problems") or (report.problems if report is not None else []))
        self.conflicts = list(state.get("conflicts", []))
        self.revisions = list(state.get("revisions", []))
        self.workspace_industries = list(state.get("workspace_industries", []))
        self.demo_industries = list(state.get("industries", []))
        if record and self.settings and not demo:
            self.settings.last_workspace = path
            self.settings.add_recent(path)
        self._clear_results()
        self.dataChanged.emit()
        self.message.emit(
            QCoreApplication.translate("Session", "已打开工作区“{name}”：{n} 个数值，{r} 个地区。")
            .replace("{name}", self.workspace_name)
            .replace("{n}", str(len(self.table)))
            .replace("{r}", str(len(self.table.regions())))
        )
        self.compute()

    # ------------------------------------------------------------------ workspace file
    def save_workspace_as(self, path: str) -> None:
        """Copy the workspace file (closed between tasks, so a plain copy is consistent)."""
        from core.kernel import atomic_path

        if not self.workspace_path:
            raise FileNotFoundError(path)
        with atomic_path(path) as tmp:
            shutil.copyfile(self.workspace_path, tmp)
        self.workspace_path = path
        self.workspace_name = Path(path).name.removesuffix(".lcws")
        self.is_demo = False
        if self.settings:
            self.settings.last_workspace = path
            self.settings.add_recent(path)
        self.dataChanged.emit()

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
            from core.index import compute_index
            from core.kernel import InputError

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
                self.message.emit(
                    QCoreApplication.translate("Session", "指数测算完成：{r} 个地区，{y0}–{y1} 年。")
                    .replace("{r}", str(len(result.regions)))
                    .replace("{y0}", str(result.base_year))
                    .replace("{y1}", str(result.latest_year))
                )
                self.assess()
            else:
                self.dataChanged.emit()
                self.message.emit(
                    QCoreApplication.translate(
                        "Session", "数据还不能测算指数：请在“数据校验”中查看 {n} 个问题。"
                    ).replace("{n}", str(len(problems)))
                )

        return self._start(
            QCoreApplication.translate("Session", "指数测算"),
            work,
            on_done=done,
            context=QCoreApplication.translate("Session", "指数测算"),
        )

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
            from core import index as sensitivity

            return sensitivity.one_at_a_time(table, framework, options, delta=delta)

        def done(out):
            self.sensitivity = out
            self.sensitivityChanged.emit()
            self.message.emit(QCoreApplication.translate("Session", "权重敏感性分析（±20%）完成。"))

        return self._start(
            QCoreApplication.translate("Session", "权重敏感性分析"),
            work,
            on_done=done,
            context=QCoreApplication.translate("Session", "权重敏感性分析"),
        )

    def run_monte_carlo(self, draws: int | None = None, seed: int = 20250101) -> Task | None:
        if self.table is None or self.result is None:
            return None
        draws = draws or (self.settings.mc_draws if self.settings else 1000)
        table, framework, options = self.table, self.framework, self.index_options()

        def work(progress, cancelled):
            from core import index as sensitivity

            return sensitivity.monte_carlo(
                table,
                framework,
                options,
                draws=draws,
                seed=seed,
                progress=lambda d, t=draws, *a: progress(d, t, QCoreApplication.translate("Session", "蒙特卡洛抽样")),
                cancel=cancelled,
            )

        def done(out):
            self.monte_carlo = out
            self.monteCarloChanged.emit()
            self.message.emit(
                QCoreApplication.translate("Session", "蒙特卡洛权重模拟完成（{n} 次抽样）。").replace("{n}", str(draws))
            )

        return self._start(
            QCoreApplication.translate("Session", "蒙特卡洛权重模拟"),
            work,
            on_done=done,
            context=QCoreApplication.translate("Session", "蒙特卡洛权重模拟"),
        )

    def industries(self) -> list:
        rows = list(self.demo_industries)
        if self.workspace_industries:
            from core.assessment import rows_from_entries

            rows += rows_from_entries(self.workspace_industries)
        return rows

    def assess(self) -> Task | None:
        """Potential and positioning for every loaded region (core.assessment.assess)."""
        if self.result is None:
            return None
        table, framework, options = self.table, self.framework, self.index_options()
        thresholds = self.settings.thresholds_file if self.settings else ""
        industries = self.industries()

        def work(progress, cancelled):
            from core.assessment import assess, load_config
            from core.kernel import InputError

            try:
                config = load_config(thresholds or None, pillars=framework.pillars)
                return assess(table, framework, industries=industries or None, config=config, options=options), ""
            except InputError as exc:
                return None, "\n".join(p.one_line() for p in exc.problems)

        def done(out):
            self.assessment, self.assessment_error = out
            self.assessmentChanged.emit()

        return self._start(
            QCoreApplication.translate("Session", "潜力与定位评估"),
            work,
            on_done=done,
            context=QCoreApplication.translate("Session", "潜力与定位评估"),
        )

    def comparison(self, code: str, region: str | None = None) -> dict | None:
        """Region vs comparable nation, published figures and macro-region for one node (core)."""
        a = self.assessment
        region = region or self.region
        if a is None or region not in a.levels:
            return None
        from core.assessment import compare_node
        from core.model import macro_region_of

        ranking = list(a.levels)
        return compare_node(
            a.index,
            region,
            code,
            macro_region=macro_region_of(region),
            ranking_regions=ranking,
            levels={r: lv.nodes for r, lv in a.levels.items()},
        )

    # ------------------------------------------------------------------ templates
    def save_template(
        self, kind: str, path: str, region: str | None = None, years: tuple[int, int] = (2019, 2024)
    ) -> Task:
        framework = self.framework

        def work(progress, cancelled):
            from core.io import write_template

            regions = [region] if (kind == "multi" and region) else None
            return write_template(path, framework, years=range(years[0], years[1] + 1), kind=kind, regions=regions)

        def done(out):
            self.message.emit(QCoreApplication.translate("Session", "空白模板已保存：") + str(out))

        return self._start(
            QCoreApplication.translate("Session", "生成空白模板"),
            work,
            on_done=done,
            context=QCoreApplication.translate("Session", "生成空白模板"),
        )

    # ------------------------------------------------------------------ exporting
    def export_json(self, path: str) -> None:
        import json

        from core.kernel import atomic_write_text

        atomic_write_text(path, json.dumps(self.result.to_json(), ensure_ascii=False, indent=2) + "\n")

    def _write_json(self, path: str, data) -> None:
        import json

        from core.kernel import atomic_write_text

        atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    def export_assessment_json(self, path: str) -> None:
        self._write_json(path, self.assessment.to_dict())

    def export_sensitivity_json(self, path: str) -> None:
        data = {}
        if self.sensitivity is not None:
            data["one_at_a_time"] = self.sensitivity.to_dict()
        if self.monte_carlo is not None:
            data["monte_carlo"] = self.monte_carlo.to_dict()
        self._write_json(path, data)

    def export_csv(self, path: str) -> None:
        """The index of every region, node and year as a long CSV (core's export when available)."""
        import csv
        import io
        import math

        from core.kernel import atomic_write_text

        res, fw = self.result, self.framework
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["region", "code", "name", "year", "index", "growth", "flag"])
        for r, region in enumerate(res.regions):
            for n, code in enumerate(res.codes):
                for t, year in enumerate(res.years):
                    idx, g = float(res.index[r, n, t]), float(res.growth[r, n, t])
                    w.writerow(
                        [
                            region,
                            code,
                            fw.nodes[code].name_zh,
                            year,
                            "" if math.isnan(idx) else f"{idx:.4f}",
                            "" if math.isnan(g) else f"{g:.4f}",
                            (f.key if (f := res.flag(region, code, year)) else ""),
                        ]
                    )
        atomic_write_text(path, "\ufeff" + buf.getvalue())  # BOM: Excel opens UTF-8 CSV correctly


DEMO_DATA = "demo/demo-provinces.csv"
DEMO_INDUSTRIES = "demo/demo-industries.csv"
_data_dir_override: Path | None = None


def data_dir() -> Path:
    """Where the app keeps the demo copy and untitled workspaces (tests override it)."""
    if _data_dir_override is not None:
        return _data_dir_override
    import platformdirs

    from . import APP_ID

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def set_data_dir(path) -> None:
    global _data_dir_override
    _data_dir_override = Path(path) if path else None


def _read_state(ws) -> dict:
    return {
        "table": ws.observations(),
        "conflicts": ws.conflicts(),
        "revisions": ws.revisions(),
        "workspace_industries": ws.industries(),
    }


def _demo_industries() -> list:
    """The demo's 主导产业 expert scores (read by core)."""
    try:
        from core.assessment import load_config, parse_industries_csv
        from core.kernel import resource

        rows, _ = parse_industries_csv(
            resource(DEMO_INDUSTRIES).read_text(encoding="utf-8-sig"), load_config(), file="demo-industries.csv"
        )
        return rows
    except Exception:
        return []
