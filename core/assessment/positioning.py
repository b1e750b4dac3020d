"""Positioning (spec 02 §2.3–2.4): quadrant, functional role, strengths and short boards.

Quadrant: x = level L, y = momentum M, split at 100 / 100 (editable); a value equal to a split
counts as high. Role: spread = (max − min) / mean of the pillar levels; below the threshold
the region is balanced, otherwise the strongest pillar names its role (what to fuse). Short
boards: indicators ranked by score s_i, and the weakest pillar's gap decomposed as
(100 − s_i) × the indicator's effective overall weight — these contributions over all
indicators sum exactly to 100 − L_total.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..kernel.messages import Message, msg
from ..model.framework import ROOT, Framework
from ..model.observations import NATION
from .config import EPS, AssessmentConfig, term
from .level import indicator_term
from .model import BreakdownItem, LevelResult, Quadrant, RankedIndicator, Role, ShortBoards, fmt, fmt_vs, place


def quadrant(
    level: float | None,
    momentum: float | None,
    config: AssessmentConfig,
    *,
    node: str = ROOT,
    label: Message | None = None,
    reference: str = NATION,
) -> Quadrant:
    """The positioning quadrant of one node (`label`: the node as a term, default 总指数) against `reference`."""
    label = label or msg("assess.total")
    sl, sm = config.split_level, config.split_momentum
    if level is None or momentum is None:
        missing = msg("assess.term.level" if level is None else "assess.term.momentum")
        return Quadrant(
            node,
            label,
            level,
            momentum,
            sl,
            sm,
            None,
            msg("assess.quadrant.none", label=label, missing=missing),
            reference=reference,
        )
    hi_l, hi_m = level >= sl - EPS, momentum >= sm - EPS
    name = config.quadrant_names[(hi_l, hi_m)]
    reason = msg(
        "assess.quadrant.reason",
        label=label,
        level=fmt_vs(level, sl),
        cmp_l="≥" if hi_l else "<",
        split_l=f"{sl:g}",
        momentum=fmt_vs(momentum, sm),
        cmp_m="≥" if hi_m else "<",
        split_m=f"{sm:g}",
        name=config.term(name),
    )
    margin = min(level - sl, momentum - sm, key=abs)
    return Quadrant(node, label, level, momentum, sl, sm, name, reason, margin=margin, reference=reference)


def pillar_term(framework: Framework, code: str) -> Message:
    """A node's name (no code) in either language."""
    node = framework.nodes[code]
    return term(node.name_zh, node.name_en)


def functional_role(
    pillar_levels: Mapping[str, float | None], config: AssessmentConfig, framework: Framework, reference: str = NATION
) -> Role:
    """均衡协同型 when the pillars are close, else the role of the strongest pillar (levels against `reference`)."""
    return replace(_role(pillar_levels, config, framework), reference=reference)


def _role(pillar_levels: Mapping[str, float | None], config: AssessmentConfig, framework: Framework) -> Role:
    known = {p: v for p, v in pillar_levels.items() if v is not None}
    levels = dict(pillar_levels)
    if len(known) < 2:
        return Role(levels, None, config.balanced_spread, None, None, "", msg("assess.role.too_few"))
    hi, lo = max(known.values()), min(known.values())
    mean = sum(known.values()) / len(known)
    spread = (hi - lo) / mean if mean > 0 else None
    levels_txt = [
        msg("assess.role.pillar_level", pillar=pillar_term(framework, p), level=fmt(v)) for p, v in known.items()
    ]
    if spread is None:
        return Role(
            levels, None, config.balanced_spread, None, None, "", msg("assess.role.zero_mean", levels=levels_txt)
        )
    threshold = f"{config.balanced_spread:g}"
    ordered = sorted(known.values(), reverse=True)
    margin, lead = spread - config.balanced_spread, ordered[0] - ordered[1]
    if spread < config.balanced_spread - EPS:
        reason = msg(
            "assess.role.balanced",
            levels=levels_txt,
            hi=fmt(hi),
            lo=fmt(lo),
            mean=fmt(mean),
            spread=fmt_vs(spread, config.balanced_spread, 3),
            threshold=threshold,
            name=config.term(config.balanced_name),
        )
        name, desc = config.balanced_name, config.balanced_description
        return Role(levels, spread, config.balanced_spread, None, name, desc, reason, margin, lead, mean)
    strongest = next(p for p, v in known.items() if v == hi)  # first in framework order on ties
    name, desc = config.roles.get(strongest, (framework.nodes[strongest].name_zh, ""))
    reason = msg(
        "assess.role.strongest",
        levels=levels_txt,
        spread=fmt_vs(spread, config.balanced_spread, 3),
        threshold=threshold,
        pillar=pillar_term(framework, strongest),
        hi=fmt(hi),
        lead=fmt(lead, 2),
        name=config.term(name),
        description=config.term(desc),
    )
    return Role(levels, spread, config.balanced_spread, strongest, name, desc, reason, margin, lead, mean)


