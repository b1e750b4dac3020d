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

import io
import posixpath
import stat
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..kernel.messages import msg
from ..kernel.problems import Problem, Severity
from .xml_scan import (
    ZIP_READ_ERRORS,
    BadCell,
    FormulaCell,
    PartError,
    TooManyCells,
    blank_cells,
    check_part,
    local,
    parse_small,
    read_member,
    scan_sheet,
)

MAX_FILE_BYTES = 25 * 1024 * 1024  # a filled template is ~50 KB; 25 MB is generous
MAX_UNCOMPRESSED_BYTES = 150 * 1024 * 1024  # sum of declared sizes of all parts
MAX_PART_BYTES = 60 * 1024 * 1024
MAX_ENTRIES = 3000
MAX_SHEETS = 100
MAX_CELLS = 1_000_000  # all worksheets together
MAX_RATIO = 1000  # declared/compressed per part; real XML stays far below
SMALL_PART_BYTES = 5 * 1024 * 1024  # workbook, relationships, content types

ACCEPTED_SUFFIXES = (".xlsx",)
# Read as long format through python-calamine (values only); each has a `file_kind.<suffix>` name in the catalogue.
LEGACY_SUFFIXES = (".xls", ".et", ".ods")
# The one list of refused file types (loading uses it too): each has a `file_kind.<suffix>` name in the catalogue.
REFUSED_SUFFIXES = (".xlsm", ".xltm", ".xlsb", ".ett")

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_WORKBOOK_TYPES = tuple(
    f"application/vnd.{t}.main+xml"
    for t in (
        "openxmlformats-officedocument.spreadsheetml.sheet",
        "openxmlformats-officedocument.spreadsheetml.template",
        "ms-excel.sheet.macroEnabled",
        "ms-excel.template.macroEnabled",
    )
)
DEFAULT_WORKBOOK_PART = "xl/workbook.xml"


@dataclass
class SafetyReport:
    """Outcome of the pre-check: problems (errors mean do not open) and per-sheet formula and unreadable cells."""

    problems: list[Problem] = field(default_factory=list)
    sheet_names: list[str] = field(default_factory=list)
    formulas: dict[str, dict[str, FormulaCell]] = field(default_factory=dict)  # sheet name → ref → cell
    bad_cells: dict[str, list[BadCell]] = field(default_factory=dict)  # sheet part → cells openpyxl cannot convert
    sheet_parts: dict[str, str] = field(default_factory=dict)  # sheet part → sheet name
    cell_problems: list[Problem] = field(default_factory=list)  # unreadable cells: the rest of the file is read
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


def check_regular_file(path: Path, name: str) -> Problem | None:
    """Anything but a regular file (a folder named x.xlsx, a FIFO, a device) is refused before it is opened."""
    try:
        st = path.stat()
    except OSError as exc:
        detail = msg("file_unreadable.os", error=exc.strerror or exc.__class__.__name__)
        return _err("file_unreadable", {"detail": detail}, name)
    if not stat.S_ISREG(st.st_mode):
        kind = "dir" if stat.S_ISDIR(st.st_mode) else "special"
        return _err("file_not_regular", {"kind": msg(f"file_not_regular.{kind}")}, name)
    return None


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
    except ZIP_READ_ERRORS:
        report.problems.append(_err("file_corrupt", {"detail": msg("file_corrupt.zip")}, name))
        return report
    with zf:
        try:
            _check_zip(zf, name, report)
        except PartError as exc:
            report.problems.append(part_problem(exc, name, report.sheet_parts))
        except TooManyCells:
            report.problems.append(_err("too_many_cells", {"limit": f"{MAX_CELLS:,}"}, name))
    return report


def part_problem(exc: PartError, name: str, sheet_parts: Mapping[str, str] | None = None) -> Problem:
    """The problem for a part that must not be opened, naming the part (and its sheet when it is one)."""
    if exc.kind == "dtd":
        return _err("xml_dtd_refused", {"part": exc.part}, name)
    sheet = (sheet_parts or {}).get(exc.part)
    part = msg("file_corrupt.sheet_part", part=exc.part, sheet=sheet) if sheet else exc.part
    line = msg("file_corrupt.line", line=exc.line) if exc.line else ""
    return _err("file_corrupt", {"detail": msg("file_corrupt.part", part=part, line=line)}, name)


