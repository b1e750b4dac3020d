"""Result objects of the assessment: each verdict with the numbers behind it.

Every object is a frozen dataclass; its JSON comes from `serialise.to_json` (one place for
all of them: rounded floats, deterministic order). Each verdict carries a `reason`: a
catalogue `Message` that explains it in one sentence quoting those numbers, rendered in the
user's language, so a GUI tooltip, a report paragraph and the JSON say the same thing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..kernel.messages import Message, msg
from ..kernel.problems import Problem
from ..model.observations import NATION
from .serialise import jf, rnd

if TYPE_CHECKING:
    from ..index.engine import IndexResult
    from .config import AssessmentConfig

__all__ = ["evolve", "fmt", "fmt_vs", "pct", "place", "rnd"]

EPS = 1e-9  # values within EPS of a threshold count as equal to it (config.EPS is this one)


def fmt(x: float | None, ndigits: int = 1) -> str:
    """A number as printed in a sentence; missing values print as “—”."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "—"
    return f"{x:.{ndigits}f}"


def fmt_vs(x: float | None, threshold: float, ndigits: int = 1) -> str:
    """`x` printed beside a threshold it is compared with: never on the threshold's other side, and never
    equal to it unless it is (within EPS). One more digit as needed: 99.969 vs 100 → "99.97", not "100.0".
    """
    if x is None or not math.isfinite(x):
        return "—"

    def side(v: float) -> int:
        return 0 if abs(v - threshold) <= EPS else (1 if v > threshold else -1)

    nd, want = ndigits, side(x)
    text = f"{x:.{nd}f}"
    while nd < 12 and side(float(text)) != want:
        nd += 1
        text = f"{x:.{nd}f}"
    return text


def evolve(obj: Any, **changes: Any) -> Any:
    """`dataclasses.replace` for the result objects (frozen, no `__post_init__`, no init-only fields), without
    its per-field `__init__` call: the copy's attributes are the original's with `changes` (field names only)."""
    unknown = changes.keys() - obj.__dataclass_fields__.keys()
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {sorted(unknown)}")
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    new.__dict__.update(changes)
    return new


def place(name: str) -> Message | str:
    """A region named in a sentence: the nation is a term (全国 / the nation), other regions are data."""
    return msg("assess.nation") if name == NATION else name


def pct(x: float | None, ndigits: int = 1) -> str:
    return "—" if x is None else f"{x * 100:.{ndigits}f}%"


@dataclass(frozen=True)
class IndicatorScore:
    """One indicator's ratio to the reference and its score s_i (spec 02 §2.1)."""

    code: str
    name: str
    kind: str
    basis: str | None
    value: float | None = jf(nd=6)
    reference_value: float | None = jf(nd=6)
    basis_region: float | None = jf(nd=6)
    basis_reference: float | None = jf(nd=6)
    ratio: float | None = jf(nd=6)
    score: float | None
    capped: bool
    status: str  # CellStatus key (reported / estimate / interpolated / excluded) or missing
    reference_status: str
    included: bool
    weight: float = jf(nd=6)  # effective overall weight in L_total (0 when left out)
    note: Message | str = ""  # why it is left out or capped


@dataclass(frozen=True)
class LevelResult:
    """Fusion level against a reference (nation = 100) for every node."""

    region: str = jf(skip=True)
    reference: str
    year: int
    nodes: Mapping[str, float | None]  # framework order
    indicators: tuple[IndicatorScore, ...]
    notes: tuple[Message, ...] = ()

    @property
    def total(self) -> float | None:
        return self.nodes.get("total")

    def score(self, code: str) -> IndicatorScore:
        for s in self.indicators:
            if s.code == code:
                return s
        raise KeyError(code)

    @property
    def sentence(self) -> Message:
        left_out = [s.code for s in self.indicators if not s.included]
        tail = msg("assess.level.left_out", n=len(left_out), codes=left_out) if left_out else ""
        args = {"year": self.year, "region": self.region, "reference": place(self.reference), "level": fmt(self.total)}
        return msg("assess.level.sentence", **args, left_out=tail)


