"""Statistical coherence of the framework on a set of regions (spec 02 §2.12, COINr's checks).

For each pillar, across the regions of one run, on the indicators' levels s_i in the latest
common year, min–max normalised per indicator over the regions: the Pearson and Spearman
correlation matrices, each indicator's correlation with its pillar score (the weighted mean of
its normalised indicators), Cronbach's α with sample variances, and the first principal
component's share of variance. Flags: a negative within-pillar correlation, a correlation
below 0.2 with the pillar, α < 0.6, and |skewness| > 2 with excess kurtosis > 3.5. The audit
describes the framework on these regions; it changes no number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..kernel.messages import Message, msg
from ..model.framework import Framework

MIN_REGIONS = 8
MIN_PILLAR_CORRELATION = 0.2
MIN_ALPHA = 0.6
MAX_SKEW, MAX_KURTOSIS = 2.0, 3.5


@dataclass(frozen=True)
class PillarAudit:
    pillar: str
    indicators: tuple[str, ...]
    pearson: np.ndarray  # [k, k]; NaN where an indicator does not vary
    spearman: np.ndarray
    with_pillar: tuple[float | None, ...]
    cronbach_alpha: float | None
    pca_first_share: float | None
    skewness: tuple[float | None, ...]
    kurtosis: tuple[float | None, ...]  # excess kurtosis
    flags: tuple[Message, ...]

    def to_dict(self, lang: str = "zh") -> dict:
        def num(v: float | None) -> float | None:
            return None if v is None or not np.isfinite(v) else round(float(v), 6)

        def matrix(m: np.ndarray) -> list[list[float | None]]:
            return [[num(v) for v in row] for row in m]

        return {
            "indicators": list(self.indicators),
            "cronbach_alpha": num(self.cronbach_alpha),
            "pca_first_share": num(self.pca_first_share),
            "correlation": {"pearson": matrix(self.pearson), "spearman": matrix(self.spearman)},
            "with_pillar": {c: num(v) for c, v in zip(self.indicators, self.with_pillar, strict=True)},
            "skewness": {c: num(v) for c, v in zip(self.indicators, self.skewness, strict=True)},
            "kurtosis": {c: num(v) for c, v in zip(self.indicators, self.kurtosis, strict=True)},
            "flags": [{**f.to_dict(), "text": f.text(lang)} for f in self.flags],
        }


@dataclass(frozen=True)
class Audit:
    """The audit of every pillar, or the reason it was not computed."""

    regions: tuple[str, ...]
    year: int | None
    pillars: Mapping[str, PillarAudit]
    reason: Message | None = None  # set when the audit could not be computed

    def to_dict(self, lang: str = "zh") -> dict:
        out: dict = {"regions": list(self.regions), "year": self.year}
        if self.reason is not None:
            out["computed"] = False
            out["reason"] = {**self.reason.to_dict(), "text": self.reason.text(lang)}
        out["pillars"] = {p: a.to_dict(lang) for p, a in self.pillars.items()}
        return out


def _minmax(x: np.ndarray) -> np.ndarray:
    lo, hi = np.nanmin(x, axis=0), np.nanmax(x, axis=0)
    span = np.where(hi > lo, hi - lo, np.nan)
    return (x - lo) / span


def _corr(x: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        c = np.corrcoef(x, rowvar=False)
    return np.atleast_2d(c)


def _ranks(x: np.ndarray) -> np.ndarray:
    """Average ranks per column (ties share their mean rank), for Spearman's correlation."""
    out = np.empty_like(x, dtype=float)
    for j in range(x.shape[1]):
        col = x[:, j]
        order = np.argsort(col, kind="mergesort")
        ranks = np.empty(len(col))
        ranks[order] = np.arange(1, len(col) + 1)
        for value in np.unique(col):
            tied = col == value
            ranks[tied] = ranks[tied].mean()
        out[:, j] = ranks
    return out


def cronbach_alpha(x: np.ndarray) -> float | None:
    """α = k/(k−1) · (1 − Σ var(x_i) / var(Σ x_i)), sample variances; None below two items."""
    k = x.shape[1]
    total_var = np.var(x.sum(axis=1), ddof=1)
    if k < 2 or not total_var > 0:
        return None
    return float(k / (k - 1) * (1 - np.var(x, axis=0, ddof=1).sum() / total_var))


def _pca_first_share(corr: np.ndarray) -> float | None:
    if not np.all(np.isfinite(corr)):
        return None
    eig = np.linalg.eigvalsh(corr)
    return float(eig[-1] / eig.sum())


