"""Variance-based sensitivity of the total index to the weights (Sobol indices).

Each weight of the tree (a node's share of its parent) is an uncertain input, drawn uniformly
within ±`spread` of its default and renormalised among its siblings, as the one-at-a-time
analysis varies it. The output is one region's total index in the last year. With Saltelli's
sampling (two independent matrices A, B and, for each input i, A with column i taken from B),
the first-order index uses Saltelli's 2010 estimator and the total index Jansen's, on outputs
centred by their mean (as SALib does):

    S_i  = mean(f(B) · (f(AB_i) − f(A))) / Var(f)
    ST_i = mean((f(A) − f(AB_i))²) / 2 / Var(f)

The same seed gives the same numbers. A short numpy version is used rather than SALib: the
model is a few matrix products, and SALib would bring pandas and matplotlib into the bundle.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model.framework import ROOT, Framework, renormalise
from .engine import PreparedData, alive_nodes, chain

DEFAULT_DRAWS = 1024
DEFAULT_SEED = 20250101
DEFAULT_SPREAD = 0.2


@dataclass(frozen=True)
class SobolResult:
    """First-order and total Sobol indices of each weight on one region's total index."""

    region: str
    year: int
    draws: int
    seed: int
    spread: float
    nodes: tuple[str, ...]  # the weights varied (node codes), in framework order
    first: np.ndarray  # [k]
    total: np.ndarray  # [k]
    nominal: float  # the total index with the default weights
    variance: float  # variance of the output over the base samples

    def to_dict(self, ndigits: int = 6) -> dict:
        return {
            "method": "sobol",
            "region": self.region,
            "output": {"node": ROOT, "year": self.year, "nominal": round(self.nominal, ndigits)},
            "draws": self.draws,
            "seed": self.seed,
            "spread": self.spread,
            "variance": round(self.variance, 12),
            "indices": {
                node: {"first": round(float(f), ndigits), "total": round(float(t), ndigits)}
                for node, f, t in zip(self.nodes, self.first, self.total, strict=True)
            },
        }


@dataclass(frozen=True)
class _Tree:
    """The framework as arrays: default weights, sibling groups and leaf paths."""

    codes: tuple[str, ...]  # every node but the root
    weights: np.ndarray  # [N]
    groups: tuple[list[int], ...]  # each parent's children (indices into codes)
    paths: np.ndarray  # [L, N] 1 where a node lies on the path from the root to a leaf
    varied: np.ndarray  # indices into codes of the weights that can vary (parents with ≥ 2 children)


def _tree(fw: Framework, alive: dict[str, bool]) -> _Tree:
    codes = tuple(c for c in fw.codes if c != ROOT)
    pos = {c: i for i, c in enumerate(codes)}
    weights = np.array([fw.nodes[c].weight if alive[c] else 0.0 for c in codes])
    parents = [fw.nodes[c].parent for c in codes]
    groups = tuple([pos[k] for k in fw.children(p)] for p in (ROOT, *fw.parents))
    paths = np.zeros((len(fw.leaves), len(codes)))
    for li, leaf in enumerate(fw.leaves):
        for node in (leaf, *fw.ancestors(leaf)):
            if node != ROOT:
                paths[li, pos[node]] = 1.0
    alive_children = {p: sum(alive[k] for k in fw.children(p)) for p in (ROOT, *fw.parents)}
    varied = np.array([i for i, c in enumerate(codes) if alive[c] and alive_children[parents[i]] > 1], dtype=int)
    return _Tree(codes, weights, groups, paths, varied)


def _total_last(tree: _Tree, factors: np.ndarray, growth: np.ndarray) -> np.ndarray:
    """factors [n, k] → the total index in the last year for each row [n]."""
    w = np.repeat(tree.weights[None, :], factors.shape[0], axis=0)
    w[:, tree.varied] *= factors
    for kids in tree.groups:
        w[:, kids] = np.stack(renormalise([w[:, k] for k in kids]), axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        leaf = np.exp(np.log(w) @ tree.paths.T)  # product of the weights along each path
    total_growth = leaf @ growth  # [n, T]
    total_growth[:, 0] = 0.0
    return chain(total_growth)[:, -1]


def sobol_indices(
    prepared: PreparedData,
    region: str,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    spread: float = DEFAULT_SPREAD,
) -> SobolResult:
    """Sobol indices of every variable weight on `region`'s total index in the last year."""
    fw = prepared.framework
    r = prepared.regions.index(region)
    tree = _tree(fw, alive_nodes(fw, prepared.included[r]))
    growth = np.nan_to_num(prepared.growth[r], nan=0.0)  # [L, T]
    k = tree.varied.size
    rng = np.random.default_rng(seed)
    a = rng.uniform(1 - spread, 1 + spread, size=(draws, k))
    b = rng.uniform(1 - spread, 1 + spread, size=(draws, k))
    ab = np.repeat(a[None], k, axis=0)  # [k, n, k]
    ab[np.arange(k), :, np.arange(k)] = b.T
    f_a, f_b = _total_last(tree, a, growth), _total_last(tree, b, growth)
    f_ab = _total_last(tree, ab.reshape(k * draws, k), growth).reshape(k, draws)
    mean = float(np.mean(np.concatenate([f_a, f_b])))  # centred outputs: the estimators' noise grows with the mean
    f_a, f_b, f_ab = f_a - mean, f_b - mean, f_ab - mean
    variance = float(np.var(np.concatenate([f_a, f_b])))
    if variance > 0:
        first = np.mean(f_b[None] * (f_ab - f_a[None]), axis=1) / variance
        total = 0.5 * np.mean((f_a[None] - f_ab) ** 2, axis=1) / variance
    else:  # the weights cannot move the output (e.g. every indicator grows alike)
        first = total = np.zeros(k)
    nominal = float(_total_last(tree, np.ones((1, k)), growth)[0])
    nodes = tuple(tree.codes[i] for i in tree.varied)
    return SobolResult(region, prepared.years[-1], draws, seed, spread, nodes, first, total, nominal, variance)