@dataclass(frozen=True)
class GroupVerdict:
    """Performance group of one node's level (spec 02 §2.1)."""

    node: str
    label: Message
    level: float | None
    group: str | None  # the group's name in the thresholds file (Chinese); AssessmentConfig.term renders it
    lower: float | None
    upper: float | None
    reason: Message
    margin: float | None = None  # level − the nearest group bound, level points (+ above it, − below it)
    stability: Mapping[str, float] = field(default_factory=dict)  # group name → share of draws
    borderline: bool = False  # 临界: own group's share below the configured share, or margin within display precision
    reference: str = NATION


@dataclass(frozen=True)
class NodeMomentum:
    """M = 100 × E_region,T / E_reference,T and the annual growth gap (spec 02 §2.2)."""

    node: str
    label: Message  # the node's index, a term (总指数, 融合基础 …)
    base_year: int | None
    year: int
    e_region: float | None = jf(name="E_region")
    e_reference: float | None = jf(name="E_reference")
    momentum: float | None = jf(name="M")
    g_region: float | None = jf(nd=6)  # annual rate, 0.05 = 5 %
    g_reference: float | None = jf(nd=6)
    gap_pp: float | None  # (g_region − g_reference) × 100, percentage points
    rebased: bool
    reason: Message


@dataclass(frozen=True)
class Quadrant:
    node: str
    label: Message
    level: float | None = jf(name="L")
    momentum: float | None = jf(name="M")
    split_level: float = jf(name="split_L")
    split_momentum: float = jf(name="split_M")
    name: str | None
    reason: Message
    margin: float | None = None  # the nearer of L − split_L and M − split_M (smaller magnitude), points
    stability: Mapping[str, float] = field(default_factory=dict)
    borderline: bool = False
    reference: str = NATION


@dataclass(frozen=True)
class Role:
    pillar_levels: Mapping[str, float | None]
    spread: float | None
    threshold: float
    strongest: str | None
    name: str | None
    description: str
    reason: Message
    margin: float | None = None  # spread − threshold (− balanced side)
    lead: float | None = None  # strongest − second pillar level, points
    mean: float | None = None  # mean pillar level (the spread's denominator)
    stability: Mapping[str, float] = field(default_factory=dict)
    borderline: bool = False
    reference: str = NATION


@dataclass(frozen=True)
class RankedIndicator:
    code: str
    name: str
    score: float
    gap_contribution: float  # (100 − s_i) × effective overall weight, points of L_total
    label: Message | None = jf(skip=True, default=None)  # "code name" in either language
    margin: float | None = None  # s_i − 100 (the reference), points
    stability: Mapping[str, float] = field(default_factory=dict)  # "below" / "above" the reference → share
    borderline: bool = False  # its own side's share below the configured share, or |margin| within display


@dataclass(frozen=True)
class BreakdownItem:
    """One sub-indicator of the weakest pillar: its level and how many points it pulls L_total down."""

    code: str
    name: str
    level: float | None
    gap_contribution: float
    indicators: tuple[RankedIndicator, ...]


@dataclass(frozen=True)
class Strengths:
    top: tuple[RankedIndicator, ...]
    sentence: Message | str
    relative: bool = False  # no indicator at or above the reference: the top ones are 相对优势


@dataclass(frozen=True)
class Weaknesses:
    bottom: tuple[RankedIndicator, ...]
    weakest_pillar: str | None
    weakest_pillar_level: float | None
    breakdown: tuple[BreakdownItem, ...]
    reason: Message
    sentence: Message | str = ""
    relative: bool = False  # no indicator below the reference: the bottom ones are 相对短板


