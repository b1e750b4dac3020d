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

import math
from collections.abc import Iterable, Mapping
from functools import lru_cache

from ..kernel.messages import Message, msg
from ..kernel.resources import read_resource_csv
from ..kernel.vocabulary import CellStatus
from ..model.framework import ROOT, Framework
from ..model.observations import (
    BASIS_CODES,
    BASIS_GDP,
    BASIS_POPULATION,
    NATION,
    Observation,
    ObservationTable,
    Provenance,
)
from .config import term
from .level import indicator_term
from .model import MacroComparison, MacroFigure, NodeComparison, PublishedCheck, Rank, fmt, rnd

BASIS_KEYS = {BASIS_GDP: "gdp", BASIS_POPULATION: "population"}
NATIONAL_BASIS_FILE = "benchmarks/national_basis.csv"
MACRO_FILE = "benchmarks/macro_regions.csv"
Levels = Mapping[str, Mapping[str, float | None]]  # region → node → level
SOURCES = ("data", "benchmark", "nation_is_100", "missing")  # where the nation's comparable value came from


def source_label(source: str) -> Message:
    return msg(f"assess.source.{source}")


def load_national_basis() -> ObservationTable:
    """National GDP (亿元) and year-end population (万人), 2019–2024, from NBS publications."""
    table = ObservationTable()
    for i, row in enumerate(read_resource_csv(NATIONAL_BASIS_FILE), start=2):
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
    for r in read_resource_csv(MACRO_FILE):
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
                r.get("section_en", ""),
                r.get("note_en", ""),
            )
        )
    return tuple(out)


def _note(f: MacroFigure) -> Message:
    """The report's note on a macro-region figure, in either language."""
    return term(f.note, f.note_en or f.note)


def _benchmark_national() -> ObservationTable:
    try:
        from ..index.benchmarks import load_national_observations
    except ImportError:  # the benchmark module is optional for the assessment
        return ObservationTable()
    return load_national_observations()


def comparable_national_observations(
    framework: Framework, data: ObservationTable, years: Iterable[int]
) -> tuple[ObservationTable, dict[str, str], list[Message]]:
    """The nation under provincial definitions: (observations, source per indicator, notes).

    `data` is the user's table (its 全国 rows take precedence per indicator); `years` the
    assessment's years (for the nation_is_100 series).
    """
    years = sorted(set(years))
    user = data.filtered(region=lambda r: r == NATION).rows
    user_codes = {o.indicator for o in user}
    bench = [o for o in _benchmark_national() if o.region == NATION]
    bench_codes = {o.indicator for o in bench}
    rows: list[Observation] = []
    sources: dict[str, str] = {}
    notes: list[Message] = []
    for code in framework.leaves:
        node = framework.nodes[code]
        if node.comparable_national == "nation_is_100":
            sources[code] = "nation_is_100"
            given = [o for o in user if o.indicator == code and abs(o.value - 100.0) > 1e-9]
            if given:
                g = given[0]
                notes.append(msg("assess.nation.national_definition", indicator=indicator_term(framework, code),
                                 year=g.year, value=f"{g.value:g}"))  # fmt: skip
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


def basis_at(table: ObservationTable, region: str, code: str, year: int) -> tuple[float | None, Message | None]:
    """A basic-data value (GDP, population) for `year`, else the nearest other year's (flagged in the note).

    `table`: the observations, or any index of them with the same `series(region, code)`."""
    series = {y: v for y, v in table.series(region, code).items() if v is not None and math.isfinite(v)}
    if year in series:
        return series[year], None
    name = msg(f"assess.basis.{BASIS_KEYS[code]}")
    earlier = [y for y in series if y < year]
    if earlier:
        y = max(earlier)
        return series[y], msg("assess.basis.carried", region=region, year=year, basis=name, used=y)
    later = [y for y in series if y > year]
    if later:
        y = min(later)
        return series[y], msg("assess.basis.later", region=region, year=year, basis=name, used=y)
    return None, msg("assess.basis.missing", region=region, basis=name, reserved=code)


def _cagr(series: Mapping[int, float | None], base: int, year: int) -> float | None:
    e = series.get(year)
    b = series.get(base)
    if e is None or b is None or b <= 0 or e <= 0 or year <= base:
        return None
    return (e / b) ** (1.0 / (year - base)) - 1.0


def _published_note(nat: Mapping[int, float | None], pub: Mapping[int, float], base: int) -> Message:
    common = [y for y in sorted(pub) if nat.get(y) is not None and y != base]
    if not (common and base == 2019):
        return msg("assess.compare.published_other_base")
    y = common[-1]
    return msg("assess.compare.published_note", year=y, comparable=fmt(nat[y]), published=fmt(pub[y]),
               difference=fmt(nat[y] - pub[y]))  # fmt: skip


