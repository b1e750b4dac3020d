"""`python -m core compute DATA…`: the fusion index for every region in the data."""

from __future__ import annotations

import argparse
import math
import sys

from ..index.engine import IndexResult, compute_index
from ..kernel.messages import render
from ..kernel.vocabulary import CellStatus
from ..model.framework import ROOT
from ..model.observations import NATION
from .helptext import examples
from .options import (
    add_data_options,
    add_json_options,
    add_summary_option,
    brief_summary,
    load_inputs,
    run_record,
    with_recipe,
)
from .output import write_json, write_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "compute",
        help="测算两创融合发展指数 (compute the fusion index)",
        description="测算总指数、一级、二级和三级指标指数（基期 = 100）。\n"
        "Computes the total index and the pillar and indicator indices of every region (base year = 100).",
        epilog=examples(
            "python -m core compute resources/demo/demo-provinces.csv",
            "python -m core compute 湖北省.xlsx 全国基准.xlsx --base-year 2019 --depth 3",
            "python -m core compute 数据文件夹 --exclude 湖北省:2.3.1 --json 结果.json",
            "python -m core --lang en compute resources/demo/demo-provinces.csv",
        ),
    )
    add_data_options(p)
    p.add_argument("--depth", type=int, default=2, help="表格显示到第几级：1 一级指标，2 二级（默认），3 三级")
    add_summary_option(p, full="每个地区一张表（各级指标 × 年份）", brief="每个地区一行（总指数 × 年份）")
    add_json_options(p)
    p.add_argument(
        "--format",
        choices=("json", "csv", "parquet"),
        default="json",
        help="输出格式：json（默认）；csv 或 parquet 为长表（地区、指标节点、年份、指数、增速、状态），写到 --out",
    )
    p.add_argument("--out", metavar="PATH|-", help="--format csv/parquet 的输出文件（csv 可用 - 表示标准输出）")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    inputs = load_inputs(args)
    result = compute_index(inputs.loaded.observations, inputs.framework, inputs.options)
    target = args.out or args.json
    if args.format != "json" and target:
        write_table(result.long_table(), target, args.format, args.lang)
    elif target:
        data = with_recipe(result.to_json(stream=True), run_record("compute", args, inputs))
        write_json(data, target, args.lang, indent=args.indent)
    else:
        brief = brief_summary(args, len([r for r in result.regions if r != NATION]))  # as assess counts them
        sys.stdout.write(format_brief(result, args.lang) if brief else format_table(result, args.depth, args.lang))
    return 0


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    fill = " " * max(0, width - _width(text))
    return fill + text if right else text + fill


def _mark(result: IndexResult, r: int, n: int, t: int) -> str:
    """* 预估 (*2 when carried two years), ~ 插值."""
    flag = CellStatus(int(result.node_flags[r, n, t]))
    carried = int(result.carried[r, n, t])
    return f"{flag.mark}{carried}" if flag is CellStatus.ESTIMATE and carried > 1 else flag.mark


def _cells(result: IndexResult, r: int, n: int) -> str:
    """One node's row of a region: the index of every year, 10 columns each, with its mark."""
    cells = []
    for t in range(len(result.years)):
        v = result.index[r, n, t]
        cells.append(_pad("—" if math.isnan(v) else f"{v:.1f}{_mark(result, r, n, t)}", 10, right=True))
    return "".join(cells)


def _header(result: IndexResult, lang: str) -> str:
    fw = result.framework
    name = fw.name_en if lang == "en" else fw.name_zh
    return render(
        "cli.table.header", {"name": name, "framework": f"{fw.id} {fw.version}", "base": result.base_year}, lang
    )


def _years(result: IndexResult) -> str:
    return "".join(_pad(str(y), 10, right=True) for y in result.years)


def format_brief(result: IndexResult, lang: str = "zh") -> str:
    """One line per region: the total index of every year."""
    name_w = max([_width(r) for r in result.regions] + [_width(render("cli.table.region_column", None, lang))]) + 2
    n = result.code_index(ROOT)
    title = {"total": result.framework.label(ROOT, lang), "count": len(result.regions)}
    lines = [_header(result, lang), "", render("cli.table.brief_title", title, lang)]
    lines.append(_pad(render("cli.table.region_column", None, lang), name_w) + _years(result))
    lines += [_pad(region, name_w) + _cells(result, r, n) for r, region in enumerate(result.regions)]
    lines += ["", render("cli.table.brief_hint", None, lang), ""]
    lines += [render("cli.table.note", {"note": note}, lang) for note in result.recipe.notes]
    return "\n".join(lines).rstrip() + "\n"


def format_table(result: IndexResult, depth: int = 2, lang: str = "zh") -> str:
    """A plain-text table per region: nodes down, years across; * 预估, ~ 插值, — 无法计算."""
    fw = result.framework
    codes = [c for c in result.codes if c == ROOT or fw.nodes[c].depth <= depth]
    labels = [("  " * fw.nodes[c].depth) + fw.label(c, lang) for c in codes]
    name_w = max(_width(label) for label in labels) + 2
    lines = [_header(result, lang), ""]
    for r, region in enumerate(result.regions):
        lines.append(render("cli.table.region", {"region": region}, lang))
        lines.append(_pad(render("cli.table.indicator", None, lang), name_w) + _years(result))
        for code, label in zip(codes, labels, strict=False):
            lines.append(_pad(label, name_w) + _cells(result, r, result.code_index(code)))
        lines.append("")
    for note in result.recipe.notes:
        lines.append(render("cli.table.note", {"note": note}, lang))
    return "\n".join(lines).rstrip() + "\n"
