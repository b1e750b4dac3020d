"""Drop-one-indicator impact: equals an engine run with that indicator excluded."""

from __future__ import annotations

import numpy as np
import pytest

from core.index.drop_one import drop_one
from core.index.engine import IndexOptions, compute_index, prepare
from core.model.framework import ROOT
from core.model.observations import Observation, ObservationTable


def _table(framework):
    rng = np.random.default_rng(11)
    rows = []
    for region in ("甲省", "乙省", "丙省"):
        for code in framework.leaves:
            value, rate = 100.0, 1 + rng.uniform(-0.03, 0.15)
            for year in range(2019, 2025):
                rows.append(Observation(region, code, year, value))
                value *= rate
    return ObservationTable(rows)


def test_drop_one_equals_an_exclusion_run(framework):
    table = _table(framework)
    res = drop_one(prepare(table, framework))
    nominal = compute_index(table, framework)
    for r, region in enumerate(res.regions):
        assert res.nominal[r] == pytest.approx(nominal.value(region, ROOT, 2024), rel=1e-12)
    for i, code in enumerate(("2.1.1", "4.3.2")):
        excluded = compute_index(table, framework, IndexOptions(exclusions={r: frozenset({code}) for r in res.regions}))
        li = framework.leaves.index(code)
        for r, region in enumerate(res.regions):
            assert res.dropped[li, r] == pytest.approx(excluded.value(region, ROOT, 2024), rel=1e-12), (i, region)


def test_ranks_and_json(framework):
    res = drop_one(prepare(_table(framework), framework))
    assert sorted(res.rank_nominal.tolist()) == [1, 2, 3]
    d = res.to_dict()["regions"]["甲省"]
    assert set(d["drop"]) == set(framework.leaves)
    one = d["drop"]["1.1.1"]
    assert one["change_percent"] == pytest.approx(100 * (one["total"] / d["nominal"] - 1), abs=1e-5)
