"""The CAICT 2025 fusion index (专栏2): symmetric growth, weighted aggregation, chained index.

    V_it = (x_it − x_i,t−1) / ((x_it + x_i,t−1) / 2) × 100       symmetric growth of an indicator
    C_jt = Σ_i w_i × V_it                                        a parent's growth
    E_t  = E_t−1 × (200 + V_t) / (200 − V_t),  E_base = 100      every node's chained index

A parent's growth is linear in its leaves' growth, so the whole tree is one matrix
`A[node, leaf]` (products of weights along each path). The engine fills gaps, computes leaf
growth for all regions at once as a [region, leaf, year] array, and gets every node with one
`einsum`; sensitivity and Monte Carlo reuse the same prepared growth with other matrices.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from ..kernel.problems import InputError, Problem
from ..kernel.vocabulary import GAP_POLICIES, CellStatus
from ..model.framework import Framework
from ..model.observations import ObservationTable, Provenance

# Leaf statuses (IndexResult.status) and node flags (IndexResult.node_flags) are CellStatus
# values stored as int8: a node is REPORTED (no flag), ESTIMATE, INTERPOLATED or UNDEFINED.
REPORTED, ESTIMATE, INTERPOLATED, EXCLUDED, UNDEFINED = (
    CellStatus.REPORTED,
    CellStatus.ESTIMATE,
    CellStatus.INTERPOLATED,
    CellStatus.EXCLUDED,
    CellStatus.UNDEFINED,
)
# The JSON flag of an undefined value (the README's interchange shape; the reason in words is
# the catalogue's `status.undefined_reason`).
UNDEFINED_REASON = "undefined: previous value is 0, growth rate is 200 and the chained index has no finite value"


@dataclass(frozen=True)
class IndexOptions:
    """The recipe choices a user can make. Defaults follow the report."""

    base_year: int | None = None  # None: the earliest year in the data
    end_year: int | None = None  # None: the latest year in the data
    gap_policy: str = "interpolate"  # interior gaps: geometric interpolation, or carry the last value forward
    exclusions: Mapping[str, frozenset[str]] = field(default_factory=dict)  # region → indicator codes left out
    weights: Mapping[str, float] = field(default_factory=dict)  # node code → weight within its parent


@dataclass(frozen=True)
class PreparedData:
    """Filled leaf values and their growth, ready for any weighting. Shared by the engine and sensitivity."""

    framework: Framework
    regions: tuple[str, ...]
    years: tuple[int, ...]
    values: np.ndarray  # [R, L, T] filled values (NaN where excluded)
    status: np.ndarray  # [R, L, T] int8
    growth: np.ndarray  # [R, L, T] oriented symmetric growth (direction applied), NaN at base year / excluded
    included: np.ndarray  # [R, L] bool
    provenance: Mapping[tuple[str, str, int], Provenance]
    notes: tuple[str, ...]


def symmetric_growth(prev: np.ndarray, cur: np.ndarray) -> np.ndarray:
    """V = (x_t − x_t−1) / ((x_t + x_t−1)/2) × 100; both zero → 0 (spec 01 §1.3). NaN stays NaN.

    Both values are first divided by the larger magnitude, so no finite input overflows (1e308 + 1e308).
    """
    scale = np.maximum(np.abs(prev), np.abs(cur))
    with np.errstate(divide="ignore", invalid="ignore"):
        p, c = prev / scale, cur / scale
        total = p + c
        v = 200.0 * (c - p) / total
    v[(scale == 0) | (total == 0)] = 0.0
    return v


def chain(growth: np.ndarray) -> np.ndarray:
    """Chained index along the last axis; growth[..., 0] is ignored (base year = 100).

    Non-finite steps (growth exactly 200, or after an index of 0 meets 200) give NaN: undefined.
    """
    g = growth[..., 1:]
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = (200.0 + g) / (200.0 - g)
        factor = np.where(np.isfinite(factor), factor, np.nan)
    out = np.empty(growth.shape, dtype=float)
    out[..., 0] = 100.0
    out[..., 1:] = 100.0 * np.cumprod(factor, axis=-1)
    out[~np.isfinite(out)] = np.nan
    return out


def aggregation_matrix(framework: Framework, included: np.ndarray | None = None) -> np.ndarray:
    """A[node, leaf]: a node's growth = Σ_leaf A[node, leaf] × V_leaf.

    `included` [L] marks leaves in use; excluded leaves get weight 0 and their siblings'
    weights are renormalised, level by level (a parent with nothing left drops out too).
    """
    leaves = framework.leaves
    leaf_pos = {c: i for i, c in enumerate(leaves)}
    inc = np.ones(len(leaves), bool) if included is None else np.asarray(included, bool)
    alive: dict[str, bool] = {c: bool(inc[leaf_pos[c]]) for c in leaves}
    for parent in framework.parents:
        alive[parent] = any(alive[k] for k in framework.children(parent))
    rows: dict[str, np.ndarray] = {}
    for c in leaves:
        row = np.zeros(len(leaves))
        row[leaf_pos[c]] = 1.0
        rows[c] = row
    for parent in framework.parents:
        kids = [k for k in framework.children(parent) if alive[k]]
        total = sum(framework.nodes[k].weight for k in kids)
        row = np.zeros(len(leaves))
        if total > 0:
            for k in kids:
                row += (framework.nodes[k].weight / total) * rows[k]
        rows[parent] = row
    return np.stack([rows[c] for c in framework.codes])


@dataclass(frozen=True)
class Grid:
    """Observations placed on a [region, leaf, year] grid (NaN = no value): the engine's input."""

    regions: tuple[str, ...]
    years: tuple[int, ...]
    raw: np.ndarray  # [R, L, T]
    provenance: Mapping[tuple[str, str, int], Provenance]


