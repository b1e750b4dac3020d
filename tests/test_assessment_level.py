"""Level against the nation (spec 02 §2.1) and performance groups: hand-computed expectations."""

from __future__ import annotations

import pytest

from core.assessment.config import load_config
from core.assessment.level import compute_level, indicator_ratio, performance_group
from core.assessment.positioning import short_boards
from core.model.framework import parse_framework


@pytest.fixture(scope="module")
def config(framework):
    return load_config(pillars=framework.pillars)


def _nation(framework):
    """A nation where every indicator is 100 (shares 100 %), GDP 100 000 and population 140 000."""
    return dict.fromkeys(framework.leaves, 100.0), {"gdp": 100000.0, "population": 140000.0}


def _equal_region(framework, gdp_share=0.05, pop_share=0.02):
    """A region with exactly the nation's intensity on every indicator (every r_i = 1)."""
    out = {}
    for c in framework.leaves:
        node = framework.nodes[c]
        if node.kind == "ratio":
            out[c] = 100.0
        elif node.kind == "share_of_nation" or node.basis == "gdp":
            out[c] = 100.0 * gdp_share
        else:
            out[c] = 100.0 * pop_share
    return out, {"gdp": 100000.0 * gdp_share, "population": 140000.0 * pop_share}


def test_ratio_formulas_by_hand():
    assert indicator_ratio("ratio", 6.0, 4.0) == pytest.approx(1.5)
    # size: (30 / 400) / (5 000 / 100 000) = 0.075 / 0.05 = 1.5
    assert indicator_ratio("size", 30.0, 400.0, 5000.0, 100000.0) == pytest.approx(1.5)
    # share_of_nation: 8 % of the nation with 5 % of its GDP → 0.08 / 0.05 = 1.6 (nation's share = 100 %)
    assert indicator_ratio("share_of_nation", 8.0, 100.0, 5000.0, 100000.0) == pytest.approx(1.6)
    # 逆向: the inverse ratio
    assert indicator_ratio("ratio", 2.0, 4.0, direction=-1) == pytest.approx(2.0)
    with pytest.raises(ValueError):
        indicator_ratio("ratio", 1.0, 0.0)
    with pytest.raises(ValueError):
        indicator_ratio("size", 1.0, 2.0, None, 100.0)


def test_region_equal_to_nation_gives_100_everywhere(framework):
    nat, nat_basis = _nation(framework)
    reg, reg_basis = _equal_region(framework)
    lv = compute_level(framework, reg, nat, reg_basis, nat_basis, region="甲省", year=2024)
    for code, value in lv.nodes.items():
        assert value == pytest.approx(100.0), code
    assert all(s.included for s in lv.indicators)
    assert sum(s.weight for s in lv.indicators) == pytest.approx(1.0)


def test_one_indicator_moves_the_total_by_its_overall_weight(framework):
    nat, nat_basis = _nation(framework)
    reg, reg_basis = _equal_region(framework)
    reg["1.1.1"] = 7.5  # 1.5 × the national intensity (5.0 would be equal)
    lv = compute_level(framework, reg, nat, reg_basis, nat_basis)
    assert lv.score("1.1.1").score == pytest.approx(150.0)
    assert lv.nodes["1.1"] == pytest.approx(125.0)
    assert lv.nodes["1"] == pytest.approx(112.5)
    # overall weight of 1.1.1 = 1/4 × 1/2 × 1/2 = 1/16 → 100 + 50/16
    assert lv.total == pytest.approx(103.125)


def test_score_is_capped_and_says_so(framework):
    nat, nat_basis = _nation(framework)
    reg, reg_basis = _equal_region(framework)
    reg["2.1.3"] = 500.0  # ratio 5 → capped at 3
    lv = compute_level(framework, reg, nat, reg_basis, nat_basis, cap=3.0)
    s = lv.score("2.1.3")
    assert s.ratio == pytest.approx(5.0) and s.score == pytest.approx(300.0) and s.capped
    assert "上限" in s.note.text() and "cap" in s.note.text("en")
    # 2.1.3 overall weight = 1/4 × 1/3 × 1/3 = 1/36 → +200/36
    assert lv.total == pytest.approx(100.0 + 200.0 / 36.0)


def test_missing_national_value_is_left_out_with_a_note_not_zero(framework):
    nat, nat_basis = _nation(framework)
    reg, reg_basis = _equal_region(framework)
    reg["1.1.1"] = 10.0  # would score 200 if the nation had a value
    reg["1.1.2"] = 50.0  # ratio 0.5 → 50
    nat["1.1.1"] = None
    lv = compute_level(framework, reg, nat, reg_basis, nat_basis, region="甲省")
    s = lv.score("1.1.1")
    assert not s.included and s.score is None and s.weight == 0.0
    assert any("1.1.1" in n.text() and "不参与" in n.text() and "不按 0 计" in n.text() for n in lv.notes)
    # 1.1 renormalises onto 1.1.2 alone: 50, not (0 + 50) / 2
    assert lv.nodes["1.1"] == pytest.approx(50.0)
    assert lv.nodes["1"] == pytest.approx(75.0)
    assert lv.total == pytest.approx(100.0 - 25.0 / 4)
    assert "1 项指标未参与" in lv.sentence.text()


