"""Partners (和谁融合) and sameness (同质化) among the loaded regions (spec 02 §2.8).

    complementarity(a ← b) = Σ_{p: L_a,p < 100} w_p × max(0, L_b,p − L_a,p)  × 1.2 if a, b share a border
    sameness(a, b) = cosine of (L_a,p − mean_a) and (L_b,p − mean_b) over the pillars;
                     above 0.9 with a neighbour of the same role → 定位趋同 warning

Adjacency of the 31 provinces comes from `resources/geo/provinces.toml` (core.model.regions); for
cities the user supplies it (a TOML file `[adjacency] "城市" = ["邻市", …]`, names quoted, made symmetric).

Scale: the pool's pillar levels are one array (PeerMatrix); each region's scores against every peer
are screened there with numpy, and only the few that can be shown (top N, warnings) are recomputed
exactly and given their sentence — O(N·k) Python work per region, the same figures as pair by pair.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np

from ..kernel.messages import Message, msg
from ..kernel.problems import InputError, Problem
from ..model.framework import Framework
from ..model.observations import NATION
from .config import EPS, AssessmentConfig
from .model import Partner, Partners, PillarPartner, SamenessItem, fmt, fmt_vs, place
from .positioning import pillar_term

Levels = Mapping[str, Mapping[str, float | None]]  # region → pillar → L
SCREEN_TOL = 1e-9  # numpy's and the exact figures differ by rounding only: keep every near tie for the exact pass
SCREEN_BLOCK = 128  # regions screened at once: [block, peers, pillars] arrays (12 MB at 3,000 peers)


def screen_rows(approx: np.ndarray, keep: np.ndarray, n: int) -> np.ndarray:
    """[R, N] mask: PeerMatrix.shortlist for each row at once (a row's top `n` where `keep`, near ties kept;
    where `keep` and the figure is not finite, kept for the exact pass)."""
    finite = np.isfinite(approx)
    valid = keep & finite
    out = valid.copy()
    rows = np.flatnonzero(valid.sum(axis=1) > n)
    if rows.size:
        vals = np.where(valid[rows], approx[rows], -np.inf)
        width = vals.shape[1]
        kth = np.partition(vals, width - n, axis=1)[:, width - n]  # the n-th largest valid figure of each row
        out[rows] &= vals >= (kth - SCREEN_TOL * np.maximum(1.0, np.abs(kth)))[:, None]
    return out | (keep & ~finite)


class PeerMatrix:
    """The peers' pillar levels as one array [peers, pillars] (NaN: no level), built once for all regions."""

    def __init__(self, levels: Levels, pillars: tuple[str, ...] | list[str], peers: list[str]):
        self.peers = list(dict.fromkeys(r for r in peers if r in levels))
        self.row = {r: i for i, r in enumerate(self.peers)}
        self.pillars = list(pillars)
        self.levels = np.array(
            [[math.nan if levels[r].get(p) is None else levels[r][p] for p in self.pillars] for r in self.peers],
            dtype=float,
        ).reshape(len(self.peers), len(self.pillars))
        # every peer has every pillar (two at least): the cosines are one product
        self.complete = len(self.pillars) >= 2 and not np.isnan(self.levels).any()
        if self.complete:
            self.centred = self.levels - self.levels.mean(axis=1, keepdims=True)
            self.norms = np.sqrt((self.centred * self.centred).sum(axis=1))
        self.screened: dict[str, tuple[list[str], dict[str, list[str]]]] = {}  # region → prepared partner shortlists
        self.similar: dict[str, list[str]] = {}  # region → prepared sameness candidates

    def considered(self, region: str) -> int:
        """How many peers a region is compared with (every peer but itself)."""
        return len(self.peers) - (region in self.row)

    def names(self, mask: np.ndarray) -> list[list[str]]:
        """[R, N] mask → each row's peers (in peer order)."""
        rows, cols = np.nonzero(mask)
        peers, cols = self.peers, cols.tolist()
        cut = [0, *np.searchsorted(rows, np.arange(1, mask.shape[0])).tolist(), len(cols)]
        return [[peers[c] for c in cols[a:b]] for a, b in zip(cut, cut[1:], strict=False)]

    def others(self, region: str) -> np.ndarray:
        """Row mask of every peer but `region`."""
        mask = np.ones(len(self.peers), bool)
        if region in self.row:
            mask[self.row[region]] = False
        return mask

    def adjacent(self, neigh: set[str]) -> np.ndarray:
        mask = np.zeros(len(self.peers), bool)
        mask[[self.row[r] for r in neigh if r in self.row]] = True
        return mask

    def shortlist(self, approx: np.ndarray, keep: np.ndarray, n: int) -> list[str]:
        """Peers (where `keep`) whose approximate figure may be among the top `n` (every near tie kept;
        a non-finite figure means "decide exactly")."""
        idx = np.flatnonzero(keep & np.isfinite(approx))
        if idx.size > n:
            kth = np.partition(approx[idx], idx.size - n)[idx.size - n]
            idx = idx[approx[idx] >= kth - SCREEN_TOL * max(1.0, abs(kth))]
        undecided = np.flatnonzero(keep & ~np.isfinite(approx))  # left to the exact pass
        return [self.peers[i] for i in (*idx, *undecided)]

    def centred_cosines(self, own: Mapping[str, float | None]) -> np.ndarray:
        """profile_cosine of `own` with every peer (NaN where undefined), up to rounding."""
        a = np.array([math.nan if own.get(p) is None else own[p] for p in self.pillars], dtype=float)
        if self.complete and not np.isnan(a).any():
            return self._complete_cosines(a)
        both = ~np.isnan(self.levels) & ~np.isnan(a)[None]
        count = both.sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            va = np.where(both, a[None] - np.where(both, a[None], 0).sum(axis=1, keepdims=True) / count[:, None], 0)
            mb = np.where(both, self.levels, 0).sum(axis=1, keepdims=True) / count[:, None]
            vb = np.where(both, self.levels - mb, 0)
            na, nb = np.sqrt((va * va).sum(axis=1)), np.sqrt((vb * vb).sum(axis=1))
            cos = (va * vb).sum(axis=1) / (na * nb)
        flat = (na < 1e-12 + SCREEN_TOL) | (nb < 1e-12 + SCREEN_TOL)  # near the flat limit: decided exactly
        return np.where(count < 2, np.nan, np.where(flat, np.inf, cos))

    def _complete_cosines(self, a: np.ndarray) -> np.ndarray:
        """centred_cosines when no level is missing: the peers' centred rows are prepared once."""
        va = a - a.mean()
        na = math.sqrt(float(va @ va))
        with np.errstate(divide="ignore", invalid="ignore"):
            cos = (self.centred @ va) / (na * self.norms)
        flat = (na < 1e-12 + SCREEN_TOL) | (self.norms < 1e-12 + SCREEN_TOL)  # near the flat limit: decided exactly
        return np.where(flat, np.inf, cos)


