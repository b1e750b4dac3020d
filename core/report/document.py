"""A neutral report model: what a report says, independent of Word, PDF or Excel.

The builder fills a `Document` from result objects (no calculations of its own); the writers
(docx, xlsx, html → PDF) only lay it out. Every text is already rendered in the report's
language; numbers stay numbers, and `Column.kind` says how each writer prints them, so a value
reads the same in all three formats.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

# Column kinds → decimals printed (None: text). One table, used by every writer.
DECIMALS: dict[str, int | None] = {
    "text": None, "index": 1, "growth": 2, "value": 2, "share": 1, "int": 0, "ratio": 3,
}  # fmt: skip


@dataclass(frozen=True)
class TitlePage:
    title: str
    region: str
    year: int
    framework: str  # framework name
    framework_id: str
    framework_version: str
    app_version: str
    date: str  # ISO date the report was made
    lines: tuple[str, ...] = ()  # the title page's labelled lines, rendered by the builder


@dataclass(frozen=True)
class Heading:
    level: int  # 1, 2 or 3
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    note: bool = False  # a smaller explanatory line (sources, marks, "why not")


@dataclass(frozen=True)
class Cell:
    """A table value with its mark (* 预估, ~ 插值) and, for text from input, nothing special:
    writers neutralise every text cell themselves."""

    value: float | str | None
    mark: str = ""


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = "text"  # a key of DECIMALS
    width: float = 1.0  # relative width; writers scale the sum to the text width


@dataclass(frozen=True)
class Table:
    number: int
    caption: str  # full caption, e.g. "表 1  总指数"
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    notes: tuple[str, ...] = ()
    sheet: str = ""  # short sheet name for the xlsx writer ("" = not a sheet of its own)


@dataclass(frozen=True)
class ChartSeries:
    name: str
    values: tuple[float | None, ...]
    estimated: tuple[bool, ...] = ()  # point i estimated → the segment into it is dashed
    dashed: bool = False  # the whole series dashed (e.g. the nation as reference)


@dataclass(frozen=True)
class ChartSpec:
    """Which chart and its data; drawn by the GUI's chart classes (desktop) or natively in xlsx."""

    kind: str  # "line" (index over years), "bars" (categories × groups), "radar", "scatter" or "tilemap"
    title: str
    x_labels: tuple[str, ...]  # years, categories, radar axes, or the scatter's point names
    series: tuple[ChartSeries, ...]  # scatter: exactly two, x values then y values
    y_label: str = ""
    baseline: float | None = 100.0
    x_label: str = ""
    corners: tuple[str, ...] = ()  # scatter: quadrant names (top-right, bottom-right, top-left, bottom-left)
    split: tuple[float, float] = (100.0, 100.0)  # scatter: where the quadrants meet
    highlight: str = ""  # scatter, tilemap: the report's own region
    categories: tuple[str, ...] = ()  # tilemap: legend names; series[0] holds each region's index into them


@dataclass(frozen=True)
class Figure:
    number: int
    caption: str  # full caption, e.g. "图 1  总指数走势"
    chart: ChartSpec
    width_cm: float = 15.6  # printed width; full text width with GB/T 9704 margins
    height_cm: float = 8.8


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Table | Figure | PageBreak


@dataclass(frozen=True)
class Document:
    title: TitlePage
    blocks: tuple[Block, ...]
    lang: str = "zh"
    toc: bool = True  # the Word writer adds a table-of-contents field
    toc_title: str = ""
    workbook: tuple[Table, ...] = ()  # tables only the xlsx shows (the whole index tree by year …)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Table))

    @property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Figure))

    @property
    def headings(self) -> tuple[Heading, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Heading))


def format_number(value: float | str | None, kind: str) -> str:
    """How a cell prints in docx and PDF (xlsx keeps the number and uses `number_format`)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    digits = DECIMALS.get(kind)
    if isinstance(value, str) or digits is None:
        return str(value)
    if kind == "value":  # input values as entered: no trailing zeros, so large counts fit a column
        return f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return f"{value:.{digits}f}"


def cell_text(cell: Cell, kind: str) -> str:
    return format_number(cell.value, kind) + cell.mark


@dataclass
class DocumentBuilder:
    """Collects blocks and numbers tables and figures in order of appearance."""

    table_caption: str = "表 {n}  {caption}"
    figure_caption: str = "图 {n}  {caption}"
    blocks: list[Block] = field(default_factory=list)

    def heading(self, level: int, text: str) -> None:
        self.blocks.append(Heading(level, text))

    def paragraph(self, text: str, note: bool = False) -> None:
        if text:
            self.blocks.append(Paragraph(text, note))

    def table(
        self, caption: str, columns: list[Column], rows: list[tuple[Cell, ...]], notes=(), sheet: str = ""
    ) -> Table:
        n = len([b for b in self.blocks if isinstance(b, Table)]) + 1
        t = Table(n, self.table_caption.format(n=n, caption=caption), tuple(columns), tuple(rows), tuple(notes), sheet)
        self.blocks.append(t)
        return t

    def figure(self, caption: str, chart: ChartSpec, width_cm: float = 15.6, height_cm: float = 8.8) -> Figure:
        n = len([b for b in self.blocks if isinstance(b, Figure)]) + 1
        f = Figure(n, self.figure_caption.format(n=n, caption=caption), chart, width_cm, height_cm)
        self.blocks.append(f)
        return f

    def page_break(self) -> None:
        self.blocks.append(PageBreak())
