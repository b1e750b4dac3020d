"""The generated templates: structure, protection, validation, print setup, marker, prefill."""

from __future__ import annotations

import io

import openpyxl
import pytest

from core.commands.cli import main
from core.io.template_layout import (
    MARKER,
    SHEET_BASIS,
    SHEET_DATA,
    SHEET_GUIDE,
    SHEET_INDUSTRY,
    SHEET_META,
)
from core.io.template_writer import build_template, national_benchmark_values, parse_years
from core.model.observations import BASIS_GDP, NATION
from core.model.regions import province_names

YEARS = tuple(range(2019, 2025))


def _roundtrip(wb) -> openpyxl.Workbook:
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return openpyxl.load_workbook(buf)


@pytest.fixture(scope="module")
def region_wb(framework):
    return _roundtrip(build_template(framework, YEARS, "region"))


def test_region_template_sheets_and_marker(region_wb, framework):
    visible = [ws.title for ws in region_wb.worksheets if ws.sheet_state == "visible"]
    assert visible == [SHEET_GUIDE, SHEET_DATA, SHEET_BASIS, SHEET_INDUSTRY]
    meta = {r[0]: r[1] for r in region_wb[SHEET_META].iter_rows(values_only=True)}
    assert region_wb[SHEET_META].sheet_state == "veryHidden"
    assert meta["marker"] == MARKER and meta["kind"] == "region"
    assert meta["framework_id"] == framework.id and meta["framework_version"] == framework.version
    assert meta["years"] == "2019,2020,2021,2022,2023,2024"
    guide = " ".join(str(c.value) for row in region_wb[SHEET_GUIDE].iter_rows() for c in row if c.value)
    assert framework.version in guide and "缺失" in guide and "单位" in guide and "联系人" in guide


def test_one_row_per_indicator_with_metadata(region_wb, framework):
    ws = region_wb[SHEET_DATA]
    header = [c.value for c in ws[5]]
    assert header[:6] == ["代码", "一级指标", "二级指标", "三级指标", "填报口径（本地区统计口径）", "单位"]
    assert header[6:12] == [str(y) for y in YEARS]
    codes = [ws.cell(row=r, column=1).value for r in range(6, 6 + 27)]
    assert codes == list(framework.leaves)
    node = framework.nodes["2.1.1"]
    r = 6 + framework.leaves.index("2.1.1")
    assert ws.cell(row=r, column=5).value == node.definition_provincial
    assert ws.cell(row=r, column=6).value == node.unit
    assert ws.cell(row=r, column=13).value == node.source


def test_protection_value_cells_unlocked_rest_locked(region_wb):
    ws = region_wb[SHEET_DATA]
    assert ws.protection.sheet and not ws.protection.password
    assert ws["G6"].protection.locked is False and ws["L32"].protection.locked is False
    assert (
        ws["A6"].protection.locked is True
        and ws["F6"].protection.locked is True
        and ws["E20"].protection.locked is True
    )
    assert ws["C3"].protection.locked is False  # 填报地区


def test_data_validation_on_value_cells(region_wb, framework):
    ws = region_wb[SHEET_DATA]
    dvs = ws.data_validations.dataValidation

    def dv_for(cell):
        return next(dv for dv in dvs if cell in dv.sqref)

    pct_row = 6 + framework.leaves.index("1.1.2")
    dv = dv_for(f"H{pct_row}")
    assert dv.type == "decimal" and dv.formula1 == "0" and dv.formula2 == "100" and dv.errorStyle == "stop"
    assert framework.nodes["1.1.2"].definition_provincial[:10] in dv.prompt and "%" in dv.prompt
    dv = dv_for("G6")
    assert dv.type == "decimal" and dv.operator == "greaterThanOrEqual" and dv.formula1 == "0"
    assert len(dv.prompt) <= 255 and len(dv.promptTitle) <= 32 and len(dv.error) <= 255
    region_dv = dv_for("C3")
    assert region_dv.type == "list" and region_dv.errorStyle == "information"  # free text allowed for cities


