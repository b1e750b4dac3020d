"""How much the index depends on its weights (专栏2 §3 and beyond).

One-at-a-time: each weight × 0.8 and × 1.2, siblings renormalised, the total index recomputed;
the report finds it moves < 1 %. Monte Carlo: every weight × U(0.8, 1.2) (or a Dirichlet draw
around the defaults), renormalised, N draws seeded; gives 5–95 % bands for every node and the
stability of regions' ranks (nominal, median and 5–95 % rank interval, as COINr reports them).

Both reuse the engine's prepared leaf growth: only the aggregation matrix changes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..kernel.progress import CancelCheck, ProgressCallback, check_cancel
from ..model.framework import ROOT, Framework, renormalise
from ..model.observations import ObservationTable
from .engine import (
    IndexOptions,
    PreparedData,
    aggregation_matrix,
    alive_nodes,
    chain,
    inclusion_patterns,
    leaf_indices,
    prepare,
)
from .ranking import ranked_mask, ranks

SCHEMES = ("uniform", "dirichlet")


def prepared_for(table: ObservationTable, framework: Framework, options: IndexOptions | None) -> PreparedData:
    options = options or IndexOptions()
    fw = framework.with_weights(options.weights) if options.weights else framework
    return prepare(table, fw, options)


def _total_index(rows: np.ndarray, prepared: PreparedData) -> np.ndarray:
    """rows [K, R, L] leaf weights of the total per variant and region → total index [K, R, T]."""
    V = np.nan_to_num(prepared.growth, nan=0.0)
    growth = np.einsum("krl,rlt->krt", rows, V)
    return chain(growth)


@dataclass(frozen=True)
class WeightVariant:
    node: str
    factor: float


@dataclass(frozen=True)
class OneAtATimeResult:
    """Largest relative change of the total index per region and year, and the weight behind it."""

    regions: tuple[str, ...]
    years: tuple[int, ...]
    delta: float
    variants: tuple[WeightVariant, ...]
    change: np.ndarray  # [K, R, T] relative change of the total index, in %
    max_change: np.ndarray  # [R, T] largest absolute relative change, in %
    cause: np.ndarray  # [R, T] index into variants

    @property
    def overall_max(self) -> float:
        return float(np.nanmax(self.max_change)) if self.max_change.size else 0.0

    def cause_of(self, region: str, year: int) -> WeightVariant:
        return self.variants[int(self.cause[self.regions.index(region), self.years.index(year)])]

    def to_dict(self) -> dict:
        out: dict = {"delta": self.delta, "overall_max_percent": round(self.overall_max, 6), "regions": {}}
        for r, region in enumerate(self.regions):
            out["regions"][region] = {
                str(y): {
                    "max_change_percent": round(float(self.max_change[r, t]), 6),
                    "weight": self.variants[int(self.cause[r, t])].node,
                    "factor": self.variants[int(self.cause[r, t])].factor,
                }
                for t, y in enumerate(self.years)
                if t > 0
            }
        return out


def one_at_a_time(
    table: ObservationTable, framework: Framework, options: IndexOptions | None = None, delta: float = 0.2
) -> OneAtATimeResult:
    """Scale each weight by (1 − delta) and (1 + delta) in turn; siblings renormalised (spec 01 §1.4)."""
    prepared = prepared_for(table, framework, options)
    fw = prepared.framework
    variants = tuple(
        WeightVariant(c, f)
        for c in fw.codes
        if c != ROOT and len(fw.children(fw.nodes[c].parent)) > 1
        for f in (1 - delta, 1 + delta)
    )
    patterns, inverse = inclusion_patterns(prepared.included)
    R, L, T = prepared.growth.shape
    rows = np.zeros((len(variants) + 1, R, L))
    frameworks = [fw] + [fw.with_weights({v.node: fw.nodes[v.node].weight * v.factor}) for v in variants]
    for p, pattern in enumerate(patterns):
        sel = inverse == p
        for k, f in enumerate(frameworks):
            rows[k, sel] = aggregation_matrix(f, pattern)[0]
    totals = _total_index(rows, prepared)
    base = totals[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        change = 100.0 * (totals[1:] / base[None] - 1.0)
    abs_change = np.nan_to_num(np.abs(change), nan=-1.0)
    cause = np.argmax(abs_change, axis=0) if variants else np.zeros((R, T), int)
    max_change = np.max(np.abs(np.nan_to_num(change)), axis=0) if variants else np.zeros((R, T))
    return OneAtATimeResult(prepared.regions, prepared.years, delta, variants, change, max_change, cause)


@dataclass(frozen=True)
class MonteCarloResult:
    """Bands for every node and rank stability of regions under random weights."""

    regions: tuple[str, ...]
    years: tuple[int, ...]
    codes: tuple[str, ...]
    draws: int
    seed: int
    scheme: str
    spread: float
    nominal: np.ndarray  # [R, N, T]
    p05: np.ndarray  # [R, N, T]
    p50: np.ndarray
    p95: np.ndarray
    rank_nominal: np.ndarray  # [R] rank of the total index in the latest year, 1 = highest
    rank_median: np.ndarray
    rank_p05: np.ndarray
    rank_p95: np.ndarray
    rank_stability: np.ndarray  # [R] share of draws in which the region keeps its nominal rank

    def band(self, region: str, code: str) -> dict[int, tuple[float, float, float]]:
        r, n = self.regions.index(region), self.codes.index(code)
        return {
            y: (float(self.p05[r, n, t]), float(self.p50[r, n, t]), float(self.p95[r, n, t]))
            for t, y in enumerate(self.years)
        }

    def to_dict(self) -> dict:
        def num(v) -> float | None:
            return None if math.isnan(v) else round(float(v), 6)

        out: dict = {
            "draws": self.draws,
            "seed": self.seed,
            "scheme": self.scheme,
            "spread": self.spread,
            "regions": {},
        }
        for r, region in enumerate(self.regions):
            out["regions"][region] = {
                "bands": {
                    code: {
                        str(y): [num(self.p05[r, n, t]), num(self.p50[r, n, t]), num(self.p95[r, n, t])]
                        for t, y in enumerate(self.years)
                    }
                    for n, code in enumerate(self.codes)
                },
                "rank": {
                    "nominal": int(self.rank_nominal[r]),
                    "median": float(self.rank_median[r]),
                    "p05": float(self.rank_p05[r]),
                    "p95": float(self.rank_p95[r]),
                    "stability": round(float(self.rank_stability[r]), 6),
                }
                if self.rank_nominal[r] > 0
                else None,  # 全国 is not ranked
            }
        return out


def path_membership(fw: Framework) -> np.ndarray:
    """M[n, l, m] = 1 if node m lies on the path from leaf l up to node n (n excluded, l included)."""
    codes = fw.codes
    pos = {c: i for i, c in enumerate(codes)}
    M = np.zeros((len(codes), len(fw.leaves), len(codes)))
    for li, leaf in enumerate(fw.leaves):
        chain_up = (leaf,) + fw.ancestors(leaf)  # leaf, parent, ..., root
        for k in range(1, len(chain_up)):
            n = pos[chain_up[k]]
            for m in chain_up[:k]:
                M[n, li, pos[m]] = 1.0
        M[pos[leaf], li, :] = 0.0
    return M


def draw_weights(
    fw: Framework, rng: np.random.Generator, draws: int, scheme: str, spread: float, alive: np.ndarray
) -> np.ndarray:
    """[D, N] weights within each parent, renormalised over living siblings. Root weight is 1."""
    codes = fw.codes
    base = np.array([1.0 if c == ROOT else fw.nodes[c].weight for c in codes])
    if scheme == "uniform":
        w = base[None, :] * rng.uniform(1 - spread, 1 + spread, size=(draws, len(codes)))
    else:  # Dirichlet around the defaults: concentration = weight / spread² per sibling group
        w = rng.gamma(np.maximum(base / (spread**2), 1e-9)[None, :].repeat(draws, 0), 1.0)
    w = w * alive[None, :]
    for parent in fw.parents:
        kids = [codes.index(k) for k in fw.children(parent)]
        w[:, kids] = np.stack(renormalise([w[:, k] for k in kids]), axis=1)
    w[:, codes.index(ROOT)] = 1.0
    return w


def monte_carlo(
    table: ObservationTable,
    framework: Framework,
    options: IndexOptions | None = None,
    draws: int = 1000,
    seed: int = 20250101,
    scheme: str = "uniform",
    spread: float = 0.2,
    chunk: int = 250,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> MonteCarloResult:
    """Seeded random weights → bands per node and rank stability. Vectorised over draws, in chunks."""
    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {SCHEMES}")
    prepared = prepared_for(table, framework, options)
    fw = prepared.framework
    parent_rows = [n for n, c in enumerate(fw.codes) if not fw.nodes[c].is_leaf]
    rng = np.random.default_rng(seed)

    def draw(k: int, alive: np.ndarray) -> np.ndarray:
        return draw_weights(fw, rng, k, scheme, spread, alive)

    total = parent_rows.index(fw.codes.index(ROOT))
    plan = draw_plan(prepared, parent_rows, draw, draws, chunk)
    bands, drawn_total = _drawn_bands(prepared, plan, total, progress, cancel)  # [3, R, P, T], [D, R]
    nominal = _nominal(prepared)
    p05, p50, p95 = (nominal.copy() for _ in range(3))  # leaves do not depend on weights
    for out, band in zip((p05, p50, p95), bands, strict=False):
        out[:, parent_rows] = band
    mask = ranked_mask(prepared.regions)  # 全国 is not ranked (rank 0)
    drawn = ranks(drawn_total, mask)  # [D, R]
    nominal_rank = ranks(nominal[None, :, fw.codes.index(ROOT), -1], mask)[0]
    return MonteCarloResult(
        regions=prepared.regions,
        years=prepared.years,
        codes=fw.codes,
        draws=draws,
        seed=seed,
        scheme=scheme,
        spread=spread,
        nominal=nominal,
        p05=p05,
        p50=p50,
        p95=p95,
        rank_nominal=nominal_rank,
        rank_median=np.median(drawn, axis=0),
        rank_p05=np.percentile(drawn, 5, axis=0),
        rank_p95=np.percentile(drawn, 95, axis=0),
        rank_stability=(drawn == nominal_rank[None]).mean(axis=0),
    )


MC_BLOCK_BYTES = 256 << 20  # one block of regions' [D, regions, parents, years] draws: memory bounded at any scale


@dataclass(frozen=True)
class DrawPlan:
    """The drawn weights of a Monte Carlo run as path products, drawn once in the seeded order (chunks of draws,
    then inclusion patterns) so every block of regions reads the same draws."""

    chunks: tuple[tuple[int, tuple[np.ndarray, ...]], ...]  # (first draw, [k, P, L] path weights per pattern)
    inverse: np.ndarray  # [R] each region's inclusion pattern
    draws: int

    @property
    def parents(self) -> int:
        """P: how many parent nodes each draw weighs."""
        return self.chunks[0][1][0].shape[1]


def draw_plan(
    prepared: PreparedData, parent_rows: list[int], draw: Callable[[int, np.ndarray], np.ndarray], draws: int,
    chunk: int,
) -> DrawPlan:  # fmt: skip
    fw = prepared.framework
    M = path_membership(fw)[parent_rows]  # [P, L, N]
    under = M.sum(axis=2) > 0  # [P, L] leaf lies under the parent
    patterns, inverse = inclusion_patterns(prepared.included)
    alive_by_pattern = []
    for pattern in patterns:
        alive = alive_nodes(fw, pattern)
        alive_by_pattern.append(np.array([alive[c] for c in fw.codes], float))
    chunks = []
    for done in range(0, draws, chunk):
        k = min(chunk, draws - done)
        paths = []
        for alive in alive_by_pattern:
            w = draw(k, alive)  # [k, N]
            paths.append(np.exp(np.einsum("plm,dm->dpl", M, np.log(np.maximum(w, 1e-300)))) * under[None])
        chunks.append((done, tuple(paths)))
    return DrawPlan(tuple(chunks), inverse, draws)


def drawn_parent_indices(
    prepared: PreparedData, plan: DrawPlan, rows: np.ndarray, after: Callable[[int], None] | None = None
) -> np.ndarray:
    """[D, r, P, T] every parent's chained index under each weight draw of `plan`, for the regions `rows`;
    `after(k)` once each chunk of k draws is done (progress, cancel)."""
    V = np.nan_to_num(prepared.growth[rows], nan=0.0)  # [r, L, T]
    inverse = plan.inverse[rows]
    parents = np.empty((plan.draws, len(rows), plan.parents, V.shape[2]))
    for done, paths in plan.chunks:
        k = paths[0].shape[0]
        for p, A in enumerate(paths):
            sel = np.flatnonzero(inverse == p)
            if sel.size:
                G = np.matmul(A[:, None], V[sel][None])  # [k, r, P, T]
                G[..., 0] = 0.0
                parents[done : done + k][:, sel] = chain(G)
        if after is not None:
            after(k)
    return parents


def _drawn_bands(
    prepared: PreparedData, plan: DrawPlan, total: int, progress: ProgressCallback | None, cancel: CancelCheck | None
) -> tuple[np.ndarray, np.ndarray]:
    """([3, R, P, T] the 5th, 50th and 95th percentiles of every parent over the draws, [D, R] the drawn total in
    the last year), a block of regions at a time: a block's draws stay under MC_BLOCK_BYTES. Progress counts
    draws times blocks."""
    R, _, T = prepared.growth.shape
    P = plan.parents
    block = max(1, MC_BLOCK_BYTES // (plan.draws * P * T * 8))
    starts = range(0, R, block)
    done = [0]

    def after(k: int) -> None:
        check_cancel(cancel)
        done[0] += k
        if progress is not None:
            progress(done[0], plan.draws * len(starts))

    bands, totals = np.empty((3, R, P, T)), np.empty((plan.draws, R))
    for start in starts:
        rows = np.arange(start, min(R, start + block))
        parents = drawn_parent_indices(prepared, plan, rows, after)
        bands[:, rows] = np.percentile(parents, [5, 50, 95], axis=0)
        totals[:, rows] = parents[:, :, total, -1]
    return bands, totals


def _nominal(prepared: PreparedData) -> np.ndarray:
    """[R, N, T] every node's index under the framework's own weights (leaves: their own index)."""
    fw = prepared.framework
    patterns, inverse = inclusion_patterns(prepared.included)
    V = np.nan_to_num(prepared.growth, nan=0.0)
    R, L, T = V.shape
    nominal = np.empty((R, len(fw.codes), T))
    for p, pattern in enumerate(patterns):
        sel = inverse == p
        nominal[sel] = chain(np.matmul(aggregation_matrix(fw, pattern), V[sel]))
    nominal[:, [fw.codes.index(c) for c in fw.leaves]] = leaf_indices(prepared)
    return nominal
