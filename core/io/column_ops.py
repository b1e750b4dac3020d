"""Whole-table operations on Columns that loading does per observation for row tables: the same order,
the same first value kept, the same conflicts (see core.io.loading)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..kernel.problems import Problem
from ..model.observations import Columns, Observation, codes_of
from ..model.observations import key_codes as key_codes_of


def ranks(values: np.ndarray | tuple[np.ndarray, list]) -> np.ndarray:
    """Each entry's rank among the distinct values in Python's sort order (distinct values sorted once)."""
    codes, uniques = values if isinstance(values, tuple) else codes_of(values)
    order = sorted(range(len(uniques)), key=lambda i: uniques[i])
    rank = np.empty(len(uniques), dtype=np.int64)
    rank[order] = np.arange(len(uniques))
    return rank[np.asarray(codes, dtype=np.int64)]


def key_codes(c: Columns) -> np.ndarray:
    """(region, indicator, year) numbered in order of first appearance."""
    return key_codes_of(c.codes("region"), c.codes("indicator"), c.year)


def sorted_columns(c: Columns) -> Columns:
    """Ordered by region, indicator, year, file, sheet, row (loading._order), stable."""
    if not len(c):
        return c
    origin_file = np.array([(o.file or "") if o else "" for o in c.origins], dtype=object)
    origin_sheet = np.array([(o.sheet or "") if o else "" for o in c.origins], dtype=object)
    keys = (
        np.maximum(c.row, 0),
        ranks(origin_sheet)[c.origin],
        ranks(origin_file)[c.origin],
        c.year,
        ranks(c.codes("indicator")),
        ranks(c.codes("region")),
    )
    return c.take(np.lexsort(keys))


def first_per_key(c: Columns) -> Columns:
    """The first entry of each (region, indicator, year), in table order."""
    if not len(c):
        return c
    _, first = np.unique(key_codes(c), return_index=True)
    keep = np.zeros(len(c), bool)
    keep[first] = True
    return c.take(keep)


def conflicts(c: Columns, conflict: Callable[[Observation, Observation], Problem]) -> list[Problem]:
    """One problem per entry whose value differs (relative 1e-12, as same_value) from its key's first entry."""
    if not len(c):
        return []
    codes = key_codes(c)
    _, first = np.unique(codes, return_index=True)
    prev = first[codes]
    a, b = c.value[prev], c.value
    differs = np.abs(a - b) > 1e-12 * np.maximum(np.abs(a), np.abs(b))
    differs &= prev != np.arange(len(c))
    return [conflict(c.observation(int(prev[i])), c.observation(int(i))) for i in np.flatnonzero(differs)]
