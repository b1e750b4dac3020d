"""Baseline trends and projected verdicts (issue 20): where would the region stand in the target year?

Baseline: every indicator (and the basic data GDP and population) follows its recent trend, the
average annual growth over the data years, g = (x_T / x_first)^(1/(T − first)) − 1, from the
engine's filled values (so estimates and interpolations follow the engine's rules and stay
flagged); this is the indicator-level form of the potential part's trend projection (spec 02
§2.6). The projected values x_T × (1 + g)^(t − T) for T < t ≤ H are added as 预估 (estimate)
observations, for the region and for the nation (its own trend, or a scenario for it).

The verdicts in year H are then computed by the assessment itself (`core.assessment.assess` on
the region and the nation with the same base year), so the projected level, group, quadrant and
role are the same functions as today's, with their margins and, when `robust`, their stability
under the weight and data draws (the projected values are estimates, so the data draws move them).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from ..assessment import (
    AssessmentConfig,
    GroupVerdict,
    Quadrant,
    Role,
    assess,
    load_config,
)
from ..assessment.pipeline import engine_pass, resolve_years
from ..index.engine import IndexOptions, without_regions
from ..kernel.messages import Message, msg
from ..kernel.problems import InputError, Problem
from ..kernel.vocabulary import CellStatus
from ..model.framework import ROOT, Framework, load_framework
from ..model.observations import BASIS_CODES, NATION, Observation, ObservationTable, Provenance
from .config import EffortConfig, load_effort

PROJECTED = Provenance(file="规划推演：趋势外推")


@dataclass(frozen=True)
class Trend:
    """One series' recent trend: the value it is projected from, its growth and how much it varied."""

    code: str
    year: int  # the last year with a value (the projection's anchor)
    value: float
    growth: float  # baseline annual growth (fraction)
    volatility: float  # σ of the annual growth, floored (fraction)
    low: float  # lowest scenario growth allowed
    high: float  # highest scenario growth allowed
    direction: int = 1
    years: int = 0  # years the trend spans (0: a single value, held flat)


@dataclass(frozen=True)
class Verdicts:
    """The region in one year: index, level, pillar levels, momentum and the verdicts (with margins)."""

    year: int
    index: float | None
    level: float | None
    pillars: Mapping[str, float | None]
    momentum: float | None
    group: GroupVerdict
    quadrant: Quadrant
    role: Role


@dataclass(frozen=True)
class Baseline:
    """What every projection of one region shares: its history, the nation's, and every trend."""

    region: str
    year: int  # T, the latest data year
    horizon: int  # H, the target year
    base_year: int
    framework: Framework
    config: AssessmentConfig
    effort: EffortConfig
    options: IndexOptions
    rows: tuple[Observation, ...]  # the region's and the nation's observations up to T
    trends: Mapping[str, Trend]  # the region's indicators
    basis: Mapping[str, Trend]  # the region's GDP and population
    nation: Mapping[str, Trend]  # the nation's indicators and basic data
    today: Verdicts
    notes: tuple[Message, ...] = ()


@dataclass(frozen=True)
class PathPoint:
    year: int
    level: float | None
    momentum: float | None


@dataclass(frozen=True)
class Projection:
    region: str
    year: int
    scenario: Mapping[str, float]  # code → annual growth (fraction) where it differs from the baseline
    nation_scenario: Mapping[str, float]
    today: Verdicts
    projected: Verdicts
    path: tuple[PathPoint, ...] = ()
    notes: tuple[Message, ...] = field(default_factory=tuple)


