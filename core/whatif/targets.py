"""Targets (issue 20): the fewest indicator growth changes, with the least effort, that reach a verdict.

A target is a group (of the total level), a quadrant, or a level for the total or a pillar, in the
horizon year. Every measured quantity (levels, the chained index, hence momentum) is monotone in each
indicator's growth in its favourable direction, so the search needs no general optimiser:

1. Each indicator's *solo gain*: the target measure with only that indicator at its bound.
2. The smallest set: the k indicators with the largest solo gains, k = 1, 2, … until they reach the
   target at their bounds (exact when the measure is additive over indicators, as the level is).
   If all of them at their bounds fall short, the target is out of reach and that is the closest point.
3. The least effort within the set: indicators are filled to their bound in order of gain per unit
   of effort (the fractional-knapsack greedy); the last one is bisected to the smallest growth that
   still reaches the target. Growths are rounded up to the configured step, so the plan replays exactly.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from ..assessment import AssessmentConfig
from ..kernel.messages import Message, msg
from ..kernel.problems import InputError, Problem
from ..model.framework import ROOT
from .projection import Baseline, Projection, Trend, Verdicts, evaluate, project

BISECT_STEPS = 24


@dataclass(frozen=True)
class Target:
    kind: str  # "group" | "quadrant" | "level"
    name: str = ""  # group or quadrant name (as in the thresholds file)
    node: str = ROOT  # level targets: the total or a pillar code
    value: float = 0.0  # level targets: the level to reach
    safety: float = 0.0  # points to spare above the threshold (level and momentum)

    def measure(self, v: Verdicts, cfg: AssessmentConfig) -> float:
        """A number that grows with every favourable change; the target is reached when it is ≥ 0."""
        return self._distance(v, cfg) - self.safety

    def _distance(self, v: Verdicts, cfg: AssessmentConfig) -> float:
        if self.kind == "group":
            lower = next(b.lower for b in cfg.groups if b.name == self.name)
            return -math.inf if v.level is None else v.level - lower
        if self.kind == "level":
            level = v.level if self.node == ROOT else v.pillars.get(self.node)
            return -math.inf if level is None else level - self.value
        high_l, high_m = next(k for k, n in cfg.quadrant_names.items() if n == self.name)
        parts = []
        if v.level is None or v.momentum is None:
            return -math.inf
        parts.append(v.level - cfg.split_level if high_l else (0.0 if v.level < cfg.split_level else -math.inf))
        parts.append(
            v.momentum - cfg.split_momentum if high_m else (0.0 if v.momentum < cfg.split_momentum else -math.inf)
        )
        return min(parts)

    def reached(self, v: Verdicts, cfg: AssessmentConfig) -> bool:
        return self._verdict_reached(v, cfg) and (self.safety <= 0 or self.measure(v, cfg) >= 0.0)

    def _verdict_reached(self, v: Verdicts, cfg: AssessmentConfig) -> bool:
        if self.kind == "group":
            want = next(i for i, b in enumerate(cfg.groups) if b.name == self.name)
            names = [b.name for b in cfg.groups]
            return v.group.group in names and names.index(v.group.group) >= want
        if self.kind == "quadrant":
            return v.quadrant.name == self.name
        return self._distance(v, cfg) >= 0.0

    def describe(self, cfg: AssessmentConfig, node_term: Message | None = None) -> Message:
        if self.kind == "level":
            return msg("whatif.target.level", node=node_term or msg("assess.total"), value=f"{self.value:g}")
        return msg(f"whatif.target.{self.kind}", name=cfg.term(self.name))


def parse_target(text: str, cfg: AssessmentConfig, pillars: tuple[str, ...]) -> Target:
    """group=领先型 | quadrant=领跑巩固型 | level:NODE=VALUE (NODE: total or a pillar code)."""
    key, sep, value = text.replace("＝", "=").replace("：", ":").partition("=")
    key, value = key.strip(), value.strip()
    groups = [b.name for b in cfg.groups]
    quadrants = list(cfg.quadrant_names.values())
    if sep and key == "group" and value in groups:
        return Target("group", value)
    if sep and key == "quadrant" and value in quadrants:
        return Target("quadrant", value)
    if sep and key.startswith("level:"):
        node = key.partition(":")[2].strip()
        node = ROOT if node in ("total", ROOT, "") else node
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if (node == ROOT or node in pillars) and math.isfinite(number):
            return Target("level", node=node, value=number)
    args = {"text": text, "groups": groups, "quadrants": quadrants, "pillars": list(pillars)}
    raise InputError([Problem("whatif.target_invalid", args)])


@dataclass(frozen=True)
class Change:
    """One indicator's change in a plan, with its effort, its share of the gain and its levers."""

    indicator: str
    growth: float
    baseline: float
    effort: float
    gain: float  # how much the target measure falls if this change alone is undone
    levers: tuple[str, ...]  # lever ids (resources/assessment/levers.toml)


@dataclass(frozen=True)
class Plan:
    target: Target
    feasible: bool
    changes: tuple[Change, ...]
    effort: float
    projection: Projection
    shortfall: float | None  # measure still missing when out of reach (≥ 0); None when reached
    reason: Message


@dataclass(frozen=True)
class ScenarioResult:
    """A named scenario or target plan, as the report's section 六 and the desktop show it."""

    name: str
    baseline: Baseline
    projection: Projection
    plan: Plan | None = None


def effort_of(t: Trend, growth: float) -> float:
    return abs(growth - t.growth) / t.volatility


def bound_of(t: Trend) -> float:
    """The scenario growth at the favourable bound (lower growth for a 逆向 indicator)."""
    return t.high if t.direction > 0 else t.low