def _breakdown(
    level: LevelResult, framework: Framework, weakest: str, ranked: list[RankedIndicator]
) -> list[BreakdownItem]:
    contrib = {r.code: r for r in ranked}
    out = []
    for sub in framework.children(weakest):
        inds = tuple(contrib[c] for c in framework.leaves_under(sub) if c in contrib)
        sub_level = None if level.nodes.get(sub) is None else round(level.nodes[sub], 4)
        out.append(
            BreakdownItem(
                sub, framework.nodes[sub].name_zh, sub_level, round(sum(r.gap_contribution for r in inds), 4), inds
            )
        )
    out.sort(key=lambda b: -b.gap_contribution)
    return out


def short_boards(level: LevelResult, framework: Framework, config: AssessmentConfig) -> ShortBoards:
    """Top and bottom indicators by score, and the weakest pillar's gap decomposition."""
    scored = [s for s in level.indicators if s.score is not None]
    ranked = [
        RankedIndicator(s.code, s.name, s.score, (100.0 - s.score) * s.weight, indicator_term(framework, s.code),
                        margin=s.score - 100.0)
        for s in scored
    ]  # fmt: skip
    by_score = sorted(ranked, key=lambda r: (-r.score, framework.leaves.index(r.code)))
    n, ref = config.top_n, level.reference
    above = [r for r in by_score if r.score >= 100.0 - EPS]  # strengths: at or above the reference (100)
    below = [r for r in reversed(by_score) if r.score < 100.0 - EPS]  # short boards: below it, weakest first
    strengths = tuple((above or by_score)[:n])
    weaknesses = tuple((below or list(reversed(by_score)))[:n])
    relative = {"strengths_relative": not above and bool(by_score), "weaknesses_relative": not below and bool(by_score)}
    pillars = {p: level.nodes.get(p) for p in framework.pillars if level.nodes.get(p) is not None}
    if not pillars:
        return ShortBoards(strengths, weaknesses, None, None, (), msg("assess.boards.no_pillar"), **relative,
                           reference=ref)  # fmt: skip
    weakest = min(pillars, key=lambda p: (pillars[p], framework.pillars.index(p)))
    breakdown = _breakdown(level, framework, weakest, ranked)
    worst = breakdown[0] if breakdown else None
    detail = ""
    if worst is not None:
        detail = msg(
            "assess.boards.pulls_down" if worst.gap_contribution >= 0 else "assess.boards.lifts",
            sub=term(f"{worst.code} {worst.name}", framework.label(worst.code, "en")),
            level=fmt_vs(worst.level, 100.0),
            points=fmt(abs(worst.gap_contribution), 2),
            reference=place(ref),
        )
    reason = msg(
        "assess.boards.reason",
        pillar=pillar_term(framework, weakest),
        level=fmt_vs(pillars[weakest], 100.0),
        detail=detail,
        reference=place(ref),
    )
    return ShortBoards(strengths, weaknesses, weakest, pillars[weakest], tuple(breakdown), reason, **relative,
                       reference=ref)  # fmt: skip
