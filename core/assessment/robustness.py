"""How sure each verdict is (spec 02 §2.11): stability under weight and data draws, and 临界 wording.

Each verdict already carries its `margin` (signed distance to the nearest threshold, in its own
units) from the module that decides it. Here every verdict is recomputed for N seeded draws:

- weights: every weight × U(1 − spread, 1 + spread) (or Dirichlet), siblings renormalised — the
  Monte Carlo sensitivity's own drawing (core.index.sensitivity), the same draws for every region;
- data: every value flagged 预估 (estimate) or 插值 (interpolated), the region's or its reference's,
  × U(1 − band, 1 + band), bands from `[robustness]` in thresholds.toml.

Levels are weighted means of capped ratios, so the level tree of all draws is one matrix product:
A[d, node, leaf] (product of drawn weights along the path) · s[d, leaf]. Momentum uses the same
weight draws on the engine's leaf growth. `stability[label]` is the share of draws giving that
label; a verdict whose own share is below `borderline_share`, or whose margin is within its display
precision, is worded 临界 and quotes both numbers.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np

from ..index import draw_weights, path_membership, prepared_for
from ..index.engine import IndexOptions, alive_nodes, inclusion_patterns
from ..kernel.messages import Message, msg
from ..model.framework import ROOT, Framework
from ..model.observations import ObservationTable
from .config import AssessmentConfig
from .model import EPS, Coupling, LevelResult, RegionAssessment, Role, ShortBoards, evolve, fmt_vs, pct

SIDE_BELOW, SIDE_ABOVE = "below", "above"  # strengths and short boards: the score against the reference (100)
DATA_STREAM = 1  # the data draws' random stream, apart from the weights'
REGION_CHUNK = 64  # regions whose draws are chained at once: D × 64 × nodes × years (15 MB); measured faster than 256
STABILITY_BLOCK = 64  # regions whose stability draws are computed together: D × 64 × leaves scores (14 MB)


def stability_of(labels: np.ndarray, names: list[str | None]) -> dict[str, float]:
    """label index per draw → {label: share}, largest share first (ties in label order)."""
    return stabilities(labels[:, None], names)[0]


def stabilities(labels: np.ndarray, names: list[str | None]) -> list[dict[str, float]]:
    """[D, K] label index per draw of K verdicts → `stability_of` each column, in one pass over the array."""
    draws, k = labels.shape
    n = len(names)
    counts = np.bincount((labels + np.arange(k) * n).ravel(), minlength=k * n).reshape(k, n)
    order = np.argsort(-counts, axis=1, kind="stable").tolist()
    shares = (counts / draws).tolist()
    out = []
    for row, col, share in zip(order, counts.tolist(), shares, strict=True):
        out.append({str(names[i]): share[i] for i in row if col[i] > 0})
    return out


@dataclass(frozen=True)
class DrawContext:
    """What every region's draws share: the weight draws' tree and the momentum of every region per draw."""

    fw: Framework
    cfg: AssessmentConfig
    membership: np.ndarray  # [N, L, N] path membership (sensitivity's)
    momentum: Mapping[str, np.ndarray]  # region → [D, 1 + pillars] E_region,T per draw (total, pillars)
    cache: dict = field(default_factory=dict, compare=False)  # alive pattern → [D, N, L] path weights

    def paths(self, alive: tuple[bool, ...]) -> np.ndarray:
        """[D, N, L] each leaf's drawn overall weight in each node (product of the weights along its path)."""
        if alive not in self.cache:
            w = self.weights(np.array(alive, float))
            n, leaves, _ = self.membership.shape
            log_w = np.log(np.maximum(w, 1e-300))  # [D, N]
            under = self.membership.sum(axis=2) > 0  # [N, L]
            flat = log_w @ self.membership.reshape(n * leaves, n).T  # [D, N·L], one BLAS product
            self.cache[alive] = np.exp(flat).reshape(-1, n, leaves) * under[None]
        return self.cache[alive]

    def weights(self, alive: np.ndarray) -> np.ndarray:
        """[D, N] drawn weights; the same raw draws whatever is alive (one seeded stream)."""
        c = self.cfg
        rng = np.random.default_rng(c.robust_seed)
        return draw_weights(self.fw, rng, c.robust_draws, c.robust_scheme, c.robust_spread, alive)


