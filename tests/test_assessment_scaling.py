"""The assessment grows linearly with the number of regions (issue 17): operation counts, not timings.

Python function calls (the interpreter's own count, builtins included) and catalogue messages built,
for `assess --region all` (assessment and its JSON) at 100 and 200 regions: doubling the regions may at
most about double the work. Before the scale work the ranks, partners and sameness were O(N²) Python
work (series() looked up for every region pair, a reason built for every pair): the ratio was ~3.5.
Also: the numpy screening of partners and sameness picks exactly what the pair-by-pair definition does.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from core.assessment import assess, load_config
from core.assessment.partners import complementarity, find_partners, profile_cosine, sameness
from core.kernel.messages import Message

ROOT = Path(__file__).resolve().parents[1]
MAX_RATIO = 2.2  # work(200 regions) / work(100 regions)


@pytest.fixture(scope="module")
def config(framework):
    return load_config(pillars=framework.pillars)


@pytest.fixture(scope="module")
def synthetic_table():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from make_demo_data import synthetic_table
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return synthetic_table


def _work(table, framework, monkeypatch) -> dict[str, int]:
    counts = {"calls": 0, "messages": 0}
    init = Message.__init__

    def counted_init(self, *args, **kwargs):
        counts["messages"] += 1
        init(self, *args, **kwargs)

    def profiler(frame, event, arg):
        if event in ("call", "c_call"):
            counts["calls"] += 1

    monkeypatch.setattr(Message, "__init__", counted_init)
    sys.setprofile(profiler)
    try:
        assess(table, framework, robust=False).to_dict()
    finally:
        sys.setprofile(None)
        monkeypatch.setattr(Message, "__init__", init)
    return counts


def test_assessment_work_grows_linearly(framework, synthetic_table, monkeypatch):
    small = _work(synthetic_table(100), framework, monkeypatch)
    large = _work(synthetic_table(200), framework, monkeypatch)
    for what in ("calls", "messages"):
        assert small[what] > 0
        ratio = large[what] / small[what]
        assert ratio <= MAX_RATIO, f"{what}: {large[what]} at 200 regions / {small[what]} at 100 = {ratio:.2f}"


def _levels(n: int, pillars, seed: int = 3) -> dict[str, dict[str, float | None]]:
    """Random pillar levels on a coarse grid (many exact ties), a few missing."""
    rng = random.Random(seed)
    out = {}
    for i in range(n):
        out[f"地区{i:03d}"] = {
            p: (None if rng.random() < 0.03 else rng.choice(range(60, 160, 5)) * 1.0) for p in pillars
        }
    return out


def test_partners_screening_matches_pair_by_pair(framework, config):
    levels = _levels(300, framework.pillars)
    regions = list(levels)
    adjacency = {r: {regions[(i + 1) % 300], regions[(i + 7) % 300]} for i, r in enumerate(regions)}
    weights = {p: framework.nodes[p].weight for p in framework.pillars}
    for region in regions[:40]:
        res = find_partners(region, levels, framework, adjacency, config)
        own = levels[region]
        if not res.weak_pillars:
            assert res.top == ()
            continue
        scored = [(complementarity(own, levels[b], weights, b in adjacency[region], config)[0], b)
                  for b in regions if b != region]  # fmt: skip
        expected = sorted([(-s, b) for s, b in scored if s > 0])[: config.partner_top_n]
        assert [(p.peer, p.score) for p in res.top] == [(b, -s) for s, b in expected]
        assert res.peers_considered == len(regions) - 1


def test_sameness_screening_matches_pair_by_pair(framework, config):
    levels = _levels(300, framework.pillars, seed=5)
    regions = list(levels)
    roles = {r: ("甲型" if i % 2 else "乙型") for i, r in enumerate(regions)}
    adjacency = {r: {regions[(i + 2) % 300], regions[(i + 4) % 300]} for i, r in enumerate(regions)}
    for region in regions[:40]:
        items = sameness(region, levels, roles, adjacency, config)
        cos = {b: profile_cosine(levels[region], levels[b]) for b in regions if b != region}
        cos = {b: c for b, c in cos.items() if c is not None}
        warn = {
            b
            for b, c in cos.items()
            if b in adjacency[region] and roles[b] == roles[region] and c > config.cosine_threshold
        }
        expected = sorted((-cos[b], b) for b in warn)
        expected += sorted((-c, b) for b, c in cos.items() if b not in warn)[: config.sameness_show_top]
        assert [(i.peer, i.cosine) for i in items] == [(b, -c) for c, b in expected]


def test_complete_cosines_match_the_general_screen(framework):
    """With every pillar level present the cosines are one prepared product: the same figures (to rounding)
    as the masked computation that allows missing levels."""
    import numpy as np

    from core.assessment.partners import PeerMatrix

    levels = {
        r: {p: 100.0 if v is None else v for p, v in row.items()}
        for r, row in _levels(200, framework.pillars, 11).items()
    }
    regions = list(levels)
    matrix = PeerMatrix(levels, framework.pillars, regions)
    assert matrix.complete
    general = PeerMatrix(levels, framework.pillars, regions)
    general.complete = False
    for region in regions[:20]:
        fast, slow = matrix.centred_cosines(levels[region]), general.centred_cosines(levels[region])
        assert np.allclose(fast, slow, rtol=1e-12, atol=1e-12)
        exact = [profile_cosine(levels[region], levels[b]) for b in regions]
        decided = np.isfinite(fast)  # a flat profile (inf) is left to the exact pass
        assert decided.sum() > 150
        assert np.allclose(fast[decided], np.array(exact, dtype=float)[decided], rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("factor", [1.2, 0.8])  # ≥ 1: a pillar's candidates from its top levels; < 1: screened
@pytest.mark.parametrize("complete", [True, False])
def test_block_screens_match_region_by_region(framework, config, complete, factor):
    """prepare_screens (a block of regions at a time) gives every region the same partners and sameness as
    its own screen: ties on a coarse grid, missing levels, neighbours, targets outside the peer pool."""
    from dataclasses import replace

    from core.assessment.partners import PeerMatrix, prepare_screens

    config = replace(config, adjacency_factor=factor)
    levels = _levels(300, framework.pillars, seed=13)
    if complete:
        levels = {r: {p: 100.0 if v is None else v for p, v in row.items()} for r, row in levels.items()}
    regions = list(levels)
    roles = {r: ("甲型" if i % 3 else "乙型") for i, r in enumerate(regions)}
    adjacency = {r: {regions[(i + 1) % 300], regions[(i + 5) % 300]} for i, r in enumerate(regions)}
    pool = regions[:260]  # the last 40 regions are assessed against the pool without being in it
    prepared = PeerMatrix(levels, framework.pillars, pool)
    prepare_screens(prepared, regions, levels, framework, adjacency, config)
    assert len(prepared.screened) == 300
    assert len(prepared.similar) == (300 if complete else 0)  # missing levels: sameness screened region by region
    for region in regions[::3]:
        plain = PeerMatrix(levels, framework.pillars, pool)
        for matrix in (prepared, plain):
            matrix.result = (
                find_partners(region, levels, framework, adjacency, config, matrix=matrix),
                sameness(region, levels, roles, adjacency, config, matrix=matrix),
            )
        assert plain.screened == {} and plain.similar == {}
        assert prepared.result == plain.result


def test_exact_cosines_in_one_pass_equal_profile_cosine(framework):
    """sameness's exact pass over its candidates (one vectorised pass when every profile is complete) gives
    profile_cosine's floats exactly, None for a flat profile: levels on a coarse grid, many at the cap."""
    from core.assessment.partners import PeerMatrix, _candidate_cosines

    rng = random.Random(17)
    grid = [*range(60, 160, 5), 300, 300, 300]  # the score cap makes many profiles point the same way
    levels = {f"地区{i:03d}": {p: float(rng.choice(grid)) for p in framework.pillars} for i in range(200)}
    levels["平"] = dict.fromkeys(framework.pillars, 120.0)  # flat: no direction
    regions = list(levels)
    matrix = PeerMatrix(levels, framework.pillars, regions)
    assert matrix.complete
    for region in [*regions[:30], "平"]:
        got = _candidate_cosines(matrix, levels[region], regions, levels)
        assert got == [profile_cosine(levels[region], levels[b]) for b in regions]
    assert _candidate_cosines(matrix, levels["平"], regions, levels) == [None] * len(regions)


