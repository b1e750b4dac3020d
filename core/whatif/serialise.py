"""The what-if JSON (one place) and the `CODE=+X%/yr` scenario syntax shared by the CLI, the GUI and the store.

Growths are fractions inside core; in JSON and on the command line they are percent per year,
rounded to the plan's step, so a plan's `growth_per_year` fed back through `--raise` is the same number.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping

from ..kernel.atomic import atomic_write_text
from ..kernel.messages import msg
from ..kernel.problems import InputError, Problem
from .projection import Baseline, Projection, Verdicts
from .targets import Plan, bound_of

_RAISE = re.compile(r"^\s*([^=＝\s]+)\s*[=＝]\s*([+\-−]?\d+(?:\.\d+)?)\s*(%/yr|%/年|%|pp)?\s*$")


def growth_from_percent(pct: float) -> float:
    """12.34 (%/yr) → 0.1234, rounded as every scenario growth is (so replays are exact)."""
    return round(pct / 100.0, 10)


def _pct(g: float | None) -> float | None:
    return None if g is None or not math.isfinite(g) else round(g * 100.0, 6)


def parse_raise(items: Iterable[str], baseline: Baseline) -> dict[str, float]:
    """`CODE=+12.5%/yr` (or `12.5%`): growth of 12.5 % a year; `CODE=+3pp`: the baseline growth + 3 points."""
    out: dict[str, float] = {}
    problems = []
    for item in items:
        m = _RAISE.match(item)
        if not m:
            problems.append(Problem("whatif.raise_invalid", {"item": item}))
            continue
        code, number, unit = m.group(1), float(m.group(2).replace("−", "-")), m.group(3) or "%"
        if code not in baseline.trends:
            problems.append(Problem("whatif.code_unknown", {"code": code, "region": baseline.region}, indicator=code))
            continue
        pct = baseline.trends[code].growth * 100.0 + number if unit == "pp" else number
        out[code] = growth_from_percent(pct)
    if problems:
        raise InputError(problems)
    return out


def _verdicts(v: Verdicts) -> dict:
    return {
        "year": v.year,
        "index": v.index,
        "level": v.level,
        "pillars": dict(v.pillars),
        "momentum": v.momentum,
        "group": v.group.group,
        "quadrant": v.quadrant.name,
        "role": v.role.name,
        "margin": {"group": v.group.margin, "quadrant": v.quadrant.margin, "role": v.role.margin},
        "stability": {
            "group": dict(v.group.stability),
            "quadrant": dict(v.quadrant.stability),
            "role": dict(v.role.stability),
        },
        "borderline": {"group": v.group.borderline, "quadrant": v.quadrant.borderline, "role": v.role.borderline},
        "reasons": {"group": v.group.reason.to_dict(), "quadrant": v.quadrant.reason.to_dict()},
    }


def _within(baseline: Baseline, scenario: Mapping[str, float]) -> bool:
    return all(baseline.trends[c].low - 1e-12 <= g <= baseline.trends[c].high + 1e-12 for c, g in scenario.items())


def to_json(baseline: Baseline, projection: Projection, plan: Plan | None = None) -> dict:
    """The JSON of a scenario (or of a target plan): issue 20's shape plus today, margins, stability, path."""
    b = baseline
    if plan is not None:
        rows = [
            {"indicator": ch.indicator, "growth_per_year": _pct(ch.growth), "baseline_growth": _pct(ch.baseline),
             "effort": round(ch.effort, 4), "gain": ch.gain, "bound": _pct(bound_of(b.trends[ch.indicator])),
             "levers": list(ch.levers)}
            for ch in plan.changes
        ]  # fmt: skip
    else:
        rows = [
            {"indicator": c, "growth_per_year": _pct(g), "baseline_growth": _pct(b.trends[c].growth),
             "effort": round(abs(g - b.trends[c].growth) / b.trends[c].volatility, 4),
             "bound": _pct(bound_of(b.trends[c])), "levers": []}
            for c, g in projection.scenario.items()
        ]  # fmt: skip
    out = {
        "region": b.region,
        "year": b.horizon,
        "scenario": {c: _pct(g) for c, g in projection.scenario.items()},
        "nation_scenario": {c: _pct(g) for c, g in projection.nation_scenario.items()},
        "projected": _verdicts(projection.projected),
        "today": _verdicts(projection.today),
        "feasible": plan.feasible if plan is not None else _within(b, projection.scenario),
        "plan": rows,
        "effort": round(sum(r["effort"] for r in rows), 4),
        "path": [{"year": p.year, "level": p.level, "momentum": p.momentum} for p in projection.path],
        "baseline": {
            c: {
                "growth_per_year": _pct(t.growth),
                "volatility": _pct(t.volatility),
                "low": _pct(t.low),
                "high": _pct(t.high),
            }
            for c, t in b.trends.items()
        },  # fmt: skip
        "notes": [n.to_dict() for n in projection.notes],
        "not_a_forecast": True,
    }
    if plan is not None:
        out["target"] = {"kind": plan.target.kind, "name": plan.target.name, "node": plan.target.node,
                         "value": plan.target.value, "safety": plan.target.safety, "shortfall": plan.shortfall, "reason": plan.reason.to_dict()}  # fmt: skip
    return out


def plan_to_json(baseline: Baseline, plan: Plan) -> dict:
    return to_json(baseline, plan.projection, plan)


def write_scenarios_json(path, scenarios: Mapping[str, Mapping]) -> None:
    """Saved scenarios (name → their JSON) to one file, strict JSON (no NaN), written atomically."""
    text = json.dumps({"scenarios": dict(scenarios), "not_a_forecast": True}, ensure_ascii=False, indent=2,
                      allow_nan=False)  # fmt: skip
    atomic_write_text(path, text + "\n")


def read_scenario_json(path) -> dict:
    """A what-if JSON file (`whatif --json`, or one scenario of the page's export); InputError when unusable."""
    from pathlib import Path

    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(
            [Problem("whatif.scenario_file", {"why": msg("whatif.file_why.missing")}, file=str(p))]
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise InputError(
            [Problem("whatif.scenario_file", {"why": msg("whatif.file_why.unreadable")}, file=str(p))]
        ) from None
    if isinstance(data, dict) and isinstance(data.get("scenarios"), dict) and len(data["scenarios"]) == 1:
        data = next(iter(data["scenarios"].values()))  # the page's export of one saved scenario
    ok = isinstance(data, dict) and isinstance(data.get("region"), str) and isinstance(data.get("year"), int)
    if not ok or not isinstance(data.get("scenario", {}), dict):
        raise InputError([Problem("whatif.scenario_file", {"why": msg("whatif.file_why.shape")}, file=str(p))])
    return data
