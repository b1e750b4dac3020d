"""Thresholds, names and grade tables of the assessment, loaded from `resources/assessment/`.

Nothing the assessment decides is written in an `if` with a literal: the cut-offs and the
words shown to officials live in `thresholds.toml` (and the levers in `levers.toml`), which
an office may copy and edit. Loading validates everything and reports every problem at once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..kernel.messages import Message, msg
from ..kernel.problems import InputError, Problem
from ..kernel.resources import load_toml
from .model import EPS  # values within EPS of a threshold count as equal to it (L = 100.0000000001 is 100)

THRESHOLDS_RESOURCE = "assessment/thresholds.toml"
LEVERS_RESOURCE = "assessment/levers.toml"
CRITERIA = ("diffusibility", "scenario_fit", "chain_embedding", "strategic_fit")
CRITERIA_ZH = {
    "diffusibility": "技术可扩散性",
    "scenario_fit": "应用场景适配性",
    "chain_embedding": "产业链嵌入深度",
    "strategic_fit": "与国家战略产业契合度",
}
CRITERIA_EN = {
    "diffusibility": "technology diffusibility",
    "scenario_fit": "fit with application scenarios",
    "chain_embedding": "depth of industrial-chain embedding",
    "strategic_fit": "fit with national strategic industries",
}


@lru_cache(maxsize=4096)
def term(zh: str, en: str) -> Message:
    """A name that is data (a verdict name, an indicator's name) as a Message rendering in either language.
    One Message per name (messages are not changed once built): every verdict naming it shares it."""
    return Message("assess.name", {"name": {"zh": zh, "en": en}})


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
    name_en: str = ""
    text_en: str = ""
    sections_en: tuple[str, ...] = ()  # each source's section in English (parallel to `sources`)

    @property
    def name(self) -> Message:
        return term(self.name_zh, self.name_en or self.name_zh)

    @property
    def text(self) -> Message:
        return term(self.text_zh, self.text_en or self.text_zh)

    def source_zh(self, seeds: Mapping[str, str]) -> str:
        return "；".join(f"{seeds.get(s, s)} {sec}" for s, sec in self.sources)

    def source(self, seeds: Mapping[str, str], seeds_en: Mapping[str, str]) -> Message:
        """Where the lever comes from (publication and section), in either language."""
        en = "; ".join(
            f"{seeds_en.get(s, seeds.get(s, s))}, {sec_en or sec}"
            for (s, sec), sec_en in zip(self.sources, self.sections_en or ("",) * len(self.sources), strict=True)
        )
        return term(self.source_zh(seeds), en)


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
    seeds_en: Mapping[str, str] = field(default_factory=dict)  # the seed publications' titles in English
    names_en: Mapping[str, str] = field(default_factory=dict)  # every name above (Chinese) → its English twin
    source: str = THRESHOLDS_RESOURCE
    # verdict robustness (spec 02 §2.11, [robustness] in thresholds.toml)
    robust_draws: int = 1000
    robust_seed: int = 20250101
    robust_scheme: str = "uniform"
    robust_spread: float = 0.2
    band_estimate: float = 0.10
    band_interpolated: float = 0.05
    borderline_share: float = 0.8

    def term(self, name: str | None) -> Message | None:
        """A verdict name of this file (领先型 …) as a term Message: Chinese, or its English twin."""
        return None if name is None else term(name, self.names_en.get(name, name))


class _Section:
    """Reads one data file's values, collecting every problem instead of stopping at the first."""

    def __init__(self, label: str, problems: list[Problem], names_en: dict[str, str]):
        self.label, self.problems, self.names_en = label, problems, names_en

    def bad(self, code: str, **args: object) -> None:
        self.problems.append(Problem(code, args, file=self.label))

    def num(
        self, section: Mapping, key: str, where: str, lo: float | None = None, hi: float | None = None, default=None
    ) -> float:
        v = section.get(key, default)
        if not isinstance(v, (int, float)) or isinstance(v, bool) or not math.isfinite(v):
            self.bad("assess.config.not_number", section=where, key=key, value=repr(v))
            return float(default if default is not None else 0.0)
        if (lo is not None and v < lo) or (hi is not None and v > hi):
            self.bad("assess.config.out_of_range", section=where, key=key, value=v, lo=lo, hi=hi)
        return float(v)

    def text(self, section: Mapping, key: str, where: str) -> str:
        """A name shown to officials; its English twin `<key>_en` is remembered for the English UI."""
        v = section.get(key)
        if not isinstance(v, str) or not v.strip():
            self.bad("assess.config.name_missing", section=where, key=key)
            return key
        en = section.get(f"{key}_en")
        if isinstance(en, str) and en.strip():
            self.names_en[v.strip()] = en.strip()
        return v.strip()

    def description(self, section: Mapping, key: str) -> str:
        v = str(section.get(key, ""))
        en = section.get(f"{key}_en")
        if v and isinstance(en, str) and en.strip():
            self.names_en[v] = en.strip()
        return v

    def bands(self, raw: object, where: str, lo: float, hi: float | None) -> tuple[Band, ...]:
        if not isinstance(raw, list) or not raw:
            self.bad("assess.config.bands_missing", section=where)
            return (Band("?", lo),)
        out = []
        for i, b in enumerate(raw, start=1):
            if not isinstance(b, Mapping):
                self.bad("assess.config.band_invalid", section=where, n=i)
                continue
            out.append(
                Band(self.text(b, "name", where), self.num(b, "min", where, lo, hi), self.description(b, "description"))
            )
        out.sort(key=lambda b: b.lower)
        if len({b.name for b in out}) != len(out):
            self.bad("assess.config.band_names_repeat", section=where)
        if len({b.lower for b in out}) != len(out):
            self.bad("assess.config.band_lowers_repeat", section=where)
        if out and out[0].lower > lo:
            self.bad("assess.config.band_lowest", section=where, lo=f"{lo:g}")
        return tuple(out)


def _level_and_groups(r: _Section, data: Mapping) -> dict:
    level, q = data.get("level", {}), data.get("quadrant", {})
    return {
        "score_cap": r.num(level, "score_cap", "level", 1.0, 100.0, 3.0),
        "top_n": int(r.num(level, "top_n", "level", 1, 27, 5)),
        "groups": r.bands(data.get("group"), "group", 0.0, None),
        "split_level": r.num(q, "split_level", "quadrant", 0.0, None, 100.0),
        "split_momentum": r.num(q, "split_momentum", "quadrant", 0.0, None, 100.0),
        "quadrant_names": {
            (True, True): r.text(q, "high_level_high_momentum", "quadrant"),
            (True, False): r.text(q, "high_level_low_momentum", "quadrant"),
            (False, True): r.text(q, "low_level_high_momentum", "quadrant"),
            (False, False): r.text(q, "low_level_low_momentum", "quadrant"),
        },
    }


def _roles(r: _Section, data: Mapping, pillars: tuple[str, ...] | None) -> dict:
    role = data.get("role", {})
    roles: dict[str, tuple[str, str]] = {}
    for item in role.get("pillar", []):
        code = str(item.get("pillar", "")).strip()
        if code in roles:
            r.bad("assess.config.role_repeat", pillar=code)
        roles[code] = (r.text(item, "name", "role.pillar"), r.description(item, "description"))
    for code in pillars or ():
        if code not in roles:
            r.bad("assess.config.role_missing", pillar=code)
    return {
        "balanced_spread": r.num(role, "balanced_spread", "role", 0.0, None, 0.15),
        "balanced_name": r.text(role, "balanced_name", "role"),
        "balanced_description": r.description(role, "balanced_description"),
        "roles": roles,
    }


def _coupling_and_potential(r: _Section, data: Mapping) -> dict:
    c, p = data.get("coupling", {}), data.get("potential", {})
    alpha = r.num(c, "alpha", "coupling", 0.0, 1.0, 0.5)
    beta = r.num(c, "beta", "coupling", 0.0, 1.0, 0.5)
    if abs(alpha + beta - 1.0) > 1e-9:
        r.bad("assess.config.alpha_beta", total=f"{alpha + beta:g}")
    high_m = r.num(p, "high_momentum", "potential", 0.0, None, 110.0)
    low_m = r.num(p, "low_momentum", "potential", 0.0, None, 95.0)
    if low_m > high_m:
        r.bad("assess.config.momentum_order")
    return {
        "alpha": alpha,
        "beta": beta,
        "coupling_grades": r.bands(c.get("grade"), "coupling.grade", 0.0, 1.0),
        "type_threshold": r.num(c, "type_threshold", "coupling", 0.0, 1.0, 0.05),
        "type_names": {
            "industry_lags": r.text(c, "type_industry_lags", "coupling"),
            "science_lags": r.text(c, "type_science_lags", "coupling"),
            "in_step": r.text(c, "type_in_step", "coupling"),
        },
        "horizon_year": int(r.num(p, "horizon_year", "potential", 2000, 2100, 2030)),
        "high_momentum": high_m,
        "low_momentum": low_m,
        "potential_names": {k: r.text(p, f"{k}_name", "potential") for k in ("high", "medium", "low")},
    }


def _industries(r: _Section, data: Mapping) -> dict:
    ind = data.get("industries", {})
    weights_raw = ind.get("weights", {})
    weights = {k: r.num(weights_raw, k, "industries.weights", 0.0, None, 0.25) for k in CRITERIA}
    extra = set(weights_raw) - set(CRITERIA)
    if extra:
        r.bad("assess.config.weights_unknown", names=sorted(extra), allowed=list(CRITERIA))
    total_w = sum(weights.values())
    if total_w <= 0:
        r.bad("assess.config.weights_zero")
        total_w = 1.0
    score_min = r.num(ind, "score_min", "industries", 0.0, None, 1.0)
    score_max = r.num(ind, "score_max", "industries", 0.0, None, 5.0)
    if score_max <= score_min:
        r.bad("assess.config.score_range")
    return {
        "industry_max_rows": int(r.num(ind, "max_rows", "industries", 1, 10000, 30)),
        "score_min": score_min,
        "score_max": score_max,
        "lq_split": r.num(ind, "lq_split", "industries", 0.0, None, 1.0),
        "potential_split": r.num(ind, "potential_split", "industries", 0.0, 100.0, 60.0),
        "industry_quadrants": {
            (True, True): r.text(ind, "high_potential_high_base", "industries"),
            (True, False): r.text(ind, "high_potential_low_base", "industries"),
            (False, True): r.text(ind, "low_potential_high_base", "industries"),
            (False, False): r.text(ind, "low_potential_low_base", "industries"),
        },
        "criteria_weights": {k: v / total_w for k, v in weights.items()},
    }


def _partners_and_levers(r: _Section, data: Mapping) -> dict:
    part, same, lev = data.get("partners", {}), data.get("sameness", {}), data.get("levers", {})
    return {
        "partner_weak_below": r.num(part, "weak_below", "partners", 0.0, None, 100.0),
        "adjacency_factor": r.num(part, "adjacency_factor", "partners", 0.0, None, 1.2),
        "partner_top_n": int(r.num(part, "top_n", "partners", 1, 100, 3)),
        "cosine_threshold": r.num(same, "cosine_threshold", "sameness", -1.0, 1.0, 0.9),
        "sameness_name": r.text(same, "warning_name", "sameness"),
        "sameness_show_top": int(r.num(same, "show_top", "sameness", 0, 100, 3)),
        "lever_weak_below": r.num(lev, "weak_below", "levers", 0.0, None, 100.0),
        "lever_max_weak": int(r.num(lev, "max_weak", "levers", 1, 100, 4)),
        "lever_max_per_weak": int(r.num(lev, "max_per_weak", "levers", 1, 100, 2)),
    }


def _robustness(r: _Section, data: Mapping) -> dict:
    rob = data.get("robustness", {})
    scheme = str(rob.get("weight_scheme", "uniform"))
    if scheme not in ("uniform", "dirichlet"):
        r.bad("assess.config.out_of_range", section="robustness", key="weight_scheme", value=scheme, lo="uniform",
              hi="dirichlet")  # fmt: skip
    return {
        "robust_draws": int(r.num(rob, "draws", "robustness", 10, 1_000_000, 1000)),
        "robust_seed": int(r.num(rob, "seed", "robustness", 0, None, 20250101)),
        "robust_scheme": scheme,
        "robust_spread": r.num(rob, "weight_spread", "robustness", 0.0, 0.99, 0.2),
        "band_estimate": r.num(rob, "band_estimate", "robustness", 0.0, 0.99, 0.10),
        "band_interpolated": r.num(rob, "band_interpolated", "robustness", 0.0, 0.99, 0.05),
        "borderline_share": r.num(rob, "borderline_share", "robustness", 0.0, 1.0, 0.8),
    }


def load_config(
    path: str | Path | None = None, levers_path: str | Path | None = None, pillars: tuple[str, ...] | None = None
) -> AssessmentConfig:
    """Load and validate thresholds (and the levers library); `None` loads the shipped files.

    `pillars`, when given, are the framework's pillar codes: every pillar needs a role name.
    """
    data, label = load_toml(path, THRESHOLDS_RESOURCE, msg("file_kind.assessment_config"))
    ldata, llabel = load_toml(levers_path, LEVERS_RESOURCE, msg("file_kind.assessment_levers"))
    problems: list[Problem] = []
    names_en: dict[str, str] = {}
    r = _Section(label, problems, names_en)
    parts = {
        **_level_and_groups(r, data),
        **_roles(r, data, pillars),
        **_coupling_and_potential(r, data),
        **_industries(r, data),
        **_partners_and_levers(r, data),
        **_robustness(r, data),
    }
    levers, fusions, seeds = _levers(ldata, llabel, problems)
    fusions_en = ldata.get("fusions_en", ())
    if isinstance(fusions_en, list) and len(fusions_en) == len(fusions):
        names_en.update({zh: str(en) for zh, en in zip(fusions, fusions_en, strict=True)})
    if problems:
        raise InputError(problems)
    return AssessmentConfig(
        version=str(data.get("version", "")),
        **parts,
        levers=levers,
        fusions=fusions,
        seeds=seeds,
        seeds_en={str(k): str(v) for k, v in ldata.get("seeds_en", {}).items()},
        names_en=names_en,
        source=label,
    )


def _levers(
    data: Mapping, label: str, problems: list[Problem]
) -> tuple[tuple[Lever, ...], tuple[str, ...], dict[str, str]]:
    def bad(code: str, **args: object) -> None:
        problems.append(Problem(code, args, file=label))

    fusions = tuple(str(f) for f in data.get("fusions", ()))
    seeds = {str(k): str(v) for k, v in data.get("seeds", {}).items()}
    out: list[Lever] = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("lever", []), start=1):
        lid = str(raw.get("id", "")).strip()
        if not lid:
            bad("assess.levers.id_missing", n=i)
            continue
        if lid in seen:
            bad("assess.levers.id_repeat", lever=lid)
        seen.add(lid)
        for key in ("name_zh", "text_zh"):
            if not str(raw.get(key, "")).strip():
                bad("assess.levers.text_missing", lever=lid, key=key)
        fusion = str(raw.get("fusion", ""))
        if fusions and fusion not in fusions:
            bad("assess.levers.fusion_unknown", lever=lid, fusion=fusion, fusions=list(fusions))
        targets = tuple(str(t) for t in raw.get("targets", ()))
        if not targets:
            bad("assess.levers.no_targets", lever=lid)
        sources, sections_en = [], []
        for s in raw.get("sources", ()):
            seed, section = str(s.get("seed", "")), str(s.get("section", ""))
            if not seed or not section:
                bad("assess.levers.source_incomplete", lever=lid)
            elif seeds and seed not in seeds:
                bad("assess.levers.seed_unknown", lever=lid, seed=seed)
            sources.append((seed, section))
            sections_en.append(str(s.get("section_en", "")))
        if not sources:
            bad("assess.levers.no_sources", lever=lid)
        out.append(
            Lever(
                lid,
                str(raw.get("name_zh", "")),
                str(raw.get("text_zh", "")),
                fusion,
                targets,
                tuple(sources),
                str(raw.get("practice_zh", "")),
                str(raw.get("name_en", "")),
                str(raw.get("text_en", "")),
                tuple(sections_en),
            )
        )
    if not out:
        bad("assess.levers.empty")
    return tuple(out), fusions, seeds