def test_sameness_writes_reasons_for_the_items_shown_only(framework, config, monkeypatch):
    """Many candidates tie (profiles at the cap): each is compared exactly, but a reason is written only for
    the items returned."""
    from core.assessment import partners

    written = []
    reason = partners._sameness_reason
    monkeypatch.setattr(partners, "_sameness_reason", lambda *a: written.append(a[1]) or reason(*a))
    pillars = framework.pillars
    levels = {f"地区{i:03d}": {p: 300.0 if j else 60.0 + i for j, p in enumerate(pillars)} for i in range(80)}
    roles = dict.fromkeys(levels, "甲型")
    items = sameness("地区000", levels, roles, {}, config)
    assert len(items) == config.sameness_show_top and written == [i.peer for i in items]


def test_columnar_table_is_assessed_without_an_observation_per_value(framework, tmp_path, monkeypatch):
    """A long CSV is read into columns; the assessment reads the columns (selections of them) and never makes
    the per-value Observation objects (at 3,000 regions that alone took ~10 s)."""
    from core.io.loading import load_data
    from core.model.observations import Columns

    rng = random.Random(2)
    lines = ["地区,指标,年份,数值,单位"]
    for r in range(12):
        for code in framework.leaves:
            unit = framework.nodes[code].unit
            level = rng.uniform(20, 60) if unit.strip() == "%" else rng.uniform(100, 900)
            lines += [f"地区{r},{code},{y},{level * (1 + 0.05 * (y - 2015)):.4f},{unit}" for y in range(2015, 2025)]
    path = tmp_path / "long.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table, problems = load_data([path], framework)
    assert table.is_columnar and not [p for p in problems if p.severity.name == "ERROR"]
    made = []
    observation = Columns.observation
    monkeypatch.setattr(Columns, "observation", lambda self, i: made.append(i) or observation(self, i))
    result = assess(table, framework)
    assert len(result.regions) == 12 and made == []


def test_drawn_momentum_indices_follow_the_chain_formula():
    """_drawn_indices (one BLAS product per year) against the chained index written out draw by draw:
    100 · Π_t (200 + g_t) / (200 − g_t), g_t the draw's path-weighted growth of the region in year t."""
    import numpy as np

    from core.assessment.robustness import _drawn_indices

    rng = np.random.default_rng(4)
    paths, growth = rng.random((7, 3, 5)), rng.normal(2.0, 6.0, (4, 5, 6))  # [D, P, L], [r, L, T]
    got = _drawn_indices(paths, growth)  # [D, r, P]
    for d in range(7):
        for r in range(4):
            for p in range(3):
                g = [float(paths[d, p] @ growth[r, :, t]) for t in range(1, 6)]
                expected = 100.0 * float(np.prod([(200.0 + x) / (200.0 - x) for x in g]))
                assert got[d, r, p] == pytest.approx(expected, rel=1e-12)
    assert np.array_equal(_drawn_indices(paths, growth[:, :, :1]), np.full((7, 4, 3), 100.0))
