"""Generate the illustrative demo data under `resources/demo/` (示意数据，非官方统计).

Deterministic (seeded): running it again gives byte-identical files. Values are built from
the report's national figures (comparable national series), each province's real order of
magnitude of GDP and population, and an invented profile per pillar (level relative to the
nation and a yearly drift), with fixed per-indicator noise. They look plausible; they are
NOT statistics. `synthetic_table(n)` makes any number of synthetic regions for benchmarks.

    python benchmarks/make_demo_data.py
"""

from __future__ import annotations

import csv
import io
import math
import random
import sys
from pathlib import Path

ROOT_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT_DIR))

from core.model.framework import load_framework  # noqa: E402
from core.model.observations import NATION, Observation, ObservationTable  # noqa: E402

YEARS = list(range(2019, 2025))
# 表1 marks the indicators updated to 2024; the others were published only to 2023, so their
# 2024 value is missing here too and the engine carries 2023 forward (预估, drawn dashed), as
# the report does. One interior gap shows an interpolated value (插值).
LATEST_2023 = {"1.1.1", "2.1.2", "2.1.3", "2.2.1", "2.2.2", "3.2.1", "3.4.2", "4.1.1", "4.1.2"}
INTERIOR_GAPS = {("陕西省", "3.2.1", 2021)}
NATION_VALUES = {
    "1.1.1": [380, 395, 410, 420, 430, 440],
    "1.1.2": [0.9, 1.2, 1.5, 1.8, 2.1, 2.3],
    "1.2.1": [1926000, 2213000, 2700000, 3280000, 4015000, 4756000],
    "1.2.2": [100] * 6,
    "2.1.1": [16900, 18670, 21500, 23880, 25900, 28200],
    "2.1.2": [5180000, 5680000, 6250000, 6950000, 7560000, 7900000],
    "2.1.3": [31.2, 31.8, 32.4, 32.9, 33.3, 33.6],
    "2.2.1": [7.98, 8.15, 8.35, 8.6, 8.8, 8.95],
    "2.2.2": [12.1, 13.0, 14.1, 15.2, 16.2, 16.8],
    "2.3.1": [100] * 6,
    "2.3.2": [100] * 6,
    "2.3.3": [219000, 272000, 330000, 400000, 465000, 504000],
    "3.1.1": [23, 30, 38, 48, 58, 69],
    "3.1.2": [1177, 1287, 1380, 1425, 1510, 1606],
    "3.2.1": [8000, 8900, 14200, 9000, 6900, 5400],
    "3.2.2": [100, 135, 170, 197, 230, 280],
    "3.3.1": [2.27, 2.82, 3.25, 3.97, 4.73, 5.07],
    "3.3.2": [52700, 53200, 53800, 54300, 54800, 55100],
    "3.4.1": [2021, 2250, 2480, 2700, 2902, 3154],
    "3.4.2": [457, 560, 680, 820, 999, 1080],
    "4.1.1": [32.9, 34.7, 35.4, 36.7, 39.6, 40.1],
    "4.1.2": [37.25, 37.5, 37.8, 38.0, 38.23, 38.4],
    "4.2.1": [14.4, 15.1, 15.1, 15.5, 15.7, 16.3],
    "4.2.2": [49.2, 52.1, 55.3, 58.6, 62.2, 66.2],
    "4.2.3": [29.2, 29.9, 29.1, 26.9, 25.3, 24.7],
    "4.3.1": [12.3, 13.1, 13.4, 13.8, 14.0, 14.3],
    "4.3.2": [300, 345, 400, 450, 503, 638],
}
NATION_GDP = [986515, 1013567, 1149237, 1204724, 1294272, 1349084]
NATION_POP = [141008, 141212, 141260, 141175, 140967, 140828]

