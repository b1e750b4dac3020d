"""规划推演's seam to core.whatif: baseline, projection and target plan on worker tasks; saved scenarios.

One `WhatIf` object per session (`whatif_of(session)`); the page listens to its signals. Each
projection carries a generation number, so a result that an edit made stale is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..i18n import current_language


def _tr(text: str) -> str:
    return QCoreApplication.translate("WhatIf", text)


class WhatIf(QObject):
    baselineChanged = Signal()  # a new baseline (region or horizon), or its failure (error text)
    projected = Signal()  # `current` holds the latest projection (and plan)
    savedChanged = Signal()
    stopped = Signal()  # the newest baseline, projection or plan ended without a result (the session said why)

    def __init__(self, session):
        super().__init__(session)
        self.session = session
        self.baseline = None  # core.whatif.Baseline
        self.error = ""
        self.current = None  # core.whatif.ScenarioResult of the page's scenario
        self.include_in_report = False
        self.busy = False  # the newest request (baseline, projection or plan) has not landed yet
        self._generation = 0

    def prepare(self, region: str, horizon: int):
        s = self.session
        table, fw, options = s.worker_table(), s.framework, s.index_options()
        thresholds = s.settings.thresholds_file if s.settings else ""
        lang = current_language()
        self.baseline, self.current = None, None
        self._generation += 1
        gen = self._generation
        self.busy = True

        def work(progress, cancelled):
            from core.assessment import load_config
            from core.kernel import InputError
            from core.whatif import build_baseline

            try:
                config = load_config(thresholds or None, pillars=fw.pillars)
                return build_baseline(table, region, horizon, fw, config=config, options=options), ""
            except InputError as exc:
                return None, "\n".join(p.one_line(lang) for p in exc.problems)

        def done(out):
            if gen != self._generation:  # another region or year was asked for meanwhile
                return
            self.baseline, self.error = out
            self.busy = False
            self.baselineChanged.emit()

        return self._watch(s._start(_tr("规划推演：基线"), work, on_done=done), gen)

    def project(self, scenario: dict[str, float], name: str = ""):
        """Project `scenario` (code → annual growth, fractions); `projected` fires with the newest only."""

        def work(b):
            from core.whatif import ScenarioResult, project

            return ScenarioResult(name, b, project(b, scenario))

        return self._launch(_tr("规划推演"), work)

    def solve(self, target: str, name: str = "", safety: float = 0.0):
        """The optimiser's plan for `target` (group=…, quadrant=…, level:NODE=…)."""

        def work(b):
            from core.whatif import ScenarioResult, parse_target, plan_target

            plan = plan_target(b, parse_target(target, b.config, b.framework.pillars), safety=safety)
            return ScenarioResult(name, b, plan.projection, plan)

        return self._launch(_tr("规划推演：求解目标"), work)

    def _launch(self, title: str, work):
        """Run `work(baseline)` on a worker; only the newest request's result lands."""
        b = self.baseline
        if b is None:
            return None
        self._generation += 1
        gen = self._generation
        self.busy = True
        task = self.session._start(title, lambda progress, cancelled: work(b), on_done=lambda r: self._landed(gen, r))
        return self._watch(task, gen)

    def _landed(self, gen: int, result) -> None:
        if gen == self._generation:
            self.current = result
            self.busy = False
            self.projected.emit()

    def _watch(self, task, gen: int):
        """`stopped` when the newest task fails or is cancelled (the page would wait for it forever)."""

        def ended() -> None:
            if self.busy and gen == self._generation and (task.error is not None or task.is_cancelled):
                self.busy = False
                self.stopped.emit()

        task.done.connect(ended)
        if not task.running:  # a synchronous runner has run it already
            ended()
        return task

    # ------------------------------------------------------------------ saved scenarios
    def saved(self) -> list:
        path = self.session.workspace_path
        if not path:
            return []
        from core.store import Workspace

        with Workspace.open(path) as ws:
            return ws.scenarios()

    def save(self, name: str) -> None:
        from core.store import Workspace
        from core.whatif import to_json

        r = self.current
        if r is None or not self.session.workspace_path:
            return
        data = to_json(r.baseline, r.projection, r.plan)
        data.pop("baseline", None)
        with Workspace.open(self.session.workspace_path) as ws:
            ws.save_scenario(name, r.baseline.region, r.baseline.horizon, data)
        self.savedChanged.emit()

    def delete(self, name: str) -> None:
        from core.store import Workspace

        with Workspace.open(self.session.workspace_path) as ws:
            ws.delete_scenario(name)
        self.savedChanged.emit()

    def export(self, path: str) -> None:
        from core.whatif import write_scenarios_json

        write_scenarios_json(path, {s.name: dict(s.data) for s in self.saved()})

    def report_scenario(self, region: str):
        """The scenario the report's section 六 shows (when chosen on the export page and of this region)."""
        r = self.current
        if not self.include_in_report or r is None or r.baseline.region != region:
            return None
        return r


def whatif_of(session) -> WhatIf:
    """The session's one WhatIf (created on first use)."""
    model = getattr(session, "_whatif", None)
    if model is None:
        model = WhatIf(session)
        session._whatif = model
    return model