def _trend(
    code: str, raw: Mapping[int, float], year: int, filled: float | None, direction: int, effort: EffortConfig
) -> Trend | None:
    """Growth, volatility and bounds from the reported points; projected from the value at T (the engine's
    filled value, else the latest earlier one, as the assessment takes it)."""
    pts = sorted((y, float(v)) for y, v in raw.items() if y <= year and v is not None and math.isfinite(v) and v > 0)
    if not pts:
        return None
    (y0, v0), (y1, v1) = pts[0], pts[-1]
    g = (v1 / v0) ** (1.0 / (y1 - y0)) - 1.0 if y1 > y0 else 0.0
    steps = [(b / a) ** (1.0 / (yb - ya)) - 1.0 for (ya, a), (yb, b) in zip(pts, pts[1:], strict=False)]
    if len(steps) >= 2:
        mean = sum(steps) / len(steps)
        sigma = math.sqrt(sum((s - mean) ** 2 for s in steps) / (len(steps) - 1))
    else:
        sigma = 0.0
    lo_hist, hi_hist = (min(steps), max(steps)) if steps else (g, g)
    cap = effort.max_growth
    step = effort.precision  # bounds on the plan's grid, so a rounded plan never leaves them
    high = max(g, round(math.floor(min(hi_hist + effort.margin, cap) / step + 1e-9) * step, 10))
    low = min(g, round(math.ceil(max(lo_hist - effort.margin, -min(cap, 0.95)) / step - 1e-9) * step, 10))
    anchor = filled if filled is not None and math.isfinite(filled) and filled > 0 else v1
    return Trend(code, year, anchor, g, max(sigma, effort.volatility_floor), low, high, direction, y1 - y0)


def _filled(res, region: str, code: str, year: int) -> float | None:
    """The engine's filled value of one leaf in `year` (an estimate where the engine made one)."""
    if region not in res.regions or code not in res.framework.leaves or year not in res.years:
        return None
    v = float(res.values[res.region_index(region), res.framework.leaves.index(code), res.years.index(year)])
    return v if math.isfinite(v) else None


def _series(rows: list[Observation], region: str, code: str) -> dict[int, float]:
    return {o.year: o.value for o in rows if o.region == region and o.indicator == code}


def build_baseline(
    table: ObservationTable,
    region: str,
    horizon: int,
    framework: Framework | None = None,
    *,
    config: AssessmentConfig | None = None,
    effort: EffortConfig | None = None,
    options: IndexOptions | None = None,
) -> Baseline:
    """The region's and the nation's trends from `table`, and today's verdicts. InputError on bad input."""
    fw = framework or load_framework()
    cfg = config or load_config(pillars=fw.pillars)
    effort = effort or load_effort()
    options = options or IndexOptions()
    loaded, base, year, _ = resolve_years(without_regions(table, options.excluded_regions), fw, options)
    # the assessment's engine run (every region's filled values; its notes are the assessment's, not needed here)
    run = engine_pass(table, fw, replace(options, base_year=base), base, year)
    res, nat_table, sources = run.result, run.nat_table, run.sources
    reg = _region_name(loaded, region)
    if horizon <= year:
        raise InputError([Problem("whatif.horizon_past", {"year": horizon, "latest": year}, year=horizon)])
    own = [o for o in table.filtered(region=lambda r: r == reg) if o.year <= year]
    nation = [o for o in nat_table if o.year <= year and sources.get(o.indicator) != "nation_is_100"]
    trends, basis_t, nation_t = {}, {}, {}
    for code in fw.leaves:
        node = fw.nodes[code]
        t = _trend(code, _series(own, reg, code), year, _filled(res, reg, code, year), node.direction, effort)
        if t is not None:
            trends[code] = t
        if sources.get(code) != "nation_is_100":
            filled = _filled(res, NATION, code, year)
            nt = _trend(code, _series(nation, NATION, code), year, filled, node.direction, effort)
            if nt is not None:
                nation_t[code] = nt
    for code in BASIS_CODES:
        for target, rows, who in ((basis_t, own, reg), (nation_t, nation, NATION)):
            t = _trend(code, _series(rows, who, code), year, None, 1, effort)
            if t is not None:
                target[code] = t
    rows = tuple(own) + tuple(nation) + _anchors(own, reg, {**trends, **basis_t}) + _anchors(nation, NATION, nation_t)
    opts = replace(options, base_year=base, end_year=year)
    notes = (msg("whatif.note.trend", first=base, year=year, horizon=horizon),)
    b = Baseline(reg, year, horizon, base, fw, cfg, effort, opts, rows, trends, basis_t, nation_t, None, notes)
    return replace(b, today=evaluate(b, year=year, robust=True))  # today from the same rows and engine (never None)


