"""指标数据: one row per indicator (per region in the multi-region template), one column per year.

Rows are found by the 代码 column and years by their header text, so moved rows and columns
still read correctly (and are reported). Each row's values are compared with the row's other
years: a percentage entered as a fraction is an ERROR, a value 5× off its neighbours a WARNING.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...kernel.messages import msg
from ...kernel.problems import Severity
from ...model.observations import Observation
from ..numbers import format_number
from ..plausibility import fraction_years, outlier
from ..results import FileInfo
from ..template_layout import (
    DATA_HEADER_ROW,
    H_CODE,
    H_DEF,
    H_NAME,
    H_NOTE,
    H_PILLAR,
    H_REGION,
    H_SOURCE,
    H_SUB,
    H_UNIT,
    MAX_TEMPLATE_REGIONS,
)
from .sheets import check_merged, find_header, norm, year_columns

if TYPE_CHECKING:
    from .context import ReadContext


@dataclass(frozen=True)
class _Layout:
    """Where things are on the sheet, as found from its header row."""

    header_row: int
    code_col: int
    region_col: int | None
    unit_col: int | None
    name_col: int | None
    years: dict[int, int]  # column → year
    unlabeled: list[int]  # columns inside the data area without a header: moved values
    last_col: int
    note_cols: dict[str, int]  # note / source → column (备注, 建议数据来源): kept with each value

    @property
    def year_cols(self) -> list[tuple[int, int]]:
        """(column, year) in year order."""
        return sorted(self.years.items(), key=lambda kv: kv[1])


def read_data(ctx: ReadContext, ws, info: FileInfo) -> None:
    """Read every indicator row, then report rows the template has but the file lacks."""
    layout = _layout(ctx, ws)
    if layout is None:
        return
    check_merged(ctx, ws, layout.header_row + 1, max(layout.years), layout.code_col)
    seen: dict[tuple[str | None, str], int] = {}
    region_rows: dict[str | None, list[str]] = {}
    last_row = min(ws.max_row, layout.header_row + (MAX_TEMPLATE_REGIONS + 1) * len(ctx.fw.leaves) + 100)
    for row in ws.iter_rows(min_row=layout.header_row + 1, max_row=last_row, max_col=layout.last_col):
        found = _indicator_row(ctx, ws, layout, row, info, seen)
        if found is not None:
            region, code, cells = found
            region_rows.setdefault(region, []).append(code)
            if region is not None and cells is not None:
                notes = {k: _text(row, c) for k, c in layout.note_cols.items()}
                _read_row(ctx, ws, row[0].row, code, region, cells, notes)
    _report_row_order(ctx, ws, region_rows)


def _layout(ctx: ReadContext, ws) -> _Layout | None:
    found = find_header(ws, (H_CODE,))
    if found is None:
        ctx.problem("header_missing", {"detail": msg("header_missing.data", header=H_CODE)}, sheet=ws.title)
        return None
    header_row, names, raw = found
    code_col = names[norm(H_CODE)]
    region_col, unit_col, name_col = (names.get(norm(h)) for h in (H_REGION, H_UNIT, H_NAME))
    known = {c for c in (code_col, region_col, unit_col, name_col) if c}
    known |= {names[norm(h)] for h in (H_PILLAR, H_SUB, H_DEF, H_SOURCE, H_NOTE) if norm(h) in names}
    first_year_col = max(c for c in (code_col, unit_col, name_col, region_col) if c) + 1
    years = year_columns(ctx, ws, header_row, raw, first_year_col, known)
    if header_row != DATA_HEADER_ROW:
        args = {"detail": msg("layout_moved.header", row=header_row, expected=DATA_HEADER_ROW)}
        ctx.problem("layout_moved", args, Severity.INFO, sheet=ws.title, row=header_row)
    if not years:
        ctx.problem("no_year_columns", sheet=ws.title, row=header_row)
        return None
    note_cols = {k: names[norm(h)] for k, h in (("note", H_NOTE), ("source", H_SOURCE)) if norm(h) in names}
    last_col = min(max(ws.max_column, max(years)), max(years) + 20)  # moved values sit nearby
    last_col = max(last_col, *note_cols.values())
    unlabeled = [c for c in range(first_year_col, last_col + 1) if c not in years and c not in raw]
    return _Layout(header_row, code_col, region_col, unit_col, name_col, years, unlabeled, last_col, note_cols)


def _text(row, c: int) -> str | None:
    """A note or source cell as text (None when blank)."""
    v = row[c - 1].value if c - 1 < len(row) else None
    return str(v).strip() or None if v is not None else None


def _indicator_row(ctx: ReadContext, ws, layout: _Layout, row, info: FileInfo, seen: dict):
    """(region, code, year cells) for an indicator row; cells None when the row is not read; None when no row."""
    r = row[0].row

    def cell(c: int):
        return row[c - 1] if c - 1 < len(row) else ws.cell(row=r, column=c)

    code_raw = cell(layout.code_col).value
    code = norm(code_raw) if code_raw is not None else ""
    filled = [cell(c) for c in sorted(layout.years) if cell(c).value not in (None, "")]
    _report_moved_values(ctx, ws, r, [cell(c) for c in layout.unlabeled], code, bool(filled))
    where = {"sheet": ws.title, "row": r}
    if not code or code.startswith("注"):
        if not code and filled:
            ctx.problem("code_missing", cell=filled[0].coordinate, **where)
        return None
    code_cell = cell(layout.code_col).coordinate
    if code not in ctx.leaves:
        args = {"code": str(code_raw), "framework": ctx.fw.id, "version": ctx.fw.version}
        ctx.problem("indicator_unknown", args, cell=code_cell, **where)
        return None
    region = info.region
    if layout.region_col is not None:
        rc = cell(layout.region_col)
        region = ctx.region_of(rc.value, ws.title, rc.coordinate)
        if region is None:
            if filled:
                args = {"detail": msg("region_missing.data_row")}
                ctx.problem("region_missing", args, cell=rc.coordinate, indicator=code, **where)
            return None
    if (region, code) in seen:
        args = {"code": code, "first": seen[(region, code)], "row": r}
        ctx.problem("indicator_duplicate_row", args, cell=code_cell, region=region, indicator=code, **where)
        return None
    seen[(region, code)] = r
    where.update(region=region, indicator=code)
    if not _name_matches(ctx, cell(layout.name_col) if layout.name_col else None, code, where):
        return region, code, None
    unit = ctx.fw.nodes[code].unit
    u = cell(layout.unit_col).value if layout.unit_col else None
    if u is not None and norm(u) != norm(unit):
        ctx.problem("unit_changed", {"found": str(u), "unit": unit}, cell=cell(layout.unit_col).coordinate, **where)
        return region, code, None
    return region, code, [(y, cell(c)) for c, y in layout.year_cols]


def _name_matches(ctx: ReadContext, name_cell, code: str, where: dict) -> bool:
    """False (row not read, ERROR) when the row's indicator name belongs to another code: swapped codes."""
    if name_cell is None or name_cell.value is None or not norm(name_cell.value):
        return True
    found = norm(name_cell.value)
    node = ctx.fw.nodes[code]
    if found in {norm(node.name(lang, regional)) for lang in ("zh", "en") for regional in (False, True)}:
        return True
    owner = next((c for c in ctx.fw.leaves if norm(ctx.fw.nodes[c].name_zh) == found), None)
    args = {
        "given": code,
        "name": str(name_cell.value).strip(),
        "expected": node.name_zh,
        "owner": msg("indicator_name_mismatch.owner", other=owner) if owner else "",
    }
    ctx.problem("indicator_name_mismatch", args, cell=name_cell.coordinate, **where)
    return False


