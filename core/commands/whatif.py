"""`python -m core whatif DATA --region NAME --to YEAR (--raise CODE=+X%/yr … | --target …)`: issue 20.

A scenario (`--raise`, repeatable) sets chosen indicators' annual growth; a target (`--target
group=领先型 | quadrant=领跑巩固型 | level:NODE=VALUE`) asks for the fewest, least-effort changes that
reach it. Either prints the projected verdicts; `--json` writes the JSON of core.whatif.to_json.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..kernel.problems import InputError, Problem
from .helptext import examples
from .options import add_data_options, add_json_options, load_inputs, run_record, with_recipe
from .output import say, write_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "whatif",
        help="规划推演：按情景增速或目标，推演地区在目标年份的水平、分组、象限与定位（情景，非预测）",
        description="按各指标近年趋势外推到目标年份，可改变部分指标的年增速（--raise），或给出目标（--target）求最小调整方案。\n"
        "Projects each indicator's recent trend to the target year; change some indicators' yearly growth (--raise) or "
        "give a target (--target) to get the least-effort plan. A scenario, not a forecast.",
        epilog=examples(
            "python -m core whatif resources/demo/demo-provinces.csv --region 辽宁省 --to 2030",
            "python -m core whatif resources/demo/demo-provinces.csv --region 辽宁省 --raise 1.1.2=+25%/yr --raise 4.3.2=+2pp",
            "python -m core whatif resources/demo/demo-provinces.csv --region 辽宁省 --target group=较强型 --json 方案.json",
        ),
    )
    add_data_options(p, end_help="数据末年（默认：地区数据中最晚的年份）")
    p.add_argument("--region", required=True, help="要推演的地区名称")
    p.add_argument("--to", type=int, default=None, help="目标年份（默认：评估阈值文件中的展望年份，通常为 2030）")
    p.add_argument(
        "--raise",
        dest="raise",
        action="append",
        default=[],
        metavar="代码=+X%/yr",
        help="情景：把该指标年增速设为 X%%（代码=+X%%/yr），或在趋势增速上加 X 个百分点（代码=+Xpp）；可重复",
    )
    p.add_argument(
        "--nation-raise",
        dest="nation_raise",
        action="append",
        default=[],
        metavar="代码=+X%/yr",
        help="全国的情景增速（默认全国按自身趋势）；可重复",
    )
    p.add_argument(
        "--target", help="目标：group=分组名、quadrant=象限名，或 level:节点=水平值（节点为 total 或一级指标代码）"
    )
    p.add_argument(
        "--safety",
        type=float,
        default=None,
        metavar="点",
        help="目标方案在阈值之上保留的余量（水平点数，默认取努力程度文件中的 safety_points），使推演结论不处于临界",
    )
    p.add_argument(
        "--effort", type=Path, help="努力程度与增速边界文件（TOML），默认为内置 resources/whatif/effort.toml"
    )
    p.add_argument("--config", type=Path, help="评估阈值与名称文件（TOML），默认为内置阈值文件")
    add_json_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..assessment import load_config
    from ..whatif import build_baseline, load_effort, parse_raise, parse_target, plan_target, project, to_json

    if getattr(args, "raise") and args.target:
        raise InputError([Problem("whatif.no_choice", {})])
    inputs = load_inputs(args)
    fw = inputs.framework
    config = load_config(args.config, pillars=fw.pillars)
    horizon = args.to if args.to is not None else config.horizon_year
    baseline = build_baseline(inputs.loaded.observations, args.region, horizon, fw, config=config,
                              effort=load_effort(args.effort), options=inputs.options)  # fmt: skip
    nation = _nation_scenario(args.nation_raise, baseline)
    if args.target:
        plan = plan_target(baseline, parse_target(args.target, config, fw.pillars), nation, safety=args.safety)
        data, proj = to_json(baseline, plan.projection, plan), plan.projection
        say(plan.reason.code, args.lang, **plan.reason.args)
    else:
        proj = project(baseline, parse_raise(getattr(args, "raise"), baseline), nation)
        data = to_json(baseline, proj)
    if args.json:
        write_json(with_recipe(data, run_record("whatif", args, inputs)), args.json, args.lang, indent=args.indent)
    if args.json != "-":
        v = proj.projected
        say("cli.whatif.summary", args.lang, region=baseline.region, year=horizon, level=f"{v.level:.1f}",
            group=config.term(v.group.group), quadrant=config.term(v.quadrant.name), role=config.term(v.role.name))  # fmt: skip
        sys.stdout.flush()
    return 0


def _nation_scenario(items: list[str], baseline) -> dict[str, float]:
    """--nation-raise: the same syntax, against the nation's own trends."""
    from dataclasses import replace

    from ..whatif import parse_raise

    return parse_raise(items, replace(baseline, trends=baseline.nation, region="全国")) if items else {}
