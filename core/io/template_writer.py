"""Excel fill-in templates (填报模板) generated from the framework file.

A fresh workbook is built each time with openpyxl (never load-and-save of a designed file,
which drops validations). The layout is read back by `core.io.template_reader` through header
text, defined names and a very-hidden `_meta` sheet that records the framework id and version,
so an old or foreign template is recognised instead of being read wrongly.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..kernel.atomic import atomic_path
from ..model.framework import Framework
from ..model.observations import BASIS_CODES, BASIS_GDP, BASIS_POPULATION, NATION
from ..model.regions import province_names
from .template_layout import (
    DATA_HEADER_ROW,
    DEFAULT_YEARS,
    H_CODE,
    H_DEF,
    H_EXPERT,
    H_INDUSTRY,
    H_ITEM,
    H_LQ,
    H_NAME,
    H_NOTE,
    H_PILLAR,
    H_REGION,
    H_SOURCE,
    H_STRATEGIC,
    H_SUB,
    H_UNIT,
    INDUSTRY_CRITERIA,
    INDUSTRY_ROWS,
    KINDS,
    LABEL_REGION,
    LOCAL_REGION,
    MARKER,
    MARKER_VERSION,
    MAX_TEMPLATE_REGIONS,
    NAME_DATE,
    NAME_FILLED_BY,
    NAME_PHONE,
    NAME_REGION,
    SHEET_BASIS,
    SHEET_DATA,
    SHEET_GUIDE,
    SHEET_INDUSTRY,
    SHEET_LISTS,
    SHEET_META,
)

FONT_BODY = "宋体"
FONT_HEAD = "黑体"


@dataclass(frozen=True)
class TemplateMeta:
    """What the hidden `_meta` sheet records."""

    kind: str
    framework_id: str
    framework_version: str
    years: tuple[int, ...]
    marker_version: str = MARKER_VERSION


def parse_years(text: str) -> tuple[int, ...]:
    """'2019-2024' or '2019,2020,2022' → years; ValueError with a Chinese message otherwise."""
    text = text.strip().replace("－", "-").replace("，", ",").replace("～", "-").replace("~", "-")
    years: list[int] = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        m = re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", part)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            if a > b:
                raise ValueError(f"年份范围“{part}”起止颠倒，请写成如 2019-2024。")
            years.extend(range(a, b + 1))
        elif re.fullmatch(r"\d{4}", part):
            years.append(int(part))
        else:
            raise ValueError(f"年份“{part}”无法识别，请写成如 2019-2024 或 2019,2020,2021。")
    years = sorted(set(years))
    if not years or years[0] < 1990 or years[-1] > 2100 or len(years) > 40:
        raise ValueError("年份应在 1990—2100 之间，且不超过 40 个年份。")
    return tuple(years)


def national_benchmark_values() -> dict[tuple[str, int], float]:
    """(indicator, year) → value for region 全国 from the shipped benchmark CSV (empty if absent)."""
    from ..kernel.resources import resource

    out: dict[tuple[str, int], float] = {}
    for name in ("benchmarks/national.csv", "benchmarks/national_basis.csv"):
        try:
            text = resource(name).read_text(encoding="utf-8-sig")
        except (FileNotFoundError, OSError):
            continue
        for row in csv.DictReader(io.StringIO(text)):
            try:
                if (row.get("region") or "").strip() not in (NATION, ""):
                    continue
                out[(row["indicator"].strip(), int(row["year"]))] = float(row["value"])
            except (KeyError, ValueError, TypeError):
                continue
    return out


# ----------------------------------------------------------------------------- styles
def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

    thin = Side(style="thin", color="808080")
    return {
        "title": Font(name=FONT_HEAD, size=16, bold=True),
        "subtitle": Font(name=FONT_BODY, size=10, color="404040"),
        "head": Font(name=FONT_HEAD, size=10, bold=True),
        "body": Font(name=FONT_BODY, size=10),
        "small": Font(name=FONT_BODY, size=9, color="404040"),
        "label": Font(name=FONT_HEAD, size=10),
        "head_fill": PatternFill("solid", fgColor="D9E1F2"),
        "locked_fill": PatternFill("solid", fgColor="F2F2F2"),
        "input_fill": PatternFill("solid", fgColor="FFFFFF"),
        "info_fill": PatternFill("solid", fgColor="FFF2CC"),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "left": Alignment(horizontal="left", vertical="center", wrap_text=True),
        "left_top": Alignment(horizontal="left", vertical="top", wrap_text=True),
        "right": Alignment(horizontal="right", vertical="center", indent=1),
        "unlocked": Protection(locked=False),
        "locked": Protection(locked=True),
    }


INPUT_STYLE = "填报值"  # the named style of every value cell: unlocked, so a cell keeps its style's protection


def _input_style(wb, st) -> None:
    """Register the named input style. Cells carry it by name, so its protection (unlocked) is the style's own,
    not only a per-cell flag: pasting formats from another workbook that has no such style keeps the name's
    definition in this workbook, and "清除格式" or the style gallery restore it in one click."""
    from openpyxl.styles import NamedStyle

    style = NamedStyle(name=INPUT_STYLE, font=st["body"], border=st["border"], fill=st["input_fill"])
    style.alignment, style.protection, style.number_format = st["right"], st["unlocked"], "General"
    wb.add_named_style(style)


def _input_cell(c, st) -> None:
    c.style = INPUT_STYLE
    c.protection = st["unlocked"]


def _text(cell, value: str) -> None:
    """Write user-visible text as a string even if it starts with '=' (openpyxl would make a formula)."""
    cell.value = value
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        cell.data_type = "s"
        cell.quotePrefix = True


def _page_setup(ws, title_rows: str | None, landscape: bool = True) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 9
    ws.oddHeader.right.text = "&A"
    ws.oddHeader.right.size = 9


def _protect(ws) -> None:
    """Protect structure without a password; users may still resize rows and columns."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.selectLockedCells = False
    ws.protection.selectUnlockedCells = False


