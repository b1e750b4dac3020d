"""A saved what-if JSON replayed on the data: the same scenario (or the same target plan) recomputed.

Growths in the JSON are %/yr, rounded as every scenario growth is, so the replay gives the verdicts
the JSON shows (a target is solved again with its kind, name, node, value and safety: deterministic).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..assessment import AssessmentConfig
from ..index.engine import IndexOptions
from ..model.framework import ROOT, Framework
from ..model.observations import ObservationTable
from .config import EffortConfig
from .projection import build_baseline, project
from .serialise import growth_from_percent
from .targets import ScenarioResult, Target, plan_target


def replay(
    data: Mapping,
    table: ObservationTable,
    framework: Framework,
    *,
    config: AssessmentConfig | None = None,
    effort: EffortConfig | None = None,
    options: IndexOptions | None = None,
    name: str = "",
) -> ScenarioResult:
    b = build_baseline(table, data["region"], int(data["year"]), framework, config=config, effort=effort,
                       options=options)  # fmt: skip
    nation = {c: growth_from_percent(float(g)) for c, g in (data.get("nation_scenario") or {}).items()}
    t = data.get("target")
    if isinstance(t, Mapping) and t.get("kind") in ("group", "quadrant", "level"):
        target = Target(
            str(t["kind"]), str(t.get("name") or ""), str(t.get("node") or ROOT), float(t.get("value") or 0)
        )
        plan = plan_target(b, target, nation, safety=float(t.get("safety") or 0.0))
        return ScenarioResult(name, b, plan.projection, plan)
    scenario = {c: growth_from_percent(float(g)) for c, g in (data.get("scenario") or {}).items()}
    return ScenarioResult(name, b, project(b, scenario, nation))
