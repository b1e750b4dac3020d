"""Fusion level against a reference region (spec 02 §2.1): nation = 100.

The index measures growth from a base year; positioning also needs level. For indicator i in
the assessment year:

    ratio            r_i = x_region / x_ref
    size             r_i = (x_region / x_ref) / (basis_region / basis_ref)     location quotient
    share_of_nation  r_i = (share_region / share_ref) / (GDP_region / GDP_ref)
                     (the nation's comparable share is 100 %, so this is share / GDP share)
    s_i = 100 × min(r_i, cap)          (逆向 indicators use 1 / r_i)

and L_node is the weighted arithmetic mean of its children, up the same tree with the same
weights. An indicator whose reference value is missing (or 0) is *left out* with a note and
its siblings' weights renormalised, never scored as 0. The reference is usually 全国; for a
city it can also be its province.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from types import MappingProxyType

from ..kernel.messages import Message, msg
from ..kernel.vocabulary import CellStatus
from ..model.framework import ROOT, Framework
from ..model.observations import NATION
from .config import term
from .model import GroupVerdict, IndicatorScore, LevelResult, fmt, fmt_vs, place

BASIS_TERMS = {"gdp": "assess.basis.gdp", "population": "assess.basis.population"}
NOTED_STATUSES = (CellStatus.ESTIMATE, CellStatus.INTERPOLATED)  # one note per region and status
NOTED_KEYS = tuple(s.key for s in NOTED_STATUSES)


class RatioUndefined(ValueError):
    """r_i cannot be computed; `reason` says why (a catalogue Message)."""

    def __init__(self, reason: Message):
        super().__init__(reason.code)
        self.reason = reason


def _ok(x: float | None) -> bool:
    return x is not None and isinstance(x, (int, float)) and math.isfinite(x)


def indicator_ratio(
    kind: str,
    value: float,
    reference: float,
    basis_region: float | None = None,
    basis_reference: float | None = None,
    direction: int = 1,
) -> float:
    """r_i of spec 02 §2.1 (no cap). Raises RatioUndefined (a ValueError) with its reason when undefined."""
    if reference == 0:
        raise RatioUndefined(msg("assess.level.reference_zero"))
    r = value / reference
    if kind in ("size", "share_of_nation"):
        if not _ok(basis_region) or not _ok(basis_reference) or basis_region <= 0 or basis_reference <= 0:
            raise RatioUndefined(msg("assess.level.basis_missing"))
        r /= basis_region / basis_reference
    if direction < 0:
        r = math.inf if r == 0 else 1.0 / r
    return r


def indicator_term(framework: Framework, code: str) -> Message:
    """`code name` (a region's wording) in either language."""
    terms = _tree(framework).terms
    if code not in terms:
        terms[code] = term(framework.label(code, "zh", regional=True), framework.label(code, "en", regional=True))
    return terms[code]


def _basis_of(node) -> str | None:
    return "gdp" if node.kind == "share_of_nation" else (node.basis if node.kind == "size" else None)


@dataclass(frozen=True)
class _Inputs:
    """What one level computation compares: the region's and the reference's values, bases and statuses."""

    values: Mapping[str, float | None]
    reference: Mapping[str, float | None]
    basis_region: Mapping[str, float | None]
    basis_reference: Mapping[str, float | None]
    statuses: Mapping[str, str]
    reference_statuses: Mapping[str, str]
    region: str
    reference_name: str
    cap: float

    def status(self, code: str) -> str:
        if code in self.statuses:
            return self.statuses[code]
        return "reported" if _ok(self.values.get(code)) else "missing"

    def reference_status(self, code: str) -> str:
        if code in self.reference_statuses:
            return self.reference_statuses[code]
        return "reported" if _ok(self.reference.get(code)) else "missing"


def _leaf_score(
    framework: Framework, code: str, inp: _Inputs
) -> tuple[float | None, float | None, bool, Message | None]:
    """(ratio, score, capped, note) of one indicator; a left-out indicator has score None and a note."""
    node = framework.nodes[code]
    x, ref = inp.values.get(code), inp.reference.get(code)
    label = partial(indicator_term, framework, code)  # named only in a note, built only when there is one
    basis = _basis_of(node)
    if inp.status(code) == "excluded" or not _ok(x):
        return None, None, False, msg("assess.level.no_value", indicator=label(), region=inp.region)
    if not _ok(ref) or inp.reference_statuses.get(code) == "excluded":
        return (
            None,
            None,
            False,
            msg("assess.level.no_reference", indicator=label(), reference=place(inp.reference_name)),
        )
    try:
        ratio = indicator_ratio(
            node.kind,
            float(x),
            float(ref),
            inp.basis_region.get(basis) if basis else None,
            inp.basis_reference.get(basis) if basis else None,
            node.direction,
        )
    except RatioUndefined as exc:
        why = exc.reason
        if basis and why.code == "assess.level.basis_missing":
            why = msg("assess.level.basis_missing_of", region=inp.region, reference=place(inp.reference_name),
                      basis=msg(BASIS_TERMS[basis]))  # fmt: skip
        return None, None, False, msg("assess.level.undefined", indicator=label(), why=why)
    capped = ratio > inp.cap
    score = 100.0 * min(ratio, inp.cap)
    if math.isinf(ratio):
        ratio = None
    note = None
    if capped:
        note = msg("assess.level.capped", indicator=label(), ratio=fmt(ratio, 2), cap=f"{inp.cap:g}", score=fmt(score))
    return ratio, score, capped, note


@dataclass(frozen=True)
class _Tree:
    """What every level computation reads from the framework, read once per framework."""

    bottom_up: tuple[tuple[str, tuple[tuple[str, float], ...]], ...]  # parent, its (child, weight), children first
    top_down: tuple[tuple[str, tuple[tuple[str, float], ...]], ...]  # every node in `codes` order, its children
    names: Mapping[str, str]  # leaf → its name in a region's wording (zh)
    terms: dict[str, Message] = field(default_factory=dict)  # node → indicator_term, filled as asked
    effective: dict[tuple[bool, ...], Mapping[str, float]] = field(default_factory=dict)  # alive nodes → weights


_TREES: dict[int, tuple[Framework, _Tree]] = {}


def _tree(framework: Framework) -> _Tree:
    hit = _TREES.get(id(framework))
    if hit is not None and hit[0] is framework:
        return hit[1]
    nodes = framework.nodes

    def kids(code: str) -> tuple[tuple[str, float], ...]:
        return tuple((k, nodes[k].weight) for k in framework.children(code))

    tree = _Tree(
        bottom_up=tuple((p, kids(p)) for p in framework.parents),
        top_down=tuple((c, kids(c)) for c in framework.codes),
        names={c: nodes[c].name("zh", regional=True) for c in framework.leaves},
    )
    if len(_TREES) > 16:  # frameworks edited in a session: keep the last few
        _TREES.clear()
    _TREES[id(framework)] = (framework, tree)
    return tree


def _aggregate(framework: Framework, leaf_levels: Mapping[str, float | None]) -> tuple[dict, Mapping[str, float]]:
    """(level per node, bottom-up with renormalised weights; effective overall weight per node, top-down)."""
    tree = _tree(framework)
    level: dict[str, float | None] = dict(leaf_levels)
    for parent, children in tree.bottom_up:
        kids = [(k, w) for k, w in children if level.get(k) is not None]
        total_w = sum(w for _, w in kids)
        level[parent] = sum(w * level[k] for k, w in kids) / total_w if kids and total_w > 0 else None
    key = tuple(level.get(c) is not None for c, _ in tree.top_down)  # the weights depend on this pattern only
    if key not in tree.effective:
        tree.effective[key] = _effective(tree, level)
    return level, tree.effective[key]


def _effective(tree: _Tree, level: Mapping[str, float | None]) -> Mapping[str, float]:
    """Effective overall weight per node, top-down with renormalised weights (read-only: shared per pattern)."""
    eff: dict[str, float] = {ROOT: 1.0 if level.get(ROOT) is not None else 0.0}
    for code, children in tree.top_down:
        alive = {k for k, _ in children if level.get(k) is not None}
        total_w = sum(w for k, w in children if k in alive)
        for k, w in children:
            eff[k] = eff[code] * w / total_w if k in alive and total_w > 0 else 0.0
    return MappingProxyType(eff)


def _status_notes(indicators: list[IndicatorScore], inp: _Inputs, year: int) -> list[Message]:
    """One sentence per region and status (预估, 插值); each indicator's own status stays in `indicators`."""
    out = []
    included = [i.code for i in indicators if i.included]
    for who, sts in ((inp.region, inp.statuses), (inp.reference_name, inp.reference_statuses)):
        for key in NOTED_KEYS:
            codes = [c for c in included if sts.get(c) == key]
            if codes:
                out.append(msg("assess.level.status_note", who=place(who), year=year, status=msg(f"status.{key}"),
                               codes=codes))  # fmt: skip
    return out


def compute_level(
    framework: Framework,
    values: Mapping[str, float | None],
    reference: Mapping[str, float | None],
    basis_region: Mapping[str, float | None],
    basis_reference: Mapping[str, float | None],
    *,
    region: str = "",
    reference_name: str = NATION,
    year: int = 0,
    cap: float = 3.0,
    statuses: Mapping[str, str] | None = None,
    reference_statuses: Mapping[str, str] | None = None,
    basis_notes: tuple[Message, ...] = (),
) -> LevelResult:
    """Level of `region` against `reference_name` for every node; every left-out indicator is noted."""
    inp = _Inputs(values, reference, basis_region, basis_reference, statuses or {}, reference_statuses or {},
                  region, reference_name, cap)  # fmt: skip
    scores = {code: _leaf_score(framework, code, inp) for code in framework.leaves}
    notes: list[Message] = list(basis_notes)
    notes += [note for (_, score, _, note) in scores.values() if note is not None and score is None]
    level, eff = _aggregate(framework, {c: scores[c][1] for c in framework.leaves})
    indicators = []
    names = _tree(framework).names
    for code in framework.leaves:
        node = framework.nodes[code]
        ratio, score, capped, note = scores[code]
        basis = _basis_of(node)
        x, ref = values.get(code), reference.get(code)
        indicators.append(
            IndicatorScore(
                code=code,
                name=names[code],
                kind=node.kind,
                basis=basis,
                value=float(x) if _ok(x) else None,
                reference_value=float(ref) if _ok(ref) else None,
                basis_region=basis_region.get(basis) if basis else None,
                basis_reference=basis_reference.get(basis) if basis else None,
                ratio=ratio,
                score=score,
                capped=capped,
                status=inp.status(code),
                reference_status=inp.reference_status(code),
                included=score is not None,
                weight=eff.get(code, 0.0),
                note=note or "",
            )
        )
    notes += _status_notes(indicators, inp, year)
    nodes = {c: level.get(c) for c in framework.codes}
    return LevelResult(region, reference_name, year, nodes, tuple(indicators), tuple(notes))


def performance_group(
    level: float | None, config, node: str = ROOT, label: Message | None = None, reference: str = NATION
) -> GroupVerdict:
    """Performance group of a level (领先型 ≥ 125 …), with the band it falls in (spec 02 §2.1).

    `label` names the node in the sentence (a term; default 总指数).
    """
    from .config import band_of, band_upper

    who = label or msg("assess.total")
    if level is None:
        return GroupVerdict(node, who, None, None, None, None, msg("assess.group.none", label=who), reference=reference)
    pos, band = band_of(level, config.groups)
    upper = band_upper(pos, config.groups)
    if upper is None:
        rng = msg("assess.group.range_top", lower=f"{band.lower:g}")
    elif pos == 0:
        rng = msg("assess.group.range_bottom", upper=f"{upper:g}")
    else:
        rng = msg("assess.group.range", lower=f"{band.lower:g}", upper=f"{upper:g}")
    bounds = [b for b in (band.lower if pos > 0 else None, upper) if b is not None]
    nearest = min(bounds, key=lambda b: abs(level - b)) if bounds else None
    shown = fmt(level) if nearest is None else fmt_vs(level, nearest)
    reason = msg("assess.group.reason", label=who, level=shown, range=rng, group=config.term(band.name),
                 reference=place(reference))  # fmt: skip
    margin = None if nearest is None else level - nearest
    return GroupVerdict(node, who, level, band.name, band.lower, upper, reason, margin, reference=reference)
