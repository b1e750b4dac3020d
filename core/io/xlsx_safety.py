"""Pre-checks for untrusted .xlsx files before openpyxl sees them.

Workbooks arrive by e-mail from many offices; a damaged or hostile file must be refused
quickly with a clear Chinese message, never hang or exhaust memory. An .xlsx is a zip of XML
parts, so the checks bound the zip (entries, declared sizes: CPython stops inflating at the
declared size), refuse DTDs/entities in any part (XML bombs; defusedxml is a second guard
inside openpyxl), refuse macros and ActiveX, and note external links (never followed).

The same pass scans the worksheet XML for formula cells, because `data_only=True` reads a
formula without a cached value as an empty cell, which would hide it.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..kernel.messages import msg
from ..kernel.problems import Problem, Severity

MAX_FILE_BYTES = 25 * 1024 * 1024  # a filled template is ~50 KB; 25 MB is generous
MAX_UNCOMPRESSED_BYTES = 150 * 1024 * 1024  # sum of declared sizes of all parts
MAX_PART_BYTES = 60 * 1024 * 1024
MAX_ENTRIES = 3000
MAX_SHEETS = 100
MAX_CELLS = 1_000_000  # all worksheets together
MAX_RATIO = 1000  # declared/compressed per part; real XML stays far below

ACCEPTED_SUFFIXES = (".xlsx",)
# The one list of refused file types (loading uses it too): each has a `file_kind.<suffix>` name in the catalogue.
REFUSED_SUFFIXES = (".xls", ".xlsm", ".xltm", ".xlsb", ".et", ".ett", ".ods")

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)
_ATTR = re.compile(r'([\w:]+)\s*=\s*"([^"]*)"')
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_CELL_OPEN = re.compile(rb"<(?:\w+:)?c[\s>/]")
_REF = re.compile(rb'\br="([A-Z]{1,3}[0-9]{1,7})"')
_F = re.compile(rb"<(?:\w+:)?f[\s>/]")
_V = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)


@dataclass
class FormulaCell:
    ref: str
    has_cached_value: bool


@dataclass
class SafetyReport:
    """Outcome of the pre-check: problems (errors mean do not open) and per-sheet formula cells."""

    problems: list[Problem] = field(default_factory=list)
    sheet_names: list[str] = field(default_factory=list)
    formulas: dict[str, dict[str, FormulaCell]] = field(default_factory=dict)  # sheet name → ref → cell
    external_links: int = 0

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)


def _err(code: str, args: Mapping[str, Any] | None, file: str) -> Problem:
    return Problem(code, dict(args or {}), Severity.ERROR, file=file)


def check_suffix(path: Path, accepted: tuple[str, ...] = ACCEPTED_SUFFIXES) -> Problem | None:
    """A refused or unknown extension → a problem telling the user to save as .xlsx."""
    suffix = path.suffix.lower()
    if suffix in REFUSED_SUFFIXES:
        return _err("file_type_refused", {"kind": msg(f"file_kind.{suffix[1:]}"), "suffix": suffix}, path.name)
    if suffix not in accepted:
        return _err("file_type_unknown", {"suffix": suffix or msg("file_kind.none")}, path.name)
    return None


def _workbook_sheets(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, part path) in workbook order, read with regular expressions (no XML parser)."""
    try:
        wb_xml = zf.read("xl/workbook.xml").decode("utf-8", errors="replace")
        rels_xml = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", errors="replace")
    except KeyError:
        return []
    targets: dict[str, str] = {}
    for m in re.finditer(r"<(?:\w+:)?Relationship\b([^>]*)>", rels_xml):
        attrs = dict(_ATTR.findall(m.group(1)))
        target = attrs.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[attrs.get("Id", "")] = part
    out = []
    for m in re.finditer(r"<(?:\w+:)?sheet\b([^>]*)/?>", wb_xml):
        attrs = dict(_ATTR.findall(m.group(1)))
        rid = next((v for k, v in attrs.items() if k.endswith(":id")), "")
        out.append((html.unescape(attrs.get("name", "")), targets.get(rid, "")))
    return out


def scan_formulas(data: bytes) -> dict[str, FormulaCell]:
    """Formula cells of one worksheet part: ref → whether a cached value is stored."""
    out: dict[str, FormulaCell] = {}
    if not _F.search(data):
        return out
    for m in _CELL.finditer(data):
        body = m.group(2)
        if not body or not _F.search(body):
            continue
        ref = _REF.search(m.group(1))
        if not ref:
            continue
        v = _V.search(body)
        cached = bool(v and v.group(1).strip())
        out[ref.group(1).decode()] = FormulaCell(ref.group(1).decode(), cached)
    return out


