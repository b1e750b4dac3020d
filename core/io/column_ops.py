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


KEY = "(region, indicator, year)"  # the Columns.cache entry (core.io.columnar fills it when it knows the keys)


def key_codes(c: Columns) -> np.ndarray:
    """A code per entry, equal for equal (region, indicator, year): kept in the Columns' cache."""
    if KEY not in c.cache:
        c.cache[KEY] = (key_codes_of(c.codes("region"), c.codes("indicator"), c.year), [])
    return c.cache[KEY][0]


def _all_distinct(codes: np.ndarray) -> bool:
    return not len(codes) or int(np.bincount(codes).max()) <= 1


def sorted_columns(c: Columns) -> Columns:
    """Ordered by region, indicator, year, file, sheet, row (loading._order), stable."""
    if not len(c):
        return c
    keys = (c.year, ranks(c.codes("indicator")), ranks(c.codes("region")))
    order = _distinct_order(keys)
    if order is not None:  # each key once: file, sheet and row never decide (not computed)
        return c.take(order)
    origin_file = np.array([(o.file or "") if o else "" for o in c.origins], dtype=object)
    origin_sheet = np.array([(o.sheet or "") if o else "" for o in c.origins], dtype=object)
    ties = (np.maximum(c.row, 0), ranks(origin_sheet)[c.origin], ranks(origin_file)[c.origin])
    return c.take(_lexsort(ties + keys))


def _distinct_order(keys: tuple[np.ndarray, ...]) -> np.ndarray | None:
    """np.lexsort(keys) in one linear pass when the keys combine into distinct integers of a dense range
    (each (region, indicator, year) once: the keys after them never decide), else None."""
    combined = np.zeros(len(keys[0]), dtype=np.int64)
    span = 1
    for k in reversed(keys):
        low, high = int(k.min()), int(k.max())
        span *= high - low + 1
        if span > 4 * len(combined) + 1024:
            return None
        combined *= high - low + 1
        combined += k - low
    slots = np.full(span, -1, dtype=np.int64)
    slots[combined] = np.arange(len(combined))
    order = slots[slots >= 0]
    return order if len(order) == len(combined) else None


def _lexsort(keys: tuple[np.ndarray, ...]) -> np.ndarray:
    """np.lexsort(keys) (last key primary, stable): one stable sort of a combined integer key when
    the keys' ranges multiply to less than 2**62, else np.lexsort itself."""
    combined = np.zeros(len(keys[0]), dtype=np.int64)
    span = 1
    for k in reversed(keys):
        low, high = int(k.min()), int(k.max())
        span *= high - low + 1
        if span >= 2**62:
            return np.lexsort(keys)
        combined *= high - low + 1
        combined += k - low
    return np.argsort(combined, kind="stable")


def first_per_key(c: Columns) -> Columns:
    """The first entry of each (region, indicator, year), in table order."""
    codes = key_codes(c)
    if _all_distinct(codes):
        return c
    _, first = np.unique(codes, return_index=True)
    keep = np.zeros(len(c), bool)
    keep[first] = True
    return c.take(keep)


def conflicts(c: Columns, conflict: Callable[[Observation, Observation], Problem]) -> list[Problem]:
    """One problem per entry whose value differs (relative 1e-12, as same_value) from its key's first entry."""
    codes = key_codes(c)
    if _all_distinct(codes):
        return []
    _, first = np.unique(codes, return_index=True)
    prev = first[codes]
    a, b = c.value[prev], c.value
    differs = np.abs(a - b) > 1e-12 * np.maximum(np.abs(a), np.abs(b))
    differs &= prev != np.arange(len(c))
    return [conflict(c.observation(int(prev[i])), c.observation(int(i))) for i in np.flatnonzero(differs)]
