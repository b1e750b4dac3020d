"""Shared fixtures: the shipped framework and small observation tables built in code.

Qt's offscreen platform is the default for every test (before any QApplication exists), so
`python -m pytest -q` needs no `QT_QPA_PLATFORM=offscreen` prefix — which PowerShell lacks.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from core.model.framework import load_framework
from core.model.observations import Observation, ObservationTable


@pytest.fixture(scope="session")
def framework():
    return load_framework()


def constant_growth_table(
    framework, regions=("甲省",), years=range(2019, 2025), rate=1.05, start=100.0
) -> ObservationTable:
    """Every indicator of every region grows by `rate` a year (use through the fixture below)."""
    rows = []
    for region in regions:
        for code in framework.leaves:
            value = start
            for year in years:
                rows.append(Observation(region, code, year, value))
                value *= rate
    return ObservationTable(rows)


@pytest.fixture
def constant_table():
    return constant_growth_table
