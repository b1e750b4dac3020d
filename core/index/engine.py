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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from ..kernel.messages import Message, msg
from ..kernel.problems import InputError, Problem
from ..kernel.vocabulary import GAP_POLICIES, CellStatus
from ..model.framework import Framework
from ..model.observations import ColumnProvenance, Observation, ObservationTable, Provenance

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
EXCLUDED_REASON = "undefined: every indicator under this node is excluded for this region"
DEFAULT_CARRY_LIMIT = 2  # years a value may be carried forward before the engine refuses


@dataclass(frozen=True)
class IndexOptions:
    """The recipe choices a user can make. Defaults follow the report."""

    base_year: int | None = None  # None: the earliest year in the data
    end_year: int | None = None  # None: the latest year in the data
    gap_policy: str = "interpolate"  # interior gaps: geometric interpolation, or carry the last value forward
    exclusions: Mapping[str, frozenset[str]] = field(default_factory=dict)  # region → indicator codes left out
    excluded_regions: Mapping[str, str] = field(default_factory=dict)  # region → reason: left out entirely
    exclusion_reasons: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # region → code → reason
    weights: Mapping[str, float] = field(default_factory=dict)  # node code → weight within its parent
    carry_limit: int | None = DEFAULT_CARRY_LIMIT  # most years a value may be carried forward; None: no limit


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
    notes: tuple[Message, ...]
    carried: np.ndarray  # [R, L, T] int: years a value was carried forward from the last reported year (0: none)


def symmetric_growth(prev: np.ndarray, cur: np.ndarray, out: np.ndarray | None = None, factor=200.0) -> np.ndarray:
    """V = (x_t − x_t−1) / ((x_t + x_t−1)/2) × 100; both zero → 0 (spec 01 §1.3). NaN stays NaN.

    `factor` (200, or −200 to change the sign for 逆向 indicators; broadcast) multiplies x_t − x_t−1;
    `out` receives the result. Magnitudes up to 1e300 take the formula as written; larger ones are
    first divided by the larger magnitude, so no finite input overflows (1e308 + 1e308).
    """
    v = np.empty(np.broadcast_shapes(prev.shape, cur.shape)) if out is None else out
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        big = prev.size and not (np.fmax.reduce(prev, axis=None) < 1e300 and np.fmin.reduce(prev, axis=None) > -1e300)
        big = big or (
            cur.size and not (np.fmax.reduce(cur, axis=None) < 1e300 and np.fmin.reduce(cur, axis=None) > -1e300)
        )
        if big:
            scale = np.maximum(np.abs(prev), np.abs(cur))
            p, total = prev / scale, cur / scale
            np.subtract(total, p, out=v)
            total += p
            zero = scale == 0
        else:
            total = np.add(cur, prev)
            np.subtract(cur, prev, out=v)
            zero = None
        np.multiply(v, factor, out=v)
        np.divide(v, total, out=v)
    zero = total == 0 if zero is None else zero | (total == 0)
    if zero.any():
        v[zero] = np.broadcast_to(np.multiply(0.0, factor), v.shape)[zero]
    return v


def chain(growth: np.ndarray) -> np.ndarray:
    """Chained index along the last axis; growth[..., 0] is ignored (base year = 100).

    Non-finite steps (growth exactly 200, or after an index of 0 meets 200) give NaN: undefined.
    """
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        out = np.add(200.0, growth, dtype=float)  # whole rows (contiguous); the base year's step is then 1
        np.divide(out, np.subtract(200.0, growth, dtype=float), out=out)
        out[..., 0] = 1.0
        np.cumprod(out, axis=-1, out=out)
        out *= 100.0
    bad = ~np.isfinite(out)
    if bad.any():
        out[bad] = np.nan
    return out


def alive_nodes(framework: Framework, included: np.ndarray | None = None) -> dict[str, bool]:
    """Which nodes are in use: leaves marked in `included` [L] (default all), parents with a living child."""
    inc = np.ones(len(framework.leaves), bool) if included is None else np.asarray(included, bool)
    alive: dict[str, bool] = {c: bool(inc[i]) for i, c in enumerate(framework.leaves)}
    for parent in framework.parents:
        alive[parent] = any(alive[k] for k in framework.children(parent))
    return alive