def prepare_screens(
    matrix: PeerMatrix, targets: list[str], levels: Levels, framework: Framework,
    adjacency: Mapping[str, set[str]], config: AssessmentConfig,
) -> None:  # fmt: skip
    """Every target's partner shortlists and sameness candidates, screened a block of regions at a time
    (one [block, peers] array per figure): what find_partners and sameness screen region by region, for
    these levels, adjacency and config (the matrix's pillars are the framework's)."""
    pillars = matrix.pillars
    weights = np.array([framework.nodes[p].weight for p in pillars], dtype=float)
    for start in range(0, len(targets), SCREEN_BLOCK):
        block = targets[start : start + SCREEN_BLOCK]
        own = np.array(
            [[math.nan if levels[r].get(p) is None else levels[r][p] for p in pillars] for r in block], dtype=float
        ).reshape(len(block), len(pillars))
        others = np.ones((len(block), len(matrix.peers)), bool)
        adjacent = np.zeros_like(others)
        for i, r in enumerate(block):
            if r in matrix.row:
                others[i, matrix.row[r]] = False
            adjacent[i, [matrix.row[b] for b in adjacency.get(r, ()) if b in matrix.row]] = True
        _screen_partners(matrix, block, own, weights, others, adjacent, config)
        if matrix.complete:
            _screen_sameness(matrix, block, own, others, adjacent, config)


