"""The shipped demo data (示意数据，非官方统计) the app opens on first start.

Read through `importlib.resources`, so it works from a checkout, an install or a frozen bundle.
"""

from __future__ import annotations

from ..io.longformat import read_long_format
from ..kernel.problems import InputError, Severity
from ..kernel.resources import resource
from ..model.framework import Framework
from ..model.observations import ObservationTable
from .config import AssessmentConfig
from .industries import IndustryRow, parse_industries_csv

DEMO_PROVINCES = "demo/demo-provinces.csv"
DEMO_CITIES = "demo/demo-jiangsu-cities.csv"
DEMO_CITY_ADJACENCY = "demo/demo-jiangsu-adjacency.toml"
DEMO_INDUSTRIES = "demo/demo-industries.csv"


def load_demo(
    framework: Framework, config: AssessmentConfig, cities: bool = False
) -> tuple[ObservationTable, list[IndustryRow]]:
    """The demo provinces (or 江苏省 with four cities) and the demo industry scores."""
    from importlib.resources import as_file

    with as_file(resource(DEMO_CITIES if cities else DEMO_PROVINCES)) as path:
        table, problems = read_long_format(path, framework)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise InputError(errors)
    rows, _ = parse_industries_csv(
        resource(DEMO_INDUSTRIES).read_text(encoding="utf-8-sig"), config, file="demo-industries.csv"
    )
    return table, rows
