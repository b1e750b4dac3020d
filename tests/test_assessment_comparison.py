"""Benchmarks and comparisons (spec 02 §2.2, §2.10): comparable national series, macro-regions, published figures."""

from __future__ import annotations

import pytest

from core.assessment.comparison import (
    basis_at,
    comparable_national_observations,
    compare_node,
    load_macro_regions,
    load_national_basis,
    national_vs_published,
)
from core.assessment.model import Rank
from core.index.engine import IndexOptions, compute_index
from core.model.observations import NATION, Observation, ObservationTable


def test_national_basis_file():
    t = load_national_basis()
    assert t.series(NATION, "_gdp")[2024] == pytest.approx(1349084.0)
    assert set(t.series(NATION, "_population")) == set(range(2019, 2025))


def test_comparable_series_sets_shares_to_100_and_prefers_user_rows(framework):
    user = ObservationTable([Observation(NATION, "2.1.1", 2019, 1.0), Observation(NATION, "_gdp", 2019, 5.0)])
    table, sources, notes = comparable_national_observations(framework, user, range(2019, 2025))
    for code in ("1.2.2", "2.3.1", "2.3.2"):
        assert sources[code] == "nation_is_100"
        assert table.series(NATION, code) == dict.fromkeys(range(2019, 2025), 100.0)
    assert sources["2.1.1"] == "data" and table.series(NATION, "2.1.1") == {2019: 1.0}
    assert sources["1.2.1"] == "benchmark" and table.series(NATION, "1.2.1")[2024] == 4756000
    assert sources["1.1.1"] == "missing"
    assert table.series(NATION, "_gdp") == {2019: 5.0}  # the user's GDP wins …
    assert table.series(NATION, "_population")[2024] == 140828  # … population from the NBS file


def test_basis_carried_forward_is_flagged():
    t = ObservationTable([Observation("甲省", "_gdp", 2022, 10.0)])
    assert basis_at(t, "甲省", "_gdp", 2022) == (10.0, None)
    v, note = basis_at(t, "甲省", "_gdp", 2024)
    assert v == 10.0 and "沿用 2022 年" in note.text()
    v, note = basis_at(t, "甲省", "_population", 2024)
    assert v is None and "_population" in note.text()


def test_macro_region_figures_are_the_reports():
    figs = {(f.macro_region, f.node): f for f in load_macro_regions()}
    assert figs[("东部", "1.2.1")].value == 71 and figs[("东部", "1.2.2")].value == 87
    assert figs[("中部", "4")].value == 132 and figs[("西部", "4")].value == 124
    assert figs[("西部", "1")].approx and figs[("东北", "2.2.1")].value == 128
    assert figs[("东北", "total")].measure == "qualitative"


def _two_regions(framework):
    rows = []
    for code in framework.leaves:
        for k, y in enumerate(range(2019, 2024)):
            rows.append(Observation("甲省", code, y, 100.0 * 1.10**k))
            rows.append(Observation("乙省", code, y, 100.0 * 1.02**k))
            rows.append(Observation(NATION, code, y, 100.0 * 1.05**k))
    return compute_index(ObservationTable(rows), framework, IndexOptions())


def test_compare_node_gaps_growth_and_ranks(framework):
    res = _two_regions(framework)
    cmp = compare_node(res, "乙省", "total", macro_region="西部")
    # single-rate growth: every node's index is 100 × rate^k
    assert cmp.region[2023] == pytest.approx(100 * 1.02**4, abs=1e-3)
    assert cmp.gap_points[2023] == pytest.approx(100 * (1.02**4 - 1.05**4), abs=1e-3)
    assert cmp.g_region == pytest.approx(0.02, abs=1e-6) and cmp.g_nation == pytest.approx(0.05, abs=1e-6)
    assert cmp.growth_gap_pp == pytest.approx(-3.0, abs=1e-3)
    assert cmp.rank_index == Rank(rank=2, of=2, year=2023)
    assert "低于全国可比序列" in cmp.sentence.text()
    assert "below the comparable national series" in cmp.sentence.text("en")
    # published national figures are listed beside, with the difference in one sentence
    assert cmp.nation_published[2023] == 138.2
    assert "公布值 138.2" in cmp.published_note.text()
    # 西部 has no total figure; its 融合基础 figure (≈200 in 2023) is compared on node 1
    cmp1 = compare_node(res, "乙省", "1", macro_region="西部")
    fig = cmp1.macro_figures[0]
    assert cmp1.macro_region == "西部"
    assert fig.figure.value == 200 and fig.region_value == pytest.approx(100 * 1.02**4, abs=1e-3)
    assert fig.difference == pytest.approx(100 * 1.02**4 - 200, abs=1e-3)


def test_national_recomputation_beside_published(framework):
    rows = national_vs_published(framework)
    assert rows and all("公布值" in r.sentence.text() for r in rows)
    done = [r for r in rows if r.computed is not None]
    assert done, "at least the completely covered nodes are recomputed"
    for r in done:
        assert r.difference == pytest.approx(r.computed - r.published, abs=1e-3)
    patents = next(r for r in rows if r.node == "1.2.1" and r.year == 2024)
    assert patents.computed == pytest.approx(246.9, abs=0.05)