def to_grid(
    table: ObservationTable, framework: Framework, base_year: int | None = None, end_year: int | None = None
) -> Grid:
    """Place the framework's indicators on a grid from the base year (default: earliest) to the end year."""
    leaf_pos = {c: i for i, c in enumerate(framework.leaves)}
    rows = [o for o in table if o.indicator in leaf_pos]
    if not rows:
        raise InputError(
            [Problem("no_data", "数据中没有任何属于当前指标体系的指标值，请检查指标代码是否与指标体系一致。")]
        )
    data_years = sorted({o.year for o in rows})
    base = base_year if base_year is not None else data_years[0]
    end = end_year if end_year is not None else data_years[-1]
    if end <= base:
        raise InputError(
            [
                Problem(
                    "years_invalid",
                    f"基期 {base} 年必须早于末年 {end} 年，请重新选择基期或补充后续年份数据。",
                    year=base,
                )
            ]
        )
    regions = tuple(dict.fromkeys(o.region for o in rows))
    reg_pos = {r: i for i, r in enumerate(regions)}
    raw = np.full((len(regions), len(leaf_pos), end - base + 1), np.nan)
    provenance: dict[tuple[str, str, int], Provenance] = {}
    for o in rows:
        if base <= o.year <= end:
            raw[reg_pos[o.region], leaf_pos[o.indicator], o.year - base] = o.value
            if o.provenance is not None:
                provenance[(o.region, o.indicator, o.year)] = o.provenance
    return Grid(regions, tuple(range(base, end + 1)), raw, MappingProxyType(provenance))


def prepare(table: ObservationTable, framework: Framework, options: IndexOptions | None = None) -> PreparedData:
    """Observations → grid → filled values and leaf growth (see prepare_grid)."""
    options = options or IndexOptions()
    return prepare_grid(to_grid(table, framework, options.base_year, options.end_year), framework, options)


