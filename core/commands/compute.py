"""`python -m core compute DATA…`: the fusion index for every region in the data."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from ..index.engine import IndexOptions, IndexResult, compute_index
from ..io.loading import load_data_strict
from ..kernel.messages import render
from ..kernel.problems import InputError, Problem, Severity
from ..kernel.vocabulary import GAP_POLICIES, CellStatus
from ..model.framework import ROOT, load_framework
from .output import print_problems, write_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "compute", help="测算两创融合发展指数", description="测算总指数、一级、二级和三级指标指数（基期 = 100）。"
    )
    p.add_argument("data", nargs="+", type=Path, help="数据文件或文件夹：长表格式 .csv/.xlsx，或填报模板 .xlsx")
    p.add_argument("--framework", type=Path, help="指标体系文件（TOML），默认为中国信通院 2025 年 4-12-27 体系")
    p.add_argument("--base-year", type=int, help="基期年份（默认：数据中最早的年份）")
    p.add_argument("--end-year", type=int, help="末年（默认：数据中最晚的年份）")
    p.add_argument(
        "--gap-policy",
        choices=GAP_POLICIES,
        default=GAP_POLICIES[0],
        help="年份缺口：几何插值（默认）或沿用上年",
    )
    p.add_argument(
        "--exclude", action="append", default=[], metavar="地区:代码[,代码]", help="为某地区排除无法填报的指标，可重复"
    )
    p.add_argument("--depth", type=int, default=2, help="表格显示到第几级：1 一级指标，2 二级（默认），3 三级")
    p.add_argument("--json", metavar="PATH|-", help="以 JSON 输出结果（- 表示标准输出）")
    p.set_defaults(func=run)


def parse_exclusions(items: list[str]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for item in items:
        region, sep, codes = item.partition(":")
        if not sep or not region.strip() or not codes.strip():
            raise InputError([Problem("option_invalid.exclude", {"item": item})])
        out.setdefault(region.strip(), set()).update(c.strip() for c in codes.split(",") if c.strip())
    return {r: frozenset(c) for r, c in out.items()}


def run(args: argparse.Namespace) -> int:
    framework = load_framework(args.framework)
    loaded = load_data_strict(args.data, framework)
    table = loaded.observations
    print_problems([p for p in loaded.problems if p.severity is Severity.WARNING], args.lang)
    options = IndexOptions(
        base_year=args.base_year,
        end_year=args.end_year,
        gap_policy=args.gap_policy,
        exclusions=parse_exclusions(args.exclude),
    )
    result = compute_index(table, framework, options)
    if args.json:
        write_json(result.to_json(), args.json, args.lang)
    else:
        sys.stdout.write(format_table(result, args.depth, args.lang))
    return 0


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    fill = " " * max(0, width - _width(text))
    return fill + text if right else text + fill


def format_table(result: IndexResult, depth: int = 2, lang: str = "zh") -> str:
    """A plain-text table per region: nodes down, years across; * 预估, ~ 插值, — 无法计算."""
    fw = result.framework
    codes = [c for c in result.codes if c == ROOT or fw.nodes[c].depth <= depth]
    labels = [("  " * fw.nodes[c].depth) + fw.label(c, lang) for c in codes]
    name_w = max(_width(label) for label in labels) + 2
    name = fw.name_en if lang == "en" else fw.name_zh
    header = {"name": name, "framework": f"{fw.id} {fw.version}", "base": result.base_year}
    lines = [render("cli.table.header", header, lang), ""]
    for r, region in enumerate(result.regions):
        lines.append(render("cli.table.region", {"region": region}, lang))
        lines.append(
            _pad(render("cli.table.indicator", None, lang), name_w)
            + "".join(_pad(str(y), 10, right=True) for y in result.years)
        )
        for code, label in zip(codes, labels, strict=False):
            n = result.code_index(code)
            cells = []
            for t in range(len(result.years)):
                v = result.index[r, n, t]
                flag = int(result.node_flags[r, n, t])
                text = "—" if math.isnan(v) else f"{v:.1f}{CellStatus(flag).mark}"
                cells.append(_pad(text, 10, right=True))
            lines.append(_pad(label, name_w) + "".join(cells))
        lines.append("")
    for note in result.recipe.notes:
        lines.append(render("cli.table.note", {"note": note}, lang))
    return "\n".join(lines).rstrip() + "\n"
