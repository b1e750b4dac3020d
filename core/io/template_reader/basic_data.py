"""基础数据: 地区生产总值 and 年末常住人口 per region and year (the assessment's scale data, spec 02 §2.1)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...kernel.messages import msg
from ...kernel.problems import Severity
from ...model.observations import BASIS_CODES, Observation
from ..numbers import format_number
from ..results import FileInfo
from ..template_layout import H_CODE, H_ITEM, H_REGION, H_UNIT, LOCAL_REGION
from .sheets import check_merged, find_header, norm, year_columns, year_of

if TYPE_CHECKING:
    from .context import ReadContext


def read_basic_data(ctx: ReadContext, ws, info: FileInfo) -> None:
    found = find_header(ws, (H_CODE, H_ITEM))
    if found is None:
        args = {"detail": msg("header_missing.basis", sheet=ws.title, code=H_CODE, item=H_ITEM)}
        ctx.problem("header_missing", args, Severity.WARNING, sheet=ws.title)
        return
    header_row, names, raw = found
    code_col = names[norm(H_CODE)]
    region_col = names.get(norm(H_REGION))
    first = max(c for c in (code_col, names.get(norm(H_UNIT)), names.get(norm(H_ITEM))) if c) + 1
    known = {names[k] for k in names if year_of(raw[names[k]]) is None}
    years = year_columns(ctx, ws, header_row, raw, first, known)
    check_merged(ctx, ws, header_row + 1, max(years) if years else code_col, code_col)
    seen: dict[tuple[str, str], int] = {}
    for row in ws.iter_rows(min_row=header_row + 1, max_row=ws.max_row):
        r = row[0].row
        code = norm(row[code_col - 1].value) if code_col - 1 < len(row) and row[code_col - 1].value is not None else ""
        if code not in BASIS_CODES:
            continue
        region = info.region
        if region_col:
            rc = row[region_col - 1]
            if norm(rc.value) == LOCAL_REGION and not info.region:
                continue  # 本地区 of a file whose 填报地区 is missing (already reported): never a region of its own
            region = ctx.region_of(rc.value, ws.title, rc.coordinate, allow_local=info.region or None)
        if region is None:
            continue  # no region to read the row for (a missing 填报地区 is already reported)
        if (region, code) in seen:
            args = {"region": region, "item": BASIS_CODES[code][0], "first": seen[(region, code)]}
            ctx.problem("basis_duplicate_row", args, sheet=ws.title, row=r, region=region, indicator=code)
            continue
        seen[(region, code)] = r
        for c, year in sorted(years.items(), key=lambda kv: kv[1]):
            cell = row[c - 1] if c - 1 < len(row) else ws.cell(row=r, column=c)
            _read_cell(ctx, ws, cell, r, region, code, year)


def _read_cell(ctx: ReadContext, ws, cell, r: int, region: str, code: str, year: int) -> None:
    name, _, unit = BASIS_CODES[code]
    where = {"sheet": ws.title, "cell": cell.coordinate, "row": r, "region": region, "indicator": code, "year": year}
    value = ctx.cell_usable(ws.title, cell, unit, where)
    if value is None:
        return
    if value <= 0:
        args = {"detail": msg("value_negative.basis", item=name, value=format_number(value))}
        ctx.problem("value_negative", args, **where)
        return
    provenance = ctx.prov(ws.title, cell.coordinate, r)
    ctx.result.observations.add(Observation(region, code, year, value, provenance=provenance, unit=unit))