def aggregation_matrix(framework: Framework, included: np.ndarray | None = None) -> np.ndarray:
    """A[node, leaf]: a node's growth = Σ_leaf A[node, leaf] × V_leaf.

    `included` [L] marks leaves in use; excluded leaves get weight 0 and their siblings'
    weights are renormalised, level by level (a parent with nothing left drops out too).
    """
    leaves = framework.leaves
    alive = alive_nodes(framework, included)
    rows: dict[str, np.ndarray] = {}
    for i, c in enumerate(leaves):
        rows[c] = np.zeros(len(leaves))
        rows[c][i] = 1.0
    for parent in framework.parents:
        row = np.zeros(len(leaves))
        for k, share in framework.child_shares(parent, alive).items():
            row += share * rows[k]
        rows[parent] = row
    return np.stack([rows[c] for c in framework.codes])


@dataclass(frozen=True)
class Grid:
    """Observations placed on a [region, leaf, year] grid (NaN = no value): the engine's input."""

    regions: tuple[str, ...]
    years: tuple[int, ...]
    raw: np.ndarray  # [R, L, T]
    provenance: Mapping[tuple[str, str, int], Provenance]
    notes: tuple[Message, ...] = ()  # e.g. the base year moved to the first year every region has data


def common_base_year(table: Iterable[Observation], framework: Framework) -> tuple[int, tuple[Message, ...]]:
    """The base year when none is chosen: the latest of the regions' first years, so that every
    region is indexed from the same year (spec 02 §2.2). A note names the regions that start later."""
    first = _first_years(table, framework)
    if not first:
        raise InputError([Problem("no_data", {})])
    base = max(first.values())
    if base == min(first.values()):
        return base, ()
    late = sorted(r for r, y in first.items() if y == base)
    return base, (msg("index.note.rebased", regions=late, base=base, earliest=min(first.values())),)


def _first_years(table: Iterable[Observation], framework: Framework) -> dict[str, int]:
    """Each region's first year with a value of any indicator of the framework."""
    leafset = set(framework.leaves)
    if isinstance(table, ObservationTable) and table.is_columnar:
        c = table.columns()
        codes, names = c.codes("indicator")
        sel = np.array([n in leafset for n in names], dtype=bool)[codes]
        return _min_year_by_region(c.codes("region"), sel, c.year)
    first: dict[str, int] = {}
    for o in table:
        if o.indicator in leafset:
            first[o.region] = min(first.get(o.region, o.year), o.year)
    return first


def _min_year_by_region(regions: tuple[np.ndarray, list], sel: np.ndarray, years: np.ndarray) -> dict[str, int]:
    """region → its smallest year among the selected entries (regions as codes and names)."""
    codes, names = regions
    low = np.full(len(names), np.iinfo(np.int64).max)
    np.minimum.at(low, codes[sel], years[sel])
    present = np.unique(codes[sel], return_index=True)
    order = present[0][np.argsort(present[1])]
    return {str(names[i]): int(low[i]) for i in order}


def to_grid(
    table: ObservationTable, framework: Framework, base_year: int | None = None, end_year: int | None = None
) -> Grid:
    """Place the framework's indicators on a grid from the base year (default: earliest) to the end year."""
    if table.is_columnar:
        return _columns_to_grid(table, framework, base_year, end_year)
    leaf_pos = {c: i for i, c in enumerate(framework.leaves)}
    rows = [o for o in table if o.indicator in leaf_pos]
    if not rows:
        raise InputError([Problem("no_data", {})])
    base, end, notes = _base_and_end(table, framework, sorted({o.year for o in rows}), base_year, end_year)
    regions = tuple(sorted({o.region for o in rows}))  # the same order whatever the order of the inputs
    reg_pos = {r: i for i, r in enumerate(regions)}
    raw = np.full((len(regions), len(leaf_pos), end - base + 1), np.nan)
    provenance: dict[tuple[str, str, int], Provenance] = {}
    for o in rows:
        if base <= o.year <= end:
            raw[reg_pos[o.region], leaf_pos[o.indicator], o.year - base] = o.value
            if o.provenance is not None:
                provenance[(o.region, o.indicator, o.year)] = o.provenance
    return Grid(regions, tuple(range(base, end + 1)), raw, MappingProxyType(provenance), notes)


