"""Streaming reads of the XML parts inside an untrusted .xlsx: linear in time, constant in memory.

Every part is fed in chunks from the zip member stream to expat with defusedxml's rules (any
DTD, entity declaration or external reference refused, parameter entities never parsed); no
tree is built, only the few facts needed are kept, so a part costs time proportional to its
size and memory proportional to one cell. Every read of a zip member goes through here, so a
damaged member (bad deflate data, a truncated file) always ends as `PartError` naming the
part, never as a raw zlib error.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.etree.ElementTree import tostring
from xml.parsers import expat

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import fromstring

# Everything reading a damaged zip member can raise (CPython's zipfile, zlib, bz2/lzma, encrypted members).
ZIP_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError)
_XML_REFUSED = (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden)
_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7}):\$?([A-Z]{1,3})\$?([0-9]{1,7})")
_XML_HEADS = (b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
MAX_DEPTH = 100  # real parts nest about 10 deep; a deeper part is hostile or broken
MAX_REWRITE_BYTES = 5 * 1024 * 1024  # a part with unreadable cells is rewritten in memory only up to this size
_CHUNK = 64 * 1024


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


@dataclass(frozen=True)
class Tag:
    """One element of a small part: its local name and attributes (namespace prefixes dropped)."""

    tag: str
    attrib: dict[str, str]

    def get(self, key: str, default: str | None = None) -> str | None:
        return self.attrib.get(key, default)


def local(tag: object) -> str:
    """A name without its namespace or prefix: `{uri}c`, `x:c` → `c`."""
    return str(tag).rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def read_member(zf: zipfile.ZipFile, part: str, limit: int) -> bytes:
    """A whole (small) member, at most `limit` bytes; PartError when it is damaged."""
    try:
        with zf.open(part) as fh:
            return fh.read(limit)
    except ZIP_READ_ERRORS as exc:
        raise PartError(part, "corrupt") from exc


def _refuse_dtd(*_args) -> None:
    raise DTDForbidden(None, None, None)


def _refuse_entity(*_args) -> None:
    raise EntitiesForbidden(None, None, None, None, None, None)


def _refuse_external(*_args) -> None:
    raise ExternalReferenceForbidden(None, None, None, None)


class _Depth:
    """Callbacks that only bound the nesting (parts other than worksheets: well-formedness and DTDs matter)."""

    def __init__(self) -> None:
        self.depth = 0

    def start(self, _name: str, _attrs: dict) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep

    def end(self, _name: str) -> None:
        self.depth -= 1

    text = None


class _TooDeep(Exception):
    pass


def stream_part(zf: zipfile.ZipFile, part: str, handler=None, *, only_xml: bool = False) -> None:
    """Feed one part to expat in chunks, calling `handler.start/end/text`; PartError on damage, bad XML or a DTD.

    Element and attribute names arrive as written (`c` or `x:c`); handlers strip a prefix when they see one.
    With `only_xml`, a part that does not start like XML (an image, a binary) is left alone.
    """
    handler = handler or _Depth()
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_external
    parser.buffer_text = True
    parser.StartElementHandler, parser.EndElementHandler = handler.start, handler.end
    if handler.text is not None:
        parser.CharacterDataHandler = handler.text
    try:
        with zf.open(part) as fh:
            head = fh.read(64)
            if only_xml and not head.lstrip().startswith(_XML_HEADS):
                return
            parser.Parse(head, False)
            while chunk := fh.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _XML_REFUSED as exc:
        raise PartError(part, "dtd") from exc
    except _TooDeep as exc:
        raise PartError(part, "corrupt", parser.CurrentLineNumber) from exc
    except expat.ExpatError as exc:
        raise PartError(part, "corrupt", exc.lineno) from exc
    except ZIP_READ_ERRORS as exc:
        raise PartError(part, "corrupt") from exc


def check_part(zf: zipfile.ZipFile, part: str) -> None:
    """Parse a non-worksheet part once when it starts like XML (any extension: relationships may name
    `sheet1.dat`): only well-formedness, nesting and DTDs matter."""
    stream_part(zf, part, only_xml=True)


class _Collect(_Depth):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[Tag] = []

    def start(self, name: str, attrs: dict) -> None:
        super().start(name, attrs)
        self.tags.append(Tag(local(name), {local(k): v for k, v in attrs.items()}))


def parse_small(zf: zipfile.ZipFile, part: str) -> list[Tag]:
    """Every element of a small part (workbook, relationships, content types), in document order."""
    collect = _Collect()
    stream_part(zf, part, collect)
    return collect.tags


class _SheetScanner(_Depth):
    """Callbacks for one worksheet part: counts cells, keeps the current cell's formula flag and value text.

    A cell's reference is its r attribute; without one it is the next column of its row (openpyxl's rule),
    worked out only when the cell matters (a formula or an unreadable value).
    """

    def __init__(self, budget: int):
        super().__init__()
        self.scan = SheetScan()
        self.budget = budget
        self.row_no = self.col_no = 0
        self.ref: str | None = None
        self.cell_type = "n"
        self.has_formula = self.in_value = False
        self.value: list[str] = []

    def start(self, name: str, attrs: dict) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep
        if ":" in name:
            name = name.rsplit(":", 1)[1]
        if name == "c":
            self.scan.cells += 1
            if self.scan.cells > self.budget:
                raise TooManyCells
            self._locate(attrs.get("r"))
            self.cell_type = attrs.get("t", "n")
            self.has_formula, self.value = False, []
        elif name == "row":
            self.row_no, self.col_no, self.ref = _int(attrs.get("r"), self.row_no + 1), 0, None
        elif name == "f":
            self.has_formula = True
        elif name == "v":
            self.in_value = True
        elif name == "mergeCell":  # a reader makes a cell of every cell a merged range covers
            self.scan.cells += _area(attrs.get("ref"))
            if self.scan.cells > self.budget:
                raise TooManyCells

    def _locate(self, r: str | None) -> None:
        if r is None:
            if self.ref is not None:  # the previous cell had a reference: continue from its column
                self.col_no = _cell_ref(self.ref, self.row_no, 0)[1]
            self.col_no += 1
        self.ref = r

    def end(self, name: str) -> None:
        self.depth -= 1
        if ":" in name:
            name = name.rsplit(":", 1)[1]
        if name == "v":
            self.in_value = False
        elif name == "c" and (self.has_formula or self.value):
            stored = "".join(self.value).strip()
            convertible = not stored or _convertible(self.cell_type, stored)
            if self.has_formula or not convertible:
                ref = (
                    self.ref
                    if self.ref and _REF.fullmatch(self.ref)
                    else _cell_ref(None, self.row_no, self.col_no - 1)[0]
                )
                if self.has_formula:
                    self.scan.formulas[ref] = FormulaCell(ref, bool(stored))
                if not convertible:
                    self.scan.bad_cells.append(BadCell(ref, self.cell_type, stored[:40]))

    def text(self, data: str) -> None:
        if self.in_value and len(self.value) < 64:
            self.value.append(data)


def scan_sheet(zf: zipfile.ZipFile, part: str, budget: int) -> SheetScan:
    """Count cells (TooManyCells past `budget`), find formula cells and cells openpyxl could not convert."""
    scanner = _SheetScanner(budget)
    stream_part(zf, part, scanner)
    return scanner.scan


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() else default


def _cell_ref(r: str | None, row_no: int, col_no: int) -> tuple[str, int]:
    """The cell's reference (its r attribute, else the next position in the row) and its column number."""
    m = _REF.fullmatch(r or "")
    if m:
        return m.group(0), _column(m.group(1))
    col_no += 1
    return f"{column_letters(col_no)}{row_no}", col_no


