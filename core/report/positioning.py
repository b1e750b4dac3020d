"""Sections 三、对标分析, 四、融合潜力与功能定位 and 五、协同与路径建议, read from the assessment.

Every verdict sentence is the assessment's own catalogue Message, rendered in the report's
language; the numbers it quotes stand in a table beside it (levels, momenta, coupling terms,
partner gains …), so a reader finds each number of a sentence in the same report. For 全国
itself, or without an assessment, each section says why it compares nothing (the nation's
section 三 compares the macro-regions in the data).
"""

from __future__ import annotations

from ..assessment import Assessment, RegionAssessment
from ..model.framework import ROOT
from .builder import NATION, Context, fmt
from .document import Cell, ChartSeries, ChartSpec, Column, DocumentBuilder
from .tilemap import tilemap_figure

_QUADRANT_KEYS = ((True, True), (True, False), (False, True), (False, False))  # chart corners


def _columns(ctx: Context, *spec: tuple[str, str, float]) -> list[Column]:
    """Columns from (header code, kind, relative width)."""
    return [Column(ctx.t(code), kind, width) for code, kind, width in spec]


def _name(ctx: Context, name: str | None) -> str:
    a = ctx.assessment
    return a.name(name, ctx.lang) if a is not None else (name or "—")


def _why_not(ctx: Context, doc: DocumentBuilder) -> RegionAssessment | None:
    """The region's assessment, or a paragraph saying why there is none."""
    ra = ctx.region_assessment
    if ra is not None:
        return ra
    if ctx.region == NATION:
        doc.paragraph(ctx.t("report.assess.nation_is_reference"))
    elif ctx.assessment is None:
        doc.paragraph(ctx.t("report.assess.none"))
    else:
        doc.paragraph(ctx.t("report.assess.region_missing", region=ctx.region))
    return None


# 三、对标分析 ---------------------------------------------------------------------------------


def benchmark(ctx: Context, doc: DocumentBuilder) -> None:
    doc.heading(1, ctx.t("report.section.benchmark"))
    if ctx.region == NATION:
        _nation_benchmark(ctx, doc)
        return
    ra = _why_not(ctx, doc)
    if ra is None:
        return
    doc.heading(2, ctx.t("report.benchmark.nation"))
    doc.paragraph(ra.level.sentence.text(ctx.lang))
    cmp = ra.comparison
    if cmp is not None:
        _comparison_table(ctx, doc, ra)
    doc.heading(2, ctx.t("report.benchmark.macro"))
    macro = [] if cmp is None else [f for n in cmp.nodes.values() for f in n.macro_figures] + list(cmp.macro_shares)
    macro = [f for f in macro if f.sentence is not None]
    if macro:
        _macro_table(ctx, doc, ra, macro)
    else:
        doc.paragraph(ctx.t("report.benchmark.no_macro", macro=ra.macro_region or "—"))
    doc.heading(2, ctx.t("report.benchmark.peers"))
    _peer_table(ctx, doc, ctx.assessment)


def _comparison_table(ctx: Context, doc: DocumentBuilder, ra: RegionAssessment) -> None:
    cmp, y = ra.comparison, ra.year
    columns = [
        Column(ctx.t("report.col.indicator"), "text", 1.6),
        Column(ctx.t("report.col.region_total", region=ctx.region), "index"),
        Column(ctx.t("report.col.nation_comparable"), "index"),
        Column(ctx.t("report.col.gap_points"), "index"),
        Column(ctx.t("report.col.growth_gap"), "growth"),
        Column(ctx.t("report.col.rank_index"), "text", 0.9),
        Column(ctx.t("report.col.rank_level"), "text", 0.9),
    ]
    rows = []
    for code, n in cmp.nodes.items():
        rows.append(
            (
                Cell(ctx.label(code)),
                Cell(n.region.get(y)),
                Cell(n.nation_comparable.get(y)),
                Cell(n.gap_points.get(y)),
                Cell(n.growth_gap_pp),
                Cell(_rank(n.rank_index)),
                Cell(_rank(n.rank_level)),
            )
        )
    doc.table(ctx.t("report.table.comparison", year=y), columns, rows, sheet="assessment")
    for n in cmp.nodes.values():
        if n.sentence is not None:
            doc.paragraph(n.sentence.text(ctx.lang))


def _rank(rank) -> str:
    return "—" if rank is None else f"{rank.rank}/{rank.of}"


