"""Thresholds, names and grade tables of the assessment, loaded from `resources/assessment/`.

Nothing the assessment decides is written in an `if` with a literal: the cut-offs and the
words shown to officials live in `thresholds.toml` (and the levers in `levers.toml`), which
an office may copy and edit. Loading validates everything and reports every problem at once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..kernel.problems import InputError, Problem
from ..kernel.resources import load_toml

THRESHOLDS_RESOURCE = "assessment/thresholds.toml"
LEVERS_RESOURCE = "assessment/levers.toml"
CRITERIA = ("diffusibility", "scenario_fit", "chain_embedding", "strategic_fit")
CRITERIA_ZH = {
    "diffusibility": "技术可扩散性",
    "scenario_fit": "应用场景适配性",
    "chain_embedding": "产业链嵌入深度",
    "strategic_fit": "与国家战略产业契合度",
}
EPS = 1e-9  # values within EPS of a threshold count as equal to it (L = 100.0000000001 is 100)


@dataclass(frozen=True)
class Band:
    """One named interval [lower, next band's lower); bands are kept in ascending order."""

    name: str
    lower: float
    description: str = ""


def band_of(value: float, bands: tuple[Band, ...]) -> tuple[int, Band]:
    """(position, band) of `value`; position 0 is the lowest band. Lower bounds are inclusive."""
    pos = 0
    for i, b in enumerate(bands):
        if value >= b.lower - EPS:
            pos = i
    return pos, bands[pos]


def band_upper(pos: int, bands: tuple[Band, ...]) -> float | None:
    return bands[pos + 1].lower if pos + 1 < len(bands) else None


@dataclass(frozen=True)
class Lever:
    id: str
    name_zh: str
    text_zh: str
    fusion: str
    targets: tuple[str, ...]
    sources: tuple[tuple[str, str], ...]  # (seed id, section)
    practice_zh: str = ""

    def source_zh(self, seeds: Mapping[str, str]) -> str:
        return "；".join(f"{seeds.get(s, s)} {sec}" for s, sec in self.sources)


@dataclass(frozen=True)
class AssessmentConfig:
    """Every threshold and name of spec 02, validated."""

    version: str
    score_cap: float
    top_n: int
    groups: tuple[Band, ...]  # ascending
    split_level: float
    split_momentum: float
    quadrant_names: Mapping[tuple[bool, bool], str]  # (level high, momentum high) → name
    balanced_spread: float
    balanced_name: str
    balanced_description: str
    roles: Mapping[str, tuple[str, str]]  # pillar code → (name, description)
    alpha: float
    beta: float
    coupling_grades: tuple[Band, ...]
    type_threshold: float
    type_names: Mapping[str, str]  # industry_lags / science_lags / in_step
    horizon_year: int
    high_momentum: float
    low_momentum: float
    potential_names: Mapping[str, str]  # high / medium / low
    industry_max_rows: int
    score_min: float
    score_max: float
    lq_split: float
    potential_split: float
    industry_quadrants: Mapping[tuple[bool, bool], str]  # (potential high, base high) → name
    criteria_weights: Mapping[str, float]
    partner_weak_below: float
    adjacency_factor: float
    partner_top_n: int
    cosine_threshold: float
    sameness_name: str
    sameness_show_top: int
    lever_weak_below: float
    lever_max_weak: int
    lever_max_per_weak: int
    levers: tuple[Lever, ...] = ()
    fusions: tuple[str, ...] = ()
    seeds: Mapping[str, str] = field(default_factory=dict)
    source: str = THRESHOLDS_RESOURCE


def load_config(
    path: str | Path | None = None, levers_path: str | Path | None = None, pillars: tuple[str, ...] | None = None
) -> AssessmentConfig:
    """Load and validate thresholds (and the levers library); `None` loads the shipped files.

    `pillars`, when given, are the framework's pillar codes: every pillar needs a role name.
    """
    data, label = load_toml(path, THRESHOLDS_RESOURCE, "评估配置文件", "assessment_config")
    ldata, llabel = load_toml(levers_path, LEVERS_RESOURCE, "路径建议库文件", "assessment_levers")
    problems: list[Problem] = []

    def bad(message: str, file: str = label) -> None:
        problems.append(Problem("assessment_config_invalid", message, file=file))

    def num(
        section: Mapping,
        key: str,
        where: str,
        lo: float | None = None,
        hi: float | None = None,
        default: float | None = None,
    ) -> float:
        v = section.get(key, default)
        if not isinstance(v, (int, float)) or isinstance(v, bool) or not math.isfinite(v):
            bad(f"[{where}] {key} 必须是数值（当前为 {v!r}）。")
            return float(default if default is not None else 0.0)
        if (lo is not None and v < lo) or (hi is not None and v > hi):
            bad(f"[{where}] {key} = {v} 超出允许范围 {lo}–{hi}。")
        return float(v)

    def text(section: Mapping, key: str, where: str) -> str:
        v = section.get(key)
        if not isinstance(v, str) or not v.strip():
            bad(f"[{where}] 缺少名称 {key}。")
            return key
        return v.strip()

    def bands(raw: object, where: str, lo: float, hi: float | None) -> tuple[Band, ...]:
        if not isinstance(raw, list) or not raw:
            bad(f"缺少 [[{where}]] 分档表。")
            return (Band("?", lo),)
        out = []
        for i, b in enumerate(raw, start=1):
            if not isinstance(b, Mapping):
                bad(f"[[{where}]] 第 {i} 项格式错误。")
                continue
            out.append(Band(text(b, "name", where), num(b, "min", where, lo, hi), str(b.get("description", ""))))
        out.sort(key=lambda b: b.lower)
        names = [b.name for b in out]
        if len(set(names)) != len(names):
            bad(f"[[{where}]] 中的名称必须各不相同。")
        lowers = [b.lower for b in out]
        if len(set(lowers)) != len(lowers):
            bad(f"[[{where}]] 中的下限 min 不能重复。")
        if out and out[0].lower > lo:
            bad(f"[[{where}]] 最低一档的下限应为 {lo:g}，否则低于它的值无法归档。")
        return tuple(out)

    level = data.get("level", {})
    score_cap = num(level, "score_cap", "level", 1.0, 100.0, 3.0)
    top_n = int(num(level, "top_n", "level", 1, 27, 5))
    groups = bands(data.get("group"), "group", 0.0, None)
    q = data.get("quadrant", {})
    quadrant_names = {
        (True, True): text(q, "high_level_high_momentum", "quadrant"),
        (True, False): text(q, "high_level_low_momentum", "quadrant"),
        (False, True): text(q, "low_level_high_momentum", "quadrant"),
        (False, False): text(q, "low_level_low_momentum", "quadrant"),
    }
    role = data.get("role", {})
    roles: dict[str, tuple[str, str]] = {}
    for r in role.get("pillar", []):
        code = str(r.get("pillar", "")).strip()
        if code in roles:
            bad(f"[[role.pillar]] 一级指标 {code} 重复定义。")
        roles[code] = (text(r, "name", "role.pillar"), str(r.get("description", "")))
    for code in pillars or ():
        if code not in roles:
            bad(f"[[role.pillar]] 缺少一级指标 {code} 的功能定位名称。")
    c = data.get("coupling", {})
    alpha = num(c, "alpha", "coupling", 0.0, 1.0, 0.5)
    beta = num(c, "beta", "coupling", 0.0, 1.0, 0.5)
    if abs(alpha + beta - 1.0) > 1e-9:
        bad(f"[coupling] alpha + beta 必须等于 1（当前 {alpha + beta:g}）。")
    grades = bands(c.get("grade"), "coupling.grade", 0.0, 1.0)
    p = data.get("potential", {})
    ind = data.get("industries", {})
    weights_raw = ind.get("weights", {})
    weights = {k: num(weights_raw, k, "industries.weights", 0.0, None, 0.25) for k in CRITERIA}
    extra = set(weights_raw) - set(CRITERIA)
    if extra:
        bad(f"[industries.weights] 未知的评分项 {'、'.join(sorted(extra))}；只能是 {'、'.join(CRITERIA)}。")
    if sum(weights.values()) <= 0:
        bad("[industries.weights] 权重之和必须大于 0。")
    part = data.get("partners", {})
    same = data.get("sameness", {})
    lev = data.get("levers", {})
    score_min = num(ind, "score_min", "industries", 0.0, None, 1.0)
    score_max = num(ind, "score_max", "industries", 0.0, None, 5.0)
    if score_max <= score_min:
        bad("[industries] score_max 必须大于 score_min。")
    high_m = num(p, "high_momentum", "potential", 0.0, None, 110.0)
    low_m = num(p, "low_momentum", "potential", 0.0, None, 95.0)
    if low_m > high_m:
        bad("[potential] low_momentum 不能大于 high_momentum。")

    levers, fusions, seeds = _levers(ldata, llabel, problems)
    if problems:
        raise InputError(problems)
    total_w = sum(weights.values())
    return AssessmentConfig(
        version=str(data.get("version", "")),
        score_cap=score_cap,
        top_n=top_n,
        groups=groups,
        split_level=num(q, "split_level", "quadrant", 0.0, None, 100.0),
        split_momentum=num(q, "split_momentum", "quadrant", 0.0, None, 100.0),
        quadrant_names=quadrant_names,
        balanced_spread=num(role, "balanced_spread", "role", 0.0, None, 0.15),
        balanced_name=text(role, "balanced_name", "role"),
        balanced_description=str(role.get("balanced_description", "")),
        roles=roles,
        alpha=alpha,
        beta=beta,
        coupling_grades=grades,
        type_threshold=num(c, "type_threshold", "coupling", 0.0, 1.0, 0.05),
        type_names={
            "industry_lags": text(c, "type_industry_lags", "coupling"),
            "science_lags": text(c, "type_science_lags", "coupling"),
            "in_step": text(c, "type_in_step", "coupling"),
        },
        horizon_year=int(num(p, "horizon_year", "potential", 2000, 2100, 2030)),
        high_momentum=high_m,
        low_momentum=low_m,
        potential_names={
            "high": text(p, "high_name", "potential"),
            "medium": text(p, "medium_name", "potential"),
            "low": text(p, "low_name", "potential"),
        },
        industry_max_rows=int(num(ind, "max_rows", "industries", 1, 10000, 30)),
        score_min=score_min,
        score_max=score_max,
        lq_split=num(ind, "lq_split", "industries", 0.0, None, 1.0),
        potential_split=num(ind, "potential_split", "industries", 0.0, 100.0, 60.0),
        industry_quadrants={
            (True, True): text(ind, "high_potential_high_base", "industries"),
            (True, False): text(ind, "high_potential_low_base", "industries"),
            (False, True): text(ind, "low_potential_high_base", "industries"),
            (False, False): text(ind, "low_potential_low_base", "industries"),
        },
        criteria_weights={k: v / total_w for k, v in weights.items()},
        partner_weak_below=num(part, "weak_below", "partners", 0.0, None, 100.0),
        adjacency_factor=num(part, "adjacency_factor", "partners", 0.0, None, 1.2),
        partner_top_n=int(num(part, "top_n", "partners", 1, 100, 3)),
        cosine_threshold=num(same, "cosine_threshold", "sameness", -1.0, 1.0, 0.9),
        sameness_name=text(same, "warning_name", "sameness"),
        sameness_show_top=int(num(same, "show_top", "sameness", 0, 100, 3)),
        lever_weak_below=num(lev, "weak_below", "levers", 0.0, None, 100.0),
        lever_max_weak=int(num(lev, "max_weak", "levers", 1, 100, 4)),
        lever_max_per_weak=int(num(lev, "max_per_weak", "levers", 1, 100, 2)),
        levers=levers,
        fusions=fusions,
        seeds=seeds,
        source=label,
    )


def _levers(
    data: Mapping, label: str, problems: list[Problem]
) -> tuple[tuple[Lever, ...], tuple[str, ...], dict[str, str]]:
    def bad(message: str) -> None:
        problems.append(Problem("levers_invalid", message, file=label))

    fusions = tuple(str(f) for f in data.get("fusions", ()))
    seeds = {str(k): str(v) for k, v in data.get("seeds", {}).items()}
    out: list[Lever] = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("lever", []), start=1):
        lid = str(raw.get("id", "")).strip()
        if not lid:
            bad(f"第 {i} 条路径缺少 id。")
            continue
        if lid in seen:
            bad(f"路径 {lid} 的 id 重复。")
        seen.add(lid)
        for key in ("name_zh", "text_zh"):
            if not str(raw.get(key, "")).strip():
                bad(f"路径 {lid} 缺少 {key}。")
        fusion = str(raw.get("fusion", ""))
        if fusions and fusion not in fusions:
            bad(f"路径 {lid} 的 fusion “{fusion}” 不在 fusions 列表（{'、'.join(fusions)}）中。")
        targets = tuple(str(t) for t in raw.get("targets", ()))
        if not targets:
            bad(f"路径 {lid} 没有 targets（对应的指标代码）。")
        sources = []
        for s in raw.get("sources", ()):
            seed, section = str(s.get("seed", "")), str(s.get("section", ""))
            if not seed or not section:
                bad(f"路径 {lid} 的来源必须写明 seed 和 section。")
            elif seeds and seed not in seeds:
                bad(f"路径 {lid} 引用了未登记的来源文献 {seed}。")
            sources.append((seed, section))
        if not sources:
            bad(f"路径 {lid} 没有来源（sources），每条建议都必须注明出处。")
        out.append(
            Lever(
                lid,
                str(raw.get("name_zh", "")),
                str(raw.get("text_zh", "")),
                fusion,
                targets,
                tuple(sources),
                str(raw.get("practice_zh", "")),
            )
        )
    if not out:
        bad("路径建议库中没有任何 [[lever]]。")
    return tuple(out), fusions, seeds
