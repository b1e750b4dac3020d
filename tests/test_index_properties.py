"""Invariants of the method (hypothesis): identities that must hold for any data."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from core.index.engine import compute_index
from core.model.framework import load_framework
from core.model.observations import Observation, ObservationTable

FW = load_framework()
YEARS = list(range(2019, 2024))
positive = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)
series = st.lists(positive, min_size=len(YEARS), max_size=len(YEARS))


def _table(data: dict[str, dict[str, list[float]]]) -> ObservationTable:
    return ObservationTable(
        [
            Observation(r, c, y, v)
            for r, by_code in data.items()
            for c, vals in by_code.items()
            for y, v in zip(YEARS, vals, strict=False)
        ]
    )


@st.composite
def regions(draw, n_regions=None):
    n_regions = st.integers(1, 3) if n_regions is None else n_regions
    return {f"R{k}": {c: draw(series) for c in FW.leaves} for k in range(draw(n_regions))}


@settings(max_examples=40, deadline=None)
@given(regions())
def test_single_indicator_identity(data):
    """For any indicator, E_t = 100 × x_t / x_base exactly, whatever the path."""
    result = compute_index(_table(data), FW)
    for region, by_code in data.items():
        for code in ("1.2.1", "3.4.2", "4.3.2"):
            vals = by_code[code]
            got = result.series(region, code)
            for y, v in zip(YEARS, vals, strict=False):
                assert np.isclose(got[y], 100 * v / vals[0], rtol=1e-9)


@settings(max_examples=30, deadline=None)
@given(regions(st.just(1)), st.floats(min_value=1e-3, max_value=1e3))
def test_scale_invariance(data, k):
    """Changing an indicator's unit (×k) changes nothing."""
    a = compute_index(_table(data), FW)
    scaled = {
        r: {c: [v * k for v in vals] if c in ("2.1.1", "2.1.2") else vals for c, vals in by_code.items()}
        for r, by_code in data.items()
    }
    b = compute_index(_table(scaled), FW)
    assert np.allclose(a.index, b.index, rtol=1e-7)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(min_value=0.5, max_value=2.0), min_size=len(YEARS) - 1, max_size=len(YEARS) - 1))
def test_equal_growth_everywhere_gives_same_growth_at_every_level(rates):
    vals = [100.0]
    for q in rates:
        vals.append(vals[-1] * q)
    result = compute_index(_table({"R": dict.fromkeys(FW.leaves, vals)}), FW)
    expected = [100 * v / vals[0] for v in vals]
    for n in range(len(FW.codes)):
        assert np.allclose(result.index[0, n], expected, rtol=1e-9)


@settings(max_examples=20, deadline=None)
@given(regions(st.integers(2, 3)), st.randoms(use_true_random=False))
def test_order_of_regions_is_irrelevant(data, rnd):
    table = _table(data)
    shuffled = list(table.rows)
    rnd.shuffle(shuffled)
    a = compute_index(table, FW)
    b = compute_index(ObservationTable(shuffled), FW)
    for region in data:
        assert np.array_equal(a.index[a.region_index(region)], b.index[b.region_index(region)], equal_nan=True)


@settings(max_examples=20, deadline=None)
@given(regions(st.just(1)))
def test_parent_between_min_and_max_of_children_growth(data):
    """A parent's growth is a convex combination of its children's."""
    result = compute_index(_table(data), FW)
    for parent in FW.parents:
        kids = [result.code_index(c) for c in FW.children(parent)]
        g = result.growth[0, result.code_index(parent), 1:]
        child = result.growth[0, kids, 1:]
        assert np.all(g <= child.max(axis=0) + 1e-9) and np.all(g >= child.min(axis=0) - 1e-9)
