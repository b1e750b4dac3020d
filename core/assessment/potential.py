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
from dataclasses import dataclass

from ..kernel.messages import Message, msg
from ..model.framework import Framework
from .config import AssessmentConfig, band_of
from .coupling import balanced_d
from .model import Coupling, IndustryPotential, IndustrySummary, Potential, Raise, fmt, fmt_vs


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


@dataclass(frozen=True)
class _Trend:
    level_h: float | None = None
    group_now: str | None = None
    group_h: str | None = None
    shift: int | None = None


def _trend(level, g_region, g_reference, year: int, config: AssessmentConfig) -> _Trend:
    if level is None:
        return _Trend()
    pos_now, band_now = band_of(level, config.groups)
    if g_region is None or g_reference is None or config.horizon_year < year:
        return _Trend(group_now=band_now.name)
    level_h = trend_projection(level, g_region, g_reference, year, config.horizon_year)
    pos_h, band_h = band_of(level_h, config.groups)
    return _Trend(level_h, band_now.name, band_h.name, pos_h - pos_now)


def _coordination(coupling: Coupling) -> tuple[float | None, float | None, str | None]:
    """(D if the lagging side caught up, the rise in D, the lagging side)."""
    if coupling.d is None:
        return None, None, None
    d_bal = balanced_d(coupling.science_level, coupling.industry_level)
    lagging = None
    if coupling.science_level < coupling.industry_level:
        lagging = "science"
    elif coupling.industry_level < coupling.science_level:
        lagging = "industry"
    return d_bal, d_bal - coupling.d, lagging


def _industry_summary(industries: tuple[IndustryPotential, ...]) -> IndustrySummary:
    if not industries:
        return IndustrySummary(0)
    by_q: dict[str, int] = {}
    for i in industries:
        if i.quadrant:
            by_q[i.quadrant] = by_q.get(i.quadrant, 0) + 1
    mean = round(sum(i.potential for i in industries) / len(industries), 4)
    return IndustrySummary(len(industries), mean, by_q, tuple(i.industry for i in industries[:3]))


def _grade(level, trend: _Trend, momentum, rise, coord_rise, config: AssessmentConfig) -> tuple[str | None, Message]:
    """The potential grade and the sentence that explains it."""
    shift = trend.shift
    if momentum is None and shift is None:
        return None, msg("assess.potential.none")
    high = (shift is not None and shift >= 1) or (momentum is not None and momentum >= config.high_momentum)
    low = momentum is not None and momentum < config.low_momentum and shift is not None and shift < 0
    names = config.potential_names
    grade = names["high"] if high else (names["low"] if low else names["medium"])
    if trend.level_h is not None:
        trend_txt = msg(
            "assess.potential.trend",
            horizon=config.horizon_year,
            level_h=fmt(trend.level_h),
            group_h=config.term(trend.group_h),
            level=fmt(level),
            group_now=config.term(trend.group_now),
        )
    else:
        trend_txt = msg("assess.potential.no_trend")
    hi_m, lo_m = f"{config.high_momentum:g}", f"{config.low_momentum:g}"
    m_hi, m_lo = fmt_vs(momentum, config.high_momentum), fmt_vs(momentum, config.low_momentum)
    if high:
        shifted = shift is not None and shift >= 1
        cond = msg("assess.potential.cond_shift") if shifted else msg("assess.potential.cond_high", m=m_hi, high=hi_m)
    elif low:
        cond = msg("assess.potential.cond_low", m=m_lo, low=lo_m)
    else:
        cond = msg("assess.potential.cond_medium", m=m_hi, high=hi_m)
    board = msg("assess.potential.board", rise=fmt(rise)) if rise is not None and rise > 0 else ""
    coord = msg("assess.potential.coord", rise=fmt(coord_rise, 3)) if coord_rise is not None and coord_rise > 0 else ""
    reason = msg(
        "assess.potential.reason", trend=trend_txt, cond=cond, grade=config.term(grade), board=board, coord=coord
    )
    return grade, reason


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
    trend = _trend(level, g_region, g_reference, year, config)
    weights = {p: framework.nodes[p].weight for p in framework.pillars}
    mean, raised, after, rise = short_board_headroom(pillar_levels, weights)
    d_bal, coord_rise, lagging = _coordination(coupling)
    grade, reason = _grade(level, trend, momentum, rise, coord_rise, config)
    return Potential(
        level,
        year,
        config.horizon_year,
        g_region,
        g_reference,
        trend.level_h,
        trend.group_now,
        trend.group_h,
        trend.shift,
        momentum,
        mean,
        {p: Raise(a, b) for p, (a, b) in raised.items()},
        after,
        rise,
        coupling.d,
        d_bal,
        coord_rise,
        lagging,
        _industry_summary(industries),
        grade,
        reason,
    )
