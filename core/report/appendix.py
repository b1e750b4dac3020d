"""The report's appendix (data used, method, sensitivity, import problems) and the xlsx-only tables."""

from __future__ import annotations

from ..assessment import audit_levels
from ..kernel.messages import render
from ..kernel.vocabulary import gap_policy_label
from ..model.framework import ROOT
from .builder import Context, fmt
from .document import Cell, Column, DocumentBuilder, Table


def appendix(ctx: Context, doc: DocumentBuilder) -> None:
    doc.page_break()
    doc.heading(1, ctx.t("report.section.appendix"))
    data_used(ctx, doc)
    method(ctx, doc)
    sensitivity(ctx, doc)
    import_problems(ctx, doc)
    robustness(ctx, doc)


def data_table(ctx: Context) -> Table:
    """The xlsx's data sheet: one value per row with its mark, unit, source, 备注 and provenance."""
    columns, rows = _data_rows(ctx)
    return Table(
        0, ctx.t("report.table.data", region=ctx.region), tuple(columns), tuple(rows), (ctx.t("report.marks"),), "data"
    )


def _data_rows(ctx: Context) -> tuple[list[Column], list[tuple[Cell, ...]]]:
    r, fw = ctx.result, ctx.result.framework
    lookup = ctx.inputs.observations.lookup() if ctx.inputs.observations is not None else {}
    ri = r.region_index(ctx.region)
    columns = [
        Column(ctx.t("report.col.indicator"), "text", 2.6),
        Column(ctx.t("report.col.year"), "text", 0.7),
        Column(ctx.t("report.col.value"), "value", 1.2),
        *_detail_columns(ctx),
    ]
    rows = []
    for li, code in enumerate(fw.leaves):
        for t, y in enumerate(r.years):
            status = r.leaf_status(ctx.region, code, y)
            value = float(r.values[ri, li, t])
            obs = lookup.get((ctx.region, code, y))
            prov = r.provenance.get((ctx.region, code, y))
            rows.append(
                (
                    Cell(ctx.label(code)),
                    Cell(str(y)),
                    Cell(None if value != value else value, status.mark),
                    Cell(ctx.unit(code, obs.unit if obs else None)),
                    Cell((obs.source if obs else None) or ""),
                    Cell((obs.note if obs else None) or ""),
                    Cell(prov.describe(ctx.lang) if prov else ""),
                )
            )
    return columns, rows


def data_used(ctx: Context, doc: DocumentBuilder) -> None:
    """Values by year with their marks, then each indicator's unit, sources, 备注 and where it was read.
    The xlsx's data sheet holds the same values one per row (`data_table`)."""
    r, fw = ctx.result, ctx.result.framework
    ri = r.region_index(ctx.region)
    doc.heading(2, ctx.t("report.section.data"))
    columns = [Column(ctx.t("report.col.indicator"), "text", 2.2)]
    columns += [Column(str(y), "value", 1.0) for y in r.years]
    rows = []
    for li, code in enumerate(fw.leaves):
        cells = [Cell(ctx.label(code))]
        for t, y in enumerate(r.years):
            value = float(r.values[ri, li, t])
            cells.append(Cell(None if value != value else value, r.leaf_status(ctx.region, code, y).mark))
        rows.append(tuple(cells))
    doc.table(ctx.t("report.table.data", region=ctx.region), columns, rows, (ctx.t("report.marks"),))
    doc.table(ctx.t("report.table.sources", region=ctx.region), *_sources(ctx))


def _detail_columns(ctx: Context) -> list[Column]:
    """Unit, source, 备注 and where the value was read: the columns that say where data came from."""
    return [
        Column(ctx.t("report.col.unit"), "text", 0.7),
        Column(ctx.t("report.col.source"), "text", 1.3),
        Column(ctx.t("report.col.note"), "text", 1.8),
        Column(ctx.t("report.col.provenance"), "text", 1.8),
    ]


def _sources(ctx: Context) -> tuple[list[Column], list[tuple[Cell, ...]]]:
    fw, r = ctx.result.framework, ctx.result
    lookup = ctx.inputs.observations.lookup() if ctx.inputs.observations is not None else {}
    columns = [Column(ctx.t("report.col.indicator"), "text", 2.4), *_detail_columns(ctx)]
    rows = []
    for code in fw.leaves:
        obs = [lookup.get((ctx.region, code, y)) for y in r.years]
        provs = [r.provenance.get((ctx.region, code, y)) for y in r.years]
        rows.append(
            (
                Cell(ctx.label(code)),
                Cell(ctx.unit(code, _distinct(o.unit for o in obs if o))),
                Cell(_distinct(o.source for o in obs if o)),
                Cell(_distinct(o.note for o in obs if o)),
                Cell(_provenance((p for p in provs if p), ctx.lang)),
            )
        )
    return columns, rows


def _distinct(texts) -> str:
    return "；".join(dict.fromkeys(t for t in texts if t))


