"""Section 六、目标情景: a chosen what-if scenario or target plan, its assumptions, and the label
that it is a scenario, not a forecast. Numbers are read from core.whatif's result, never recomputed."""

from __future__ import annotations

from ..model.framework import ROOT
from ..whatif import ScenarioResult, Verdicts
from .builder import Context
from .document import Cell, Column, DocumentBuilder


def scenario_section(ctx: Context, doc: DocumentBuilder) -> None:
    s: ScenarioResult | None = ctx.inputs.scenario
    if s is None or s.baseline.region != ctx.region:
        return
    b, p, lang = s.baseline, s.projection, ctx.lang
    doc.heading(1, ctx.t("whatif.report.section"))
    doc.paragraph(ctx.t("whatif.report.not_forecast", name=s.name, year=b.horizon))
    doc.heading(2, ctx.t("whatif.report.assumptions"))
    for note in p.notes:
        doc.paragraph(note.text(lang))
    doc.paragraph(
        ctx.t(
            "whatif.report.bounds",
            margin=f"{b.effort.margin * 100:g}",
            cap=f"{b.effort.max_growth * 100:g}",
            floor=f"{b.effort.volatility_floor * 100:g}",
        )
    )
    nation = ctx.t("whatif.report.nation_scenario", n=len(p.nation_scenario)) if p.nation_scenario else ""
    doc.paragraph(nation)
    if s.plan is not None:
        doc.heading(2, ctx.t("whatif.report.target"))
        doc.paragraph(s.plan.reason.text(lang))
    _changes(ctx, doc, s)
    _verdicts(ctx, doc, s, (b.today, p.projected))


def _changes(ctx: Context, doc: DocumentBuilder, s: ScenarioResult) -> None:
    b = s.baseline
    levers = {lv.id: lv.name.text(ctx.lang) for lv in b.config.levers}
    plan = {ch.indicator: ch for ch in s.plan.changes} if s.plan is not None else {}
    rows = []
    for code, g in s.projection.scenario.items():
        t = b.trends[code]
        ids = plan[code].levers if code in plan else ()
        rows.append(
            (
                Cell(ctx.label(code)),
                Cell(t.growth * 100),
                Cell(g * 100),
                Cell(abs(g - t.growth) / t.volatility),
                Cell(("；" if ctx.lang == "zh" else "; ").join(levers.get(i, i) for i in ids)),
            )
        )
    if not rows:
        doc.paragraph(ctx.t("whatif.report.no_changes"))
        return
    columns = [
        Column(ctx.t("report.col.indicator"), "text", 1.8),
        Column(ctx.t("whatif.report.col.baseline"), "growth", 0.9),
        Column(ctx.t("whatif.report.col.scenario"), "growth", 0.9),
        Column(ctx.t("whatif.report.col.effort"), "growth", 0.8),
        Column(ctx.t("whatif.report.col.levers"), "text", 2.0),
    ]
    doc.table(ctx.t("whatif.report.table.changes", year=b.horizon), columns, rows, sheet="whatif")


def _verdicts(ctx: Context, doc: DocumentBuilder, s: ScenarioResult, years: tuple[Verdicts, ...]) -> None:
    def cfg_term(name: str | None, lang: str) -> str:
        return "—" if name is None else s.baseline.config.term(name).text(lang)

    def row(v: Verdicts) -> tuple[Cell, ...]:
        share = v.group.stability.get(v.group.group) if v.group.group else None
        return (
            Cell(str(v.year)),
            Cell(v.index),
            Cell(v.level),
            Cell(cfg_term(v.group.group, ctx.lang)),
            Cell(None if share is None else share * 100),
            Cell(v.momentum),
            Cell(cfg_term(v.quadrant.name, ctx.lang)),
            Cell(cfg_term(v.role.name, ctx.lang)),
        )

    columns = [
        Column(ctx.t("whatif.report.col.year"), "text", 0.6),
        Column(ctx.t("whatif.report.col.index"), "index", 0.8),
        Column(ctx.t("report.col.level"), "index", 0.8),
        Column(ctx.t("report.col.group"), "text", 0.9),
        Column(ctx.t("whatif.report.col.stability"), "share", 0.9),
        Column(ctx.t("report.col.momentum"), "index", 0.8),
        Column(ctx.t("report.col.quadrant"), "text", 1.2),
        Column(ctx.t("whatif.report.col.role"), "text", 1.1),
    ]
    doc.table(ctx.t("whatif.report.table.verdicts", node=ctx.label(ROOT)), columns, [row(v) for v in years],
              sheet="whatif")  # fmt: skip
