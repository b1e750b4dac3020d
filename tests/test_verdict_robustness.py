"""Verdict robustness (spec 02 §2.11): margins, stability under weight and data draws, 临界, precision, 短板."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from core.assessment import assess
from core.assessment.config import load_config
from core.assessment.level import compute_level
from core.assessment.model import fmt_vs
from core.assessment.positioning import functional_role, quadrant, short_boards
from core.assessment.robustness import DrawContext, level_draws, region_draws, stable_boards, stable_role
from core.index.sensitivity import path_membership
from core.io.loading import load_data
from core.kernel.messages import Message

DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo"


@pytest.fixture(scope="module")
def config(framework):
    return load_config(pillars=framework.pillars)


@pytest.fixture(scope="module")
def demo_result(framework, config):
    table, _ = load_data([DEMO / "demo-provinces.csv"], framework)
    return assess(table, framework, config=config)


def _region(framework, factors: dict[str, float], statuses: dict[str, str] | None = None, wobble: float = 0.0,
            wobbly: str = "1234"):  # fmt: skip
    """A region whose pillar p has level 100 × factors[p] against a nation of 100s; the indicators of the
    `wobbly` pillars differ by ± `wobble` (alternately), rescaled so the pillar's level stays exact — so
    weight draws move those pillars."""
    nat = dict.fromkeys(framework.leaves, 100.0)
    basis = {"gdp": 100000.0, "population": 140000.0}

    def level(ratios):
        vals = {c: 100.0 * (r if framework.nodes[c].direction > 0 else 1.0 / r) for c, r in ratios.items()}
        return compute_level(framework, vals, nat, basis, basis, region="甲省", year=2024, statuses=statuses)

    ratios = {
        c: factors[c[0]] * (1 + wobble * (-1) ** i if c[0] in wobbly else 1.0) for i, c in enumerate(framework.leaves)
    }
    first = level(ratios)
    return level({c: r * factors[c.split(".")[0]] * 100.0 / first.nodes[c.split(".")[0]] for c, r in ratios.items()})


def _draws(framework, config, **overrides):
    cfg = replace(config, **overrides)
    return DrawContext(framework, cfg, path_membership(framework), {}), cfg


def _on_threshold_factor(threshold: float = 0.15) -> float:
    """Pillars (1, 1, 1, b): spread (b − 1) / ((3 + b) / 4) equals the threshold."""
    return (4 + 3 * threshold) / (4 - threshold)


def test_precision_rule():
    assert fmt_vs(99.969, 100.0) == "99.97"  # never "100.0 < 100"
    assert fmt_vs(100.04, 100.0) == "100.04"  # "100.0 ≥ 100" would hide that it is above
    assert fmt_vs(0.14996, 0.15, 3) == "0.14996"
    assert fmt_vs(124.999, 125.0) == "124.999"
    assert fmt_vs(120.0, 100.0) == "120.0" and fmt_vs(100.0, 100.0) == "100.0"
    assert fmt_vs(None, 100.0) == "—"


def test_quadrant_prints_momentum_below_its_split(config):
    q = quadrant(142.3, 99.969, config)
    assert "99.97 < 100" in q.reason.text() and "100.0 < 100" not in q.reason.text()
    assert q.margin == pytest.approx(99.969 - 100.0)


def test_momentum_sentence_never_rounds_onto_100():
    from core.assessment.momentum import node_momentum

    m = node_momentum({2019: 100.0, 2024: 149.9535}, {2019: 100.0, 2024: 150.0}, 2024)
    text = m.reason.text()
    assert m.momentum == pytest.approx(99.969) and "= 99.97" in text and "= 100.0" not in text


def test_role_on_the_threshold_is_borderline_with_about_half_the_draws(framework, config):
    b = _on_threshold_factor()
    lv = _region(framework, {"1": 1.0, "2": 1.0, "3": 1.0, "4": b}, wobble=0.3, wobbly="4")
    role = functional_role({p: lv.nodes[p] for p in framework.pillars}, config, framework)
    assert role.margin == pytest.approx(0.0, abs=1e-9)
    dc, cfg = _draws(framework, config)
    out = stable_role(role, region_draws(dc, lv), cfg, framework)
    assert sum(out.stability.values()) == pytest.approx(1.0)
    assert set(out.stability) <= {config.balanced_name, config.roles["4"][0]}
    assert 0.3 < out.stability[role.name] < 0.7
    assert out.borderline
    text = out.reason.text()
    assert "临界" in text and "离散度 0.150" in text and "阈值 0.15" in text and "1000 次" in text


def test_role_far_from_the_threshold_is_stable(framework, config):
    lv = _region(framework, {"1": 2.0, "2": 1.0, "3": 1.0, "4": 1.0}, wobble=0.3)
    role = functional_role({p: lv.nodes[p] for p in framework.pillars}, config, framework)
    assert role.margin > 0.1 and role.lead == pytest.approx(100.0)
    dc, cfg = _draws(framework, config)
    out = stable_role(role, region_draws(dc, lv), cfg, framework)
    assert out.stability == {role.name: 1.0} and not out.borderline and "临界" not in out.reason.text()


def test_weight_draws_are_centred_on_the_nominal_levels(framework, config):
    lv = _region(framework, {"1": 1.3, "2": 0.8, "3": 1.1, "4": 0.9})
    dc, _ = _draws(framework, config)
    levels, _ = level_draws(dc, lv)
    total = levels[:, framework.codes.index("total")]
    assert abs(np.median(total) - lv.total) < 0.5 and total.std() > 0.1


def test_data_band_moves_estimates_only(framework, config):
    statuses = dict.fromkeys(framework.leaves, "reported") | {"1.1.1": "estimate", "1.1.2": "interpolated"}
    lv = _region(framework, dict.fromkeys("1234", 1.0), statuses)
    dc, cfg = _draws(framework, config)
    _, scores = level_draws(dc, lv)
    col = {c: scores[:, framework.leaves.index(c)] for c in ("1.1.1", "1.1.2", "1.2.1")}
    assert col["1.1.1"].min() >= 90 - 1e-9 and col["1.1.1"].max() <= 110 + 1e-9 and col["1.1.1"].std() > 4
    assert col["1.1.2"].min() >= 95 - 1e-9 and col["1.1.2"].max() <= 105 + 1e-9
    assert np.all(col["1.2.1"] == 100.0)


def test_same_seed_same_stability_other_seed_differs(framework, config):
    lv = _region(framework, {"1": 1.0, "2": 1.0, "3": 1.0, "4": _on_threshold_factor()}, wobble=0.3)
    role = functional_role({p: lv.nodes[p] for p in framework.pillars}, config, framework)
    runs = []
    for seed in (1, 1, 2):
        dc, cfg = _draws(framework, config, robust_seed=seed)
        runs.append(stable_role(role, region_draws(dc, lv), cfg, framework).stability)
    assert runs[0] == runs[1] and runs[0] != runs[2]


def test_short_boards_list_only_indicators_below_the_reference(framework, config):
    lv = _region(framework, {"1": 1.5, "2": 0.8, "3": 1.2, "4": 1.1})
    boards = short_boards(lv, framework, config)
    assert boards.weaknesses and all(w.score < 100 for w in boards.weaknesses) and not boards.weaknesses_relative
    assert all(w.margin == pytest.approx(w.score - 100) for w in boards.weaknesses)
    assert all(s.score >= 100 for s in boards.strengths)
    above = short_boards(_region(framework, {"1": 1.5, "2": 1.2, "3": 1.3, "4": 1.1}), framework, config)
    assert above.weaknesses_relative and "相对短板" in above.weaknesses_sentence.text()
    assert "短板指标" not in above.weaknesses_sentence.text()
    dc, _ = _draws(framework, config)
    stable = stable_boards(boards, region_draws(dc, lv), framework, config)
    assert all(w.stability == {"below": 1.0} and not w.borderline for w in stable.weaknesses)


def test_a_short_board_near_100_on_an_estimate_is_borderline(framework, config):
    statuses = dict.fromkeys(framework.leaves, "reported") | {"2.1.1": "estimate"}
    lv = _region(framework, {"1": 1.5, "2": 1.2, "3": 1.3, "4": 1.1}, statuses)
    assert framework.nodes["2.1.1"].direction > 0  # region and nation share one basis: r = x / 100
    vals = {s.code: s.value for s in lv.indicators} | {"2.1.1": 99.0}  # 1 % below, on a ±10 % estimate
    nat = dict.fromkeys(framework.leaves, 100.0)
    basis = {"gdp": 100000.0, "population": 140000.0}
    lv = compute_level(framework, vals, nat, basis, basis, region="甲省", year=2024, statuses=statuses)
    boards = short_boards(lv, framework, config)
    assert [w.code for w in boards.weaknesses] == ["2.1.1"]
    dc, cfg = _draws(framework, config)
    stable = stable_boards(boards, region_draws(dc, lv), framework, cfg)
    w = stable.weaknesses[0]
    assert 0.4 < w.stability["below"] < 0.7 and w.borderline
    assert "（临界）" in stable.weaknesses_sentence.text()


def test_every_verdict_carries_margin_and_stability_in_the_json(demo_result):
    for name, ra in demo_result.regions.items():
        d = json.loads(json.dumps(ra.to_dict(), ensure_ascii=False))
        parts = [*d["group"].values(), *d["quadrant"].values(), d["role"], d["coupling"]]
        for part in parts:
            assert "margin" in part and "stability" in part and "borderline" in part, name
            if part["stability"]:
                assert sum(part["stability"].values()) == pytest.approx(1.0, abs=1e-3)
        assert all("margin" in w and "stability" in w for w in d["weaknesses"]["bottom"])


def test_the_json_states_how_stability_was_drawn(demo_result):
    rob = demo_result.to_dict()["robustness"]
    assert rob == {"draws": 1000, "seed": 20250101, "weight_scheme": "uniform", "weight_spread": 0.2,
                   "band_estimate": 0.1, "band_interpolated": 0.05, "borderline_share": 0.8}  # fmt: skip


def test_jiangsu_role_is_borderline_in_the_demo(demo_result):
    role = demo_result.regions["江苏省"].role
    assert role.name == "均衡协同型" and role.margin < 0 and role.borderline
    assert role.stability["均衡协同型"] < 0.8 and "临界" in role.reason.text()


def _numbers(m: Message) -> list[str]:
    out = []
    for v in m.args.values():
        if isinstance(v, Message):
            out += _numbers(v)
        elif isinstance(v, (list, tuple)):
            out += [x for item in v if isinstance(item, Message) for x in _numbers(item)]
        elif isinstance(v, str):
            try:
                float(v.rstrip("%"))
            except ValueError:
                continue
            out.append(v)
    return out


def _json_numbers(d) -> list[float]:
    if isinstance(d, dict):
        return [x for v in d.values() for x in _json_numbers(v)]
    if isinstance(d, list):
        return [x for v in d for x in _json_numbers(v)]
    if isinstance(d, (int, float)) and not isinstance(d, bool):
        return [float(d)]
    return []


def _reasons(ra) -> list[Message]:
    return [
        *(g.reason for g in ra.groups.values()),
        *(q.reason for q in ra.quadrants.values()),
        ra.role.reason,
        ra.coupling.reason,
        ra.boards.reason,
        *(it.reason for items in ra.partners.by_pillar.values() for it in items),
        *(s.reason for s in ra.sameness),
    ]


@pytest.fixture(scope="module")
def city_result(framework, config):
    from core.assessment.partners import read_adjacency

    table, _ = load_data([DEMO / "demo-jiangsu-cities.csv"], framework)
    return assess(table, framework, adjacency=read_adjacency(DEMO / "demo-jiangsu-adjacency.toml"), config=config)


@pytest.mark.parametrize("which", ["demo_result", "city_result"])
def test_every_number_a_reason_quotes_is_in_the_json(which, request, config):
    for name, ra in request.getfixturevalue(which).regions.items():
        numbers = _json_numbers(ra.to_dict()) + [
            config.balanced_spread, config.split_level, config.split_momentum,
            *(b.lower for b in config.groups), *(b.lower for b in config.coupling_grades), config.robust_draws,
        ]  # fmt: skip
        for reason in _reasons(ra):
            for text in _numbers(reason):
                pct_form = text.endswith("%")
                value = float(text.rstrip("%")) / (100 if pct_form else 1)
                decimals = len(text.rstrip("%").partition(".")[2])
                tol = 0.5 * 10 ** -(decimals + (2 if pct_form else 0)) + 1e-9
                assert any(abs(abs(n) - abs(value)) <= tol for n in numbers), (name, reason.code, text)  # "高 0.19 点"


def test_headline_marks_borderline_verdicts_and_keeps_precision(demo_result):
    sh = demo_result.regions["上海市"]
    assert sh.quadrants["total"].borderline and sh.quadrants["total"].momentum < 100
    text = sh.headline.text()
    assert "融合势能 99.97" in text and "优势承压型（临界）" in text
    assert "转化枢纽型（临界）" not in text and not sh.role.borderline


def test_city_verdicts_use_the_province_throughout(city_result, framework):
    xz = city_result.regions["徐州市"]
    assert xz.reference == "江苏省"
    assert {xz.level.reference, xz.role.reference, xz.coupling.reference, xz.boards.reference} == {"江苏省"}
    assert all(q.reference == "江苏省" for q in xz.quadrants.values())
    assert all(m.e_reference == city_result.index.series("江苏省", n)[2024] for n, m in xz.momentum.items())
    assert "江苏省的" in xz.headline.text() and "全国的" in xz.headline.text()


def test_block_draws_match_region_by_region(framework, config):
    """block_draws (one product per pattern of nodes with a level, for a block of regions) gives each region
    the draws region_draws gives it alone: regions with missing indicators (other patterns) and drawn data."""
    from core.assessment.robustness import block_draws

    dc, _ = _draws(framework, config, robust_draws=200)
    leaves = list(framework.leaves)
    lvs = []
    for i in range(12):
        lv = _region(framework, {"1": 0.6 + 0.1 * i, "2": 1.3, "3": 0.9, "4": 1.1 - 0.05 * i}, wobble=0.1)
        nat = dict.fromkeys(leaves, 100.0)
        vals = {s.code: (None if i % 3 and s.code == leaves[i] else s.value) for s in lv.indicators}
        statuses = {leaves[-1 - i]: "estimate"} if i % 2 else {}
        basis = {"gdp": 100000.0, "population": 140000.0}
        lvs.append(compute_level(framework, vals, nat, basis, basis, region=f"地区{i}", year=2024, statuses=statuses))
    assert len({tuple(v is None for v in lv.nodes.values()) for lv in lvs}) > 3
    for lv, rd in zip(lvs, block_draws(dc, lvs), strict=True):
        one = region_draws(dc, lv)
        assert rd.codes == one.codes and rd.alive == one.alive
        np.testing.assert_array_equal(rd.scores, one.scores)
        np.testing.assert_array_equal(rd.below, one.below)
        np.testing.assert_allclose(rd.levels, one.levels, rtol=1e-13, atol=0)
        assert np.ptp(rd.levels[:, 0]) > 0  # the draws move the levels


def test_block_stability_matches_region_by_region(framework, config, monkeypatch):
    """stabilise_block (a block's draws in one product per pattern, its group and role labels counted at once)
    gives the JSON that stabilising region by region gives: two blocks, regions with excluded indicators and
    a whole excluded pillar (other patterns, roles among other pillars)."""
    import core.assessment as assessment
    from core.assessment import robustness
    from core.index.engine import IndexOptions

    sys_path = str(Path(__file__).resolve().parents[1] / "benchmarks")
    monkeypatch.syspath_prepend(sys_path)
    from make_demo_data import synthetic_table

    table = synthetic_table(robustness.STABILITY_BLOCK + 6)
    regions = sorted({o.region for o in table if o.region != "全国"})
    pillar = framework.pillars[-1]
    whole = frozenset(c for c in framework.leaves if c.startswith(pillar + "."))
    exclusions = {regions[i]: frozenset({framework.leaves[i]}) for i in range(0, 27, 3)} | {regions[40]: whole}
    assert whole
    options = IndexOptions(exclusions=exclusions)
    fast = assess(table, framework, config=config, options=options).to_dict()
    monkeypatch.setattr(assessment, "stabilise_block", lambda ras, dc: [robustness.stabilise(ra, dc) for ra in ras])
    slow = assess(table, framework, config=config, options=options).to_dict()
    same = json.dumps(fast, ensure_ascii=False) == json.dumps(slow, ensure_ascii=False)
    assert same  # (a boolean: pytest's diff of two large JSON texts takes minutes)
    roles = {r["role"]["name"] for r in fast["regions"].values()} if isinstance(fast["regions"], dict) else None
    assert roles is None or len(roles) > 1