def _macro_table(ctx: Context, doc: DocumentBuilder, ra: RegionAssessment, figures) -> None:
    columns = [
        Column(ctx.t("report.col.macro_figure"), "text", 2.4),
        Column(ctx.t("report.col.macro_value"), "value"),
        Column(ctx.t("report.col.region_value", region=ctx.region), "value"),
    ]
    rows = []
    for f in figures:
        own = f.region_share_pct if f.kind == "share" else f.region_value
        rows.append(
            (Cell(f"{ctx.place(f.figure.macro_region)} · {ctx.label(f.figure.node)}"), Cell(f.figure.value), Cell(own))
        )
    doc.table(ctx.t("report.table.macro"), columns, rows, sheet="assessment")
    for f in figures:
        doc.paragraph(f.sentence.text(ctx.lang))


def _peer_table(ctx: Context, doc: DocumentBuilder, a: Assessment) -> None:
    """Every loaded region's level and momentum (total), ranked: the peers the verdicts compare with."""
    ranked = sorted(((r, lv.total) for r, lv in a.levels.items() if lv.total is not None), key=lambda rv: -rv[1])
    columns = [
        Column(ctx.t("report.col.rank"), "int", 0.6),
        Column(ctx.t("report.col.region"), "text", 1.4),
        Column(ctx.t("report.col.level"), "index"),
        Column(ctx.t("report.col.momentum"), "index"),
    ]
    rows = [
        (Cell(i), Cell(ctx.place(r) + (" ◀" if r == ctx.region else "")), Cell(v), Cell(a.momenta.get(r, {}).get(ROOT)))
        for i, (r, v) in enumerate(ranked, start=1)
    ]
    doc.table(ctx.t("report.table.peers", year=a.year), columns, rows, sheet="assessment")


def _nation_benchmark(ctx: Context, doc: DocumentBuilder) -> None:
    """全国: the macro-regions in the data against the nation, or why there are none."""
    refs, r, y = ctx.references(), ctx.result, ctx.year
    if not refs:
        doc.paragraph(ctx.t("report.benchmark.nation_no_macro"))
        return
    doc.paragraph(ctx.t("report.benchmark.nation_macro", regions=refs))
    columns = [
        Column(ctx.t("report.col.region"), "text", 1.2),
        Column(ctx.t("report.col.index"), "index"),
        Column(ctx.t("report.col.growth"), "growth"),
        Column(ctx.t("report.col.versus_nation"), "index"),
    ]
    nation = r.value(NATION, ROOT, y)
    rows = []
    for reg in (NATION, *refs):
        value = r.value(reg, ROOT, y)
        diff = None if value is None or nation is None else value - nation
        rows.append((Cell(ctx.place(reg, True)), ctx.cell(reg, ROOT, y), ctx.cell(reg, ROOT, y, "growth"), Cell(diff)))
    doc.table(ctx.t("report.table.nation_macro", year=y), columns, rows, (ctx.t("report.marks"),), sheet="assessment")


# 四、融合潜力与功能定位 ------------------------------------------------------------------------


def positioning(ctx: Context, doc: DocumentBuilder) -> None:
    doc.heading(1, ctx.t("report.section.positioning"))
    ra = _why_not(ctx, doc)
    if ra is None:
        return
    _verdict_table(ctx, doc, ra)
    for code in ra.groups:
        doc.paragraph(ra.groups[code].reason.text(ctx.lang))
    for code in ra.quadrants:
        doc.paragraph(ra.quadrants[code].reason.text(ctx.lang))
    doc.paragraph(ra.momentum[ROOT].reason.text(ctx.lang))
    _scatter(ctx, doc)
    tilemap_figure(ctx, doc)
    doc.heading(2, ctx.t("report.positioning.role"))
    doc.paragraph(ra.role.reason.text(ctx.lang))
    _radar(ctx, doc, ra)
    doc.heading(2, ctx.t("report.positioning.coupling"))
    _coupling(ctx, doc, ra)
    doc.heading(2, ctx.t("report.positioning.potential"))
    _potential(ctx, doc, ra)
    doc.heading(2, ctx.t("report.positioning.industries"))
    _industries(ctx, doc, ra)


def _verdict_table(ctx: Context, doc: DocumentBuilder, ra: RegionAssessment) -> None:
    """Level, group (with its band), momentum, growth gap and quadrant of the total and each pillar."""
    columns = [
        Column(ctx.t("report.col.indicator"), "text", 1.4),
        Column(ctx.t("report.col.level"), "index", 0.9),
        Column(ctx.t("report.col.group"), "text", 1.0),
        Column(ctx.t("report.col.momentum"), "index", 0.9),
        Column(ctx.t("report.col.growth_gap"), "growth", 1.0),
        Column(ctx.t("report.col.quadrant"), "text", 1.3),
    ]
    rows = []
    for code, g in ra.groups.items():
        m, q = ra.momentum.get(code), ra.quadrants.get(code)
        rows.append(
            (
                Cell(ctx.label(code)),
                Cell(g.level),
                Cell(_name(ctx, g.group)),
                Cell(m.momentum if m else None),
                Cell(m.gap_pp if m else None),
                Cell(_name(ctx, q.name) if q else "—"),
            )
        )
    doc.table(ctx.t("report.table.verdicts", year=ra.year), columns, rows, sheet="assessment")