# name: (GDP 2019, GDP 2024 亿元, population 2019, 2024 万人, pillar level multipliers, yearly drift per pillar)
PROVINCES = {
    "北京市": (35371, 49843, 2154, 2183, (2.6, 1.15, 2.2, 1.05), (1.00, 1.01, 0.99, 1.00)),
    "上海市": (38155, 53927, 2428, 2480, (1.5, 1.25, 1.95, 1.35), (0.99, 1.00, 0.985, 0.995)),
    "江苏省": (99632, 137008, 8070, 8526, (1.15, 1.35, 1.2, 1.3), (1.01, 1.00, 1.00, 1.01)),
    "浙江省": (62352, 90131, 6375, 6670, (1.05, 1.5, 1.25, 1.15), (1.02, 1.01, 1.01, 1.00)),
    "广东省": (107671, 141634, 11521, 12780, (1.25, 1.35, 1.3, 2.2), (1.00, 1.00, 1.00, 1.00)),
    "安徽省": (37114, 50625, 6092, 6123, (0.85, 0.9, 0.85, 1.3), (1.05, 1.04, 1.05, 1.03)),
    "湖北省": (45828, 60013, 5927, 5834, (0.95, 0.9, 1.35, 0.85), (1.02, 1.02, 1.02, 1.01)),
    "四川省": (46616, 64697, 8375, 8364, (0.85, 0.7, 0.8, 0.75), (1.03, 1.02, 1.02, 1.02)),
    "陕西省": (25793, 35538, 3876, 3953, (1.3, 0.6, 0.75, 0.65), (1.01, 1.00, 1.00, 0.99)),
    "辽宁省": (24909, 32613, 4352, 4155, (0.75, 0.8, 0.55, 1.2), (0.98, 0.99, 0.98, 0.99)),
}
# cities of 江苏省 for the province-with-cities demo: GDP share of the province, pillar multipliers vs the province
CITIES = {
    "南京市": (0.127, (1.8, 1.1, 1.5, 1.0), (1.01, 1.00, 1.01, 1.00)),
    "苏州市": (0.181, (1.1, 1.55, 1.2, 1.3), (1.00, 1.01, 1.00, 1.01)),
    "无锡市": (0.113, (0.9, 1.45, 1.0, 1.2), (1.00, 1.01, 1.00, 1.01)),
    "徐州市": (0.066, (0.6, 0.7, 0.7, 0.75), (1.03, 1.02, 1.02, 1.02)),
}
CITY_POP_SHARE = {"南京市": 0.112, "苏州市": 0.152, "无锡市": 0.088, "徐州市": 0.106}
CITY_ADJACENCY = {
    "南京市": ["镇江市", "扬州市", "常州市"],
    "苏州市": ["无锡市"],
    "无锡市": ["苏州市", "常州市"],
    "徐州市": ["宿迁市"],
}
LABEL = "示意数据，非官方统计"


def _geom(a: float, b: float, k: int, n: int = 5, dip: float = 0.0) -> float:
    v = a * (b / a) ** (k / n)
    return v * (1 - dip) if k == 1 else v


def _round(code: str, unit: str, v: float) -> float:
    if unit in ("件", "人", "家", "项", "个"):
        return max(1, round(v))
    if unit == "万份":
        return round(v)
    if unit == "亿元":
        return round(v, 1)
    return round(v, 2)


def _profile_values(
    fw, rng: random.Random, ref: dict[str, list[float]], share_gdp: list[float], share_pop: list[float], mult, drift
) -> dict[str, list[float]]:
    """Values of one region from a reference's values, its basis shares and a pillar profile."""
    out: dict[str, list[float]] = {}
    for code in fw.leaves:
        node = fw.nodes[code]
        p = int(fw.pillar_of(code)) - 1
        noise = math.exp(rng.gauss(0, 0.18))
        series = []
        for k in range(len(YEARS)):
            yearly = math.exp(rng.gauss(0, 0.02))
            m = mult[p] * drift[p] ** k * noise * yearly
            if node.kind == "ratio":
                m_ratio = 1 + (m - 1) * 0.45
                v = ref[code][k] * max(0.3, m_ratio)
                v = min(v, 92.0)
            elif node.kind == "share_of_nation":
                v = ref[code][k] * share_gdp[k] * m
            else:
                share = share_pop[k] if node.basis == "population" else share_gdp[k]
                v = ref[code][k] * share * m
            series.append(_round(code, node.unit, v))
        out[code] = series
    return out


