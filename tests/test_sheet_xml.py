"""The template reader's own worksheet parser gives exactly the cells openpyxl's WorkSheetParser gives.

Each sheet below is read both ways (data_only=True, as the reader loads); parts the fast parser
does not handle raise Unusual so the reader falls back to openpyxl, and a workbook whose region
cell is a rich inline string still reads through that fallback.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import openpyxl
import pytest
from broken_corpus import filled_region_workbook
from openpyxl.utils.datetime import WINDOWS_EPOCH
from openpyxl.worksheet._reader import WorkSheetParser

from core.io.template_reader import read_template_workbook
from core.io.template_reader.sheet_model import load_book
from core.io.template_reader.sheet_xml import SheetCells, Unusual, read_sheet_cells
from core.model.framework import load_framework

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED = ["alpha", "江苏省", " spaced "]
DATES, TIMES = {3, 4}, {4}
pytestmark = pytest.mark.filterwarnings("ignore:Cell .* is marked as a date:UserWarning")


def sheet(body: str, extra: str = "", ns: str = f'xmlns="{NS}"') -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>{body}</sheetData>{extra}</worksheet>'.encode()


def openpyxl_cells(xml: bytes):
    parser = WorkSheetParser(io.BytesIO(xml), SHARED, True, WINDOWS_EPOCH, DATES, TIMES, rich_text=False)
    cells = [(c["row"], c["column"], c["value"], c["style_id"]) for _, row in parser.parse() for c in row]
    merges = [m.ref for m in parser.merged_cells.mergeCell] if parser.merged_cells else None
    return cells, merges


def fast_cells(xml: bytes):
    found = read_sheet_cells(io.BytesIO(xml), SheetCells(SHARED, WINDOWS_EPOCH, DATES, TIMES))
    return found.cells, found.merges


SAME = {
    "numbers": '<row r="1"><c r="A1"><v>12</v></c><c r="B1"><v>1.5</v></c><c r="C1"><v>2E3</v></c>'
    '<c r="D1"><v> 7</v></c><c r="E1"><v></v></c><c r="F1"/><c r="G1" s="2"><v>-0.25</v></c></row>',
    "dates by style": '<row r="2"><c r="A2" s="3"><v>43831</v></c><c r="B2" s="4"><v>0.5</v></c>'
    '<c r="C2" s="3"><v>99999999</v></c></row>',
    "types": '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="b"><v>0</v></c>'
    '<c r="D3" t="str"><v>text</v></c><c r="E3" t="e"><v>#DIV/0!</v></c>'
    '<c r="F3" t="d"><v>2020-05-01T00:00:00</v></c><c r="G3" t="s"><v>2</v></c></row>',
    "inline strings": '<row r="4"><c r="A4" t="inlineStr"><is><t>江苏</t></is></c>'
    '<c r="B4" t="inlineStr"><is><t xml:space="preserve"> a b </t></is></c><c r="C4" t="inlineStr"><is/></c>'
    '<c r="D4" t="inlineStr"><is><t></t></is></c><c r="E4" t="inlineStr"/>'
    '<c r="F4" t="inlineStr"><v>9</v><is><t>x</t></is></c><c r="G4" t="inlineStr"><is><t>a</t><t>b</t></is></c></row>',
    "formulas with cached values": '<row r="5"><c r="A5"><f>1+1</f><v>2</v></c><c r="B5"><f>X</f></c>'
    '<c r="C5" t="str"><f>"a"</f><v>a</v></c></row>',
    "no references": '<row><c><v>1</v></c><c><v>2</v></c><c r="E7"><v>3</v></c><c><v>4</v></c></row>'
    '<row r="9.0"><c><v>5</v></c></row><row spans="1:2" ht="20"><c t="b"><v>1</v></c></row>',
    "first value only": '<row r="1"><c r="A1"><v>1</v><v>2</v></c></row>',
    "prefixed": '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>p</x:t></x:is></x:c><x:c r="B1"><x:v>3</x:v></x:c>'
    "</x:row>",
}


@pytest.mark.parametrize("name", sorted(SAME))
def test_cells_as_openpyxl_reads_them(name):
    body = SAME[name]
    if name == "prefixed":
        xml = f'<?xml version="1.0"?><x:worksheet xmlns:x="{NS}"><x:sheetData>{body}</x:sheetData></x:worksheet>'
        xml = xml.encode()
    else:
        xml = sheet(body)
    assert fast_cells(xml) == openpyxl_cells(xml)


def test_merged_ranges_and_other_namespaces_as_openpyxl():
    merges = '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="D4:D9"/></mergeCells>'
    xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row>', merges)
    assert fast_cells(xml) == openpyxl_cells(xml) == ([(1, 1, 1, 0)], ["A1:B2", "D4:D9"])
    foreign = sheet('<row r="1"><c r="A1"><v>1</v></c></row>', ns='xmlns="urn:other"')
    assert fast_cells(foreign) == openpyxl_cells(foreign) == ([], None)


UNUSUAL = {
    "rich inline string": '<row r="1"><c r="A1" t="inlineStr"><is><r><t>江</t></r><r><t>苏</t></r></is></c></row>',
    "phonetic run": '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t><rPh sb="0" eb="1"><t>x</t></rPh></is></c></row>',
    "nested row": '<row r="1"><row r="2"><c r="A2"><v>1</v></c></row></row>',
    "not a cell in a row": '<row r="1"><x><v>1</v></x></row>',
    "element in a value": '<row r="1"><c r="A1"><v>1<b/></v></c></row>',
}


@pytest.mark.parametrize("name", sorted(UNUSUAL))
def test_unusual_parts_are_left_to_openpyxl(name):
    with pytest.raises(Unusual):
        fast_cells(sheet(UNUSUAL[name]))


def test_unbound_prefix_and_dtd_are_left_to_openpyxl():
    with pytest.raises(Unusual):
        fast_cells(sheet('<row r="1"><q:c r="A1"><v>1</v></q:c></row>'))
    with pytest.raises(Unusual):
        fast_cells(b'<!DOCTYPE x [<!ENTITY a "b">]>' + sheet(""))


def _with_rich_region(src: bytes) -> bytes:
    """The region cell (C3 of 指标数据) rewritten as a rich inline string of two runs."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        data_part = "xl/worksheets/sheet2.xml"
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == data_part:
                text = data.decode()
                start = text.index('<c r="C3"')
                end = text.index("</c>", start) + 4
                style = text[start:end].split('s="')[1].split('"')[0]
                rich = f'<c r="C3" s="{style}" t="inlineStr"><is><r><t>江苏</t></r><r><rPr><b/></rPr><t>省</t></r></is></c>'
                data = (text[:start] + rich + text[end:]).encode()
            zout.writestr(info, data)
    return out.getvalue()


