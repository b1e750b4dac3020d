"""What-if and targets (issue 20): projection, monotonicity, target plans, the CLI's JSON and replay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.assessment import load_config, load_demo
from core.commands.cli import main
from core.kernel.problems import InputError
from core.model.framework import load_framework
from core.whatif import build_baseline, evaluate, parse_raise, parse_target, plan_target, project, to_json

DEMO = "resources/demo/demo-provinces.csv"
DEMO_PATH = Path(__file__).resolve().parents[1] / DEMO


@pytest.fixture(scope="module")
def setup():
    fw = load_framework()
    cfg = load_config(pillars=fw.pillars)
    table, _ = load_demo(fw, cfg)
    return fw, cfg, table


@pytest.fixture(scope="module")
def jiangsu(setup):
    fw, cfg, table = setup
    return build_baseline(table, "江苏", 2030, fw, config=cfg)


def test_today_is_the_assessment(setup, jiangsu):
    """The projection's starting point is the assessment's own verdict for the latest year."""
    from core.assessment import assess

    fw, cfg, table = setup
    ra = assess(table, fw, regions=["江苏省"], config=cfg, robust=False).regions["江苏省"]
    assert jiangsu.today.level == pytest.approx(ra.level.total, abs=1e-9)
    assert jiangsu.today.group.group == ra.groups["total"].group
    assert jiangsu.today.momentum == pytest.approx(ra.momentum["total"].momentum, abs=1e-9)


def test_the_baseline_assesses_the_region_only(setup, monkeypatch):
    """Scaling: the baseline takes the engine's filled values of every region but assesses only the region
    itself (today's verdicts), so 300 loaded regions cost one region's assessment, not 300."""
    import core.assessment

    fw, cfg, table = setup
    assessed = []
    real = core.assessment.region_assessment

    def counted(ctx, peers, reg, industries):
        assessed.append(reg)
        return real(ctx, peers, reg, industries)

    monkeypatch.setattr(core.assessment, "region_assessment", counted)
    b = build_baseline(table, "江苏", 2030, fw, config=cfg)
    loaded = {o.region for o in table} - {"全国"}
    assert len(loaded) >= 10 and assessed == ["江苏省"] and b.today.level is not None
    project(b, path=False)
    assert assessed == ["江苏省", "江苏省"]


def test_projected_verdicts_carry_margin_and_stability(jiangsu):
    p = project(jiangsu)
    v = p.projected
    assert v.year == 2030 and v.group.margin is not None and v.group.stability
    assert v.quadrant.stability and v.role.stability
    assert [pt.year for pt in p.path] == list(range(2024, 2031))


def test_raising_any_indicator_never_lowers_the_total(jiangsu):
    base = evaluate(jiangsu)
    for code, t in jiangsu.trends.items():
        for extra in (0.01, 0.05, 0.2):
            up = evaluate(jiangsu, {code: t.growth + extra})
            assert up.level >= base.level - 1e-9, code
            assert up.index >= base.index - 1e-9, code


def test_nation_scenario_moves_the_reference(jiangsu):
    """A faster nation lowers the region's level against it."""
    faster = {c: t.growth + 0.05 for c, t in jiangsu.nation.items() if not c.startswith("_")}
    assert evaluate(jiangsu, nation_scenario=faster).level < evaluate(jiangsu).level


def test_target_plan_reaches_its_target_and_replays(setup, jiangsu):
    fw, cfg, _ = setup
    target = parse_target("group=领先型", cfg, fw.pillars)
    assert jiangsu.today.group.group != "领先型"
    plan = plan_target(jiangsu, target)
    assert plan.feasible and plan.changes
    assert plan.projection.projected.group.group == "领先型"
    for ch in plan.changes:
        t = jiangsu.trends[ch.indicator]
        assert t.growth < ch.growth <= t.high and ch.levers
    replay = project(jiangsu, {c.indicator: c.growth for c in plan.changes})
    assert replay.projected == plan.projection.projected


def test_safety_keeps_the_plan_clear_of_the_threshold(setup, jiangsu):
    fw, cfg, _ = setup
    plan = plan_target(jiangsu, parse_target("group=领先型", cfg, fw.pillars), safety=3.0)
    assert plan.feasible and plan.projection.projected.level >= 125.0 + 3.0
    assert plan.projection.projected.group.stability.get("领先型", 0) > 0.9
    bare = plan_target(jiangsu, parse_target("group=领先型", cfg, fw.pillars))
    assert plan.effort > bare.effort


def test_plans_stay_within_the_bounds(setup):
    fw, cfg, table = setup
    b = build_baseline(table, "辽宁", 2030, fw, config=cfg)
    plan = plan_target(b, parse_target("group=较强型", cfg, fw.pillars))
    assert plan.feasible and len(plan.changes) >= 2
    assert all(b.trends[ch.indicator].growth < ch.growth <= b.trends[ch.indicator].high for ch in plan.changes)
    assert plan.projection.projected.group.group == "较强型"


def test_unreachable_target_is_reported_with_the_closest_point(setup):
    fw, cfg, table = setup
    b = build_baseline(table, "辽宁", 2026, fw, config=cfg)
    plan = plan_target(b, parse_target("group=领先型", cfg, fw.pillars))
    assert not plan.feasible and plan.shortfall > 0
    assert plan.reason.code == "whatif.plan.unreachable"
    assert plan.projection.projected.level > b.today.level  # the closest point is better than doing nothing
    assert all(ch.growth == b.trends[ch.indicator].high for ch in plan.changes)  # at the bounds, never beyond


def test_a_quadrant_below_today_cannot_be_reached_by_raising(setup, jiangsu):
    fw, cfg, _ = setup
    plan = plan_target(jiangsu, parse_target("quadrant=加速追赶型", cfg, fw.pillars))  # needs a level below 100
    assert not plan.feasible and plan.shortfall is None and not plan.changes
    assert plan.reason.code == "whatif.plan.wrong_way"
    json.dumps(to_json(jiangsu, plan.projection, plan), allow_nan=False)


def test_bad_inputs_are_catalogue_problems(setup, jiangsu):
    fw, cfg, table = setup
    with pytest.raises(InputError) as e:
        parse_target("group=最强型", cfg, fw.pillars)
    assert e.value.problems[0].code == "whatif.target_invalid"
    with pytest.raises(InputError) as e:
        parse_raise(["9.9.9=+5%/yr", "1.1.1=fast"], jiangsu)
    assert {p.code for p in e.value.problems} == {"whatif.code_unknown", "whatif.raise_invalid"}
    with pytest.raises(InputError) as e:
        build_baseline(table, "江苏", 2024, fw, config=cfg)
    assert e.value.problems[0].code == "whatif.horizon_past"


def test_raise_syntax(jiangsu):
    g = jiangsu.trends["1.1.1"].growth
    s = parse_raise(["1.1.1=+3pp", "2.1.1=+12.5%/yr", "3.1.1=7%"], jiangsu)
    assert s["1.1.1"] == pytest.approx(g + 0.03)
    assert s["2.1.1"] == 0.125 and s["3.1.1"] == 0.07


def _cli(capsys, *args) -> dict:
    assert main(["whatif", DEMO, "--region", "江苏", "--to", "2030", *args, "--json", "-"]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_target_json_shape_and_raise_replay(capsys):
    data = _cli(capsys, "--target", "group=领先型")
    assert {"region", "year", "scenario", "projected", "feasible", "plan"} <= set(data)
    assert set(data["projected"]) >= {"index", "level", "group", "quadrant", "role"}
    assert data["feasible"] is True and data["projected"]["group"] == "领先型"
    row = data["plan"][0]
    assert set(row) >= {"indicator", "growth_per_year", "baseline_growth", "levers"}
    raises = [f"{r['indicator']}=+{r['growth_per_year']}%/yr" for r in data["plan"]]
    again = _cli(capsys, *[x for r in raises for x in ("--raise", r)])
    assert again["scenario"] == data["scenario"]
    assert again["projected"] == data["projected"]


def test_cli_refuses_raise_and_target_together(capsys):
    code = main(["whatif", DEMO, "--region", "江苏", "--raise", "1.1.1=+5%/yr", "--target", "group=领先型"])
    assert code == 2
    assert "不能同时" in capsys.readouterr().err


def test_json_has_no_nan(jiangsu):
    json.dumps(to_json(jiangsu, project(jiangsu, path=False)), allow_nan=False)


def test_workspace_saves_scenarios(tmp_path):
    from core.store import Workspace

    with Workspace.create(tmp_path / "w.lcws") as ws:
        assert ws.scenarios() == []
        ws.save_scenario("提速A", "江苏省", 2030, {"scenario": {"1.1.1": 12.5}})
        ws.save_scenario("提速A", "江苏省", 2030, {"scenario": {"1.1.1": 13.0}})  # replaced, not duplicated
        ws.save_scenario("目标", "江苏省", 2030, {"scenario": {}})
        saved = ws.scenarios()
        assert sorted(s.name for s in saved) == ["提速A", "目标"]
        assert next(s for s in saved if s.name == "提速A").data["scenario"]["1.1.1"] == 13.0
        ws.delete_scenario("目标")
        with pytest.raises(InputError):
            ws.save_scenario("  ", "江苏省", 2030, {})
    with Workspace.open(tmp_path / "w.lcws") as ws:
        assert [s.name for s in ws.scenarios()] == ["提速A"]


def test_report_section_six_in_docx_and_xlsx(setup, jiangsu, tmp_path):
    import dataclasses

    from docx import Document as open_docx
    from openpyxl import load_workbook

    from core.report.builder import build_document
    from core.report.docx_writer import write_docx
    from core.report.xlsx_writer import write_xlsx
    from core.whatif import ScenarioResult
    from tests.report_fixtures import demo_inputs

    fw, cfg, _ = setup
    plan = plan_target(jiangsu, parse_target("group=领先型", cfg, fw.pillars))
    inputs = dataclasses.replace(demo_inputs(), scenario=ScenarioResult("进入领先型", jiangsu, plan.projection, plan))
    document = build_document(inputs)
    write_docx(document, tmp_path / "r.docx", no_image_note="（无图）")
    text = "\n".join(p.text for p in open_docx(tmp_path / "r.docx").paragraphs)
    assert "六、目标情景" in text and "它不是预测" in text and plan.reason.text("zh") in text
    six, appendix = text.index("六、目标情景"), text.rindex("附录")
    assert six < appendix
    write_xlsx(document, tmp_path / "r.xlsx")
    ws = load_workbook(tmp_path / "r.xlsx")["目标情景"]
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert any(isinstance(v, str) and v.startswith(plan.changes[0].indicator) for v in values)
    english = build_document(dataclasses.replace(inputs, lang="en"))
    assert any(getattr(b, "text", "") == "6. Target scenario" for b in english.blocks)
    assert "六、目标情景" not in [getattr(b, "text", "") for b in build_document(demo_inputs()).blocks]


def test_report_cli_adds_a_saved_scenario_as_section_six(tmp_path, capsys):
    from docx import Document as open_docx

    plan_file = tmp_path / "江苏进入领先型.json"
    args = ["whatif", DEMO, "--region", "江苏", "--target", "group=领先型", "--json", str(plan_file)]
    assert main(args) == 0
    saved = json.loads(plan_file.read_text(encoding="utf-8"))
    out = tmp_path / "r.docx"
    assert (
        main(["report", DEMO, "--region", "江苏省", "--draws", "0", "--out", str(out), "--scenario", str(plan_file)])
        == 0
    )
    text = "\n".join(p.text for p in open_docx(out).paragraphs)
    assert "六、目标情景" in text and saved["target"]["reason"]["text"] in text
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    capsys.readouterr()
    assert main(["report", DEMO, "--region", "江苏省", "--draws", "0", "--out", str(out), "--scenario", str(bad)]) == 2
    assert "情景文件" in capsys.readouterr().err


def test_rerun_repeats_a_whatif_result_byte_for_byte(tmp_path, capsys, monkeypatch):
    import shutil

    monkeypatch.chdir(tmp_path)
    shutil.copy(DEMO_PATH, tmp_path / "demo.csv")
    first = tmp_path / "plan.json"
    assert main(["whatif", "demo.csv", "--region", "江苏", "--target", "group=领先型", "--safety", "1", "--json",
                 str(first)]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["rerun", str(first), "--json", "-"]) == 0
    assert capsys.readouterr().out == first.read_text(encoding="utf-8")
    raised = tmp_path / "raised.json"
    assert main(["whatif", "demo.csv", "--region", "江苏", "--raise", "1.1.2=+25%/yr", "--json", str(raised)]) == 0
    capsys.readouterr()
    assert main(["rerun", str(raised), "--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["scenario"] == {"1.1.2": 25.0}