def demo_rows() -> tuple[list[list], list[list]]:
    fw = load_framework()
    rng = random.Random(20250601)
    rows = [["region", "indicator", "year", "value", "unit", "source", "note"]]
    for code in fw.leaves:
        for k, y in enumerate(YEARS):
            note = (
                "全国 = 100%（可比口径）"
                if fw.nodes[code].comparable_national == "nation_is_100"
                else "全国可比值（示意，参照报告所述全国数值）"
            )
            rows.append([NATION, code, y, NATION_VALUES[code][k], fw.nodes[code].unit, LABEL, note])
    for k, y in enumerate(YEARS):
        rows.append([NATION, "_gdp", y, NATION_GDP[k], "亿元", "国家统计局", ""])
        rows.append([NATION, "_population", y, NATION_POP[k], "万人", "国家统计局", ""])
    province_values = {}
    for name, (g0, g1, p0, p1, mult, drift) in PROVINCES.items():
        gdp = [round(_geom(g0, g1, k, dip=0.04)) for k in range(6)]
        pop = [round(_geom(p0, p1, k)) for k in range(6)]
        vals = _profile_values(
            fw,
            rng,
            NATION_VALUES,
            [g / n for g, n in zip(gdp, NATION_GDP, strict=False)],
            [p / n for p, n in zip(pop, NATION_POP, strict=False)],
            mult,
            drift,
        )
        province_values[name] = (vals, gdp, pop)
        for code in fw.leaves:
            for k, y in enumerate(YEARS):
                rows.append([name, code, y, vals[code][k], fw.nodes[code].unit, LABEL, ""])
        for k, y in enumerate(YEARS):
            rows.append([name, "_gdp", y, gdp[k], "亿元", LABEL, ""])
            rows.append([name, "_population", y, pop[k], "万人", LABEL, ""])
    # cities of 江苏省 (the province and the nation rows are repeated so the file stands alone)
    city_rows = [rows[0]] + [r for r in rows[1:] if r[0] in (NATION, "江苏省")]
    pvals, pgdp, ppop = province_values["江苏省"]
    for name, (gshare, mult, drift) in CITIES.items():
        gdp = [round(g * gshare) for g in pgdp]
        pop = [round(p * CITY_POP_SHARE[name]) for p in ppop]
        vals = _profile_values(fw, rng, pvals, [gshare] * 6, [CITY_POP_SHARE[name]] * 6, mult, drift)
        for code in fw.leaves:
            for k, y in enumerate(YEARS):
                city_rows.append([name, code, y, vals[code][k], fw.nodes[code].unit, LABEL, ""])
        for k, y in enumerate(YEARS):
            city_rows.append([name, "_gdp", y, gdp[k], "亿元", LABEL, ""])
            city_rows.append([name, "_population", y, pop[k], "万人", LABEL, ""])
    return _unpublished_removed(rows), _unpublished_removed(city_rows)


def _unpublished_removed(rows: list[list]) -> list[list]:
    def published(r: list) -> bool:
        if r[2] == 2024 and r[1] in LATEST_2023:
            return False
        return (r[0], r[1], r[2]) not in INTERIOR_GAPS

    return [rows[0]] + [r for r in rows[1:] if published(r)]


