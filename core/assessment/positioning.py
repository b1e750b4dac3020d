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

from ..model.framework import ROOT, Framework
from .config import EPS, AssessmentConfig
from .model import LevelResult, Quadrant, RankedIndicator, Role, ShortBoards, fmt


def quadrant(
    level: float | None, momentum: float | None, config: AssessmentConfig, *, node: str = ROOT, label: str = "总指数"
) -> Quadrant:
    """The positioning quadrant of one node."""
    sl, sm = config.split_level, config.split_momentum
    if level is None or momentum is None:
        missing = "融合水平" if level is None else "融合势能"
        return Quadrant(node, label, level, momentum, sl, sm, None, f"{label}缺少{missing}，无法确定定位象限。")
    hi_l, hi_m = level >= sl - EPS, momentum >= sm - EPS
    name = config.quadrant_names[(hi_l, hi_m)]
    reason = (
        f"{label}融合水平 {fmt(level)} {'≥' if hi_l else '<'} {sl:g}，融合势能 {fmt(momentum)} {'≥' if hi_m else '<'} {sm:g}，"
        f"位于{name}象限。"
    )
    return Quadrant(node, label, level, momentum, sl, sm, name, reason)


def functional_role(pillar_levels: Mapping[str, float | None], config: AssessmentConfig, framework: Framework) -> Role:
    """均衡协同型 when the pillars are close, else the role of the strongest pillar."""
    known = {p: v for p, v in pillar_levels.items() if v is not None}
    if len(known) < 2:
        return Role(
            dict(pillar_levels),
            None,
            config.balanced_spread,
            None,
            None,
            "",
            "可计算的一级指标不足两个，无法判断功能定位。",
        )
    hi, lo = max(known.values()), min(known.values())
    mean = sum(known.values()) / len(known)
    spread = (hi - lo) / mean if mean > 0 else None
    levels_txt = "、".join(f"{framework.nodes[p].name_zh} {fmt(v)}" for p, v in known.items())
    if spread is None:
        return Role(
            dict(pillar_levels),
            None,
            config.balanced_spread,
            None,
            None,
            "",
            f"一级指标水平均值为 0（{levels_txt}），无法判断功能定位。",
        )
    if spread < config.balanced_spread - EPS:
        reason = (
            f"四个一级指标水平为 {levels_txt}，离散度 (最高 − 最低) / 均值 = ({fmt(hi)} − {fmt(lo)}) / {fmt(mean)} = "
            f"{fmt(spread, 3)}，低于 {config.balanced_spread:g}，定位为{config.balanced_name}。"
        )
        return Role(
            dict(pillar_levels),
            spread,
            config.balanced_spread,
            None,
            config.balanced_name,
            config.balanced_description,
            reason,
        )
    strongest = next(p for p, v in known.items() if v == hi)  # first in framework order on ties
    name, desc = config.roles.get(strongest, (framework.nodes[strongest].name_zh, ""))
    reason = (
        f"四个一级指标水平为 {levels_txt}，离散度 {fmt(spread, 3)} ≥ {config.balanced_spread:g}，"
        f"最强的是{framework.nodes[strongest].name_zh}（{fmt(hi)}），定位为{name}：{desc}。"
    )
    return Role(dict(pillar_levels), spread, config.balanced_spread, strongest, name, desc, reason)


def short_boards(level: LevelResult, framework: Framework, config: AssessmentConfig) -> ShortBoards:
    """Top and bottom indicators by score, and the weakest pillar's gap decomposition."""
    scored = [s for s in level.indicators if s.score is not None]
    ranked = [RankedIndicator(s.code, s.name, s.score, (100.0 - s.score) * s.weight) for s in scored]
    by_score = sorted(ranked, key=lambda r: (-r.score, framework.leaves.index(r.code)))
    n = config.top_n
    strengths = tuple(by_score[:n])
    weaknesses = tuple(sorted(ranked, key=lambda r: (r.score, framework.leaves.index(r.code)))[:n])
    pillars = {p: level.nodes.get(p) for p in framework.pillars if level.nodes.get(p) is not None}
    if not pillars:
        return ShortBoards(strengths, weaknesses, None, None, (), "没有可计算的一级指标。")
    weakest = min(pillars, key=lambda p: (pillars[p], framework.pillars.index(p)))
    contrib = {r.code: r for r in ranked}
    breakdown = []
    for sub in framework.children(weakest):
        inds = [contrib[c] for c in framework.leaves_under(sub) if c in contrib]
        breakdown.append(
            {
                "code": sub,
                "name": framework.nodes[sub].name_zh,
                "level": None if level.nodes.get(sub) is None else round(level.nodes[sub], 4),
                "gap_contribution": round(sum(r.gap_contribution for r in inds), 4),
                "indicators": [r.to_dict() for r in inds],
            }
        )
    breakdown.sort(key=lambda b: -b["gap_contribution"])
    worst = breakdown[0] if breakdown else None
    reason = f"最弱的一级指标是{framework.nodes[weakest].name_zh}（{fmt(pillars[weakest])}）"
    if worst is not None:
        verb = "拉低" if worst["gap_contribution"] >= 0 else "抬高"
        reason += f"，其中 {worst['code']} {worst['name']}（{fmt(worst['level'])}）{verb}总水平 {fmt(abs(worst['gap_contribution']), 2)} 点"
    reason += "。"
    return ShortBoards(strengths, weaknesses, weakest, pillars[weakest], tuple(breakdown), reason)
