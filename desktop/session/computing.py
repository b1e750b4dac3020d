"""Computations on the loaded data: the index, weight sensitivity, Monte Carlo, the assessment.

Each runs as a worker task on a snapshot of the session's table, framework and options; its
result lands back in the session and the matching signal fires.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from .. import i18n


class Computations:
    """Mixed into `Session`: everything computed from the loaded observations."""

    def index_options(self):
        from core.index import IndexOptions
        from core.kernel import DEFAULT_GAP_POLICY

        base = self.settings.base_year if self.settings else None
        policy = self.settings.gap_policy if self.settings else DEFAULT_GAP_POLICY
        if base is not None and self.table is not None and base not in self.reads.years():
            base = None  # the saved default does not fit this data: use the earliest year
        indicators = self.active_indicator_exclusions()
        return IndexOptions(
            base_year=base,
            gap_policy=policy,
            exclusions={r: frozenset(codes) for r, codes in indicators.items()},
            exclusion_reasons=indicators,
            excluded_regions=self.active_exclusions(),
        )

    def worker_table(self):
        """The loaded table for worker tasks: one table of the same columns, shared by every task.

        Core may turn a table into Observation rows (the assessment and the what-if baseline read it
        row by row); that happens once, in a worker, on this shared table, and leaves the session's
        own table column-wise, so the pages' reads of it (regions, one region's values) stay array
        operations.
        """
        return self.reads.for_workers()

    def compute(self):
        """Compute the index for every region (errors in the data do not block rows that are fine)."""
        if self.table is None or len(self.table) == 0:
            self._clear_results()
            self.region = ""  # an empty workspace shows no region of the one before (the demo)
            self.resultChanged.emit()
            self.regionChanged.emit("")
            return None
        table, framework, options = self.worker_table(), self.framework, self.index_options()

        def work(progress, cancelled):
            from core.index import compute_index
            from core.kernel import InputError

            try:
                return compute_index(table, framework, options), []
            except InputError as exc:
                return None, list(exc.problems)

        return self._start(QCoreApplication.translate("Session", "指数测算"), work, on_done=self._computed)

    def _computed(self, out) -> None:
        result, problems = out
        self.result = result
        self.sensitivity = self.monte_carlo = self.sobol = self.drop_one = None
        self.compute_problems = problems
        regs = self.regions()
        if self.region not in regs:
            self.region = regs[0] if regs else ""
        self.compare = [r for r in self.compare if r in regs]
        self.resultChanged.emit()
        self.sensitivityChanged.emit()
        self.monteCarloChanged.emit()
        self.sobolChanged.emit()
        self.dropOneChanged.emit()
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
                QCoreApplication.translate("Session", "数据还不能测算指数：请在“数据校验”中查看 {n} 个问题。").replace(
                    "{n}", str(len(problems))
                )
            )

    def run_sensitivity(self, delta: float = 0.2):
        if self.table is None or self.result is None:
            return None
        table, framework, options = self.worker_table(), self.framework, self.index_options()

        def work(progress, cancelled):
            from core.index import one_at_a_time

            return one_at_a_time(table, framework, options, delta=delta)

        def done(out):
            self.sensitivity = out
            self.sensitivityChanged.emit()
            self.message.emit(QCoreApplication.translate("Session", "权重敏感性分析（±20%）完成。"))

        return self._start(QCoreApplication.translate("Session", "权重敏感性分析"), work, on_done=done)

    def run_monte_carlo(self, draws: int | None = None, seed: int = 20250101):
        if self.table is None or self.result is None:
            return None
        draws = draws or (self.settings.mc_draws if self.settings else 1000)
        table, framework, options = self.worker_table(), self.framework, self.index_options()
        step = QCoreApplication.translate("Session", "蒙特卡洛抽样")

        def work(progress, cancelled):
            from core.index import monte_carlo

            return monte_carlo(
                table,
                framework,
                options,
                draws=draws,
                seed=seed,
                progress=lambda done, total=draws, *_: progress(done, total, step),
                cancel=cancelled,
            )

        def done(out):
            self.monte_carlo = out
            self.monteCarloChanged.emit()
            self.message.emit(
                QCoreApplication.translate("Session", "蒙特卡洛权重模拟完成（{n} 次抽样）。").replace("{n}", str(draws))
            )

        return self._start(QCoreApplication.translate("Session", "蒙特卡洛权重模拟"), work, on_done=done)

    def run_sobol(self, region: str | None = None):
        """Sobol indices of the weights on `region`'s (default: the selected region's) total index."""
        if self.table is None or self.result is None:
            return None
        region = region or self.region
        table, framework, options = self.worker_table(), self.framework, self.index_options()

        def work(progress, cancelled):
            from core.index import prepare, sobol_indices

            return sobol_indices(prepare(table, framework, options), region)

        def done(out):
            self.sobol = out
            self.sobolChanged.emit()
            self.message.emit(QCoreApplication.translate("Session", "Sobol 权重敏感性指数计算完成。"))

        return self._start(QCoreApplication.translate("Session", "Sobol 敏感性指数"), work, on_done=done)

    def run_drop_one(self):
        """The total index and rank of every region with each indicator left out in turn."""
        if self.table is None or self.result is None:
            return None
        table, framework, options = self.worker_table(), self.framework, self.index_options()

        def work(progress, cancelled):
            import core.index  # not `from core.index import drop_one`: that names the submodule, not the API

            return core.index.drop_one(core.index.prepare(table, framework, options))

        def done(out):
            self.drop_one = out
            self.dropOneChanged.emit()
            self.message.emit(QCoreApplication.translate("Session", "逐一剔除指标的影响分析完成。"))

        return self._start(QCoreApplication.translate("Session", "逐一剔除指标"), work, on_done=done)

    def industries(self) -> list:
        rows = list(self.demo_industries)
        if self.workspace_industries:
            from core.assessment import rows_from_entries

            rows += rows_from_entries(list(self.workspace_industries))
        return rows

    def assess(self):
        """Potential and positioning for every loaded region (core.assessment.assess)."""
        if self.result is None:
            return None
        table, framework, options = self.worker_table(), self.framework, self.index_options()
        thresholds = self.settings.thresholds_file if self.settings else ""
        industries = self.industries()
        adjacency = dict(self.adjacency) or None
        lang = i18n.current_language()

        def work(progress, cancelled):
            from core.assessment import assess, load_config
            from core.kernel import InputError

            try:
                config = load_config(thresholds or None, pillars=framework.pillars)
                result = assess(
                    table, framework, industries=industries or None, adjacency=adjacency, config=config, options=options
                )
                return result, ""
            except InputError as exc:
                return None, "\n".join(p.one_line(lang) for p in exc.problems)

        def done(out):
            self.assessment, self.assessment_error = out
            self.assessmentChanged.emit()

        return self._start(QCoreApplication.translate("Session", "潜力与定位评估"), work, on_done=done)

    def comparison(self, code: str, region: str | None = None):
        """Region vs comparable nation, published figures and macro-region for one node (core)."""
        a = self.assessment
        region = region or self.region
        if a is None or region not in a.levels:
            return None
        from core.assessment import compare_node
        from core.model import macro_region_of

        return compare_node(
            a.index,
            region,
            code,
            macro_region=macro_region_of(region),
            ranking_regions=list(a.levels),
            levels={r: lv.nodes for r, lv in a.levels.items()},
        )