def prepare_grid(grid: Grid, framework: Framework, options: IndexOptions | None = None) -> PreparedData:
    """Fill gaps and compute leaf growth for every region at once.

    Raises InputError listing every problem (missing base year, indicator without data …).
    """
    options = options or IndexOptions()
    if options.gap_policy not in GAP_POLICIES:
        raise InputError(
            [
                Problem(
                    "option_invalid",
                    f"缺口处理方式 {options.gap_policy} 无效，应为 interpolate（插值）或 carry_forward（沿用上年）。",
                )
            ]
        )
    leaves = framework.leaves
    leaf_pos = {c: i for i, c in enumerate(leaves)}
    regions, years, raw = grid.regions, grid.years, grid.raw
    R, L, T = raw.shape
    base, end = years[0], years[-1]
    reg_pos = {r: i for i, r in enumerate(regions)}

    excluded = np.zeros((R, L), bool)
    problems: list[Problem] = []
    for region, codes in options.exclusions.items():
        for code in sorted(codes):
            if code not in leaf_pos:
                problems.append(
                    Problem(
                        "exclusion_unknown",
                        f"要排除的指标 {code} 不是当前指标体系的三级指标。",
                        region=region,
                        indicator=code,
                    )
                )
            elif region in reg_pos:
                excluded[reg_pos[region], leaf_pos[code]] = True

    has_any = ~np.all(np.isnan(raw), axis=2)
    for r, i in np.argwhere(~excluded & ~has_any):
        problems.append(
            Problem(
                "indicator_no_data",
                f"{framework.label(leaves[i])} 在 {base}–{end} 年没有任何数据。请补充数据，或在测算设置中为该地区排除此指标（其同级指标权重将重新归一）。",
                region=regions[r],
                indicator=leaves[i],
            )
        )
    for r, i in np.argwhere(~excluded & has_any & np.isnan(raw[:, :, 0])):
        problems.append(
            Problem(
                "base_year_missing",
                f"{framework.label(leaves[i])} 缺少基期 {base} 年的数值。请补充该值，或选择一个有数据的较晚年份作为基期；产品不会用 0 代替。",
                region=regions[r],
                indicator=leaves[i],
                year=base,
            )
        )
    if problems:
        raise InputError(problems)

    values, status = _fill(raw, options.gap_policy)
    values[excluded] = np.nan
    status[excluded] = EXCLUDED
    growth = np.full((R, L, T), np.nan)
    growth[:, :, 1:] = symmetric_growth(values[:, :, :-1], values[:, :, 1:])
    direction = np.array([framework.nodes[c].direction for c in leaves], dtype=float)
    growth *= direction[None, :, None]

    notes = list(framework.notes)
    if excluded.any():
        for r, region in enumerate(regions):
            codes = [leaves[i] for i in np.flatnonzero(excluded[r])]
            if codes:
                notes.append(
                    f"{region} 排除了指标 {'、'.join(codes)}，其同级指标权重已重新归一；与包含这些指标的地区比较时请注意口径差异。"
                )
    return PreparedData(framework, regions, years, values, status, growth, ~excluded, grid.provenance, tuple(notes))


def _fill(raw: np.ndarray, policy: str) -> tuple[np.ndarray, np.ndarray]:
    """Fill interior gaps (interpolate geometrically, or carry forward) and trailing gaps (carry forward).

    Geometric interpolation needs both ends > 0; with a zero end the gap is filled linearly.
    The base year is known for every included series (checked by the caller).
    """
    values = raw.copy()
    status = np.where(np.isnan(raw), -1, REPORTED).astype(np.int8)
    R, L, T = raw.shape
    missing = np.argwhere(np.isnan(raw).any(axis=2))
    for r, i in missing:
        series = values[r, i]
        known = np.flatnonzero(~np.isnan(series))
        if known.size == 0:
            continue
        for t in range(T):
            if not np.isnan(series[t]):
                continue
            before = known[known < t]
            after = known[known > t]
            if before.size == 0:
                continue  # only before the base year; never happens for included series
            t0 = before[-1]
            if after.size == 0 or policy == "carry_forward":
                series[t] = raw[r, i, t0]
                status[r, i, t] = ESTIMATE
                continue
            t1 = after[0]
            a, b = raw[r, i, t0], raw[r, i, t1]
            frac = (t - t0) / (t1 - t0)
            if a > 0 and b > 0:
                series[t] = math.exp(math.log(a) + frac * (math.log(b) - math.log(a)))
            else:
                series[t] = a + frac * (b - a)
            status[r, i, t] = INTERPOLATED
    status[status < 0] = EXCLUDED
    return values, status


