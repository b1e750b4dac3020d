"""Result objects of the assessment: each verdict with the numbers behind it.

Every object has `to_dict()` (JSON-ready, deterministic order, rounded floats) and a
`reason` or `sentence_zh()` that explains the verdict in one Chinese sentence quoting those
numbers, so a GUI tooltip, a report paragraph and the JSON say the same thing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

NDIGITS = 4


def rnd(x: float | None, ndigits: int = NDIGITS) -> float | None:
    """Round for output; NaN/None → None (JSON null), -0.0 → 0.0 so output is byte-stable."""
    if x is None:
        return None
    x = float(x)
    if not math.isfinite(x):
        return None
    v = round(x, ndigits)
    return 0.0 if v == 0 else v


def fmt(x: float | None, ndigits: int = 1) -> str:
    """Number for Chinese text; missing values print as “—”."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "—"
    return f"{x:.{ndigits}f}"


def pct(x: float | None, ndigits: int = 1) -> str:
    return "—" if x is None else f"{x * 100:.{ndigits}f}%"


@dataclass(frozen=True)
class IndicatorScore:
    """One indicator's ratio to the reference and its score s_i (spec 02 §2.1)."""

    code: str
    name: str
    kind: str
    basis: str | None
    value: float | None
    reference_value: float | None
    basis_region: float | None
    basis_reference: float | None
    ratio: float | None
    score: float | None
    capped: bool
    status: str  # reported / estimate / interpolated / excluded / missing
    reference_status: str
    included: bool
    weight: float  # effective overall weight in L_total (0 when left out)
    note: str = ""

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "basis": self.basis,
            "value": rnd(self.value, 6),
            "reference_value": rnd(self.reference_value, 6),
            "basis_region": rnd(self.basis_region, 6),
            "basis_reference": rnd(self.basis_reference, 6),
            "ratio": rnd(self.ratio, 6),
            "score": rnd(self.score),
            "capped": self.capped,
            "status": self.status,
            "reference_status": self.reference_status,
            "included": self.included,
            "weight": rnd(self.weight, 6),
            "note": self.note,
        }


@dataclass(frozen=True)
class LevelResult:
    """Fusion level against a reference (nation = 100) for every node."""

    region: str
    reference: str
    year: int
    nodes: Mapping[str, float | None]  # framework order
    indicators: tuple[IndicatorScore, ...]
    notes: tuple[str, ...] = ()

    @property
    def total(self) -> float | None:
        return self.nodes.get("total")

    def score(self, code: str) -> IndicatorScore:
        for s in self.indicators:
            if s.code == code:
                return s
        raise KeyError(code)

    def sentence_zh(self) -> str:
        left_out = [s.code for s in self.indicators if not s.included]
        tail = f"；{len(left_out)} 项指标未参与（{'、'.join(left_out)}，见说明）" if left_out else ""
        return f"{self.year} 年{self.region}融合水平为{self.reference}的 {fmt(self.total)}%（{self.reference} = 100）{tail}。"

    def to_dict(self) -> dict:
        return {
            "reference": self.reference,
            "year": self.year,
            "nodes": {c: rnd(v) for c, v in self.nodes.items()},
            "indicators": [s.to_dict() for s in self.indicators],
            "notes": list(self.notes),
            "sentence": self.sentence_zh(),
        }