def _header_row(ws, row: int, headers: Sequence[str], st, height: float = 30) -> None:
    for i, h in enumerate(headers, start=1):
        c = ws.cell(row=row, column=i)
        _text(c, h)
        c.font, c.fill, c.border, c.alignment = st["head"], st["head_fill"], st["border"], st["center"]
    ws.row_dimensions[row].height = height


def _title(ws, text: str, subtitle: str, ncols: int, st) -> None:
    from openpyxl.utils import get_column_letter

    last = get_column_letter(ncols)
    ws.merge_cells(f"A1:{last}1")
    ws.merge_cells(f"A2:{last}2")
    _text(ws["A1"], text)
    ws["A1"].font, ws["A1"].alignment = st["title"], st["center"]
    _text(ws["A2"], subtitle)
    ws["A2"].font, ws["A2"].alignment = st["subtitle"], st["center"]
    ws.row_dimensions[1].height = 30
    ws.row_dimensions[2].height = 18


def _value_validation(framework: Framework, code: str):
    """Decimal ≥ 0 (≤ 100 for %), with the definition and unit as the input message."""
    from openpyxl.worksheet.datavalidation import DataValidation

    node = framework.nodes[code]
    is_pct = node.unit.strip() == "%"
    if is_pct:
        dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True)
        err = "请输入 0—100 之间的数值（单位 %，如 33.3 表示 33.3%，不要填 0.333）。缺失请留空。"
    else:
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        err = f"请输入不小于 0 的数值（单位：{node.unit}），不要输入文字、单位或千分位逗号。缺失请留空。"
    prompt = f"口径：{node.definition_provincial or node.name_zh}\n单位：{node.unit}\n来源：{node.source}"
    dv.promptTitle = f"{code} 填报说明"[:32]
    dv.prompt = prompt[:250]
    dv.errorTitle = "输入无效"
    dv.error = err[:250]
    dv.errorStyle = "stop"
    dv.showInputMessage = True
    dv.showErrorMessage = True
    return dv


