"""Momentum (融合势能, spec 02 §2.2): how much faster the region fused than the reference.

With both indices chained from the same base year:

    M = 100 × E_region,T / E_reference,T
    g = (E_T / 100)^(1 / (T − base)) − 1          annual growth; gap = (g_region − g_reference) × 100 pp

If the two series start in different years, both are rebased to the later start
(E'_t = 100 × E_t / E_base'), so like is compared with like.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from .model import NodeMomentum, fmt


def _first_year(series: Mapping[int, float | None]) -> int | None:
    years = [y for y, v in sorted(series.items()) if v is not None and math.isfinite(v) and v > 0]
    return years[0] if years else None


def rebase(series: Mapping[int, float | None], base_year: int) -> dict[int, float | None]:
    """The series re-chained to 100 in `base_year`; years before it are dropped."""
    b = series.get(base_year)
    if b is None or not math.isfinite(b) or b <= 0:
        raise ValueError(f"{base_year} 年没有可用的指数值，无法改变基期")
    return {
        y: (None if v is None or not math.isfinite(v) else 100.0 * v / b)
        for y, v in sorted(series.items())
        if y >= base_year
    }


def annual_growth(e_t: float | None, years: int) -> float | None:
    """g = (E_T / 100)^(1/years) − 1; None when undefined (no years elapsed, missing or non-positive index)."""
    if e_t is None or not math.isfinite(e_t) or e_t <= 0 or years <= 0:
        return None
    return (e_t / 100.0) ** (1.0 / years) - 1.0


def node_momentum(
    region_series: Mapping[int, float | None],
    reference_series: Mapping[int, float | None],
    year: int,
    *,
    node: str = "total",
    label: str = "总指数",
    reference_name: str = "全国",
) -> NodeMomentum:
    """M and the growth gap of one node in `year`, rebasing to the later start when needed."""
    b_r, b_n = _first_year(region_series), _first_year(reference_series)
    if b_r is None or b_n is None:
        return NodeMomentum(
            node,
            label,
            None,
            year,
            None,
            None,
            None,
            None,
            None,
            None,
            False,
            f"{label}缺少可用的指数序列，无法计算融合势能。",
        )
    base = max(b_r, b_n)
    rebased = b_r != b_n or region_series.get(base) != 100.0 or reference_series.get(base) != 100.0
    reg = rebase(region_series, base) if rebased else dict(region_series)
    ref = rebase(reference_series, base) if rebased else dict(reference_series)
    e_r, e_n = reg.get(year), ref.get(year)
    if year <= base or e_r is None or e_n is None or e_n <= 0:
        why = "评估年与基期相同" if year <= base else "评估年的指数无法计算"
        return NodeMomentum(
            node, label, base, year, e_r, e_n, None, None, None, None, rebased, f"{label}{why}，无法计算融合势能。"
        )
    m = 100.0 * e_r / e_n
    g_r, g_n = annual_growth(e_r, year - base), annual_growth(e_n, year - base)
    gap = (g_r - g_n) * 100.0 if g_r is not None and g_n is not None else None
    idx = label if label.endswith("指数") else f"{label}指数"
    faster = "快于" if m > 100 else ("慢于" if m < 100 else "等同于")
    reason = (
        f"以 {base} 年为基期，{year} 年{idx}为 {fmt(e_r)}，{reference_name}为 {fmt(e_n)}，"
        f"融合势能 M = 100 × {fmt(e_r)} / {fmt(e_n)} = {fmt(m)}，融合速度{faster}{reference_name}；"
        f"年均增速 {fmt(None if g_r is None else g_r * 100, 2)}% 对 {fmt(None if g_n is None else g_n * 100, 2)}%，"
        f"相差 {fmt(gap, 2)} 个百分点。"
    )
    if rebased and (b_r != b_n):
        reason += f"（两序列基期不同，已统一改以 {base} 年为基期。）"
    return NodeMomentum(node, label, base, year, e_r, e_n, m, g_r, g_n, gap, rebased, reason)