INDUSTRIES = [
    # region, industry, strategic, LQ, scores by two experts (diffusibility, scenario_fit, chain_embedding, strategic_fit)
    ("安徽省", "新能源汽车", "是", 1.6, [(5, 5, 4, 5), (4, 5, 4, 5)]),
    ("安徽省", "集成电路", "是", 0.8, [(4, 4, 3, 5), (4, 3, 3, 5)]),
    ("安徽省", "量子信息", "是", 0.4, [(3, 3, 2, 5), (4, 2, 2, 5)]),
    ("安徽省", "新型显示", "是", 1.9, [(3, 3, 4, 3), (3, 2, 4, 3)]),
    ("安徽省", "家用电器", "否", 2.2, [(2, 3, 3, 2), (2, 2, 3, 2)]),
    ("湖北省", "光电子信息", "是", 2.1, [(4, 5, 4, 5), (5, 4, 4, 5)]),
    ("湖北省", "汽车制造", "否", 1.5, [(3, 3, 4, 3), (3, 3, 3, 3)]),
    ("湖北省", "生物医药", "是", 0.9, [(4, 4, 3, 4), (4, 3, 3, 4)]),
    ("湖北省", "北斗应用", "是", 0.7, [(2, 3, 2, 3), (3, 2, 2, 3)]),
    ("辽宁省", "高端装备", "是", 1.7, [(3, 4, 4, 4), (4, 4, 4, 4)]),
    ("辽宁省", "石化新材料", "否", 2.3, [(2, 3, 3, 3), (2, 2, 3, 3)]),
    ("辽宁省", "机器人", "是", 0.9, [(4, 4, 3, 4), (4, 4, 3, 5)]),
    ("陕西省", "航空航天", "是", 1.8, [(4, 3, 4, 5), (4, 4, 4, 5)]),
    ("陕西省", "半导体", "是", 0.9, [(4, 4, 3, 5), (3, 4, 3, 5)]),
    ("陕西省", "能源化工", "否", 2.5, [(2, 2, 3, 2), (2, 3, 3, 2)]),
]


def industry_rows() -> list[list]:
    rows = [
        [
            "region",
            "industry",
            "strategic",
            "location_quotient",
            "diffusibility",
            "scenario_fit",
            "chain_embedding",
            "strategic_fit",
            "expert",
        ]
    ]
    for region, industry, strategic, lq, experts in INDUSTRIES:
        for i, s in enumerate(experts, start=1):
            rows.append([region, industry, strategic, lq, *s, f"专家{i}（示意）"])
    return rows


def synthetic_table(n_regions: int = 31, seed: int = 7) -> ObservationTable:
    """`n_regions` synthetic regions plus the comparable nation, 2019–2024, for benchmarks."""
    from core.model.regions import province_names

    fw = load_framework()
    rng = random.Random(seed)
    names = list(province_names())
    rows: list[Observation] = []
    for code in fw.leaves:
        rows.extend(Observation(NATION, code, y, float(NATION_VALUES[code][k])) for k, y in enumerate(YEARS))
    rows.extend(Observation(NATION, "_gdp", y, float(NATION_GDP[k])) for k, y in enumerate(YEARS))
    rows.extend(Observation(NATION, "_population", y, float(NATION_POP[k])) for k, y in enumerate(YEARS))
    for i in range(n_regions):
        name = names[i] if i < len(names) else f"地区{i + 1}"
        gshare = [rng.uniform(0.005, 0.1)] * 6
        pshare = [rng.uniform(0.005, 0.09)] * 6
        mult = tuple(rng.uniform(0.5, 2.0) for _ in range(4))
        drift = tuple(rng.uniform(0.97, 1.05) for _ in range(4))
        vals = _profile_values(fw, rng, NATION_VALUES, gshare, pshare, mult, drift)
        for code in fw.leaves:
            rows.extend(Observation(name, code, y, float(vals[code][k])) for k, y in enumerate(YEARS))
        rows.extend(Observation(name, "_gdp", y, NATION_GDP[k] * gshare[k]) for k, y in enumerate(YEARS))
        rows.extend(Observation(name, "_population", y, NATION_POP[k] * pshare[k]) for k, y in enumerate(YEARS))
    return ObservationTable(rows)


def _write_csv(path: Path, rows: list[list]) -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def main() -> None:
    out = ROOT_DIR / "resources" / "demo"
    out.mkdir(parents=True, exist_ok=True)
    rows, city_rows = demo_rows()
    _write_csv(out / "demo-provinces.csv", rows)
    _write_csv(out / "demo-jiangsu-cities.csv", city_rows)
    _write_csv(out / "demo-industries.csv", industry_rows())
    adj = "# 示意：江苏省部分城市的毗邻关系（用户可自行提供城市毗邻文件）\n[adjacency]\n" + "".join(
        f'"{k}" = [{", ".join(chr(34) + n + chr(34) for n in v)}]\n' for k, v in CITY_ADJACENCY.items()
    )
    (out / "demo-jiangsu-adjacency.toml").write_text(adj, encoding="utf-8")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