def _provenance(provs, lang: str) -> str:
    """Per file and sheet: the cells or rows read, e.g. `a.csv 第 497—502 行`."""
    groups: dict[tuple, list] = {}
    for p in provs:
        groups.setdefault((p.file, p.sheet), []).append(p)
    parts = []
    for (file, sheet), items in groups.items():
        rows = sorted(p.row for p in items if p.row is not None)
        cells = [p.cell for p in items if p.cell]
        where = " / ".join(x for x in (file, sheet) if x)
        if rows:
            if len(rows) > 1:
                where += " " + render("report.provenance.rows", {"first": rows[0], "last": rows[-1]}, lang)
            else:
                where += " " + render("report.provenance.row", {"row": rows[0]}, lang)
        if cells:
            where += " " + ",".join(cells)
        parts.append(where)
    return ("；" if lang == "zh" else "; ").join(parts)


def method(ctx: Context, doc: DocumentBuilder) -> None:
    doc.heading(2, ctx.t("report.section.method"))
    policy = ctx.result.recipe.gap_policy
    doc.paragraph(ctx.t("report.method.growth"))
    doc.paragraph(ctx.t("report.method.aggregate"))
    doc.paragraph(ctx.t("report.method.chain", base=ctx.result.base_year))
    doc.paragraph(ctx.t("report.method.gaps", policy=gap_policy_label(policy, ctx.lang)))
    for note in ctx.result.recipe.notes:
        doc.paragraph(note.text(ctx.lang), note=True)
    coherence(ctx, doc)


def coherence(ctx: Context, doc: DocumentBuilder) -> None:
    """The coherence audit of the framework on the assessment's regions (or why it was not computed)."""
    a = ctx.assessment
    if a is None:
        return
    fw = ctx.result.framework
    result = audit_levels(fw, a.levels, a.year)
    if result.reason is not None:
        doc.paragraph(ctx.t("report.method.audit_skipped", reason=result.reason.text(ctx.lang)))
        return
    doc.paragraph(ctx.t("report.method.audit", count=len(result.regions), year=result.year))
    for pillar, pa in result.pillars.items():
        alpha = "—" if pa.cronbach_alpha is None else f"{pa.cronbach_alpha:.3f}"
        share = "—" if pa.pca_first_share is None else f"{100 * pa.pca_first_share:.1f}"
        doc.paragraph(ctx.t("report.method.audit_pillar", pillar=ctx.label(pillar), alpha=alpha, share=share))
        for flag in pa.flags:
            doc.paragraph(flag.text(ctx.lang), note=True)


def sensitivity(ctx: Context, doc: DocumentBuilder) -> None:
    doc.heading(2, ctx.t("report.section.sensitivity"))
    oat, mc = ctx.inputs.one_at_a_time, ctx.inputs.monte_carlo
    if oat is None and mc is None:
        doc.paragraph(ctx.t("report.sensitivity.none"))
    if oat is not None and ctx.region in oat.regions:
        _one_at_a_time(ctx, doc, oat)
    if mc is not None and ctx.region in mc.regions:
        _monte_carlo(ctx, doc, mc)


def _one_at_a_time(ctx: Context, doc: DocumentBuilder, oat) -> None:
    ri = oat.regions.index(ctx.region)
    delta = fmt(oat.delta * 100, "int")
    rows = []
    for t, y in enumerate(oat.years[1:], start=1):
        cause = oat.variants[int(oat.cause[ri, t])]
        rows.append((Cell(str(y)), Cell(float(oat.max_change[ri, t])), Cell(ctx.label(cause.node))))
    worst = max(range(1, len(oat.years)), key=lambda t: oat.max_change[ri, t])
    doc.paragraph(
        ctx.t(
            "report.sensitivity.oat",
            delta=delta,
            region=ctx.region,
            max=fmt(float(oat.max_change[ri, worst]), "growth"),
            year=oat.years[worst],
            node=ctx.label(oat.variants[int(oat.cause[ri, worst])].node),
        )
    )
    columns = [
        Column(ctx.t("report.col.year"), "text", 0.8),
        Column(ctx.t("report.col.max_change"), "growth", 1.2),
        Column(ctx.t("report.col.weight"), "text", 3.0),
    ]
    doc.table(ctx.t("report.table.oat", delta=delta), columns, rows, sheet="sensitivity")


def _monte_carlo(ctx: Context, doc: DocumentBuilder, mc) -> None:
    ri, t = mc.regions.index(ctx.region), len(mc.years) - 1
    y, fw = mc.years[t], ctx.result.framework
    root = mc.codes.index(ROOT)
    doc.paragraph(
        ctx.t(
            "report.sensitivity.monte_carlo",
            draws=mc.draws,
            region=ctx.region,
            year=y,
            lo=fmt(float(mc.p05[ri, root, t])),
            hi=fmt(float(mc.p95[ri, root, t])),
            stability=fmt(float(mc.rank_stability[ri]) * 100, "share"),
        )
    )
    columns = [
        Column(ctx.t("report.col.indicator"), "text", 3.0),
        Column(ctx.t("report.col.index"), "index"),
        Column(ctx.t("report.col.p05"), "index"),
        Column(ctx.t("report.col.p50"), "index"),
        Column(ctx.t("report.col.p95"), "index"),
    ]
    rows = []
    for code in (ROOT, *fw.pillars):
        n = mc.codes.index(code)
        rows.append(
            (
                Cell(ctx.label(code)),
                Cell(float(mc.nominal[ri, n, t])),
                Cell(float(mc.p05[ri, n, t])),
                Cell(float(mc.p50[ri, n, t])),
                Cell(float(mc.p95[ri, n, t])),
            )
        )
    doc.table(ctx.t("report.table.monte_carlo", year=y, draws=mc.draws), columns, rows, sheet="sensitivity")


