"""Benchmarks for the assessment (spec 02 §2.2, §2.10): the comparable national series,
national GDP and population, the macro-region figures, and region-vs-nation comparisons.

*Comparable national series.* A region fills the provincial definitions; for `share_of_nation`
indicators (1.2.2, 2.3.1, 2.3.2) the nation's counterpart is the nation itself: 100 %, growth
0. For the other indicators the same quantity at national scale is used. Per indicator, the
nation's values come from the 全国 rows of the user's data when present, else from the shipped
`resources/benchmarks/national.csv`; national GDP and population (reserved codes `_gdp`,
`_population`) from the user's 全国 rows, else `resources/benchmarks/national_basis.csv`
(国家统计局). Where neither has a value the indicator is left out, with a note — never 0.

*Published figures* (the CAICT national index) stay the headline benchmark and are shown
beside the comparable series and beside our recomputation from raw national data, with the
difference, never hidden. *Macro-regions* (东部/中部/西部/东北): the report's figures in
`resources/benchmarks/macro_regions.csv`.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..kernel.resources import read_resource_text
from ..kernel.vocabulary import CellStatus
from ..model.framework import ROOT, Framework
from ..model.observations import BASIS_CODES, NATION, Observation, ObservationTable, Provenance
from .model import fmt, rnd

NATIONAL_BASIS_FILE = "benchmarks/national_basis.csv"
MACRO_FILE = "benchmarks/macro_regions.csv"
SOURCE_ZH = {
    "data": "数据文件中的全国值",
    "benchmark": "内置全国基准（national.csv，报告所述数值）",
    "nation_is_100": "全国 = 100%（地区占全国比重类指标）",
    "missing": "无全国可比值",
}


@dataclass(frozen=True)
class MacroFigure:
    macro_region: str
    node: str
    year: int | None
    value: float | None
    measure: str  # index | share_of_nation_pct | qualitative
    base_year: int | None
    approx: bool
    section: str
    note: str

    def to_dict(self) -> dict:
        return {
            "macro_region": self.macro_region,
            "node": self.node,
            "year": self.year,
            "value": self.value,
            "measure": self.measure,
            "base_year": self.base_year,
            "approx": self.approx,
            "section": self.section,
            "note": self.note,
        }


def _csv(relative: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(read_resource_text(relative))))


def load_national_basis() -> ObservationTable:
    """National GDP (亿元) and year-end population (万人), 2019–2024, from NBS publications."""
    table = ObservationTable()
    for i, row in enumerate(_csv(NATIONAL_BASIS_FILE), start=2):
        table.add(
            Observation(
                NATION,
                row["indicator"],
                int(row["year"]),
                float(row["value"]),
                CellStatus.REPORTED,
                Provenance(file=NATIONAL_BASIS_FILE, row=i),
                row.get("unit") or None,
                row.get("source") or None,
                row.get("note") or None,
            )
        )
    return table


@lru_cache(maxsize=1)
def load_macro_regions() -> tuple[MacroFigure, ...]:
    out = []
    for r in _csv(MACRO_FILE):
        out.append(
            MacroFigure(
                r["macro_region"],
                r["node"],
                int(r["year"]) if r["year"] else None,
                float(r["value"]) if r["value"] else None,
                r["measure"],
                int(r["base_year"]) if r["base_year"] else None,
                r.get("approx") == "是",
                r["section"],
                r["note"],
            )
        )
    return tuple(out)


def _benchmark_national() -> ObservationTable:
    try:
        from ..index.benchmarks import load_national_observations
    except ImportError:  # the benchmark module is optional for the assessment
        return ObservationTable()
    return load_national_observations()


def comparable_national_observations(
    framework: Framework, data: ObservationTable, years: Iterable[int]
) -> tuple[ObservationTable, dict[str, str], list[str]]:
    """The nation under provincial definitions: (observations, source per indicator, notes).

    `data` is the user's table (its 全国 rows take precedence per indicator); `years` the
    assessment's years (for the nation_is_100 series).
    """
    years = sorted(set(years))
    user = [o for o in data if o.region == NATION]
    user_codes = {o.indicator for o in user}
    bench = [o for o in _benchmark_national() if o.region == NATION]
    bench_codes = {o.indicator for o in bench}
    rows: list[Observation] = []
    sources: dict[str, str] = {}
    notes: list[str] = []
    for code in framework.leaves:
        node = framework.nodes[code]
        if node.comparable_national == "nation_is_100":
            sources[code] = "nation_is_100"
            given = [o for o in user if o.indicator == code and abs(o.value - 100.0) > 1e-9]
            if given:
                notes.append(
                    f"{framework.label(code, regional=True)}：数据文件中的全国值（如 {given[0].year} 年 {given[0].value:g}）为国家口径；按省级口径全国可比值取 100%，增速为 0。"
                )
            rows.extend(
                Observation(
                    NATION,
                    code,
                    y,
                    100.0,
                    CellStatus.REPORTED,
                    Provenance(file="可比口径：全国 = 100%"),
                    "%",
                    "全国为地区占比之和",
                    None,
                )
                for y in years
            )
        elif code in user_codes:
            sources[code] = "data"
            rows.extend(o for o in user if o.indicator == code)
        elif code in bench_codes:
            sources[code] = "benchmark"
            rows.extend(o for o in bench if o.indicator == code)
        else:
            sources[code] = "missing"
    basis_file = load_national_basis()
    for code in BASIS_CODES:
        rows.extend(o for o in (user if code in user_codes else basis_file) if o.indicator == code)
    seen: set[tuple[str, int]] = set()
    unique = []
    for o in rows:
        if (o.indicator, o.year) not in seen:
            seen.add((o.indicator, o.year))
            unique.append(o)
    return ObservationTable(unique), sources, notes


def basis_at(table: ObservationTable, region: str, code: str, year: int) -> tuple[float | None, str]:
    """A basic-data value (GDP, population) for `year`, else the latest earlier one (flagged)."""
    series = {y: v for y, v in table.series(region, code).items() if v is not None and math.isfinite(v)}
    if year in series:
        return series[year], ""
    earlier = [y for y in series if y < year]
    name = BASIS_CODES[code][0]
    if earlier:
        y = max(earlier)
        return series[y], f"{region}缺少 {year} 年{name}，沿用 {y} 年数值（预估）。"
    later = [y for y in series if y > year]
    if later:
        y = min(later)
        return series[y], f"{region}缺少 {year} 年{name}，采用 {y} 年数值（预估）。"
    return None, f"{region}缺少{name}（保留代码 {code}），按地区生产总值或人口计算区位熵的指标无法参与水平计算。"


def _cagr(series: Mapping[int, float | None], base: int, year: int) -> float | None:
    e = series.get(year)
    b = series.get(base)
    if e is None or b is None or b <= 0 or e <= 0 or year <= base:
        return None
    return (e / b) ** (1.0 / (year - base)) - 1.0


def compare_node(
    result,
    region: str,
    code: str,
    *,
    nation: str = NATION,
    macro_region: str | None = None,
    ranking_regions: Iterable[str] | None = None,
    levels: Mapping[str, Mapping[str, float | None]] | None = None,
) -> dict:
    """Region vs the comparable nation, the published national figures and its macro-region, for one node.

    Gap in points per year, annual growth of both and the gap in percentage points, the rank
    of the region's index (and level, when `levels` is given) among `ranking_regions`.
    """
    fw: Framework = result.framework
    years = list(result.years)
    base, year = years[0], years[-1]
    reg = result.series(region, code)
    nat = result.series(nation, code) if nation in result.regions else {}
    gaps = {y: (None if reg.get(y) is None or nat.get(y) is None else reg[y] - nat[y]) for y in years}
    g_r, g_n = _cagr(reg, base, year), _cagr(nat, base, year)
    out: dict = {
        "node": code,
        "label": fw.label(code, regional=True),
        "base_year": base,
        "year": year,
        "region": {str(y): rnd(v) for y, v in reg.items()},
        "nation_comparable": {str(y): rnd(v) for y, v in nat.items()},
        "gap_points": {str(y): rnd(v) for y, v in gaps.items()},
        "g_region": rnd(g_r, 6),
        "g_nation": rnd(g_n, 6),
        "growth_gap_pp": rnd(None if g_r is None or g_n is None else (g_r - g_n) * 100.0),
    }
    pub = _published(code)
    if pub:
        out["nation_published"] = {str(y): v for y, v in sorted(pub.items())}
        common = [y for y in sorted(pub) if nat.get(y) is not None and y != base]
        if common and base == 2019:
            y = common[-1]
            out["published_note"] = (
                f"全国可比序列按省级口径计算（地区占全国比重类指标取全国 = 100%、增速为 0），与中国信通院公布的全国指数口径不同："
                f"{y} 年可比序列 {fmt(nat[y])}，公布值 {fmt(pub[y])}，相差 {fmt(nat[y] - pub[y])}。"
            )
        else:
            out["published_note"] = "公布的全国指数以 2019 年为基期，与本次测算年份或基期不重合，仅列示不作差。"
    # ranks among the loaded regions
    pool = [r for r in (ranking_regions or result.regions) if r != nation and r in result.regions]
    vals = {r: result.series(r, code).get(year) for r in pool}
    ranked = sorted([r for r, v in vals.items() if v is not None], key=lambda r: -vals[r])
    if region in ranked:
        out["rank_index"] = {"rank": ranked.index(region) + 1, "of": len(ranked), "year": year}
    if levels is not None:
        lv = {r: levels.get(r, {}).get(code) for r in pool}
        lr = sorted([r for r, v in lv.items() if v is not None], key=lambda r: -lv[r])
        if region in lr:
            out["rank_level"] = {"rank": lr.index(region) + 1, "of": len(lr), "year": year}
    if macro_region:
        figs = [f for f in load_macro_regions() if f.macro_region == macro_region and f.node in (code,)]
        mac = []
        for f in figs:
            item = f.to_dict()
            if f.measure == "index" and f.year is not None and f.base_year is not None:
                rr = reg
                if base != f.base_year and reg.get(f.base_year):
                    rr = {y: (None if v is None else 100.0 * v / reg[f.base_year]) for y, v in reg.items()}
                v = rr.get(f.year) if (base == f.base_year or reg.get(f.base_year)) else None
                item["region_value"] = rnd(v)
                item["difference"] = rnd(None if v is None else v - f.value)
                item["sentence"] = (
                    f"{f.year} 年{region}{_index_name(fw, code)} {fmt(v)}，{macro_region}为 {fmt(f.value)}"
                    f"{'（约数）' if f.approx else ''}，相差 {fmt(None if v is None else v - f.value)}。"
                )
            elif f.measure == "qualitative":
                item["sentence"] = f"{f.note}（{f.section}）。"
            mac.append(item)
        out["macro_region"] = {"name": macro_region, "figures": mac}
    side = "高于" if gaps.get(year) is not None and gaps[year] >= 0 else "低于"
    if gaps.get(year) is not None:
        out["sentence"] = (
            f"{year} 年{region}{_index_name(fw, code)} {fmt(reg.get(year))}，{side}全国可比序列 {fmt(nat.get(year))} "
            f"{fmt(abs(gaps[year]))} 点；年均增速相差 {fmt(out['growth_gap_pp'], 2)} 个百分点。"
        )
    return out


def _index_name(fw: Framework, code: str) -> str:
    """总指数 / “融合基础”指数 — the node's index named the way the report names it."""
    return "总指数" if code == ROOT else f"“{fw.nodes[code].name('zh', regional=True)}”指数"


