"""How the open workspace is computed, set up by the user and stored in the workspace (so it
persists): regions left out with a reason, the city adjacency file, the framework.

Each change is written into the workspace file by a worker task (core.store.Workspace), then the
index and the assessment are recomputed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

EXCLUDED_REGIONS = "excluded_regions"  # workspace setting: {region: reason}
EXCLUDED_INDICATORS = "excluded_indicators"  # workspace setting: {region: {indicator code: reason}}
ADJACENCY = "city_adjacency"  # workspace setting: {"file": name, "pairs": {city: [neighbours]}}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Session", text)


class AnalysisSetup:
    """Mixed into `Session`: exclusions, city adjacency and the framework of the open workspace."""

    def _read_setup(self, state=None) -> None:
        settings = state.settings if state is not None else {}
        self._set_exclusions(settings.get(EXCLUDED_REGIONS) or {})
        self._set_indicator_exclusions(settings.get(EXCLUDED_INDICATORS) or {})
        self._set_adjacency(settings.get(ADJACENCY))
        self._framework = state.framework if state is not None else None

    def active_exclusions(self) -> dict[str, str]:
        """The excluded regions present in the data (an exclusion outlives a removed import harmlessly)."""
        present = set(self.reads.regions()) if self.table is not None else set()
        return {r: why for r, why in self.excluded_regions.items() if r in present}

    def active_indicator_exclusions(self) -> dict[str, dict[str, str]]:
        """Indicators excluded per region (with reasons), for regions in the data and codes of the framework."""
        present = set(self.reads.regions()) if self.table is not None else set()
        leaves = set(self.framework.leaves)
        out = {r: {c: why for c, why in codes.items() if c in leaves} for r, codes in self.excluded_indicators.items()}
        return {r: codes for r, codes in out.items() if codes and r in present and r not in self.excluded_regions}

    # ------------------------------------------------------------------ exclusions
    def exclude_region(self, region: str, reason: str):
        """Leave `region` out of the computation; the reason goes into the recipe and the report."""
        reason = reason.strip()
        if not region or not reason:
            self.message.emit(_tr("排除地区需要注明理由。"))
            return None
        excluded = dict(sorted({**self.excluded_regions, region: reason}.items()))
        return self._store(EXCLUDED_REGIONS, lambda: excluded, _tr("排除地区"), self._set_exclusions)

    def include_region(self, region: str):
        """Take a region back into the computation."""
        excluded = {r: why for r, why in self.excluded_regions.items() if r != region}
        return self._store(EXCLUDED_REGIONS, lambda: excluded, _tr("取消排除"), self._set_exclusions)

    def _set_exclusions(self, excluded: dict[str, str]) -> None:
        self.excluded_regions = dict(excluded)

    def exclude_indicator(self, region: str, code: str, reason: str):
        """Leave one indicator out for one region (its siblings' weights renormalised), with a reason."""
        reason = reason.strip()
        if not region or not code or not reason:
            self.message.emit(_tr("排除指标需要注明理由。"))
            return None
        excluded = {r: dict(c) for r, c in self.excluded_indicators.items()}
        excluded.setdefault(region, {})[code] = reason
        excluded = {r: dict(sorted(c.items())) for r, c in sorted(excluded.items())}
        return self._store(EXCLUDED_INDICATORS, lambda: excluded, _tr("排除指标"), self._set_indicator_exclusions)

    def include_indicator(self, region: str, code: str):
        excluded = {
            r: {c: w for c, w in codes.items() if (r, c) != (region, code)}
            for r, codes in self.excluded_indicators.items()
        }
        excluded = {r: codes for r, codes in excluded.items() if codes}
        return self._store(EXCLUDED_INDICATORS, lambda: excluded, _tr("取消排除"), self._set_indicator_exclusions)

    def _set_indicator_exclusions(self, excluded: dict[str, dict[str, str]]) -> None:
        self.excluded_indicators = {r: dict(codes) for r, codes in excluded.items()}

    # ------------------------------------------------------------------ city adjacency
    def load_adjacency(self, path: str):
        """Read a city adjacency TOML (core checks it) and keep its pairs in the workspace."""

        def read() -> dict:
            from core.assessment import read_adjacency

            pairs = {a: sorted(ns) for a, ns in sorted(read_adjacency(path).items())}
            return {"file": Path(path).name, "pairs": pairs}

        def apply(value: dict) -> None:
            self._set_adjacency(value)
            self.message.emit(
                _tr("已载入城市毗邻关系“{file}”：{n} 个城市，协同伙伴将考虑毗邻。")
                .replace("{file}", value["file"])
                .replace("{n}", str(len(self.adjacency)))
            )

        return self._store(ADJACENCY, read, _tr("载入城市毗邻关系"), apply)

    def clear_adjacency(self):
        return self._store(ADJACENCY, lambda: None, _tr("清除城市毗邻关系"), self._set_adjacency)

    def _set_adjacency(self, value: dict | None) -> None:
        value = value or {}
        self.adjacency_file = value.get("file", "")
        self.adjacency = {a: set(ns) for a, ns in value.get("pairs", {}).items()}

    def _store(self, key: str, make_value, title: str, apply):
        """Make and write one workspace setting (worker task), then apply it to the session and recompute."""
        path = self.workspace_path

        def work(progress, cancelled):
            value = make_value()
            if path:
                from core.store import Workspace

                ws = Workspace.open(path)
                try:
                    ws.set_setting(key, value)
                finally:
                    ws.close()
            return value

        def done(value):
            apply(value)
            self.dataChanged.emit()
            self.compute()

        return self._start(title, work, on_done=done)

    # ------------------------------------------------------------------ framework
    def apply_framework(self, path: str | None):
        """Compute the workspace with a user framework file (None: the shipped one), stored in the workspace."""
        workspace = self.workspace_path

        def work(progress, cancelled):
            from core.model import load_framework

            if not workspace:
                return load_framework(path)
            from core.store import Workspace

            ws = Workspace.open(workspace)
            try:
                return ws.set_framework(path)
            finally:
                ws.close()

        def done(framework):
            self._framework = framework
            self._clear_results()
            self.dataChanged.emit()
            self.message.emit(
                _tr("指标体系已切换为 {id} {version}，正在重新测算。")
                .replace("{id}", framework.id)
                .replace("{version}", framework.version)
            )
            self.compute()

        return self._start(_tr("切换指标体系"), work, on_done=done)