def import_problems(ctx: Context, doc: DocumentBuilder) -> None:
    doc.heading(2, ctx.t("report.section.problems"))
    if not ctx.inputs.problems:
        doc.paragraph(ctx.t("report.problems.none"))
        return
    doc.table(ctx.t("report.table.problems"), *problems_table(ctx))


def _verdicts(ctx: Context):
    """(verdict, its result, the verdict object) for the verdicts that may carry a margin and stability."""
    ra, a = ctx.region_assessment, ctx.assessment
    for code, g in ra.groups.items():
        yield ctx.t("report.robustness.group", node=ctx.label(code)), a.name(g.group, ctx.lang), g
    for code, q in ra.quadrants.items():
        yield ctx.t("report.robustness.quadrant", node=ctx.label(code)), a.name(q.name, ctx.lang), q
    yield ctx.t("report.robustness.role"), a.name(ra.role.name, ctx.lang), ra.role
    yield ctx.t("report.robustness.coupling"), a.name(ra.coupling.grade, ctx.lang), ra.coupling


def robustness(ctx: Context, doc: DocumentBuilder) -> None:
    """附录五: each verdict's margin and stability, when the assessment gives them (else no appendix)."""
    if ctx.region_assessment is None:
        return
    rows = [
        (Cell(verdict), Cell(result), Cell(v.margin), Cell(_percent(v.stability.get(label))))
        for (verdict, result, v), label in zip(_verdicts(ctx), _labels(ctx), strict=True)
    ]
    doc.heading(2, ctx.t("report.section.robustness"))
    doc.paragraph(ctx.t("report.robustness.intro"))
    columns = [
        Column(ctx.t("report.col.verdict"), "text", 2.2),
        Column(ctx.t("report.col.result"), "text", 1.4),
        Column(ctx.t("report.col.margin"), "ratio", 0.9),
        Column(ctx.t("report.col.stability"), "share", 0.9),
    ]
    doc.table(ctx.t("report.table.robustness"), columns, rows, sheet="assessment")


def _labels(ctx: Context):
    """Each verdict's own label, the key of its stability shares."""
    ra = ctx.region_assessment
    yield from (g.group for g in ra.groups.values())
    yield from (q.name for q in ra.quadrants.values())
    yield ra.role.name
    yield ra.coupling.grade


def _percent(share: float | None) -> float | None:
    return None if share is None else share * 100


def problems_table(ctx: Context) -> tuple[list[Column], list[tuple[Cell, ...]]]:
    columns = [
        Column(ctx.t("report.col.severity"), "text", 0.7),
        Column(ctx.t("report.col.location"), "text", 2.0),
        Column(ctx.t("report.col.problem"), "text", 4.0),
    ]
    rows = [
        (
            Cell(render(f"severity.{p.severity.value}", None, ctx.lang)),
            Cell(p.location(ctx.lang)),
            Cell(p.text(ctx.lang)),
        )
        for p in ctx.inputs.problems
    ]
    return columns, rows


def _tree(ctx: Context, kind: str, caption_code: str, sheet: str) -> Table:
    r, fw = ctx.result, ctx.result.framework
    years = r.years if kind == "index" else r.years[1:]
    columns = [Column(ctx.t("report.col.code"), "text", 0.6), Column(ctx.t("report.col.indicator"), "text", 3.0)]
    columns += [Column(str(y), kind, 0.8) for y in years]
    rows = [
        (
            Cell(code if code != ROOT else ""),
            Cell(ctx.label(code)),
            *(ctx.cell(ctx.region, code, y, kind) for y in years),
        )
        for code in fw.codes
    ]
    return Table(0, ctx.t(caption_code), tuple(columns), tuple(rows), (ctx.t("report.marks"),), sheet)


def workbook_tables(ctx: Context) -> tuple[Table, ...]:
    """The whole index tree and its growth by year, every value, the problems: sheets of the xlsx only."""
    notes = () if ctx.inputs.problems else (ctx.t("report.problems.none"),)
    return (
        _tree(ctx, "index", "report.table.index_tree", "index"),
        _tree(ctx, "growth", "report.table.growth_tree", "growth"),
        data_table(ctx),
        Table(0, ctx.t("report.table.problems"), *map(tuple, problems_table(ctx)), notes, "problems"),
    )