@dataclass(frozen=True)
class GroupVerdict:
    """Performance group of one node's level (spec 02 §2.1)."""

    node: str
    label: str
    level: float | None
    group: str | None
    lower: float | None
    upper: float | None
    reason: str

    def to_dict(self) -> dict:
        return {
            "node": self.node,
            "label": self.label,
            "level": rnd(self.level),
            "group": self.group,
            "lower": rnd(self.lower),
            "upper": rnd(self.upper),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class NodeMomentum:
    """M = 100 × E_region,T / E_reference,T and the annual growth gap (spec 02 §2.2)."""

    node: str
    label: str
    base_year: int | None
    year: int
    e_region: float | None
    e_reference: float | None
    momentum: float | None
    g_region: float | None  # annual rate, 0.05 = 5 %
    g_reference: float | None
    gap_pp: float | None  # (g_region − g_reference) × 100, percentage points
    rebased: bool
    reason: str

    def to_dict(self) -> dict:
        return {
            "node": self.node,
            "label": self.label,
            "base_year": self.base_year,
            "year": self.year,
            "E_region": rnd(self.e_region),
            "E_reference": rnd(self.e_reference),
            "M": rnd(self.momentum),
            "g_region": rnd(self.g_region, 6),
            "g_reference": rnd(self.g_reference, 6),
            "gap_pp": rnd(self.gap_pp),
            "rebased": self.rebased,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Quadrant:
    node: str
    label: str
    level: float | None
    momentum: float | None
    split_level: float
    split_momentum: float
    name: str | None
    reason: str

    def to_dict(self) -> dict:
        return {
            "node": self.node,
            "label": self.label,
            "L": rnd(self.level),
            "M": rnd(self.momentum),
            "split_L": rnd(self.split_level),
            "split_M": rnd(self.split_momentum),
            "name": self.name,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Role:
    pillar_levels: Mapping[str, float | None]
    spread: float | None
    threshold: float
    strongest: str | None
    name: str | None
    description: str
    reason: str

    def to_dict(self) -> dict:
        return {
            "pillar_levels": {k: rnd(v) for k, v in self.pillar_levels.items()},
            "spread": rnd(self.spread),
            "threshold": rnd(self.threshold),
            "strongest": self.strongest,
            "name": self.name,
            "description": self.description,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class RankedIndicator:
    code: str
    name: str
    score: float
    gap_contribution: float  # (100 − s_i) × effective overall weight, points of L_total

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "score": rnd(self.score),
            "gap_contribution": rnd(self.gap_contribution),
        }


@dataclass(frozen=True)
class ShortBoards:
    """Strengths, weaknesses and the weakest pillar's gap decomposition (spec 02 §2.4)."""

    strengths: tuple[RankedIndicator, ...]
    weaknesses: tuple[RankedIndicator, ...]
    weakest_pillar: str | None
    weakest_pillar_level: float | None
    pillar_breakdown: tuple[dict, ...]  # per sub-indicator of the weakest pillar: level, contribution, indicators
    reason: str

    def strengths_dict(self) -> dict:
        return {
            "top": [s.to_dict() for s in self.strengths],
            "sentence": "优势指标：" + "、".join(f"{s.code} {s.name}（{fmt(s.score)}）" for s in self.strengths) + "。"
            if self.strengths
            else "",
        }

    def weaknesses_dict(self) -> dict:
        return {
            "bottom": [s.to_dict() for s in self.weaknesses],
            "weakest_pillar": self.weakest_pillar,
            "weakest_pillar_level": rnd(self.weakest_pillar_level),
            "breakdown": list(self.pillar_breakdown),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Coupling:
    """Double-helix coupling coordination (spec 02 §2.5)."""

    science_level: float | None
    industry_level: float | None
    u1: float | None
    u2: float | None
    c: float | None
    t: float | None
    d: float | None
    grade: str | None
    type: str | None
    alpha: float
    beta: float
    reason: str

    def to_dict(self) -> dict:
        return {
            "L_science": rnd(self.science_level),
            "L_industry": rnd(self.industry_level),
            "U1": rnd(self.u1, 6),
            "U2": rnd(self.u2, 6),
            "C": rnd(self.c, 6),
            "T": rnd(self.t, 6),
            "D": rnd(self.d, 6),
            "grade": self.grade,
            "type": self.type,
            "alpha": self.alpha,
            "beta": self.beta,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class IndustryPotential:
    """One leading industry's fusion potential (spec 02 §2.7)."""

    region: str
    industry: str
    strategic: bool | None
    location_quotient: float | None
    criteria: Mapping[str, float]  # criterion → mean score over experts
    experts: int
    spread: float  # max − min of the experts' own mean scores
    potential: float
    quadrant: str | None
    rank: int = 0
    reason: str = ""

    def to_dict(self) -> dict:
        return {
            "rank": self.rank,
            "industry": self.industry,
            "strategic": self.strategic,
            "location_quotient": rnd(self.location_quotient),
            "criteria": {k: rnd(v) for k, v in self.criteria.items()},
            "experts": self.experts,
            "spread": rnd(self.spread),
            "potential": rnd(self.potential),
            "quadrant": self.quadrant,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Potential:
    """Fusion potential: trend projection, headrooms, industries, grade (spec 02 §2.6)."""

    level: float | None
    year: int
    horizon_year: int
    g_region: float | None
    g_reference: float | None
    level_horizon: float | None
    group_now: str | None
    group_horizon: str | None
    group_shift: int | None  # + higher groups, − lower
    momentum: float | None
    pillar_mean: float | None
    raised_pillars: Mapping[str, tuple[float, float]]  # pillar → (from, to)
    short_board_level: float | None
    short_board_rise: float | None
    coupling_d: float | None
    coupling_d_balanced: float | None
    coordination_rise: float | None
    lagging_side: str | None
    industries: Mapping[str, object]
    grade: str | None
    reason: str

    def to_dict(self) -> dict:
        return {
            "trend": {
                "L_T": rnd(self.level),
                "year": self.year,
                "horizon_year": self.horizon_year,
                "g_region": rnd(self.g_region, 6),
                "g_reference": rnd(self.g_reference, 6),
                "L_horizon": rnd(self.level_horizon),
                "group_now": self.group_now,
                "group_horizon": self.group_horizon,
                "group_shift": self.group_shift,
            },
            "short_board": {
                "pillar_mean": rnd(self.pillar_mean),
                "raised": {k: {"from": rnd(a), "to": rnd(b)} for k, (a, b) in self.raised_pillars.items()},
                "L_after": rnd(self.short_board_level),
                "rise": rnd(self.short_board_rise),
            },
            "coordination": {
                "D": rnd(self.coupling_d, 6),
                "D_balanced": rnd(self.coupling_d_balanced, 6),
                "rise": rnd(self.coordination_rise, 6),
                "lagging_side": self.lagging_side,
            },
            "industries": dict(self.industries),
            "M": rnd(self.momentum),
            "grade": self.grade,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Partner:
    peer: str
    score: float  # complementarity(region ← peer), adjacency factor applied
    adjacent: bool
    gains: Mapping[str, float]  # weak pillar → w_p × max(0, L_b,p − L_a,p) (before the adjacency factor)
    reason: str

    def to_dict(self) -> dict:
        return {
            "peer": self.peer,
            "score": rnd(self.score),
            "adjacent": self.adjacent,
            "gains": {k: rnd(v) for k, v in self.gains.items()},
            "reason": self.reason,
        }


@dataclass(frozen=True)
class PillarPartner:
    pillar: str
    peer: str
    own_level: float
    peer_level: float
    gain: float  # w_p × (L_b,p − L_a,p) × adjacency factor
    adjacent: bool
    reason: str

    def to_dict(self) -> dict:
        return {
            "pillar": self.pillar,
            "peer": self.peer,
            "own_level": rnd(self.own_level),
            "peer_level": rnd(self.peer_level),
            "gain": rnd(self.gain),
            "adjacent": self.adjacent,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class SamenessItem:
    peer: str
    cosine: float
    adjacent: bool
    same_role: bool
    warning: bool
    reason: str

    def to_dict(self) -> dict:
        return {
            "peer": self.peer,
            "cosine": rnd(self.cosine, 6),
            "adjacent": self.adjacent,
            "same_role": self.same_role,
            "warning": self.warning,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class LeverAdvice:
    id: str
    name: str
    text: str
    fusion: str
    target: str  # the weak node it answers
    target_label: str
    source: str
    practice: str
    reason: str

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "text": self.text,
            "fusion": self.fusion,
            "target": self.target,
            "target_label": self.target_label,
            "source": self.source,
            "practice": self.practice,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class RegionAssessment:
    """Everything spec 02 says about one region, vs the nation (and its parent for a city)."""

    region: str
    year: int
    base_year: int
    macro_region: str | None
    level: LevelResult
    groups: Mapping[str, GroupVerdict]  # total and pillars
    momentum: Mapping[str, NodeMomentum]  # total and pillars
    quadrants: Mapping[str, Quadrant]  # total and pillars
    role: Role
    boards: ShortBoards
    coupling: Coupling
    potential: Potential
    industries: tuple[IndustryPotential, ...]
    partners: Mapping[str, object]
    sameness: tuple[SamenessItem, ...]
    levers: tuple[LeverAdvice, ...]
    comparison: Mapping[str, object] = field(default_factory=dict)
    parent: str | None = None
    level_vs_parent: LevelResult | None = None
    momentum_vs_parent: NodeMomentum | None = None
    notes: tuple[str, ...] = ()

    def headline_zh(self) -> str:
        """One sentence for a leader: level, group, quadrant, role, potential."""
        g = self.groups.get("total")
        q = self.quadrants.get("total")
        m = self.momentum.get("total")
        return (
            f"{self.region}{self.year} 年融合水平为全国的 {fmt(self.level.total)}%（{g.group if g else '—'}），"
            f"融合势能 {fmt(m.momentum if m else None)}，属{q.name or '—'}；功能定位为{self.role.name or '—'}，"
            f"耦合协调度 {fmt(self.coupling.d, 3)}（{self.coupling.grade or '—'}），{self.potential.grade or '—'}。"
        )

    def to_dict(self) -> dict:
        d = {
            "region": self.region,
            "year": self.year,
            "base_year": self.base_year,
            "macro_region": self.macro_region,
            "headline": self.headline_zh(),
            "level": self.level.to_dict(),
            "group": {k: v.to_dict() for k, v in self.groups.items()},
            "momentum": {k: v.to_dict() for k, v in self.momentum.items()},
            "quadrant": {k: v.to_dict() for k, v in self.quadrants.items()},
            "role": self.role.to_dict(),
            "strengths": self.boards.strengths_dict(),
            "weaknesses": self.boards.weaknesses_dict(),
            "coupling": self.coupling.to_dict(),
            "potential": self.potential.to_dict(),
            "industries": [i.to_dict() for i in self.industries],
            "partners": self.partners,
            "sameness": [s.to_dict() for s in self.sameness],
            "levers": [lv.to_dict() for lv in self.levers],
            "comparison": self.comparison,
            "notes": list(self.notes),
        }
        if self.parent is not None:
            d["parent"] = {
                "name": self.parent,
                "level": self.level_vs_parent.to_dict() if self.level_vs_parent else None,
                "momentum": self.momentum_vs_parent.to_dict() if self.momentum_vs_parent else None,
            }
        return d
