"""Word (.docx) from a report Document, with python-docx: real heading styles, East Asian fonts,
A4 with GB/T 9704-like margins, page numbers, numbered captions, tables at the text width.

The default template's heading styles carry `asciiTheme`/`eastAsiaTheme` on their `rFonts`,
which override an explicit `w:eastAsia` (spec 04); they are removed, so 黑体/楷体/仿宋 apply.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from lxml.etree import SubElement

from ..kernel.atomic import atomic_path
from .document import Document, Figure, Heading, PageBreak, Paragraph, Table, cell_text

# GB/T 9704: A4, top 37 mm, bottom 35 mm, left 28 mm, right 26 mm → text width 156 mm.
PAGE_W, PAGE_H = Mm(210), Mm(297)
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
TEXT_WIDTH_MM = 156
BODY_FONT, HEADING_FONT, SECOND_FONT, LATIN_FONT = "仿宋", "黑体", "楷体", "Times New Roman"
BODY_PT, TABLE_PT, NOTE_PT = 15, 10.5, 10.5  # 小三 body; 五号 tables and notes
WIDE_TABLE_PT, WIDE_TABLE_COLUMNS = 9, 7  # 小五 for tables of 7 columns or more (years across)
HEADING_PT = {1: 16, 2: 16, 3: 15}  # 三号 headings, 小三 third level
TABLE_TEXT, TABLE_HEADER, WIDE_TABLE_TEXT = "Table Text", "Table Header", "Table Text Wide"
W_TR, W_TRPR, W_TBLHEADER, W_TC, W_TCPR, W_TCW = (
    qn(f"w:{t}") for t in ("tr", "trPr", "tblHeader", "tc", "tcPr", "tcW")
)
W_P, W_PPR, W_PSTYLE, W_JC, W_R, W_T = (qn(f"w:{t}") for t in ("p", "pPr", "pStyle", "jc", "r", "t"))
W_VAL, W_TYPE, W_W, XML_SPACE = qn("w:val"), qn("w:type"), qn("w:w"), qn("xml:space")
STYLE_FONTS = {"Normal": BODY_FONT, "Heading 1": HEADING_FONT, "Heading 2": SECOND_FONT, "Heading 3": BODY_FONT}


def set_fonts(rfonts_owner, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Explicit fonts on a style's or run's rPr; theme attributes removed so they cannot override."""
    rpr = rfonts_owner.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:cs"), latin)