@dataclass(frozen=True)
class ShortBoards:
    """Strengths, weaknesses and the weakest pillar's gap decomposition (spec 02 §2.4)."""

    strengths: tuple[RankedIndicator, ...]
    weaknesses: tuple[RankedIndicator, ...]
    weakest_pillar: str | None
    weakest_pillar_level: float | None
    pillar_breakdown: tuple[BreakdownItem, ...]
    reason: Message
    strengths_relative: bool = False  # no indicator at or above the reference: the highest are 相对优势
    weaknesses_relative: bool = False  # no indicator below the reference: the lowest are 相对短板
    reference: str = NATION

    def _sentence(self, items: tuple[RankedIndicator, ...], kind: str, relative: bool) -> Message | str:
        texts = [
            msg("assess.boards.item", indicator=msg("assess.borderline.named", name=s.label or s.code)
                if s.borderline else s.label or s.code, score=fmt_vs(s.score, 100.0))
            for s in items
        ]  # fmt: skip
        code = f"assess.boards.{kind}_relative" if relative else f"assess.boards.{kind}"
        return msg(code, items=texts, reference=place(self.reference)) if texts else ""

    @property
    def strengths_sentence(self) -> Message | str:
        return self._sentence(self.strengths, "strengths", self.strengths_relative)

    @property
    def weaknesses_sentence(self) -> Message | str:
        return self._sentence(self.weaknesses, "weaknesses", self.weaknesses_relative)

    def split(self) -> tuple[Strengths, Weaknesses]:
        """The two JSON sections, `strengths` and `weaknesses`."""
        return Strengths(self.strengths, self.strengths_sentence, self.strengths_relative), Weaknesses(
            self.weaknesses, self.weakest_pillar, self.weakest_pillar_level, self.pillar_breakdown, self.reason,
            self.weaknesses_sentence, self.weaknesses_relative,
        )  # fmt: skip


@dataclass(frozen=True)
class Coupling:
    """Double-helix coupling coordination (spec 02 §2.5)."""

    science_level: float | None = jf(name="L_science")
    industry_level: float | None = jf(name="L_industry")
    u1: float | None = jf(name="U1", nd=6)
    u2: float | None = jf(name="U2", nd=6)
    c: float | None = jf(name="C", nd=6)
    t: float | None = jf(name="T", nd=6)
    d: float | None = jf(name="D", nd=6)
    grade: str | None
    type: str | None
    alpha: float
    beta: float
    reason: Message
    diff: float | None = jf(name="U1_minus_U2", nd=6, default=None)  # against the type threshold
    margin: float | None = jf(nd=6, default=None)  # D − the nearest grade bound
    stability: Mapping[str, float] = field(default_factory=dict)  # grade → share of draws
    borderline: bool = False
    reference: str = NATION


@dataclass(frozen=True)
class IndustryPotential:
    """One leading industry's fusion potential (spec 02 §2.7)."""

    region: str = jf(skip=True)
    industry: str
    strategic: bool | None
    location_quotient: float | None
    criteria: Mapping[str, float]  # criterion → mean score over experts
    experts: int
    spread: float  # max − min of the experts' own mean scores
    potential: float
    quadrant: str | None
    rank: int = 0
    reason: Message | None = None


@dataclass(frozen=True)
class IndustrySummary:
    """The leading industries in the potential part: count, mean potential, quadrants, top three."""

    count: int
    mean_potential: float | None = None
    by_quadrant: Mapping[str, int] | None = None
    top: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Raise:
    before: float = jf(name="from")
    after: float = jf(name="to")


