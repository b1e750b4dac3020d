"""`python -m core sensitivity DATA… --region NAME --method oat|montecarlo|sobol`: how much a region's
total index depends on the weights and on each indicator.

Every method's output carries the Monte Carlo uncertainty bands (5 / 50 / 95 %) of the region's
nodes and its rank interval, and the drop-one-indicator impact on its total index and rank. The
same seed gives byte-identical output.
"""

from __future__ import annotations

import argparse
import math
import sys

from ..index.drop_one import drop_one
from ..index.engine import prepare
from ..index.sensitivity import monte_carlo, one_at_a_time
from ..index.sobol import DEFAULT_DRAWS, DEFAULT_SEED, DEFAULT_SPREAD, sobol_indices
from ..kernel.messages import render
from ..kernel.problems import InputError, Problem
from ..model.framework import ROOT
from .helptext import examples
from .options import add_data_options, add_json_options, load_inputs, region_arg, run_record, with_recipe
from .output import write_json

METHODS = ("oat", "montecarlo", "sobol")
DROP_ONE_SHOWN = 5  # indicators listed in the table, largest impact first


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "sensitivity",
        help="权重敏感性：单项权重 ±20%%、蒙特卡洛区间、Sobol 指数，以及去掉单个指标的影响 (weight sensitivity)",
        description="分析某地区总指数对权重与单个指标的敏感性；每种方法都给出不确定性区间与去掉单个指标后的指数和排名。\n"
        "How much a region's total index depends on the weights and on single indicators, with the "
        "uncertainty band and the index and rank without each indicator.",
        epilog=examples(
            "python -m core sensitivity resources/demo/demo-provinces.csv --region 江苏省",
            "python -m core sensitivity resources/demo/demo-provinces.csv --region 江苏省 --method oat",
            "python -m core sensitivity resources/demo/demo-provinces.csv --region 江苏省 --method montecarlo --draws 2000 --seed 7",
        ),
    )
    add_data_options(p)
    p.add_argument("--region", type=region_arg, help="要分析的地区名称（数据只有一个地区时可省略）")
    p.add_argument("--method", choices=METHODS, default="sobol", help="oat 单项权重 ±20%%；montecarlo；sobol（默认）")
    p.add_argument("--draws", type=int, default=DEFAULT_DRAWS, help=f"抽样次数（默认 {DEFAULT_DRAWS}）")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"随机种子（默认 {DEFAULT_SEED}）；相同种子结果相同")
    p.add_argument("--spread", type=float, default=DEFAULT_SPREAD, help="权重变动幅度（默认 0.2，即 ±20%%）")
    add_json_options(p)
    p.set_defaults(func=run)


def _region(args: argparse.Namespace, regions: tuple[str, ...]) -> str:
    if args.region is None and len(regions) == 1:
        return regions[0]
    if args.region is None:
        raise InputError([Problem("sensitivity.region_missing", {"count": len(regions), "regions": regions})])
    if args.region not in regions:
        raise InputError([Problem("sensitivity.region_unknown", {"region": args.region, "regions": regions})])
    return args.region


def analyse(args: argparse.Namespace) -> tuple[dict, dict]:
    """The sensitivity JSON (without the recipe) and the run's record."""
    if args.draws < 2 or not 0 < args.spread < 1:
        raise InputError([Problem("sensitivity.options_invalid", {"draws": args.draws, "spread": args.spread})])
    inputs = load_inputs(args)
    table, fw, options = inputs.loaded.observations, inputs.framework, inputs.options
    prepared = prepare(table, fw, options)
    region = _region(args, prepared.regions)
    r = prepared.regions.index(region)
    mc = monte_carlo(table, fw, options, draws=args.draws, seed=args.seed, spread=args.spread)
    mc_region = mc.to_dict()["regions"][region]
    dropped = drop_one(prepared).to_dict()
    nominal = mc.nominal[r, fw.codes.index(ROOT), -1]
    out: dict = {
        "method": args.method,
        "region": region,
        "output": {"node": ROOT, "year": prepared.years[-1], "nominal": _num(nominal)},
        "draws": args.draws,
        "seed": args.seed,
        "spread": args.spread,
    }
    if args.method == "sobol":
        sobol = sobol_indices(prepared, region, draws=args.draws, seed=args.seed, spread=args.spread).to_dict()
        out["indices"] = sobol["indices"]
        out["variance"] = sobol["variance"]
    elif args.method == "oat":
        oat = one_at_a_time(table, fw, options, delta=args.spread).to_dict()
        out["one_at_a_time"] = {"delta": args.spread, "years": oat["regions"][region]}
    out["bands"] = mc_region["bands"]
    out["rank"] = mc_region["rank"]
    out["drop_one"] = {"year": dropped["year"], **dropped["regions"][region]}
    return out, run_record("sensitivity", args, inputs)


def _num(v: float) -> float | None:
    return None if not math.isfinite(v) else round(float(v), 6)


def run(args: argparse.Namespace) -> int:
    out, record = analyse(args)
    if args.json:
        write_json(with_recipe(out, record), args.json, args.lang, indent=args.indent)
    else:
        sys.stdout.write(format_text(out, args.lang))
    return 0


def format_text(out: dict, lang: str) -> str:
    """The readable summary: bands and rank, then the method's numbers, then drop-one."""
    from ..assessment import fmt  # late: the CLI starts without numpy

    year, total = str(out["output"]["year"]), out["bands"][ROOT][str(out["output"]["year"])]
    rank = out["rank"]
    head = {"region": out["region"], "year": year, "nominal": fmt(out["output"]["nominal"]), "draws": out["draws"]}
    head |= {"low": fmt(total[0]), "high": fmt(total[2]), "spread": round(100 * out["spread"])}
    head |= {"rank": rank["nominal"], "rank_low": fmt(rank["p05"], 0), "rank_high": fmt(rank["p95"], 0)}
    lines = [render("sensitivity.text.header", head, lang), ""]
    if "indices" in out:
        lines.append(render("sensitivity.text.sobol_header", None, lang))
        ranked = sorted(out["indices"].items(), key=lambda kv: (-kv[1]["total"], kv[0]))
        lines += [f"  {node:<8}{fmt(v['first'], 3):>10}{fmt(v['total'], 3):>10}" for node, v in ranked]
    if "one_at_a_time" in out:
        cell = out["one_at_a_time"]["years"][year]
        args = {"spread": round(100 * out["spread"]), "change": fmt(cell["max_change_percent"], 2)}
        lines.append(render("sensitivity.text.oat", args | {"node": cell["weight"]}, lang))
    lines += ["", render("sensitivity.text.drop_header", None, lang)]
    drops = out["drop_one"]["drop"]
    biggest = sorted(drops, key=lambda c: (-abs(drops[c]["change_percent"] or 0.0), c))[:DROP_ONE_SHOWN]
    for code in biggest:
        d = drops[code]
        args = {"code": code, "total": fmt(d["total"]), "change": fmt(d["change_percent"], 2), "rank": d["rank"]}
        lines.append(render("sensitivity.text.drop", args, lang))
    return "\n".join(lines) + "\n"
