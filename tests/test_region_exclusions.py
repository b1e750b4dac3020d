"""Per-region exclusions with a reason: one region's empty indicator row no longer blocks every region."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from core.assessment import assess
from core.commands import main
from core.commands.options import parse_region_exclusions
from core.index import IndexOptions, compute_index
from core.kernel.problems import InputError
from core.model.observations import Observation, ObservationTable

DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo"


def _two_regions(framework) -> ObservationTable:
    """甲省 complete and growing 5 % a year; 乙省 without any value for 3.2.2 (an empty row)."""
    rows = []
    for region in ("甲省", "乙省"):
        for code in framework.leaves:
            if region == "乙省" and code == "3.2.2":
                continue
            rows += [Observation(region, code, y, 100.0 * 1.05 ** (y - 2019)) for y in range(2019, 2025)]
    return ObservationTable(rows)


def test_an_empty_row_of_one_region_blocks_all_until_that_region_is_excluded_with_a_reason(framework):
    table = _two_regions(framework)
    with pytest.raises(InputError) as err:
        compute_index(table, framework)
    assert {p.region for p in err.value.problems} == {"乙省"}
    options = IndexOptions(excluded_regions={"乙省": "算力数据待补报"})
    result = compute_index(table, framework, options)
    assert result.regions == ("甲省",)
    assert result.value("甲省", "total", 2024) == pytest.approx(100 * 1.05**5)
    assert dict(result.recipe.excluded_regions) == {"乙省": "算力数据待补报"}
    assert result.recipe.to_dict()["excluded_regions"] == {"乙省": "算力数据待补报"}
    [note] = [n for n in result.recipe.notes if n.code == "exclusion.note.region"]
    assert "乙省" in note.text("zh") and "算力数据待补报" in note.text("zh") and "left out" in note.text("en")


def test_an_unknown_region_or_a_blank_reason_is_refused(framework):
    table = _two_regions(framework)
    with pytest.raises(InputError) as err:
        compute_index(table, framework, IndexOptions(excluded_regions={"丙省": "x"}))
    assert err.value.problems[0].code == "exclusion_region_unknown" and "乙省、甲省" in err.value.problems[0].message
    with pytest.raises(InputError) as err:
        compute_index(table, framework, IndexOptions(excluded_regions={"乙省": "  "}))
    assert err.value.problems[0].code == "exclusion.reason_missing" and err.value.problems[0].region == "乙省"


def test_the_assessment_leaves_the_excluded_region_out_and_says_why(framework):
    from core.assessment import load_demo
    from core.assessment.config import load_config

    table, _ = load_demo(framework, load_config(pillars=framework.pillars))
    result = assess(table, framework, options=IndexOptions(excluded_regions={"浙江省": "口径调整"}), robust=False)
    assert "浙江省" not in result.regions and "江苏省" in result.regions
    assert "浙江省" not in result.index.regions
    assert any(n.code == "exclusion.note.region" and n.args["reason"] == "口径调整" for n in result.notes)


def test_option_parsing_accepts_full_width_and_refuses_a_missing_reason():
    assert parse_region_exclusions(["乙市＝数据缺失", "甲市=口径调整"]) == {"甲市": "口径调整", "乙市": "数据缺失"}
    for bad in ("乙市", "乙市=", "=理由"):
        with pytest.raises(InputError) as err:
            parse_region_exclusions([bad])
        assert err.value.problems[0].code == "option_invalid.exclude_region"


def test_cli_records_each_excluded_region_and_its_reason_and_rerun_reproduces_it(capsys, tmp_path, monkeypatch):
    shutil.copy(DEMO / "demo-provinces.csv", tmp_path / "d.csv")
    monkeypatch.chdir(tmp_path)
    args = ["compute", "d.csv", "--exclude-region", "江苏省=数据待补报", "--exclude-region", "浙江省=口径调整"]
    assert main([*args, "--json", "r.json"]) == 0
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["recipe"]["run"]["options"]["exclude_region"] == {"江苏省": "数据待补报", "浙江省": "口径调整"}
    assert data["recipe"]["excluded_regions"] == {"江苏省": "数据待补报", "浙江省": "口径调整"}
    assert "江苏省" not in data["regions"] and "北京市" in data["regions"]
    capsys.readouterr()
    assert main(["rerun", "r.json"]) == 0
    assert capsys.readouterr().out.encode("utf-8") == (tmp_path / "r.json").read_bytes()
    assert main(["compute", "d.csv", "--depth", "1"]) == 0 and "江苏省" in capsys.readouterr().out
    assert main(["compute", "d.csv", "--exclude-region", "江苏省=数据待补报", "--depth", "1"]) == 0
    table = capsys.readouterr().out
    assert "江苏省 未参与本次测算，理由：数据待补报" in table


def test_an_indicator_excluded_for_one_region_carries_its_reason_into_the_recipe(framework):
    table = _two_regions(framework)
    options = IndexOptions(
        exclusions={"乙省": frozenset({"3.2.2"})},
        exclusion_reasons={"乙省": {"3.2.2": "本省无算力中心统计", "1.1.1": "x"}},
    )
    result = compute_index(table, framework, options)
    assert result.regions == ("乙省", "甲省") and result.recipe.to_dict()["exclusion_reasons"] == {
        "乙省": {"3.2.2": "本省无算力中心统计"}
    }
    [note] = [n for n in result.recipe.notes if n.code == "exclusion.note.indicator"]
    assert note.text("zh") == "乙省 排除指标 3.2.2 的理由：本省无算力中心统计。"


def test_cli_exclusion_reasons_are_recorded_and_rerun(capsys, tmp_path, monkeypatch):
    from core.commands.options import parse_exclusion_reasons, parse_exclusions

    items = ["甲市:1.1.1，3.2.2＝无统计", "甲市:2.1.1", "乙市:4.3.2=撤并"]
    assert parse_exclusions(items)["甲市"] == frozenset({"1.1.1", "3.2.2", "2.1.1"})
    assert parse_exclusion_reasons(items) == {"乙市": {"4.3.2": "撤并"}, "甲市": {"1.1.1": "无统计", "3.2.2": "无统计"}}
    shutil.copy(DEMO / "demo-provinces.csv", tmp_path / "d.csv")
    monkeypatch.chdir(tmp_path)
    args = ["compute", "d.csv", "--exclude", "江苏省:3.2.2=本省口径不同", "--exclude", "浙江省:1.1.1"]
    assert main([*args, "--json", "r.json"]) == 0
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["recipe"]["exclusion_reasons"] == {"江苏省": {"3.2.2": "本省口径不同"}}
    assert data["recipe"]["run"]["options"]["exclude_reason"] == {"江苏省": {"3.2.2": "本省口径不同"}}
    capsys.readouterr()
    assert main(["rerun", "r.json"]) == 0
    assert capsys.readouterr().out.encode("utf-8") == (tmp_path / "r.json").read_bytes()


def test_the_report_states_each_excluded_region_and_indicator_with_its_reason(framework):
    from dataclasses import replace

    from report_fixtures import demo_inputs

    from core.io.loading import load_data_strict
    from core.report.builder import build_document
    from core.report.document import Paragraph

    table = load_data_strict([DEMO / "demo-provinces.csv"], framework).observations
    options = IndexOptions(
        excluded_regions={"浙江省": "口径调整，待核实"},
        exclusions={"江苏省": frozenset({"3.2.2"})},
        exclusion_reasons={"江苏省": {"3.2.2": "本省无算力中心统计"}},
    )
    inputs = replace(demo_inputs(), result=compute_index(table, framework, options), assessment=None)
    texts = [b.text for b in build_document(inputs).blocks if isinstance(b, Paragraph)]
    assert any("浙江省 未参与本次测算，理由：口径调整，待核实" in t for t in texts)
    assert any("江苏省 排除指标 3.2.2 的理由：本省无算力中心统计" in t for t in texts)
