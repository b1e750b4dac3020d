"""Simple HTML for Qt's rich-text engine (QTextDocument → PDF): headings, paragraphs, tables,
images each in its own block (an <img> after a <p> may otherwise share the caption's line)."""

from __future__ import annotations

from html import escape

from .document import Document, Figure, Heading, PageBreak, Paragraph, Table, cell_text

CSS = """
body { font-size: 12pt; }
h1 { font-size: 16pt; font-weight: bold; margin-top: 14pt; margin-bottom: 6pt; }
h2 { font-size: 14pt; font-weight: bold; margin-top: 10pt; margin-bottom: 4pt; }
h3 { font-size: 12pt; font-weight: bold; }
p { margin-top: 0; margin-bottom: 4pt; line-height: 140%; }
p.body { text-indent: 24pt; }
p.note { font-size: 9pt; color: #444444; }
p.caption { font-size: 10pt; font-weight: bold; text-align: center; margin-top: 6pt; }
p.title { font-size: 22pt; font-weight: bold; text-align: center; margin-top: 120pt; margin-bottom: 60pt; }
p.titleline { font-size: 13pt; text-align: center; }
table { border-collapse: collapse; }
th { background-color: #e6edf4; font-size: 9pt; padding: 2px; }
td { font-size: 9pt; padding: 2px; }
td.num { text-align: right; }
"""

# Qt lays rich text out at 96 px per inch and scales it to the printer: the text width of an A4
# page with GB/T 9704 side margins (210 − 28 − 26 = 156 mm) is 590 px.
TEXT_WIDTH_MM = 156
TEXT_WIDTH_PX = round(TEXT_WIDTH_MM / 25.4 * 96)
PAGE_BREAK = '<p style="page-break-after: always;">&nbsp;</p>'


def image_name(figure: Figure) -> str:
    return f"figure-{figure.number}.png"


def _table(table: Table) -> str:
    total = sum(c.width for c in table.columns)
    head = "".join(f'<th width="{100 * c.width / total:.0f}%">{escape(c.header)}</th>' for c in table.columns)
    rows = []
    for row in table.rows:
        cells = "".join(
            f'<td class="{"num" if col.kind != "text" else ""}">{escape(cell_text(cell, col.kind))}</td>'
            for col, cell in zip(table.columns, row, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    notes = "".join(f'<p class="note">{escape(n)}</p>' for n in table.notes)
    return (
        f'<p class="caption">{escape(table.caption)}</p>'
        f'<table width="100%" border="1" cellspacing="0" cellpadding="2"><thead><tr>{head}</tr></thead>'
        f"{''.join(rows)}</table>{notes}"
    )


def _figure(figure: Figure, with_image: bool, no_image_note: str) -> str:
    width = round(TEXT_WIDTH_PX * min(1.0, figure.width_cm * 10 / TEXT_WIDTH_MM))
    if not with_image:
        return f'<p class="caption">{escape(figure.caption)}</p><p class="note">{escape(no_image_note)}</p>'
    return (
        f'<div align="center"><img src="{image_name(figure)}" width="{width}"></div>'
        f'<p class="caption">{escape(figure.caption)}</p>'
    )


def to_html(document: Document, images: frozenset[int] | set[int] = frozenset(), no_image_note: str = "") -> str:
    """The document as HTML; `images` lists the figure numbers that have a picture (named by `image_name`)."""
    t = document.title
    parts = [f'<p class="title">{escape(t.title)}</p>']
    parts += [f'<p class="titleline">{escape(line)}</p>' for line in t.lines]
    parts.append(PAGE_BREAK)
    for block in document.blocks:
        if isinstance(block, Heading):
            parts.append(f"<h{block.level}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            parts.append(f'<p class="{"note" if block.note else "body"}">{escape(block.text)}</p>')
        elif isinstance(block, Table):
            parts.append(_table(block))
        elif isinstance(block, Figure):
            parts.append(_figure(block, block.number in images, no_image_note))
        elif isinstance(block, PageBreak):
            parts.append(PAGE_BREAK)
    body = "\n".join(parts)
    head = f'<meta charset="utf-8"><title>{escape(t.title)}</title><style>{CSS}</style>'
    return f"<html><head>{head}</head><body>{body}</body></html>"
