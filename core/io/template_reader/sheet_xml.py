"""A worksheet part read straight from expat into cells, the way openpyxl's `WorkSheetParser` reads it.

openpyxl builds an element tree of the whole part through defusedxml's pure-Python parser and
converts every sheet property (validations, views, page setup). The reader needs only the
cells and the merged ranges, so this parser keeps just those, converting each cell exactly as
`WorkSheetParser.parse_cell` does with `data_only=True` (same helpers: `_cast_number`,
`from_excel` for date formats, `from_ISO8601`, shared strings by index, inline strings).

It handles the structure real workbooks have: rows of cells, values in `<v>`, plain inline
strings, `<mergeCells>`. Anything else (a rich inline string, nested rows, a value with child
elements, a part expat refuses) raises `Unusual` and the caller reads the part with openpyxl's
own parser, so odd files still get openpyxl's answer. Like every parse of an untrusted part,
DTDs and entities are refused (the part has already passed `xml_scan`'s streaming checks).
"""

from __future__ import annotations

from xml.parsers import expat

from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._reader import _cast_number
from openpyxl.xml.constants import SHEET_MAIN_NS

_NS = SHEET_MAIN_NS + "}"  # expat's "uri}local" names with namespace_separator "}"
ROW, CELL, VALUE, INLINE, TEXT = (_NS + t for t in ("row", "c", "v", "is", "t"))
MERGES, MERGE = _NS + "mergeCells", _NS + "mergeCell"
_CHUNK = 64 * 1024


class Unusual(Exception):
    """A structure this parser does not read: openpyxl's parser reads the part instead."""


def _refuse(*_args) -> None:
    raise Unusual


class SheetCells:
    """expat callbacks collecting (row, column, value, style id) per cell and the merged range references."""

    def __init__(self, shared_strings, epoch, date_formats, timedelta_formats):
        self.shared_strings, self.epoch = shared_strings, epoch
        self.date_formats, self.timedelta_formats = date_formats, timedelta_formats
        self.cells: list[tuple[int, int, object, int]] = []
        self.merges: list[str] | None = None
        self.row_counter = self.col_counter = 0
        self.stack: list[str] = []
        self.cell: dict | None = None  # attributes of the open cell
        self.value: list[str] | None = None  # text of its first <v> (None: no <v> yet)
        self.inline: list[str] | None = None  # text of its first <is> (None: no <is>)
        self.text: list[str] | None = None  # the character data being collected, if any

    def start(self, name: str, attrs: dict) -> None:
        stack = self.stack
        parent = stack[-1] if stack else None
        stack.append(name)
        if self.text is not None and parent in (VALUE, TEXT):
            raise Unusual  # an element inside a value or a string
        if parent == ROW:
            if name != CELL:
                raise Unusual
            self.cell, self.value, self.inline = attrs, None, None
        elif parent == CELL:
            if name == VALUE and self.value is None:
                self.value = self.text = []
            elif name == INLINE:
                if self.inline is not None or attrs:
                    raise Unusual
                self.inline = []
        elif parent == INLINE:
            if name != TEXT or attrs.keys() - {"http://www.w3.org/XML/1998/namespace}space"}:
                raise Unusual
            self.inline = self.text = []  # the last <t> is the string (openpyxl's Text.from_tree)
        elif name == ROW:
            self._row(attrs)
        elif name == MERGES:
            self._merges(attrs)
        elif parent == MERGES:
            if name != MERGE or attrs.keys() != {"ref"}:
                raise Unusual
            self.merges.append(attrs["ref"])

    def _row(self, attrs: dict) -> None:
        if ROW in self.stack[:-1]:
            raise Unusual
        r = attrs.get("r")
        if r is None:
            self.row_counter += 1
        else:
            try:
                self.row_counter = int(r)
            except ValueError:
                val = float(r)
                if not val.is_integer():
                    raise ValueError(f"{r} is not a valid row number") from None
                self.row_counter = int(val)
        self.col_counter = 0

    def _merges(self, attrs: dict) -> None:
        if ROW in self.stack or attrs.keys() - {"count"} or not attrs.get("count", "0").isdigit():
            raise Unusual
        self.merges = []  # the last <mergeCells> counts, as openpyxl keeps it

    def end(self, name: str) -> None:
        self.stack.pop()
        if name in (VALUE, TEXT):
            self.text = None
        elif name == CELL and self.stack and self.stack[-1] == ROW:
            self._cell()

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def _cell(self) -> None:
        """openpyxl's parse_cell with data_only=True."""
        attrs = self.cell
        data_type = attrs.get("t", "n")
        coordinate = attrs.get("r")
        style_id = attrs.get("s", 0)
        if style_id:
            style_id = int(style_id)
        value = None if data_type == "inlineStr" or self.value is None else "".join(self.value) or None
        if coordinate:
            row, column = coordinate_to_tuple(coordinate)
            self.col_counter = column
        else:
            self.col_counter += 1
            row, column = self.row_counter, self.col_counter
        if value is not None:
            value = self._convert(data_type, value, style_id)
        elif data_type == "inlineStr" and self.inline is not None:
            value = "".join(self.inline)
        self.cells.append((row, column, value, style_id))

    def _convert(self, data_type: str, value: str, style_id: int):
        if data_type == "n":
            value = _cast_number(value)
            if style_id in self.date_formats:
                try:
                    return from_excel(value, self.epoch, timedelta=style_id in self.timedelta_formats)
                except (OverflowError, ValueError):  # openpyxl warns and reads it as the error #VALUE!
                    return "#VALUE!"
            return value
        if data_type == "s":
            return self.shared_strings[int(value)]
        if data_type == "b":
            return bool(int(value))
        if data_type == "d":
            return from_ISO8601(value)
        return value


def read_sheet_cells(fh, handler: SheetCells) -> SheetCells:
    """Feed a worksheet part to expat; Unusual when openpyxl's parser must read it instead."""
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = parser.ExternalEntityRefHandler = _refuse
    parser.buffer_text = True
    parser.StartElementHandler, parser.EndElementHandler = handler.start, handler.end
    parser.CharacterDataHandler = handler.data
    try:
        while chunk := fh.read(_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise Unusual from exc
    return handler