def rank_order(values: Mapping[str, float | None]) -> tuple[dict[str, int], int]:
    """Each region's rank (1 = highest; ties in the given order) and how many have a value."""
    ranked = sorted([r for r, v in values.items() if v is not None], key=lambda r: -values[r])
    return {r: i + 1 for i, r in enumerate(ranked)}, len(ranked)


def row_series(result, row: int, code: str) -> dict[int, float | None]:
    """result.series for the region in `row` (IndexResult.series finds the row by scanning the regions tuple)."""
    values = result.index[row, result.code_index(code)].tolist()
    return {y: (None if math.isnan(v) else v) for y, v in zip(result.years, values, strict=False)}


class RankPool:
    """Regions ranked together (a city among cities, a province among provinces): each node's order is
    sorted once and looked up per region, so ranking N regions costs O(N log N), not O(N²)."""

    def __init__(self, result, regions: Iterable[str], levels: Levels | None, nation: str = NATION):
        self.all_rows = {r: i for i, r in enumerate(result.regions)}
        self.result, self.levels, self.year = result, levels, result.years[-1]
        self.rows = {r: self.all_rows[r] for r in regions if r != nation and r in self.all_rows}
        self._orders: dict[tuple[str, str], tuple[dict[str, int], int]] = {}
        self._series: dict[tuple[str, str], dict[int, float | None]] = {}  # the nation's, read for every region
        self._published: dict[tuple, tuple] = {}

    def published(self, nation: str, code: str, base: int) -> tuple[dict[int, float], Message | None]:
        """The report's published national series of `code` and the note comparing it with the nation's
        comparable series (the same for every region of the pool: built once)."""
        key = (nation, code, base)
        if key not in self._published:
            nat = self.series(nation, code) if nation in self.all_rows else {}
            pub = _published(code)
            self._published[key] = pub, _published_note(nat, pub, base) if pub else None
        return self._published[key]

    def _values(self, code: str, kind: str) -> dict[str, float | None]:
        if kind == "level":
            levels = self.levels or {}
            return {r: levels.get(r, {}).get(code) for r in self.rows}
        at_t = self.result.index[list(self.rows.values()), self.result.code_index(code), -1].tolist()
        return {r: None if math.isnan(v) else v for r, v in zip(self.rows, at_t, strict=True)}

    def series(self, region: str, code: str) -> dict[int, float | None]:
        """The region's index series of `code` (read once; callers copy what they keep)."""
        key = (region, code)
        if key not in self._series:
            self._series[key] = row_series(self.result, self.all_rows[region], code)
        return self._series[key]

    def rank(self, region: str, code: str, kind: str) -> Rank | None:
        """`kind` "index" (the region's index at T) or "level" (its level); None when it has no value."""
        key = (code, kind)
        if key not in self._orders:
            self._orders[key] = rank_order(self._values(code, kind))
        positions, of = self._orders[key]
        return Rank(positions[region], of, self.year) if region in positions else None


def _macro_index_figures(
    fw: Framework, region: str, code: str, macro_region: str, reg: Mapping[int, float | None], base: int
) -> tuple[MacroComparison, ...]:
    out = []
    for f in load_macro_regions():
        if f.macro_region != macro_region or f.node != code:
            continue
        if f.measure == "index" and f.year is not None and f.base_year is not None:
            rr = reg
            if base != f.base_year and reg.get(f.base_year):
                rr = {y: (None if v is None else 100.0 * v / reg[f.base_year]) for y, v in reg.items()}
            v = rr.get(f.year) if (base == f.base_year or reg.get(f.base_year)) else None
            diff = None if v is None else v - f.value
            sentence = msg("assess.compare.macro", year=f.year, region=region, index=_index_name(fw, code),
                           value=fmt(v), macro=macro_region, macro_value=fmt(f.value),
                           approx=msg("assess.compare.approx") if f.approx else "", difference=fmt(diff))  # fmt: skip
            out.append(MacroComparison(f, rnd(v), rnd(diff), None, None, sentence, "index"))
        elif f.measure == "qualitative":
            sentence = msg(
                "assess.compare.qualitative", note=_note(f), section=term(f.section, f.section_en or f.section)
            )
            out.append(MacroComparison(f, None, None, None, None, sentence, ""))
        else:
            out.append(MacroComparison(f, None, None, None, None, None, ""))
    return tuple(out)


