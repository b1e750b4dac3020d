"""Weight sensitivity: ±20 % one at a time, and the seeded Monte Carlo."""

from __future__ import annotations

import numpy as np
import pytest

from core.index.engine import IndexOptions, compute_index
from core.index.sensitivity import monte_carlo, one_at_a_time
from core.kernel.progress import Cancelled
from core.model.observations import Observation, ObservationTable


def _varied_table(framework, regions=3, seed=7):
    rng = np.random.default_rng(seed)
    rows = []
    for r in range(regions):
        for code in framework.leaves:
            v = rng.uniform(10, 100)
            for y in range(2019, 2025):
                rows.append(Observation(f"地区{r}", code, y, float(v)))
                v *= rng.uniform(0.9, 1.3)
    return ObservationTable(rows)


def test_equal_growth_is_insensitive(framework, constant_table):
    result = one_at_a_time(constant_table(framework), framework)
    assert result.overall_max == pytest.approx(0.0, abs=1e-9)


def test_one_at_a_time_matches_a_direct_recomputation(framework):
    table = _varied_table(framework)
    result = one_at_a_time(table, framework)
    region, year = "地区1", 2024
    cause = result.cause_of(region, year)
    base = compute_index(table, framework).value(region, "total", year)
    varied = compute_index(
        table, framework, IndexOptions(weights={cause.node: framework.nodes[cause.node].weight * cause.factor})
    ).value(region, "total", year)
    r, t = result.regions.index(region), result.years.index(year)
    assert result.max_change[r, t] == pytest.approx(abs(100 * (varied / base - 1)), rel=1e-9)
    # and it is the largest of all variants
    for v in result.variants[:6]:
        other = compute_index(
            table, framework, IndexOptions(weights={v.node: framework.nodes[v.node].weight * v.factor})
        ).value(region, "total", year)
        assert abs(100 * (other / base - 1)) <= result.max_change[r, t] + 1e-9
    assert set(result.to_dict()["regions"][region]) == {str(y) for y in range(2020, 2025)}


def test_monte_carlo_is_seeded_and_bands_bracket_the_median(framework):
    table = _varied_table(framework)
    a = monte_carlo(table, framework, draws=200, seed=3)
    b = monte_carlo(table, framework, draws=200, seed=3)
    assert np.array_equal(a.p05, b.p05, equal_nan=True)
    total = a.codes.index("total")
    assert np.all(a.p05[:, total] <= a.p50[:, total] + 1e-12) and np.all(a.p50[:, total] <= a.p95[:, total] + 1e-12)
    # base year is 100 in every draw; leaves do not depend on weights
    assert np.allclose(a.p05[:, :, 0], 100.0)
    leaf = a.codes.index("1.2.1")
    assert np.allclose(a.p05[:, leaf], a.p95[:, leaf])
    # nominal equals the engine's own result
    engine = compute_index(table, framework)
    assert np.allclose(a.nominal, engine.index, equal_nan=True)
    assert set(a.rank_nominal.tolist()) == {1, 2, 3}
    assert np.all((a.rank_stability >= 0) & (a.rank_stability <= 1))


def test_monte_carlo_progress_and_cancel(framework):
    table = _varied_table(framework, regions=2)
    seen = []
    monte_carlo(table, framework, draws=100, chunk=25, progress=lambda d, n: seen.append((d, n)))
    assert seen == [(25, 100), (50, 100), (75, 100), (100, 100)]
    calls = iter([False, True])
    with pytest.raises(Cancelled):
        monte_carlo(table, framework, draws=100, chunk=25, cancel=lambda: next(calls))


def test_monte_carlo_draws_a_block_of_regions_at_a_time(framework, monkeypatch):
    """Memory is bounded by blocks of regions (3,000 regions × 500 draws held at once took 9 GB): every block reads
    the same seeded draws, so blocks of two regions give exactly the figures of one block; progress counts
    draws times blocks."""
    import core.index.sensitivity as sensitivity

    table = _varied_table(framework, regions=5)
    whole = monte_carlo(table, framework, draws=60, chunk=25)
    D, P, T = 60, sum(not framework.nodes[c].is_leaf for c in framework.codes), len(whole.years)
    monkeypatch.setattr(sensitivity, "MC_BLOCK_BYTES", 2 * D * P * T * 8)  # two regions per block
    sizes, seen = [], []
    drawn = sensitivity.drawn_parent_indices
    monkeypatch.setattr(
        sensitivity,
        "drawn_parent_indices",
        lambda prep, plan, rows, after: sizes.append(len(rows)) or drawn(prep, plan, rows, after),
    )
    blocks = monte_carlo(table, framework, draws=60, chunk=25, progress=lambda d, n: seen.append((d, n)))
    assert sizes == [2, 2, 1]  # 5 regions
    assert seen[-1] == (180, 180) and len(seen) == 9
    for name in ("p05", "p50", "p95", "rank_median", "rank_p05", "rank_p95", "rank_stability"):
        assert np.array_equal(getattr(whole, name), getattr(blocks, name), equal_nan=True), name


def test_dirichlet_scheme_runs_and_differs(framework):
    table = _varied_table(framework)
    u = monte_carlo(table, framework, draws=100, seed=1)
    d = monte_carlo(table, framework, draws=100, seed=1, scheme="dirichlet", spread=0.3)
    assert not np.allclose(u.p05, d.p05)


def test_monte_carlo_draws_use_the_frameworks_renormalisation(framework):
    from core.index.engine import alive_nodes
    from core.index.sensitivity import draw_weights
    from core.model.framework import ROOT

    included = np.ones(len(framework.leaves), bool)
    included[framework.leaves.index("3.2.2")] = False
    alive = alive_nodes(framework, included)
    w = draw_weights(
        framework, np.random.default_rng(1), 5, "uniform", 0.2, np.array([alive[c] for c in framework.codes], float)
    )
    for d in range(5):
        drawn = {c: float(w[d, i]) for i, c in enumerate(framework.codes)}
        fw = framework.with_weights({c: drawn[c] for c in framework.codes if c != ROOT and alive[c]})
        for parent in framework.parents:
            for k, share in fw.child_shares(parent, alive).items():
                assert drawn[k] == pytest.approx(share, rel=1e-12)
        assert drawn["3.2.2"] == 0.0 and drawn[ROOT] == 1.0