@dataclass(frozen=True)
class IndexResult:
    """Every node's index and growth for every region and year, with the recipe that made it."""

    framework: Framework
    regions: tuple[str, ...]
    years: tuple[int, ...]
    codes: tuple[str, ...]
    index: np.ndarray  # [R, N, T]; NaN = undefined
    growth: np.ndarray  # [R, N, T]; NaN at the base year
    values: np.ndarray  # [R, L, T]
    status: np.ndarray  # [R, L, T]
    node_flags: np.ndarray  # [R, N, T]
    provenance: Mapping[tuple[str, str, int], Provenance]
    recipe: Mapping[str, object]

    @property
    def base_year(self) -> int:
        return self.years[0]

    @property
    def latest_year(self) -> int:
        return self.years[-1]

    def region_index(self, region: str) -> int:
        try:
            return self.regions.index(region)
        except ValueError:
            raise KeyError(f"地区 {region} 不在测算结果中") from None

    def code_index(self, code: str) -> int:
        return self.codes.index(code)

    def series(self, region: str, code: str) -> dict[int, float | None]:
        row = self.index[self.region_index(region), self.code_index(code)]
        return {y: (None if math.isnan(v) else float(v)) for y, v in zip(self.years, row, strict=False)}

    def growth_series(self, region: str, code: str) -> dict[int, float | None]:
        row = self.growth[self.region_index(region), self.code_index(code)]
        return {y: (None if math.isnan(v) else float(v)) for y, v in zip(self.years[1:], row[1:], strict=False)}

    def value(self, region: str, code: str, year: int) -> float | None:
        return self.series(region, code).get(year)

    def flag(self, region: str, code: str, year: int) -> CellStatus | None:
        """The node's flag in a year (ESTIMATE, INTERPOLATED, UNDEFINED), None when it has none."""
        f = CellStatus(int(self.node_flags[self.region_index(region), self.code_index(code), year - self.base_year]))
        return None if f is REPORTED else f

    def leaf_status(self, region: str, code: str, year: int) -> CellStatus:
        leaf = self.framework.leaves.index(code)
        return CellStatus(int(self.status[self.region_index(region), leaf, year - self.base_year]))

    def to_json(self, ndigits: int = 6) -> dict:
        """The interchange shape other tools rely on (issue 2); deterministic for identical inputs."""

        def num(v: float) -> float | None:
            return None if math.isnan(v) else round(float(v), ndigits)

        out_regions: dict[str, dict] = {}
        for r, region in enumerate(self.regions):
            index: dict[str, dict] = {}
            growth: dict[str, dict] = {}
            flags: dict[str, dict] = {}
            for n, code in enumerate(self.codes):
                index[code] = {str(y): num(self.index[r, n, t]) for t, y in enumerate(self.years)}
                growth[code] = {str(y): num(self.growth[r, n, t]) for t, y in enumerate(self.years) if t > 0}
                node_flags = {}
                for t, y in enumerate(self.years):
                    f = CellStatus(int(self.node_flags[r, n, t]))
                    if f is UNDEFINED:
                        node_flags[str(y)] = UNDEFINED_REASON
                    elif f is not REPORTED:
                        node_flags[str(y)] = f.key
                if node_flags:
                    flags[code] = node_flags
            out_regions[region] = {"index": index, "growth": growth, "flags": flags}
        return {
            "framework": {"id": self.framework.id, "version": self.framework.version},
            "base_year": self.base_year,
            "years": list(self.years),
            "recipe": _jsonable(self.recipe),
            "regions": out_regions,
        }


def _jsonable(obj):
    if isinstance(obj, Mapping):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, frozenset, set)):
        items = [_jsonable(v) for v in obj]
        return sorted(items) if isinstance(obj, (set, frozenset)) else items
    if isinstance(obj, float):
        return round(obj, 12)
    return obj


