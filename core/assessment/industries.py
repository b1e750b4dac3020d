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

from ..kernel.problems import InputError, Problem, Severity
from .config import CRITERIA, CRITERIA_ZH, EPS, AssessmentConfig
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
            [
                Problem(
                    "industries_unreadable",
                    f"无法读取主导产业文件（{exc.__class__.__name__}），请确认是 UTF-8 编码的 CSV 文件。",
                    file=p.name,
                )
            ]
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
            [
                Problem(
                    "industries_columns",
                    f"主导产业文件缺少列 {'、'.join(missing)}；需要的列为 {', '.join(COLUMNS)}。",
                    file=file,
                )
            ]
        )
    reader.fieldnames = header
    rows: list[IndustryRow] = []
    problems: list[Problem] = []
    for n, raw in enumerate(reader, start=2):

        def bad(column: str, message: str, n: int = n) -> None:
            problems.append(Problem("industries_value", message, file=file, row=n, column=column))

        region, industry = (raw.get("region") or "").strip(), (raw.get("industry") or "").strip()
        if not region or not industry:
            bad("region" if not region else "industry", "地区和产业名称不能为空，此行已跳过。")
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
                bad(c, f"{CRITERIA_ZH[c]}评分“{s}”不是数字，此行已跳过。")
                ok = False
                continue
            if v < config.score_min - EPS or v > config.score_max + EPS:
                bad(
                    c, f"{CRITERIA_ZH[c]}评分 {v:g} 超出 {config.score_min:g}–{config.score_max:g} 分范围，此行已跳过。"
                )
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
                bad("location_quotient", f"区位熵“{lq_txt}”应为不小于 0 的数字，此行已跳过。")
                ok = False
        st_txt = (raw.get("strategic") or "").strip()
        strategic = True if st_txt in YES else (False if st_txt in NO and st_txt else None)
        if st_txt and strategic is None:
            problems.append(
                Problem(
                    "industries_value",
                    f"“是否国家战略性新兴或未来产业”应填 是 或 否（当前“{st_txt}”），按未填处理。",
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
                "industries_too_many",
                f"{region}填报了 {len(groups)} 个主导产业，超过上限 {config.industry_max_rows} 个；仍全部计算，请考虑精简。",
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
                    "industries_lq_conflict",
                    f"{name}的区位熵在不同专家行中不一致（{'、'.join(f'{x:g}' for x in lqs)}），已取平均 {lq:.3f}。",
                    Severity.WARNING,
                    region=region,
                )
            )
        strat = next((r.strategic for r in rs if r.strategic is not None), None)
        hi_p = potential >= config.potential_split - EPS
        if lq is None:
            q = None
            reason = f"{name}融合潜力 {fmt(potential)} 分（{len(rs)} 位专家，分歧 {fmt(spread)} 分）；未填区位熵，不划分象限。"
        else:
            hi_b = lq >= config.lq_split - EPS
            q = config.industry_quadrants[(hi_p, hi_b)]
            reason = (
                f"{name}融合潜力 {fmt(potential)} 分{'≥' if hi_p else '<'} {config.potential_split:g}，区位熵 {fmt(lq, 2)}"
                f"{'≥' if hi_b else '<'} {config.lq_split:g}，属{q}（{len(rs)} 位专家，分歧 {fmt(spread)} 分）。"
            )
        out.append(IndustryPotential(region, name, strat, lq, crit, len(rs), spread, potential, q, 0, reason))
    out.sort(key=lambda i: (-i.potential, i.industry))
    ranked = tuple(IndustryPotential(**{**i.__dict__, "rank": k}) for k, i in enumerate(out, start=1))
    return ranked, problems