def _setup_styles(doc) -> None:
    styles = doc.styles
    for name, east_asia in STYLE_FONTS.items():
        style = styles[name]
        set_fonts(style.element, east_asia)
        style.font.color.rgb = None
        if name == "Normal":
            style.font.size = Pt(BODY_PT)
            style.paragraph_format.line_spacing = Pt(28)
            style.paragraph_format.space_after = Pt(0)
        else:
            level = int(name[-1])
            style.font.size = Pt(HEADING_PT[level])
            style.font.bold = level != 2
            style.font.italic = False
            style.paragraph_format.space_before = Pt(12 if level == 1 else 6)
            style.paragraph_format.space_after = Pt(6)
            style.paragraph_format.keep_with_next = True
    caption = styles["Caption"]
    set_fonts(caption.element, HEADING_FONT)
    caption.font.size = Pt(TABLE_PT)
    caption.font.bold = False
    caption.font.italic = False
    caption.font.color.rgb = None
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.keep_with_next = True
    table_styles = (
        (TABLE_TEXT, BODY_FONT, False, TABLE_PT),
        (TABLE_HEADER, HEADING_FONT, True, TABLE_PT),
        (WIDE_TABLE_TEXT, BODY_FONT, False, WIDE_TABLE_PT),
    )
    for name, font, bold, size in table_styles:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        set_fonts(style.element, font)
        style.font.size = Pt(size)
        style.font.bold = bold
        style.paragraph_format.line_spacing = 1.0
        style.paragraph_format.first_line_indent = Pt(0)
        if bold:
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    lang = doc.settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A Word field (PAGE, TOC): begin, instruction, separate, shown text, end."""
    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", placeholder),
        ("end", None),
    ):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


def _setup_page(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_W, PAGE_H
    for side, value in MARGINS.items():
        setattr(section, f"{side}_margin", value)
    section.footer_distance = Mm(20)
    section.different_first_page_header_footer = True  # no number on the title page
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(footer, "PAGE", "1")
    for run in footer.runs:
        run.font.size = Pt(14)


def _title_page(doc, document: Document) -> None:
    t = document.title
    for _ in range(4):
        doc.add_paragraph()
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(t.title)
    run.font.size = Pt(22)  # 二号
    run.bold = True
    set_fonts(run._r, HEADING_FONT)
    for _ in range(3):
        doc.add_paragraph()
    for line in t.lines:
        q = doc.add_paragraph(line)
        q.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    if document.toc:
        doc.add_paragraph(document.toc_title, style="TOC Heading" if "TOC Heading" in doc.styles else None)
        _field(
            doc.add_paragraph(),
            'TOC \\o "1-3" \\h \\z \\u',
            "（右键“更新域”生成目录）" if document.lang == "zh" else "",
        )
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _cell(tr, text: str, width: str, style_id: str, right: bool) -> None:
    """One table cell as python-docx writes it (width, a paragraph in a table style, one run), built
    with lxml directly: python-docx's per-child schema lookups cost most of a report's time."""
    tc = SubElement(tr, W_TC)
    tcw = SubElement(SubElement(tc, W_TCPR), W_TCW)
    tcw.set(W_TYPE, "dxa")
    tcw.set(W_W, width)
    p = SubElement(tc, W_P)
    ppr = SubElement(p, W_PPR)
    SubElement(ppr, W_PSTYLE).set(W_VAL, style_id)  # fonts and size live in the style: fast, and editable
    if right:
        SubElement(ppr, W_JC).set(W_VAL, "right")
    run = SubElement(p, W_R)
    if any(ch in text for ch in "\t\r\n"):
        run.text = text  # python-docx's run text: tabs and line breaks as Word elements
    elif text:
        t = SubElement(run, W_T)
        t.text = text
        if len(text.strip()) < len(text):
            t.set(XML_SPACE, "preserve")


def _table(doc, table: Table, styles: Mapping[str, str]) -> None:
    _paragraph(doc, table.caption, styles["Caption"])
    total = sum(c.width for c in table.columns)
    widths = [Mm(TEXT_WIDTH_MM * c.width / total) for c in table.columns]
    twips = [str(w.twips) for w in widths]  # as python-docx writes a cell's width
    t = doc.add_table(rows=0, cols=len(table.columns))
    t._tbl.tblStyle_val = styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    header = SubElement(t._tbl, W_TR)
    SubElement(SubElement(header, W_TRPR), W_TBLHEADER).set(W_VAL, "true")  # repeated on every page
    for col, width in zip(table.columns, twips, strict=True):
        _cell(header, col.header, width, styles[TABLE_HEADER], False)
    body = styles[WIDE_TABLE_TEXT if len(table.columns) >= WIDE_TABLE_COLUMNS else TABLE_TEXT]
    for row in table.rows:
        tr = SubElement(t._tbl, W_TR)
        for col, cell, width in zip(table.columns, row, twips, strict=True):
            _cell(tr, cell_text(cell, col.kind), width, body, col.kind != "text")  # Word reads the cells' widths
    for grid_col, width in zip(t._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = width  # LibreOffice reads the grid's
    for note in table.notes:
        _note(doc, note)


def _note(doc, text: str) -> None:
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.font.size = Pt(NOTE_PT)
    p.paragraph_format.line_spacing = 1.15


def _figure(doc, figure: Figure, image: bytes | None, no_image_note: str, caption_style: str) -> None:
    if image:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.line_spacing = 1.0
        p.add_run().add_picture(io.BytesIO(image), width=Cm(figure.width_cm))
        _paragraph(doc, figure.caption, caption_style)
    else:
        _paragraph(doc, figure.caption, caption_style)
        _note(doc, no_image_note)


def _style_ids(doc) -> dict[str, str]:
    """Style name → id, looked up once: python-docx's `style=` by name searches every style each time."""
    names = ("Caption", "Table Grid", TABLE_TEXT, TABLE_HEADER, WIDE_TABLE_TEXT, *(f"Heading {n}" for n in (1, 2, 3)))
    return {name: doc.styles[name].style_id for name in names}


def _paragraph(doc, text: str, style_id: str):
    """`doc.add_paragraph(text, style=…)` with the style's id (the same XML)."""
    p = doc.add_paragraph(text)
    p._p.style = style_id
    return p


def write_docx(
    document: Document, path: str | Path, images: Mapping[int, bytes] | None = None, no_image_note: str = ""
) -> None:
    """Write the document; `images` maps figure numbers to PNG bytes (absent: the note instead)."""
    doc = new_docx()
    _setup_styles(doc)
    _setup_page(doc)
    _title_page(doc, document)
    images = images or {}
    styles = _style_ids(doc)
    for block in document.blocks:
        if isinstance(block, Heading):
            _paragraph(doc, block.text, styles[f"Heading {block.level}"])
        elif isinstance(block, Paragraph):
            if block.note:
                _note(doc, block.text)
            else:
                p = doc.add_paragraph(block.text)
                p.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
        elif isinstance(block, Table):
            _table(doc, block, styles)
        elif isinstance(block, Figure):
            _figure(doc, block, images.get(block.number), no_image_note, styles["Caption"])
        elif isinstance(block, PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    props = doc.core_properties
    props.title, props.author = document.title.title, ""
    with atomic_path(path) as tmp:
        doc.save(str(tmp))