def test_rich_text_region_reads_through_openpyxl(tmp_path):
    fw = load_framework()
    plain = tmp_path / "plain.xlsx"
    filled_region_workbook(fw, "江苏省").save(plain)
    rich = tmp_path / "rich.xlsx"
    rich.write_bytes(_with_rich_region(plain.read_bytes()))
    assert openpyxl.load_workbook(rich, data_only=True)["指标数据"]["C3"].value == "江苏省"
    book = load_book(rich)
    try:
        assert book["指标数据"]["C3"].value == "江苏省"
    finally:
        book.close()
    a, b = read_template_workbook(plain, fw), read_template_workbook(rich, fw)
    assert b.files[0].region == "江苏省"
    assert [(o.region, o.indicator, o.year, o.value) for o in a.observations] == [
        (o.region, o.indicator, o.year, o.value) for o in b.observations
    ]
    assert [p.code for p in a.problems] == [p.code for p in b.problems]


def test_number_formats_and_merged_cells_as_openpyxl(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "指标数据"
    ws["A1"], ws["A1"].number_format = 0.5, "0.0%"
    ws["B1"], ws["B1"].number_format = datetime(2020, 1, 2), "yyyy-mm-dd"
    ws["C1"], ws["C1"].number_format = 1234.5, '#,##0.00" 元"'
    ws["D2"], ws["E2"] = "top", "hidden by the merge"
    ws.merge_cells("D2:E3")
    path = tmp_path / "f.xlsx"
    wb.save(path)
    ours, theirs = load_book(path), openpyxl.load_workbook(path, data_only=True)
    try:
        a, b = ours["指标数据"], theirs["指标数据"]
        for coord in ("A1", "B1", "C1", "D2", "E2", "D3", "E3", "F9"):
            assert (a[coord].value, a[coord].number_format) == (b[coord].value, b[coord].number_format), coord
        assert (a.max_row, a.max_column) == (b.max_row, b.max_column)
        assert [r.coord for r in a.merged_cells.ranges] == [r.coord for r in b.merged_cells.ranges]
    finally:
        ours.close()


def test_known_stylesheets_are_reused_only_for_identical_styles(tmp_path):
    paths = []
    for i, fmt in enumerate(("0.0%", "0.00", "0.0%")):
        wb = openpyxl.Workbook()
        wb.active["A1"], wb.active["A1"].number_format = 0.5, fmt
        paths.append(tmp_path / f"{i}.xlsx")
        wb.save(paths[-1])
    for path, fmt in zip(paths, ("0.0%", "0.00", "0.0%"), strict=True):
        book = load_book(path)
        try:
            assert book[book.sheetnames[0]]["A1"].number_format == fmt
        finally:
            book.close()


def test_sheet_titles_as_openpyxl_gives_them(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "指标数据"
    for title in ("Other", "Third"):
        wb.create_sheet(title)
    plain = tmp_path / "plain.xlsx"
    wb.save(plain)
    renamed = tmp_path / "renamed.xlsx"
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(renamed, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/workbook.xml":
                data = data.replace(b'name="Other"', b'name="OTHER"').replace(b'name="Third"', b'name="other"')
            zout.writestr(info, data)
    book = load_book(renamed)
    try:
        assert book.sheetnames == openpyxl.load_workbook(renamed).sheetnames == ["指标数据", "OTHER", "other1"]
    finally:
        book.close()


@pytest.mark.parametrize("sheet_name", ["填报说明", "指标数据"])
def test_damaged_cells_in_any_sheet_still_make_the_file_unreadable(tmp_path, sheet_name):
    """A style index past the stylesheet fails openpyxl's load of the whole file; it still does."""
    fw = load_framework()
    plain = tmp_path / "plain.xlsx"
    wb = filled_region_workbook(fw, "江苏省")
    part = f"xl/worksheets/sheet{wb.sheetnames.index(sheet_name) + 1}.xml"
    wb.save(plain)
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(damaged, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                data = data.replace(b' s="1"', b' s="999"', 1)
                assert b' s="999"' in data
            zout.writestr(info, data)
    with pytest.raises(IndexError):
        openpyxl.load_workbook(damaged, data_only=True)
    result = read_template_workbook(damaged, fw)
    assert [p.code for p in result.problems] == ["file_unreadable"]
    assert result.problems[0].args["detail"].args == {"error": "IndexError"}
    assert not result.observations
