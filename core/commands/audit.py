"""`python -m core audit DATA…`: do the indicators of each pillar move together across the regions given?

The audit (core.assessment.audit) works on the indicators' levels s_i against the nation in the
assessment year (spec 02's L_i), one row per loaded region, min–max normalised per indicator.
Fewer than 8 regions: nothing is computed and the output says why.
"""

from __future__ import annotations

import argparse
import sys

from ..kernel.messages import render
from ..model.observations import NATION
from .helptext import examples
from .options import add_data_options, add_json_options, load_inputs, run_record, with_recipe
from .output import write_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "audit",
        help="指标体系一致性检验：各一级指标内指标的相关性、Cronbach α、第一主成分方差占比 (coherence audit)",
        description="在所给地区上检验每个一级指标的内部一致性（需至少 8 个地区）。\n"
        "Checks the internal coherence of each pillar across the regions given (at least 8 regions).",
        epilog=examples(
            "python -m core audit resources/demo/demo-provinces.csv",
            "python -m core audit resources/demo/demo-provinces.csv --end-year 2023 --json 一致性.json",
        ),
    )
    add_data_options(p, end_help="检验年（默认：地区数据中最晚的年份）")
    add_json_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..assessment import assess, audit_levels

    inputs = load_inputs(args)
    fw = inputs.framework
    first = sorted({o.region for o in inputs.loaded.observations if o.indicator in set(fw.leaves)} - {NATION})
    # only the levels of every loaded region are needed: no verdict stability draws
    assessment = assess(inputs.loaded.observations, fw, regions=first[:1], options=inputs.options, robust=False)
    result = audit_levels(fw, assessment.levels, assessment.year).to_dict(args.lang)
    if args.json:
        write_json(with_recipe(result, run_record("audit", args, inputs)), args.json, args.lang, indent=args.indent)
    else:
        sys.stdout.write(format_text(result, args.lang))
    return 0


def format_text(result: dict, lang: str) -> str:
    from ..assessment import fmt  # late: the CLI starts without numpy

    lines = [render("audit.text.header", {"count": len(result["regions"]), "year": result["year"]}, lang)]
    if "reason" in result:
        lines.append(result["reason"]["text"])  # already in `lang`
    for pillar, p in result["pillars"].items():
        args = {"pillar": pillar, "alpha": fmt(p["cronbach_alpha"], 3), "share": fmt(p["pca_first_share"], 3)}
        lines.append(render("audit.text.pillar", args | {"count": len(p["indicators"])}, lang))
        lines += ["    " + f["text"] for f in p["flags"]]
    return "\n".join(lines) + "\n"