def _scatter(ctx: Context, doc: DocumentBuilder) -> None:
    a = ctx.assessment
    points = [
        (r, lv.total, a.momenta.get(r, {}).get(ROOT))
        for r, lv in a.levels.items()
        if lv.total is not None and a.momenta.get(r, {}).get(ROOT) is not None
    ]
    cfg = a.config
    corners = tuple(_name(ctx, cfg.quadrant_names.get(k)) for k in _QUADRANT_KEYS) if cfg else ()
    split = (cfg.split_level, cfg.split_momentum) if cfg else (100.0, 100.0)
    title = ctx.t("report.figure.quadrant", year=a.year)
    chart = ChartSpec(
        "scatter",
        title,
        tuple(ctx.place(p[0], True) for p in points),
        (
            ChartSeries(ctx.t("report.col.level"), tuple(p[1] for p in points)),
            ChartSeries(ctx.t("report.col.momentum"), tuple(p[2] for p in points)),
        ),
        y_label=ctx.t("report.axis.momentum"),
        baseline=None,
        x_label=ctx.t("report.axis.level"),
        corners=corners,
        split=split,
        highlight=ctx.place(ctx.region, True),
    )
    doc.figure(title, chart, height_cm=10.0)


def _radar(ctx: Context, doc: DocumentBuilder, ra: RegionAssessment) -> None:
    fw = ctx.result.framework
    labels = tuple(fw.nodes[p].name(ctx.lang) for p in fw.pillars)
    series = (
        ChartSeries(ctx.place(ctx.region, True), tuple(ra.role.pillar_levels.get(p) for p in fw.pillars)),
        ChartSeries(ctx.t("report.series.nation_100"), tuple(100.0 for _ in fw.pillars), dashed=True),
    )
    title = ctx.t("report.figure.pillar_levels", year=ra.year)
    doc.figure(title, ChartSpec("radar", title, labels, series), height_cm=9.0)


def _coupling(ctx: Context, doc: DocumentBuilder, ra: RegionAssessment) -> None:
    """One row: the two sides' levels (index), U1, U2, C, T, D (three decimals), grade and type."""
    c = ra.coupling
    terms = (
        ("report.coupling.science", "index", c.science_level),
        ("report.coupling.industry", "index", c.industry_level),
        ("report.coupling.u1", "ratio", c.u1),
        ("report.coupling.u2", "ratio", c.u2),
        ("report.coupling.c", "ratio", c.c),
        ("report.coupling.t", "ratio", c.t),
        ("report.coupling.d", "ratio", c.d),
    )
    columns = [Column(ctx.t(code), kind, 0.8) for code, kind, _ in terms]
    columns.append(Column(ctx.t("report.coupling.grade"), "text", 1.6))
    row = (*(Cell(value) for _, _, value in terms), Cell(f"{_name(ctx, c.grade)} · {_name(ctx, c.type)}"))
    doc.table(ctx.t("report.table.coupling", year=ra.year), columns, [row], sheet="assessment")
    doc.paragraph(c.reason.text(ctx.lang))


def _potential(ctx: Context, doc: DocumentBuilder, ra: RegionAssessment) -> None:
    p = ra.potential
    columns = [Column(ctx.t("report.col.term"), "text", 2.4), Column(ctx.t("report.col.value"), "text", 1.2)]
    rows = [
        (Cell(ctx.t("report.potential.level_now", year=p.year)), Cell(_with_group(ctx, p.level, p.group_now))),
        (
            Cell(ctx.t("report.potential.level_horizon", year=p.horizon_year)),
            Cell(_with_group(ctx, p.level_horizon, p.group_horizon)),
        ),
        (Cell(ctx.t("report.col.momentum")), Cell(fmt(p.momentum))),
        (Cell(ctx.t("report.potential.short_board")), Cell(fmt(p.short_board_rise))),
        (Cell(ctx.t("report.potential.coordination")), Cell(fmt(p.coordination_rise, "ratio"))),
        (Cell(ctx.t("report.potential.grade")), Cell(_name(ctx, p.grade))),
    ]
    doc.table(ctx.t("report.table.potential", year=ra.year), columns, rows, sheet="assessment")
    doc.paragraph(p.reason.text(ctx.lang))


def _with_group(ctx: Context, level: float | None, group: str | None) -> str:
    return ctx.t("report.potential.with_group", level=fmt(level), group=_name(ctx, group))