def _moments(col: np.ndarray) -> tuple[float | None, float | None]:
    """Sample skewness and excess kurtosis (population moments, as COINr's checks use)."""
    sd = col.std()
    if not sd > 0:
        return None, None
    z = (col - col.mean()) / sd
    return float(np.mean(z**3)), float(np.mean(z**4) - 3.0)


def _flags(codes: Sequence[str], pillar: str, pa: PillarAudit) -> list[Message]:
    flags: list[Message] = []
    k = len(codes)
    for i in range(k):
        for j in range(i + 1, k):
            r = pa.pearson[i, j]
            if np.isfinite(r) and r < 0:
                flags.append(msg("audit.negative_correlation", a=codes[i], b=codes[j], r=f"{r:.2f}"))
    for code, r in zip(codes, pa.with_pillar, strict=True):
        if r is None:
            flags.append(msg("audit.constant_indicator", indicator=code))
        elif r < MIN_PILLAR_CORRELATION:
            flags.append(msg("audit.weak_with_pillar", indicator=code, pillar=pillar, r=f"{r:.2f}"))
    if pa.cronbach_alpha is not None and pa.cronbach_alpha < MIN_ALPHA:
        flags.append(msg("audit.low_alpha", pillar=pillar, alpha=f"{pa.cronbach_alpha:.2f}"))
    for code, s, kurt in zip(codes, pa.skewness, pa.kurtosis, strict=True):
        if s is not None and kurt is not None and abs(s) > MAX_SKEW and kurt > MAX_KURTOSIS:
            flags.append(msg("audit.outlier_distribution", indicator=code, skew=f"{s:.2f}", kurt=f"{kurt:.2f}"))
    return flags


def audit_pillar(framework: Framework, pillar: str, codes: tuple[str, ...], scores: np.ndarray) -> PillarAudit:
    """scores [regions, codes] of the levels s_i of a pillar's indicators → the pillar's coherence."""
    x = _minmax(scores)
    weights = np.array([framework.overall_weight(c) for c in codes])
    pillar_score = x @ (weights / weights.sum())
    pearson, spearman = _corr(x), _corr(_ranks(x))
    with_pillar = []
    for j in range(len(codes)):
        r = _corr(np.column_stack([x[:, j], pillar_score]))[0, 1] if np.isfinite(x[:, j]).all() else np.nan
        with_pillar.append(float(r) if np.isfinite(r) else None)
    moments = [_moments(scores[:, j]) for j in range(len(codes))]
    pa = PillarAudit(
        pillar,
        codes,
        pearson,
        spearman,
        tuple(with_pillar),
        cronbach_alpha(x) if np.isfinite(x).all() else None,
        _pca_first_share(pearson),
        tuple(m[0] for m in moments),
        tuple(m[1] for m in moments),
        (),
    )
    return PillarAudit(**{**pa.__dict__, "flags": tuple(_flags(codes, pillar, pa))})


def audit(framework: Framework, regions: Sequence[str], year: int | None, scores: np.ndarray) -> Audit:
    """scores [regions, leaves] of the indicators' levels s_i (NaN = not available) → the audit.

    Indicators missing for any region are left out of their pillar (the audit needs every
    region). With fewer than MIN_REGIONS regions nothing is computed, and the reason says so.
    """
    if len(regions) < MIN_REGIONS:
        return Audit(tuple(regions), year, {}, msg("audit.too_few_regions", count=len(regions), minimum=MIN_REGIONS))
    pillars = {}
    for pillar in framework.pillars:
        cols = [framework.leaves.index(c) for c in framework.leaves_under(pillar)]
        cols = [i for i in cols if np.isfinite(scores[:, i]).all()]
        codes = tuple(framework.leaves[i] for i in cols)
        pillars[pillar] = audit_pillar(framework, pillar, codes, scores[:, cols])
    return Audit(tuple(regions), year, pillars)


def level_matrix(levels: Mapping, leaves: tuple[str, ...]) -> tuple[tuple[str, ...], np.ndarray]:
    """Regions (sorted) and their indicator scores s_i [regions × leaves]; NaN where left out."""
    regions = tuple(sorted(levels))
    scores = np.full((len(regions), len(leaves)), np.nan)
    for r, region in enumerate(regions):
        for s in levels[region].indicators:
            if s.included and s.score is not None and s.code in leaves:
                scores[r, leaves.index(s.code)] = s.score
    return regions, scores


def audit_levels(framework: Framework, levels: Mapping, year: int | None) -> Audit:
    """The audit of the regions of an assessment (its `levels`, one per region) in `year`."""
    regions, scores = level_matrix(levels, framework.leaves)
    return audit(framework, regions, year, scores)