def test_missing_gdp_leaves_size_indicators_out(framework):
    nat, nat_basis = _nation(framework)
    reg, reg_basis = _equal_region(framework)
    reg_basis["gdp"] = None
    lv = compute_level(framework, reg, nat, reg_basis, nat_basis, region="甲省")
    left_out = {s.code for s in lv.indicators if not s.included}
    expected = {
        c
        for c in framework.leaves
        if framework.nodes[c].kind == "share_of_nation"
        or (framework.nodes[c].kind == "size" and framework.nodes[c].basis == "gdp")
    }
    assert left_out == expected
    assert lv.total == pytest.approx(100.0)  # everything left is at the national level


def test_gap_contributions_sum_to_the_gap(framework, config):
    nat, nat_basis = _nation(framework)
    reg, reg_basis = _equal_region(framework)
    reg["3.2.1"], reg["4.2.2"], reg["1.2.2"] = 1.0, 80.0, 12.0  # scores 20, 80, 240
    nat["3.1.1"] = None
    lv = compute_level(framework, reg, nat, reg_basis, nat_basis)
    boards = short_boards(lv, framework, config)
    total_gap = sum((100.0 - s.score) * s.weight for s in lv.indicators if s.included)
    assert total_gap == pytest.approx(100.0 - lv.total)
    assert boards.weaknesses[0].code == "3.2.1" and boards.weaknesses[0].score == pytest.approx(20.0)
    assert boards.strengths[0].code == "1.2.2" and boards.strengths[0].score == pytest.approx(240.0)
    assert boards.weakest_pillar == "3"
    # 3.2 要素集聚 holds the biggest part of pillar 3's gap: (100 − 20) × 1/4 × 1/4 × 1/2 = 2.5
    assert boards.pillar_breakdown[0].code == "3.2"
    assert boards.pillar_breakdown[0].gap_contribution == pytest.approx(2.5)


@pytest.mark.parametrize(
    "level,group",
    [
        (125.0, "领先型"),
        (124.999, "较强型"),
        (100.0, "较强型"),
        (99.99, "中等型"),
        (70.0, "中等型"),
        (69.9, "追赶型"),
        (0.0, "追赶型"),
        (300.0, "领先型"),
    ],
)
def test_group_boundaries(config, level, group):
    verdict = performance_group(level, config)
    assert verdict.group == group
    # never printed on (or across) the bound it does not meet: 124.999 → "124.999", 99.99 → "99.99"
    shown = {124.999: "124.999", 99.99: "99.99"}.get(level, f"{level:.1f}")
    assert f"水平 {shown}（" in verdict.reason.text() and group in verdict.reason.text()
    nearest = verdict.level - verdict.margin
    assert nearest in (0.0, 70.0, 100.0, 125.0) or level in (0.0, 300.0)


def test_group_of_missing_level(config):
    assert performance_group(None, config).group is None


def test_generic_tree_and_negative_indicator():
    fw = parse_framework(
        {
            "framework": {"id": "t", "version": "1", "name_zh": "测试"},
            "node": [
                {"code": "A", "name_zh": "甲", "weight": 1},
                {"code": "B", "name_zh": "乙", "weight": 3},
                {"code": "A.1", "parent": "A", "name_zh": "甲一"},
                {"code": "A.1.1", "parent": "A.1", "name_zh": "x", "unit": "%", "kind": "ratio"},
                {
                    "code": "A.1.2",
                    "parent": "A.1",
                    "name_zh": "y",
                    "unit": "%",
                    "kind": "ratio",
                    "direction": "negative",
                },
                {"code": "B.1", "parent": "B", "name_zh": "乙一"},
                {"code": "B.1.1", "parent": "B.1", "name_zh": "z", "unit": "人", "kind": "size", "basis": "population"},
            ],
        }
    )
    lv = compute_level(
        fw,
        {"A.1.1": 12.0, "A.1.2": 5.0, "B.1.1": 40.0},
        {"A.1.1": 10.0, "A.1.2": 10.0, "B.1.1": 400.0},
        {"population": 200.0},
        {"population": 1000.0},
    )
    # A.1.1: 1.2 → 120; A.1.2 (逆向): 10/5 = 2 → 200; A = 160. B.1.1: (40/400)/(200/1000) = 0.5 → 50.
    assert lv.nodes["A"] == pytest.approx(160.0)
    assert lv.nodes["B"] == pytest.approx(50.0)
    # weights 1 : 3 → ¼ × 160 + ¾ × 50
    assert lv.total == pytest.approx(40.0 + 37.5)


def test_effective_weights_shared_per_pattern_match_their_definition(framework):
    """The effective weights are kept per pattern of nodes with a level: every region, whatever the order of
    patterns, gets the weights the top-down renormalisation gives for its own missing indicators."""
    from core.assessment.level import _effective, _tree

    nation, nb = _nation(framework)
    values, rb = _equal_region(framework)
    leaves = list(framework.leaves)
    gaps = [(), (leaves[0],), leaves[:3], (leaves[0],), (), leaves[-4:], leaves[:3]]
    for missing in gaps:
        vals = {c: (None if c in missing else v) for c, v in values.items()}
        lv = compute_level(framework, vals, nation, rb, nb)
        expected = _effective(_tree(framework), lv.nodes)
        assert {i.code: i.weight for i in lv.indicators} == {c: expected[c] for c in leaves}
        assert all(expected[c] == 0.0 for c in missing) and sum(expected[c] for c in leaves) == pytest.approx(1.0)
