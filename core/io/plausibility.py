"""Checks on one series (a region's indicator over the years) shared by templates and long format.

A percentage entered as a fraction (0.333 among 30s) is refused; a value over 5× (or under 1/5
of) the median of the series' other years is flagged; a percent series entirely between 0 and
1 in a format whose number formats cannot be seen (.xls/.ods, CSV) is flagged as probably
typed with a percent format.
"""

from __future__ import annotations

import statistics

from ..kernel.messages import Message, msg
from .numbers import format_number

OUTLIER_FACTOR = 5.0


def fraction_years(series: list[tuple[int, float]]) -> dict[int, Message]:
    """Years whose percentage looks entered as a fraction → the percent_as_fraction arguments as a message."""
    flagged: dict[int, Message] = {}
    for year, v in series:
        others = [o for y, o in series if y != year and o >= 1]
        if not (0 < v < 1 and others):
            continue
        m = statistics.median(others)
        if m >= 3 and m / 3 <= v * 100 <= m * 3:
            flagged[year] = msg(
                "percent_as_fraction", median=format_number(m), value=format_number(v), percent=format_number(v * 100)
            )
    return flagged


def outlier(v: float, others: list[float]) -> Message | None:
    """The value_outlier message when `v` is over 5× (or under 1/5 of) the median of `others` (≥ 2 of them)."""
    if len(others) < 2:
        return None
    m = statistics.median(others)
    if not (m > 0 and (v > OUTLIER_FACTOR * m or 0 < v < m / OUTLIER_FACTOR)):
        return None
    ratio = v / m
    how = (
        msg("value_outlier.above", median=format_number(m), ratio=f"{ratio:.1f}")
        if ratio > 1
        else msg("value_outlier.below", median=format_number(m), ratio=f"{ratio:.2f}")
    )
    return msg("value_outlier", value=format_number(v), how=how)


def all_fractions(series: list[tuple[int, float]]) -> bool:
    """Every value of a percent series lies in (0, 1): probably percent-formatted cells read without their format."""
    return len(series) >= 2 and all(0 < v < 1 for _, v in series)
