"""Momentum, quadrant, role, coupling and potential (spec 02 §2.2–2.6): hand-computed expectations."""

from __future__ import annotations

import math

import pytest

from core.assessment.config import load_config
from core.assessment.coupling import balanced_d, coupling_degree, side_levels
from core.assessment.momentum import annual_growth, node_momentum, rebase
from core.assessment.positioning import functional_role, quadrant
from core.assessment.potential import assess_potential, short_board_headroom, trend_projection


@pytest.fixture(scope="module")
def config(framework):
    return load_config(pillars=framework.pillars)


# ---------------------------------------------------------------- momentum §2.2


def test_momentum_by_hand():
    reg = {2019: 100.0, 2020: 110.0, 2021: 121.0}
    nat = {2019: 100.0, 2020: 105.0, 2021: 110.0}
    m = node_momentum(reg, nat, 2021)
    assert m.momentum == pytest.approx(110.0)  # 100 × 121 / 110
    assert m.g_region == pytest.approx(0.10)  # (1.21)^(1/2) − 1
    assert m.g_reference == pytest.approx(math.sqrt(1.1) - 1)
    assert m.gap_pp == pytest.approx((0.10 - (math.sqrt(1.1) - 1)) * 100)
    assert not m.rebased and m.base_year == 2019
    assert "110.0" in m.reason.text() and "快于" in m.reason.text()
    assert "faster than" in m.reason.text("en")


def test_momentum_rebases_to_the_later_base_year():
    reg = {2019: None, 2020: 100.0, 2021: 120.0, 2022: 132.0}
    nat = {2019: 100.0, 2020: 110.0, 2021: 121.0, 2022: 132.0}
    m = node_momentum(reg, nat, 2022)
    # both rebased to 2020: region 132, nation 132 / 110 × 100 = 120 → M = 110
    assert m.base_year == 2020 and m.rebased
    assert m.e_reference == pytest.approx(120.0)
    assert m.momentum == pytest.approx(110.0)
    assert m.g_region == pytest.approx(math.sqrt(1.32) - 1)
    assert "改以 2020 年为基期" in m.reason.text()


def test_rebase_and_growth_helpers():
    assert rebase({2019: 100.0, 2020: 150.0, 2021: 180.0}, 2020) == {2020: 100.0, 2021: pytest.approx(120.0)}
    assert annual_growth(121.0, 2) == pytest.approx(0.1)
    assert annual_growth(121.0, 0) is None
    assert annual_growth(None, 3) is None


def test_momentum_equal_to_nation_is_100():
    s = {2019: 100.0, 2024: 150.0}
    m = node_momentum(s, dict(s), 2024)
    assert m.momentum == pytest.approx(100.0) and m.gap_pp == pytest.approx(0.0)


def test_momentum_undefined_in_base_year():
    m = node_momentum({2019: 100.0}, {2019: 100.0}, 2019)
    assert m.momentum is None and "无法计算" in m.reason.text()


# ---------------------------------------------------------------- quadrant §2.3


@pytest.mark.parametrize(
    "L,M,name",
    [
        (100.0, 100.0, "领跑巩固型"),  # on both splits: counts as high
        (100.0 + 1e-12, 100.0 - 1e-12, "领跑巩固型"),  # float noise around the split
        (100.0, 99.99, "优势承压型"),
        (99.99, 100.0, "加速追赶型"),
        (99.99, 99.99, "蓄势培育型"),
        (180.0, 60.0, "优势承压型"),
    ],
)
def test_quadrant_boundaries(config, L, M, name):
    q = quadrant(L, M, config)
    assert q.name == name
    assert name in q.reason.text()


def test_quadrant_without_momentum(config):
    q = quadrant(120.0, None, config)
    assert q.name is None and "融合势能" in q.reason.text()


# ---------------------------------------------------------------- role §2.4


def test_role_balanced_below_spread(config, framework):
    # spread = (110 − 96) / 102.5 = 0.1366 < 0.15
    r = functional_role({"1": 110.0, "2": 104.0, "3": 100.0, "4": 96.0}, config, framework)
    assert r.spread == pytest.approx(14.0 / 102.5)
    assert r.name == "均衡协同型" and r.strongest is None


@pytest.mark.parametrize(
    "levels,role",
    [
        ({"1": 160.0, "2": 100.0, "3": 100.0, "4": 100.0}, "科技策源型"),
        ({"1": 90.0, "2": 140.0, "3": 100.0, "4": 80.0}, "企业主体型"),
        ({"1": 90.0, "2": 100.0, "3": 130.0, "4": 80.0}, "转化枢纽型"),
        ({"1": 60.0, "2": 70.0, "3": 65.0, "4": 90.0}, "产业承载型"),
    ],
)
def test_role_by_strongest_pillar(config, framework, levels, role):
    r = functional_role(levels, config, framework)
    assert r.name == role
    hi, lo = max(levels.values()), min(levels.values())
    assert r.spread == pytest.approx((hi - lo) / (sum(levels.values()) / 4))


def test_role_spread_exactly_at_threshold_is_not_balanced(config, framework):
    # (107.5 − 92.5) / 100 = 0.15 exactly: not below the threshold → strongest pillar decides
    r = functional_role({"1": 107.5, "2": 92.5, "3": 100.0, "4": 100.0}, config, framework)
    assert r.spread == 0.15
    assert r.name == "科技策源型"


# ---------------------------------------------------------------- coupling §2.5


