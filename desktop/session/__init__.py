"""The application's state and the only place that calls `core`.

Pages never call core themselves: they read the session's current objects (observation
table, problems, index result, sensitivity, assessment) and listen to its signals, napari-style
(the model emits, the views follow). Every call into core that can take time runs as a
`workers.Task` with progress and cancel; its result lands back here and a signal fires.

The session is put together from its seams: `state` (the typed workspace state, the data
folder), `workspace_ops` (demo, open, import, resolve), `editing_ops` (edit, accept, revert, undo an
import), `computing` (index, sensitivity, Monte
Carlo, assessment) and `exports`. Core is imported inside methods, so importing this package
(at start-up) is cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..workers import Task, TaskRunner
from .computing import Computations
from .demo import DEMO_DATA, DEMO_INDUSTRIES, demo_available
from .editing_ops import EditingOps
from .exports import Exports
from .setup import AnalysisSetup
from .state import ImportRecord, WorkspaceState, data_dir, set_data_dir
from .table_reads import TableReads
from .workspace_ops import WORKSPACE_SUFFIX, WorkspaceOps

__all__ = [
    "DEMO_DATA",
    "DEMO_INDUSTRIES",
    "WORKSPACE_SUFFIX",
    "ImportRecord",
    "Session",
    "WorkspaceState",
    "data_dir",
    "demo_available",
    "set_data_dir",
]


class Session(WorkspaceOps, EditingOps, Computations, AnalysisSetup, Exports, QObject):
    dataChanged = Signal()  # observations / problems / conflicts changed
    resultChanged = Signal()  # index result (or its failure) changed
    sensitivityChanged = Signal()  # one-at-a-time ±20 % results
    monteCarloChanged = Signal()  # Monte Carlo bands
    sobolChanged = Signal()  # Sobol indices of the weights (one region)
    dropOneChanged = Signal()  # drop-one-indicator impact (every region)
    assessmentChanged = Signal()
    regionChanged = Signal(str)
    compareChanged = Signal(list)
    message = Signal(str)  # one line for the status bar
    errorRaised = Signal(object, str)  # (exception, context) → main window shows a dialog
    importRejected = Signal(object)  # core.store.ImportReport with files refused for errors → problems dialog

    def __init__(self, settings=None, parent=None, synchronous: bool = False):
        super().__init__(parent)
        self.settings = settings
        self.runner = TaskRunner(self, synchronous=synchronous)
        self.workspace_path: str = ""
        self.workspace_name: str = ""
        self.is_demo = False
        self.table = None  # core.model.ObservationTable
        self._reads: TableReads | None = None
        self.problems: tuple = ()  # core.kernel.Problem, from import + checks
        self.conflicts: tuple = ()
        self.revisions: tuple = ()
        self.workspace_industries: tuple = ()
        self.demo_industries: tuple = ()
        self.acceptances: tuple = ()  # core.store.Acceptance
        self.imports: list[ImportRecord] = []
        self.region: str = ""
        self.compare: list[str] = []
        self._read_setup()
        self._clear_results()

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
            regs = self.reads.regions()
        else:
            return []
        nation = self.nation
        return [r for r in regs if r != nation] + ([nation] if nation in regs else [])

    @property
    def reads(self) -> TableReads:
        """The loaded table's regions, years and per-region values, read once per table."""
        if self._reads is None or self._reads.table is not self.table:
            self._reads = TableReads(self.table)
        return self._reads

    def set_region(self, region: str) -> None:
        if region and region != self.region:
            self.region = region
            self.regionChanged.emit(region)

    def set_compare(self, regions: list[str]) -> None:
        self.compare = [r for r in regions if r in self.regions()]
        self.compareChanged.emit(list(self.compare))

    # ------------------------------------------------------------------ tasks and state
    def _start(self, title: str, fn: Callable, *args, on_done: Callable[[Any], None] | None = None, **kwargs) -> Task:
        """Run `fn` as a worker task; a failure is reported with `title` as its context."""
        task = Task(title, fn, *args, **kwargs)
        if on_done is not None:
            task.finished.connect(on_done)
        task.failed.connect(lambda exc: self.errorRaised.emit(exc, title))
        task.cancelled.connect(lambda: self.message.emit(QCoreApplication.translate("Session", "已取消：") + title))
        return self.runner.start(task)

    def display_name(self) -> str:
        """The open workspace's name in the UI language ("" when none is open)."""
        if self.is_demo:
            return QCoreApplication.translate("Session", "演示工作区（示意数据）")
        return self.workspace_name

    def _set_state(
        self, path: str, state: WorkspaceState, name: str = "", demo: bool = False, record: bool = True
    ) -> None:
        """Show `state` as the open workspace at `path`, then recompute."""
        self.workspace_path = path
        self.workspace_name = name or Path(path).name.removesuffix(WORKSPACE_SUFFIX)
        self.is_demo = demo
        self.table = state.table
        self.problems = state.problems
        self.conflicts = state.conflicts
        self.revisions = state.revisions
        self.workspace_industries = state.workspace_industries
        self.demo_industries = state.demo_industries
        self._read_setup(state)
        self.acceptances = state.acceptances
        if record and not demo:
            self._remember(path)
        self._clear_results()
        self.dataChanged.emit()
        self.message.emit(
            QCoreApplication.translate("Session", "已打开工作区“{name}”：{n} 个数值，{r} 个地区。")
            .replace("{name}", self.workspace_name)
            .replace("{n}", f"{len(self.table):,}")
            .replace("{r}", f"{len(self.reads.regions()):,}")
        )
        self.compute()

    def _remember(self, path: str) -> None:
        if self.settings:
            self.settings.last_workspace = path
            self.settings.add_recent(path)

    def _clear_results(self) -> None:
        self.result = None  # core.index.IndexResult
        self.sensitivity = None
        self.monte_carlo = None
        self.sobol = None  # core.index.SobolResult
        self.drop_one = None  # core.index.DropOneResult
        self.assessment = None
        self.assessment_error = ""
        self.compute_problems: list = []
