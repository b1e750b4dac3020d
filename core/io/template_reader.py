"""Read filled-in templates (填报模板) into observations with cell-level provenance and problems.

The template is found by header text, codes and defined names rather than fixed cell
addresses, so inserted rows or moved columns still read correctly (and are reported). Every
conversion (全角→半角, “33.3%”→33.3, text→number) is listed as an INFO problem; anything the
importer cannot read without guessing is an ERROR on the exact cell; a suspicious value (5×
its neighbours) is a WARNING. Input files are opened read-only and never written.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from ..kernel.problems import Problem, Severity
from ..model.framework import Framework
from ..model.observations import BASIS_CODES, NATION, Observation, ObservationTable, Provenance
from ..model.regions import canonical_region_name
from . import template_writer as T
from .xlsx_safety import SafetyReport, precheck_xlsx

MIN_YEAR, MAX_YEAR = 1990, 2100
OUTLIER_FACTOR = 5.0
MISSING_MARKS = {
    "—",
    "——",
    "-",
    "--",
    "–",
    "―",
    "－",
    "无",
    "暂无",
    "空",
    "缺",
    "缺失",
    "不详",
    "/",
    "\\",
    "NA",
    "N/A",
    "n/a",
    "na",
    "null",
    "NULL",
    "none",
    "None",
    "…",
    "...",
}
EXCEL_ERRORS = {
    "#DIV/0!",
    "#N/A",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#GETTING_DATA",
    "#SPILL!",
    "#CALC!",
}
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
_YEAR_HEADER = re.compile(r"(\d{4})\s*年?(度)?")


@dataclass(frozen=True)
class IndustryEntry:
    """One row of the optional 主导产业 sheet (spec 02 §2.7): one industry scored by one expert."""

    region: str
    industry: str
    strategic: bool | None
    location_quotient: float | None
    scores: tuple[float | None, float | None, float | None, float | None]  # T.INDUSTRY_CRITERIA order
    expert: str | None
    note: str | None
    provenance: Provenance


@dataclass(frozen=True)
class FileInfo:
    """What a file says about itself (填报信息 and the template marker)."""

    file: str
    kind: str  # region | multi | national | long
    framework_id: str | None = None
    framework_version: str | None = None
    region: str | None = None
    filled_by: str | None = None
    phone: str | None = None
    filled_on: str | None = None


@dataclass
class ImportResult:
    """Observations, problems, industries and file information from one or many files."""

    observations: ObservationTable = field(default_factory=ObservationTable)
    problems: list[Problem] = field(default_factory=list)
    industries: list[IndustryEntry] = field(default_factory=list)
    files: list[FileInfo] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)

    def merge(self, other: ImportResult) -> None:
        self.observations.extend(other.observations)
        self.problems.extend(other.problems)
        self.industries.extend(other.industries)
        self.files.extend(other.files)


# ----------------------------------------------------------------------------- cell values
@dataclass
class CellReading:
    value: float | None
    notes: list[str] = field(default_factory=list)  # conversions made (INFO)
    error: tuple[str, str] | None = None  # (code, message)
    missing_mark: str | None = None  # "—" etc., read as missing


def format_number(v: float) -> str:
    return f"{v:.10g}"


def _is_percent_format(number_format: str | None) -> bool:
    if not number_format or "%" not in number_format:
        return False
    stripped = re.sub(r'"[^"]*"|\\.', "", number_format)  # ignore literal text in the format
    return "%" in stripped


def read_number(raw: object, unit: str, number_format: str | None = None, *, text_file: bool = False) -> CellReading:
    """One cell → number or missing, with every conversion listed; never guesses beyond those rules.

    `text_file`: the value comes from a text format (CSV) where every number is text, so
    "number stored as text" is not worth a note there.
    """
    is_pct = unit.strip() == "%"
    if raw is None:
        return CellReading(None)
    if isinstance(raw, bool):
        return CellReading(
            None,
            error=(
                "value_bool",
                f"单元格是逻辑值 {'TRUE' if raw else 'FALSE'}，不是数字。请填写数值（单位：{unit}）。",
            ),
        )
    if isinstance(raw, (datetime, date, time, timedelta)):
        return CellReading(
            None,
            error=(
                "value_date",
                f"单元格被识别为日期或时间（{raw}），不是数字。请把单元格格式设为“常规”或“数值”后重新输入数字（单位：{unit}）。",
            ),
        )
    if isinstance(raw, (int, float)):
        value = float(raw)
        notes: list[str] = []
        if not math.isfinite(value):
            return CellReading(None, error=("value_not_finite", "数值无效（无穷大或非数字）。请填写有限的数值。"))
        if _is_percent_format(number_format):
            if is_pct:
                shown = value
                value = float(f"{value * 100:.12g}")
                notes.append(
                    f"单元格为百分比格式（显示为 {format_number(shown * 100)}%，存储值 {format_number(shown)}），按百分数 {format_number(value)} 读取"
                )
            else:
                notes.append(
                    f"单元格为百分比格式，但该指标单位为“{unit}”；按存储值 {format_number(value)} 读取，请核对"
                )
        return CellReading(value, notes)
    text = str(raw)
    stripped = text.strip().strip("\u3000\xa0\u200b")
    if not stripped:
        return CellReading(None, ["单元格只含空白字符，按缺失处理"], missing_mark="（空白）")
    if stripped in EXCEL_ERRORS:
        return CellReading(
            None, error=("value_excel_error", f"单元格是公式错误值 {stripped}。请修正公式或直接填写数值。")
        )
    if stripped in MISSING_MARKS:
        return CellReading(None, [f"“{stripped}”按缺失处理；缺失数据请直接留空"], missing_mark=stripped)
    notes = []
    s = unicodedata.normalize("NFKC", stripped).replace("\u2212", "-").replace("\u3002", ".").strip()
    if s != stripped:
        notes.append("全角字符已转为半角")
    if s in MISSING_MARKS:
        return CellReading(None, notes + [f"“{stripped}”按缺失处理；缺失数据请直接留空"], missing_mark=stripped)
    percent = False
    if s.endswith("%"):
        percent = True
        s = s[:-1].strip()
    if "," in s:
        if _THOUSANDS.fullmatch(s):
            s = s.replace(",", "")
            notes.append("已去除千分位逗号")
        else:
            return CellReading(
                None,
                error=(
                    "value_comma",
                    f"“{text}”中的逗号不是规范的千分位分隔符（可能把小数点写成了逗号）。请填写不带逗号的数字，如 1234.5。",
                ),
            )
    if not _NUMBER.fullmatch(s):
        return CellReading(
            None,
            error=(
                "value_text",
                f"单元格内容“{text}”不是数字。请只填写数字（单位见“单位”列：{unit}），说明文字写在“备注”列；缺失请留空。",
            ),
        )
    value = float(s)
    if percent:
        if not is_pct:
            return CellReading(
                None,
                error=(
                    "value_percent_sign",
                    f"“{text}”带百分号，但该指标单位为“{unit}”，不是百分比。请填写以“{unit}”为单位的数值。",
                ),
            )
        notes.append(f"已去除百分号，“{stripped}”按百分数 {format_number(value)} 读取")
    if not text_file:
        notes.append("数字以文本形式存储，已按数值读取（建议将单元格格式改为“数值”）")
    return CellReading(value, notes)


def _year_of(header: object) -> int | None:
    if isinstance(header, bool) or header is None:
        return None
    if isinstance(header, (int, float)):
        return int(header) if float(header).is_integer() else None
    s = unicodedata.normalize("NFKC", str(header)).strip()
    m = _YEAR_HEADER.fullmatch(s)
    return int(m.group(1)) if m else None


def _norm(text: object) -> str:
    return "".join(unicodedata.normalize("NFKC", str(text)).split()) if text is not None else ""


# ----------------------------------------------------------------------------- workbook reading
def _load(path: Path):
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Data Validation extension is not supported" and the like
        return load_workbook(path, data_only=True, keep_links=False, rich_text=False)


def is_template_workbook(path: str | Path) -> bool:
    """True when an .xlsx looks like one of our templates (hidden marker or the 指标数据 sheet)."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            if zf.getinfo("xl/workbook.xml").file_size > 5_000_000:
                return False  # implausible; the safety pre-check will report it
            wb_xml = zf.read("xl/workbook.xml")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False
    text = wb_xml.decode("utf-8", errors="replace")
    return f'name="{T.SHEET_META}"' in text or f'name="{T.SHEET_DATA}"' in text


