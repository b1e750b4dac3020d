"""Potential and positioning assessment (CAS recommendation, spec 02): the orchestrator.

`assess(table, …)` runs the index engine once on the regions plus the *comparable national
series* and derives, per region: level against the nation (and against its province for a
city), performance groups, momentum, positioning quadrants, functional role, strengths and
short boards, double-helix coupling, potential, leading industries, partners, sameness
warnings, levers and the comparison with national and macro-region benchmarks. Each part is
one module (level, momentum, positioning, coupling, potential, industries, partners, levers,
comparison); thresholds and names come from `resources/assessment/*.toml`. Every result is
a frozen dataclass (model.py) whose sentences are catalogue Messages; the JSON comes from
serialise.py; `summary(assessment, lang)` is the readable text.

Input data (long format or templates) carry the basic data under reserved indicator codes:
`_gdp` (地区生产总值, 亿元) and `_population` (年末常住人口, 万人), for every region and, for the
nation, under region `全国`. The nation's indicator values may be given as `全国` rows under the
provincial definitions; otherwise the shipped national benchmark is used (see comparison.py).
The assessment year T is the latest year of the regions' data; values carried forward or
interpolated are flagged in the notes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..index.engine import IndexOptions, without_regions
from ..model.framework import Framework, load_framework
from ..model.observations import ObservationTable
from .audit import MIN_REGIONS, Audit, PillarAudit, audit, audit_levels, level_matrix
from .comparison import comparable_national_observations, compare_node, rank_order
from .config import AssessmentConfig, load_config
from .demo import load_demo
from .industries import IndustryRow, parse_industries_csv, read_industries_csv, rows_from_entries
from .model import (
    Assessment,
    Benchmark,
    Comparison,
    Coupling,
    GroupVerdict,
    IndustryPotential,
    LevelResult,
    LeverAdvice,
    NodeComparison,
    NodeMomentum,
    Partners,
    Potential,
    Quadrant,
    RegionAssessment,
    Role,
    SamenessItem,
    ShortBoards,
    fmt,
    fmt_vs,
)
from .partners import read_adjacency
from .pipeline import engine_pass, peer_context, region_assessment, region_levels, resolve_years
from .robustness import STABILITY_BLOCK, draw_context, stabilise_block
from .serialise import gc_paused, to_json
from .summary import summary

__all__ = [
    "Assessment",
    "Audit",
    "AssessmentConfig",
    "MIN_REGIONS",
    "Benchmark",
    "Comparison",
    "Coupling",
    "GroupVerdict",
    "IndustryPotential",
    "IndustryRow",
    "LevelResult",
    "LeverAdvice",
    "NodeComparison",
    "NodeMomentum",
    "Partners",
    "PillarAudit",
    "Potential",
    "Quadrant",
    "RegionAssessment",
    "Role",
    "SamenessItem",
    "ShortBoards",
    "assess",
    "audit",
    "audit_levels",
    "comparable_national_observations",
    "compare_node",
    "rank_order",
    "fmt",
    "fmt_vs",
    "level_matrix",
    "load_config",
    "load_demo",
    "parse_industries_csv",
    "read_adjacency",
    "read_industries_csv",
    "rows_from_entries",
    "summary",
    "to_json",
]


def assess(
    table: ObservationTable,
    framework: Framework | None = None,
    *,
    regions: Iterable[str] | None = None,
    peers: Iterable[str] | str | None = None,
    parent: str | None = None,
    industries: list[IndustryRow] | None = None,
    adjacency: Mapping[str, set[str]] | None = None,
    config: AssessmentConfig | None = None,
    options: IndexOptions | None = None,
    with_published: bool = True,
    robust: bool = True,
) -> Assessment:
    """Assess `regions` (default: every loaded region) against the nation; peers default to all loaded.

    `parent`: the province whose cities are loaded (auto-detected when exactly one province is
    loaded together with non-province regions); its cities get a level and momentum against it too.
    `robust`: recompute every verdict under the seeded weight and data draws of `[robustness]` in the
    thresholds file (stability, 临界); without it verdicts carry their margins but no stability.
    Raises InputError for unusable data (unknown region, missing base-year values …).
    """
    fw = framework or load_framework()
    cfg = config or load_config(pillars=fw.pillars)
    options = options or IndexOptions()
    with gc_paused():  # millions of small acyclic objects: the cyclic collector would rescan them all, repeatedly
        loaded, base, end, base_notes = resolve_years(without_regions(table, options.excluded_regions), fw, options)
        run = engine_pass(table, fw, options, base, end, base_notes)
        ctx = region_levels(run, table, cfg, loaded)
        peers_ctx = peer_context(ctx, loaded, regions, peers, parent, adjacency)
        draws = draw_context(run.table, fw, run.options, cfg, ctx.year) if robust else None
        out: dict[str, RegionAssessment] = {}
        problems = []
        targets = peers_ctx.targets
        for start in range(0, len(targets), STABILITY_BLOCK):  # a block's stability draws are computed together
            block = [
                region_assessment(ctx, peers_ctx, reg, industries) for reg in targets[start : start + STABILITY_BLOCK]
            ]
            ras = [ra for ra, _ in block]
            out.update((ra.region, ra) for ra in (stabilise_block(ras, draws) if draws is not None else ras))
            problems.extend(p for _, found in block for p in found)
    return Assessment(
        year=ctx.year,
        base_year=run.result.base_year,
        regions=out,
        index=run.result,
        national_sources=run.sources,
        nation_excluded=run.nation_excluded,
        benchmark=ctx.benchmark(with_published),
        parent=peers_ctx.parent,
        config=cfg,
        notes=tuple(run.notes) + tuple(ctx.nation_basis_notes) + tuple(run.result.recipe.notes),
        problems=tuple(problems),
        levels=ctx.levels,
        momenta=ctx.momenta,
    )
