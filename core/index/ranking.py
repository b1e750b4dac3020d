"""Ranks of regions: 1 = highest, ties share the best rank, NaN ranks last, the nation is not ranked.

By sorting, O(n log n) per row: Monte Carlo ranks 1,000 draws × 3,000 regions without
building an n × n comparison.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..model.observations import NATION


def ranked_mask(regions: Sequence[str]) -> np.ndarray:
    """Which regions take part in a ranking: every one except the nation (全国), everywhere alike."""
    return np.array([r != NATION for r in regions], dtype=bool)


def ranks(values: np.ndarray, ranked: np.ndarray | None = None) -> np.ndarray:
    """Rank along the last axis (competition ranking: 1, 2, 2, 4).

    `ranked` (a mask over the last axis, see `ranked_mask`): entries outside it get rank 0 and
    take no place from the others.
    """
    if ranked is not None and not ranked.all():
        out = np.zeros(values.shape, dtype=int)
        out[..., ranked] = ranks(values[..., ranked])
        return out
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