def _read_meta(wb) -> dict[str, str]:
    if T.SHEET_META not in wb.sheetnames:
        return {}
    ws = wb[T.SHEET_META]
    out = {}
    for row in ws.iter_rows(min_row=1, max_row=50, max_col=2, values_only=True):
        if row and row[0] is not None:
            out[str(row[0])] = "" if row[1] is None else str(row[1])
    return out


def _defined_cell(wb, name: str):
    """(sheet title, coordinate) of a single-cell defined name, or None."""
    try:
        dn = wb.defined_names.get(name)
    except Exception:
        dn = None
    if dn is None:
        return None
    try:
        for title, coord in dn.destinations:
            return title, coord.replace("$", "").split(":")[0]
    except Exception:
        return None
    return None


def _find_header(
    ws, required: tuple[str, ...], max_scan: int = 40
) -> tuple[int, dict[str, int], dict[int, object]] | None:
    """First row containing all `required` headers: (row, header text → column, column → raw header)."""
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=max_scan, values_only=True), start=1):
        names = {}
        raw = {}
        for c, v in enumerate(row, start=1):
            if v is None:
                continue
            raw[c] = v
            key = _norm(v)
            names.setdefault(key, c)
        if all(_norm(h) in names for h in required):
            return r, names, raw
    return None


