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
from dataclasses import dataclass, field
from pathlib import Path

from ..kernel.problems import Problem, Severity

MAX_FILE_BYTES = 25 * 1024 * 1024  # a filled template is ~50 KB; 25 MB is generous
MAX_UNCOMPRESSED_BYTES = 150 * 1024 * 1024  # sum of declared sizes of all parts
MAX_PART_BYTES = 60 * 1024 * 1024
MAX_ENTRIES = 3000
MAX_SHEETS = 100
MAX_CELLS = 1_000_000  # all worksheets together
MAX_RATIO = 1000  # declared/compressed per part; real XML stays far below

ACCEPTED_SUFFIXES = (".xlsx",)
REFUSED_SUFFIXES = {
    ".xls": "旧版 Excel 97-2003 工作簿（.xls）",
    ".xlsm": "含宏的工作簿（.xlsm）",
    ".xltm": "含宏的模板（.xltm）",
    ".xlsb": "二进制工作簿（.xlsb）",
    ".et": "WPS 表格专有格式（.et）",
    ".ett": "WPS 表格模板（.ett）",
    ".ods": "OpenDocument 表格（.ods）",
}

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


def _err(code: str, message: str, file: str) -> Problem:
    return Problem(code, message, Severity.ERROR, file=file)


def check_suffix(path: Path) -> Problem | None:
    """A refused or unknown extension → a problem telling the user to save as .xlsx."""
    suffix = path.suffix.lower()
    if suffix in REFUSED_SUFFIXES:
        return _err(
            "file_type_refused",
            f"不接受{REFUSED_SUFFIXES[suffix]}：出于安全和准确性考虑只接受 .xlsx。请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx）后重新导入。",
            path.name,
        )
    if suffix not in ACCEPTED_SUFFIXES:
        return _err(
            "file_type_unknown",
            f"不支持的文件类型“{suffix or '无扩展名'}”。请使用 .xlsx 填报模板或 .csv/.xlsx 长表文件。",
            path.name,
        )
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
    bad = check_suffix(path)
    if bad:
        report.problems.append(bad)
        return report
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        report.problems.append(
            _err(
                "file_unreadable",
                f"无法读取文件（{exc.strerror or exc.__class__.__name__}）。请确认文件存在且未被其他程序占用。",
                name,
            )
        )
        return report
    if size > MAX_FILE_BYTES:
        report.problems.append(
            _err(
                "file_too_large",
                f"文件大小 {size / 1048576:.1f} MB 超过上限 {MAX_FILE_BYTES // 1048576} MB。填报模板通常小于 1 MB，请删除无关工作表、图片后重试。",
                name,
            )
        )
        return report
    if head.startswith(_OLE_MAGIC):
        report.problems.append(
            _err(
                "file_not_xlsx",
                "文件扩展名为 .xlsx，但内容是旧版 .xls/.et 格式或设置了打开密码的加密工作簿。请取消打开密码，并在 Excel 或 WPS 中另存为 Excel 工作簿（*.xlsx）。",
                name,
            )
        )
        return report
    if not head.startswith(_ZIP_MAGIC):
        report.problems.append(
            _err(
                "file_not_xlsx",
                "文件不是有效的 .xlsx 工作簿（可能已损坏或只是改了扩展名）。请在 Excel 或 WPS 中打开并另存为 .xlsx。",
                name,
            )
        )
        return report
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        report.problems.append(_err("file_corrupt", "文件已损坏，无法解压。请重新保存或向填报单位索取原文件。", name))
        return report
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            report.problems.append(
                _err(
                    "zip_too_many_entries",
                    f"文件内部包含 {len(infos)} 个部件，超过上限 {MAX_ENTRIES}，疑似异常文件，已拒绝。请另存为新的 .xlsx 后重试。",
                    name,
                )
            )
            return report
        total = sum(i.file_size for i in infos)
        if total > MAX_UNCOMPRESSED_BYTES or any(i.file_size > MAX_PART_BYTES for i in infos):
            report.problems.append(
                _err(
                    "zip_bomb",
                    f"文件解压后约 {total / 1048576:.0f} MB，超过上限 {MAX_UNCOMPRESSED_BYTES // 1048576} MB，疑似“压缩炸弹”，已拒绝。请向填报单位索取由 Excel 或 WPS 正常保存的 .xlsx 文件。",
                    name,
                )
            )
            return report
        for i in infos:
            if i.compress_size and i.file_size / i.compress_size > MAX_RATIO and i.file_size > 1_000_000:
                report.problems.append(
                    _err(
                        "zip_bomb",
                        f"文件内部部件 {i.filename} 压缩比异常（{i.file_size // max(1, i.compress_size)} 倍），疑似“压缩炸弹”，已拒绝。请向填报单位索取由 Excel 或 WPS 正常保存的 .xlsx 文件。",
                        name,
                    )
                )
                return report
        names = {i.filename for i in infos}
        lower = {n.lower() for n in names}
        if any(n.endswith("vbaproject.bin") for n in lower) or any(n.startswith("xl/activex/") for n in lower):
            report.problems.append(
                _err(
                    "file_has_macros",
                    "工作簿包含宏（VBA）或 ActiveX 控件，出于安全考虑不予读取。请在 Excel 或 WPS 中另存为不含宏的 Excel 工作簿（*.xlsx）。",
                    name,
                )
            )
            return report
        if "xl/workbook.xml" not in names:
            report.problems.append(
                _err(
                    "file_not_xlsx",
                    "文件中没有工作簿内容（xl/workbook.xml），不是 Excel 工作簿。请在 Excel 或 WPS 中另存为 .xlsx。",
                    name,
                )
            )
            return report
        report.external_links = sum(1 for n in lower if n.startswith("xl/externallinks/") and n.endswith(".xml"))
        if report.external_links:
            report.problems.append(
                Problem(
                    "external_links_ignored",
                    f"工作簿含 {report.external_links} 个外部链接，本程序不会打开或更新被链接的文件，只读取单元格中保存的数值。请在 Excel 中“断开链接”（数据→编辑链接）后再报送。",
                    Severity.WARNING,
                    file=name,
                )
            )
        sheets = _workbook_sheets(zf)
        report.sheet_names = [s for s, _ in sheets]
        if len(sheets) > MAX_SHEETS:
            report.problems.append(
                _err(
                    "too_many_sheets",
                    f"工作簿有 {len(sheets)} 个工作表，超过上限 {MAX_SHEETS}。请删除无关工作表后重试。",
                    name,
                )
            )
            return report
        part_to_sheet = {p: s for s, p in sheets}
        cells = 0
        for info in infos:
            fname = info.filename
            if not (fname.endswith(".xml") or fname.endswith(".rels") or fname.endswith(".vml")):
                continue
            try:
                data = zf.read(fname)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError, RuntimeError):
                report.problems.append(
                    _err("file_corrupt", f"文件内部部件 {fname} 已损坏。请在 Excel 或 WPS 中打开并另存为 .xlsx。", name)
                )
                return report
            if _DTD.search(data, 0, 4096) or (b"<!" in data and _DTD.search(data)):
                report.problems.append(
                    _err(
                        "xml_dtd_refused",
                        f"文件内部部件 {fname} 含 DTD/实体声明（可用于“XML 炸弹”攻击，正常的 Excel/WPS 文件不会有），已拒绝读取。请向填报单位索取由 Excel 或 WPS 正常保存的文件。",
                        name,
                    )
                )
                return report
            sheet = part_to_sheet.get(fname)
            if sheet is not None:
                cells += len(_CELL_OPEN.findall(data))
                if cells > MAX_CELLS:
                    report.problems.append(
                        _err(
                            "too_many_cells",
                            f"工作簿单元格数超过上限 {MAX_CELLS:,}，疑似异常文件。请删除无关内容后重试。",
                            name,
                        )
                    )
                    return report
                found = scan_formulas(data)
                if found:
                    report.formulas[sheet] = found
    return report
