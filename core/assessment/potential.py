"""Fusion potential (融合潜力, spec 02 §2.6): shown as parts, each with its numbers, then a grade.

1. Trend: L_H = L_T × ((1 + g_region) / (1 + g_nation))^(H − T), H = 2030 (end of the 15th
   Five-Year Plan), and the group it lands in.
2. Short-board headroom: rise in L_total if every pillar below the region's own pillar mean
   were raised to that mean (pillar weights as in the level).
3. Coordination headroom: rise in D if the lagging side reached the leading side.
4. Leading industries (optional, §2.7): count and mean potential, not part of the grade.

Grade: high if L_H lands at least one group higher or M ≥ 110; low if M < 95 and L_H lands in
a lower group than today; otherwise medium (thresholds from the config).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model.framework import Framework
from .config import AssessmentConfig, band_of
from .coupling import balanced_d
from .model import Coupling, IndustryPotential, Potential, fmt


def trend_projection(level: float, g_region: float, g_reference: float, year: int, horizon: int) -> float:
    """L_H = L_T × ((1 + g_region) / (1 + g_reference))^(H − T)."""
    return level * ((1.0 + g_region) / (1.0 + g_reference)) ** (horizon - year)


def short_board_headroom(
    pillar_levels: Mapping[str, float | None], pillar_weights: Mapping[str, float]
) -> tuple[float | None, dict[str, tuple[float, float]], float | None, float | None]:
    """(pillar mean, raised pillars {p: (from, to)}, L after, rise) — weights renormalised over known pillars."""
    known = {p: v for p, v in pillar_levels.items() if v is not None}
    if not known:
        return None, {}, None, None
    mean = sum(known.values()) / len(known)
    wsum = sum(pillar_weights[p] for p in known)
    before = sum(pillar_weights[p] * v for p, v in known.items()) / wsum
    raised = {p: (v, mean) for p, v in known.items() if v < mean}
    after = sum(pillar_weights[p] * max(v, mean) for p, v in known.items()) / wsum
    return mean, raised, after, after - before


def assess_potential(
    level: float | None,
    pillar_levels: Mapping[str, float | None],
    framework: Framework,
    coupling: Coupling,
    momentum: float | None,
    g_region: float | None,
    g_reference: float | None,
    year: int,
    config: AssessmentConfig,
    industries: tuple[IndustryPotential, ...] = (),
) -> Potential:
    horizon = config.horizon_year
    names = config.potential_names
    level_h = group_now = group_h = shift = None
    if level is not None:
        pos_now, band_now = band_of(level, config.groups)
        group_now = band_now.name
        if g_region is not None and g_reference is not None and horizon >= year:
            level_h = trend_projection(level, g_region, g_reference, year, horizon)
            pos_h, band_h = band_of(level_h, config.groups)
            group_h, shift = band_h.name, pos_h - pos_now
    weights = {p: framework.nodes[p].weight for p in framework.pillars}
    mean, raised, after, rise = short_board_headroom(pillar_levels, weights)
    d_bal = coord_rise = lagging = None
    if coupling.d is not None:
        d_bal = balanced_d(coupling.science_level, coupling.industry_level)
        coord_rise = d_bal - coupling.d
        if coupling.science_level < coupling.industry_level:
            lagging = "science"
        elif coupling.industry_level < coupling.science_level:
            lagging = "industry"
    ind_summary: dict[str, object] = {"count": len(industries)}
    if industries:
        ind_summary["mean_potential"] = round(sum(i.potential for i in industries) / len(industries), 4)
        by_q: dict[str, int] = {}
        for i in industries:
            if i.quadrant:
                by_q[i.quadrant] = by_q.get(i.quadrant, 0) + 1
        ind_summary["by_quadrant"] = by_q
        ind_summary["top"] = [i.industry for i in industries[:3]]

    # grade
    grade = None
    why = ""
    if momentum is None and shift is None:
        why = "缺少融合势能和趋势外推，无法评定潜力等级。"
    else:
        high = (shift is not None and shift >= 1) or (momentum is not None and momentum >= config.high_momentum)
        low = momentum is not None and momentum < config.low_momentum and shift is not None and shift < 0
        grade = names["high"] if high else (names["low"] if low else names["medium"])
        trend_txt = (
            f"若保持当前势能，{horizon} 年融合水平将达 {fmt(level_h)}（{group_h}，当前 {fmt(level)}，{group_now}）"
            if level_h is not None
            else "无法做趋势外推"
        )
        if high:
            cond = (
                "分组至少上升一级"
                if shift is not None and shift >= 1
                else f"融合势能 {fmt(momentum)} ≥ {config.high_momentum:g}"
            )
        elif low:
            cond = f"融合势能 {fmt(momentum)} < {config.low_momentum:g} 且分组下降"
        else:
            cond = f"分组未上升且融合势能 {fmt(momentum)} 低于 {config.high_momentum:g}，又未同时满足低潜力条件"
        why = f"{trend_txt}；{cond}，评为{grade}。"
        if rise is not None and rise > 0:
            why += f"补齐低于自身均值的一级指标可使总水平提高 {fmt(rise)} 点；"
        if coord_rise is not None and coord_rise > 0:
            why += f"滞后一侧追上领先一侧可使耦合协调度提高 {fmt(coord_rise, 3)}。"
    return Potential(
        level,
        year,
        horizon,
        g_region,
        g_reference,
        level_h,
        group_now,
        group_h,
        shift,
        momentum,
        mean,
        raised,
        after,
        rise,
        coupling.d,
        d_bal,
        coord_rise,
        lagging,
        ind_summary,
        grade,
        why,
    )