def _sheet_for(
    wb, expected: str, required: tuple[str, ...], name: str, problems: list[Problem], optional: bool = False
):
    """The sheet by name, else one whose header matches (renamed: WARNING), else ERROR/None."""
    if expected in wb.sheetnames:
        return wb[expected]
    for ws in wb.worksheets:
        if ws.title.startswith("_") or ws.sheet_state != "visible":
            continue
        if _find_header(ws, required, 15):
            problems.append(
                Problem(
                    "sheet_renamed",
                    f"找不到工作表“{expected}”，但工作表“{ws.title}”的表头与之相符，已按“{expected}”读取。请勿修改模板中的工作表名称。",
                    Severity.WARNING,
                    file=name,
                    sheet=ws.title,
                )
            )
            return ws
    if not optional:
        visible = "、".join(f"“{t}”" for t in wb.sheetnames if not t.startswith("_")) or "（无）"
        sev = Severity.ERROR if expected == T.SHEET_DATA else Severity.WARNING
        what = "无法读取指标数据" if expected == T.SHEET_DATA else "融合水平评估将缺少地区生产总值和人口数据"
        problems.append(
            Problem(
                "sheet_missing",
                f"缺少工作表“{expected}”（工作簿中的工作表：{visible}），{what}。请使用原模板填报，不要删除或改名工作表。",
                sev,
                file=name,
                sheet=expected,
            )
        )
    return None


