"""Leading-industry fusion potential (主导产业融合潜力, spec 02 §2.7).

Input (until the templates' 主导产业 sheet exists, a UTF-8 CSV; the templates produce the same
rows): one row per (region, industry, expert) with columns

    region, industry, strategic (是/否), location_quotient (optional), diffusibility,
    scenario_fit, chain_embedding, strategic_fit (expert scores 1–5), expert (optional name)

Several experts may score the same industry: their scores are averaged and the spread
(max − min of the experts' own mean scores) is reported.

    potential = 20 × weighted mean of the four criteria (equal weights by default) → 0–100

Quadrant by base (location quotient, split at 1) and potential (split at 60): 优先融合,
培育布局, 巩固提升, 审慎投入. Without a location quotient there is no quadrant (said so).
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..kernel.messages import Message, msg
from ..kernel.problems import InputError, Problem, Severity
from .config import CRITERIA, CRITERIA_EN, CRITERIA_ZH, EPS, AssessmentConfig, term
from .model import IndustryPotential, fmt

if TYPE_CHECKING:
    from ..io.results import IndustryEntry

COLUMNS = ("region", "industry", "strategic", "location_quotient", *CRITERIA, "expert")
COLUMNS_ZH = {
    "地区": "region",
    "产业": "industry",
    "产业名称": "industry",
    "是否国家战略性新兴或未来产业": "strategic",
    "区位熵": "location_quotient",
    "技术可扩散性": "diffusibility",
    "应用场景适配性": "scenario_fit",
    "产业链嵌入深度": "chain_embedding",
    "与国家战略产业契合度": "strategic_fit",
    "专家": "expert",
}


def criterion_term(criterion: str) -> Message:
    """One of the four CAS criteria, named in either language."""
    return term(CRITERIA_ZH[criterion], CRITERIA_EN[criterion])


YES = {"是", "y", "yes", "true", "1", "Y", "YES", "True"}
NO = {"否", "n", "no", "false", "0", "N", "NO", "False", ""}


@dataclass(frozen=True)
class IndustryRow:
    region: str
    industry: str
    strategic: bool | None
    location_quotient: float | None
    scores: dict  # criterion → score
    expert: str = ""
    row: int | None = None


def rows_from_entries(entries: Iterable[IndustryEntry]) -> list[IndustryRow]:
    """The templates' 主导产业 rows (core.io.results.IndustryEntry) as assessment rows.

    Both list the four CAS criteria in the same order (templates.INDUSTRY_CRITERIA ↔ CRITERIA).
    """
    return [
        IndustryRow(
            e.region,
            e.industry,
            e.strategic,
            e.location_quotient,
            dict(zip(CRITERIA, e.scores, strict=False)),
            e.expert or "",
            e.provenance.row if e.provenance else None,
        )
        for e in entries
    ]


def read_industries_csv(path: str | Path, config: AssessmentConfig) -> tuple[list[IndustryRow], list[Problem]]:
    """Read and validate the industry sheet; bad rows are reported (file, row, column) and skipped."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            [Problem("assess.industries.unreadable", {"error": exc.__class__.__name__}, file=p.name)]
        ) from None
    return parse_industries_csv(text, config, file=p.name)


