"""Partners (和谁融合) and sameness (同质化) among the loaded regions (spec 02 §2.8).

    complementarity(a ← b) = Σ_{p: L_a,p < 100} w_p × max(0, L_b,p − L_a,p)  × 1.2 if a, b share a border
    sameness(a, b) = cosine of (L_a,p − mean_a) and (L_b,p − mean_b) over the pillars;
                     above 0.9 with a neighbour of the same role → 定位趋同 warning

Adjacency of the 31 provinces comes from `resources/geo/provinces.toml` (core.model.regions); for
cities the user supplies it (a TOML file `[adjacency] "城市" = ["邻市", …]`, names quoted, made symmetric).
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from pathlib import Path

from ..kernel.problems import InputError, Problem
from ..model.framework import Framework
from .config import EPS, AssessmentConfig
from .model import Partner, PillarPartner, SamenessItem, fmt

Levels = Mapping[str, Mapping[str, float | None]]  # region → pillar → L


def province_adjacency(regions: list[str] | tuple[str, ...]) -> dict[str, set[str]]:
    """Neighbours among `regions` from the shipped province table (names matched canonically)."""
    from ..model.regions import canonical_region_name, neighbours

    canon = {r: canonical_region_name(r) for r in regions}
    back: dict[str, str] = {c: r for r, c in canon.items() if c}
    out: dict[str, set[str]] = {}
    for r, c in canon.items():
        if c:
            out[r] = {back[n] for n in neighbours(c) if n in back}
    return out


def read_adjacency(path: str | Path) -> dict[str, set[str]]:
    """User-supplied adjacency (cities): `[adjacency]` table of name → list of neighbours; symmetric."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(
            [
                Problem(
                    "adjacency_unreadable",
                    f'无法读取毗邻关系文件（{exc.__class__.__name__}）：应为 UTF-8 编码的 TOML，形如 [adjacency] "南京市" = ["镇江市", "扬州市"]（中文名称须加引号）。',
                    file=p.name,
                )
            ]
        ) from None
    table = data.get("adjacency")
    if not isinstance(table, dict):
        raise InputError([Problem("adjacency_invalid", "毗邻关系文件缺少 [adjacency] 表。", file=p.name)])
    out: dict[str, set[str]] = {}
    for a, ns in table.items():
        if not isinstance(ns, list) or not all(isinstance(n, str) for n in ns):
            raise InputError([Problem("adjacency_invalid", f"{a} 的毗邻地区应写成字符串列表。", file=p.name, region=a)])
        for b in ns:
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    return out


def complementarity(
    target: Mapping[str, float | None],
    peer: Mapping[str, float | None],
    weights: Mapping[str, float],
    adjacent: bool,
    config: AssessmentConfig,
) -> tuple[float, dict[str, float]]:
    """(score with the adjacency factor, per weak pillar gain before the factor)."""
    gains: dict[str, float] = {}
    for p, la in target.items():
        lb = peer.get(p)
        if la is None or lb is None or la >= config.partner_weak_below - EPS:
            continue
        gains[p] = weights[p] * max(0.0, lb - la)
    total = sum(gains.values()) * (config.adjacency_factor if adjacent else 1.0)
    return total, gains


