"""`python -m core assess DATA --region NAME`: potential and positioning assessment (spec 02)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..kernel.problems import InputError, Severity
from .helptext import examples
from .options import (
    add_data_options,
    add_json_options,
    add_summary_option,
    brief_summary,
    load_inputs,
    region_arg,
    run_record,
    split_names,
    with_recipe,
)
from .output import print_problems, write_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "assess",
        help="潜力与定位评估（对全国的融合水平、势能、象限、定位、耦合、潜力、伙伴、路径） (assess potential and role)",
        description="评估地区两创融合水平（全国 = 100）、势能、定位象限、功能定位、耦合协调度、融合潜力、"
        "协同伙伴与路径建议。\n"
        "Assesses a region's fusion level (nation = 100), momentum, quadrant, functional role, coupling, "
        "potential, partners and levers.",
        epilog=examples(
            "python -m core assess resources/demo/demo-provinces.csv --region 江苏省",
            'python -m core assess resources/demo/demo-provinces.csv --region "湖北省,江苏省" --json 评估.json',
            "python -m core assess 江苏各市.xlsx 全国基准.xlsx --parent 江苏省 --adjacency 毗邻.toml",
            "python -m core --lang en assess resources/demo/demo-provinces.csv --region 江苏省",
        ),
    )
    add_data_options(p, end_help="评估年（默认：地区数据中最晚的年份）")
    p.add_argument("--region", default="all", help="要评估的地区名称，逗号分隔；all（默认）评估全部已载入地区")
    p.add_argument("--peers", default="all", help="比较（伙伴、同质化、排名）的地区：all（默认）或逗号分隔的名称")
    p.add_argument(
        "--parent", type=region_arg, help="城市数据的上级省份（默认自动识别：仅载入一个省份且其余为非省级地区时）"
    )
    p.add_argument(
        "--industries",
        type=Path,
        help="主导产业评分 CSV（列：region, industry, strategic, location_quotient, diffusibility, scenario_fit, chain_embedding, strategic_fit, expert）",
    )
    p.add_argument(
        "--adjacency",
        type=Path,
        help='城市毗邻关系 TOML（[adjacency] "城市" = ["邻市", …]，中文名称加引号）；省级毗邻关系已内置',
    )
    p.add_argument(
        "--config", type=Path, help="评估阈值与名称文件（TOML），默认为内置 resources/assessment/thresholds.toml"
    )
    add_summary_option(p, full="每个地区的完整评估", brief="每个地区一行")
    add_json_options(p)
    p.set_defaults(func=run)


def industry_rows(args: argparse.Namespace, loaded, config) -> tuple[list | None, list, list]:
    """Leading industries from the templates' 主导产业 sheets plus `--industries` CSV rows:
    (all rows or None, the CSV's rows, the CSV's problems). Shared by `assess` and `report`."""
    from ..assessment.industries import read_industries_csv, rows_from_entries

    industries = rows_from_entries(loaded.industries) or None
    if not args.industries:
        return industries, [], []
    csv_rows, problems = read_industries_csv(args.industries, config)
    return (industries or []) + csv_rows, csv_rows, problems


def run(args: argparse.Namespace) -> int:
    from ..assessment import assess
    from ..assessment.config import load_config
    from ..assessment.partners import read_adjacency
    from ..assessment.summary import summary

    inputs = load_inputs(args)
    framework, loaded = inputs.framework, inputs.loaded
    config = load_config(args.config, pillars=framework.pillars)
    industries, csv_rows, ind_problems = industry_rows(args, loaded, config)
    print_problems(ind_problems, args.lang)
    errors = [p for p in ind_problems if p.severity is Severity.ERROR]
    if errors and not csv_rows:
        raise InputError(errors)
    adjacency = read_adjacency(args.adjacency) if args.adjacency else None
    result = assess(
        loaded.observations,
        framework,
        regions=split_names(args.region),
        peers=split_names(args.peers),
        parent=args.parent,
        industries=industries,
        adjacency=adjacency,
        config=config,
        options=inputs.options,
    )
    print_problems(list(result.problems), args.lang)
    if args.json:
        write_json(
            with_recipe(result.to_dict(stream=True), run_record("assess", args, inputs)),
            args.json,
            args.lang,
            indent=args.indent,
        )
    if args.json != "-":
        sys.stdout.write(summary(result, args.lang, brief=brief_summary(args, len(result.regions))))
    return 0
