"""Read one filled-in template: safety pre-check, marker and version, then each sheet in turn."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ...kernel.messages import msg
from ...kernel.problems import Severity
from ...model.framework import Framework
from ...model.observations import NATION
from ..results import FileInfo, ImportResult
from ..template_layout import H_CODE, H_ITEM, H_NAME, MARKER, SHEET_BASIS, SHEET_DATA, SHEET_INDUSTRY, SHEET_META
from ..xlsx_safety import precheck_xlsx, readable_source
from ..xml_scan import ZIP_READ_ERRORS, PartError, read_member
from .basic_data import read_basic_data
from .context import ReadContext
from .data_sheet import read_data
from .industries import read_industries
from .info import read_info, read_meta
from .sheets import sheet_for


def is_template_workbook(path: str | Path) -> bool:
    """True when an .xlsx looks like one of our templates (hidden marker or the 指标数据 sheet)."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            if zf.getinfo("xl/workbook.xml").file_size > 5_000_000:
                return False  # implausible; the safety pre-check will report it
            wb_xml = read_member(zf, "xl/workbook.xml", 5_000_000)
    except (KeyError, PartError, *ZIP_READ_ERRORS):
        return False
    text = wb_xml.decode("utf-8", errors="replace")
    return f'name="{SHEET_META}"' in text or f'name="{SHEET_DATA}"' in text


def read_template_workbook(
    path: str | Path, framework: Framework, *, display_name: str | None = None, imported_at: str | None = None
) -> ImportResult:
    """Read one filled-in template. Never raises for bad content; never writes to the file."""
    path = Path(path)
    name = display_name or path.name
    safety = precheck_xlsx(path, name)
    if not safety.ok:
        return ImportResult(problems=list(safety.problems))
    ctx = ReadContext(framework, name, safety, imported_at)
    try:
        from .sheet_model import load_book  # openpyxl: imported only when a workbook is read

        wb = load_book(readable_source(path, safety))
    except Exception as exc:  # openpyxl raises many types on slightly invalid XML
        ctx.problem("file_unreadable", {"detail": msg("file_unreadable.parse", error=exc.__class__.__name__)})
        return ctx.result
    try:
        _read_workbook(ctx, wb)
    except Exception as exc:  # last resort: a problem, not a traceback
        error = f"{exc.__class__.__name__}: {exc}"
        ctx.problem("file_unreadable", {"detail": msg("file_unreadable.unexpected", error=error)})
    finally:
        wb.close()
    return ctx.result


def _read_workbook(ctx: ReadContext, wb) -> None:
    meta = read_meta(wb)
    kind = meta.get("kind", "")
    if not _version_ok(ctx, meta, kind):
        return
    ctx.template_years = tuple(int(y) for y in meta.get("years", "").split(",") if y.strip().isdigit())
    data_ws = sheet_for(ctx, wb, SHEET_DATA, (H_CODE, H_NAME))
    if data_ws is None:
        return
    info = read_info(ctx, wb, data_ws, kind)
    if kind == "national" and info.region not in (None, NATION):
        args = {"nation": NATION, "region": info.region}
        ctx.problem("national_region_changed", args, sheet=data_ws.title)
        return
    ctx.result.files.append(info)
    read_data(ctx, data_ws, info)
    basis_ws = sheet_for(ctx, wb, SHEET_BASIS, (H_CODE, H_ITEM))
    if basis_ws is not None:
        read_basic_data(ctx, basis_ws, info)
    if kind != "national" and SHEET_INDUSTRY in wb.sheetnames:
        read_industries(ctx, wb[SHEET_INDUSTRY], info)


def _version_ok(ctx: ReadContext, meta: dict[str, str], kind: str) -> bool:
    """False (file not read) when the marker names another framework version; a missing marker is a WARNING."""
    fw = ctx.fw
    if not meta or meta.get("marker") != MARKER:
        args = {"meta": SHEET_META, "framework": fw.id, "version": fw.version}
        ctx.problem("template_marker_missing", args, Severity.WARNING)
        return True
    fid, fver = meta.get("framework_id", ""), meta.get("framework_version", "")
    if fid == fw.id and fver == fw.version:
        return True
    args = {"file_framework": fid, "file_version": fver, "framework": fw.id, "version": fw.version}
    ctx.problem("template_version_mismatch", args)
    ctx.result.files.append(FileInfo(ctx.name, kind or "region", fid, fver))
    return False