def parse_industries_csv(
    text: str, config: AssessmentConfig, file: str = "主导产业.csv"
) -> tuple[list[IndustryRow], list[Problem]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [COLUMNS_ZH.get((h or "").strip(), (h or "").strip()) for h in (reader.fieldnames or [])]
    missing = [c for c in ("region", "industry", *CRITERIA) if c not in header]
    if missing:
        raise InputError(
            [Problem("assess.industries.columns", {"missing": missing, "columns": ", ".join(COLUMNS)}, file=file)]
        )
    reader.fieldnames = header
    rows: list[IndustryRow] = []
    problems: list[Problem] = []
    for n, raw in enumerate(reader, start=2):

        def bad(code: str, column: str, n: int = n, **args: object) -> None:
            problems.append(Problem(code, args, file=file, row=n, column=column))

        region, industry = (raw.get("region") or "").strip(), (raw.get("industry") or "").strip()
        if not region or not industry:
            bad("assess.industries.name_empty", "region" if not region else "industry")
            continue
        ok = True
        scores = {}
        for c in CRITERIA:
            s = (raw.get(c) or "").strip()
            try:
                v = float(s)
                if not math.isfinite(v):
                    raise ValueError
            except ValueError:
                bad("assess.industries.score_not_number", c, criterion=criterion_term(c), value=s)
                ok = False
                continue
            if v < config.score_min - EPS or v > config.score_max + EPS:
                bad("assess.industries.score_range", c, criterion=criterion_term(c), value=f"{v:g}",
                    lo=f"{config.score_min:g}", hi=f"{config.score_max:g}")  # fmt: skip
                ok = False
            scores[c] = v
        lq_txt = (raw.get("location_quotient") or "").strip()
        lq = None
        if lq_txt:
            try:
                lq = float(lq_txt)
                if not math.isfinite(lq) or lq < 0:
                    raise ValueError
            except ValueError:
                bad("assess.industries.lq_invalid", "location_quotient", value=lq_txt)
                ok = False
        st_txt = (raw.get("strategic") or "").strip()
        strategic = True if st_txt in YES else (False if st_txt in NO and st_txt else None)
        if st_txt and strategic is None:
            problems.append(
                Problem(
                    "assess.industries.strategic_invalid",
                    {"value": st_txt},
                    Severity.WARNING,
                    file=file,
                    row=n,
                    column="strategic",
                )
            )
        if ok:
            rows.append(IndustryRow(region, industry, strategic, lq, scores, (raw.get("expert") or "").strip(), n))
    return rows, problems


def assess_industries(
    rows: list[IndustryRow], region: str, config: AssessmentConfig
) -> tuple[tuple[IndustryPotential, ...], list[Problem]]:
    """Ranked industries of one region (highest potential first) and any problems (too many rows …)."""
    groups: dict[str, list[IndustryRow]] = {}
    for r in rows:
        if r.region == region:
            groups.setdefault(r.industry, []).append(r)
    problems: list[Problem] = []
    if len(groups) > config.industry_max_rows:
        problems.append(
            Problem(
                "assess.industries.too_many",
                {"region": region, "n": len(groups), "max": config.industry_max_rows},
                Severity.WARNING,
                region=region,
            )
        )
    w = config.criteria_weights
    out = []
    for name, rs in groups.items():
        crit = {c: sum(r.scores[c] for r in rs) / len(rs) for c in CRITERIA}
        potential = 20.0 * sum(w[c] * crit[c] for c in CRITERIA)
        expert_means = [20.0 * sum(w[c] * r.scores[c] for c in CRITERIA) for r in rs]
        spread = max(expert_means) - min(expert_means)
        lqs = [r.location_quotient for r in rs if r.location_quotient is not None]
        lq = sum(lqs) / len(lqs) if lqs else None
        if len(set(lqs)) > 1:
            problems.append(
                Problem(
                    "assess.industries.lq_conflict",
                    {"industry": name, "values": [f"{x:g}" for x in lqs], "mean": f"{lq:.3f}"},
                    Severity.WARNING,
                    region=region,
                )
            )
        strat = next((r.strategic for r in rs if r.strategic is not None), None)
        hi_p = potential >= config.potential_split - EPS
        if lq is None:
            q = None
            reason = msg("assess.industries.no_lq", industry=name, potential=fmt(potential), experts=len(rs),
                         spread=fmt(spread))  # fmt: skip
        else:
            hi_b = lq >= config.lq_split - EPS
            q = config.industry_quadrants[(hi_p, hi_b)]
            reason = msg(
                "assess.industries.reason",
                industry=name,
                potential=fmt(potential),
                cmp_p="≥" if hi_p else "<",
                split_p=f"{config.potential_split:g}",
                lq=fmt(lq, 2),
                cmp_b="≥" if hi_b else "<",
                split_b=f"{config.lq_split:g}",
                quadrant=config.term(q),
                experts=len(rs),
                spread=fmt(spread),
            )
        out.append(IndustryPotential(region, name, strat, lq, crit, len(rs), spread, potential, q, 0, reason))
    out.sort(key=lambda i: (-i.potential, i.industry))
    ranked = tuple(IndustryPotential(**{**i.__dict__, "rank": k}) for k, i in enumerate(out, start=1))
    return ranked, problems
