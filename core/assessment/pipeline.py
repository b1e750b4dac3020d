"""The steps of `assess`: resolve regions and years, one engine pass with the comparable
national series, each region's level, the peers (partners, sameness, ranks), and one region's
assessment assembled from the parts."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from ..index.engine import IndexOptions, IndexResult, common_base_year, compute_index
from ..kernel.messages import Message, msg
from ..kernel.problems import InputError, Problem
from ..kernel.vocabulary import CellStatus
from ..model.framework import ROOT, Framework
from ..model.observations import BASIS_CODES, NATION, ObservationTable
from ..model.regions import canonical_region_name, macro_region_of
from .comparison import (
    BASIS_KEYS,
    RankPool,
    basis_at,
    comparable_national_observations,
    compare_node,
    load_macro_regions,
    macro_share_figures,
    national_vs_published,
    row_series,
)
from .config import AssessmentConfig, term
from .coupling import coupling_degree, side_levels
from .industries import IndustryRow, assess_industries
from .level import compute_level, indicator_term, performance_group
from .levers import select_levers
from .model import Benchmark, Comparison, LevelResult, NationValue, RegionAssessment, Role, fmt, fmt_vs, place
from .momentum import momentum_value, node_momentum
from .partners import PeerMatrix, find_partners, prepare_screens, province_adjacency, sameness
from .positioning import functional_role, pillar_term, quadrant, short_boards
from .potential import assess_potential


def _resolve(names: Iterable[str], loaded: list[str], what: str) -> list[str]:
    """Names as given (南京, 江苏) → the loaded regions (南京市, 江苏省); unknown names raise InputError."""
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
        role = msg(f"assess.region_role.{what}")
        raise InputError(
            [Problem("assess.region_unknown", {"role": role, "name": b, "loaded": loaded}, region=b) for b in bad]
        )
    return list(dict.fromkeys(out))


def _detect_parent(loaded: list[str]) -> str | None:
    """A province loaded together with regions that are not provinces (its cities)."""
    provinces = [r for r in loaded if canonical_region_name(r) not in (None, NATION)]
    others = [r for r in loaded if canonical_region_name(r) is None]
    return provinces[0] if len(provinces) == 1 and others else None


def _region_leaves(table: ObservationTable, fw: Framework) -> ObservationTable:
    """The regions' observations of the framework's indicators (the nation's left out); columns stay columns."""
    return table.filtered(region=lambda r: r != NATION, indicator=set(fw.leaves).__contains__)


def resolve_years(
    table: ObservationTable, fw: Framework, options: IndexOptions
) -> tuple[list[str], int, int, tuple[Message, ...]]:
    """(the loaded regions, base year, assessment year, the notes on a base year found as the regions'
    latest first year); InputError when there is nothing to assess."""
    region_rows = _region_leaves(table, fw)
    loaded = region_rows.regions()
    if not loaded:
        raise InputError([Problem("assess.no_regions", {})])
    years = region_rows.years()
    base, base_notes = (options.base_year, ()) if options.base_year is not None else common_base_year(region_rows, fw)
    end = options.end_year if options.end_year is not None else years[-1]
    if end <= base:
        raise InputError([Problem("assess.years_invalid", {"base": base, "end": end}, year=base)])
    return loaded, base, end, base_notes


@dataclass(frozen=True)
class EnginePass:
    """The index of the regions and the comparable nation, computed together (one engine run)."""

    result: IndexResult
    nat_table: ObservationTable
    sources: Mapping[str, str]
    nation_excluded: tuple[str, ...]
    notes: tuple[Message, ...]
    table: ObservationTable  # what the engine ran on (regions and the comparable nation)
    options: IndexOptions


def engine_pass(
    table: ObservationTable,
    fw: Framework,
    options: IndexOptions,
    base: int,
    end: int,
    base_notes: tuple[Message, ...] = (),
) -> EnginePass:
    """One engine run over the regions and the comparable nation; `base_notes`: `resolve_years`' notes."""
    nat_table, sources, notes = comparable_national_observations(fw, table, range(base, end + 1))
    nation_excluded = tuple(c for c in fw.leaves if nat_table.series(NATION, c).get(base) is None)
    for c in nation_excluded:
        label = indicator_term(fw, c)
        if sources[c] == "missing":
            notes.append(msg("assess.nation.no_comparable", indicator=label))
        else:
            notes.append(msg("assess.nation.no_base_year", indicator=label, base=base, year=end))
    notes.extend(base_notes)  # the regions indexed from the latest of their first years: say so
    exclusions = {r: frozenset(c) for r, c in options.exclusions.items()}
    if nation_excluded:
        exclusions[NATION] = frozenset(nation_excluded) | exclusions.get(NATION, frozenset())
    leafset = set(fw.leaves)
    combined = _region_leaves(table, fw)
    combined.extend(nat_table.filtered(indicator=lambda c: c in leafset and c not in nation_excluded))
    opts = IndexOptions(
        base_year=base,
        end_year=end,
        gap_policy=options.gap_policy,
        exclusions=exclusions,
        excluded_regions=options.excluded_regions,
        exclusion_reasons=options.exclusion_reasons,
        weights=options.weights,
        carry_limit=options.carry_limit,
    )
    result = compute_index(combined, fw, opts)
    return EnginePass(result, nat_table, sources, nation_excluded, tuple(notes), combined, opts)


def _status_key(code: int) -> str:
    status = CellStatus(code)
    return CellStatus.REPORTED.key if status is CellStatus.UNDEFINED else status.key  # no finite value: left out


_STATUS_KEYS = {int(s): _status_key(int(s)) for s in CellStatus}


class BasisIndex:
    """GDP and population observations indexed by (region, code): `series` without scanning every row."""

    def __init__(self, tables: Iterable[ObservationTable]):
        self._series: dict[tuple[str, str], dict[int, float]] = {}
        for t in tables:  # later rows win, as in ObservationTable.series
            if t.is_columnar:  # read from the columns: no Observation made
                c = t.columns()
                quads = zip(c.region, c.indicator, c.year.tolist(), c.value.tolist(), strict=True)
            else:
                quads = ((o.region, o.indicator, o.year, o.value) for o in t)
            for region, code, year, value in quads:
                self._series.setdefault((region, code), {})[year] = value

    def series(self, region: str, indicator: str) -> dict[int, float]:
        return dict(self._series.get((region, indicator), {}))


@dataclass
class Context:
    """What every region's assessment shares: the engine run, the nation at T, every region's level."""

    run: EnginePass
    fw: Framework
    cfg: AssessmentConfig
    year: int
    basis_table: BasisIndex
    nat_vals: dict = field(default_factory=dict)
    nat_sts: dict = field(default_factory=dict)
    nat_basis: dict = field(default_factory=dict)
    nation_basis_notes: list[Message] = field(default_factory=list)
    levels: dict[str, LevelResult] = field(default_factory=dict)
    region_basis: dict[str, dict] = field(default_factory=dict)
    region_vals: dict[str, tuple[dict, dict]] = field(default_factory=dict)
    pillar_levels: dict[str, dict] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    momenta: dict[str, dict] = field(default_factory=dict)
    _series: dict[tuple[str, str], dict] = field(default_factory=dict, repr=False)

    @property
    def result(self) -> IndexResult:
        return self.run.result

    def leaf_values(self, region: str) -> tuple[dict, dict]:
        """The engine's values and statuses of `region` at T (gaps filled, flagged)."""
        res, t = self.result, self.year - self.result.base_year
        r = self.rows[region]
        vals, sts = {}, {}
        keys = _STATUS_KEYS
        for c, v, code in zip(self.fw.leaves, res.values[r, :, t].tolist(), res.status[r, :, t].tolist(), strict=True):
            vals[c] = v if math.isfinite(v) else None
            sts[c] = keys[code] if code in keys else _status_key(code)
        return vals, sts

    def basis(self, region: str) -> tuple[dict, list[Message]]:
        out, notes = {}, []
        for code, key in BASIS_KEYS.items():
            v, note = basis_at(self.basis_table, region, code, self.year)
            out[key] = v
            if note is not None:
                notes.append(note)
        return out, notes

    @cached_property
    def rows(self) -> dict[str, int]:
        """Region → its row in the engine's arrays (IndexResult.region_index scans the tuple)."""
        return {r: i for i, r in enumerate(self.result.regions)}

    def series(self, region: str, code: str) -> dict[int, float | None]:
        """The region's index series of `code` (read once; callers do not change it)."""
        key = (region, code)
        if key not in self._series:
            self._series[key] = row_series(self.result, self.rows[region], code)
        return self._series[key]

    def nation_series(self, code: str) -> dict:
        return self.series(NATION, code) if NATION in self.rows else {}

    def level(self, reg: str, ref_vals, ref_sts, ref_basis, ref_name: str, notes: tuple = ()) -> LevelResult:
        vals, sts = self.region_vals[reg]
        return compute_level(
            self.fw, vals, ref_vals, self.region_basis[reg], ref_basis, region=reg, reference_name=ref_name,
            year=self.year, cap=self.cfg.score_cap, statuses=sts, reference_statuses=ref_sts, basis_notes=notes,
        )  # fmt: skip

    def benchmark(self, with_published: bool) -> Benchmark:
        fw, res = self.fw, self.result
        comparable = {c: self.nation_series(c) for c in (ROOT, *fw.pillars)} if NATION in res.regions else {}
        return Benchmark(
            sources=dict(self.run.sources),
            excluded=self.run.nation_excluded,
            nation_values={c: NationValue(self.nat_vals.get(c), self.nat_sts.get(c)) for c in fw.leaves},
            nation_basis=dict(self.nat_basis),
            comparable_index=comparable,
            published=tuple(national_vs_published(fw)) if with_published else (),
        )


def _nation_at(ctx: Context) -> None:
    """The nation at T: engine-filled where the series is in the index, else the nearest earlier value."""
    if NATION in ctx.result.regions:
        ctx.nat_vals, ctx.nat_sts = ctx.leaf_values(NATION)
    for c in ctx.fw.leaves:
        if ctx.nat_vals.get(c) is None:
            s = {y: v for y, v in ctx.run.nat_table.series(NATION, c).items() if y <= ctx.year}
            if s:
                y = max(s)
                ctx.nat_vals[c], ctx.nat_sts[c] = (
                    s[y],
                    (CellStatus.REPORTED if y == ctx.year else CellStatus.ESTIMATE).key,
                )
            else:
                ctx.nat_vals[c], ctx.nat_sts[c] = None, "missing"
    ctx.nat_basis, ctx.nation_basis_notes = ctx.basis(NATION)


def region_levels(run: EnginePass, table: ObservationTable, cfg: AssessmentConfig, loaded: list[str]) -> Context:
    """Every loaded region's level against the nation, its pillar levels, role and momentum per node."""
    res = run.result
    basis = BASIS_CODES.__contains__
    basis_table = BasisIndex(
        [table.filtered(region=lambda r: r != NATION, indicator=basis), run.nat_table.filtered(indicator=basis)]
    )
    ctx = Context(run, res.framework, cfg, res.years[-1], basis_table)
    _nation_at(ctx)
    fw = ctx.fw
    for reg in loaded:
        ctx.region_vals[reg] = ctx.leaf_values(reg)
        ctx.region_basis[reg], notes = ctx.basis(reg)
        ctx.levels[reg] = ctx.level(reg, ctx.nat_vals, ctx.nat_sts, ctx.nat_basis, NATION, tuple(notes))
    ctx.pillar_levels = {r: {p: lv.nodes.get(p) for p in fw.pillars} for r, lv in ctx.levels.items()}
    ctx.roles = {r: functional_role(ctx.pillar_levels[r], cfg, fw) for r in loaded}
    nodes = (ROOT, *fw.pillars)
    nat_idx = {c: ctx.nation_series(c) for c in nodes}
    ctx.momenta = {r: {c: momentum_value(ctx.series(r, c), nat_idx[c], ctx.year) for c in nodes} for r in loaded}
    return ctx


@dataclass(frozen=True)
class Peers:
    """Who is assessed and against whom: targets, parent province, peer pool, adjacency, peer levels and roles."""

    loaded: list[str]
    targets: list[str]
    parent: str | None
    pool: list[str]
    adjacency: Mapping[str, set[str]]
    parent_levels: Mapping[str, LevelResult]
    peer_levels: Mapping[str, Mapping[str, float | None]]
    peer_roles: Mapping[str, str | None]
    rank_pools: Mapping[bool, RankPool]  # is the region not the parent → the regions it is ranked among
    matrix: PeerMatrix  # the pool's pillar levels (without the parent), for partners and sameness


def peer_context(ctx: Context, loaded: list[str], regions, peers, parent, adjacency) -> Peers:
    """Cities get a level against their province too; partners and sameness among cities use it (province = 100)."""
    fw, cfg = ctx.fw, ctx.cfg
    parent = _resolve([parent], loaded, "parent")[0] if parent is not None else _detect_parent(loaded)
    targets = _resolve(regions, loaded, "target") if regions is not None else list(loaded)
    if peers is None or peers == "all":
        pool = list(loaded)
    else:
        pool = _resolve([peers] if isinstance(peers, str) else list(peers), loaded, "peer")
    adj = province_adjacency(loaded)
    for a, ns in (adjacency or {}).items():
        adj.setdefault(a, set()).update(ns)
        for b in ns:
            adj.setdefault(b, set()).add(a)
    parent_levels: dict[str, LevelResult] = {}
    if parent is not None:
        pv, pst = ctx.region_vals[parent]
        for reg in loaded:
            if reg != parent:
                parent_levels[reg] = ctx.level(reg, pv, pst, ctx.region_basis[parent], parent)
    peer_levels = {
        r: {p: (parent_levels[r] if r in parent_levels else ctx.levels[r]).nodes.get(p) for p in fw.pillars}
        for r in loaded
    }
    peer_roles = {
        r: functional_role(peer_levels[r], cfg, fw).name if r in parent_levels else ctx.roles[r].name for r in loaded
    }
    pools = _rank_pools(ctx, loaded, parent)
    matrix = PeerMatrix(peer_levels, fw.pillars, [r for r in pool if r != parent])
    prepare_screens(matrix, [r for r in targets if r != parent], peer_levels, fw, adj, cfg)
    return Peers(loaded, targets, parent, pool, adj, parent_levels, peer_levels, peer_roles, pools, matrix)


def _rank_pools(ctx: Context, loaded: list[str], parent: str | None) -> dict[bool, RankPool]:
    """The regions ranked together: all loaded; with a parent, its cities apart from the parent itself."""
    levels = {r: ctx.levels[r].nodes for r in loaded}
    if parent is None:
        return {True: RankPool(ctx.result, loaded, levels)}
    return {side: RankPool(ctx.result, [r for r in loaded if (r != parent) == side], levels) for side in (True, False)}


def _comparison(ctx: Context, peers: Peers, reg: str, macro: str | None) -> Comparison:
    fw = ctx.fw
    pool = peers.rank_pools[reg != peers.parent]
    macro_nodes = [
        f.node for f in load_macro_regions() if f.macro_region == macro and f.measure == "index" and f.node in fw.nodes
    ]
    nodes = {c: compare_node(ctx.result, reg, c, macro_region=macro, pool=pool)
             for c in dict.fromkeys([ROOT, *fw.pillars, *macro_nodes])}  # fmt: skip
    return Comparison(nodes, macro_share_figures(ctx.result, reg, macro))


def node_terms(fw: Framework) -> dict[str, Message]:
    """The total and each pillar, named in sentences (总指数, 融合基础 …)."""
    return {ROOT: msg("assess.total"), **{p: pillar_term(fw, p) for p in fw.pillars}}


def _headline(
    reg: str, lv: LevelResult, groups, mom, quads, role, coup, pot, cfg, beside: LevelResult | None
) -> Message:
    def name(x: str | None) -> Message | str:
        return "—" if x is None else cfg.term(x)

    g, q, m = groups.get(ROOT), quads.get(ROOT), mom.get(ROOT)
    tail = "" if beside is None else msg("assess.headline.beside", reference=place(beside.reference),
                                         level=fmt(beside.total))  # fmt: skip
    return msg(
        "assess.headline",
        region=reg,
        year=lv.year,
        reference=place(lv.reference),
        level=fmt(lv.total) if g is None or g.margin is None else fmt_vs(lv.total, lv.total - g.margin),
        beside=tail,
        group=name(g.group if g else None),
        momentum=fmt_vs(m.momentum, cfg.split_momentum) if m else "—",
        quadrant=name(q.name if q else None),
        role=name(role.name),
        d=fmt(coup.d, 3),
        grade=name(coup.grade),
        potential=name(pot.grade),
    )


@dataclass(frozen=True)
class _Verdicts:
    """The verdicts of one region against its one reference (the nation, or a city's province)."""

    reference: str
    level: LevelResult
    groups: Mapping
    momentum: Mapping
    quadrants: Mapping
    role: Role
    coupling: object
    beside: LevelResult | None  # a city's level against the nation, shown beside
    momentum_beside: object


def _verdicts(ctx: Context, peers: Peers, reg: str) -> _Verdicts:
    """Level, groups, momentum, quadrants, role and coupling of `reg`, all against one reference."""
    fw, cfg, year = ctx.fw, ctx.cfg, ctx.year
    is_city = peers.parent is not None and reg != peers.parent
    ref = peers.parent if is_city else NATION
    lv = peers.parent_levels[reg] if is_city else ctx.levels[reg]

    def ref_series(c: str) -> dict:
        return ctx.series(ref, c) if is_city else ctx.nation_series(c)

    terms = node_terms(fw)
    nodes = (ROOT, *fw.pillars)
    groups = {c: performance_group(lv.nodes.get(c), cfg, c, terms[c], reference=ref) for c in nodes}
    mom = {c: node_momentum(ctx.series(reg, c), ref_series(c), year, node=c, label=terms[c], reference_name=ref)
           for c in nodes}  # fmt: skip
    quads = {c: quadrant(lv.nodes.get(c), mom[c].momentum, cfg, node=c, label=terms[c], reference=ref) for c in nodes}
    pillars = {p: lv.nodes.get(p) for p in fw.pillars}
    role = functional_role(pillars, cfg, fw, reference=ref) if is_city else ctx.roles[reg]
    ls, li = side_levels(pillars, fw)
    coup = coupling_degree(ls, li, cfg, science=_side_term(fw, "science"), industry=_side_term(fw, "industry"),
                           reference=ref)  # fmt: skip
    beside = ctx.levels[reg] if is_city else None
    mom_beside = node_momentum(ctx.series(reg, ROOT), ctx.nation_series(ROOT), year) if is_city else None
    return _Verdicts(ref, lv, groups, mom, quads, role, coup, beside, mom_beside)


def region_assessment(
    ctx: Context, peers: Peers, reg: str, industries: list[IndustryRow] | None
) -> tuple[RegionAssessment, list[Problem]]:
    """Every part of spec 02 for one region, and the problems its industry rows raised."""
    fw, cfg, res, year = ctx.fw, ctx.cfg, ctx.result, ctx.year
    parent = peers.parent
    v = _verdicts(ctx, peers, reg)
    lv, coup = v.level, v.coupling
    inds, problems = assess_industries(industries, reg, cfg) if industries else ((), [])
    m = v.momentum[ROOT]
    pot = assess_potential(lv.total, {p: lv.nodes.get(p) for p in fw.pillars}, fw, coup, m.momentum, m.g_region,
                           m.g_reference, year, cfg, inds)  # fmt: skip
    is_city = v.reference != NATION
    pm = PeerMatrix(peers.peer_levels, fw.pillars, []) if parent is not None and reg == parent else peers.matrix
    partners = find_partners(reg, peers.peer_levels, fw, peers.adjacency, cfg, reference_name=v.reference, matrix=pm)
    same = sameness(reg, peers.peer_levels, peers.peer_roles, peers.adjacency, cfg, matrix=pm)
    macro = macro_region_of(reg)
    return RegionAssessment(
        region=reg,
        year=year,
        base_year=res.base_year,
        macro_region=macro,
        level=lv,
        groups=v.groups,
        momentum=v.momentum,
        quadrants=v.quadrants,
        role=v.role,
        boards=short_boards(lv, fw, cfg),
        coupling=coup,
        potential=pot,
        industries=inds,
        partners=partners,
        sameness=same,
        levers=select_levers(lv, fw, cfg, same),
        comparison=_comparison(ctx, peers, reg, macro),
        parent=parent if is_city else None,
        reference=v.reference,
        level_vs_nation=v.beside,
        momentum_vs_nation=v.momentum_beside,
        notes=tuple(lv.notes),
        headline=_headline(reg, lv, v.groups, v.momentum, v.quadrants, v.role, coup, pot, cfg, v.beside),
    ), list(problems)


def _side_term(fw: Framework, side: str) -> Message:
    """科技创新侧 / 产业创新侧 as the framework names them (default: the catalogue's names)."""
    zh = fw.coupling.get(f"{side}_zh")
    if zh is None:
        return msg(f"assess.coupling.{side}")
    return term(str(zh), str(fw.coupling.get(f"{side}_en", zh)))
