"""The effort definition and the growth bounds of the planner (`resources/whatif/effort.toml`).

Effort of a change = |scenario growth − baseline growth| / σ (σ: historical volatility of the
indicator's annual growth, floored); bounds = [historical min − margin, historical max + margin],
capped at ±max_growth. Numbers in the file are percentage points per year; here fractions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..kernel.messages import msg
from ..kernel.problems import InputError, Problem
from ..kernel.resources import load_toml

EFFORT_RESOURCE = "whatif/effort.toml"


@dataclass(frozen=True)
class EffortConfig:
    volatility_floor: float = 0.02
    margin: float = 0.05
    max_growth: float = 0.60
    precision: float = 0.0001
    safety: float = 0.0  # points a target plan keeps above the threshold
    label: str = EFFORT_RESOURCE


def _num(data: Mapping, section: str, key: str, label: str, lo: float, hi: float) -> float:
    value = data.get(section, {}).get(key)
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not lo <= value <= hi:
        where = f"[{section}] {key}"
        raise InputError(
            [Problem("whatif.config_invalid", {"key": where, "value": str(value), "lo": lo, "hi": hi}, file=label)]
        )
    return float(value)


def load_effort(path: str | Path | None = None) -> EffortConfig:
    """The shipped effort file, or the user's copy; a bad value raises InputError naming the key."""
    data, label = load_toml(path, EFFORT_RESOURCE, msg("file_kind.whatif_effort"))
    return EffortConfig(
        volatility_floor=_num(data, "effort", "volatility_floor_pp", label, 0.01, 100.0) / 100.0,
        margin=_num(data, "bounds", "margin_pp", label, 0.0, 100.0) / 100.0,
        max_growth=_num(data, "bounds", "max_growth_pp", label, 1.0, 500.0) / 100.0,
        precision=_num(data, "plan", "precision_pp", label, 0.0001, 1.0) / 100.0,
        safety=_num(data, "plan", "safety_points", label, 0.0, 100.0),
        label=label,
    )