def draw_context(
    table: ObservationTable, fw: Framework, options: IndexOptions, cfg: AssessmentConfig, year: int
) -> DrawContext:
    """The engine's index of every region (and the nation) at `year` under each weight draw."""
    prepared = prepared_for(table, fw, options)
    ctx = DrawContext(fw, cfg, path_membership(fw), {})
    t = prepared.years.index(year) if year in prepared.years else len(prepared.years) - 1
    patterns, inverse = inclusion_patterns(prepared.included)
    growth = np.nan_to_num(prepared.growth[:, :, : t + 1], nan=0.0)  # [R, L, t + 1]: the years up to `year`
    momentum = {}
    for p, pattern in enumerate(patterns):
        alive = alive_nodes(fw, pattern)
        paths = ctx.paths(tuple(alive[c] for c in fw.codes))[:, _momentum_rows(fw)]  # [D, P, L]
        rows = np.flatnonzero(inverse == p)
        for start in range(0, len(rows), REGION_CHUNK):  # [D, P, regions, years] for a block of regions at a time
            sel = rows[start : start + REGION_CHUNK]
            indices = _drawn_indices(paths, growth[sel])  # [D, r, P]
            momentum.update({prepared.regions[r]: indices[:, i] for i, r in enumerate(sel)})
    return replace(ctx, momentum=momentum)


def _momentum_rows(fw: Framework) -> list[int]:
    return [fw.codes.index(c) for c in (ROOT, *fw.pillars)]  # only the nodes with a momentum verdict