def _screen_partners(
    matrix: PeerMatrix, block: list[str], own: np.ndarray, weights: np.ndarray, others: np.ndarray,
    adjacent: np.ndarray, config: AssessmentConfig,
) -> None:  # fmt: skip
    """_shortlists for a block of regions: [block, peers, pillars] differences, one screen per figure."""
    factor = np.where(adjacent, config.adjacency_factor, 1.0)
    with np.errstate(invalid="ignore"):
        weak = own < config.partner_weak_below - EPS  # no level: not weak
        diff = matrix.levels[None] - own[:, None]  # [B, N, P]
        score = np.where(weak[:, None], weights * np.fmax(0.0, diff), 0.0).sum(axis=2) * factor
    n = config.partner_top_n
    overall = matrix.names(screen_rows(score, others & (score > 0), n))
    by_pillar: list[dict[str, list[str]]] = [{} for _ in block]
    if config.adjacency_factor >= 1.0:  # a pillar's top gains: among its top levels overall, or neighbours
        _pillar_tops(matrix, block, own, weak, adjacent, n, by_pillar)
    for j, p in enumerate(matrix.pillars if config.adjacency_factor < 1.0 else ()):
        rows = np.flatnonzero(weak[:, j])
        if rows.size:
            d = diff[rows, :, j]
            with np.errstate(invalid="ignore"):
                keep = others[rows] & (d > 0)
            names = matrix.names(screen_rows(weights[j] * d * factor[rows], keep, n))
            for i, peers in zip(rows.tolist(), names, strict=True):
                by_pillar[i][p] = peers
    for i, r in enumerate(block):
        matrix.screened[r] = (overall[i], by_pillar[i])


def _pillar_tops(
    matrix: PeerMatrix, block: list[str], own: np.ndarray, weak: np.ndarray, adjacent: np.ndarray, n: int,
    out: list[dict[str, list[str]]],
) -> None:  # fmt: skip
    """Per weak pillar: the peers above the region among the top n + 1 levels of the pool (near ties kept) and
    its stronger neighbours. With an adjacency factor ≥ 1 a peer outside both has n others (not the region)
    with a larger gain: it cannot be among the top n. O(n + neighbours) per region and pillar."""
    levels = matrix.levels
    for j, p in enumerate(matrix.pillars):
        col = levels[:, j]
        top = screen_rows(col[None], ~np.isnan(col)[None], n + 1)[0]
        for i in np.flatnonzero(weak[:, j]).tolist():
            cand = np.flatnonzero(top | adjacent[i])
            cand = cand[(col[cand] > own[i, j]) & (cand != matrix.row.get(block[i], -1))]
            out[i][p] = [matrix.peers[c] for c in cand.tolist()]


def _screen_sameness(
    matrix: PeerMatrix, block: list[str], own: np.ndarray, others: np.ndarray, adjacent: np.ndarray,
    config: AssessmentConfig,
) -> None:  # fmt: skip
    """sameness's candidates for the block's regions with every pillar level (one product for the block)."""
    rows = np.flatnonzero(~np.isnan(own).any(axis=1))
    if not rows.size:
        return
    va = own[rows] - own[rows].mean(axis=1, keepdims=True)
    na = np.sqrt((va * va).sum(axis=1))
    with np.errstate(divide="ignore", invalid="ignore"):
        cos = (va @ matrix.centred.T) / (na[:, None] * matrix.norms[None])
    flat = (na < 1e-12 + SCREEN_TOL)[:, None] | (matrix.norms < 1e-12 + SCREEN_TOL)[None]  # decided exactly
    cos = np.where(flat, np.inf, cos)
    keep, adj = others[rows] & ~np.isnan(cos), adjacent[rows]
    near = matrix.names(screen_rows(cos, keep & ~adj, config.sameness_show_top))
    for i, a, b in zip(rows.tolist(), near, matrix.names(keep & adj), strict=True):
        matrix.similar[block[i]] = a + b  # any neighbour may warn


