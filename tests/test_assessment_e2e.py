"""End to end on the shipped demo data: every verdict traceable to numbers in the same output."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from core.assessment import assess
from core.assessment.config import band_of, load_config
from core.assessment.industries import read_industries_csv
from core.assessment.partners import read_adjacency
from core.commands.cli import main
from core.io.loading import load_data
from core.model.observations import NATION, Observation, ObservationTable

DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo"
KEYS = (
    "level",
    "group",
    "momentum",
    "quadrant",
    "role",
    "strengths",
    "weaknesses",
    "coupling",
    "potential",
    "industries",
    "partners",
    "sameness",
    "levers",
)


@pytest.fixture(scope="module")
def config(framework):
    return load_config(pillars=framework.pillars)


@pytest.fixture(scope="module")
def demo(framework):
    table, problems = load_data([DEMO / "demo-provinces.csv"], framework)
    assert not [p for p in problems if p.severity.value == "error"]
    return table


@pytest.fixture(scope="module")
def result(demo, framework, config):
    rows, _ = read_industries_csv(DEMO / "demo-industries.csv", config)
    return assess(demo, framework, industries=rows, config=config)


def test_demo_is_labelled_illustrative():
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    assert "示意数据，非官方统计" in readme
    assert "示意数据，非官方统计" in (DEMO / "demo-provinces.csv").read_text(encoding="utf-8").splitlines()[1]


def test_demo_has_every_indicator_and_basis_for_every_region(demo, framework):
    regions = [r for r in demo.regions() if r != NATION]
    assert len(regions) >= 8
    for r in regions + [NATION]:
        codes = {o.indicator for o in demo if o.region == r}
        assert set(framework.leaves) | {"_gdp", "_population"} <= codes, r


def test_json_carries_every_part_for_every_region(result, framework):
    d = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert d["year"] == 2024 and d["base_year"] == 2019
    assert len(d["regions"]) == 10
    for name, r in d["regions"].items():
        for key in KEYS:
            assert key in r, (name, key)
        assert set(r["level"]["nodes"]) == set(framework.codes)
        assert set(r["coupling"]) >= {"U1", "U2", "C", "T", "D", "grade", "type"}
        assert set(r["potential"]) >= {"trend", "short_board", "coordination", "industries", "grade"}


def test_every_verdict_is_traceable_to_numbers_in_the_output(result, config, framework):
    d = result.to_dict()
    for _name, r in d["regions"].items():
        lv = r["level"]["nodes"]
        # group ← level and the band bounds printed beside it
        for node, g in r["group"].items():
            assert g["level"] == pytest.approx(lv[node], abs=1e-3)
            assert g["lower"] <= g["level"] + 1e-9 and (g["upper"] is None or g["level"] < g["upper"])
            assert band_of(g["level"], config.groups)[1].name == g["group"]
        # momentum ← the two indices printed beside it
        for m in r["momentum"].values():
            assert m["M"] == pytest.approx(100 * m["E_region"] / m["E_reference"], rel=1e-3)
        # quadrant ← the L and M it prints, which are the level and momentum of the same output
        for node, q in r["quadrant"].items():
            assert q["L"] == pytest.approx(lv[node], abs=1e-3) and q["M"] == pytest.approx(
                r["momentum"][node]["M"], abs=1e-3
            )
            hi_l, hi_m = q["L"] >= q["split_L"], q["M"] >= q["split_M"]
            assert q["name"] == config.quadrant_names[(hi_l, hi_m)]
        # role ← pillar levels and spread
        role = r["role"]
        pl = role["pillar_levels"]
        assert pl == {p: pytest.approx(lv[p], abs=1e-3) for p in framework.pillars}
        spread = (max(pl.values()) - min(pl.values())) / (sum(pl.values()) / 4)
        assert role["spread"] == pytest.approx(spread, abs=1e-3)
        if role["spread"] < role["threshold"]:
            assert role["name"] == config.balanced_name
        else:
            strongest = max(pl, key=pl.get)
            assert role["strongest"] == strongest and role["name"] == config.roles[strongest][0]
        # coupling ← U1, U2 ← side levels ← pillar levels
        c = r["coupling"]
        assert c["L_science"] == pytest.approx((lv["1"] + lv["2"]) / 2, abs=1e-3)
        assert c["U1"] == pytest.approx(c["L_science"] / (c["L_science"] + 100), abs=1e-5)
        assert c["C"] == pytest.approx(2 * math.sqrt(c["U1"] * c["U2"]) / (c["U1"] + c["U2"]), abs=1e-5)
        assert c["D"] == pytest.approx(math.sqrt(c["C"] * c["T"]), abs=1e-5)
        assert band_of(c["D"], config.coupling_grades)[1].name == c["grade"]
        # potential ← trend numbers in the same output
        t = r["potential"]["trend"]
        assert t["L_horizon"] == pytest.approx(
            t["L_T"] * ((1 + t["g_region"]) / (1 + t["g_reference"])) ** (t["horizon_year"] - t["year"]), rel=1e-4
        )
        assert t["g_region"] == pytest.approx(r["momentum"]["total"]["g_region"], abs=1e-6)
        # the headline quotes the same numbers
        assert f"{lv['total']:.1f}" in r["headline"]
        # level ← indicator scores: the weighted sum of the scores in the output is L_total
        inds = r["level"]["indicators"]
        assert sum(i["score"] * i["weight"] for i in inds if i["included"]) == pytest.approx(lv["total"], abs=1e-3)
        for i in inds:
            assert i["score"] == pytest.approx(100 * min(i["ratio"], config.score_cap), abs=1e-3)


def test_demo_shows_a_variety_of_verdicts(result):
    roles = {r.role.name for r in result.regions.values()}
    quads = {r.quadrants["total"].name for r in result.regions.values()}
    assert len(roles) >= 4 and len(quads) >= 3
    assert result.regions["辽宁省"].quadrants["total"].name == "蓄势培育型"
    assert result.regions["北京市"].role.name == "科技策源型"


def test_industries_and_levers_in_the_demo(result):
    ln = result.regions["辽宁省"]
    assert [i.industry for i in ln.industries][:1] in (["机器人"], ["高端装备"])
    assert {i.quadrant for i in ln.industries} >= {"优先融合", "巩固提升"}
    assert ln.levers and all(lv.source for lv in ln.levers)
    assert result.regions["北京市"].industries == ()


def test_same_inputs_give_byte_identical_json(demo, framework, config):
    a = json.dumps(assess(demo, framework, config=config).to_dict(), ensure_ascii=False)
    b = json.dumps(assess(demo, framework, config=config).to_dict(), ensure_ascii=False)
    assert a == b


def test_one_region_alone_against_the_shipped_national_benchmark(demo, framework, config):
    """No 全国 rows in the data: the nation comes from national.csv + national_basis.csv."""
    alone = ObservationTable([o for o in demo if o.region == "四川省"])
    res = assess(alone, framework, config=config)
    ra = res.regions["四川省"]
    src = res.benchmark.sources
    assert src["1.2.2"] == "nation_is_100" and src["2.1.1"] == "benchmark"
    # 1.1.1 has no national value in the benchmark file: left out with a note, not scored 0
    s = ra.level.score("1.1.1")
    assert not s.included and s.score is None
    assert any("1.1.1" in n.text() and "不参与" in n.text() for n in ra.level.notes)
    assert ra.level.total is not None and ra.momentum["total"].momentum is not None
    assert "1.1.1" in res.nation_excluded
    assert res.benchmark.nation_basis["gdp"] == pytest.approx(1349084.0)
    assert ra.partners.peers_considered == 0


def test_user_national_rows_override_the_benchmark_and_shares_are_forced_to_100(demo, framework, config):
    rows = [o for o in demo if o.region != NATION or o.indicator != "1.2.2"]
    rows += [Observation(NATION, "1.2.2", y, 25.5) for y in range(2019, 2025)]  # national definition by mistake
    res = assess(ObservationTable(rows), framework, regions=["广东省"], config=config)
    assert res.benchmark.sources["1.2.2"] == "nation_is_100"
    assert res.benchmark.nation_values["1.2.2"].value == 100.0
    assert any("1.2.2" in str(n) and "国家口径" in str(n) for n in res.notes)
    assert res.benchmark.sources["2.1.1"] == "data"


def test_missing_national_value_in_the_assessment_year(demo, framework, config):
    rows = [o for o in demo if not (o.region == NATION and o.indicator == "3.2.2")]
    res = assess(ObservationTable(rows), framework, regions=["湖北省"], config=config, with_published=False)
    s = res.regions["湖北省"].level.score("3.2.2")
    # the shipped benchmark has 3.2.2 for the nation (100 → 280 EFLOPS): it is used instead, and said so
    assert res.benchmark.sources["3.2.2"] == "benchmark"
    assert s.included and s.reference_value == pytest.approx(280.0)


def test_province_with_cities(framework, config):
    table, _ = load_data([DEMO / "demo-jiangsu-cities.csv"], framework)
    adj = read_adjacency(DEMO / "demo-jiangsu-adjacency.toml")
    res = assess(table, framework, adjacency=adj, config=config)
    assert res.parent == "江苏省"
    xz = res.regions["徐州市"]
    # one reference per verdict: a city's verdicts are all against its province, the nation shown beside
    assert xz.parent == "江苏省" and xz.reference == "江苏省" and xz.level.reference == "江苏省"
    assert xz.level_vs_nation is not None and xz.level_vs_nation.reference == NATION
    assert xz.level_vs_nation.total == pytest.approx(res.levels["徐州市"].total)
    assert xz.momentum["total"].momentum == pytest.approx(
        100 * xz.momentum["total"].e_region / res.index.series("江苏省", "total")[2024], rel=1e-9
    )
    verdicts = [*xz.groups.values(), *xz.quadrants.values(), xz.role, xz.coupling, xz.boards]
    assert {v.reference for v in verdicts} == {"江苏省"}
    assert xz.role.pillar_levels == {p: xz.level.nodes[p] for p in framework.pillars}
    d = xz.to_dict()
    assert d["reference"] == "江苏省" and d["parent"] == {"name": "江苏省"}
    assert d["nation"]["level"]["reference"] == NATION and d["role"]["reference"] == "江苏省"
    assert xz.partners.reference == "江苏省"
    assert all(p.peer != "江苏省" for p in xz.partners.top)
    assert res.regions["江苏省"].parent is None and res.regions["江苏省"].partners.peers_considered == 0
    # 苏州 and 无锡 are neighbours with the same role and near-identical profiles: 定位趋同
    sz = res.regions["苏州市"]
    warn = [s for s in sz.sameness if s.warning]
    assert [s.peer for s in warn] == ["无锡市"] and warn[0].cosine > 0.9 and warn[0].adjacent
    assert sz.levers[-1].id == "regional_synergy"


def test_city_identical_to_its_province_scores_100_against_it(framework, config):
    table, _ = load_data([DEMO / "demo-jiangsu-cities.csv"], framework)
    mirror = [Observation("镜像市", o.indicator, o.year, o.value) for o in table if o.region == "江苏省"]
    res = assess(ObservationTable(list(table) + mirror), framework, regions=["镜像市"], config=config)
    ra = res.regions["镜像市"]
    assert ra.level.total == pytest.approx(100.0)
    assert all(v == pytest.approx(100.0) for v in ra.level.nodes.values())
    assert ra.momentum["total"].momentum == pytest.approx(100.0)
    assert ra.level_vs_nation.total == pytest.approx(res.levels["江苏省"].total)


def test_cli_human_and_json(tmp_path, capsys):
    rc = main(
        [
            "assess",
            str(DEMO / "demo-provinces.csv"),
            "--region",
            "辽宁",
            "--industries",
            str(DEMO / "demo-industries.csv"),
        ]
    )
    out = capsys.readouterr().out
    assert rc == 0
    assert "【辽宁省】" in out and "融合水平为全国的" in out and "路径建议" in out and "主导产业" in out
    rc = main(
        ["assess", str(DEMO / "demo-provinces.csv"), "--region", "北京市,上海市", "--peers", "all", "--json", "-"]
    )
    d = json.loads(capsys.readouterr().out)
    assert rc == 0 and list(d["regions"]) == ["北京市", "上海市"]
    assert d["scatter"]["nation"] == {"L": 100.0, "M": 100.0}
    assert len(d["scatter"]["points"]["total"]) == 10 and set(d["scatter"]["points"]) == {"total", "1", "2", "3", "4"}
    bj = next(p for p in d["scatter"]["points"]["1"] if p["region"] == "北京市")
    assert (
        bj["L"] == d["regions"]["北京市"]["quadrant"]["1"]["L"]
        and bj["M"] == d["regions"]["北京市"]["quadrant"]["1"]["M"]
    )
    path = tmp_path / "a.json"
    assert main(["assess", str(DEMO / "demo-provinces.csv"), "--region", "四川省", "--json", str(path)]) == 0
    assert json.loads(path.read_text(encoding="utf-8"))["regions"]["四川省"]["role"]["name"]


def test_cli_summary_in_english_and_json_keeps_the_codes(capsys):
    assert main(["assess", str(DEMO / "demo-provinces.csv"), "--region", "辽宁省", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Fusion potential and positioning" in out and "quadrant Building up" in out and "融合水平为" not in out
    assert main(["assess", str(DEMO / "demo-provinces.csv"), "--region", "辽宁省", "--json", "-"]) == 0
    r = json.loads(capsys.readouterr().out)["regions"]["辽宁省"]
    role = r["role"]["reason_message"]
    assert r["role"]["reason"] == role["text"] and role["code"].startswith("assess.role.")
    assert role["args"]["threshold"] == "0.15" and role["args"]["spread"] == f"{r['role']['spread']:.3f}"


def _cities_csv(tmp_path: Path, n: int) -> Path:
    """The demo provinces' rows copied under `n` city names (enough regions for the brief summary)."""
    rows = (DEMO / "demo-provinces.csv").read_text(encoding="utf-8").splitlines()
    body = [r for r in rows[1:] if r.split(",")[0] == "江苏省"]
    lines = [rows[0]] + [r.replace("江苏省", f"第{i}市", 1) for i in range(n) for r in body]
    path = tmp_path / "cities.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_summary_is_one_line_per_region_beyond_ten(tmp_path, capsys):
    """A county-level run prints a headline per region, not thousands of full assessments; --summary chooses."""
    data = str(_cities_csv(tmp_path, 12))
    assert main(["assess", data]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("两创融合潜力与定位评估概览") and "共 12 个地区" in lines[0]
    assert [x.strip().split("2024 年")[0] for x in lines[1:13]] == sorted(f"第{i}市" for i in range(12))
    assert "【" not in out and "一、融合水平" not in out and "--summary full" in lines[13]
    assert main(["assess", data, "--summary", "full", "--region", "第3市,第4市"]) == 0
    full = capsys.readouterr().out
    assert full.count("一、融合水平") == 2 and "【第3市】" in full
    assert main(["assess", str(DEMO / "demo-provinces.csv"), "--summary", "brief", "--lang", "en"]) == 0
    brief = capsys.readouterr().out.splitlines()
    assert brief[0].startswith("Fusion potential and positioning at a glance") and len(brief[1:11]) == 10
    assert all(x.startswith("  In 2024 the fusion level of ") for x in brief[1:11])


def test_cli_unknown_region_is_a_chinese_error(capsys):
    rc = main(["assess", str(DEMO / "demo-provinces.csv"), "--region", "火星"])
    err = capsys.readouterr().err
    assert rc == 2 and "火星" in err and "不在已载入的数据中" in err


def test_load_demo_for_first_start(framework, config):
    from core.assessment.demo import load_demo

    table, industries = load_demo(framework, config)
    assert "辽宁省" in table.regions() and industries
    res = assess(table, framework, industries=industries, config=config, regions=["安徽省"])
    assert res.regions["安徽省"].industries[0].industry == "新能源汽车"
    cities, _ = load_demo(framework, config, cities=True)
    assert "南京市" in cities.regions()


def test_assess_by_hand_on_a_tiny_dataset(framework, config):
    """甲省 = the nation's intensity on every indicator, growing 10 %/year against the nation's 5 %."""
    rows = []
    for k, y in enumerate(range(2019, 2024)):
        rows += [
            Observation(NATION, "_gdp", y, 1000.0),
            Observation(NATION, "_population", y, 500.0),
            Observation("甲省", "_gdp", y, 100.0),
            Observation("甲省", "_population", y, 50.0),
        ]
        for c in framework.leaves:
            node = framework.nodes[c]
            nat = 100.0 * 1.05**k
            reg_scale = 1.10**k
            if node.comparable_national == "nation_is_100":
                rows.append(Observation("甲省", c, y, 10.0))  # 10 % of the nation with 10 % of its GDP (no growth)
                continue
            rows.append(Observation(NATION, c, y, nat))
            share = 1.0 if node.kind == "ratio" else 0.1
            # in the last year the region equals the nation's intensity exactly
            rows.append(Observation("甲省", c, y, 100.0 * 1.05**4 * share * reg_scale / 1.10**4))
    res = assess(ObservationTable(rows), framework, config=config, with_published=False)
    ra = res.regions["甲省"]
    assert ra.level.total == pytest.approx(100.0)
    assert ra.coupling.d == pytest.approx(math.sqrt(0.5)) and ra.coupling.grade == "中级协调"
    assert ra.groups["total"].group == "较强型"  # 100 is the lower bound of 较强型
    # M = 100 × E_region / E_nation: the 24 growing indicators' symmetric-growth chain is exact per indicator,
    # and the three share indicators are flat for both, so every pillar is a mix of those ratios
    e_r = res.index.series("甲省", "total")[2023]
    e_n = res.index.series(NATION, "total")[2023]
    assert ra.momentum["total"].momentum == pytest.approx(100.0 * e_r / e_n)
    assert ra.momentum["total"].momentum > 100.0
    assert ra.quadrants["total"].name == "领跑巩固型"
    leaf = res.index.series("甲省", "2.1.1")[2023] / res.index.series(NATION, "2.1.1")[2023]
    assert leaf == pytest.approx((1.10 / 1.05) ** 4)  # 100 × x_T / x_base per indicator
    assert ra.potential.group_shift >= 0


def test_assess_cli_reads_industries_from_the_template_sheet(tmp_path, framework):
    """A filled region template's 主导产业 sheet reaches the assessment (spec 02 §2.7) with no CSV."""
    import json
    import subprocess
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from broken_corpus import filled_region_workbook

    path = tmp_path / "江苏.xlsx"
    filled_region_workbook(framework, "江苏省").save(path)
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run(
        [sys.executable, "-m", "core", "assess", str(path), "--region", "江苏省", "--json", "-"],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert proc.returncode == 0, proc.stderr
    industries = json.loads(proc.stdout)["regions"]["江苏省"]["industries"]
    [ic] = [i for i in industries if i["industry"] == "集成电路"]
    assert ic["potential"] == pytest.approx(20 * (5 + 4 + 4 + 5) / 4)