def _drawn_indices(paths: np.ndarray, growth: np.ndarray) -> np.ndarray:
    """[D, r, P] the chained index in the last year of `growth` [r, L, T] under each draw's path weights [D, P, L]:
    one BLAS product per year for all draws, nodes and regions (each year's [D·P, r] block contiguous, no
    transposed copy of the whole [D, P, r, T]), then the engine's chain (its order of products)."""
    D, P, L = paths.shape
    r, _, T = growth.shape
    weights = paths.reshape(D * P, L)
    out = np.full((D * P, r), 100.0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if T > 1:
            g = weights @ growth[:, :, 1].T
            acc = 200.0 + g
            acc /= 200.0 - g
            for t in range(2, T):
                g = weights @ growth[:, :, t].T
                step = 200.0 + g
                step /= np.subtract(200.0, g, out=g)
                acc *= step
            acc *= 100.0
            out = acc
    out[~np.isfinite(out)] = np.nan
    return out.reshape(D, P, r).transpose(0, 2, 1).copy()


def score_draws(lv: LevelResult, fw: Framework, cfg: AssessmentConfig) -> np.ndarray:
    """[D, L] indicator scores with every estimated / interpolated value (region's or reference's) drawn."""
    rng = None  # seeded when the first value is drawn (most regions report every value: nothing to draw)
    bands = {"estimate": cfg.band_estimate, "interpolated": cfg.band_interpolated}
    draws = cfg.robust_draws
    out = np.zeros((draws, len(fw.leaves)))
    fixed: dict[int, float] = {}  # the same score in every draw, filled at once
    for i, s in enumerate(lv.indicators):
        if s.score is None:
            continue
        if s.ratio is None:  # infinite ratio: capped whatever the draw
            fixed[i] = s.score
            continue
        b_reg, b_ref = bands.get(s.status, 0.0), bands.get(s.reference_status, 0.0)
        if not b_reg and not b_ref:  # reported on both sides: the same score in every draw
            fixed[i] = 100.0 * min(s.ratio, cfg.score_cap)
            continue
        if rng is None:
            rng = np.random.default_rng(
                [cfg.robust_seed, DATA_STREAM, zlib.crc32(f"{lv.region}|{lv.reference}".encode())]
            )
        f = rng.uniform(1 - b_reg, 1 + b_reg, draws) if b_reg else np.ones(draws)
        g = rng.uniform(1 - b_ref, 1 + b_ref, draws) if b_ref else np.ones(draws)
        out[:, i] = 100.0 * np.minimum(s.ratio * (f / g) ** fw.nodes[s.code].direction, cfg.score_cap)
    if fixed:
        out[:, list(fixed)] = np.array(list(fixed.values()))
    return out


def verdict_nodes(fw: Framework) -> tuple[str, ...]:
    """The parent nodes whose drawn level a verdict reads: the total, the pillars, the coupling sides' nodes."""
    sides = [c for side in ("science", "industry") for c in fw.coupling.get(side, ())]
    return tuple(c for c in dict.fromkeys((ROOT, *fw.pillars, *sides)) if c in fw.nodes and c not in fw.leaves)


def level_draws(dc: DrawContext, lv: LevelResult) -> tuple[np.ndarray, np.ndarray]:
    """([D, V] the level of each of `verdict_nodes` per draw, [D, L] the scores) under drawn weights and data."""
    fw = dc.fw
    scores = score_draws(lv, fw, dc.cfg)
    alive = tuple(lv.nodes.get(c) is not None for c in fw.codes)
    return np.matmul(_verdict_paths(dc, alive), scores[:, :, None])[..., 0], scores


def _verdict_paths(dc: DrawContext, alive: tuple[bool, ...]) -> np.ndarray:
    """[D, V, L] DrawContext.paths of `verdict_nodes` only: the rows a verdict reads."""
    key = ("verdict", alive)
    if key not in dc.cache:
        rows = [dc.fw.codes.index(c) for c in verdict_nodes(dc.fw)]
        dc.cache[key] = np.ascontiguousarray(dc.paths(alive)[:, rows])
    return dc.cache[key]


def _band_labels(values: np.ndarray, bands) -> np.ndarray:
    lowers = np.array([b.lower for b in bands]) - EPS
    return np.clip(np.searchsorted(lowers, values, side="right") - 1, 0, len(bands) - 1)


def _draws_of(rd: RegionDraws, nodes: list[str]) -> np.ndarray:
    """[D, K] the drawn level of each of `nodes`."""
    return np.stack([rd.level(n) for n in nodes], axis=1) if nodes else np.zeros((0, 0))


@dataclass(frozen=True)
class RegionDraws:
    """One region's quantities per draw: the verdict nodes' levels, the scores, and M of the total and pillars."""

    codes: tuple[str, ...]  # verdict_nodes
    levels: np.ndarray  # [D, V]
    leaves: tuple[str, ...]
    scores: np.ndarray  # [D, L]
    momentum: Mapping[str, np.ndarray]  # node → [D] M (absent when the index has no such series)
    alive: frozenset[str]  # nodes with a level
    below: np.ndarray  # [L] the share of draws with each indicator's score below the reference (100)

    def level(self, node: str) -> np.ndarray:
        if node in self.codes:
            return self.levels[:, self.codes.index(node)]
        return self.scores[:, self.leaves.index(node)]  # a leaf's level is its score


def _region_draws(dc: DrawContext, lv: LevelResult, levels: np.ndarray, scores: np.ndarray, below) -> RegionDraws:
    nodes = (ROOT, *dc.fw.pillars)
    mom = {}
    if lv.region in dc.momentum and lv.reference in dc.momentum:
        with np.errstate(divide="ignore", invalid="ignore"):
            m = 100.0 * dc.momentum[lv.region] / dc.momentum[lv.reference]
        mom = {c: m[:, i] for i, c in enumerate(nodes)}
    alive = frozenset(c for c, v in lv.nodes.items() if v is not None)
    return RegionDraws(verdict_nodes(dc.fw), levels, dc.fw.leaves, scores, mom, alive, below)


def region_draws(dc: DrawContext, lv: LevelResult) -> RegionDraws:
    """Levels of `lv`'s region against its reference per draw, and its momentum against the same reference."""
    levels, scores = level_draws(dc, lv)
    return _region_draws(dc, lv, levels, scores, (scores < 100.0 - EPS).mean(axis=0))


def block_draws(dc: DrawContext, lvs: list[LevelResult]) -> list[RegionDraws]:
    """region_draws of a block of regions: one matrix product per pattern of nodes with a level,
    [D, V, L] · [D, L, regions], instead of one per region."""
    fw = dc.fw
    scores = np.stack([score_draws(lv, fw, dc.cfg) for lv in lvs])  # [R, D, L]
    levels = np.empty((len(lvs), scores.shape[1], len(verdict_nodes(fw))))  # [R, D, V]
    patterns = [tuple(lv.nodes.get(c) is not None for c in fw.codes) for lv in lvs]
    for alive in dict.fromkeys(patterns):
        rows = [i for i, a in enumerate(patterns) if a == alive]
        drawn = np.matmul(_verdict_paths(dc, alive), np.ascontiguousarray(scores[rows].transpose(1, 2, 0)))
        levels[rows] = drawn.transpose(2, 0, 1)
    below = (scores < 100.0 - EPS).mean(axis=1)  # [R, L]
    return [_region_draws(dc, lv, levels[i], scores[i], below[i]) for i, lv in enumerate(lvs)]


def _is_borderline(own: float, margin: float | None, unit: float, cfg) -> bool:
    """临界: the verdict's own share below the limit, or its margin under the display precision `unit`."""
    return own < cfg.borderline_share or (margin is not None and abs(margin) < unit / 2)


def _borderline(reason: Message, own: float, cfg, **args) -> Message:
    """The reason with the 临界 clause (built for borderline verdicts only)."""
    return msg("assess.borderline.note", reason=reason, share=pct(own, 0), draws=cfg.robust_draws, **args)


def stable_groups(groups: Mapping, rd: RegionDraws, cfg: AssessmentConfig, stabs: list | None = None) -> dict:
    """`stabs`: the stability of each node with a group, in order, when already counted (_block_groups)."""
    out = dict(groups)
    nodes = [node for node, g in groups.items() if g.group is not None]
    if stabs is None:
        stabs = stabilities(_band_labels(_draws_of(rd, nodes), cfg.groups), [b.name for b in cfg.groups])
    for node, stab in zip(nodes, stabs, strict=True):
        g = groups[node]
        nearest = g.level - g.margin if g.margin is not None else g.level
        own = stab.get(g.group, 0.0)
        flag = _is_borderline(own, g.margin, 0.1, cfg)
        reason = _borderline(g.reason, own, cfg, label=cfg.term(g.group), quantity=msg("assess.quantity.level"),
                             value=fmt_vs(g.level, nearest), threshold=f"{nearest:g}") if flag else g.reason  # fmt: skip
        out[node] = evolve(g, stability=stab, borderline=flag, reason=reason)
    return out


def stable_quadrants(quadrants: Mapping, rd: RegionDraws, cfg: AssessmentConfig) -> dict:
    out = dict(quadrants)
    keys = list(cfg.quadrant_names)
    names = [cfg.quadrant_names[k] for k in keys]
    nodes = [node for node, q in quadrants.items() if q.name is not None and node in rd.momentum]
    qs = [quadrants[node] for node in nodes]
    mom = np.stack([rd.momentum[node] for node in nodes], axis=1) if nodes else np.zeros((0, 0))
    mom = np.where(np.isnan(mom), np.array([q.momentum for q in qs]), mom)  # no drawn M: the verdict's own
    hi_l = _draws_of(rd, nodes) >= np.array([q.split_level for q in qs]) - EPS
    hi_m = mom >= np.array([q.split_momentum for q in qs]) - EPS
    at = np.array([keys.index(k) for k in ((False, False), (False, True), (True, False), (True, True))])
    labels = at[2 * hi_l + hi_m]
    for node, q, stab in zip(nodes, qs, stabilities(labels, names), strict=True):
        on_level = abs(q.level - q.split_level) <= abs(q.momentum - q.split_momentum)
        value, split = (q.level, q.split_level) if on_level else (q.momentum, q.split_momentum)
        quantity = "assess.quantity.level" if on_level else "assess.quantity.momentum"
        own = stab.get(q.name, 0.0)
        flag = _is_borderline(own, q.margin, 0.1, cfg)
        reason = _borderline(q.reason, own, cfg, label=cfg.term(q.name), quantity=msg(quantity),
                             value=fmt_vs(value, split), threshold=f"{split:g}") if flag else q.reason  # fmt: skip
        out[node] = evolve(q, stability=stab, borderline=flag, reason=reason)
    return out


def _role_pillars(role: Role) -> tuple[str, ...] | None:
    """The pillars a role's draws compare (None: no role verdict to draw)."""
    pillars = tuple(p for p, v in role.pillar_levels.items() if v is not None)
    return None if role.name is None or role.spread is None or len(pillars) < 2 else pillars


def _role_stabilities(lv: np.ndarray, pillars: tuple[str, ...], cfg: AssessmentConfig, fw: Framework) -> list:
    """[r, D, P] pillar levels per draw of r regions → each region's role stability."""
    mean = lv.mean(axis=2)
    with np.errstate(divide="ignore", invalid="ignore"):
        spread = (lv.max(axis=2) - lv.min(axis=2)) / mean
    names = [cfg.roles.get(p, (fw.nodes[p].name_zh, ""))[0] for p in pillars] + [cfg.balanced_name]
    labels = np.where(spread < cfg.balanced_spread - EPS, len(pillars), lv.argmax(axis=2))  # [r, D]
    return stabilities(labels.T, names)


def stable_role(role: Role, rd: RegionDraws, cfg: AssessmentConfig, fw: Framework, stab=None) -> Role:
    """`stab`: the role's stability when already counted (_block_roles)."""
    pillars = _role_pillars(role)
    if pillars is None:
        return role
    if stab is None:
        stab = _role_stabilities(np.stack([rd.level(p) for p in pillars], axis=1)[None], pillars, cfg, fw)[0]
    own = stab.get(role.name, 0.0)
    flag = _is_borderline(own, role.margin, 0.001, cfg)
    reason = _borderline(role.reason, own, cfg, label=cfg.term(role.name), quantity=msg("assess.quantity.spread"),
                         value=fmt_vs(role.spread, role.threshold, 3), threshold=f"{role.threshold:g}",
                         ) if flag else role.reason  # fmt: skip
    return evolve(role, stability=stab, borderline=flag, reason=reason)


def stable_coupling(c: Coupling, rd: RegionDraws, cfg: AssessmentConfig, fw: Framework) -> Coupling:
    if c.d is None or c.grade is None:
        return c
    sides = []
    for side in ("science", "industry"):
        cols = [rd.level(p) for p in fw.coupling.get(side, ()) if p in rd.alive]
        sides.append(np.mean(cols, axis=0))
    u1, u2 = (s / (s + 100.0) for s in sides)
    with np.errstate(divide="ignore", invalid="ignore"):
        coupling = np.where(u1 + u2 > 0, 2.0 * np.sqrt(u1 * u2) / (u1 + u2), 0.0)
    d = np.sqrt(coupling * (c.alpha * u1 + c.beta * u2))
    stab = stability_of(_band_labels(d, cfg.coupling_grades), [b.name for b in cfg.coupling_grades])
    nearest = c.d - c.margin if c.margin is not None else c.d
    own = stab.get(c.grade, 0.0)
    flag = _is_borderline(own, c.margin, 0.001, cfg)
    reason = _borderline(c.reason, own, cfg, label=cfg.term(c.grade), quantity=msg("assess.quantity.d"),
                         value=fmt_vs(c.d, nearest, 3), threshold=f"{nearest:g}") if flag else c.reason  # fmt: skip
    return evolve(c, stability=stab, borderline=flag, reason=reason)


def stable_boards(b: ShortBoards, rd: RegionDraws, fw: Framework, cfg: AssessmentConfig) -> ShortBoards:
    """Each listed indicator: the share of draws with its score below / at or above the reference; 临界 marks."""

    def side(r):
        below = float(rd.below[fw.leaves.index(r.code)])
        stab = {SIDE_BELOW: below, SIDE_ABOVE: 1.0 - below}
        own = stab[SIDE_BELOW if r.score < 100.0 - EPS else SIDE_ABOVE]
        flag = own < cfg.borderline_share or abs(r.margin) < 0.05
        stability = {k: v for k, v in sorted(stab.items(), key=lambda kv: -kv[1]) if v > 0}
        return evolve(r, stability=stability, borderline=flag)

    return evolve(b, strengths=tuple(side(r) for r in b.strengths), weaknesses=tuple(side(r) for r in b.weaknesses))


def _block_groups(ras: list[RegionAssessment], rds: list[RegionDraws], cfg: AssessmentConfig) -> list:
    """Each region's group stabilities (stable_groups' `stabs`), labelled and counted for the block at once."""
    nodes = [[n for n, g in ra.groups.items() if g.group is not None] for ra in ras]
    codes = rds[0].codes
    if not all(n in codes for ns in nodes for n in ns):
        return [None] * len(ras)  # a leaf's group: counted region by region
    cols = [[codes.index(n) for n in ns] for ns in nodes]
    drawn = np.concatenate([rd.levels[:, c] for rd, c in zip(rds, cols, strict=True)], axis=1)  # [D, Σ nodes]
    stabs = stabilities(_band_labels(drawn, cfg.groups), [b.name for b in cfg.groups])
    ends = np.cumsum([len(c) for c in cols]).tolist()
    return [stabs[end - len(c) : end] for c, end in zip(cols, ends, strict=True)]


def _block_roles(ras: list[RegionAssessment], rds: list[RegionDraws], cfg: AssessmentConfig, fw: Framework) -> list:
    """Each region's role stability (stable_role's `stab`), regions with the same pillars counted together."""
    out: list = [None] * len(ras)
    keys = [_role_pillars(ra.role) for ra in ras]
    for pillars in dict.fromkeys(k for k in keys if k and all(p in rds[0].codes for p in k)):
        rows = [i for i, k in enumerate(keys) if k == pillars]
        cols = [rds[0].codes.index(p) for p in pillars]
        lv = np.stack([rds[i].levels[:, cols] for i in rows])  # [r, D, P]
        for i, stab in zip(rows, _role_stabilities(lv, pillars, cfg, fw), strict=True):
            out[i] = stab
    return out


def stabilise_block(ras: list[RegionAssessment], dc: DrawContext) -> list[RegionAssessment]:
    """`stabilise` for a block of regions, their draws computed and their labels counted together."""
    rds = block_draws(dc, [ra.level for ra in ras])
    groups, roles = _block_groups(ras, rds, dc.cfg), _block_roles(ras, rds, dc.cfg, dc.fw)
    return [stabilise(*args) for args in zip(ras, [dc] * len(ras), rds, groups, roles, strict=True)]


def stabilise(ra: RegionAssessment, dc: DrawContext, rd: RegionDraws | None = None, groups=None, role=None):
    """The region's verdicts with `stability` filled in and 临界 wording where it applies (`rd`: its draws,
    `groups`, `role`: their stabilities, when already computed)."""
    rd = rd if rd is not None else region_draws(dc, ra.level)
    cfg, fw = dc.cfg, dc.fw
    out = evolve(
        ra,
        groups=stable_groups(ra.groups, rd, cfg, groups),
        quadrants=stable_quadrants(ra.quadrants, rd, cfg),
        role=stable_role(ra.role, rd, cfg, fw, role),
        coupling=stable_coupling(ra.coupling, rd, cfg, fw),
        boards=stable_boards(ra.boards, rd, fw, cfg),
    )
    return evolve(out, headline=_marked_headline(out))


def _marked_headline(ra: RegionAssessment) -> Message | None:
    """The headline with 临界 beside each borderline verdict it names (total group, quadrant, role, grade)."""
    h = ra.headline
    if h is None:
        return None
    parts = {"group": ra.groups.get(ROOT), "quadrant": ra.quadrants.get(ROOT), "role": ra.role, "grade": ra.coupling}
    args = dict(h.args)
    for key, verdict in parts.items():
        if verdict is not None and verdict.borderline and key in args:
            args[key] = msg("assess.borderline.named", name=args[key])
    return Message(h.code, args)
