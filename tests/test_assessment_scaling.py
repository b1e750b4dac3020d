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