def _report_moved_values(ctx: ReadContext, ws, r: int, cells: list, code: str, has_values: bool) -> None:
    if not (code in ctx.leaves or has_values):
        return
    for c in cells:
        if c.value not in (None, ""):
            args = {"value": str(c.value)}
            ctx.problem("value_outside_area", args, sheet=ws.title, cell=c.coordinate, row=r, indicator=code or None)


def _report_row_order(ctx: ReadContext, ws, region_rows: dict[str | None, list[str]]) -> None:
    """Rows the template has but the file lacks (ERROR each), and rows moved out of order (INFO once)."""
    expected = list(ctx.fw.leaves)
    order_noted = False
    for region, codes in region_rows.items():
        for c in (c for c in expected if c not in set(codes)):
            ctx.problem(
                "indicator_row_missing", {"indicator": ctx.fw.label(c)}, sheet=ws.title, region=region, indicator=c
            )
        present = [c for c in codes if c in set(expected)]
        if not order_noted and present != [c for c in expected if c in set(present)]:
            order_noted = True
            args = {"detail": msg("layout_moved.order")}
            ctx.problem("layout_moved", args, Severity.INFO, sheet=ws.title, region=region)
    if not region_rows and not any(p.code == "region_missing" for p in ctx.result.problems):
        ctx.problem("no_indicator_rows", sheet=ws.title)


def _read_row(ctx: ReadContext, ws, r: int, code: str, region: str, cells: list, notes: dict) -> None:
    """Convert one indicator row, then compare each value with its neighbours in the row."""
    unit = ctx.fw.nodes[code].unit
    is_pct = unit.strip() == "%"
    good: list[tuple[int, float, str]] = []
    for year, c in cells:
        where = {"sheet": ws.title, "cell": c.coordinate, "row": r, "region": region, "indicator": code, "year": year}
        v = ctx.cell_usable(ws.title, c, unit, where)
        if v is None:
            continue
        if v < 0:
            ctx.problem("value_negative", {"detail": msg("value_negative.indicator", value=format_number(v))}, **where)
        elif is_pct and v > 100:
            ctx.problem("value_percent_over_100", {"value": format_number(v)}, **where)
        else:
            good.append((year, v, c.coordinate))
    flagged = fraction_years([(y, v) for y, v, _ in good]) if is_pct else {}
    for year, v, coord in good:
        where = {"sheet": ws.title, "cell": coord, "row": r, "region": region, "indicator": code, "year": year}
        if year in flagged:
            ctx.problem(flagged[year].code, flagged[year].args, **where)
            continue
        found = outlier(v, [o for y, o, _ in good if y != year and y not in flagged])
        if found:
            ctx.problem(found.code, found.args, Severity.WARNING, **where)
        ctx.result.observations.add(
            Observation(region, code, year, v, provenance=ctx.prov(ws.title, coord, r), unit=unit, **notes)
        )
