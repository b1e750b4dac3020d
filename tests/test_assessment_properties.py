"""Properties that must hold for any input (hypothesis)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.assessment.config import load_config
from core.assessment.coupling import coupling_degree
from core.assessment.level import compute_level
from core.model.framework import load_framework

FW = load_framework()
CFG = load_config(pillars=FW.pillars)
positive = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(values=st.lists(positive, min_size=27, max_size=27), missing=st.sets(st.integers(0, 26), max_size=10))
def test_level_is_the_weighted_sum_of_scores_and_bounded(values, missing):
    reg = dict(zip(FW.leaves, values, strict=False))
    nat = {c: (None if i in missing else 100.0) for i, c in enumerate(FW.leaves)}
    lv = compute_level(
        FW, reg, nat, {"gdp": 3.0, "population": 2.0}, {"gdp": 100.0, "population": 140.0}, cap=CFG.score_cap
    )
    inc = [s for s in lv.indicators if s.included]
    assert len(inc) == 27 - len(missing)
    assert sum(s.weight for s in inc) == pytest.approx(1.0)
    assert sum(s.weight * s.score for s in inc) == pytest.approx(lv.total)
    assert 0.0 <= lv.total <= 100.0 * CFG.score_cap + 1e-9
    assert all(s.score is None for s in lv.indicators if not s.included)


@settings(max_examples=200, deadline=None)
@given(l1=st.floats(0.0, 1000.0), l2=st.floats(0.0, 1000.0).filter(lambda x: x == 0.0 or x >= 1e-9))
def test_coupling_is_bounded_and_symmetric(l1, l2):
    a, b = coupling_degree(l1, l2, CFG), coupling_degree(l2, l1, CFG)
    assert 0.0 <= a.d <= 1.0 and 0.0 <= a.c <= 1.0 + 1e-12
    assert a.d == pytest.approx(b.d)
    if l1 == l2 and l1 >= 1e-9:
        assert a.c == pytest.approx(1.0) and a.d == pytest.approx(math.sqrt(l1 / (l1 + 100.0)))