@dataclass(frozen=True)
class Potential:
    """Fusion potential: trend projection, headrooms, industries, grade (spec 02 §2.6)."""

    level: float | None = jf(name="L_T", group="trend")
    year: int = jf(group="trend")
    horizon_year: int = jf(group="trend")
    g_region: float | None = jf(nd=6, group="trend")
    g_reference: float | None = jf(nd=6, group="trend")
    level_horizon: float | None = jf(name="L_horizon", group="trend")
    group_now: str | None = jf(group="trend")
    group_horizon: str | None = jf(group="trend")
    group_shift: int | None = jf(group="trend")  # + higher groups, − lower
    momentum: float | None = jf(name="M")
    pillar_mean: float | None = jf(group="short_board")
    raised_pillars: Mapping[str, Raise] = jf(name="raised", group="short_board")  # pillar → (from, to)
    short_board_level: float | None = jf(name="L_after", group="short_board")
    short_board_rise: float | None = jf(name="rise", group="short_board")
    coupling_d: float | None = jf(name="D", nd=6, group="coordination")
    coupling_d_balanced: float | None = jf(name="D_balanced", nd=6, group="coordination")
    coordination_rise: float | None = jf(name="rise", nd=6, group="coordination")
    lagging_side: str | None = jf(group="coordination")
    industries: IndustrySummary = jf(skip=True)
    grade: str | None
    reason: Message


@dataclass(frozen=True)
class Partner:
    peer: str
    score: float  # complementarity(region ← peer), adjacency factor applied
    adjacent: bool
    gains: Mapping[str, float]  # weak pillar → w_p × max(0, L_b,p − L_a,p) (before the adjacency factor)
    reason: Message


@dataclass(frozen=True)
class PillarPartner:
    pillar: str
    peer: str
    own_level: float
    peer_level: float
    gain: float  # w_p × (L_b,p − L_a,p) × adjacency factor
    adjacent: bool
    reason: Message
    difference: float | None = None  # L_b,p − L_a,p, points (the reason quotes it)


@dataclass(frozen=True)
class Partners:
    """和谁融合: the top partners overall and per weak pillar (spec 02 §2.8)."""

    weak_pillars: tuple[str, ...]
    top: tuple[Partner, ...]
    by_pillar: Mapping[str, tuple[PillarPartner, ...]]
    peers_considered: int
    reference: str
    sentence: Message


@dataclass(frozen=True)
class SamenessItem:
    peer: str
    cosine: float = jf(nd=6)
    adjacent: bool
    same_role: bool
    warning: bool
    reason: Message


@dataclass(frozen=True)
class LeverAdvice:
    id: str
    name: Message  # the lever's name and text (levers.toml), in either language
    text: Message
    fusion: str  # one of CAS's six fusions as named in levers.toml (AssessmentConfig.term renders it)
    target: str  # the weak node it answers
    target_label: Message
    source: Message  # publication and section, in either language
    practice: str
    reason: Message


@dataclass(frozen=True)
class MacroFigure:
    """A figure the report gives for a macro-region (东部 …), beside the region's own value."""

    macro_region: str
    node: str
    year: int | None
    value: float | None = jf(nd=12)
    measure: str  # index | share_of_nation_pct | qualitative
    base_year: int | None
    approx: bool
    section: str
    note: str
    section_en: str = jf(skip=True, default="")  # the same in English (macro_regions.csv)
    note_en: str = jf(skip=True, default="")


@dataclass(frozen=True)
class MacroComparison:
    """A macro-region figure beside the region's own value, with the sentence that compares them."""

    figure: MacroFigure = jf(skip=True)
    region_value: float | None = jf(skip=True)
    difference: float | None = jf(skip=True)
    region_share_pct: float | None = jf(skip=True)
    region_year: int | None = jf(skip=True)
    sentence: Message | None = jf(skip=True)
    kind: str = jf(skip=True)  # "index" (region_value, difference) | "share" (region_share_pct, region_year) | ""


@dataclass(frozen=True)
class Rank:
    rank: int
    of: int
    year: int