def test_coupling_of_the_nation_is_sqrt_half(config):
    c = coupling_degree(100.0, 100.0, config)
    assert c.u1 == pytest.approx(0.5) and c.u2 == pytest.approx(0.5)
    assert c.c == pytest.approx(1.0) and c.t == pytest.approx(0.5)
    assert c.d == pytest.approx(math.sqrt(0.5))
    assert c.grade == "中级协调" and c.type == "同步型"


def test_coupling_by_hand(config):
    c = coupling_degree(150.0, 50.0, config)
    u1, u2 = 0.6, 1.0 / 3.0
    C = 2 * math.sqrt(u1 * u2) / (u1 + u2)
    T = 0.5 * u1 + 0.5 * u2
    assert (c.u1, c.u2) == (pytest.approx(u1), pytest.approx(u2))
    assert c.c == pytest.approx(C) and c.c == pytest.approx(0.958315, abs=1e-6)
    assert c.d == pytest.approx(math.sqrt(C * T)) and c.d == pytest.approx(0.668740, abs=1e-6)
    assert c.grade == "初级协调"
    assert c.type == "产业创新滞后型"  # U1 − U2 = 0.267 > 0.05
    assert coupling_degree(50.0, 150.0, config).type == "科技创新滞后型"


def test_coupling_type_threshold(config):
    # U1 − U2 just inside ±0.05 → 同步型: L = 120 vs 100 gives 0.5455 − 0.5 = 0.0455
    assert coupling_degree(120.0, 100.0, config).type == "同步型"


@pytest.mark.parametrize(
    "d,grade",
    [
        (0.0, "极度失调"),
        (0.1, "严重失调"),
        (0.4999, "濒临失调"),
        (0.5, "勉强协调"),
        (0.9, "优质协调"),
        (1.0, "优质协调"),
    ],
)
def test_coupling_grade_bands(config, d, grade):
    from core.assessment.config import band_of

    assert band_of(d, config.coupling_grades)[1].name == grade


def test_side_levels_use_the_framework(framework):
    assert side_levels({"1": 120.0, "2": 100.0, "3": 90.0, "4": 70.0}, framework) == (
        pytest.approx(110.0),
        pytest.approx(80.0),
    )


def test_balanced_d_is_sqrt_of_leading_u():
    assert balanced_d(100.0, 60.0) == pytest.approx(math.sqrt(0.5))


# ---------------------------------------------------------------- potential §2.6


def test_trend_projection_by_hand():
    # 90 × (1.06 / 1.04)^6 = 90 × 1.019231^6 = 90 × 1.121076 = 100.897
    assert trend_projection(90.0, 0.06, 0.04, 2024, 2030) == pytest.approx(90.0 * (1.06 / 1.04) ** 6)
    assert trend_projection(90.0, 0.06, 0.04, 2024, 2030) == pytest.approx(100.897, abs=0.001)


def test_short_board_headroom_by_hand():
    mean, raised, after, rise = short_board_headroom(
        {"1": 120.0, "2": 80.0, "3": 100.0, "4": 60.0}, dict.fromkeys("1234", 0.25)
    )
    assert mean == pytest.approx(90.0)
    assert raised == {"2": (80.0, 90.0), "4": (60.0, 90.0)}
    assert after == pytest.approx(100.0) and rise == pytest.approx(10.0)


def test_potential_high_when_group_rises(config, framework):
    coup = coupling_degree(100.0, 80.0, config)
    pot = assess_potential(
        90.0, {"1": 120.0, "2": 80.0, "3": 100.0, "4": 60.0}, framework, coup, 103.0, 0.06, 0.04, 2024, config
    )
    assert pot.level_horizon == pytest.approx(100.897, abs=0.001)
    assert (pot.group_now, pot.group_horizon, pot.group_shift) == ("中等型", "较强型", 1)
    assert pot.grade == "高潜力"
    assert pot.short_board_rise == pytest.approx(10.0)
    assert pot.coordination_rise == pytest.approx(math.sqrt(0.5) - coup.d)
    assert pot.lagging_side == "industry"
    assert "100.9" in pot.reason.text()


def test_potential_high_by_momentum_alone(config, framework):
    coup = coupling_degree(100.0, 100.0, config)
    pot = assess_potential(110.0, dict.fromkeys("1234", 110.0), framework, coup, 110.0, 0.05, 0.05, 2024, config)
    assert pot.group_shift == 0 and pot.grade == "高潜力"


def test_potential_low(config, framework):
    coup = coupling_degree(70.0, 75.0, config)
    # 72 × (1.01 / 1.05)^6 = 57.1 → 追赶型 (lower than 中等型), M = 90 < 95
    pot = assess_potential(72.0, dict.fromkeys("1234", 72.0), framework, coup, 90.0, 0.01, 0.05, 2024, config)
    assert pot.level_horizon == pytest.approx(72.0 * (1.01 / 1.05) ** 6)
    assert pot.group_shift == -1 and pot.grade == "低潜力"


def test_potential_medium_when_momentum_low_but_group_holds(config, framework):
    coup = coupling_degree(100.0, 100.0, config)
    pot = assess_potential(90.0, dict.fromkeys("1234", 90.0), framework, coup, 94.0, 0.04, 0.05, 2024, config)
    # 90 × (1.04/1.05)^6 = 85.0 → still 中等型
    assert pot.group_shift == 0 and pot.grade == "中潜力"
