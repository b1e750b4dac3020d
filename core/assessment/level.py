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

from ..model.framework import ROOT, Framework
from ..model.observations import NATION
from .model import GroupVerdict, IndicatorScore, LevelResult, fmt

BASIS_ZH = {"gdp": "地区生产总值", "population": "常住人口"}
STATUS_NAMES = {0: "reported", 1: "estimate", 2: "interpolated", 3: "excluded"}
STATUS_ZH = {
    "estimate": "预估值",
    "interpolated": "插值",
    "reported": "填报值",
    "excluded": "已排除",
    "missing": "缺失",
}


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
    """r_i of spec 02 §2.1 (no cap). Raises ValueError with a Chinese reason when undefined."""
    if reference == 0:
        raise ValueError("参照值为 0，无法计算比值")
    r = value / reference
    if kind in ("size", "share_of_nation"):
        if not _ok(basis_region) or not _ok(basis_reference) or basis_region <= 0 or basis_reference <= 0:
            raise ValueError("缺少计算区位熵所需的基础数据")
        r /= basis_region / basis_reference
    if direction < 0:
        r = math.inf if r == 0 else 1.0 / r
    return r


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
    basis_notes: tuple[str, ...] = (),
) -> LevelResult:
    """Level of `region` against `reference_name` for every node; every left-out indicator is noted."""
    statuses = statuses or {}
    reference_statuses = reference_statuses or {}
    ratios: dict[str, tuple[float | None, float | None, bool, str]] = {}
    notes: list[str] = list(basis_notes)
    for code in framework.leaves:
        node = framework.nodes[code]
        x, ref = values.get(code), reference.get(code)
        st = statuses.get(code, "reported" if _ok(x) else "missing")
        basis = "gdp" if node.kind == "share_of_nation" else (node.basis if node.kind == "size" else None)
        note = ""
        ratio = score = None
        capped = False
        if st == "excluded" or not _ok(x):
            note = f"{framework.label(code, regional=True)}：{region}没有该指标的数值（已排除或缺失），不参与水平计算，同级指标权重重新归一。"
        elif not _ok(ref) or reference_statuses.get(code) == "excluded":
            note = f"{framework.label(code, regional=True)}：{reference_name}没有可比值，该指标不参与水平计算（不按 0 计），同级指标权重重新归一。"
        else:
            try:
                ratio = indicator_ratio(
                    node.kind,
                    float(x),
                    float(ref),
                    basis_region.get(basis) if basis else None,
                    basis_reference.get(basis) if basis else None,
                    node.direction,
                )
            except ValueError as exc:
                why = str(exc)
                if basis and "基础数据" in why:
                    why = f"缺少{region}或{reference_name}的{BASIS_ZH[basis]}"
                note = f"{framework.label(code, regional=True)}：{why}，该指标不参与水平计算，同级指标权重重新归一。"
            else:
                capped = ratio > cap
                score = 100.0 * min(ratio, cap)
                if math.isinf(ratio):
                    ratio = None
                if capped:
                    note = f"{framework.label(code, regional=True)}：比值 {fmt(ratio, 2)} 超过上限 {cap:g}，按 {cap:g} 计分（{fmt(score)}）。"
        ratios[code] = (ratio, score, capped, note)
        if note and score is None:
            notes.append(note)

    # aggregate bottom-up, renormalising over children that have a level
    level: dict[str, float | None] = {c: ratios[c][1] for c in framework.leaves}
    for parent in framework.parents:
        kids = [k for k in framework.children(parent) if level.get(k) is not None]
        total_w = sum(framework.nodes[k].weight for k in kids)
        level[parent] = (
            sum(framework.nodes[k].weight * level[k] for k in kids) / total_w if kids and total_w > 0 else None
        )
    # effective overall weights, top-down, over the nodes that have a level
    eff: dict[str, float] = {ROOT: 1.0 if level.get(ROOT) is not None else 0.0}
    for code in framework.codes:
        kids = framework.children(code)
        alive = [k for k in kids if level.get(k) is not None]
        total_w = sum(framework.nodes[k].weight for k in alive)
        for k in kids:
            eff[k] = eff[code] * framework.nodes[k].weight / total_w if k in alive and total_w > 0 else 0.0

    indicators = []
    for code in framework.leaves:
        node = framework.nodes[code]
        ratio, score, capped, note = ratios[code]
        basis = "gdp" if node.kind == "share_of_nation" else (node.basis if node.kind == "size" else None)
        x, ref = values.get(code), reference.get(code)
        indicators.append(
            IndicatorScore(
                code=code,
                name=node.name("zh", regional=True),
                kind=node.kind,
                basis=basis,
                value=float(x) if _ok(x) else None,
                reference_value=float(ref) if _ok(ref) else None,
                basis_region=basis_region.get(basis) if basis else None,
                basis_reference=basis_reference.get(basis) if basis else None,
                ratio=ratio,
                score=score,
                capped=capped,
                status=statuses.get(code, "reported" if _ok(x) else "missing"),
                reference_status=reference_statuses.get(code, "reported" if _ok(ref) else "missing"),
                included=score is not None,
                weight=eff.get(code, 0.0),
                note=note,
            )
        )
    # one sentence per region and status; each indicator's own status stays in `indicators`
    for who, sts in ((region, statuses), (reference_name, reference_statuses)):
        for status in ("estimate", "interpolated"):
            codes = [i.code for i in indicators if i.included and sts.get(i.code) == status]
            if codes:
                notes.append(f"{who} {year} 年以下指标为{STATUS_ZH[status]}：{'、'.join(codes)}。")
    nodes = {c: level.get(c) for c in framework.codes}
    return LevelResult(region, reference_name, year, nodes, tuple(indicators), tuple(notes))


def performance_group(level: float | None, config, node: str = ROOT, label: str = "总指数") -> GroupVerdict:
    """Performance group of a level (领先型 ≥ 125 …), with the band it falls in (spec 02 §2.1)."""
    from .config import band_of, band_upper

    if level is None:
        return GroupVerdict(node, label, None, None, None, None, f"{label}没有可计算的融合水平，无法分组。")
    pos, band = band_of(level, config.groups)
    upper = band_upper(pos, config.groups)
    rng = f"≥ {band.lower:g}" if upper is None else (f"< {upper:g}" if pos == 0 else f"{band.lower:g}–{upper:g}")
    return GroupVerdict(
        node,
        label,
        level,
        band.name,
        band.lower,
        upper,
        f"{label}融合水平 {fmt(level)}（全国 = 100），落在 {rng} 区间，属{band.name}。",
    )
