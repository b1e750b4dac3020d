"""Ranks of regions: 1 = highest, ties share the best rank, NaN ranks last.

By sorting, O(n log n) per row: Monte Carlo ranks 1,000 draws × 3,000 regions without
building an n × n comparison.
"""

from __future__ import annotations

import numpy as np


def ranks(values: np.ndarray) -> np.ndarray:
    """Rank along the last axis (competition ranking: 1, 2, 2, 4)."""
    v = np.where(np.isnan(values), -np.inf, values)
    order = np.argsort(-v, axis=-1, kind="stable")
    ordered = np.take_along_axis(v, order, axis=-1)  # descending
    position = np.broadcast_to(np.arange(v.shape[-1]), v.shape)
    starts = np.ones(v.shape, dtype=bool)
    starts[..., 1:] = ordered[..., 1:] != ordered[..., :-1]
    first = np.maximum.accumulate(np.where(starts, position, 0), axis=-1)  # where each tie group begins
    out = np.empty(v.shape, dtype=int)
    np.put_along_axis(out, order, first + 1, axis=-1)
    return out