def province_adjacency(regions: list[str] | tuple[str, ...]) -> dict[str, set[str]]:
    """Neighbours among `regions` from the shipped province table (names matched canonically)."""
    from ..model.regions import canonical_region_name, neighbours

    canon = {r: canonical_region_name(r) for r in regions}
    back: dict[str, str] = {c: r for r, c in canon.items() if c}
    out: dict[str, set[str]] = {}
    for r, c in canon.items():
        if c:
            out[r] = {back[n] for n in neighbours(c) if n in back}
    return out


def read_adjacency(path: str | Path) -> dict[str, set[str]]:
    """User-supplied adjacency (cities): `[adjacency]` table of name → list of neighbours; symmetric."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(
            [Problem("assess.adjacency.unreadable", {"error": exc.__class__.__name__}, file=p.name)]
        ) from None
    table = data.get("adjacency")
    if not isinstance(table, dict):
        raise InputError([Problem("assess.adjacency.no_table", {}, file=p.name)])
    out: dict[str, set[str]] = {}
    for a, ns in table.items():
        if not isinstance(ns, list) or not all(isinstance(n, str) for n in ns):
            raise InputError([Problem("assess.adjacency.not_list", {"region": a}, file=p.name, region=a)])
        for b in ns:
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    return out


def complementarity(
    target: Mapping[str, float | None],
    peer: Mapping[str, float | None],
    weights: Mapping[str, float],
    adjacent: bool,
    config: AssessmentConfig,
) -> tuple[float, dict[str, float]]:
    """(score with the adjacency factor, per weak pillar gain before the factor)."""
    gains: dict[str, float] = {}
    for p, la in target.items():
        lb = peer.get(p)
        if la is None or lb is None or la >= config.partner_weak_below - EPS:
            continue
        gains[p] = weights[p] * max(0.0, lb - la)
    total = sum(gains.values()) * (config.adjacency_factor if adjacent else 1.0)
    return total, gains


def _overall(
    region: str, levels: Levels, framework: Framework, neigh: set[str], config: AssessmentConfig, candidates: list[str]
) -> list[Partner]:
    weights = {p: framework.nodes[p].weight for p in framework.pillars}
    own = levels[region]
    out: list[Partner] = []
    for b in candidates:
        adj = b in neigh
        score, gains = complementarity(own, levels[b], weights, adj, config)
        if score <= 0:
            continue
        best = max(gains, key=lambda p: gains[p])
        reason = msg(
            "assess.partners.reason",
            peer=b,
            pillar=pillar_term(framework, best),
            peer_level=fmt(levels[b][best]),
            region=region,
            own_level=fmt(own[best]),
            diff=fmt(levels[b][best] - own[best]),
            score=fmt(score, 2),
            adjacent=msg("assess.partners.adjacent_factor", factor=format(config.adjacency_factor, "g")) if adj else "",
        )
        out.append(Partner(b, score, adj, gains, reason))
    out.sort(key=lambda x: (-x.score, x.peer))
    return out


def _for_pillar(
    p: str, region: str, levels: Levels, framework: Framework, neigh: set[str], config: AssessmentConfig,
    candidates: list[str], reference_name: str,
) -> tuple[PillarPartner, ...]:  # fmt: skip
    own = levels[region][p]
    weight = framework.nodes[p].weight
    items = []
    for b in candidates:
        lb = levels[b].get(p)
        if lb is None or lb <= own:
            continue
        adj = b in neigh
        gain = weight * (lb - own) * (config.adjacency_factor if adj else 1.0)
        reason = msg(
            "assess.partners.pillar_reason",
            region=region,
            pillar=pillar_term(framework, p),
            own_level=fmt_vs(own, 100.0),
            reference=place(reference_name),
            peer=b,
            peer_level=fmt(lb),
            diff=fmt(lb - own),
            adjacent=msg("assess.partners.adjacent") if adj else "",
        )
        items.append(PillarPartner(p, b, own, lb, gain, adj, reason, lb - own))
    items.sort(key=lambda x: (-x.gain, x.peer))
    return tuple(items[: config.partner_top_n])


def _shortlists(
    region: str, own: Mapping[str, float | None], weak: list[str], framework: Framework, neigh: set[str],
    config: AssessmentConfig, matrix: PeerMatrix,
) -> tuple[list[str], dict[str, list[str]]]:  # fmt: skip
    """The peers that can be top partners overall and per weak pillar (screened with numpy, ties kept)."""
    others = matrix.others(region)
    factor = np.where(matrix.adjacent(neigh), config.adjacency_factor, 1.0)
    cols = [matrix.pillars.index(p) for p in weak]
    weights = np.array([framework.nodes[p].weight for p in weak], dtype=float)
    a = np.array([own[p] for p in weak], dtype=float)
    diff = matrix.levels[:, cols] - a[None]  # [peers, weak]
    score = (weights[None] * np.fmax(0.0, diff)).sum(axis=1) * factor
    n = config.partner_top_n
    overall = matrix.shortlist(score, others & (score > 0), n)
    with np.errstate(invalid="ignore"):
        by_pillar = {p: matrix.shortlist(weights[j] * diff[:, j] * factor, others & (diff[:, j] > 0), n)
                     for j, p in enumerate(weak)}  # fmt: skip
    return overall, by_pillar


def find_partners(
    region: str,
    levels: Levels,
    framework: Framework,
    adjacency: Mapping[str, set[str]],
    config: AssessmentConfig,
    peers: list[str] | None = None,
    reference_name: str = NATION,
    matrix: PeerMatrix | None = None,
) -> Partners:
    """Top partners overall and the top N per weak pillar, each with its one-sentence reason.

    `matrix`: the peers' levels prepared once (PeerMatrix) when many regions are assessed; it
    replaces `peers`.
    """
    own = levels[region]
    if matrix is None:
        matrix = PeerMatrix(levels, framework.pillars, peers if peers is not None else list(levels))
    neigh = adjacency.get(region, set())
    weak = [p for p in framework.pillars if own.get(p) is not None and own[p] < config.partner_weak_below - EPS]
    prepared = matrix.screened.get(region)  # prepare_screens: the whole block's screen at once
    short, short_by_pillar = prepared or _shortlists(region, own, weak, framework, neigh, config, matrix)
    overall = _overall(region, levels, framework, neigh, config, short)
    by_pillar = {
        p: _for_pillar(p, region, levels, framework, neigh, config, short_by_pillar[p], reference_name) for p in weak
    }
    top = tuple(overall[: config.partner_top_n])
    considered = matrix.considered(region)
    if not weak:
        sentence = msg(
            "assess.partners.none_weak",
            region=region,
            reference=place(reference_name),
            threshold=f"{config.partner_weak_below:g}",
        )
    elif not overall:
        sentence = msg("assess.partners.none_stronger", region=region)
    else:
        items = [msg("assess.partners.item", peer=x.peer, score=fmt(x.score, 2)) for x in top]
        sentence = msg("assess.partners.top", items=items)
    return Partners(tuple(weak), top, by_pillar, considered, reference_name, sentence)


def profile_cosine(a: Mapping[str, float | None], b: Mapping[str, float | None]) -> float | None:
    """Cosine of the two pillar profiles centred on each region's own mean; None if either is flat."""
    keys = [k for k in a if a.get(k) is not None and b.get(k) is not None]
    if len(keys) < 2:
        return None
    dot, na, nb = _centred_terms([a[k] for k in keys], [b[k] for k in keys], math.sqrt)
    if na < 1e-12 or nb < 1e-12:
        return None
    return dot / (na * nb)