def inclusion_patterns(included: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct rows of `included` [R, L] and each region's row number: one weight matrix per pattern."""
    if included.all():
        return included[:1], np.zeros(included.shape[0], dtype=int)
    patterns, inverse = np.unique(included, axis=0, return_inverse=True)
    return patterns, np.asarray(inverse).reshape(-1)


def aggregate(prepared: PreparedData) -> tuple[np.ndarray, np.ndarray]:
    """Growth and index of every node [R, N, T]: one matrix product for all nodes (a leaf's row
    of the matrix is its own unit vector), then the leaves' own values written over theirs."""
    fw = prepared.framework
    V = np.nan_to_num(prepared.growth, nan=0.0)
    R, L, T = V.shape
    leaf_rows = [fw.codes.index(c) for c in fw.leaves]
    patterns, inverse = inclusion_patterns(prepared.included)
    if len(patterns) == 1:
        growth = np.matmul(aggregation_matrix(fw, patterns[0]), V)
    else:
        growth = np.empty((R, len(fw.codes), T))
        for p, pattern in enumerate(patterns):
            sel = inverse == p
            growth[sel] = np.matmul(aggregation_matrix(fw, pattern), V[sel])
    index = chain(growth)
    growth[:, leaf_rows] = prepared.growth  # NaN where excluded
    growth[:, :, 0] = np.nan
    index[:, leaf_rows] = leaf_indices(prepared)
    return growth, index


def leaf_indices(prepared: PreparedData) -> np.ndarray:
    """Each indicator's own index [R, L, T]: exactly 100 × x_t / x_base (inverted for 逆向).

    The chain gives the same number in exact arithmetic; the direct ratio avoids the rounding
    the chain accumulates near V = ±200. Where the chain is undefined (a 0 followed by a
    positive value) the index stays undefined, as the method says.
    """
    x, base = prepared.values, prepared.values[:, :, :1]
    direction = np.array([prepared.framework.nodes[c].direction for c in prepared.framework.leaves])[None, :, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(direction > 0, 100.0 * (x / base), 100.0 * (base / x))
    if (x == 0).any() or np.isinf(out).any():  # a zero, or a ratio beyond float range: the chain decides
        chained = chain(prepared.growth)
        out = np.where(np.isfinite(chained) & np.isfinite(out), out, chained)
    out[~prepared.included] = np.nan
    return out


def _node_flags(prepared: PreparedData, fw: Framework, index: np.ndarray) -> np.ndarray:
    """A node is 预估 in a year if any leaf it uses is, else 插值 if any is; undefined where NaN."""
    flags = np.zeros(index.shape, dtype=np.int8)
    under = (aggregation_matrix(fw) > 0).astype(float)  # [N, L]: leaf l lies under node n
    for status in (INTERPOLATED, ESTIMATE):  # 预估 wins over 插值
        mask = prepared.status == status
        if mask.any():
            flags[np.matmul(under, mask.astype(float)) > 0] = status
    flags[np.isnan(index)] = UNDEFINED
    return flags


def compute_index(table: ObservationTable, framework: Framework, options: IndexOptions | None = None) -> IndexResult:
    """The report's index for every region, node and year. See the module docstring for the method."""
    options = options or IndexOptions()
    return compute_index_grid(to_grid(table, framework, options.base_year, options.end_year), framework, options)


def compute_index_grid(grid: Grid, framework: Framework, options: IndexOptions | None = None) -> IndexResult:
    """The same from values already on a grid (large batches, benchmarks)."""
    options = options or IndexOptions()
    fw = framework.with_weights(options.weights) if options.weights else framework
    return result_from_prepared(prepare_grid(grid, fw, options), options)


def result_from_prepared(prepared: PreparedData, options: IndexOptions) -> IndexResult:
    fw = prepared.framework
    growth, index = aggregate(prepared)
    flags = _node_flags(prepared, fw, index)
    recipe = {
        "method": "CAICT 2025 专栏2: symmetric growth, weighted sum, chained index (base = 100)",
        "framework_id": fw.id,
        "framework_version": fw.version,
        "base_year": prepared.years[0],
        "end_year": prepared.years[-1],
        "gap_policy": options.gap_policy,
        "weights": {c: round(w, 12) for c, w in fw.weights().items()},
        "exclusions": {r: sorted(c) for r, c in sorted(options.exclusions.items()) if c},
        "notes": list(prepared.notes),
        "filled_cells": _filled_cells(prepared),
    }
    return IndexResult(
        fw,
        prepared.regions,
        prepared.years,
        fw.codes,
        index,
        growth,
        prepared.values,
        prepared.status,
        flags,
        prepared.provenance,
        MappingProxyType(recipe),
    )


def _filled_cells(prepared: PreparedData) -> list[dict]:
    """Every value the engine filled, so a report can list what was estimated."""
    out = []
    for r, i, t in np.argwhere((prepared.status == ESTIMATE) | (prepared.status == INTERPOLATED)):
        out.append(
            {
                "region": prepared.regions[r],
                "indicator": prepared.framework.leaves[i],
                "year": prepared.years[t],
                "status": CellStatus(int(prepared.status[r, i, t])).key,
                "value": round(float(prepared.values[r, i, t]), 9),
            }
        )
    return out