def _industries(ctx: Context, doc: DocumentBuilder, ra: RegionAssessment) -> None:
    if not ra.industries:
        doc.paragraph(ctx.t("report.industries.none"))
        return
    columns = _columns(
        ctx,
        ("report.col.rank", "int", 0.5),
        ("report.col.industry", "text", 1.8),
        ("report.col.lq", "value", 0.8),
        ("report.col.potential", "index", 0.8),
        ("report.col.quadrant", "text", 1.3),
        ("report.col.experts", "int", 0.6),
    )
    rows = [
        (
            Cell(i.rank),
            Cell(i.industry),
            Cell(i.location_quotient),
            Cell(i.potential),
            Cell(_name(ctx, i.quadrant)),
            Cell(i.experts),
        )
        for i in ra.industries
    ]
    doc.table(ctx.t("report.table.industries", year=ra.year), columns, rows, sheet="assessment")
    for i in ra.industries:
        if i.reason is not None:
            doc.paragraph(i.reason.text(ctx.lang))


# 五、协同与路径建议 ----------------------------------------------------------------------------


def synergy(ctx: Context, doc: DocumentBuilder) -> None:
    doc.heading(1, ctx.t("report.section.synergy"))
    ra = _why_not(ctx, doc)
    if ra is None:
        return
    doc.heading(2, ctx.t("report.synergy.partners"))
    _partners(ctx, doc, ra)
    doc.heading(2, ctx.t("report.synergy.sameness"))
    _sameness(ctx, doc, ra)
    doc.heading(2, ctx.t("report.synergy.levers"))
    _levers(ctx, doc, ra)


def _partners(ctx: Context, doc: DocumentBuilder, ra: RegionAssessment) -> None:
    pt = ra.partners
    doc.paragraph(pt.sentence.text(ctx.lang))
    rows = [
        (Cell(ctx.label(p.pillar)), Cell(ctx.place(p.peer)), Cell(p.own_level), Cell(p.peer_level), Cell(p.gain))
        for items in pt.by_pillar.values()
        for p in items
    ]
    if not rows:
        return
    columns = _columns(
        ctx,
        ("report.col.weak_pillar", "text", 1.4),
        ("report.col.partner", "text", 1.2),
        ("report.col.own_level", "index", 1.0),
        ("report.col.partner_level", "index", 1.0),
        ("report.col.gain", "ratio", 1.0),
    )
    doc.table(ctx.t("report.table.partners"), columns, rows, sheet="assessment")
    for items in pt.by_pillar.values():
        for p in items:
            doc.paragraph(p.reason.text(ctx.lang))


def _sameness(ctx: Context, doc: DocumentBuilder, ra: RegionAssessment) -> None:
    if not ra.sameness:
        doc.paragraph(ctx.t("report.sameness.none"))
        return
    yes, no = ctx.t("report.term.yes"), ctx.t("report.term.no")
    columns = _columns(
        ctx,
        ("report.col.peer", "text", 1.2),
        ("report.col.cosine", "ratio", 0.9),
        ("report.col.adjacent", "text", 0.7),
        ("report.col.same_role", "text", 0.9),
        ("report.col.warning", "text", 0.7),
    )
    rows = [
        (
            Cell(ctx.place(s.peer)),
            Cell(s.cosine),
            Cell(yes if s.adjacent else no),
            Cell(yes if s.same_role else no),
            Cell(yes if s.warning else no),
        )
        for s in ra.sameness
    ]
    doc.table(ctx.t("report.table.sameness"), columns, rows, sheet="assessment")
    warned = [s for s in ra.sameness if s.warning]
    for s in warned or ra.sameness[:1]:
        doc.paragraph(s.reason.text(ctx.lang))


def _levers(ctx: Context, doc: DocumentBuilder, ra: RegionAssessment) -> None:
    if not ra.levers:
        doc.paragraph(ctx.t("report.levers.none"))
        return
    columns = _columns(
        ctx,
        ("report.col.lever", "text", 2.0),
        ("report.col.fusion", "text", 1.0),
        ("report.col.target", "text", 1.3),
        ("report.col.level", "index", 0.8),
        ("report.col.source", "text", 2.2),
    )
    rows = [
        (
            Cell(lv.name.text(ctx.lang)),
            Cell(_name(ctx, lv.fusion)),
            Cell(lv.target_label.text(ctx.lang)),
            Cell(ra.level.nodes.get(lv.target)),
            Cell(lv.source.text(ctx.lang)),
        )
        for lv in ra.levers
    ]
    doc.table(ctx.t("report.table.levers"), columns, rows, sheet="assessment")
    for lv in ra.levers:
        doc.paragraph(ctx.t("report.levers.item", name=lv.name, text=lv.text, reason=lv.reason, source=lv.source))


ASSESSMENT_SECTIONS = (benchmark, positioning, synergy)