def test_region_list_has_31_provinces(region_wb):
    names = [c.value for c in region_wb["_lists"]["A"]]
    assert names == list(province_names()) and len(names) == 31


def test_layout_print_and_fonts(region_wb):
    ws = region_wb[SHEET_DATA]
    assert ws.freeze_panes == "G6"
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
    assert ws.print_title_rows.replace("$", "") == "5:5"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws["A1"].font.name == "黑体" and ws["G6"].font.name == "宋体"
    assert ws.column_dimensions["D"].width >= 20 and ws.column_dimensions["E"].width >= 25
    assert "填报地区" in region_wb.defined_names and "指标数据_填报区" in region_wb.defined_names


def test_multi_template_has_a_block_per_region(framework):
    wb = _roundtrip(build_template(framework, YEARS, "multi", regions=["南京市", "苏州市"]))
    ws = wb[SHEET_DATA]
    assert ws["A5"].value == "地区" and ws["B5"].value == "代码"
    regions = [ws.cell(row=r, column=1).value for r in range(6, 6 + 54)]
    assert regions == ["南京市"] * 27 + ["苏州市"] * 27
    assert ws["A6"].protection.locked is False
    basis = wb[SHEET_BASIS]
    assert [basis.cell(row=r, column=1).value for r in range(5, 11)] == ["南京市"] * 2 + ["苏州市"] * 2 + [NATION] * 2
    default = build_template(framework, YEARS, "multi")
    assert default[SHEET_DATA].max_row >= 5 + 31 * 27


def test_national_template_prefilled_from_benchmark(framework):
    wb = _roundtrip(build_template(framework, YEARS, "national"))
    ws = wb[SHEET_DATA]
    assert ws["C3"].value == NATION and ws["C3"].protection.locked
    assert SHEET_INDUSTRY not in wb.sheetnames
    bench = national_benchmark_values()
    checked = 0
    for (code, year), value in bench.items():
        if code in framework.leaves and year in YEARS:
            assert ws.cell(row=6 + framework.leaves.index(code), column=7 + YEARS.index(year)).value == value
            checked += 1
    assert checked >= 10
    assert wb[SHEET_BASIS]["E5"].value == bench[(BASIS_GDP, 2019)]


def test_user_text_starting_with_equals_is_not_a_formula(framework):
    wb = _roundtrip(build_template(framework, YEARS, "region", contact='=HYPERLINK("x")'))
    cell = wb[SHEET_GUIDE]["B11"]
    assert cell.value == '=HYPERLINK("x")' and cell.data_type == "s"


def test_parse_years():
    assert parse_years("2019-2024") == YEARS
    assert parse_years("2019，2021, 2020") == (2019, 2020, 2021)
    for bad in ("2024-2019", "abc", "1800-1801"):
        with pytest.raises(ValueError):
            parse_years(bad)


def test_template_command_writes_each_kind(tmp_path, capsys):
    for kind in ("region", "multi", "national"):
        out = tmp_path / f"{kind}.xlsx"
        assert main(["template", "--kind", kind, "--years", "2020-2022", "--out", str(out)]) == 0
        wb = openpyxl.load_workbook(out)
        assert wb[SHEET_DATA]["G5"].value == "2020" if kind != "multi" else wb[SHEET_DATA]["H5"].value == "2020"
    assert main(["template", "--years", "20x", "--out", str(tmp_path / "x.xlsx")]) == 2
    assert "年份" in capsys.readouterr().err
    assert list(tmp_path.glob(".*.tmp")) == []  # atomic write leaves no temp files


def test_committed_templates_are_current(framework):
    """templates/*.xlsx are generated by `python -m core template` for 2019-2024 with this framework."""
    from pathlib import Path

    root = Path(__file__).parent.parent / "templates"
    for kind in ("region", "multi", "national"):
        wb = openpyxl.load_workbook(root / f"{kind}.xlsx")
        meta = {r[0]: r[1] for r in wb[SHEET_META].iter_rows(values_only=True)}
        assert (meta["kind"], meta["framework_version"], meta["years"]) == (
            kind,
            framework.version,
            "2019,2020,2021,2022,2023,2024",
        )