def _round(t: Trend, growth: float, step: float) -> float:
    """Rounded to the plan's step in the favourable direction (never weaker than the exact growth)."""
    n = growth / step
    n = math.ceil(n - 1e-9) if t.direction > 0 else math.floor(n + 1e-9)
    return round(n * step, 10)


def _bisect(ok: Callable[[float], bool], lo: float, hi: float) -> float:
    """The smallest x in [lo, hi] with ok(x) (ok monotone, ok(hi) true)."""
    for _ in range(BISECT_STEPS):
        mid = (lo + hi) / 2.0
        lo, hi = (lo, mid) if ok(mid) else (mid, hi)
    return hi


def plan_target(
    baseline: Baseline,
    target: Target,
    nation_scenario: Mapping[str, float] | None = None,
    *,
    safety: float | None = None,
) -> Plan:
    """The plan that reaches `target` in the horizon year, or the closest point within the bounds.

    `safety` (points, default from the effort file): reach the threshold with this much to spare, so the
    projected verdict is not borderline under the weight and data draws.
    """
    b, cfg = baseline, baseline.config
    nation = dict(nation_scenario or {})
    spare = b.effort.safety if safety is None else safety
    target = replace(target, safety=spare)

    def measure(s: Mapping[str, float]) -> tuple[float, bool]:
        v = evaluate(b, s, nation)
        return target.measure(v, cfg), target.reached(v, cfg)

    m0, ok0 = measure({})
    if ok0:
        return _finish(b, target, {}, nation, True)
    if not math.isfinite(m0):  # a quadrant that needs a lower level or momentum: raising growth cannot get there
        return _finish(b, target, {}, nation, False)
    movable = {c: t for c, t in b.trends.items() if abs(bound_of(t) - t.growth) > 1e-12}
    gains = {c: measure({c: bound_of(t)})[0] - m0 for c, t in movable.items()}
    order = sorted((c for c in gains if gains[c] > 1e-12), key=lambda c: (-gains[c], c))
    chosen: list[str] = []
    for k in range(1, len(order) + 1):
        if measure({c: bound_of(movable[c]) for c in order[:k]})[1]:
            chosen = order[:k]
            break
    if not chosen:
        return _finish(b, target, {c: bound_of(movable[c]) for c in order}, nation, False)
    by_value = sorted(chosen, key=lambda c: (-gains[c] / effort_of(movable[c], bound_of(movable[c])), c))
    scenario: dict[str, float] = {}
    for c in by_value:
        t = movable[c]
        scenario[c] = bound_of(t)
        if measure(scenario)[1]:
            scenario[c] = t.growth + _bisect(
                lambda x, c=c, t=t: measure({**scenario, c: t.growth + x})[1], 0.0, bound_of(t) - t.growth
            ) if t.direction > 0 else t.growth - _bisect(
                lambda x, c=c, t=t: measure({**scenario, c: t.growth - x})[1], 0.0, t.growth - bound_of(t)
            )  # fmt: skip
            break
    return _finish(b, target, scenario, nation, True)


def _finish(b: Baseline, target: Target, scenario: dict, nation: dict, feasible: bool) -> Plan:
    """Round the plan, project it (with stability and the path), rank the changes and name their levers."""
    cfg, step = b.config, b.effort.precision
    rounded = {c: _round(b.trends[c], g, step) for c, g in scenario.items()}
    if not feasible:  # the closest point stays within the bounds
        rounded = {c: min(max(g, b.trends[c].low), b.trends[c].high) for c, g in rounded.items()}
    proj = project(b, rounded, nation)
    reached = target.reached(proj.projected, cfg)
    m = target.measure(proj.projected, cfg)
    changes = []
    for c, g in rounded.items():
        without = {k: v for k, v in rounded.items() if k != c}
        gain = m - target.measure(evaluate(b, without, nation), cfg)
        t = b.trends[c]
        changes.append(Change(c, g, t.growth, effort_of(t, g), gain, _levers(b, c)))
    changes.sort(key=lambda ch: (-ch.gain, ch.indicator))
    effort = sum(ch.effort for ch in changes)
    target_txt = target.describe(cfg, _node_term(b, target.node))
    if reached and not changes:
        reason = msg("whatif.plan.already", target=target_txt, year=b.horizon)
    elif reached:
        spare = msg("whatif.plan.spare", points=f"{target.safety:g}") if target.safety > 0 else ""
        reason = msg("whatif.plan.reached", target=target_txt, year=b.horizon, n=len(changes), effort=f"{effort:.2f}",
                     spare=spare)  # fmt: skip
    elif not math.isfinite(m):
        reason = msg("whatif.plan.wrong_way", target=target_txt, year=b.horizon)
    else:
        reason = msg("whatif.plan.unreachable", target=target_txt, year=b.horizon, shortfall=f"{max(-m, 0.0):.1f}",
                     n=len(changes))  # fmt: skip
    shortfall = None if reached or not math.isfinite(m) else max(-m, 0.0)
    return Plan(target, reached, tuple(changes), effort, proj, shortfall, reason)


def _node_term(b: Baseline, node: str) -> Message:
    if node == ROOT:
        return msg("assess.total")
    fw = b.framework
    return msg("assess.name", name={"zh": fw.label(node), "en": fw.label(node, "en")})


def _levers(b: Baseline, code: str) -> tuple[str, ...]:
    """Levers whose targets name the indicator, its sub-indicator or its pillar (most specific first)."""
    fw = b.framework
    chain = [code, *fw.ancestors(code)]
    out: list[str] = []
    for node in chain:
        out.extend(lv.id for lv in b.config.levers if node in lv.targets and lv.id not in out)
        if out:
            break
    return tuple(out[:3])