def compare_node(
    result,
    region: str,
    code: str,
    *,
    nation: str = NATION,
    macro_region: str | None = None,
    ranking_regions: Iterable[str] | None = None,
    levels: Levels | None = None,
    pool: RankPool | None = None,
) -> NodeComparison:
    """Region vs the comparable nation, the published national figures and its macro-region, for one node.

    Gap in points per year, annual growth of both and the gap in percentage points, the rank
    of the region's index (and level, when `levels` is given) among `ranking_regions`. `pool`: the
    ranking regions and their levels prepared once (RankPool), for assessing many regions; it
    replaces `ranking_regions` and `levels`.
    """
    fw: Framework = result.framework
    years = list(result.years)
    base, year = years[0], years[-1]
    if pool is None:
        pool = RankPool(result, ranking_regions or result.regions, levels, nation)
    reg = pool.series(region, code)
    nat = pool.series(nation, code) if nation in pool.all_rows else {}
    gaps = {y: (None if reg.get(y) is None or nat.get(y) is None else reg[y] - nat[y]) for y in years}
    g_r, g_n = _cagr(reg, base, year), _cagr(nat, base, year)
    growth_gap = None if g_r is None or g_n is None else (g_r - g_n) * 100.0
    pub, published_note = pool.published(nation, code, base)
    rank_level = pool.rank(region, code, "level") if pool.levels is not None else None
    sentence = None
    if gaps.get(year) is not None:
        side = "assess.compare.above" if gaps[year] >= 0 else "assess.compare.below"
        sentence = msg("assess.compare.sentence", year=year, region=region, index=_index_name(fw, code),
                       value=fmt(reg.get(year)), side=msg(side), nation=fmt(nat.get(year)),
                       gap=fmt(abs(gaps[year])), growth_gap=fmt(rnd(growth_gap), 2))  # fmt: skip
    return NodeComparison(
        node=code,
        label=fw.label(code, regional=True),
        base_year=base,
        year=year,
        region=dict(reg),
        nation_comparable=dict(nat),
        gap_points=gaps,
        g_region=g_r,
        g_nation=g_n,
        growth_gap_pp=growth_gap,
        nation_published=dict(pub) if pub else None,
        published_note=published_note,
        rank_index=pool.rank(region, code, "index"),
        rank_level=rank_level,
        macro_region=macro_region,
        macro_figures=_macro_index_figures(fw, region, code, macro_region, reg, base) if macro_region else (),
        sentence=sentence,
    )


def _index_name(fw: Framework, code: str) -> Message:
    """总指数 / “融合基础”指数 — the node's index named the way the report names it."""
    if code == ROOT:
        return msg("assess.total")
    node = fw.nodes[code]
    return msg("assess.compare.node_index", node=term(node.name("zh", regional=True), node.name("en", regional=True)))


def macro_share_figures(
    result, region: str, macro_region: str | None, nation: str = NATION
) -> tuple[MacroComparison, ...]:
    """The report's macro-region share figures (东部: 71 % of patents …) beside the region's own share."""
    if not macro_region:
        return ()
    fw: Framework = result.framework
    year = result.years[-1]
    t = year - result.base_year
    out = []
    r, n = result.region_index(region), (result.region_index(nation) if nation in result.regions else None)
    for f in load_macro_regions():
        if f.macro_region != macro_region or f.measure != "share_of_nation_pct" or f.node not in fw.leaves:
            continue
        li = fw.leaves.index(f.node)
        x = float(result.values[r, li, t])
        nx = float(result.values[n, li, t]) if n is not None else math.nan
        if fw.nodes[f.node].kind == "share_of_nation":
            share = x
        elif math.isfinite(nx) and nx > 0:
            share = 100.0 * x / nx
        else:
            share = None
        sentence = msg("assess.compare.share", note=_note(f), year=f.year, region=region, region_year=year,
                       share=fmt(share))  # fmt: skip
        out.append(MacroComparison(f, None, None, rnd(share), year, sentence, "share"))
    return tuple(out)


def _published(code: str) -> dict[int, float]:
    try:
        from ..index.benchmarks import published_series
    except ImportError:
        return {}
    return published_series(code)


def national_vs_published(framework: Framework) -> list[PublishedCheck]:
    """The national index recomputed from the report's raw values beside the published figures."""
    try:
        from ..index.benchmarks import compare_with_published
    except ImportError:
        return []
    out = []
    for row in compare_with_published(framework):
        label = term(framework.label(row.node), framework.label(row.node, "en"))
        if row.computed is None:
            sentence = msg("assess.published.not_computable", node=label, year=row.year, published=fmt(row.published))
        else:
            sentence = msg("assess.published.recomputed", node=label, year=row.year, published=fmt(row.published),
                           computed=fmt(row.computed), difference=fmt(row.difference))  # fmt: skip
        out.append(
            PublishedCheck(row.node, row.year, row.published, row.computed, row.difference, row.complete, sentence)
        )
    return out
