"""Shared report inputs: the demo provinces, their index, sensitivity, assessment and import problems."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from core.assessment import assess
from core.index import compute_index, monte_carlo, one_at_a_time
from core.io.loading import load_data_strict
from core.model.framework import load_framework
from core.report.builder import ReportInputs

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "demo" / "demo-provinces.csv"


@lru_cache(maxsize=1)
def demo_inputs(region: str = "江苏省") -> ReportInputs:
    fw = load_framework()
    loaded = load_data_strict([DEMO], fw)
    table = loaded.observations
    return ReportInputs(
        compute_index(table, fw),
        region,
        one_at_a_time=one_at_a_time(table, fw),
        monte_carlo=monte_carlo(table, fw, draws=200),
        problems=tuple(loaded.problems),
        observations=table,
        app_version="0.1.0",
        date="2026-12-01",
        assessment=assess(table, fw),
    )
