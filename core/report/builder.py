"""Build the report `Document` from result objects; every number is read, never recomputed.

Sections are functions `section(ctx, doc)` run in order. Sections 三、四、五 (benchmark,
positioning, partners and levers) come from the assessment (`ReportInputs.assessment`, see
positioning.py); without one, or for 全国 itself, they say why they compare nothing.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..assessment import Assessment, RegionAssessment
from ..index.engine import IndexResult
from ..index.sensitivity import MonteCarloResult, OneAtATimeResult
from ..kernel.messages import Message, render
from ..kernel.problems import Problem
from ..kernel.vocabulary import CellStatus
from ..model.framework import ROOT
from ..model.observations import ObservationTable
from ..model.regions import load_provinces, region_label
from ..whatif import ScenarioResult
from .document import Cell, ChartSeries, ChartSpec, Column, Document, DocumentBuilder, TitlePage, format_number

NATION = "全国"


@dataclass(frozen=True)
class ReportInputs:
    """What a report is built from: the results the GUI and the JSON show, nothing else."""

    result: IndexResult
    region: str
    lang: str = "zh"
    one_at_a_time: OneAtATimeResult | None = None
    monte_carlo: MonteCarloResult | None = None
    problems: Sequence[Problem] = ()
    observations: ObservationTable | None = None  # units, sources and 备注 of the values used
    app_version: str = ""
    date: str = field(default_factory=lambda: _dt.date.today().isoformat())
    assessment: Assessment | None = None  # sections 三–五 (and the verdicts in 摘要) for the regions it assessed
    scenario: ScenarioResult | None = None  # section 六、目标情景 (a what-if scenario or target plan), when chosen


@dataclass
class Context:
    inputs: ReportInputs

    @property
    def result(self) -> IndexResult:
        return self.inputs.result

    @property
    def region(self) -> str:
        return self.inputs.region

    @property
    def lang(self) -> str:
        return self.inputs.lang

    @property
    def year(self) -> int:
        return self.result.latest_year

    @property
    def assessment(self) -> Assessment | None:
        return self.inputs.assessment

    @property
    def region_assessment(self) -> RegionAssessment | None:
        a = self.inputs.assessment
        return a.regions.get(self.region) if a is not None else None

    def t(self, code: str, **args) -> str:
        return render(code, args, self.lang)

    def label(self, code: str) -> str:
        return self.result.framework.label(code, self.lang, regional=self.region != NATION)

    def place(self, name: str, heading: bool = False) -> str:
        """A region as printed: the nation is a term (全国; "the nation" in a sentence, "Nation" in a header);
        known provinces and macro-regions in English in an English report, other names as entered."""
        if name != NATION:
            return region_label(name, self.lang)
        return self.t("report.term.nation") if heading else render("assess.nation", None, self.lang)

    def unit(self, code: str, entered: str | None = None) -> str:
        """An indicator's unit as printed: the framework's unit in the report's language, or the unit
        the data gives when it differs from the framework's."""
        node = self.result.framework.nodes[code]
        return node.unit_label(self.lang) if not entered or entered == node.unit else entered

    def references(self) -> list[str]:
        """The regions this one is compared with: the nation, or for the nation the macro-regions in the data."""
        if self.region != NATION:
            return [NATION] if NATION in self.result.regions else []
        macro = {p.macro_region for p in load_provinces()}
        return [r for r in self.result.regions if r in macro]

    def cell(self, region: str, code: str, year: int, kind: str = "index") -> Cell:
        value = self.result.value(region, code, year) if kind == "index" else self.growth(region, code, year)
        flag = self.result.flag(region, code, year)
        return Cell(value, flag.mark if flag is not None else "")

    def growth(self, region: str, code: str, year: int) -> float | None:
        return self.result.growth_series(region, code).get(year)


Section = Callable[[Context, DocumentBuilder], None]


def fmt(value: float | None, kind: str = "index") -> str:
    return format_number(value, kind)


def title_page(ctx: Context) -> TitlePage:
    r, fw = ctx.result, ctx.result.framework
    name = fw.name_zh if ctx.lang == "zh" else getattr(fw, "name_en", fw.name_zh)
    lines = (
        ctx.t("report.title_line.region", region=ctx.region),
        ctx.t("report.title_line.year", year=ctx.year, base=r.base_year),
        ctx.t("report.title_line.framework", name=name, id=fw.id, version=fw.version),
        ctx.t("report.title_line.app", version=ctx.inputs.app_version),
        ctx.t("report.title_line.date", date=ctx.inputs.date),
    )
    title = ctx.t("report.title", region=ctx.region)
    return TitlePage(
        title, ctx.region, ctx.year, name, fw.id, fw.version, ctx.inputs.app_version, ctx.inputs.date, lines
    )


