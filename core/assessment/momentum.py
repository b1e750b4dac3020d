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

from ..kernel.messages import Message, msg
from ..model.observations import NATION
from .model import NodeMomentum, fmt, fmt_vs, place


def _first_year(series: Mapping[int, float | None]) -> int | None:
    years = [y for y, v in sorted(series.items()) if v is not None and math.isfinite(v) and v > 0]
    return years[0] if years else None


def rebase(series: Mapping[int, float | None], base_year: int) -> dict[int, float | None]:
    """The series re-chained to 100 in `base_year`; years before it are dropped."""
    b = series.get(base_year)
    if b is None or not math.isfinite(b) or b <= 0:
        raise ValueError(f"no usable index value in {base_year}: the base year cannot be changed")
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


def momentum_value(
    region_series: Mapping[int, float | None], reference_series: Mapping[int, float | None], year: int
) -> float | None:
    """M of `node_momentum` alone (no sentence), for the scatter of every region."""
    return _chained(region_series, reference_series, year)[-1]


def _chained(region_series, reference_series, year: int):
    """(first years, common base, rebased?, E_region,T, E_reference,T, M); None where it stops being defined."""
    b_r, b_n = _first_year(region_series), _first_year(reference_series)
    if b_r is None or b_n is None:
        return b_r, b_n, None, False, None, None, None
    base = max(b_r, b_n)
    rebased = b_r != b_n or region_series.get(base) != 100.0 or reference_series.get(base) != 100.0
    reg = rebase(region_series, base) if rebased else region_series
    ref = rebase(reference_series, base) if rebased else reference_series
    e_r, e_n = reg.get(year), ref.get(year)
    if year <= base or e_r is None or e_n is None or e_n <= 0:
        return b_r, b_n, base, rebased, e_r, e_n, None
    return b_r, b_n, base, rebased, e_r, e_n, 100.0 * e_r / e_n


def node_momentum(
    region_series: Mapping[int, float | None],
    reference_series: Mapping[int, float | None],
    year: int,
    *,
    node: str = "total",
    label: Message | None = None,
    reference_name: str = NATION,
) -> NodeMomentum:
    """M and the growth gap of one node in `year`, rebasing to the later start when needed.

    `label` names the node's index in sentences (a term; default 总指数).
    """
    label = label or msg("assess.total")
    b_r, b_n, base, rebased, e_r, e_n, m = _chained(region_series, reference_series, year)
    if base is None:
        why = msg("assess.momentum.no_series", label=label)
        return NodeMomentum(node, label, None, year, None, None, None, None, None, None, False, why)
    if m is None:
        code = "assess.momentum.same_year" if year <= base else "assess.momentum.no_index"
        return NodeMomentum(node, label, base, year, e_r, e_n, None, None, None, None, rebased, msg(code, label=label))
    g_r, g_n = annual_growth(e_r, year - base), annual_growth(e_n, year - base)
    gap = (g_r - g_n) * 100.0 if g_r is not None and g_n is not None else None
    index = label if label.code == "assess.total" else msg("assess.index_of", label=label)
    pace = "faster" if m > 100 else ("slower" if m < 100 else "same")
    reason = msg(
        "assess.momentum.reason",
        base=base,
        year=year,
        label=index,
        e_region=fmt(e_r),
        e_reference=fmt(e_n),
        reference=place(reference_name),
        m=fmt_vs(m, 100.0),
        pace=msg(f"assess.momentum.{pace}", reference=place(reference_name)),
        g_region=fmt(None if g_r is None else g_r * 100, 2),
        g_reference=fmt(None if g_n is None else g_n * 100, 2),
        gap=fmt(gap, 2),
        rebased=msg("assess.momentum.rebased", base=base) if rebased and (b_r != b_n) else "",
    )
    return NodeMomentum(node, label, base, year, e_r, e_n, m, g_r, g_n, gap, rebased, reason)