def macro_share_figures(result, region: str, macro_region: str | None, nation: str = NATION) -> list[dict]:
    """The report's macro-region share figures (东部: 71 % of patents …) beside the region's own share."""
    if not macro_region:
        return []
    fw: Framework = result.framework
    year = result.years[-1]
    out = []
    r, n = result.region_index(region), (result.region_index(nation) if nation in result.regions else None)
    for f in load_macro_regions():
        if f.macro_region != macro_region or f.measure != "share_of_nation_pct" or f.node not in fw.leaves:
            continue
        li = fw.leaves.index(f.node)
        t = year - result.base_year
        x = float(result.values[r, li, t])
        if fw.nodes[f.node].kind == "share_of_nation":
            share = x
        elif n is not None and math.isfinite(float(result.values[n, li, t])) and float(result.values[n, li, t]) > 0:
            share = 100.0 * x / float(result.values[n, li, t])
        else:
            share = None
        item = f.to_dict()
        item["region_share_pct"] = rnd(share)
        item["region_year"] = year
        item["sentence"] = f"{f.note}（{f.year} 年）；{region}{year} 年占全国 {fmt(share)}%。"
        out.append(item)
    return out


def _published(code: str) -> dict[int, float]:
    try:
        from ..index.benchmarks import published_series
    except ImportError:
        return {}
    return published_series(code)


def national_vs_published(framework: Framework) -> list[dict]:
    """The national index recomputed from the report's raw values beside the published figures."""
    try:
        from ..index.benchmarks import compare_with_published
    except ImportError:
        return []
    out = []
    for row in compare_with_published(framework):
        d = row.difference
        if row.computed is None:
            sentence = f"{framework.label(row.node)} {row.year} 年公布值 {fmt(row.published)}；报告未给出该节点全部指标的原始数据，无法复算。"
        else:
            sentence = f"{framework.label(row.node)} {row.year} 年公布值 {fmt(row.published)}，按原始数据复算 {fmt(row.computed)}，差 {fmt(d)}。"
        out.append(
            {
                "node": row.node,
                "year": row.year,
                "published": row.published,
                "computed": rnd(row.computed),
                "difference": rnd(d),
                "complete": row.complete,
                "sentence": sentence,
            }
        )
    return out