# ----------------------------------------------------------------------------- sheets
def _guide_sheet(wb, framework: Framework, kind: str, years: Sequence[int], contact: str, st) -> None:
    ws = wb.create_sheet(SHEET_GUIDE, 0)
    ws.sheet_view.showGridLines = False
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 100
    what = {
        "region": "一个地区（省、市或县）一个工作簿",
        "multi": "多个地区填在同一个工作簿（如省内各地市，或全国 31 个省级行政区）",
        "national": "全国基准数据（已预填中国信通院报告及公开统计数据，可按年度更新）",
    }[kind]
    rows = [
        ("用途", f"本表用于采集“{framework.name_zh}”测算所需的基础数据。本模板：{what}。"),
        (
            "指标体系",
            f"{framework.id}，版本 {framework.version}（{framework.source_zh}）。请勿使用其他版本的模板填报。",
        ),
        ("填报年份", f"{years[0]}—{years[-1]} 年，共 {len(years)} 个年份；每个年份一列。"),
        (
            "填报步骤",
            "1. 在“指标数据”表顶部填写填报地区、填报人、联系电话和填报日期（地区请从下拉列表选择省级行政区，地市可直接输入名称）。\n"
            "2. 在“指标数据”表白色单元格中逐年填写各指标数值，选中单元格可看到该指标的口径、单位和来源。\n"
            "3. 在“基础数据”表填写地区生产总值和年末常住人口（用于融合水平评估）。\n"
            + ("4. 如需评估主导产业融合潜力，填写“主导产业”表（可选）。\n" if kind != "national" else "")
            + f"{5 if kind != 'national' else 4}. 保存为 .xlsx 格式后报送（不要另存为 .xls、.et 或含宏的 .xlsm）。",
        ),
        (
            "单位与格式",
            "按“单位”列填写纯数字：不要输入单位、文字或千分位逗号；百分比指标填百分数本身（33.3 表示 33.3%，不要填 0.333）；"
            "金额单位为亿元时请换算为亿元。请勿使用公式引用其他文件。",
        ),
        (
            "缺失数据",
            "确实无法获得的数据请留空，并在“备注”列说明原因；不要填 0（0 表示真实为零）。"
            "填“—”“-”“无”等也按缺失处理，但系统会逐一列出提示。",
        ),
        (
            "注意事项",
            "灰色单元格（代码、名称、口径、单位等）已保护，请勿修改、插入或删除行列，也不要改动工作表名称。"
            "工作表保护未设密码，仅为防止误改。",
        ),
        ("联系人", contact or "（请填写数据汇总单位的联系人及电话）"),
        (
            "模板标识",
            f"{MARKER} v{MARKER_VERSION}；{kind}；{framework.id} {framework.version}；生成日期 {date.today().isoformat()}",
        ),
    ]
    _title(ws, "填报说明", framework.name_zh, 2, st)
    for i, (k, v) in enumerate(rows, start=4):
        a, b = ws.cell(row=i, column=1), ws.cell(row=i, column=2)
        _text(a, k)
        _text(b, v)
        a.font, a.fill, a.alignment, a.border = st["head"], st["head_fill"], st["center"], st["border"]
        b.font, b.alignment, b.border = st["body"], st["left"], st["border"]
        lines = max(1, sum(len(part) // 48 + 1 for part in v.split("\n")))
        ws.row_dimensions[i].height = max(22, 15 * lines)
    ws["B11"].protection = st["unlocked"]  # contact field stays editable
    _page_setup(ws, None, landscape=False)
    ws.print_area = f"A1:B{3 + len(rows)}"
    _protect(ws)


def _info_block(ws, wb, row: int, kind: str, st, lists_ref: str | None, ncols: int) -> None:
    """填报信息: region (list of provinces or free text), filled by, phone, date."""
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    # label col, input col pairs laid over the first columns
    fields = [
        (LABEL_REGION, NAME_REGION, 3),
        ("填报人", NAME_FILLED_BY, 6),
        ("联系电话", NAME_PHONE, 8),
        ("填报日期", NAME_DATE, 10),
    ]
    if kind == "multi":
        fields = [f for f in fields if f[1] != NAME_REGION]
        fields = [("填报单位", NAME_REGION, 3)] + fields
    layout = {3: (1, 3), 6: (5, 6), 8: (7, 8), 10: (9, 10)}
    for label, name, col in fields:
        lab_col, in_col = layout[col]
        if in_col > ncols:
            continue
        lab = ws.cell(row=row, column=lab_col if lab_col != 1 else 1)
        if lab_col == 1:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        _text(lab, label + "：")
        lab.font, lab.alignment, lab.fill, lab.border = st["label"], st["right"], st["head_fill"], st["border"]
        cell = ws.cell(row=row, column=in_col)
        if in_col == 3:
            ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=4)
        cell.protection = st["unlocked"]
        cell.font, cell.alignment, cell.fill, cell.border = st["body"], st["left"], st["info_fill"], st["border"]
        ref = f"{quote_sheetname(ws.title)}!${get_column_letter(in_col)}${row}"
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
        if name == NAME_DATE:
            cell.number_format = "yyyy-mm-dd"
    ws.row_dimensions[row].height = 24
    if kind == "national":
        _text(ws.cell(row=row, column=3), NATION)
        ws.cell(row=row, column=3).protection = st["locked"]
        ws.cell(row=row, column=3).fill = st["locked_fill"]
    elif kind == "region" and lists_ref:
        dv = DataValidation(type="list", formula1=lists_ref, allow_blank=True)
        dv.promptTitle = "填报地区"
        dv.prompt = "省级行政区请从列表选择；地市、县区请直接输入全称（如 苏州市）。"
        dv.errorStyle = "information"
        dv.errorTitle = "不在列表中"
        dv.error = "该名称不是省级行政区，将按地市或自定义地区处理。确认无误请点“确定”。"
        dv.showErrorMessage = True
        dv.showInputMessage = True
        ws.add_data_validation(dv)
        dv.add(ws.cell(row=row, column=3))


@dataclass(frozen=True)
class _DataLayout:
    """Column positions of the 指标数据 sheet for one template kind."""

    multi: bool
    years: tuple[int, ...]

    @property
    def off(self) -> int:  # the leading 地区 column of the multi-region template
        return 1 if self.multi else 0

    @property
    def year_col0(self) -> int:
        return self.off + 7

    @property
    def headers(self) -> list[str]:
        lead = [H_REGION] if self.multi else []
        fixed = [H_CODE, H_PILLAR, H_SUB, H_NAME, H_DEF, H_UNIT]
        return lead + fixed + [str(y) for y in self.years] + [H_SOURCE, H_NOTE]

    @property
    def widths(self) -> list[int]:
        return ([12] if self.multi else []) + [7, 9, 13, 24, 30, 7] + [11] * len(self.years) + [26, 16]


_DATA_TITLES = {
    "region": "两创融合发展指数 指标数据填报表",
    "multi": "两创融合发展指数 指标数据填报表（多地区）",
    "national": "两创融合发展指数 全国基准数据表",
}


def _data_sheet(
    wb,
    framework: Framework,
    kind: str,
    years: Sequence[int],
    regions: Sequence[str],
    prefill: dict[tuple[str, int], float],
    st,
    lists_ref: str | None,
) -> tuple[int, int]:
    """指标数据. Returns (header row, first data row)."""
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.workbook.defined_name import DefinedName

    ws = wb.create_sheet(SHEET_DATA)
    lay = _DataLayout(kind == "multi", tuple(years))
    n = len(lay.headers)
    for i, w in enumerate(lay.widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    subtitle = f"指标体系：{framework.id}（版本 {framework.version}）　填报年份：{years[0]}—{years[-1]}"
    _title(ws, _DATA_TITLES[kind], subtitle, n, st)
    _info_block(ws, wb, 3, kind, st, lists_ref, n)
    header_row = DATA_HEADER_ROW
    _header_row(ws, header_row, lay.headers, st)
    first = header_row + 1
    dvs = {code: _value_validation(framework, code) for code in framework.leaves}
    region_dv = _region_validation(lists_ref) if lay.multi else None
    values = prefill if kind == "national" else {}
    row = first
    for region in regions if lay.multi else [None]:
        for code in framework.leaves:
            _data_row(ws, framework, lay, row, region, code, values, st)
            dvs[code].add(
                f"{get_column_letter(lay.year_col0)}{row}:{get_column_letter(lay.year_col0 + len(years) - 1)}{row}"
            )
            if region_dv is not None:
                region_dv.add(ws.cell(row=row, column=1))
            if lay.multi and code == framework.leaves[0] and row > first:
                _block_rule(ws, row, n)
            row += 1
    last = row - 1
    for dv in [*dvs.values(), *([region_dv] if region_dv is not None else [])]:
        ws.add_data_validation(dv)
    foot = last + 2
    ws.merge_cells(start_row=foot, start_column=1, end_row=foot, end_column=n)
    _text(
        ws.cell(row=foot, column=1),
        "注：白色单元格为填报区。百分比指标填百分数（如 33.3），缺失留空并在备注说明；灰色单元格已保护（无密码），请勿修改。",
    )
    ws.cell(row=foot, column=1).font = st["small"]
    ws.cell(row=foot, column=1).alignment = st["left"]
    first_col, last_col = get_column_letter(lay.year_col0), get_column_letter(lay.year_col0 + len(years) - 1)
    ref = f"{quote_sheetname(ws.title)}!${first_col}${first}:${last_col}${last}"
    wb.defined_names["指标数据_填报区"] = DefinedName("指标数据_填报区", attr_text=ref)
    ws.freeze_panes = ws.cell(row=first, column=lay.year_col0)
    _page_setup(ws, f"{header_row}:{header_row}")
    if not lay.multi:
        ws.page_setup.fitToHeight = 1  # one region's 27 indicators on one A4 landscape page
    ws.print_area = f"A1:{get_column_letter(n)}{foot}"
    _protect(ws)
    return header_row, first


def _region_validation(lists_ref: str | None):
    """The 地区 column's list of provinces (other names allowed, with a note)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if not lists_ref:
        return None
    dv = DataValidation(type="list", formula1=lists_ref, allow_blank=False)
    dv.errorStyle = "information"
    dv.error = "该名称不是省级行政区，将按地市或自定义地区处理。"
    dv.prompt = "省级行政区请从列表选择；地市请直接输入名称。同一地区的各行名称须一致。"
    dv.showErrorMessage = True
    dv.showInputMessage = True
    return dv


def _data_row(ws, framework: Framework, lay: _DataLayout, row: int, region, code: str, values: dict, st) -> None:
    """One indicator row: locked description cells, unlocked year cells (prefilled for 全国), source, note."""
    node = framework.nodes[code]
    pillar = framework.nodes[framework.pillar_of(code)].name_zh
    sub = framework.nodes[node.parent].name_zh if node.parent else ""
    fixed = ([region] if lay.multi else []) + [code, pillar, sub, node.name_zh, node.definition_provincial, node.unit]
    for i, v in enumerate(fixed, start=1):
        c = ws.cell(row=row, column=i)
        _text(c, v or "")
        c.font, c.border = st["body"], st["border"]
        c.alignment = st["center"] if i in (lay.off + 1, lay.off + 2, lay.off + 6) else st["left"]
        c.fill = st["locked_fill"]
    if lay.multi:
        rc = ws.cell(row=row, column=1)
        rc.protection, rc.fill = st["unlocked"], st["info_fill"]
    for j, y in enumerate(lay.years):
        c = ws.cell(row=row, column=lay.year_col0 + j)
        _input_cell(c, st)
        if values.get((code, y)) is not None:
            c.value = values[(code, y)]
    src = ws.cell(row=row, column=lay.year_col0 + len(lay.years))
    _text(src, node.source)
    src.font, src.border, src.alignment, src.fill = st["small"], st["border"], st["left"], st["locked_fill"]
    note = ws.cell(row=row, column=lay.year_col0 + len(lay.years) + 1)
    note.protection, note.font, note.border, note.alignment = st["unlocked"], st["body"], st["border"], st["left"]
    # wrapped lines at 10 pt in the name (24 wide ≈ 11 CJK), definition (30 ≈ 14) and source (26 at 9 pt ≈ 14) columns
    lines = max(-(-len(node.name_zh) // 11), -(-len(node.definition_provincial) // 14), -(-len(node.source) // 14), 1)
    ws.row_dimensions[row].height = 13.5 * min(lines, 4) + 4


def _block_rule(ws, row: int, ncols: int) -> None:
    """A heavier rule above the row where the next region's block starts."""
    from openpyxl.styles import Border, Side

    for col in range(1, ncols + 1):
        c = ws.cell(row=row, column=col)
        c.border = Border(
            left=c.border.left, right=c.border.right, bottom=c.border.bottom, top=Side(style="medium", color="404040")
        )


def _basis_sheet(
    wb, kind: str, years: Sequence[int], regions: Sequence[str], prefill: dict[tuple[str, int], float], st
) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = wb.create_sheet(SHEET_BASIS)
    headers = [H_REGION, H_CODE, H_ITEM, H_UNIT] + [str(y) for y in years] + [H_SOURCE]
    n = len(headers)
    for i, w in enumerate([14, 12, 22, 8] + [12] * len(years) + [30], start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    _title(
        ws,
        "基础数据（地区生产总值与常住人口）",
        "用于融合水平评估：规模类指标按地区生产总值或人口折算后与全国比较。",
        n,
        st,
    )
    _header_row(ws, 4, headers, st)
    who = {"region": [LOCAL_REGION, NATION], "multi": list(regions) + [NATION], "national": [NATION]}[kind]
    sources = {
        BASIS_GDP: "国家统计局/本地区统计年鉴、统计公报",
        BASIS_POPULATION: "国家统计局/本地区统计年鉴、统计公报",
    }
    dv = DataValidation(type="decimal", operator="greaterThan", formula1="0", allow_blank=True)
    dv.errorTitle, dv.error = "输入无效", "请输入大于 0 的数值：地区生产总值单位亿元，常住人口单位万人。缺失请留空。"
    dv.promptTitle, dv.prompt = "基础数据", "地区生产总值（亿元，当年价）；年末常住人口（万人）。"
    dv.showErrorMessage = dv.showInputMessage = True
    row = 5
    for region in who:
        for code in (BASIS_GDP, BASIS_POPULATION):
            name, _, unit = BASIS_CODES[code]
            for i, v in enumerate([region, code, name, unit], start=1):
                c = ws.cell(row=row, column=i)
                _text(c, v)
                c.font, c.border, c.fill = (st["small"] if i == 2 else st["body"]), st["border"], st["locked_fill"]
                c.alignment = st["center"] if i != 3 else st["left"]
            for j, y in enumerate(years):
                c = ws.cell(row=row, column=5 + j)
                _input_cell(c, st)
                if region == NATION and kind != "national":  # the benchmark: read-only here, edited only in national
                    c.protection, c.fill = st["locked"], st["locked_fill"]
                if region == NATION and (code, y) in prefill:
                    c.value = prefill[(code, y)]
            dv.add(f"{get_column_letter(5)}{row}:{get_column_letter(4 + len(years))}{row}")
            s = ws.cell(row=row, column=5 + len(years))
            _text(s, sources[code])
            s.font, s.border, s.alignment, s.fill = st["small"], st["border"], st["left"], st["locked_fill"]
            ws.row_dimensions[row].height = 20
            row += 1
    ws.add_data_validation(dv)
    ws.freeze_panes = "E5"
    _page_setup(ws, "4:4")
    ws.print_area = f"A1:{get_column_letter(n)}{row - 1}"
    _protect(ws)


def _industry_sheet(wb, kind: str, st) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = wb.create_sheet(SHEET_INDUSTRY)
    multi = kind == "multi"
    headers = (
        ([H_REGION] if multi else [])
        + ["序号", H_INDUSTRY, H_STRATEGIC, H_LQ]
        + [f"{c}（1-5分）" for c in INDUSTRY_CRITERIA]
        + [H_EXPERT, H_NOTE]
    )
    widths = ([12] if multi else []) + [6, 24, 16, 9, 13, 13, 13, 15, 12, 20]
    n = len(headers)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    _title(
        ws,
        "主导产业融合潜力评分表（选填）",
        "每行一个产业、一位专家；同一产业可由多位专家分行评分。区位熵 = 本地区产业产值占比 ÷ 全国同产业产值占比（可不填）。",
        n,
        st,
    )
    _header_row(ws, 4, headers, st, height=42)
    off = 1 if multi else 0
    yn = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
    yn.error, yn.errorTitle, yn.showErrorMessage = "请选择“是”或“否”。", "输入无效", True
    score = DataValidation(type="whole", operator="between", formula1="1", formula2="5", allow_blank=True)
    score.error, score.errorTitle, score.showErrorMessage = "请输入 1—5 的整数分值（5 分最高）。", "输入无效", True
    score.prompt, score.showInputMessage = "1 分最低，5 分最高。", True
    lq = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    lq.error, lq.errorTitle, lq.showErrorMessage = "区位熵应为不小于 0 的数值，可不填。", "输入无效", True
    for r in range(5, 5 + INDUSTRY_ROWS):
        for col in range(1, n + 1):
            c = ws.cell(row=r, column=col)
            c.font, c.border = st["body"], st["border"]
            c.protection = st["unlocked"]
            c.alignment = st["center"] if col != off + 2 else st["left"]
        seq = ws.cell(row=r, column=off + 1)
        seq.value, seq.protection, seq.fill = r - 4, st["locked"], st["locked_fill"]
        ws.row_dimensions[r].height = 18
    L = get_column_letter
    yn.add(f"{L(off + 3)}5:{L(off + 3)}{4 + INDUSTRY_ROWS}")
    lq.add(f"{L(off + 4)}5:{L(off + 4)}{4 + INDUSTRY_ROWS}")
    score.add(f"{L(off + 5)}5:{L(off + 8)}{4 + INDUSTRY_ROWS}")
    for dv in (yn, lq, score):
        ws.add_data_validation(dv)
    ws.freeze_panes = ws.cell(row=5, column=off + 3)
    _page_setup(ws, "4:4")
    ws.print_area = f"A1:{L(n)}{4 + INDUSTRY_ROWS}"
    _protect(ws)


def _lists_sheet(wb) -> str:
    """A very-hidden sheet with the province list; returns the validation formula referencing it."""
    ws = wb.create_sheet(SHEET_LISTS)
    names = province_names()
    for i, name in enumerate(names, start=1):
        ws.cell(row=i, column=1, value=name)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
    return f"{SHEET_LISTS}!$A$1:$A${len(names)}"


def _meta_sheet(wb, meta: TemplateMeta, framework: Framework) -> None:
    ws = wb.create_sheet(SHEET_META)
    rows = [
        ("marker", MARKER),
        ("marker_version", meta.marker_version),
        ("kind", meta.kind),
        ("framework_id", meta.framework_id),
        ("framework_version", meta.framework_version),
        ("years", ",".join(str(y) for y in meta.years)),
        ("indicators", ",".join(framework.leaves)),
        ("created", date.today().isoformat()),
    ]
    for i, (k, v) in enumerate(rows, start=1):
        ws.cell(row=i, column=1, value=k)
        ws.cell(row=i, column=2, value=v)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True


# ----------------------------------------------------------------------------- public API
def build_template(
    framework: Framework,
    years: Iterable[int] = DEFAULT_YEARS,
    kind: str = "region",
    regions: Sequence[str] | None = None,
    contact: str = "",
    prefill: dict[tuple[str, int], float] | None = None,
):
    """A new openpyxl Workbook for `kind` ('region', 'multi', 'national').

    `regions` (multi only) defaults to the 31 provinces; `prefill` (national only) defaults to
    the shipped national benchmark.
    """
    from openpyxl import Workbook

    if kind not in KINDS:
        raise ValueError(f"模板类型应为 {'/'.join(KINDS)}")
    years = tuple(sorted({int(y) for y in years}))
    if not years:
        raise ValueError("至少需要一个年份")
    if kind == "multi":
        regions = list(regions or province_names())
        if not 0 < len(regions) <= MAX_TEMPLATE_REGIONS:
            raise ValueError(f"多地区模板的地区数应在 1—{MAX_TEMPLATE_REGIONS} 之间")
    else:
        regions = []
    if prefill is None:
        prefill = national_benchmark_values() if kind in ("national", "region", "multi") else {}
    st = _styles()
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "两创融合评估"
    wb.properties.title = f"两创融合发展指数填报模板（{framework.id} {framework.version}）"
    wb.properties.keywords = f"{MARKER};{kind};{framework.id};{framework.version}"
    _input_style(wb, st)
    lists_ref = _lists_sheet(wb)
    _guide_sheet(wb, framework, kind, years, contact, st)
    _data_sheet(wb, framework, kind, years, regions, prefill, st, lists_ref)
    basis_prefill = {k: v for k, v in prefill.items() if k[0] in BASIS_CODES}
    _basis_sheet(wb, kind, years, regions, basis_prefill, st)
    if kind != "national":
        _industry_sheet(wb, kind, st)
    _meta_sheet(wb, TemplateMeta(kind, framework.id, framework.version, years), framework)
    # _lists was created first for the validation reference; move the visible sheets to the front
    lists = wb[SHEET_LISTS]
    wb._sheets.remove(lists)
    wb._sheets.insert(len(wb._sheets) - 1, lists)
    wb.active = 0
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws.title == SHEET_GUIDE
    wb.security = None
    return wb


def write_template(
    path: str | Path,
    framework: Framework,
    years: Iterable[int] = DEFAULT_YEARS,
    kind: str = "region",
    regions: Sequence[str] | None = None,
    contact: str = "",
) -> Path:
    """Generate a template and save it atomically to `path` (.xlsx)."""
    wb = build_template(framework, years, kind, regions=regions, contact=contact)
    target = Path(path)
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return target
