"""Double-helix coupling coordination degree (双螺旋耦合协调度, spec 02 §2.5).

CAS calls science and industry innovation a double helix; Chinese regional studies measure
how two subsystems move together with the coupling coordination model. Each side's level is
the mean of its pillars' levels (sides from the framework's [coupling] section):

    U_k = L_k / (L_k + 100)            nation ≡ 0.5, bounded in (0, 1)
    C = 2 √(U1 U2) / (U1 + U2),  T = α U1 + β U2,  D = √(C T)

so a region equal to the nation has D = √0.5 ≈ 0.707.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from ..kernel.messages import Message, msg
from ..model.framework import Framework
from ..model.observations import NATION
from .config import AssessmentConfig, band_of
from .model import Coupling, fmt, fmt_vs


def side_levels(pillar_levels: Mapping[str, float | None], framework: Framework) -> tuple[float | None, float | None]:
    """(L_science, L_industry): means of the pillars listed for each side in the framework."""
    out = []
    for side in ("science", "industry"):
        codes = list(framework.coupling.get(side, ()))
        vals = [pillar_levels[c] for c in codes if pillar_levels.get(c) is not None]
        out.append(sum(vals) / len(vals) if vals else None)
    return out[0], out[1]


def coupling_degree(
    l_science: float | None,
    l_industry: float | None,
    config: AssessmentConfig,
    *,
    science: Message | None = None,
    industry: Message | None = None,
    reference: str = NATION,
) -> Coupling:
    """U1, U2, C, T, D, grade and type from the two sides' levels (`science`, `industry`: the sides' names)."""
    a, b = config.alpha, config.beta
    if l_science is None or l_industry is None or l_science < 0 or l_industry < 0:
        why = msg("assess.coupling.none")
        return Coupling(l_science, l_industry, None, None, None, None, None, None, None, a, b, why, reference=reference)
    u1, u2 = l_science / (l_science + 100.0), l_industry / (l_industry + 100.0)
    c = 2.0 * math.sqrt(u1) * math.sqrt(u2) / (u1 + u2) if u1 + u2 > 0 else 0.0  # √u1·√u2: no underflow
    t = a * u1 + b * u2
    d = math.sqrt(c * t)
    _, band = band_of(d, config.coupling_grades)
    bounds = [b.lower for b in config.coupling_grades[1:]]
    nearest = min(bounds, key=lambda b: abs(d - b)) if bounds else None
    diff = u1 - u2
    if diff > config.type_threshold:
        typ = config.type_names["industry_lags"]
    elif diff < -config.type_threshold:
        typ = config.type_names["science_lags"]
    else:
        typ = config.type_names["in_step"]
    reason = msg(
        "assess.coupling.reason",
        science=science or msg("assess.coupling.science"),
        industry=industry or msg("assess.coupling.industry"),
        l_science=fmt(l_science),
        l_industry=fmt(l_industry),
        u1=fmt(u1, 3),
        u2=fmt(u2, 3),
        c=fmt(c, 3),
        t=fmt(t, 3),
        d=fmt(d, 3) if nearest is None else fmt_vs(d, nearest, 3),
        grade=config.term(band.name),
        diff=fmt(diff, 3),
        type=config.term(typ),
    )
    margin = None if nearest is None else d - nearest
    return Coupling(
        l_science, l_industry, u1, u2, c, t, d, band.name, typ, a, b, reason, diff, margin, reference=reference
    )


def balanced_d(l_science: float, l_industry: float) -> float:
    """D if the lagging side reached the leading side: C = 1, T = U_lead, D = √U_lead."""
    lead = max(l_science, l_industry)
    return math.sqrt(lead / (lead + 100.0))