def _anchors(own: list[Observation], region: str, trends: Mapping[str, Trend]) -> tuple[Observation, ...]:
    """The engine-filled value at the anchor year where the data have none (kept as an estimate)."""
    have = {(o.indicator, o.year) for o in own}
    return tuple(
        Observation(region, c, t.year, t.value, CellStatus.ESTIMATE, PROJECTED)
        for c, t in trends.items()
        if (c, t.year) not in have
    )


def _region_name(regions: list[str], name: str) -> str:
    if name in regions:
        return name
    hits = [r for r in regions if r.startswith(name.strip())]
    if len(hits) == 1:
        return hits[0]
    raise InputError([Problem("whatif.region_unknown", {"name": name, "loaded": list(regions)}, region=name)])


def _verdicts(ra, index, fw: Framework, year: int) -> Verdicts:
    series = index.series(ra.region, ROOT)
    return Verdicts(
        year=year,
        index=series.get(year),
        level=ra.level.total,
        pillars={p: ra.level.nodes.get(p) for p in fw.pillars},
        momentum=ra.momentum[ROOT].momentum,
        group=ra.groups[ROOT],
        quadrant=ra.quadrants[ROOT],
        role=ra.role,
    )


def _projected_rows(region: str, trends: Mapping[str, Trend], growth: Mapping[str, float], horizon: int):
    for code, t in trends.items():
        g = growth.get(code, t.growth)
        for y in range(t.year + 1, horizon + 1):
            yield Observation(region, code, y, t.value * (1.0 + g) ** (y - t.year), CellStatus.ESTIMATE, PROJECTED)


def evaluate(
    baseline: Baseline,
    scenario: Mapping[str, float] | None = None,
    nation_scenario: Mapping[str, float] | None = None,
    *,
    year: int | None = None,
    robust: bool = False,
) -> Verdicts:
    """The region's verdicts in `year` (default: the horizon) under a scenario (code → annual growth)."""
    b, year = baseline, year or baseline.horizon
    rows = list(b.rows)
    rows += _projected_rows(b.region, {**b.trends, **b.basis}, scenario or {}, b.horizon)
    rows += _projected_rows(NATION, b.nation, nation_scenario or {}, b.horizon)
    opts = replace(b.options, end_year=year)
    table = ObservationTable([o for o in rows if o.year <= year])
    a = assess(table, b.framework, regions=[b.region], config=b.config, options=opts, with_published=False,
               robust=robust)  # fmt: skip
    return _verdicts(a.regions[b.region], a.index, b.framework, year)


def project(
    baseline: Baseline,
    scenario: Mapping[str, float] | None = None,
    nation_scenario: Mapping[str, float] | None = None,
    *,
    robust: bool = True,
    path: bool = True,
) -> Projection:
    """The projected verdicts in the horizon year (with stability when `robust`) and the yearly path."""
    b = baseline
    scenario = _checked(b, scenario or {}, b.trends)
    nation_scenario = _checked(b, nation_scenario or {}, b.nation)
    projected = evaluate(b, scenario, nation_scenario, robust=robust)
    points = [PathPoint(b.year, b.today.level, b.today.momentum)]
    if path:
        for y in range(b.year + 1, b.horizon):
            v = evaluate(b, scenario, nation_scenario, year=y)
            points.append(PathPoint(y, v.level, v.momentum))
    points.append(PathPoint(b.horizon, projected.level, projected.momentum))
    return Projection(b.region, b.horizon, scenario, nation_scenario, b.today, projected, tuple(points), b.notes)


def _checked(b: Baseline, scenario: Mapping[str, float], trends: Mapping[str, Trend]) -> dict[str, float]:
    """Known codes with a finite growth above −100 %; anything else is refused with a catalogue problem."""
    problems = []
    for code, g in scenario.items():
        if code not in trends:
            problems.append(Problem("whatif.code_unknown", {"code": code, "region": b.region}, indicator=code))
        elif not isinstance(g, (int, float)) or not math.isfinite(g) or g <= -1.0:
            problems.append(Problem("whatif.growth_invalid", {"code": code, "value": str(g)}, indicator=code))
    if problems:
        raise InputError(problems)
    return {c: round(float(g), 10) for c, g in scenario.items()}  # one rounding: a replayed plan is the same