def _area(ref: str | None) -> int:
    """The number of cells of a range reference such as A1:C3 (0 when it is not one)."""
    m = _RANGE.fullmatch((ref or "").upper())
    if not m:
        return 0
    c1, r1, c2, r2 = _column(m.group(1)), int(m.group(2)), _column(m.group(3)), int(m.group(4))
    return (abs(c2 - c1) + 1) * (abs(r2 - r1) + 1)


def _column(letters: str) -> int:
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return col


def column_letters(number: int) -> str:
    """The letters of column `number` (1 → A, 27 → AA); `_column` the other way."""
    letters = ""
    while number:
        number, rem = divmod(number - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _convertible(cell_type: str, stored: str) -> bool:
    """Whether openpyxl can convert the stored text of a cell of this type (else it fails the whole file)."""
    try:
        if cell_type == "n":  # openpyxl's rule; NaN and infinity convert, and are refused later as values
            _ = float(stored) if any(ch in stored for ch in ".eE") else int(stored)
        elif cell_type in ("b", "s"):
            int(stored)
        elif cell_type == "d":
            from openpyxl.utils.datetime import from_ISO8601

            from_ISO8601(stored)
    except ValueError:
        return False
    return True


def blank_cells(zf: zipfile.ZipFile, part: str, refs: set[str], limit: int) -> bytes:
    """The part with the stored values of `refs` removed, so those cells read as empty and the rest as they are."""
    if zf.getinfo(part).file_size > MAX_REWRITE_BYTES:
        raise PartError(part, "corrupt")
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