@dataclass(frozen=True)
class NodeComparison:
    """One node of a region against the comparable nation, the published index and its macro-region."""

    node: str
    label: str
    base_year: int
    year: int
    region: Mapping[int, float | None]
    nation_comparable: Mapping[int, float | None]
    gap_points: Mapping[int, float | None]
    g_region: float | None = jf(nd=6)
    g_nation: float | None = jf(nd=6)
    growth_gap_pp: float | None
    nation_published: Mapping[int, float] | None = jf(skip=True)
    published_note: Message | None = jf(skip=True)
    rank_index: Rank | None = jf(skip=True)
    rank_level: Rank | None = jf(skip=True)
    macro_region: str | None = jf(skip=True)
    macro_figures: tuple[MacroComparison, ...] = jf(skip=True, default=())
    sentence: Message | None = jf(skip=True, default=None)


@dataclass(frozen=True)
class Comparison:
    nodes: Mapping[str, NodeComparison]
    macro_shares: tuple[MacroComparison, ...]


@dataclass(frozen=True)
class PublishedCheck:
    """The national index recomputed from the report's raw values beside the published figure."""

    node: str
    year: int
    published: float = jf(nd=12)
    computed: float | None
    difference: float | None
    complete: bool
    sentence: Message


@dataclass(frozen=True)
class RegionAssessment:
    """Everything spec 02 says about one region against its one reference (a city: its province, the nation beside)."""

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
    partners: Partners
    sameness: tuple[SamenessItem, ...]
    levers: tuple[LeverAdvice, ...]
    comparison: Comparison | None = None
    parent: str | None = None
    reference: str = NATION  # every verdict's one reference: the nation, or a city's province (spec 02 §2.11)
    level_vs_nation: LevelResult | None = None  # a city: its level against the nation, shown beside
    momentum_vs_nation: NodeMomentum | None = None
    notes: tuple[Message, ...] = ()
    headline: Message | None = None  # one sentence for a leader: level, group, quadrant, role, potential

    def to_dict(self) -> dict:
        from .serialise import gc_paused, region_json

        with gc_paused():
            return region_json(self)


@dataclass(frozen=True)
class NationValue:
    value: float | None = jf(nd=6)
    status: str | None  # CellStatus key, or missing


@dataclass(frozen=True)
class Benchmark:
    """The nation the regions were measured against: where each value came from, values, basis, series."""

    sources: Mapping[str, str]  # indicator → data | benchmark | nation_is_100 | missing
    excluded: tuple[str, ...]  # left out of the comparable national index (no base-year value)
    nation_values: Mapping[str, NationValue]
    nation_basis: Mapping[str, float | None]
    comparable_index: Mapping[str, Mapping[int, float | None]]  # node → year → comparable national index
    published: tuple[PublishedCheck, ...] = ()


@dataclass(frozen=True)
class Assessment:
    """The assessment of one or more regions, with the benchmark it was measured against."""

    year: int
    base_year: int
    regions: Mapping[str, RegionAssessment]
    index: IndexResult
    national_sources: Mapping[str, str]
    nation_excluded: tuple[str, ...]
    benchmark: Benchmark
    parent: str | None = None
    config: AssessmentConfig | None = None  # thresholds, names and grade bands the verdicts used
    notes: tuple[Message | str, ...] = ()
    problems: tuple[Problem, ...] = ()
    levels: Mapping[str, LevelResult] = field(default_factory=dict)  # every loaded region vs the nation
    momenta: Mapping[str, Mapping[str, float | None]] = field(default_factory=dict)  # region → node → M (scatter)

    def name(self, name: str | None, lang: str = "zh") -> str:
        """A verdict name (group, quadrant, role, grade …) in `lang`; “—” when there is none."""
        if name is None:
            return "—"
        return self.config.term(name).text(lang) if self.config is not None else name

    def to_dict(self, *, stream: bool = False) -> dict:
        """The JSON-ready form (serialise.assessment_json). `stream`: "regions" is an iterator of (region, its
        dict) pairs made one region at a time, for core.commands.output to write without holding them all."""
        from .serialise import assessment_json, gc_paused

        with gc_paused():
            return assessment_json(self, stream=stream)