def find_partners(
    region: str,
    levels: Levels,
    framework: Framework,
    adjacency: Mapping[str, set[str]],
    config: AssessmentConfig,
    peers: list[str] | None = None,
    reference_name: str = "全国",
) -> dict:
    """Top partners overall and the top N per weak pillar, each with its one-sentence reason."""
    weights = {p: framework.nodes[p].weight for p in framework.pillars}
    own = levels[region]
    candidates = [r for r in (peers if peers is not None else list(levels)) if r != region and r in levels]
    neigh = adjacency.get(region, set())
    weak = [p for p in framework.pillars if own.get(p) is not None and own[p] < config.partner_weak_below - EPS]
    overall: list[Partner] = []
    for b in candidates:
        adj = b in neigh
        score, gains = complementarity(own, levels[b], weights, adj, config)
        if score <= 0:
            continue
        best = max(gains, key=lambda p: gains[p])
        reason = (
            f"{b}的{framework.nodes[best].name_zh}水平 {fmt(levels[b][best])}，高出{region}（{fmt(own[best])}）"
            f"{fmt(levels[b][best] - own[best])} 点；互补度 {fmt(score, 2)}{'（毗邻 ×' + format(config.adjacency_factor, 'g') + '）' if adj else ''}。"
        )
        overall.append(Partner(b, score, adj, gains, reason))
    overall.sort(key=lambda x: (-x.score, x.peer))
    by_pillar: dict[str, list[dict]] = {}
    for p in weak:
        items = []
        for b in candidates:
            lb = levels[b].get(p)
            if lb is None or lb <= own[p]:
                continue
            adj = b in neigh
            gain = weights[p] * (lb - own[p]) * (config.adjacency_factor if adj else 1.0)
            reason = (
                f"{region}{framework.nodes[p].name_zh}水平 {fmt(own[p])} 低于{reference_name}，{b}为 {fmt(lb)}，"
                f"高出 {fmt(lb - own[p])} 点{'，且两地毗邻' if adj else ''}，适合在该环节合作。"
            )
            items.append(PillarPartner(p, b, own[p], lb, gain, adj, reason))
        items.sort(key=lambda x: (-x.gain, x.peer))
        by_pillar[p] = [i.to_dict() for i in items[: config.partner_top_n]]
    if not weak:
        sentence = (
            f"{region}各一级指标均不低于{reference_name}水平（{config.partner_weak_below:g}），无需按短板寻找互补伙伴。"
        )
    elif not overall:
        sentence = f"已载入的地区中没有在{region}短板环节更强的地区。"
    else:
        sentence = (
            "互补度最高的伙伴："
            + "、".join(f"{x.peer}（{fmt(x.score, 2)}）" for x in overall[: config.partner_top_n])
            + "。"
        )
    return {
        "weak_pillars": weak,
        "top": [x.to_dict() for x in overall[: config.partner_top_n]],
        "by_pillar": by_pillar,
        "peers_considered": len(candidates),
        "reference": reference_name,
        "sentence": sentence,
    }


def profile_cosine(a: Mapping[str, float | None], b: Mapping[str, float | None]) -> float | None:
    """Cosine of the two pillar profiles centred on each region's own mean; None if either is flat."""
    keys = [k for k in a if a.get(k) is not None and b.get(k) is not None]
    if len(keys) < 2:
        return None
    ma = sum(a[k] for k in keys) / len(keys)
    mb = sum(b[k] for k in keys) / len(keys)
    va = [a[k] - ma for k in keys]
    vb = [b[k] - mb for k in keys]
    na, nb = math.sqrt(sum(x * x for x in va)), math.sqrt(sum(x * x for x in vb))
    if na < 1e-12 or nb < 1e-12:
        return None
    return sum(x * y for x, y in zip(va, vb, strict=False)) / (na * nb)


def sameness(
    region: str,
    levels: Levels,
    roles: Mapping[str, str | None],
    adjacency: Mapping[str, set[str]],
    config: AssessmentConfig,
    peers: list[str] | None = None,
) -> tuple[SamenessItem, ...]:
    """Warnings (neighbour, same role, cosine above the threshold) first, then the most similar peers."""
    candidates = [r for r in (peers if peers is not None else list(levels)) if r != region and r in levels]
    neigh = adjacency.get(region, set())
    items = []
    for b in candidates:
        cos = profile_cosine(levels[region], levels[b])
        if cos is None:
            continue
        adj = b in neigh
        same_role = roles.get(region) is not None and roles.get(region) == roles.get(b)
        warn = adj and same_role and cos > config.cosine_threshold
        if warn:
            reason = (
                f"{region}与毗邻的{b}一级指标剖面余弦相似度 {fmt(cos, 3)} > {config.cosine_threshold:g}，且同为{roles[region]}，"
                f"提示{config.sameness_name}：宜错位布局、分工协作。"
            )
        else:
            why = []
            if cos <= config.cosine_threshold:
                why.append(f"相似度 {fmt(cos, 3)} 未超过 {config.cosine_threshold:g}")
            if not adj:
                why.append("两地不毗邻")
            if not same_role:
                why.append("功能定位不同")
            reason = f"{region}与{b}剖面相似度 {fmt(cos, 3)}；" + "，".join(why) + "，不构成定位趋同预警。"
        items.append(SamenessItem(b, cos, adj, same_role, warn, reason))
    warnings = sorted([i for i in items if i.warning], key=lambda i: (-i.cosine, i.peer))
    others = sorted([i for i in items if not i.warning], key=lambda i: (-i.cosine, i.peer))[: config.sameness_show_top]
    return tuple(warnings + others)
