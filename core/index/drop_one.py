"""Drop-one-indicator impact: how far each region's total index and rank move without an indicator.

Each indicator is left out in turn for every region (its siblings' weights renormalised, as an
exclusion does), and the total index of the last year is recomputed from the same prepared
growth. A large move says the result leans on that one statistic.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model.framework import ROOT
from .engine import PreparedData, aggregation_matrix, chain, inclusion_patterns
from .ranking import ranked_mask, ranks


@dataclass(frozen=True)
class DropOneResult:
    regions: tuple[str, ...]
    year: int
    indicators: tuple[str, ...]
    nominal: np.ndarray  # [R] total index, last year, all indicators
    dropped: np.ndarray  # [L, R] total index without indicator l
    rank_nominal: np.ndarray  # [R] 1 = highest
    rank_dropped: np.ndarray  # [L, R]

    def to_dict(self, ndigits: int = 6) -> dict:
        def num(v: float) -> float | None:
            return None if not np.isfinite(v) else round(float(v), ndigits)

        out: dict = {"year": self.year, "regions": {}}
        for r, region in enumerate(self.regions):
            out["regions"][region] = {
                "nominal": num(self.nominal[r]),
                "rank": int(self.rank_nominal[r]) or None,  # 0: not ranked (全国)
                "drop": {
                    code: {
                        "total": num(self.dropped[i, r]),
                        "change_percent": num(100.0 * (self.dropped[i, r] / self.nominal[r] - 1.0)),
                        "rank": int(self.rank_dropped[i, r]) or None,
                    }
                    for i, code in enumerate(self.indicators)
                },
            }
        return out


def _totals(prepared: PreparedData, included: np.ndarray) -> np.ndarray:
    """The total index in the last year [R] with the given inclusion mask [R, L]."""
    fw = prepared.framework
    root = fw.codes.index(ROOT)
    V = np.nan_to_num(prepared.growth, nan=0.0)
    growth = np.zeros((V.shape[0], V.shape[2]))
    patterns, inverse = inclusion_patterns(included)
    for p, pattern in enumerate(patterns):
        sel = inverse == p
        growth[sel] = aggregation_matrix(fw, pattern)[root] @ V[sel] if pattern.any() else np.nan
    growth[:, 0] = 0.0
    return chain(growth)[:, -1]


def drop_one(prepared: PreparedData) -> DropOneResult:
    """The total index and rank of every region with each indicator left out in turn."""
    leaves = prepared.framework.leaves
    nominal = _totals(prepared, prepared.included)
    dropped = np.empty((len(leaves), len(prepared.regions)))
    for i in range(len(leaves)):
        included = prepared.included.copy()
        included[:, i] = False
        dropped[i] = _totals(prepared, included)
    mask = ranked_mask(prepared.regions)  # 全国 is not ranked (rank 0)
    return DropOneResult(
        prepared.regions, prepared.years[-1], leaves, nominal, dropped, ranks(nominal, mask), ranks(dropped, mask)
    )