def _centred_terms(a: list, b: list, sqrt: Callable) -> tuple:
    """(Σ va·vb, |va|, |vb|) of two profiles centred on their own means, every sum Python's (0 + t0 + t1 …, left to
    right): the same floats whether the items of `b` are numbers or numpy columns (one per candidate)."""

    def total(terms: list):
        out = 0
        for t in terms:
            out = out + t
        return out

    n = len(a)
    ma, mb = total(a) / n, total(b) / n
    va, vb = [x - ma for x in a], [y - mb for y in b]
    dot = total([x * y for x, y in zip(va, vb, strict=True)])
    return dot, sqrt(total([x * x for x in va])), sqrt(total([y * y for y in vb]))


def _profile_cosines(own: Mapping[str, float | None], rows: np.ndarray) -> np.ndarray:
    """profile_cosine of a complete profile `own` with each complete row of `rows` [C, P] (pillars in `own`'s
    order), the same floats (one _centred_terms over the columns). NaN where profile_cosine gives None."""
    a = [own[k] for k in own]
    dot, na, nb = _centred_terms(a, [rows[:, j] for j in range(len(a))], np.sqrt)
    with np.errstate(divide="ignore", invalid="ignore"):
        cos = dot / (na * nb)
    return np.where((na < 1e-12) | (nb < 1e-12), np.nan, cos)