def without_regions(table: ObservationTable, excluded: Mapping[str, str]) -> ObservationTable:
    """The table without the regions the user left out, each with a reason (one empty indicator row of
    one region then no longer blocks every region). An unknown region or a blank reason is a problem."""
    if not excluded:
        return table
    present = sorted(set(table.regions()))
    problems = [
        Problem("exclusion_region_unknown", {"region": r, "regions": present}, region=r)
        for r in sorted(excluded)
        if r not in present
    ]
    problems += [
        Problem("exclusion.reason_missing", {"region": r}, region=r)
        for r, why in excluded.items()
        if not str(why).strip()
    ]
    if problems:
        raise InputError(problems)
    return table.filtered(region=lambda r: r not in excluded)


def _base_and_end(
    table: ObservationTable, framework: Framework, data_years: list[int], base_year: int | None, end_year: int | None
) -> tuple[int, int, tuple[Message, ...]]:
    notes: tuple[Message, ...] = ()
    base = base_year
    if base is None:
        base, notes = common_base_year(table, framework)
    end = end_year if end_year is not None else data_years[-1]
    if end <= base:
        raise InputError([Problem("years_invalid", {"base": base, "end": end}, year=base)])
    return base, end, notes


def _columns_to_grid(
    table: ObservationTable, framework: Framework, base_year: int | None, end_year: int | None
) -> Grid:
    """to_grid from Columns: the same grid, one array assignment; provenance looked up on access."""
    c = table.columns()
    leaf_pos = {code: i for i, code in enumerate(framework.leaves)}
    leaf_codes, leaf_names = c.codes("indicator")
    leaf_of = np.array([leaf_pos.get(n, -1) for n in leaf_names], dtype=np.int64)[leaf_codes]
    rows = np.flatnonzero(leaf_of >= 0)
    if not len(rows):
        raise InputError([Problem("no_data", {})])
    base, end, notes = _base_and_end(table, framework, [int(y) for y in np.unique(c.year[rows])], base_year, end_year)
    rows = rows[(c.year[rows] >= base) & (c.year[rows] <= end)]
    r_codes, r_names = c.codes("region")
    regions = tuple(sorted({str(r_names[i]) for i in np.unique(r_codes[leaf_of >= 0])}))
    reg_pos = {r: i for i, r in enumerate(regions)}
    r_index = np.array([reg_pos.get(str(n), -1) for n in r_names], dtype=np.int64)[r_codes[rows]]
    raw = np.full((len(regions), len(leaf_pos), end - base + 1), np.nan)
    raw[r_index, leaf_of[rows], c.year[rows] - base] = c.value[rows]  # later entries win, as in the loop
    provenance = ColumnProvenance(c, rows)
    return Grid(regions, tuple(range(base, end + 1)), raw, MappingProxyType(provenance), notes)


def prepare(table: ObservationTable, framework: Framework, options: IndexOptions | None = None) -> PreparedData:
    """Observations → grid → filled values and leaf growth (see prepare_grid); excluded regions left out."""
    options = options or IndexOptions()
    table = without_regions(table, options.excluded_regions)
    return prepare_grid(to_grid(table, framework, options.base_year, options.end_year), framework, options)


def prepare_grid(grid: Grid, framework: Framework, options: IndexOptions | None = None) -> PreparedData:
    """Fill gaps and compute leaf growth for every region at once.

    Raises InputError listing every problem (missing base year, indicator without data …).
    """
    options = options or IndexOptions()
    if options.gap_policy not in GAP_POLICIES:
        raise InputError([Problem("gap_policy_invalid", {"policy": options.gap_policy})])
    leaves = framework.leaves
    excluded, problems = _exclusions(grid, framework, options.exclusions)
    missing = np.isnan(grid.raw)
    problems += _coverage_problems(grid, framework, excluded, missing)
    if problems:
        raise InputError(problems)
    values, status, carried = _fill(grid.raw, options.gap_policy, missing, copy=bool(excluded.any()))
    if excluded.any():
        values[excluded] = np.nan
        status[excluded] = EXCLUDED
        carried[excluded] = 0
    problems = _carry_problems(grid, framework, carried, options.carry_limit)
    if problems:
        raise InputError(problems)
    growth = np.empty(grid.raw.shape)
    flat = np.ascontiguousarray(values).reshape(-1)  # each cell's predecessor is the cell before it, except at t = 0
    symmetric_growth(flat[:-1], flat[1:], out=growth.reshape(-1)[1:])
    growth[:, :, 0] = np.nan  # the base year (what stood there came from the previous series)
    sign = np.array([-1.0 if framework.nodes[c].direction < 0 else 1.0 for c in leaves])[:, None]
    if (sign < 0).any():  # 逆向 indicators: growth changes sign
        np.multiply(growth, sign, out=growth)
    notes = list(framework.notes) + list(grid.notes)
    for r in np.flatnonzero(excluded.any(axis=1)):
        codes = [leaves[i] for i in np.flatnonzero(excluded[r])]
        region = grid.regions[r]
        notes.append(msg("index.note.excluded", region=region, codes=codes))
        reasons = options.exclusion_reasons.get(region, {})
        notes += [
            msg("exclusion.note.indicator", region=region, indicator=c, reason=reasons[c])
            for c in codes
            if c in reasons
        ]
    return PreparedData(
        framework, grid.regions, grid.years, values, status, growth, ~excluded, grid.provenance, tuple(notes), carried
    )


