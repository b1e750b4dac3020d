"""`python -m core template`: generate a blank fill-in template (region, multi-region or national)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..io.template_writer import KINDS, parse_years, write_template
from ..kernel.problems import InputError, Problem
from ..model.framework import load_framework
from .helptext import examples
from .output import say


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "template",
        help="生成 Excel 填报模板 (write a fill-in template)",
        description="按指标体系生成 Excel 填报模板：region 单个地区，multi 多个地区，national 全国基准（已预填）。\n"
        "Writes an Excel fill-in template: one region, several regions, or the national benchmark (prefilled).",
        epilog=examples(
            "python -m core template --out 湖北省填报模板.xlsx",
            'python -m core template --kind multi --regions "南京市,无锡市,苏州市" --out 江苏各市.xlsx',
            "python -m core template --kind national --years 2019-2024 --out 全国基准.xlsx",
        ),
    )
    p.add_argument("--framework", type=Path, help="指标体系文件（TOML），默认为中国信通院 2025 年 4-12-27 体系")
    p.add_argument("--years", default="2019-2024", help="填报年份，如 2019-2024 或 2019,2020,2021（默认 2019-2024）")
    p.add_argument("--kind", choices=KINDS, default="region", help="模板类型：region（默认）、multi、national")
    p.add_argument("--regions", help="多地区模板的地区名称，用逗号分隔（默认 31 个省级行政区），如 南京市,无锡市")
    p.add_argument("--contact", default="", help="填报说明中的联系人及电话")
    p.add_argument("--out", required=True, type=Path, help="输出文件（.xlsx）")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    framework = load_framework(args.framework)
    try:
        years = parse_years(args.years)
    except ValueError as exc:
        raise InputError([Problem("option_invalid.years", {"reason": str(exc)})]) from None
    if args.out.suffix.lower() != ".xlsx":
        raise InputError([Problem("option_invalid.out_suffix", {}, file=str(args.out))])
    regions = None
    if args.regions:
        regions = [r.strip() for r in args.regions.replace("，", ",").split(",") if r.strip()]
        if args.kind != "multi":
            raise InputError([Problem("option_invalid.regions_kind", {})])
    try:
        write_template(args.out, framework, years, args.kind, regions=regions, contact=args.contact)
    except ValueError as exc:
        raise InputError([Problem("option_invalid.template", {"reason": str(exc)})]) from None
    say(
        "cli.template_written",
        args.lang,
        path=str(args.out),
        kind=args.kind,
        framework=f"{framework.id} {framework.version}",
        first=years[0],
        last=years[-1],
    )
    return 0