def _candidate_cosines(
    matrix: PeerMatrix, own: Mapping[str, float | None], candidates: list[str], levels: Levels
) -> list[float | None]:
    """profile_cosine of the region with each candidate: one vectorised pass when every profile is complete."""
    if matrix.complete and list(own) == list(matrix.pillars) and all(v is not None for v in own.values()):
        cos = _profile_cosines(own, matrix.levels[[matrix.row[b] for b in candidates]].reshape(-1, len(own)))
        return [None if math.isnan(c) else c for c in cos.tolist()]
    return [profile_cosine(own, levels[b]) for b in candidates]


def _sameness_reason(
    region: str, peer: str, cos: float, adj: bool, same_role: bool, warn: bool,
    roles: Mapping[str, str | None], config: AssessmentConfig,
) -> Message:  # fmt: skip
    threshold, cosine = f"{config.cosine_threshold:g}", fmt_vs(cos, config.cosine_threshold, 3)
    if warn:
        return msg(
            "assess.sameness.warning",
            region=region,
            peer=peer,
            cosine=cosine,
            threshold=threshold,
            role=config.term(roles[region]),
            name=config.term(config.sameness_name),
        )
    why = []
    if cos <= config.cosine_threshold:
        why.append(msg("assess.sameness.not_similar", cosine=cosine, threshold=threshold))
    if not adj:
        why.append(msg("assess.sameness.not_adjacent"))
    if not same_role:
        why.append(msg("assess.sameness.other_role"))
    return msg("assess.sameness.no_warning", region=region, peer=peer, cosine=cosine, why=why)


def sameness(
    region: str,
    levels: Levels,
    roles: Mapping[str, str | None],
    adjacency: Mapping[str, set[str]],
    config: AssessmentConfig,
    peers: list[str] | None = None,
    matrix: PeerMatrix | None = None,
) -> tuple[SamenessItem, ...]:
    """Warnings (neighbour, same role, cosine above the threshold) first, then the most similar peers.

    `matrix`: the peers' levels prepared once (PeerMatrix); it replaces `peers`.
    """
    if matrix is None:
        matrix = PeerMatrix(levels, list(levels[region]), peers if peers is not None else list(levels))
    neigh = adjacency.get(region, set())
    candidates = matrix.similar.get(region)  # prepare_screens: the whole block's screen at once
    if candidates is None:
        cos_all = matrix.centred_cosines(levels[region])
        keep = matrix.others(region) & ~np.isnan(cos_all)
        adjacent = matrix.adjacent(neigh)
        candidates = matrix.shortlist(cos_all, keep & ~adjacent, config.sameness_show_top)
        candidates += [matrix.peers[i] for i in np.flatnonzero(keep & adjacent)]  # any neighbour may warn
    found = []  # (peer, cosine, adjacent, same role, warning): reasons are written for the items shown only
    for b, cos in zip(candidates, _candidate_cosines(matrix, levels[region], candidates, levels), strict=True):
        if cos is None:
            continue
        adj = b in neigh
        same_role = roles.get(region) is not None and roles.get(region) == roles.get(b)
        found.append((b, cos, adj, same_role, adj and same_role and cos > config.cosine_threshold))
    warnings = sorted([f for f in found if f[4]], key=lambda f: (-f[1], f[0]))
    others = sorted([f for f in found if not f[4]], key=lambda f: (-f[1], f[0]))[: config.sameness_show_top]
    return tuple(SamenessItem(*f, _sameness_reason(region, *f, roles, config)) for f in warnings + others)