def _exclusions(
    grid: Grid, framework: Framework, exclusions: Mapping[str, frozenset[str]]
) -> tuple[np.ndarray, list[Problem]]:
    """[R, L] leaves left out per region; codes that are no indicator of the framework are problems."""
    leaf_pos = {c: i for i, c in enumerate(framework.leaves)}
    reg_pos = {r: i for i, r in enumerate(grid.regions)} if exclusions else {}
    excluded = np.zeros(grid.raw.shape[:2], bool)
    problems: list[Problem] = []
    for region, codes in sorted(exclusions.items()):
        if region not in reg_pos:
            problems.append(Problem("exclusion_region_unknown", {"region": region, "regions": list(grid.regions)}))
            continue
        for code in sorted(codes):
            if code not in leaf_pos:
                args = {"code": code, "codes": list(framework.leaves)}
                problems.append(Problem("exclusion_unknown", args, region=region, indicator=code))
            else:
                excluded[reg_pos[region], leaf_pos[code]] = True
    return excluded, problems


def _coverage_problems(grid: Grid, framework: Framework, excluded: np.ndarray, missing: np.ndarray) -> list[Problem]:
    """Included indicators without any value, or without a base-year value (never replaced by 0).

    `missing`: [R, L, T] where the grid has no value."""
    leaves = framework.leaves
    base, end = grid.years[0], grid.years[-1]
    problems: list[Problem] = []
    has_any = ~np.all(missing, axis=2)
    for r, i in np.argwhere(~excluded & ~has_any):
        args = {"label": framework.label(leaves[i]), "base": base, "end": end}
        problems.append(Problem("indicator_no_data", args, region=grid.regions[r], indicator=leaves[i]))
    for r, i in np.argwhere(~excluded & has_any & missing[:, :, 0]):
        args = {"label": framework.label(leaves[i]), "base": base}
        problems.append(Problem("base_year_missing", args, region=grid.regions[r], indicator=leaves[i], year=base))
    return problems


