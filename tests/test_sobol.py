"""Sobol indices of the weights: seeded, consistent with the engine, zero where a weight cannot matter."""

from __future__ import annotations

import json

import numpy as np
import pytest

from core.index.engine import compute_index, prepare
from core.index.sobol import sobol_indices
from core.model.framework import ROOT
from core.model.observations import Observation, ObservationTable

YEARS = range(2019, 2025)
PILLAR_RATE = {"1": 1.10, "2": 1.02, "3": 1.06, "4": 0.97}


def _table(framework, rate_of) -> ObservationTable:
    rows = []
    for code in framework.leaves:
        value = 100.0
        for year in YEARS:
            rows.append(Observation("甲省", code, year, value))
            value *= rate_of(code)
    return ObservationTable(rows)


@pytest.fixture
def pillars_only(framework):
    """Every indicator of a pillar grows alike: only the four pillar weights can move the total."""
    return _table(framework, lambda code: PILLAR_RATE[code.split(".")[0]])


def test_nominal_is_the_engines_total(framework, pillars_only):
    res = sobol_indices(prepare(pillars_only, framework), "甲省", draws=256)
    assert res.nominal == pytest.approx(compute_index(pillars_only, framework).value("甲省", ROOT, 2024), rel=1e-12)


def test_only_weights_that_can_matter_get_an_index(framework, pillars_only):
    res = sobol_indices(prepare(pillars_only, framework), "甲省", draws=1024)
    idx = dict(zip(res.nodes, zip(res.first, res.total, strict=True), strict=True))
    assert set(res.nodes) == {c for c in framework.codes if c != ROOT}  # every parent has ≥ 2 children
    for code, (first, total) in idx.items():
        if code in PILLAR_RATE:
            assert total > 0.01, code
        else:  # within a pillar all indicators grow alike: the weight changes nothing
            assert abs(first) < 1e-9 and abs(total) < 1e-9, code
    # a near-additive model: first-order indices explain almost all of the variance
    firsts = np.array([idx[p][0] for p in PILLAR_RATE])
    totals = np.array([idx[p][1] for p in PILLAR_RATE])
    assert 0.8 < firsts.sum() < 1.1 and np.all(totals >= firsts - 0.05)
    # the fastest and the slowest pillar are furthest from the mean: they matter most
    ranked = sorted(PILLAR_RATE, key=lambda p: idx[p][1], reverse=True)
    assert set(ranked[:2]) == {"1", "4"}


def test_same_seed_same_bytes_other_seed_other_numbers(framework):
    rng = np.random.default_rng(3)
    rates = {c: 1 + rng.uniform(-0.05, 0.12) for c in framework.leaves}
    table = _table(framework, rates.__getitem__)
    prepared = prepare(table, framework)
    one = json.dumps(sobol_indices(prepared, "甲省", draws=128, seed=7).to_dict(), ensure_ascii=False)
    two = json.dumps(sobol_indices(prepared, "甲省", draws=128, seed=7).to_dict(), ensure_ascii=False)
    other = json.dumps(sobol_indices(prepared, "甲省", draws=128, seed=8).to_dict(), ensure_ascii=False)
    assert one == two and one != other
    shape = json.loads(one)
    assert shape["method"] == "sobol" and shape["region"] == "甲省" and set(shape["indices"]["1"]) == {"first", "total"}
