"""Industries (§2.7), partners and sameness (§2.8), levers (§2.9), config validation."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from core.assessment.config import CRITERIA, load_config
from core.assessment.industries import assess_industries, parse_industries_csv
from core.assessment.level import compute_level
from core.assessment.levers import select_levers
from core.assessment.model import SamenessItem
from core.assessment.partners import (
    complementarity,
    find_partners,
    profile_cosine,
    province_adjacency,
    read_adjacency,
    sameness,
)
from core.kernel.messages import msg
from core.kernel.problems import InputError

HEADER = "region,industry,strategic,location_quotient,diffusibility,scenario_fit,chain_embedding,strategic_fit,expert\n"


@pytest.fixture(scope="module")
def config(framework):
    return load_config(pillars=framework.pillars)


# ---------------------------------------------------------------- industries


def test_industry_potential_by_hand(config):
    text = HEADER + (
        "甲省,新能源汽车,是,1.6,5,5,4,5,专家1\n"
        "甲省,新能源汽车,是,1.6,4,5,4,5,专家2\n"
        "甲省,家电,否,2.2,2,3,3,2,专家1\n"
        "甲省,量子信息,是,,3,3,2,5,专家1\n"
        "甲省,集成电路,是,0.8,4,4,3,5,专家1\n"
    )
    rows, problems = parse_industries_csv(text, config)
    assert problems == []
    inds, probs = assess_industries(rows, "甲省", config)
    assert probs == []
    by = {i.industry: i for i in inds}
    ev = by["新能源汽车"]
    # criteria means 4.5, 5, 4, 5 → mean 4.625 → 92.5; experts 95 and 90 → spread 5
    assert ev.criteria == {"diffusibility": 4.5, "scenario_fit": 5.0, "chain_embedding": 4.0, "strategic_fit": 5.0}
    assert ev.potential == pytest.approx(92.5) and ev.spread == pytest.approx(5.0) and ev.experts == 2
    assert ev.quadrant == "优先融合" and ev.rank == 1 and ev.strategic is True
    assert by["家电"].potential == pytest.approx(50.0) and by["家电"].quadrant == "巩固提升"
    assert by["集成电路"].potential == pytest.approx(80.0) and by["集成电路"].quadrant == "培育布局"
    assert by["量子信息"].quadrant is None and "未填区位熵" in by["量子信息"].reason.text()
    assert [i.rank for i in inds] == [1, 2, 3, 4]


def test_industry_low_low_and_split_boundaries(config):
    # potential exactly 60 (mean 3) and LQ exactly 1 → both "high"
    rows, _ = parse_industries_csv(HEADER + "甲省,甲,否,1,3,3,3,3,\n甲省,乙,否,0.5,2,2,2,2,\n", config)
    inds, _ = assess_industries(rows, "甲省", config)
    by = {i.industry: i for i in inds}
    assert by["甲"].potential == pytest.approx(60.0) and by["甲"].quadrant == "优先融合"
    assert by["乙"].quadrant == "审慎投入"


def test_industry_bad_rows_are_reported_and_skipped(config):
    text = (
        HEADER + "甲省,甲,是,1.2,6,3,3,3,\n甲省,乙,也许,1.2,3,3,3,x,\n甲省,丙,否,-1,3,3,3,3,\n甲省,丁,否,1,3,3,3,3,\n"
    )
    rows, problems = parse_industries_csv(text, config, file="产业.csv")
    assert [r.industry for r in rows] == ["丁"]
    msgs = [p.one_line() for p in problems]
    assert any("第 2 行" in m and "超出" in m for m in msgs)
    assert any("第 3 行" in m and "不是数字" in m for m in msgs)
    assert any("第 4 行" in m and "区位熵" in m for m in msgs)


def test_industry_missing_columns(config):
    with pytest.raises(InputError) as exc:
        parse_industries_csv("region,industry\n甲省,甲\n", config)
    assert "缺少列" in exc.value.problems[0].message


def test_industry_chinese_headers(config):
    text = "地区,产业,是否国家战略性新兴或未来产业,区位熵,技术可扩散性,应用场景适配性,产业链嵌入深度,与国家战略产业契合度,专家\n甲省,甲,是,1.5,4,4,4,4,A\n"
    rows, problems = parse_industries_csv(text, config)
    assert problems == [] and rows[0].scores == dict.fromkeys(CRITERIA, 4.0)


def test_too_many_industries_warns(config):
    text = HEADER + "".join(f"甲省,产业{i},否,1,3,3,3,3,\n" for i in range(31))
    rows, _ = parse_industries_csv(text, config)
    inds, probs = assess_industries(rows, "甲省", config)
    assert len(inds) == 31 and any("超过上限 30" in p.message for p in probs)


# ---------------------------------------------------------------- partners and sameness


def test_complementarity_by_hand(config):
    a = {"1": 80.0, "2": 120.0, "3": 90.0, "4": 100.0}
    b = {"1": 100.0, "2": 100.0, "3": 120.0, "4": 80.0}
    w = dict.fromkeys("1234", 0.25)
    # weak pillars of a: 1 (80) and 3 (90); 4 at exactly 100 is not weak
    score, gains = complementarity(a, b, w, False, config)
    assert gains == {"1": pytest.approx(5.0), "3": pytest.approx(7.5)} and score == pytest.approx(12.5)
    score_adj, _ = complementarity(a, b, w, True, config)
    assert score_adj == pytest.approx(15.0)


def test_find_partners_prefers_neighbours_and_explains(framework, config):
    levels = {
        "甲": {"1": 80.0, "2": 120.0, "3": 90.0, "4": 100.0},
        "乙": {"1": 100.0, "2": 100.0, "3": 120.0, "4": 80.0},  # 12.5, adjacent → 15
        "丙": {"1": 110.0, "2": 100.0, "3": 100.0, "4": 100.0},  # 7.5 + 2.5 = 10
        "丁": {"1": 70.0, "2": 130.0, "3": 80.0, "4": 130.0},  # nothing to offer
    }
    res = find_partners("甲", levels, framework, {"甲": {"乙"}, "乙": {"甲"}}, config)
    assert res.weak_pillars == ("1", "3")
    assert [p.peer for p in res.top] == ["乙", "丙"]
    assert res.top[0].score == pytest.approx(15.0) and res.top[0].adjacent is True
    assert [p.peer for p in res.by_pillar["1"]] == ["丙", "乙"]  # 0.25 × 30 = 7.5 vs 0.25 × 20 × 1.2 = 6
    assert res.by_pillar["1"][0].gain == pytest.approx(7.5)
    reason = res.by_pillar["1"][0].reason
    assert "丙" in reason.text() and "110.0" in reason.text() and "110.0" in reason.text("en")


def test_no_weak_pillar_no_partners(framework, config):
    levels = {"甲": dict.fromkeys("1234", 120.0), "乙": dict.fromkeys("1234", 200.0)}
    res = find_partners("甲", levels, framework, {}, config)
    assert res.top == () and "均不低于全国" in res.sentence.text()


def test_profile_cosine_by_hand():
    # centred profiles: a = (20, −20, 0, 0), b = (10, −10, 5, −5) → 400 / (28.284 × 15.811)
    a = {"1": 120.0, "2": 80.0, "3": 100.0, "4": 100.0}
    b = {"1": 110.0, "2": 90.0, "3": 105.0, "4": 95.0}
    assert profile_cosine(a, b) == pytest.approx(400.0 / (math.sqrt(800.0) * math.sqrt(250.0)))
    assert profile_cosine(a, dict.fromkeys("1234", 100.0)) is None  # a flat profile has no direction
    assert profile_cosine(a, {"1": 240.0, "2": 160.0, "3": 200.0, "4": 200.0}) == pytest.approx(1.0)


def test_sameness_warns_only_for_similar_neighbours_with_the_same_role(config):
    levels = {
        "甲": {"1": 150.0, "2": 100.0, "3": 100.0, "4": 90.0},
        "乙": {"1": 160.0, "2": 105.0, "3": 100.0, "4": 95.0},  # similar, adjacent, same role → warn
        "丙": {"1": 155.0, "2": 100.0, "3": 100.0, "4": 90.0},  # similar, same role, not adjacent → no
        "丁": {"1": 90.0, "2": 100.0, "3": 100.0, "4": 150.0},  # adjacent, different shape → no
    }
    roles = {"甲": "科技策源型", "乙": "科技策源型", "丙": "科技策源型", "丁": "产业承载型"}
    adj = {"甲": {"乙", "丁"}}
    items = sameness("甲", levels, roles, adj, config)
    assert items[0].peer == "乙" and items[0].warning and "定位趋同" in items[0].reason.text()
    assert [i.peer for i in items if i.warning] == ["乙"]
    assert any(i.peer == "丙" and not i.warning and "不毗邻" in i.reason.text() for i in items)


def test_province_adjacency_from_the_shipped_table():
    adj = province_adjacency(["北京市", "河北省", "广东省", "海南省", "上海"])
    assert adj["北京市"] == {"河北省"} and "北京市" in adj["河北省"]
    assert adj["海南省"] == {"广东省"}  # across the Qiongzhou Strait, as the table says
    assert adj["上海"] == set()  # neighbours 江苏、浙江 not loaded


def test_read_adjacency_is_symmetric(tmp_path: Path):
    p = tmp_path / "adj.toml"
    p.write_text('[adjacency]\n"南京市" = ["镇江市", "扬州市"]\n', encoding="utf-8")
    adj = read_adjacency(p)
    assert adj["镇江市"] == {"南京市"} and adj["南京市"] == {"镇江市", "扬州市"}
    bad = tmp_path / "bad.toml"
    bad.write_text('"南京市" = 1\n', encoding="utf-8")
    with pytest.raises(InputError):
        read_adjacency(bad)


# ---------------------------------------------------------------- levers


def _level_with_subs(framework, subs: dict[str, float]):
    """A level where every indicator of the listed sub-indicators scores the given level, all others 100.

    Region and nation have the same basis (GDP, population), so every r_i = x / 100.
    """
    nat = dict.fromkeys(framework.leaves, 100.0)
    reg = {c: subs.get(c.rsplit(".", 1)[0], 100.0) for c in framework.leaves}
    basis = {"gdp": 1.0, "population": 1.0}
    return compute_level(framework, reg, nat, basis, basis)


def test_levers_for_weak_sub_indicators_with_sources(framework, config):
    lv = _level_with_subs(framework, {"2.2": 60.0, "3.2": 80.0})
    levers = select_levers(lv, framework, config)
    targets = [lv.target for lv in levers]
    # 2.2 pulls the total down (100 − 60) × 1/12 = 3.33, 3.2 (100 − 80) × 1/16 = 1.25 → 2.2 first
    assert targets[0] == "2.2" and set(targets) == {"2.2", "3.2"}
    ids = {lv.id for lv in levers}
    assert "innovation_consortium" in ids or "jiebang_guashuai" in ids
    assert "tech_finance" in ids
    assert len([lv for lv in levers if lv.target == "2.2"]) <= config.lever_max_per_weak
    for lv in levers:
        zh, en = lv.source.text("zh"), lv.source.text("en")
        assert zh and ("004" not in zh)  # the seed id is replaced by the document's title
        assert "CAICT" in en or "Chinese Academy of Sciences" in en  # and by its English title in English
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in en), en
        assert "水平" in lv.reason.text() and lv.fusion in config.fusions


def test_levers_relative_short_boards_when_all_above_nation(framework, config):
    lv = _level_with_subs(
        framework, dict.fromkeys(("1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2"), 150.0)
    )
    levers = select_levers(lv, framework, config)
    assert levers and all("相对短板" in lv.reason.text() for lv in levers)
    # 4.3 (100) is the weakest, then the ten at 150 tie: the first of them in framework order
    assert {lv.target for lv in levers} == {"4.3", "1.1"}


def test_regional_lever_added_on_sameness_warning(framework, config):
    lv = _level_with_subs(framework, {"4.1": 70.0})
    warn = (SamenessItem("乙省", 0.95, True, True, True, msg("assess.sameness.not_adjacent")),)
    levers = select_levers(lv, framework, config, warn)
    assert levers[-1].id == "regional_synergy" and "乙省" in levers[-1].reason.text()


def test_every_shipped_lever_target_exists(framework, config):
    for lever in config.levers:
        for t in lever.targets:
            assert t == "region" or t in framework.nodes, (lever.id, t)
        assert lever.sources


# ---------------------------------------------------------------- config validation


def test_invalid_config_reports_every_problem(tmp_path: Path, framework):
    text = Path("resources/assessment/thresholds.toml").read_text(encoding="utf-8")
    text = (
        text.replace("score_cap = 3.0", 'score_cap = "三"')
        .replace("alpha = 0.5", "alpha = 0.7")
        .replace('name = "较强型"', 'name = "领先型"')
    )
    p = tmp_path / "t.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_config(p, pillars=framework.pillars)
    msgs = " ".join(x.message for x in exc.value.problems)
    assert "score_cap" in msgs and "alpha + beta" in msgs and "名称必须各不相同" in msgs


def test_levers_without_source_are_refused(tmp_path: Path, framework):
    p = tmp_path / "l.toml"
    p.write_text(
        'fusions = ["源头融合"]\n[[lever]]\nid = "x"\nname_zh = "甲"\ntext_zh = "乙"\nfusion = "源头融合"\ntargets = ["1.1"]\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as exc:
        load_config(levers_path=p, pillars=framework.pillars)
    assert any("出处" in x.message for x in exc.value.problems)


def test_missing_role_for_a_pillar_is_refused(framework):
    with pytest.raises(InputError) as exc:
        load_config(pillars=(*framework.pillars, "5"))
    assert "一级指标 5" in exc.value.problems[0].message
