"""Potential and positioning assessment (CAS recommendation, spec 02): the orchestrator.

`assess(table, …)` runs the index engine once on the regions plus the *comparable national
series* and derives, per region: level against the nation (and against its province for a
city), performance groups, momentum, positioning quadrants, functional role, strengths and
short boards, double-helix coupling, potential, leading industries, partners, sameness
warnings, levers and the comparison with national and macro-region benchmarks. Each part is
one module (level, momentum, positioning, coupling, potential, industries, partners, levers,
comparison); thresholds and names come from `resources/assessment/*.toml`.

Input data (long format or templates) carry the basic data under reserved indicator codes:
`_gdp` (地区生产总值, 亿元) and `_population` (年末常住人口, 万人), for every region and, for the
nation, under region `全国`. The nation's indicator values may be given as `全国` rows under the
provincial definitions; otherwise the shipped national benchmark is used (see comparison.py).
The assessment year T is the latest year of the regions' data; values carried forward or
interpolated are flagged in the notes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..index.engine import IndexOptions, IndexResult, compute_index
from ..kernel.problems import InputError, Problem
from ..model.framework import ROOT, Framework, load_framework
from ..model.observations import BASIS_CODES, BASIS_GDP, BASIS_POPULATION, NATION, ObservationTable
from .comparison import (
    SOURCE_ZH,
    basis_at,
    comparable_national_observations,
    compare_node,
    load_macro_regions,
    macro_share_figures,
    national_vs_published,
)
from .config import AssessmentConfig, load_config
from .coupling import coupling_degree, side_levels
from .industries import IndustryRow, assess_industries, parse_industries_csv, rows_from_entries
from .level import STATUS_NAMES, compute_level, performance_group
from .levers import select_levers
from .model import LevelResult, RegionAssessment, rnd
from .momentum import node_momentum
from .partners import find_partners, province_adjacency, sameness
from .positioning import functional_role, quadrant, short_boards
from .potential import assess_potential

__all__ = [
    "Assessment",
    "AssessmentConfig",
    "IndustryRow",
    "RegionAssessment",
    "assess",
    "compare_node",
    "load_config",
    "parse_industries_csv",
    "rows_from_entries",
]

BASIS_KEYS = {BASIS_GDP: "gdp", BASIS_POPULATION: "population"}


@dataclass(frozen=True)
class Assessment:
    """The assessment of one or more regions, with the benchmark it was measured against."""

    year: int
    base_year: int
    regions: Mapping[str, RegionAssessment]
    index: IndexResult
    national_sources: Mapping[str, str]
    nation_excluded: tuple[str, ...]
    benchmark: Mapping[str, object]
    parent: str | None = None
    config: AssessmentConfig | None = None  # thresholds, names and grade bands the verdicts used
    notes: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    levels: Mapping[str, LevelResult] = field(default_factory=dict)  # every loaded region vs the nation
    momenta: Mapping[str, Mapping[str, float | None]] = field(
        default_factory=dict
    )  # every loaded region's M per node (scatter)

    def to_dict(self) -> dict:
        return {
            "method": "spec 02 潜力与定位评估（中国科学院建议；指数为中国信通院 2025 方法）",
            "framework": {"id": self.index.framework.id, "version": self.index.framework.version},
            "config": self.config.source if self.config else "",
            "year": self.year,
            "base_year": self.base_year,
            "reference": NATION,
            "parent": self.parent,
            "benchmark": self.benchmark,
            "regions": {r: a.to_dict() for r, a in self.regions.items()},
            "scatter": {
                "nation": {"L": 100.0, "M": 100.0},
                "points": {
                    node: [
                        {"region": r, "L": rnd(lv.nodes.get(node)), "M": rnd(self.momenta.get(r, {}).get(node))}
                        for r, lv in self.levels.items()
                    ]
                    for node in (ROOT, *self.index.framework.pillars)
                },
            },
            "notes": list(self.notes),
            "problems": [p.to_dict() for p in self.problems],
        }


def _resolve(names: Iterable[str], loaded: list[str], what: str) -> list[str]:
    from ..model.regions import canonical_region_name

    canon = {canonical_region_name(r) or r: r for r in loaded}
    out, bad = [], []
    for n in names:
        n = n.strip()
        if n in loaded:
            out.append(n)
        elif (canonical_region_name(n) or n) in canon:
            out.append(canon[canonical_region_name(n) or n])
        elif n and len([r for r in loaded if r.startswith(n)]) == 1:  # 南京 → 南京市 (cities are not canonicalised)
            out.append(next(r for r in loaded if r.startswith(n)))
        else:
            bad.append(n)
    if bad:
        raise InputError(
            [
                Problem(
                    "region_unknown",
                    f"{what}“{b}”不在已载入的数据中；已载入：{'、'.join(loaded) or '（无）'}。",
                    region=b,
                )
                for b in bad
            ]
        )
    return list(dict.fromkeys(out))


def _detect_parent(loaded: list[str]) -> str | None:
    """A province loaded together with regions that are not provinces (its cities)."""
    from ..model.regions import canonical_region_name

    provinces = [r for r in loaded if canonical_region_name(r) not in (None, NATION)]
    others = [r for r in loaded if canonical_region_name(r) is None]
    return provinces[0] if len(provinces) == 1 and others else None


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
) -> Assessment:
    """Assess `regions` (default: every loaded region) against the nation; peers default to all loaded.

    `parent`: the province whose cities are loaded (auto-detected when exactly one province is
    loaded together with non-province regions); its cities get a level and momentum against it too.
    Raises InputError for unusable data (unknown region, missing base-year values …).
    """
    fw = framework or load_framework()
    cfg = config or load_config(pillars=fw.pillars)
    options = options or IndexOptions()
    leafset = set(fw.leaves)
    region_rows = [o for o in table if o.region != NATION]
    loaded = list(dict.fromkeys(o.region for o in region_rows if o.indicator in leafset))
    if not loaded:
        raise InputError([Problem("no_regions", "数据中没有任何地区（全国以外）的指标值，无法评估。请导入地区数据。")])
    years = sorted({o.year for o in region_rows if o.indicator in leafset})
    base = options.base_year if options.base_year is not None else years[0]
    end = options.end_year if options.end_year is not None else years[-1]
    if end <= base:
        raise InputError(
            [
                Problem(
                    "years_invalid",
                    f"评估需要至少两个年份的数据（基期 {base} 年，末年 {end} 年）；势能和增速无法计算。",
                    year=base,
                )
            ]
        )

    nat_table, sources, notes = comparable_national_observations(fw, table, range(base, end + 1))
    nation_excluded = tuple(c for c in fw.leaves if nat_table.series(NATION, c).get(base) is None)
    for c in nation_excluded:
        if sources[c] == "missing":
            notes.append(
                f"{fw.label(c, regional=True)}：没有全国可比值，不参与融合水平；全国可比指数序列也不含该指标。"
            )
        else:
            notes.append(
                f"{fw.label(c, regional=True)}：全国可比值缺少基期 {base} 年数值，全国可比指数序列不含该指标（势能比较口径因此不同）；水平计算仍使用 {end} 年的全国值（如有）。"
            )
    exclusions = {r: frozenset(c) for r, c in options.exclusions.items()}
    if nation_excluded:
        exclusions[NATION] = frozenset(nation_excluded) | exclusions.get(NATION, frozenset())
    combined = ObservationTable(
        [o for o in region_rows if o.indicator in leafset]
        + [o for o in nat_table if o.indicator in leafset and o.indicator not in nation_excluded]
    )
    result = compute_index(
        combined,
        fw,
        IndexOptions(
            base_year=base, end_year=end, gap_policy=options.gap_policy, exclusions=exclusions, weights=options.weights
        ),
    )
    fw = result.framework
    T = result.years[-1]
    t = T - result.base_year

    basis_table = ObservationTable(
        [o for o in table if o.indicator in BASIS_CODES and o.region != NATION]
        + [o for o in nat_table if o.indicator in BASIS_CODES]
    )
    nat_series = {c: nat_table.series(NATION, c) for c in fw.leaves}

    def leaf_values(region: str) -> tuple[dict, dict]:
        r = result.region_index(region)
        vals, sts = {}, {}
        for i, c in enumerate(fw.leaves):
            v = float(result.values[r, i, t])
            vals[c] = v if math.isfinite(v) else None
            sts[c] = STATUS_NAMES.get(int(result.status[r, i, t]), "reported")
        return vals, sts

    def basis(region: str) -> tuple[dict, list[str]]:
        out, bnotes = {}, []
        for code, key in BASIS_KEYS.items():
            v, note = basis_at(basis_table, region, code, T)
            out[key] = v
            if note:
                bnotes.append(note)
        return out, bnotes

    # the nation at T: engine-filled where the series is in the index, else the nearest earlier value
    nat_vals, nat_sts = {}, {}
    if NATION in result.regions:
        nat_vals, nat_sts = leaf_values(NATION)
    for c in fw.leaves:
        if nat_vals.get(c) is None:
            s = {y: v for y, v in nat_series[c].items() if y <= T}
            if s:
                y = max(s)
                nat_vals[c], nat_sts[c] = s[y], ("reported" if y == T else "estimate")
            else:
                nat_vals[c], nat_sts[c] = None, "missing"
    nat_basis, nat_bnotes = basis(NATION)
    notes.extend(nat_bnotes)

    levels: dict[str, LevelResult] = {}
    region_basis: dict[str, dict] = {}
    region_vals: dict[str, tuple[dict, dict]] = {}
    for reg in loaded:
        vals, sts = leaf_values(reg)
        b, bnotes = basis(reg)
        region_basis[reg], region_vals[reg] = b, (vals, sts)
        levels[reg] = compute_level(
            fw,
            vals,
            nat_vals,
            b,
            nat_basis,
            region=reg,
            reference_name=NATION,
            year=T,
            cap=cfg.score_cap,
            statuses=sts,
            reference_statuses=nat_sts,
            basis_notes=tuple(bnotes),
        )
    pillar_levels = {r: {p: lv.nodes.get(p) for p in fw.pillars} for r, lv in levels.items()}
    roles = {r: functional_role(pillar_levels[r], cfg, fw) for r in loaded}
    nat_idx = {c: (result.series(NATION, c) if NATION in result.regions else {}) for c in (ROOT, *fw.pillars)}
    momenta = {
        r: {c: node_momentum(result.series(r, c), nat_idx[c], T).momentum for c in (ROOT, *fw.pillars)} for r in loaded
    }

    parent = _resolve([parent], loaded, "上级地区")[0] if parent is not None else _detect_parent(loaded)
    targets = _resolve(regions, loaded, "评估地区") if regions is not None else list(loaded)
    if peers is None or peers == "all":
        peer_pool = list(loaded)
    else:
        peer_pool = _resolve([peers] if isinstance(peers, str) else list(peers), loaded, "比较地区")
    adj = province_adjacency(loaded)
    for a, ns in (adjacency or {}).items():
        adj.setdefault(a, set()).update(ns)
        for b in ns:
            adj.setdefault(b, set()).add(a)

    # cities: level against their province too; partners and sameness among cities use it (province = 100)
    parent_levels: dict[str, LevelResult] = {}
    if parent is not None:
        pv, pst = region_vals[parent]
        for reg in loaded:
            if reg != parent:
                cv, cst = region_vals[reg]
                parent_levels[reg] = compute_level(
                    fw,
                    cv,
                    pv,
                    region_basis[reg],
                    region_basis[parent],
                    region=reg,
                    reference_name=parent,
                    year=T,
                    cap=cfg.score_cap,
                    statuses=cst,
                    reference_statuses=pst,
                )
    peer_levels = {
        r: {p: (parent_levels[r] if r in parent_levels else levels[r]).nodes.get(p) for p in fw.pillars} for r in loaded
    }
    peer_roles = {
        r: functional_role(peer_levels[r], cfg, fw).name if r in parent_levels else roles[r].name for r in loaded
    }

    ind_problems: list[Problem] = []
    out: dict[str, RegionAssessment] = {}
    from ..model.regions import macro_region_of

    for reg in targets:
        lv = levels[reg]
        labels = {ROOT: "总指数", **{p: fw.nodes[p].name_zh for p in fw.pillars}}
        groups = {c: performance_group(lv.nodes.get(c), cfg, c, labels[c]) for c in (ROOT, *fw.pillars)}
        mom = {
            c: node_momentum(
                result.series(reg, c),
                result.series(NATION, c) if NATION in result.regions else {},
                T,
                node=c,
                label=labels[c],
            )
            for c in (ROOT, *fw.pillars)
        }
        quads = {
            c: quadrant(lv.nodes.get(c), mom[c].momentum, cfg, node=c, label=labels[c]) for c in (ROOT, *fw.pillars)
        }
        boards = short_boards(lv, fw, cfg)
        ls, li = side_levels(pillar_levels[reg], fw)
        coup = coupling_degree(
            ls,
            li,
            cfg,
            science_zh=str(fw.coupling.get("science_zh", "科技创新侧")),
            industry_zh=str(fw.coupling.get("industry_zh", "产业创新侧")),
        )
        inds: tuple = ()
        if industries:
            inds, probs = assess_industries(industries, reg, cfg)
            ind_problems.extend(probs)
        pot = assess_potential(
            lv.total,
            pillar_levels[reg],
            fw,
            coup,
            mom[ROOT].momentum,
            mom[ROOT].g_region,
            mom[ROOT].g_reference,
            T,
            cfg,
            inds,
        )
        is_city = parent is not None and reg != parent
        if parent is not None and reg == parent:
            pool: list[str] = []  # a province loaded with its cities has no peers among them
        else:
            pool = [r for r in peer_pool if r not in (reg, parent)]
        partners = find_partners(reg, peer_levels, fw, adj, cfg, pool, reference_name=parent if is_city else NATION)
        same = sameness(reg, peer_levels, peer_roles, adj, cfg, pool)
        levers = select_levers(lv, fw, cfg, same)
        macro = macro_region_of(reg)
        ranking = [r for r in loaded if (r != parent) == (reg != parent)] if parent else loaded
        macro_nodes = [
            f.node
            for f in load_macro_regions()
            if f.macro_region == macro and f.measure == "index" and f.node in fw.nodes
        ]
        cmp_nodes = list(dict.fromkeys([ROOT, *fw.pillars, *macro_nodes]))
        comparison = {
            "nodes": {
                c: compare_node(
                    result,
                    reg,
                    c,
                    macro_region=macro,
                    ranking_regions=ranking,
                    levels={r: levels[r].nodes for r in loaded},
                )
                for c in cmp_nodes
            },
            "macro_shares": macro_share_figures(result, reg, macro),
        }
        lv_parent = mom_parent = None
        if is_city:
            lv_parent = parent_levels[reg]
            mom_parent = node_momentum(
                result.series(reg, ROOT), result.series(parent, ROOT), T, label="总指数", reference_name=parent
            )
        rnotes = list(lv.notes)
        out[reg] = RegionAssessment(
            region=reg,
            year=T,
            base_year=result.base_year,
            macro_region=macro,
            level=lv,
            groups=groups,
            momentum=mom,
            quadrants=quads,
            role=roles[reg],
            boards=boards,
            coupling=coup,
            potential=pot,
            industries=inds,
            partners=partners,
            sameness=same,
            levers=levers,
            comparison=comparison,
            parent=parent if is_city else None,
            level_vs_parent=lv_parent,
            momentum_vs_parent=mom_parent,
            notes=tuple(rnotes),
        )

    benchmark = {
        "nation_sources": {c: {"source": s, "source_zh": SOURCE_ZH[s]} for c, s in sources.items()},
        "nation_excluded_from_index": list(nation_excluded),
        "nation_values": {c: {"value": rnd(nat_vals.get(c), 6), "status": nat_sts.get(c)} for c in fw.leaves},
        "nation_basis": {k: rnd(v, 6) for k, v in nat_basis.items()},
        "nation_comparable_index": (
            {c: {str(y): rnd(v) for y, v in result.series(NATION, c).items()} for c in (ROOT, *fw.pillars)}
            if NATION in result.regions
            else {}
        ),
        "published_vs_computed": national_vs_published(fw) if with_published else [],
    }
    return Assessment(
        T,
        result.base_year,
        out,
        result,
        sources,
        nation_excluded,
        benchmark,
        parent,
        cfg,
        tuple(notes) + tuple(result.recipe.get("notes", ())),
        tuple(ind_problems),
        levels,
        momenta,
    )