def _fill(
    raw: np.ndarray, policy: str, missing: np.ndarray, copy: bool = True
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fill interior gaps (interpolate geometrically, or carry forward) and trailing gaps (carry forward).

    Returns values, status and, per cell, the years a value was carried forward (0 elsewhere).
    Geometric interpolation needs both ends > 0; with a zero end the gap is filled linearly.
    The base year is known for every included series (checked by the caller). `missing`: isnan(raw);
    `copy` False: complete data may be returned as `raw` itself (the caller does not change it).
    """
    gaps = missing.any(axis=2)
    carried = np.zeros(raw.shape, dtype=np.int16)
    if not gaps.any():
        return (raw.copy() if copy else raw), np.zeros(raw.shape, dtype=np.int8), carried
    values = raw.copy()
    status = np.where(missing, -1, REPORTED).astype(np.int8)
    for r, i in np.argwhere(gaps):
        series = values[r, i]
        known = np.flatnonzero(~np.isnan(series))
        for t in np.flatnonzero(np.isnan(series)):
            before, after = known[known < t], known[known > t]
            if before.size == 0:
                continue  # only before the base year; never happens for included series
            t0 = before[-1]
            if after.size == 0 or policy == "carry_forward":
                series[t] = raw[r, i, t0]
                status[r, i, t] = ESTIMATE
                carried[r, i, t] = t - t0
                continue
            series[t] = _interpolate(raw[r, i, t0], raw[r, i, after[0]], (t - t0) / (after[0] - t0))
            status[r, i, t] = INTERPOLATED
    status[status < 0] = EXCLUDED
    return values, status, carried


def _interpolate(a: float, b: float, frac: float) -> float:
    """Geometric between two positive values, linear when an end is 0."""
    if a > 0 and b > 0:
        return math.exp(math.log(a) + frac * (math.log(b) - math.log(a)))
    return a + frac * (b - a)


def _carry_problems(grid: Grid, framework: Framework, carried: np.ndarray, limit: int | None) -> list[Problem]:
    """Values carried forward longer than `limit` years: one problem per region and indicator."""
    if limit is None or not (carried > limit).any():
        return []
    problems = []
    for r, i in np.argwhere((carried > limit).any(axis=2)):
        t = int(np.argmax(carried[r, i]))  # the longest carry of this series
        last = grid.years[t] - int(carried[r, i, t])
        args = {"label": framework.label(framework.leaves[i]), "last": last, "years": int(carried[r, i, t])}
        args |= {"limit": limit, "year": grid.years[t]}
        problems.append(
            Problem("carry_too_long", args, region=grid.regions[r], indicator=framework.leaves[i], year=grid.years[t])
        )
    return problems


METHOD = "CAICT 2025 专栏2: symmetric growth, weighted sum, chained index (base = 100)"


@dataclass(frozen=True)
class FilledCell:
    """A value the engine filled (estimate or interpolation), listed in the recipe."""

    region: str
    indicator: str
    year: int
    status: CellStatus
    value: float
    years_carried: int = 0  # an estimate: years since the last reported value

    def to_dict(self) -> dict:
        out = {
            "region": self.region,
            "indicator": self.indicator,
            "year": self.year,
            "status": self.status.key,
            "value": round(self.value, 9),
        }
        if self.years_carried:
            out["years_carried"] = self.years_carried
        return out


@dataclass(frozen=True)
class IndexRecipe:
    """How a result was made: method, framework, years, gap policy, weights, exclusions (indicators and
    whole regions with their reasons), notes, filled cells.

    `to_dict()` is the `recipe` of `compute --json` (notes as message dicts: code, args, Chinese text).
    """

    method: str
    framework_id: str
    framework_version: str
    framework_digest: str  # SHA-256 of the framework's content as used (Framework.digest)
    base_year: int
    end_year: int
    gap_policy: str
    carry_limit: int | None
    weights: Mapping[str, float]  # node → weight within its parent, as used
    exclusions: Mapping[str, tuple[str, ...]]  # region → indicators left out (sorted)
    excluded_regions: Mapping[str, str]  # region → the user's reason for leaving it out (sorted)
    exclusion_reasons: Mapping[str, Mapping[str, str]]  # region → excluded indicator → the user's reason
    notes: tuple[Message, ...]
    filled_cells: tuple[FilledCell, ...]

    def to_dict(self) -> dict:
        return {
            "method": self.method,
            "framework_id": self.framework_id,
            "framework_version": self.framework_version,
            "framework_digest": self.framework_digest,
            "base_year": self.base_year,
            "end_year": self.end_year,
            "gap_policy": self.gap_policy,
            "carry_limit": self.carry_limit,
            "weights": {c: round(w, 12) for c, w in self.weights.items()},
            "exclusions": {r: list(c) for r, c in self.exclusions.items()},
            "excluded_regions": dict(self.excluded_regions),
            "exclusion_reasons": {r: dict(c) for r, c in self.exclusion_reasons.items()},
            "notes": [n.to_dict() for n in self.notes],
            "filled_cells": [c.to_dict() for c in self.filled_cells],
        }


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
    recipe: IndexRecipe
    carried: np.ndarray  # [R, N, T] longest carry forward (years) among the indicators a node uses; 0: none

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
            raise KeyError(f"region {region!r} is not in the result") from None

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

    def years_carried(self, region: str, code: str, year: int) -> int:
        """Years the oldest carried-forward value under the node was carried (0: nothing carried)."""
        return int(self.carried[self.region_index(region), self.code_index(code), year - self.base_year])

    def leaf_status(self, region: str, code: str, year: int) -> CellStatus:
        leaf = self.framework.leaves.index(code)
        return CellStatus(int(self.status[self.region_index(region), leaf, year - self.base_year]))

    def to_json(self, ndigits: int = 6, *, stream: bool = False) -> dict:
        """The interchange shape other tools rely on (issue 2); deterministic for identical inputs.

        `stream`: "regions" is an iterator of (region, its dict) pairs, made one region at a time, whose
        "index" and "growth" are NodeTables (core.commands.output writes it as the same object without
        holding every region in memory).
        """
        if stream:
            index = rounded_array(self.index, ndigits)
            growth = rounded_array(self.growth[:, :, 1:], ndigits)
            years = tuple(str(y) for y in self.years)
            flagged = (self.node_flags != REPORTED).any(axis=(1, 2))  # regions with any flag (most have none)
            pairs = (
                (
                    region,
                    {
                        "index": NodeTable(self.codes, years, index[r]),
                        "growth": NodeTable(self.codes, years[1:], growth[r]),
                        "flags": self._region_flags(r) if flagged[r] else {},
                    },
                )
                for r, region in enumerate(self.regions)
            )
        else:
            pairs = ((region, self.region_json(r, ndigits)) for r, region in enumerate(self.regions))
        return {
            "framework": {"id": self.framework.id, "version": self.framework.version},
            "base_year": self.base_year,
            "years": list(self.years),
            "recipe": self.recipe.to_dict(),
            "regions": pairs if stream else dict(pairs),
        }

    def region_json(self, r: int, ndigits: int = 6) -> dict:
        """One region's index, growth and flags as in `to_json` (values rounded, undefined as None)."""
        years = [str(y) for y in self.years]
        index = rounded(self.index[r], ndigits)
        growth = rounded(self.growth[r, :, 1:], ndigits)
        return {
            "index": {code: dict(zip(years, index[n], strict=True)) for n, code in enumerate(self.codes)},
            "growth": {code: dict(zip(years[1:], growth[n], strict=True)) for n, code in enumerate(self.codes)},
            "flags": self._region_flags(r),
        }

    def _region_flags(self, r: int) -> dict[str, dict[str, str]]:
        years = [str(y) for y in self.years]
        flags: dict[str, dict] = {}
        for n, t in np.argwhere(self.node_flags[r] != REPORTED):
            f = CellStatus(int(self.node_flags[r, n, t]))
            flags.setdefault(self.codes[n], {})[years[t]] = _flag_text(f, int(self.carried[r, n, t]))
        return {code: flags[code] for code in self.codes if code in flags}

    def long_table(self, ndigits: int = 6) -> dict[str, list]:
        """The index as a long table: one row per region, node and year (index, growth, status, years carried)."""
        R, N, T = self.index.shape
        flags = self.node_flags.reshape(-1)
        keys = {int(f): CellStatus(int(f)).key for f in np.unique(flags)}
        growth = self.growth.copy()
        growth[:, :, 0] = np.nan
        return {
            "region": np.repeat(np.array(self.regions, dtype=object), N * T).tolist(),
            "node": np.tile(np.repeat(np.array(self.codes, dtype=object), T), R).tolist(),
            "year": np.tile(np.array(self.years), R * N).tolist(),
            "index": rounded(self.index.reshape(-1), ndigits),
            "growth": rounded(growth.reshape(-1), ndigits),
            "status": [keys[int(f)] for f in flags],
            "years_carried": self.carried.reshape(-1).tolist(),
        }


@dataclass(frozen=True)
class NodeTable:
    """Rounded values by node and year, kept as an array until written: {row: {column: value}} in JSON."""

    row_keys: tuple[str, ...]
    col_keys: tuple[str, ...]
    values: np.ndarray  # [rows, columns] rounded; NaN = undefined (null)

    def to_dict(self) -> dict[str, dict[str, float | None]]:
        obj = self.values.astype(object)
        obj[np.isnan(self.values)] = None
        return {
            k: dict(zip(self.col_keys, row, strict=True)) for k, row in zip(self.row_keys, obj.tolist(), strict=True)
        }


def rounded_array(values: np.ndarray, ndigits: int) -> np.ndarray:
    """round(v, ndigits) of every value, NaN where not finite: exactly Python's round, vectorised.

    numpy's scaled rounding agrees with Python's correctly rounded one except next to a tie or for
    huge magnitudes; those few values are rounded by Python.
    """
    x = np.asarray(values, dtype=float)
    scale = 10.0**ndigits
    with np.errstate(invalid="ignore", over="ignore"):
        scaled = x * scale
        out = np.round(scaled)
        out /= scale
        frac = scaled - np.floor(scaled)
        frac -= 0.5
        np.abs(frac, out=frac)
        exact = ~((frac > 1e-3) & (np.abs(scaled) < 2.0**52))
    finite = np.isfinite(x)
    exact &= finite
    for i in zip(*np.nonzero(exact), strict=True):
        out[i] = round(float(x[i]), ndigits)
    out[~finite] = np.nan
    return out


def rounded(values: np.ndarray, ndigits: int) -> list:
    """round(v, ndigits) of every value as nested lists, None for NaN (see rounded_array)."""
    out = rounded_array(values, ndigits)
    obj = out.astype(object)
    obj[np.isnan(out)] = None
    return obj.tolist()


def _flag_text(flag: CellStatus, carried: int) -> str:
    """The JSON flag: "estimate" (one year carried), "estimate: carried N years", "interpolated", "undefined: …"."""
    if flag is UNDEFINED:
        return UNDEFINED_REASON
    if flag is EXCLUDED:
        return EXCLUDED_REASON
    if flag is ESTIMATE and carried > 1:
        return f"estimate: carried {carried} years"
    return flag.key


def inclusion_patterns(included: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct rows of `included` [R, L] and each region's row number: one weight matrix per pattern."""
    if included.all():
        return included[:1], np.zeros(included.shape[0], dtype=int)
    patterns, inverse = np.unique(included, axis=0, return_inverse=True)
    return patterns, np.asarray(inverse).reshape(-1)


def aggregate(prepared: PreparedData) -> tuple[np.ndarray, np.ndarray]:
    """Growth and index of every node [R, N, T]: one matrix product for the parents, the leaves' own
    growth and index (not the chain) written in their rows; each result array is written once."""
    fw = prepared.framework
    R, L, T = prepared.growth.shape
    N = len(fw.codes)
    # growth is NaN in the base year and for excluded indicators only
    V = prepared.growth[:, :, 1:] if prepared.included.all() else np.nan_to_num(prepared.growth[:, :, 1:])
    leaf_rows = [fw.codes.index(c) for c in fw.leaves]
    parent_rows = [n for n in range(N) if n not in set(leaf_rows)]
    patterns, inverse = inclusion_patterns(prepared.included)
    parents = np.empty((R, len(parent_rows), T))
    parents[:, :, 0] = 0.0
    for p, pattern in enumerate(patterns):
        matrix = aggregation_matrix(fw, pattern)[parent_rows]
        if len(patterns) == 1:
            np.matmul(matrix, V, out=parents[:, :, 1:])
        else:
            sel = inverse == p
            parents[sel, :, 1:] = np.matmul(matrix, V[sel])
    growth, index = np.empty((R, N, T)), np.empty((R, N, T))
    _place(growth, leaf_rows, prepared.growth)
    _place(growth, parent_rows, parents)
    _place(index, parent_rows, chain(parents))
    _place(index, leaf_rows, leaf_indices(prepared))
    growth[:, :, 0] = np.nan
    dead = dead_nodes(prepared)
    if dead.any():
        growth[dead], index[dead] = np.nan, np.nan
    return growth, index


def _place(out: np.ndarray, rows: list[int], values: np.ndarray) -> None:
    """out[:, rows] = values, one slice per run of consecutive rows (faster than a fancy index)."""
    start = 0
    while start < len(rows):
        end = start + 1
        while end < len(rows) and rows[end] == rows[end - 1] + 1:
            end += 1
        out[:, rows[start] : rows[start] + end - start] = values[:, start:end]
        start = end


def dead_nodes(prepared: PreparedData) -> np.ndarray:
    """[R, N] nodes with every indicator under them excluded for the region: undefined, not 100."""
    fw = prepared.framework
    dead = np.zeros((len(prepared.regions), len(fw.codes)), bool)
    patterns, inverse = inclusion_patterns(prepared.included)
    for p, pattern in enumerate(patterns):
        alive = alive_nodes(fw, pattern)
        dead[inverse == p] = [not alive[c] for c in fw.codes]
    return dead


def leaf_indices(prepared: PreparedData) -> np.ndarray:
    """Each indicator's own index [R, L, T]: exactly 100 × x_t / x_base (inverted for 逆向).

    The chain gives the same number in exact arithmetic; the direct ratio avoids the rounding
    the chain accumulates near V = ±200. Where the chain is undefined (a 0 followed by a
    positive value) the index stays undefined, as the method says.
    """
    x, base = prepared.values, prepared.values[:, :, :1]
    inverse = np.array([prepared.framework.nodes[c].direction < 0 for c in prepared.framework.leaves])
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.divide(x, base)
        out *= 100.0
        if inverse.any():
            out[:, inverse] = 100.0 * (base[:, inverse] / x[:, inverse])
    if (x == 0).any() or np.isinf(out).any():  # a zero, or a ratio beyond float range: the chain decides
        chained = chain(prepared.growth)
        out = np.where(np.isfinite(chained) & np.isfinite(out), out, chained)
    if not prepared.included.all():
        out[~prepared.included] = np.nan
    return out


def _node_flags(prepared: PreparedData, fw: Framework, index: np.ndarray) -> np.ndarray:
    """A node is 预估 in a year if any leaf it uses is, else 插值 if any is; undefined where NaN."""
    flags = np.zeros(index.shape, dtype=np.int8)
    under = (aggregation_matrix(fw) > 0).astype(float)  # [N, L]: leaf l lies under node n
    for status in (INTERPOLATED, ESTIMATE) if prepared.status.any() else ():  # 预估 wins over 插值
        mask = prepared.status == status
        if mask.any():
            flags[np.matmul(under, mask.astype(float)) > 0] = status
    undefined = np.isnan(index)
    if undefined.any():
        flags[undefined] = UNDEFINED
    flags[dead_nodes(prepared)] = EXCLUDED
    return flags


def _node_carried(prepared: PreparedData, fw: Framework) -> np.ndarray:
    """[R, N, T] the longest carry among the included indicators under each node."""
    out = np.zeros((len(prepared.regions), len(fw.codes), len(prepared.years)), dtype=np.int16)
    if not prepared.carried.any():
        return out
    under = aggregation_matrix(fw) > 0  # [N, L]
    for leaf in np.flatnonzero(prepared.carried.any(axis=(0, 2))):
        out = np.maximum(out, under[None, :, leaf, None] * prepared.carried[:, None, leaf, :])
    return out


def compute_index(table: ObservationTable, framework: Framework, options: IndexOptions | None = None) -> IndexResult:
    """The report's index for every region, node and year. See the module docstring for the method."""
    options = options or IndexOptions()
    table = without_regions(table, options.excluded_regions)
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
    recipe = IndexRecipe(
        method=METHOD,
        framework_id=fw.id,
        framework_version=fw.version,
        framework_digest=fw.digest,
        base_year=prepared.years[0],
        end_year=prepared.years[-1],
        gap_policy=options.gap_policy,
        carry_limit=options.carry_limit,
        weights=MappingProxyType(fw.weights()),
        exclusions=MappingProxyType({r: tuple(sorted(c)) for r, c in sorted(options.exclusions.items()) if c}),
        excluded_regions=MappingProxyType(dict(sorted(options.excluded_regions.items()))),
        exclusion_reasons=MappingProxyType(_reasons(options)),
        notes=prepared.notes + region_notes(options.excluded_regions),
        filled_cells=_filled_cells(prepared),
    )
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
        recipe,
        _node_carried(prepared, fw),
    )


def _reasons(options: IndexOptions) -> dict[str, dict[str, str]]:
    """The reasons of the indicator exclusions in force: region → code → reason, sorted."""
    out = {}
    for region, reasons in sorted(options.exclusion_reasons.items()):
        kept = {c: why for c, why in sorted(reasons.items()) if c in options.exclusions.get(region, ())}
        if kept:
            out[region] = kept
    return out


def region_notes(excluded: Mapping[str, str]) -> tuple[Message, ...]:
    """One note per region left out, with the user's reason (the recipe, the CLI table, the report)."""
    return tuple(msg("exclusion.note.region", region=r, reason=why) for r, why in sorted(excluded.items()))


def _filled_cells(prepared: PreparedData) -> tuple[FilledCell, ...]:
    """Every value the engine filled, so a report can list what was estimated."""
    if not prepared.status.any():
        return ()
    cells = np.argwhere((prepared.status == ESTIMATE) | (prepared.status == INTERPOLATED))
    return tuple(
        FilledCell(
            prepared.regions[r],
            prepared.framework.leaves[i],
            prepared.years[t],
            CellStatus(int(prepared.status[r, i, t])),
            float(prepared.values[r, i, t]),
            int(prepared.carried[r, i, t]),
        )
        for r, i, t in cells
    )