class _Reader:
    """State for reading one template workbook."""

    def __init__(self, path: Path, framework: Framework, name: str, safety: SafetyReport, imported_at: str | None):
        self.path = path
        self.fw = framework
        self.name = name
        self.safety = safety
        self.imported_at = imported_at
        self.result = ImportResult()
        self.leaves = set(framework.leaves)

    # -- helpers
    def problem(self, code: str, message: str, severity: Severity = Severity.ERROR, **where) -> None:
        self.result.problems.append(Problem(code, message, severity, file=self.name, **where))

    def prov(self, sheet: str, cell: str, row: int) -> Provenance:
        return Provenance(file=self.name, sheet=sheet, cell=cell, row=row, imported_at=self.imported_at)

    def region_of(self, text: object, sheet: str, cell: str, allow_local: str | None = None) -> str | None:
        """Canonical region for a name cell; short forms mapped (INFO), unknown names kept (WARNING)."""
        if text is None or not str(text).strip():
            return None
        raw = str(text).strip()
        if allow_local and _norm(raw) == T.LOCAL_REGION:
            return allow_local
        canon = canonical_region_name(raw)
        if canon is not None:
            if canon != raw and (sheet, raw) not in self._known_regions:
                self._known_regions.add((sheet, raw))  # type: ignore[arg-type]
                self.problem(
                    "region_name_mapped",
                    f"地区名称“{raw}”已识别为“{canon}”。",
                    Severity.INFO,
                    sheet=sheet,
                    cell=cell,
                    region=canon,
                )
            return canon
        cleaned = _norm(raw)
        if cleaned != raw:
            self.problem(
                "region_name_cleaned",
                f"地区名称“{raw}”已去除空白、全角字符转为半角，读作“{cleaned}”。",
                Severity.INFO,
                sheet=sheet,
                cell=cell,
                region=cleaned,
            )
        if cleaned not in self._known_regions:
            self._known_regions.add(cleaned)
            self.problem(
                "region_unknown",
                f"地区名称“{cleaned}”不是省级行政区的规范名称，已按地市或自定义地区导入。如是省级行政区，请从下拉列表选择规范名称（如“江苏省”）；如是地市，请确认各文件中名称写法一致。",
                Severity.WARNING,
                sheet=sheet,
                cell=cell,
                region=cleaned,
            )
        return cleaned

    _known_regions: set

    # -- main
    def read(self) -> ImportResult:
        self._known_regions = set()
        try:
            wb = _load(self.path)
        except Exception as exc:  # openpyxl raises many types on slightly invalid XML
            self.problem(
                "file_unreadable",
                f"文件无法解析（{exc.__class__.__name__}），可能已损坏或由不规范的软件生成。请在 Excel 或 WPS 中打开并另存为 .xlsx 后重试。",
            )
            return self.result
        try:
            self._read_workbook(wb)
        finally:
            wb.close()
        return self.result

    def _read_workbook(self, wb) -> None:
        meta = _read_meta(wb)
        kind = meta.get("kind", "")
        if not meta or meta.get("marker") != T.MARKER:
            self.problem(
                "template_marker_missing",
                f"未找到模板标识（隐藏的 {T.SHEET_META} 信息），无法确认模板版本，已按当前指标体系 {self.fw.id}（{self.fw.version}）读取。请使用本程序生成的模板填报。",
                Severity.WARNING,
            )
        else:
            fid, fver = meta.get("framework_id", ""), meta.get("framework_version", "")
            if fid != self.fw.id or fver != self.fw.version:
                self.problem(
                    "template_version_mismatch",
                    f"该模板对应指标体系 {fid}（版本 {fver}），与当前使用的 {self.fw.id}（版本 {self.fw.version}）不一致，指标口径或单位可能不同，未读取数据。请用当前版本重新生成模板并转录数据，或加载该模板对应的指标体系文件后再导入。",
                )
                self.result.files.append(FileInfo(self.name, kind or "region", fid, fver))
                return
        template_years = tuple(int(y) for y in meta.get("years", "").split(",") if y.strip().isdigit())
        data_ws = _sheet_for(wb, T.SHEET_DATA, (T.H_CODE, T.H_NAME), self.name, self.result.problems)
        if data_ws is None:
            return
        info = self._read_info(wb, data_ws, kind)
        if kind == "national" and info.region not in (None, NATION):
            self.problem(
                "national_region_changed",
                f"全国基准模板的地区应为“{NATION}”，文件中为“{info.region}”。请使用地区模板填报地区数据。",
                sheet=data_ws.title,
            )
            return
        self.result.files.append(info)
        self._read_data(data_ws, info, template_years)
        basis_ws = _sheet_for(wb, T.SHEET_BASIS, (T.H_CODE, T.H_ITEM), self.name, self.result.problems)
        if basis_ws is not None:
            self._read_basis(basis_ws, info, template_years)
        if kind != "national" and T.SHEET_INDUSTRY in wb.sheetnames:
            self._read_industry(wb[T.SHEET_INDUSTRY], info)

    def _read_info(self, wb, data_ws, kind: str) -> FileInfo:
        values: dict[str, tuple[object, str, str]] = {}
        for name in (T.NAME_REGION, T.NAME_FILLED_BY, T.NAME_PHONE, T.NAME_DATE):
            loc = _defined_cell(wb, name)
            if loc and loc[0] in wb.sheetnames:
                values[name] = (wb[loc[0]][loc[1]].value, loc[0], loc[1])
        region = None
        region_raw = values.get(T.NAME_REGION)
        if kind == "national":
            region = NATION
        elif kind != "multi":
            if region_raw is None:
                region_raw = self._find_label_value(data_ws, "填报地区")
            if region_raw is None or region_raw[0] is None or not str(region_raw[0]).strip():
                sheet, cell = (region_raw[1], region_raw[2]) if region_raw else (data_ws.title, None)
                self.problem(
                    "region_missing",
                    "未填写“填报地区”。请在“指标数据”表顶部的填报地区单元格中选择或输入地区名称（如 江苏省、苏州市）。",
                    sheet=sheet,
                    cell=cell,
                )
            else:
                region = self.region_of(region_raw[0], region_raw[1], region_raw[2])

        def text(key: str) -> str | None:
            v = values.get(key)
            if v is None or v[0] is None:
                return None
            return v[0].date().isoformat() if isinstance(v[0], datetime) else str(v[0]).strip() or None

        return FileInfo(
            self.name,
            kind or "region",
            self.fw.id,
            self.fw.version,
            region,
            text(T.NAME_FILLED_BY),
            text(T.NAME_PHONE),
            text(T.NAME_DATE),
        )

    def _find_label_value(self, ws, label: str):
        for row in ws.iter_rows(min_row=1, max_row=10):
            for c in row:
                if c.value is not None and _norm(c.value).rstrip(":：") == label:
                    for nxt in ws.iter_rows(min_row=c.row, max_row=c.row, min_col=c.column + 1, max_col=c.column + 4):
                        for n in nxt:
                            if n.value is not None:
                                return n.value, ws.title, n.coordinate
                    return None, ws.title, c.offset(column=2).coordinate
        return None

    def _year_columns(
        self,
        ws,
        header_row: int,
        raw: dict[int, object],
        first_year_col: int,
        template_years: tuple[int, ...],
        known: set[int],
    ) -> dict[int, int]:
        """Column → year for the header row, reporting unknown, duplicate and unreadable year headers."""
        from openpyxl.utils import get_column_letter

        cols: dict[int, int] = {}
        seen: dict[int, int] = {}
        for c in sorted(raw):
            if c < first_year_col or c in known:
                continue
            header = raw[c]
            year = _year_of(header)
            cell = f"{get_column_letter(c)}{header_row}"
            if year is None:
                if _norm(header) in (_norm(T.H_SOURCE), _norm(T.H_NOTE)):
                    continue
                self.problem(
                    "year_header_invalid",
                    f"列标题“{header}”不是年份，该列的数值不会被读取。年份列标题请写四位年份，如 2023。",
                    sheet=ws.title,
                    cell=cell,
                )
                continue
            if not MIN_YEAR <= year <= MAX_YEAR:
                self.problem(
                    "year_out_of_range",
                    f"年份 {year} 超出可接受范围（{MIN_YEAR}—{MAX_YEAR}），该列未读取。请检查列标题。",
                    sheet=ws.title,
                    cell=cell,
                    year=year,
                )
                continue
            if year in seen:
                self.problem(
                    "year_duplicate",
                    f"年份 {year} 出现在两列（{get_column_letter(seen[year])} 列和 {get_column_letter(c)} 列），无法确定以哪列为准，两列都未读取。请删除多余的一列。",
                    sheet=ws.title,
                    cell=cell,
                    year=year,
                )
                cols.pop(seen[year], None)
                continue
            seen[year] = c
            if template_years and year not in template_years:
                self.problem(
                    "year_not_in_template",
                    f"年份 {year} 不在本模板的年份（{template_years[0]}—{template_years[-1]}）中，可能是自行添加的列；已读取该列，请确认。",
                    Severity.WARNING,
                    sheet=ws.title,
                    cell=cell,
                    year=year,
                )
            cols[c] = year
        return cols

    def _merged_in(self, ws, min_row: int, min_col: int, max_col: int, code_col: int | None = None) -> None:
        for rng in list(ws.merged_cells.ranges):
            if rng.max_row < min_row or rng.max_col < min_col or rng.min_col > max_col:
                continue
            top = ws.cell(row=rng.min_row, column=rng.min_col).value
            if isinstance(top, str) and top.strip().startswith("注"):
                continue  # the template's own footnote
            if (
                top is None
                and code_col
                and not any(ws.cell(row=r, column=code_col).value for r in range(rng.min_row, rng.max_row + 1))
            ):
                continue  # an empty merge outside the indicator rows loses nothing
            self.problem(
                "merged_cells",
                f"单元格 {rng.coord} 被合并：合并后只有左上角单元格保留数值，其余单元格的数据会丢失。请取消合并，并逐格填写数值。",
                sheet=ws.title,
                cell=rng.coord.split(":")[0],
            )

    def _formula_check(self, ws, coord: str, value: object, **where) -> bool:
        """True when the cell may be used; formulas without cached values are errors."""
        f = self.safety.formulas.get(ws.title, {}).get(coord)
        if f is None:
            return True
        if not f.has_cached_value or value is None:
            self.problem(
                "formula_no_value",
                "单元格是公式，但文件中没有保存计算结果（常见于由程序生成、未经 Excel/WPS 打开保存的文件），无法读取数值。请在 Excel 或 WPS 中打开并保存一次，或把公式改为数值。",
                sheet=ws.title,
                cell=coord,
                **where,
            )
            return False
        self.problem(
            "formula_cached",
            f"单元格是公式，按文件中保存的计算结果 {value} 读取（不重新计算，不跟随外部链接）。",
            Severity.INFO,
            sheet=ws.title,
            cell=coord,
            **where,
        )
        return True

    def _read_data(self, ws, info: FileInfo, template_years: tuple[int, ...]) -> None:
        from openpyxl.utils import get_column_letter

        found = _find_header(ws, (T.H_CODE,))
        if found is None:
            self.problem(
                "header_missing",
                f"在工作表前 40 行中找不到含“{T.H_CODE}”的表头行，无法定位指标。请使用原模板，不要删除表头。",
                sheet=ws.title,
            )
            return
        header_row, names, raw = found
        code_col = names[_norm(T.H_CODE)]
        region_col = names.get(_norm(T.H_REGION))
        unit_col = names.get(_norm(T.H_UNIT))
        name_col = names.get(_norm(T.H_NAME))
        known_cols = {c for c in (code_col, region_col, unit_col, name_col) if c}
        known_cols |= {
            names[_norm(h)] for h in (T.H_PILLAR, T.H_SUB, T.H_DEF, T.H_SOURCE, T.H_NOTE) if _norm(h) in names
        }
        first_year_col = max(c for c in (code_col, unit_col, name_col, region_col) if c) + 1
        years = self._year_columns(ws, header_row, raw, first_year_col, template_years, known_cols)
        multi = region_col is not None
        if header_row != 5:
            self.problem(
                "layout_moved",
                f"表头位于第 {header_row} 行（模板为第 5 行），可能插入或删除了行；已按表头和指标代码定位读取，请核对。",
                Severity.INFO,
                sheet=ws.title,
                row=header_row,
            )
        if not years:
            self.problem(
                "no_year_columns",
                "表头中没有任何年份列，未读取数据。请使用原模板，年份列标题为四位年份（如 2023）。",
                sheet=ws.title,
                row=header_row,
            )
            return
        self._merged_in(ws, header_row + 1, 1, max(years) if years else code_col, code_col)
        year_cols = sorted(years)
        last_col = min(max(ws.max_column, max(year_cols)), max(year_cols) + 20)  # moved values sit nearby
        # columns with no header that hold numbers: moved cells
        unlabeled = [c for c in range(first_year_col, last_col + 1) if c not in years and c not in raw]
        expected_order = list(self.fw.leaves)
        seen_keys: dict[tuple[str | None, str], int] = {}
        region_rows: dict[str | None, list[str]] = {}
        order_warned = False
        last_row = min(ws.max_row, header_row + (T.MAX_TEMPLATE_REGIONS + 1) * len(self.fw.leaves) + 100)
        for row in ws.iter_rows(min_row=header_row + 1, max_row=last_row, max_col=last_col):
            r = row[0].row

            def cell(c: int, row=row, r=r):
                return row[c - 1] if c - 1 < len(row) else ws.cell(row=r, column=c)

            code_raw = cell(code_col).value
            code = _norm(code_raw) if code_raw is not None else ""
            has_values = any(cell(c).value not in (None, "") for c in year_cols)
            for c in unlabeled:
                v = cell(c).value
                if v not in (None, "") and (code in self.leaves or has_values):
                    self.problem(
                        "value_outside_area",
                        f"单元格有内容“{v}”，但所在列没有年份表头，不会被读取。可能是数据被移动或错位，请把数值移回对应年份列。",
                        sheet=ws.title,
                        cell=f"{get_column_letter(c)}{r}",
                        row=r,
                        indicator=code or None,
                    )
            if not code:
                if has_values:
                    bad = next(cell(c).coordinate for c in year_cols if cell(c).value not in (None, ""))
                    self.problem(
                        "code_missing",
                        "该行填有数值，但“代码”列为空，无法确定是哪个指标。请勿删除或移动代码列内容；如是多余的行请删除。",
                        sheet=ws.title,
                        cell=bad,
                        row=r,
                    )
                continue
            if code.startswith("注"):
                continue
            if code not in self.leaves:
                self.problem(
                    "indicator_unknown",
                    f"指标代码“{code_raw}”不在指标体系 {self.fw.id}（{self.fw.version}）中，该行未读取。请勿修改代码列；如使用了其他版本的模板，请换用当前模板。",
                    sheet=ws.title,
                    cell=cell(code_col).coordinate,
                    row=r,
                )
                continue
            region = info.region
            if multi:
                rc = cell(region_col)
                region = self.region_of(rc.value, ws.title, rc.coordinate)
                if region is None:
                    if has_values:
                        self.problem(
                            "region_missing",
                            "该行填有数值，但“地区”列为空。请填写地区名称（同一地区的各行名称须一致）。",
                            sheet=ws.title,
                            cell=rc.coordinate,
                            row=r,
                            indicator=code,
                        )
                    continue
            key = (region, code)
            if key in seen_keys:
                self.problem(
                    "indicator_duplicate_row",
                    f"指标 {code} 在第 {seen_keys[key]} 行已出现，第 {r} 行重复，无法确定以哪行为准，本行未读取。请删除重复的行。",
                    sheet=ws.title,
                    cell=cell(code_col).coordinate,
                    row=r,
                    region=region,
                    indicator=code,
                )
                continue
            seen_keys[key] = r
            region_rows.setdefault(region, []).append(code)
            node = self.fw.nodes[code]
            if unit_col:
                u = cell(unit_col).value
                if u is not None and _norm(u) != _norm(node.unit):
                    self.problem(
                        "unit_changed",
                        f"“单位”列为“{u}”，但指标体系规定单位为“{node.unit}”。单位列不应修改；请按“{node.unit}”换算数值并恢复单位列。",
                        sheet=ws.title,
                        cell=cell(unit_col).coordinate,
                        row=r,
                        region=region,
                        indicator=code,
                    )
                    continue
            if region is None:
                continue
            self._read_row(ws, r, code, region, [(y, cell(c)) for c, y in sorted(years.items(), key=lambda kv: kv[1])])
        # rows the template has but the file lacks
        for region, codes in region_rows.items():
            missing = [c for c in expected_order if c not in set(codes)]
            for c in missing:
                self.problem(
                    "indicator_row_missing",
                    f"缺少指标 {self.fw.label(c)} 所在的行（可能被删除）。请使用原模板，不要删除指标行；无数据的指标请留空。",
                    sheet=ws.title,
                    region=region,
                    indicator=c,
                )
            present = [c for c in codes if c in set(expected_order)]
            if not order_warned and present != [c for c in expected_order if c in set(present)]:
                order_warned = True
                self.problem(
                    "layout_moved",
                    "指标行的顺序与模板不同（行被移动或排序过），已按“代码”列识别各指标读取，请核对。",
                    Severity.INFO,
                    sheet=ws.title,
                    region=region,
                )
        if not region_rows and not any(p.code == "region_missing" for p in self.result.problems):
            self.problem("no_indicator_rows", "表中没有找到任何指标行。请使用原模板填报。", sheet=ws.title)

    def _read_row(self, ws, r: int, code: str, region: str, cells: list) -> None:
        """Convert one indicator row, then compare each value with its neighbours in the row."""
        node = self.fw.nodes[code]
        unit = node.unit
        good: list[tuple[int, float, str]] = []
        for year, c in cells:
            raw = c.value
            where = {
                "sheet": ws.title,
                "cell": c.coordinate,
                "row": r,
                "region": region,
                "indicator": code,
                "year": year,
            }
            if not self._formula_check(
                ws, c.coordinate, raw, **{k: v for k, v in where.items() if k not in ("sheet", "cell")}
            ):
                continue
            v = self._read_value(raw, unit, c.number_format, where)
            if v is None:
                continue
            if v < 0:
                self.result.problems.append(
                    Problem(
                        "value_negative",
                        f"数值 {format_number(v)} 为负数，该指标不能为负。请核对原始统计数据（缺失请留空，不要填 -1 等代替）。",
                        Severity.ERROR,
                        file=self.name,
                        **where,
                    )
                )
                continue
            if unit.strip() == "%" and v > 100:
                self.result.problems.append(
                    Problem(
                        "value_percent_over_100",
                        f"数值 {format_number(v)} 超过 100，但该指标为百分比（0—100）。请核对：是否多乘了 100，或填成了其他单位的数值。",
                        Severity.ERROR,
                        file=self.name,
                        **where,
                    )
                )
                continue
            good.append((year, v, c.coordinate))
        flagged: set[int] = set()
        if unit.strip() == "%":
            for year, v, coord in good:
                others = [o for y, o, _ in good if y != year and o >= 1]
                if 0 < v < 1 and len(others) >= 1:
                    m = statistics.median(others)
                    if m >= 3 and m / 3 <= v * 100 <= m * 3:
                        flagged.add(year)
                        self.problem(
                            "percent_as_fraction",
                            f"疑似把百分比填成了小数：本行其他年份约为 {format_number(m)}，本格为 {format_number(v)}。如表示 {format_number(v * 100)}%，请填 {format_number(v * 100)}；如确为 {format_number(v)}%，请在“备注”列说明后重新导入。",
                            sheet=ws.title,
                            cell=coord,
                            row=r,
                            region=region,
                            indicator=code,
                            year=year,
                        )
        for year, v, coord in good:
            if year in flagged:
                continue
            others = [o for y, o, _ in good if y != year and y not in flagged]
            if len(others) >= 2:
                m = statistics.median(others)
                if m > 0 and (v > OUTLIER_FACTOR * m or (v > 0 and v < m / OUTLIER_FACTOR)):
                    ratio = v / m
                    how = (
                        f"约为本行其他年份中位数 {format_number(m)} 的 {ratio:.1f} 倍"
                        if ratio > 1
                        else f"仅为本行其他年份中位数 {format_number(m)} 的 {ratio:.2f} 倍"
                    )
                    self.problem(
                        "value_outlier",
                        f"数值 {format_number(v)} {how}，请核对单位（如万元与亿元）和数值是否正确。确认无误可忽略此提示。",
                        Severity.WARNING,
                        sheet=ws.title,
                        cell=coord,
                        row=r,
                        region=region,
                        indicator=code,
                        year=year,
                    )
            self.result.observations.add(
                Observation(region, code, year, v, provenance=self.prov(ws.title, coord, r), unit=unit)
            )

    def _read_basis(self, ws, info: FileInfo, template_years: tuple[int, ...]) -> None:
        found = _find_header(ws, (T.H_CODE, T.H_ITEM))
        if found is None:
            self.problem(
                "header_missing",
                f"工作表“{ws.title}”中找不到含“{T.H_CODE}”“{T.H_ITEM}”的表头行，基础数据未读取。请使用原模板的“基础数据”表。",
                Severity.WARNING,
                sheet=ws.title,
            )
            return
        header_row, names, raw = found
        code_col = names[_norm(T.H_CODE)]
        region_col = names.get(_norm(T.H_REGION))
        first = max(c for c in (code_col, names.get(_norm(T.H_UNIT)), names.get(_norm(T.H_ITEM))) if c) + 1
        known_cols = {names[k] for k in names if _year_of(raw[names[k]]) is None}
        years = self._year_columns(ws, header_row, raw, first, template_years, known_cols)
        self._merged_in(ws, header_row + 1, 1, max(years) if years else code_col, code_col)
        seen: dict[tuple[str, str], int] = {}
        for row in ws.iter_rows(min_row=header_row + 1, max_row=ws.max_row):
            r = row[0].row
            code = (
                _norm(row[code_col - 1].value)
                if code_col - 1 < len(row) and row[code_col - 1].value is not None
                else ""
            )
            if code not in BASIS_CODES:
                continue
            region = info.region
            if region_col:
                rc = row[region_col - 1]
                region = self.region_of(rc.value, ws.title, rc.coordinate, allow_local=info.region or None)
                if region is None and _norm(rc.value) == T.LOCAL_REGION:
                    continue  # the region is missing and already reported
            if region is None:
                continue
            if (region, code) in seen:
                self.problem(
                    "basis_duplicate_row",
                    f"{region} 的“{BASIS_CODES[code][0]}”在第 {seen[(region, code)]} 行已出现，本行重复未读取。请删除重复的行。",
                    sheet=ws.title,
                    row=r,
                    region=region,
                    indicator=code,
                )
                continue
            seen[(region, code)] = r
            unit = BASIS_CODES[code][2]
            for c, year in sorted(years.items(), key=lambda kv: kv[1]):
                cell = row[c - 1] if c - 1 < len(row) else ws.cell(row=r, column=c)
                where = {
                    "sheet": ws.title,
                    "cell": cell.coordinate,
                    "row": r,
                    "region": region,
                    "indicator": code,
                    "year": year,
                }
                if not self._formula_check(
                    ws, cell.coordinate, cell.value, row=r, region=region, indicator=code, year=year
                ):
                    continue
                value = self._read_value(cell.value, unit, cell.number_format, where)
                if value is None:
                    continue
                if value <= 0:
                    self.result.problems.append(
                        Problem(
                            "value_negative",
                            f"{BASIS_CODES[code][0]}应大于 0，文件中为 {format_number(value)}。请核对（缺失请留空）。",
                            Severity.ERROR,
                            file=self.name,
                            **where,
                        )
                    )
                    continue
                self.result.observations.add(
                    Observation(
                        region, code, year, value, provenance=self.prov(ws.title, cell.coordinate, r), unit=unit
                    )
                )

    def _read_value(self, raw: object, unit: str, number_format: str | None, where: dict) -> float | None:
        """read_number with every refusal (ERROR) and conversion (INFO) reported at `where`; None = no usable value."""
        reading = read_number(raw, unit, number_format)
        if reading.error:
            self.result.problems.append(
                Problem(reading.error[0], reading.error[1], Severity.ERROR, file=self.name, **where)
            )
            return None
        if reading.missing_mark is not None:
            self.result.problems.append(
                Problem("value_missing_mark", "；".join(reading.notes) + "。", Severity.INFO, file=self.name, **where)
            )
            return None
        if reading.value is not None and reading.notes:
            self.result.problems.append(
                Problem(
                    "value_converted",
                    f"“{raw}”读作 {format_number(reading.value)}：" + "；".join(reading.notes) + "。",
                    Severity.INFO,
                    file=self.name,
                    **where,
                )
            )
        return reading.value

    def _read_industry(self, ws, info: FileInfo) -> None:
        found = _find_header(ws, (T.H_INDUSTRY,))
        if found is None:
            return
        header_row, names, raw = found
        col_name = names[_norm(T.H_INDUSTRY)]
        col_region = names.get(_norm(T.H_REGION))
        col_strat = names.get(_norm(T.H_STRATEGIC))
        col_lq = names.get(_norm(T.H_LQ))
        col_expert = names.get(_norm(T.H_EXPERT))
        col_note = names.get(_norm(T.H_NOTE))
        crit_cols = [
            next((c for k, c in names.items() if k.startswith(_norm(crit))), None) for crit in T.INDUSTRY_CRITERIA
        ]
        for row in ws.iter_rows(min_row=header_row + 1, max_row=min(ws.max_row, header_row + 500)):
            r = row[0].row

            def val(c, row=row):
                return row[c - 1].value if c and c - 1 < len(row) else None

            def coord(c, row=row):
                return row[c - 1].coordinate if c and c - 1 < len(row) else None

            name = val(col_name)
            filled = [c for c in [col_strat, col_lq, col_expert, *crit_cols] if c and val(c) not in (None, "")]
            if name is None or not str(name).strip():
                if filled:
                    self.problem(
                        "industry_name_missing",
                        "该行填有评分，但“产业名称”为空。请填写产业名称或清空本行。",
                        sheet=ws.title,
                        cell=coord(col_name),
                        row=r,
                    )
                continue
            region = info.region
            if col_region:
                region = self.region_of(val(col_region), ws.title, coord(col_region))
                if region is None:
                    self.problem(
                        "region_missing",
                        "主导产业表该行缺少地区名称，未读取。请填写地区名称。",
                        sheet=ws.title,
                        cell=coord(col_region),
                        row=r,
                    )
                    continue
            if region is None:
                continue
            ok = True
            strategic = None
            s = val(col_strat)
            if s not in (None, ""):
                t = _norm(s)
                if t in ("是", "Y", "y", "yes", "1", "√"):
                    strategic = True
                elif t in ("否", "N", "n", "no", "0", "×"):
                    strategic = False
                else:
                    ok = False
                    self.problem(
                        "industry_strategic_invalid",
                        f"“{s}”无法识别，请填“是”或“否”。",
                        sheet=ws.title,
                        cell=coord(col_strat),
                        row=r,
                        region=region,
                    )
            lq = None
            if val(col_lq) not in (None, ""):
                rd = read_number(val(col_lq), "", None)
                if rd.error or rd.value is None or rd.value < 0:
                    ok = False
                    self.problem(
                        "industry_lq_invalid",
                        f"区位熵“{val(col_lq)}”应为不小于 0 的数值，请更正或留空（可不填）。",
                        sheet=ws.title,
                        cell=coord(col_lq),
                        row=r,
                        region=region,
                    )
                else:
                    lq = rd.value
            scores: list[float | None] = []
            for crit, c in zip(T.INDUSTRY_CRITERIA, crit_cols, strict=False):
                v = val(c)
                if v in (None, ""):
                    scores.append(None)
                    continue
                rd = read_number(v, "", None)
                if rd.error or rd.value is None or not 1 <= rd.value <= 5:
                    ok = False
                    self.problem(
                        "industry_score_invalid",
                        f"“{crit}”评分“{v}”无效，请填写 1—5 的分值（5 分最高）。",
                        sheet=ws.title,
                        cell=coord(c),
                        row=r,
                        region=region,
                    )
                    scores.append(None)
                else:
                    scores.append(rd.value)
            if ok:
                expert = val(col_expert)
                note = val(col_note)
                self.result.industries.append(
                    IndustryEntry(
                        region,
                        str(name).strip(),
                        strategic,
                        lq,
                        tuple(scores),  # type: ignore[arg-type]
                        str(expert).strip() if expert else None,
                        str(note).strip() if note else None,
                        self.prov(ws.title, coord(col_name) or "", r),
                    )
                )


def read_template_workbook(
    path: str | Path, framework: Framework, *, display_name: str | None = None, imported_at: str | None = None
) -> ImportResult:
    """Read one filled-in template. Never raises for bad content; never writes to the file."""
    path = Path(path)
    name = display_name or path.name
    safety = precheck_xlsx(path, name)
    if not safety.ok:
        return ImportResult(problems=list(safety.problems))
    reader = _Reader(path, framework, name, safety, imported_at)
    reader.result.problems.extend(safety.problems)
    try:
        return reader.read()
    except Exception as exc:  # last resort: a problem, not a traceback
        reader.problem(
            "file_unreadable",
            f"读取时出错（{exc.__class__.__name__}: {exc}）。请在 Excel 或 WPS 中另存为 .xlsx 后重试；如仍失败，请将文件发给技术支持。",
        )
        return reader.result