def summary(ctx: Context, doc: DocumentBuilder) -> None:
    doc.heading(1, ctx.t("report.section.summary"))
    y, total = ctx.year, ctx.result.value(ctx.region, ROOT, ctx.year)
    doc.paragraph(
        ctx.t(
            "report.summary.total",
            region=ctx.region,
            year=y,
            value=fmt(total),
            base=ctx.result.base_year,
            growth=fmt(ctx.growth(ctx.region, ROOT, y), "growth"),
        )
    )
    ra = ctx.region_assessment
    if ra is not None and ra.headline is not None:
        doc.paragraph(ra.headline.text(ctx.lang))
    refs = ctx.references()
    if ctx.region == NATION:
        doc.paragraph(
            ctx.t("report.summary.national_macro", regions=refs) if refs else ctx.t("report.summary.national_alone")
        )
    elif not refs:
        doc.paragraph(ctx.t("report.summary.no_reference"))
    for ref in refs:
        ref_value = ctx.result.value(ref, ROOT, y)
        if total is None or ref_value is None:
            continue
        diff = total - ref_value
        relation = Message("report.term.higher" if diff >= 0 else "report.term.lower")
        doc.paragraph(
            ctx.t(
                "report.summary.versus",
                reference=ctx.place(ref),
                value=fmt(ref_value),
                region=ctx.region,
                relation=relation,
                diff=fmt(abs(diff)),
            )
        )
    pillars = [(p, ctx.result.value(ctx.region, p, y)) for p in ctx.result.framework.pillars]
    known = [(p, v) for p, v in pillars if v is not None]
    if known:
        top, low = max(known, key=lambda pv: pv[1]), min(known, key=lambda pv: pv[1])
        doc.paragraph(
            ctx.t(
                "report.summary.pillars",
                top=ctx.label(top[0]),
                top_value=fmt(top[1]),
                low=ctx.label(low[0]),
                low_value=fmt(low[1]),
            )
        )


def overall(ctx: Context, doc: DocumentBuilder) -> None:
    r = ctx.result
    doc.heading(1, ctx.t("report.section.overall"))
    doc.paragraph(ctx.t("report.overall.intro", region=ctx.region, base=r.base_year, year=ctx.year))
    regions = [ctx.region, *ctx.references()]
    columns = [Column(ctx.t("report.col.year"), "text", 0.8)]
    for reg in regions:
        columns += [
            Column(ctx.t("report.col.region_total", region=ctx.place(reg, True)), "index"),
            Column(ctx.t("report.col.region_growth", region=ctx.place(reg, True)), "growth"),
        ]
    rows = []
    for y in r.years:
        row = [Cell(str(y))]
        for reg in regions:
            row += [ctx.cell(reg, ROOT, y), ctx.cell(reg, ROOT, y, "growth") if y > r.base_year else Cell(None)]
        rows.append(tuple(row))
    doc.table(ctx.t("report.table.total", region=ctx.region), columns, rows, (ctx.t("report.marks"),))
    series = []
    for reg in regions:
        values = tuple(r.value(reg, ROOT, y) for y in r.years)
        estimated = tuple(r.flag(reg, ROOT, y) in (CellStatus.ESTIMATE, CellStatus.INTERPOLATED) for y in r.years)
        series.append(ChartSeries(ctx.place(reg, True), values, estimated, dashed=reg != ctx.region))
    chart = ChartSpec("line", ctx.t("report.figure.total"), tuple(str(y) for y in r.years), tuple(series), "", 100.0)
    doc.figure(ctx.t("report.figure.total"), chart)


def pillars(ctx: Context, doc: DocumentBuilder) -> None:
    r, fw, y = ctx.result, ctx.result.framework, ctx.year
    doc.heading(1, ctx.t("report.section.pillars"))
    doc.paragraph(ctx.t("report.pillars.intro", year=y))
    columns = [
        Column(ctx.t("report.col.indicator"), "text", 3.2),
        Column(ctx.t("report.col.index"), "index"),
        Column(ctx.t("report.col.growth"), "growth"),
    ]
    rows = []
    for p in fw.pillars:
        for code in (p, *fw.children(p)):
            rows.append((Cell(ctx.label(code)), ctx.cell(ctx.region, code, y), ctx.cell(ctx.region, code, y, "growth")))
    doc.table(ctx.t("report.table.pillars", year=y), columns, rows, (ctx.t("report.marks"),))
    regions = [ctx.region, *ctx.references()]
    series = tuple(ChartSeries(ctx.place(reg, True), tuple(r.value(reg, p, y) for p in fw.pillars)) for reg in regions)
    labels = tuple(fw.nodes[p].name(ctx.lang) for p in fw.pillars)
    doc.figure(
        ctx.t("report.figure.pillars", year=y),
        ChartSpec("bars", ctx.t("report.figure.pillars", year=y), labels, series),
    )
    subs = [(c, r.value(ctx.region, c, y)) for p in fw.pillars for c in fw.children(p)]
    subs = sorted(((c, v) for c, v in subs if v is not None), key=lambda cv: -cv[1])
    if len(subs) >= 6:

        def items(chosen):
            return [Message("report.pillars.item", {"name": ctx.label(c), "value": fmt(v)}) for c, v in chosen]

        doc.paragraph(ctx.t("report.pillars.strengths", year=y, items=items(subs[:3])))
        doc.paragraph(ctx.t("report.pillars.weak", year=y, items=items(subs[-3:][::-1])))


def build_document(inputs: ReportInputs) -> Document:
    """Title page, 摘要, 一, 二, 三–五 (from the assessment), 六 (a chosen scenario), then the appendix."""
    from .appendix import appendix, workbook_tables
    from .positioning import ASSESSMENT_SECTIONS
    from .whatif import scenario_section

    ctx = Context(inputs)
    inputs.result.region_index(inputs.region)  # KeyError for a region not in the result
    doc = DocumentBuilder(
        ctx.t("report.caption.table", n="{n}", caption="{caption}"),
        ctx.t("report.caption.figure", n="{n}", caption="{caption}"),
    )
    for section in (summary, overall, pillars, *ASSESSMENT_SECTIONS, scenario_section, appendix):
        section(ctx, doc)
    return Document(title_page(ctx), tuple(doc.blocks), inputs.lang, True, ctx.t("report.toc"), workbook_tables(ctx))
