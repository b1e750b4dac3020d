"""The hidden _meta sheet (template marker) and the 填报信息 block (region, filled by, phone, date)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ...kernel.messages import msg
from ...model.observations import NATION
from ..results import FileInfo
from ..template_layout import INFO_LABELS, LABEL_REGION, NAME_DATE, NAME_FILLED_BY, NAME_PHONE, NAME_REGION, SHEET_META
from .sheets import defined_cell, norm

if TYPE_CHECKING:
    from .context import ReadContext


def read_meta(wb) -> dict[str, str]:
    """The _meta sheet's key → value rows (empty when the sheet is missing)."""
    if SHEET_META not in wb.sheetnames:
        return {}
    out = {}
    for row in wb[SHEET_META].iter_rows(min_row=1, max_row=50, max_col=2, values_only=True):
        if row and row[0] is not None:
            out[str(row[0])] = "" if row[1] is None else str(row[1])
    return out


def read_info(ctx: ReadContext, wb, data_ws, kind: str) -> FileInfo:
    """填报信息 through the defined names (they follow inserted rows); the region is required for one-region files."""
    values: dict[str, tuple[object, str, str]] = {}
    for name in (NAME_REGION, NAME_FILLED_BY, NAME_PHONE, NAME_DATE):
        loc = defined_cell(wb, name)
        if loc and loc[0] in wb.sheetnames:
            values[name] = (wb[loc[0]][loc[1]].value, loc[0], loc[1])
    region = None
    if kind == "national":
        region = NATION
    elif kind != "multi":
        region = _region(ctx, data_ws, values.get(NAME_REGION))

    def text(key: str) -> str | None:
        v = values.get(key)
        if v is None or v[0] is None:
            return None
        return v[0].date().isoformat() if isinstance(v[0], datetime) else str(v[0]).strip() or None

    return FileInfo(
        ctx.name,
        kind or "region",
        ctx.fw.id,
        ctx.fw.version,
        region,
        text(NAME_FILLED_BY),
        text(NAME_PHONE),
        text(NAME_DATE),
    )


def _region(ctx: ReadContext, data_ws, found: tuple[object, str, str] | None) -> str | None:
    if found is None:
        found = _find_label_value(data_ws, LABEL_REGION)
    if found is None or found[0] is None or not str(found[0]).strip():
        sheet, cell = (found[1], found[2]) if found else (data_ws.title, None)
        ctx.problem("region_missing", {"detail": msg("region_missing.info")}, sheet=sheet, cell=cell)
        return None
    return ctx.region_of(found[0], found[1], found[2])


def _find_label_value(ws, label: str):
    """The value right of a label cell in the first rows (when the defined name was lost).

    The next label on the row ("填报人：") is not a value: the region is then blank.
    """
    for row in ws.iter_rows(min_row=1, max_row=10):
        for c in row:
            if c.value is not None and norm(c.value).rstrip(":：") == label:
                for nxt in ws.iter_rows(min_row=c.row, max_row=c.row, min_col=c.column + 1, max_col=c.column + 4):
                    for n in nxt:
                        if n.value is not None:
                            return (None if _is_label(n.value) else n.value), ws.title, n.coordinate
                return None, ws.title, c.offset(column=1).coordinate
    return None


def _is_label(value: object) -> bool:
    text = norm(value)
    return text.endswith((":", "：")) or text in INFO_LABELS
