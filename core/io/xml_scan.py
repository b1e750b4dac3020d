"""Streaming reads of the XML parts inside an untrusted .xlsx: linear in time, bounded in memory.

Every part is parsed with defusedxml's iterparse (DTDs, entities and external references
refused) straight from the zip member stream, and elements are dropped as soon as they are
handled, so a part costs time proportional to its size and memory proportional to one cell.
Every read of a zip member goes through here, so a damaged member (bad deflate data, a
truncated file) always ends as `PartError` naming the part, never as a raw zlib error.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError, tostring

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import fromstring, iterparse

# Everything reading a damaged zip member can raise (CPython's zipfile, zlib, bz2/lzma, encrypted members).
ZIP_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError)
_XML_REFUSED = (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden)
_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_XML_HEADS = (b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


class PartError(Exception):
    """A part that must not be opened: `kind` is corrupt (damaged or not well-formed) or dtd (entities)."""

    def __init__(self, part: str, kind: str, line: int | None = None):
        super().__init__(part, kind, line)
        self.part, self.kind, self.line = part, kind, line


class TooManyCells(Exception):
    pass


@dataclass
class FormulaCell:
    ref: str
    has_cached_value: bool


@dataclass
class BadCell:
    """A cell whose stored value openpyxl cannot convert (it would make the whole file unreadable)."""

    ref: str
    cell_type: str
    stored: str


@dataclass
class SheetScan:
    cells: int = 0
    formulas: dict[str, FormulaCell] = field(default_factory=dict)
    bad_cells: list[BadCell] = field(default_factory=list)


def local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def read_member(zf: zipfile.ZipFile, part: str, limit: int) -> bytes:
    """A whole (small) member, at most `limit` bytes; PartError when it is damaged."""
    try:
        with zf.open(part) as fh:
            return fh.read(limit)
    except ZIP_READ_ERRORS as exc:
        raise PartError(part, "corrupt") from exc


def looks_like_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """True when a member starts like XML (any extension: relationships may name `sheet1.dat`)."""
    head = read_member(zf, info.filename, 64).lstrip()
    return head.startswith(_XML_HEADS)


def iter_part(zf: zipfile.ZipFile, part: str, events: tuple[str, ...] = ("end",)) -> Iterator[tuple[str, Element]]:
    """(event, element) of one part, streamed; PartError on damage, bad XML or any DTD/entity."""
    try:
        with zf.open(part) as fh:
            yield from iterparse(fh, events=events, forbid_dtd=True)
    except _XML_REFUSED as exc:
        raise PartError(part, "dtd") from exc
    except ParseError as exc:
        raise PartError(part, "corrupt", exc.position[0]) from exc
    except ZIP_READ_ERRORS as exc:
        raise PartError(part, "corrupt") from exc


def check_part(zf: zipfile.ZipFile, part: str) -> None:
    """Parse a non-worksheet part once, dropping every element: only well-formedness and DTDs matter."""
    for _event, elem in iter_part(zf, part):
        elem.clear()


def parse_small(zf: zipfile.ZipFile, part: str) -> list[Element]:
    """Every element of a small part (workbook, relationships, content types), in document order."""
    return [elem for _event, elem in iter_part(zf, part)]


def scan_sheet(zf: zipfile.ZipFile, part: str, budget: int) -> SheetScan:
    """Count cells (TooManyCells past `budget`), find formula cells and cells openpyxl could not convert."""
    scan = SheetScan()
    stack: list[Element] = []
    row_no = col_no = 0
    for event, elem in iter_part(zf, part, ("start", "end")):
        tag = local(elem.tag)
        if event == "start":
            if tag == "row":
                row_no, col_no = _int(elem.get("r"), row_no + 1), 0
            elif tag == "c":
                scan.cells += 1
                if scan.cells > budget:
                    raise TooManyCells
            stack.append(elem)
            continue
        stack.pop()
        if tag == "c":
            ref, col_no = _cell_ref(elem.get("r"), row_no, col_no)
            _check_cell(scan, elem, ref)
        parent = stack[-1] if stack else None
        if parent is not None and local(parent.tag) != "c" and len(parent) and parent[-1] is elem:
            del parent[-1]  # handled: drop it, so memory stays bounded by one cell
    return scan


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() else default


def _cell_ref(r: str | None, row_no: int, col_no: int) -> tuple[str, int]:
    """The cell's reference (its r attribute, else the next position in the row) and its column number."""
    m = _REF.fullmatch(r or "")
    if m:
        col = 0
        for ch in m.group(1):
            col = col * 26 + ord(ch) - 64
        return m.group(0), col
    col_no += 1
    letters, n = "", col_no
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row_no}", col_no


def _check_cell(scan: SheetScan, elem: Element, ref: str) -> None:
    children = {local(ch.tag): ch for ch in elem}
    v = children.get("v")
    stored = (v.text or "").strip() if v is not None else ""
    if "f" in children:
        scan.formulas[ref] = FormulaCell(ref, bool(stored))
    cell_type = elem.get("t", "n")
    if stored and not _convertible(cell_type, stored):
        scan.bad_cells.append(BadCell(ref, cell_type, stored[:40]))


def _convertible(cell_type: str, stored: str) -> bool:
    """Whether openpyxl can convert the stored text of a cell of this type (else it fails the whole file)."""
    try:
        if cell_type == "n":  # openpyxl's rule; NaN and infinity convert, and are refused later as values
            _ = float(stored) if any(ch in stored for ch in ".eE") else int(stored)
        elif cell_type in ("b", "s"):
            int(stored)
    except ValueError:
        return False
    return True


def blank_cells(zf: zipfile.ZipFile, part: str, refs: set[str], limit: int) -> bytes:
    """The part with the stored values of `refs` removed, so those cells read as empty and the rest as they are."""
    root = fromstring(read_member(zf, part, limit), forbid_dtd=True)  # the part passed the streaming checks
    row_no = col_no = 0
    for elem in root.iter():
        tag = local(elem.tag)
        if tag == "row":
            row_no, col_no = _int(elem.get("r"), row_no + 1), 0
        elif tag == "c":
            ref, col_no = _cell_ref(elem.get("r"), row_no, col_no)
            if ref in refs:
                for child in [ch for ch in elem if local(ch.tag) == "v"]:
                    elem.remove(child)
                elem.attrib.pop("t", None)
    return tostring(root, encoding="utf-8", xml_declaration=True)
