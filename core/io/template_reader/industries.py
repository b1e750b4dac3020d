"""主导产业 (optional): one industry scored by one expert per row (spec 02 §2.7).

A row with any unreadable entry is reported and left out whole, so no industry is scored on
part of its criteria by accident.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...kernel.messages import msg
from ..numbers import read_number
from ..results import FileInfo, IndustryEntry
from ..template_layout import H_EXPERT, H_INDUSTRY, H_LQ, H_NOTE, H_REGION, H_STRATEGIC, INDUSTRY_CRITERIA
from .sheets import find_header, norm

if TYPE_CHECKING:
    from .context import ReadContext

MAX_ROWS = 500
_YES = ("是", "Y", "y", "yes", "1", "√")
_NO = ("否", "N", "n", "no", "0", "×")


class _Row:
    """One sheet row: values and coordinates by column (None when the column is absent)."""

    def __init__(self, cells):
        self.cells = cells
        self.r = cells[0].row

    def value(self, c: int | None):
        return self.cells[c - 1].value if c and c - 1 < len(self.cells) else None

    def coord(self, c: int | None) -> str | None:
        return self.cells[c - 1].coordinate if c and c - 1 < len(self.cells) else None

    def filled(self, c: int | None) -> bool:
        return self.value(c) not in (None, "")


def read_industries(ctx: ReadContext, ws, info: FileInfo) -> None:
    found = find_header(ws, (H_INDUSTRY,))
    if found is None:
        return
    header_row, names, _ = found
    cols = {h: names.get(norm(h)) for h in (H_INDUSTRY, H_REGION, H_STRATEGIC, H_LQ, H_EXPERT, H_NOTE)}
    crit_cols = [next((c for k, c in names.items() if k.startswith(norm(crit))), None) for crit in INDUSTRY_CRITERIA]
    for cells in ws.iter_rows(min_row=header_row + 1, max_row=min(ws.max_row, header_row + MAX_ROWS)):
        entry = _read_row(ctx, ws.title, _Row(cells), cols, crit_cols, info)
        if entry is not None:
            ctx.result.industries.append(entry)


def _read_row(ctx: ReadContext, sheet: str, row: _Row, cols: dict, crit_cols: list, info: FileInfo):
    name = row.value(cols[H_INDUSTRY])
    if name is None or not str(name).strip():
        scored = [cols[H_STRATEGIC], cols[H_LQ], cols[H_EXPERT], *crit_cols]
        if any(row.filled(c) for c in scored if c):
            ctx.problem("industry_name_missing", sheet=sheet, cell=row.coord(cols[H_INDUSTRY]), row=row.r)
        return None
    region = info.region
    if cols[H_REGION]:
        region = ctx.region_of(row.value(cols[H_REGION]), sheet, row.coord(cols[H_REGION]))
        if region is None:
            args = {"detail": msg("region_missing.industry")}
            ctx.problem("region_missing", args, sheet=sheet, cell=row.coord(cols[H_REGION]), row=row.r)
            return None
    if region is None:
        return None
    where = {"sheet": sheet, "row": row.r, "region": region}
    ok, strategic = _strategic(ctx, row, cols[H_STRATEGIC], where)
    lq_ok, lq = _location_quotient(ctx, row, cols[H_LQ], where)
    scores = [_score(ctx, row, crit, c, where) for crit, c in zip(INDUSTRY_CRITERIA, crit_cols, strict=False)]
    if not (ok and lq_ok and all(s_ok for s_ok, _ in scores)):
        return None
    expert, note = row.value(cols[H_EXPERT]), row.value(cols[H_NOTE])
    return IndustryEntry(
        region,
        str(name).strip(),
        strategic,
        lq,
        tuple(v for _, v in scores),  # type: ignore[arg-type]
        str(expert).strip() if expert else None,
        str(note).strip() if note else None,
        ctx.prov(sheet, row.coord(cols[H_INDUSTRY]) or "", row.r),
    )


def _strategic(ctx: ReadContext, row: _Row, c: int | None, where: dict) -> tuple[bool, bool | None]:
    """(readable, 是/否) of the 是否国家战略性新兴产业 cell; empty reads as unknown."""
    if not row.filled(c):
        return True, None
    t = norm(row.value(c))
    if t in _YES:
        return True, True
    if t in _NO:
        return True, False
    ctx.problem("industry_strategic_invalid", {"value": str(row.value(c))}, cell=row.coord(c), **where)
    return False, None


def _location_quotient(ctx: ReadContext, row: _Row, c: int | None, where: dict) -> tuple[bool, float | None]:
    if not row.filled(c):
        return True, None
    rd = read_number(row.value(c), "", None)
    if rd.error or rd.value is None or rd.value < 0:
        ctx.problem("industry_lq_invalid", {"value": str(row.value(c))}, cell=row.coord(c), **where)
        return False, None
    return True, rd.value


def _score(ctx: ReadContext, row: _Row, criterion: str, c: int | None, where: dict) -> tuple[bool, float | None]:
    if not row.filled(c):
        return True, None
    rd = read_number(row.value(c), "", None)
    if rd.error or rd.value is None or not 1 <= rd.value <= 5:
        args = {"criterion": criterion, "value": str(row.value(c))}
        ctx.problem("industry_score_invalid", args, cell=row.coord(c), **where)
        return False, None
    return True, rd.value
