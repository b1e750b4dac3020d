"""Ranks by sorting equal ranks by pairwise comparison, with ties and NaN."""

from __future__ import annotations

import numpy as np

from core.index.ranking import ranks


def _pairwise(values):
    v = np.where(np.isnan(values), -np.inf, values)
    return (v[..., None, :] > v[..., :, None]).sum(axis=-1) + 1


def test_ranks_equal_the_pairwise_definition():
    rng = np.random.default_rng(5)
    v = rng.integers(0, 6, size=(50, 3, 17)).astype(float)  # many ties
    v[rng.random(v.shape) < 0.1] = np.nan
    assert np.array_equal(ranks(v), _pairwise(v))


def test_competition_ranking():
    assert ranks(np.array([3.0, 5.0, 5.0, np.nan, 1.0])).tolist() == [3, 1, 1, 5, 4]
