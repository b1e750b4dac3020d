"""What-if and targets (issue 20): where a region stands in a target year, and what it takes to move.

`build_baseline(table, region, horizon)` projects every indicator (and GDP, population) of the region
and of the nation along its recent trend; `project(baseline, scenario)` recomputes the index, level,
group, quadrant and role in the horizon year with the assessment itself (margins and stability
included); `plan_target(baseline, target)` finds the fewest, least-effort growth changes that reach a
group, a quadrant or a level, or says that the target is out of reach and gives the closest point.
Effort and bounds come from `resources/whatif/effort.toml`. JSON comes from `to_json` only.
"""

from __future__ import annotations

from .config import EffortConfig, load_effort
from .projection import Baseline, PathPoint, Projection, Trend, Verdicts, build_baseline, evaluate, project
from .replay import replay
from .serialise import (
    growth_from_percent,
    parse_raise,
    plan_to_json,
    read_scenario_json,
    to_json,
    write_scenarios_json,
)
from .targets import Change, Plan, ScenarioResult, Target, bound_of, effort_of, parse_target, plan_target

__all__ = [
    "Baseline",
    "Change",
    "EffortConfig",
    "PathPoint",
    "Plan",
    "Projection",
    "ScenarioResult",
    "Target",
    "Trend",
    "Verdicts",
    "bound_of",
    "build_baseline",
    "effort_of",
    "evaluate",
    "growth_from_percent",
    "load_effort",
    "parse_raise",
    "parse_target",
    "plan_target",
    "plan_to_json",
    "project",
    "read_scenario_json",
    "replay",
    "to_json",
    "write_scenarios_json",
]