def _check_file(path: Path, name: str) -> Problem | None:
    """Regular file, size and magic bytes: an OLE file (.xls/.et or encrypted) or anything not a zip is refused."""
    bad = check_regular_file(path, name)
    if bad:
        return bad
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        return _err(
            "file_unreadable", {"detail": msg("file_unreadable.os", error=exc.strerror or exc.__class__.__name__)}, name
        )
    if size == 0:
        return _err("file_zero_bytes", None, name)
    if size > MAX_FILE_BYTES:
        return _err("file_too_large", {"size": f"{size / 1048576:.1f}", "limit": MAX_FILE_BYTES // 1048576}, name)
    if head.startswith(OLE_MAGIC):
        return _err("file_not_xlsx", {"detail": msg("file_not_xlsx.ole")}, name)
    if not head.startswith(ZIP_MAGIC):
        return _err("file_not_xlsx", {"detail": msg("file_not_xlsx.not_zip")}, name)
    return None


def _check_zip(zf: zipfile.ZipFile, name: str, report: SafetyReport) -> None:
    """Bounds on the zip, macros, the workbook part and external links; then every XML part (PartError escapes)."""
    infos = zf.infolist()
    bad = check_entries(infos, name)
    if bad:
        report.problems.append(bad)
        return
    if any(i.flag_bits & 1 for i in infos):  # zip-level encryption (password-protected parts)
        report.problems.append(_err("file_not_xlsx", {"detail": msg("file_not_xlsx.ole")}, name))
        return
    names = {i.filename for i in infos}
    lower = {n.lower() for n in names}
    if any(n.endswith("vbaproject.bin") for n in lower) or any(n.startswith("xl/activex/") for n in lower):
        report.problems.append(_err("file_has_macros", None, name))
        return
    workbook = _workbook_part(zf, names)
    if workbook not in names:
        report.problems.append(_err("file_not_xlsx", {"detail": msg("file_not_xlsx.no_workbook")}, name))
        return
    report.external_links = sum(1 for n in lower if n.startswith("xl/externallinks/") and n.endswith(".xml"))
    if report.external_links:
        args = {"count": report.external_links}
        report.problems.append(Problem("external_links_ignored", args, Severity.WARNING, file=name))
    sheets = workbook_sheets(zf, workbook, names)
    report.sheet_names = [s for s, _ in sheets]
    if len(sheets) > MAX_SHEETS:
        report.problems.append(_err("too_many_sheets", {"count": len(sheets), "limit": MAX_SHEETS}, name))
        return
    report.sheet_parts = {p: s for s, p in sheets if p in names}
    _scan_parts(zf, infos, name, report)


def check_entries(infos: list[zipfile.ZipInfo], name: str) -> Problem | None:
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


def _small(zf: zipfile.ZipFile, part: str, names: set[str]) -> list:
    """The elements of a small part, or [] when it is missing or implausibly large."""
    if part not in names or zf.getinfo(part).file_size > SMALL_PART_BYTES:
        return []
    return parse_small(zf, part)


def _workbook_part(zf: zipfile.ZipFile, names: set[str]) -> str:
    """The workbook part as openpyxl finds it: the content-type override, else xl/workbook.xml."""
    for elem in _small(zf, "[Content_Types].xml", names):
        if local(elem.tag) == "Override" and elem.get("ContentType") in _WORKBOOK_TYPES:
            return elem.get("PartName", "").lstrip("/")
    return DEFAULT_WORKBOOK_PART


def workbook_sheets(zf: zipfile.ZipFile, workbook: str, names: set[str]) -> list[tuple[str, str]]:
    """(sheet name, part path) in workbook order, the part as the workbook relationships name it (any extension)."""
    folder, base = posixpath.split(workbook)
    targets: dict[str, str] = {}
    for elem in _small(zf, posixpath.join(folder, "_rels", base + ".rels"), names):
        if local(elem.tag) != "Relationship" or elem.get("TargetMode") == "External":
            continue
        target = elem.get("Target", "")
        part = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        targets[elem.get("Id", "")] = part
    out = []
    for elem in _small(zf, workbook, names):
        if local(elem.tag) == "sheet":
            rid = next((v for k, v in elem.attrib.items() if local(k) == "id"), "")
            out.append((elem.get("name", ""), targets.get(rid, "")))
    return out


def _scan_parts(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str, report: SafetyReport) -> None:
    """Stream every XML part (DTDs refused); in worksheets bound the cell count and find formula and bad cells."""
    cells = 0
    for info in infos:
        part = info.filename
        if info.is_dir():
            continue
        sheet = report.sheet_parts.get(part)
        if sheet is None:
            check_part(zf, part)
            continue
        scan = scan_sheet(zf, part, MAX_CELLS - cells)
        cells += scan.cells
        if scan.formulas:
            report.formulas[sheet] = scan.formulas
        if scan.bad_cells:
            report.bad_cells[part] = scan.bad_cells
            for bad in scan.bad_cells:
                args = {"stored": bad.stored, "kind": msg(f"cell_unreadable.{bad.cell_type}")}
                report.cell_problems.append(Problem("cell_unreadable", args, file=name, sheet=sheet, cell=bad.ref))


def readable_source(path: Path, report: SafetyReport) -> Path | io.BytesIO:
    """The file itself, or (when cells are unreadable) an in-memory copy with those cells emptied; PartError escapes."""
    if not report.bad_cells:
        return path
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            refs = {c.ref for c in report.bad_cells.get(info.filename, [])}
            limit = info.file_size + 1
            data = blank_cells(src, info.filename, refs, limit) if refs else read_member(src, info.filename, limit)
            dst.writestr(info, data)
    out.seek(0)
    return out
