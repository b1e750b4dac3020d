"""Finding things in a worksheet by their text: header rows, year columns, renamed sheets, merges."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

from ...kernel.messages import msg
from ...kernel.problems import Severity
from ..template_layout import H_NOTE, H_SOURCE, SHEET_DATA

if TYPE_CHECKING:
    from .context import ReadContext

MIN_YEAR, MAX_YEAR = 1990, 2100
_YEAR_HEADER = re.compile(r"(\d{4})\s*年?(度)?")


def norm(text: object) -> str:
    """Header or code text without any whitespace, full-width characters as half-width."""
    try:
        return _norm(text)
    except TypeError:  # an unhashable value
        return _norm.__wrapped__(text)


@functools.lru_cache(maxsize=8192, typed=True)  # the same headers, codes and units come back in every file
def _norm(text: object) -> str:
    return "".join(unicodedata.normalize("NFKC", str(text)).split()) if text is not None else ""


def year_of(header: object) -> int | None:
    if isinstance(header, bool) or header is None:
        return None
    if isinstance(header, (int, float)):
        return int(header) if float(header).is_integer() else None
    s = unicodedata.normalize("NFKC", str(header)).strip()
    m = _YEAR_HEADER.fullmatch(s)
    return int(m.group(1)) if m else None


def find_header(
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
            names.setdefault(norm(v), c)
        if all(norm(h) in names for h in required):
            return r, names, raw
    return None


def defined_cell(wb, name: str):
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


def sheet_for(ctx: ReadContext, wb, expected: str, required: tuple[str, ...]):
    """The sheet by name, else one whose header matches (renamed: WARNING), else ERROR/WARNING and None."""
    if expected in wb.sheetnames:
        return wb[expected]
    for ws in wb.worksheets:
        if ws.title.startswith("_") or ws.sheet_state != "visible":
            continue
        if find_header(ws, required, 15):
            ctx.problem("sheet_renamed", {"expected": expected, "found": ws.title}, Severity.WARNING, sheet=ws.title)
            return ws
    visible = [msg("sheet_missing.sheet", name=t) for t in wb.sheetnames if not t.startswith("_")]
    is_data = expected == SHEET_DATA
    ctx.problem(
        "sheet_missing",
        {
            "expected": expected,
            "sheets": visible or "—",
            "consequence": msg("sheet_missing.data") if is_data else msg("sheet_missing.basis"),
        },
        Severity.ERROR if is_data else Severity.WARNING,
        sheet=expected,
    )
    return None


def year_columns(
    ctx: ReadContext, ws, header_row: int, raw: dict[int, object], first_year_col: int, known: set[int]
) -> dict[int, int]:
    """Column → year for the header row, reporting unknown, duplicate and unreadable year headers."""
    from openpyxl.utils import get_column_letter

    template_years = ctx.template_years
    cols: dict[int, int] = {}
    seen: dict[int, int] = {}
    for c in sorted(raw):
        if c < first_year_col or c in known:
            continue
        header = raw[c]
        year = year_of(header)
        where = {"sheet": ws.title, "cell": f"{get_column_letter(c)}{header_row}"}
        if year is None:
            if norm(header) not in (norm(H_SOURCE), norm(H_NOTE)):
                ctx.problem("year_header_invalid", {"header": str(header)}, **where)
            continue
        if not MIN_YEAR <= year <= MAX_YEAR:
            ctx.problem("year_out_of_range", {"year": year, "min": MIN_YEAR, "max": MAX_YEAR}, year=year, **where)
            continue
        if year in seen:
            args = {"year": year, "first": get_column_letter(seen[year]), "second": get_column_letter(c)}
            ctx.problem("year_duplicate", args, year=year, **where)
            cols.pop(seen[year], None)
            continue
        seen[year] = c
        if template_years and year not in template_years:
            args = {"year": year, "first": template_years[0], "last": template_years[-1]}
            ctx.problem("year_not_in_template", args, Severity.WARNING, year=year, **where)
        cols[c] = year
    _check_against_template(ctx, ws, header_row, cols)
    return cols


def _check_against_template(ctx: ReadContext, ws, header_row: int, cols: dict[int, int]) -> None:
    """Year headers out of the template's order (swapped: ERROR each) and template years without a column (WARNING)."""
    from openpyxl.utils import get_column_letter

    template_years = ctx.template_years
    if not template_years:
        return
    in_columns = sorted(cols.items())
    for (c1, y1), (c2, y2) in zip(in_columns, in_columns[1:], strict=False):
        if y2 < y1:
            args = {
                "first": y1,
                "second": y2,
                "cells": f"{get_column_letter(c1)}{header_row}、{get_column_letter(c2)}{header_row}",
            }
            where = {"sheet": ws.title, "cell": f"{get_column_letter(c2)}{header_row}", "year": y2}
            ctx.problem("year_headers_swapped", args, **where)
    missing = [y for y in template_years if y not in cols.values()]
    if missing:
        args = {"years": [str(y) for y in missing], "first": template_years[0], "last": template_years[-1]}
        ctx.problem("year_column_missing", args, Severity.WARNING, sheet=ws.title, row=header_row)


def check_merged(ctx: ReadContext, ws, min_row: int, max_col: int, code_col: int) -> None:
    """Merged ranges over the data area lose every value but the top-left one: an ERROR each."""
    for rng in list(ws.merged_cells.ranges):
        if rng.max_row < min_row or rng.min_col > max_col:
            continue
        top = ws.cell(row=rng.min_row, column=rng.min_col).value
        if isinstance(top, str) and top.strip().startswith("注"):
            continue  # the template's own footnote
        if top is None and not any(ws.cell(row=r, column=code_col).value for r in range(rng.min_row, rng.max_row + 1)):
            continue  # an empty merge outside the indicator rows loses nothing
        ctx.problem("merged_cells", {"range": rng.coord}, sheet=ws.title, cell=rng.coord.split(":")[0])