def precheck_xlsx(path: str | Path, display_name: str | None = None) -> SafetyReport:
    """Check an .xlsx before opening it. Never raises for bad content."""
    path = Path(path)
    name = display_name or path.name
    report = SafetyReport()
    bad = check_suffix(path) or _check_file(path, name)
    if bad:
        report.problems.append(bad)
        return report
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        report.problems.append(_err("file_corrupt", {"detail": msg("file_corrupt.zip")}, name))
        return report
    with zf:
        _check_zip(zf, name, report)
    return report


def _check_file(path: Path, name: str) -> Problem | None:
    """Size and magic bytes: an OLE file (.xls/.et or encrypted) or anything not a zip is refused."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        return _err(
            "file_unreadable", {"detail": msg("file_unreadable.os", error=exc.strerror or exc.__class__.__name__)}, name
        )
    if size > MAX_FILE_BYTES:
        return _err("file_too_large", {"size": f"{size / 1048576:.1f}", "limit": MAX_FILE_BYTES // 1048576}, name)
    if head.startswith(_OLE_MAGIC):
        return _err("file_not_xlsx", {"detail": msg("file_not_xlsx.ole")}, name)
    if not head.startswith(_ZIP_MAGIC):
        return _err("file_not_xlsx", {"detail": msg("file_not_xlsx.not_zip")}, name)
    return None


def _check_zip(zf: zipfile.ZipFile, name: str, report: SafetyReport) -> None:
    """Bounds on the zip, macros, the workbook part and external links; then every XML part."""
    infos = zf.infolist()
    bad = _check_entries(infos, name)
    if bad:
        report.problems.append(bad)
        return
    names = {i.filename for i in infos}
    lower = {n.lower() for n in names}
    if any(n.endswith("vbaproject.bin") for n in lower) or any(n.startswith("xl/activex/") for n in lower):
        report.problems.append(_err("file_has_macros", None, name))
        return
    if "xl/workbook.xml" not in names:
        report.problems.append(_err("file_not_xlsx", {"detail": msg("file_not_xlsx.no_workbook")}, name))
        return
    report.external_links = sum(1 for n in lower if n.startswith("xl/externallinks/") and n.endswith(".xml"))
    if report.external_links:
        args = {"count": report.external_links}
        report.problems.append(Problem("external_links_ignored", args, Severity.WARNING, file=name))
    sheets = _workbook_sheets(zf)
    report.sheet_names = [s for s, _ in sheets]
    if len(sheets) > MAX_SHEETS:
        report.problems.append(_err("too_many_sheets", {"count": len(sheets), "limit": MAX_SHEETS}, name))
        return
    bad = _scan_parts(zf, infos, {p: s for s, p in sheets}, name, report)
    if bad:
        report.problems.append(bad)


def _check_entries(infos: list[zipfile.ZipInfo], name: str) -> Problem | None:
    """Too many parts, too large when inflated, or an implausible compression ratio: a zip bomb."""
    if len(infos) > MAX_ENTRIES:
        return _err("zip_too_many_entries", {"count": len(infos), "limit": MAX_ENTRIES}, name)
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED_BYTES or any(i.file_size > MAX_PART_BYTES for i in infos):
        detail = msg("zip_bomb.size", size=f"{total / 1048576:.0f}", limit=MAX_UNCOMPRESSED_BYTES // 1048576)
        return _err("zip_bomb", {"detail": detail}, name)
    for i in infos:
        if i.compress_size and i.file_size / i.compress_size > MAX_RATIO and i.file_size > 1_000_000:
            detail = msg("zip_bomb.ratio", part=i.filename, ratio=i.file_size // max(1, i.compress_size))
            return _err("zip_bomb", {"detail": detail}, name)
    return None


def _scan_parts(
    zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], part_to_sheet: dict[str, str], name: str, report: SafetyReport
) -> Problem | None:
    """Refuse DTDs in any XML part, bound the cell count and collect formula cells; the refusal, if any."""
    cells = 0
    for info in infos:
        fname = info.filename
        if not fname.endswith((".xml", ".rels", ".vml")):
            continue
        try:
            data = zf.read(fname)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError, RuntimeError):
            return _err("file_corrupt", {"detail": msg("file_corrupt.part", part=fname)}, name)
        if _DTD.search(data, 0, 4096) or (b"<!" in data and _DTD.search(data)):
            return _err("xml_dtd_refused", {"part": fname}, name)
        sheet = part_to_sheet.get(fname)
        if sheet is None:
            continue
        cells += len(_CELL_OPEN.findall(data))
        if cells > MAX_CELLS:
            return _err("too_many_cells", {"limit": f"{MAX_CELLS:,}"}, name)
        found = scan_formulas(data)
        if found:
            report.formulas[sheet] = found
    return None
