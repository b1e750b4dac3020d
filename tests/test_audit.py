"""The coherence audit: α near 1 on a coherent pillar, flags on an incoherent one, nothing below 8 regions."""

from __future__ import annotations

import numpy as np
import pytest

from core.assessment.audit import audit, cronbach_alpha


def _scores(framework, n=31, seed=1, pillar_noise=None):
    """Levels where each pillar's indicators follow one latent factor plus noise."""
    rng = np.random.default_rng(seed)
    latent = {p: rng.normal(100, 25, n) for p in framework.pillars}
    cols = []
    for code in framework.leaves:
        pillar = code.split(".")[0]
        noise = (pillar_noise or {}).get(pillar, 1.0)
        cols.append(latent[pillar] + rng.normal(0, noise, n))
    return np.column_stack(cols)


def test_coherent_pillar_has_alpha_close_to_one(framework):
    regions = [f"R{i}" for i in range(31)]
    res = audit(framework, regions, 2024, _scores(framework))
    for pillar, pa in res.pillars.items():
        assert pa.cronbach_alpha > 0.99, pillar
        assert pa.pca_first_share > 0.95
        assert all(r > 0.99 for r in pa.with_pillar)
        assert not pa.flags


def test_incoherent_pillar_is_flagged(framework):
    regions = [f"R{i}" for i in range(31)]
    scores = _scores(framework, pillar_noise={"2": 400.0})  # pillar 2: noise swamps the factor
    res = audit(framework, regions, 2024, scores)
    codes = {f.code for f in res.pillars["2"].flags}
    assert res.pillars["2"].cronbach_alpha < 0.6 and "audit.low_alpha" in codes
    assert "audit.weak_with_pillar" in codes or "audit.negative_correlation" in codes
    assert not res.pillars["1"].flags


def test_cronbach_alpha_by_hand():
    x = np.array([[1.0, 2.0], [2.0, 3.0], [3.0, 5.0], [4.0, 4.0]])
    k, item_var, total_var = 2, x.var(axis=0, ddof=1).sum(), x.sum(axis=1).var(ddof=1)
    assert cronbach_alpha(x) == pytest.approx(k / (k - 1) * (1 - item_var / total_var))


def test_skewed_indicator_is_flagged(framework):
    regions = [f"R{i}" for i in range(31)]
    scores = _scores(framework)
    scores[:, 0] = 100.0
    scores[0, 0] = 300.0  # one extreme region
    flags = {f.code for f in audit(framework, regions, 2024, scores).pillars["1"].flags}
    assert "audit.outlier_distribution" in flags


def test_too_few_regions_says_why(framework):
    res = audit(framework, ["A", "B", "C"], 2024, _scores(framework, n=3))
    assert not res.pillars and res.reason.code == "audit.too_few_regions"
    assert "8" in res.reason.text("zh") and "8" in res.reason.text("en")
