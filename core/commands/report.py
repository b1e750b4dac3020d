"""`python -m core report DATA… --region NAME|all --format docx|xlsx --out PATH`: reports for officials.

The data options are those of `assess` (framework, base and end year, gap policy, exclusions,
leading industries, adjacency, peers, thresholds): the report's sections 三–五 are that
assessment. PDF and chart images need Qt: `python -m desktop report …` takes the same arguments and injects
the desktop renderer; this command writes Word (charts as tables with a note) and Excel (native
charts) without it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from .. import __version__
from ..assessment import Assessment, assess
from ..assessment.config import load_config
from ..assessment.partners import read_adjacency
from ..index.engine import IndexOptions, compute_index
from ..index.sensitivity import monte_carlo, one_at_a_time
from ..io.loading import expand_paths
from ..kernel.messages import render
from ..kernel.problems import InputError, Problem
from ..model.observations import NATION
from ..report.builder import ReportInputs
from ..report.export import FORMATS, refuse_inputs, report_file_name, write_report, write_reports
from ..report.render import Renderer
from .assess import industry_rows
from .helptext import examples
from .options import add_data_options, load_inputs, region_arg, split_names
from .output import print_problems


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="生成评估报告（Word、Excel；PDF 与图表请用 python -m desktop report） (write the report)",
        description="生成地区两创融合发展评估报告：摘要、总体情况、分维度分析和附录（数据、方法、敏感性、数据问题）。\n"
        "Writes the assessment report of a region: summary, overall picture, pillars and the appendix "
        "(data, method, sensitivity, data problems).",
        epilog=examples(
            "python -m core report resources/demo/demo-provinces.csv --region 江苏省 --out 江苏省报告.docx",
            "python -m core report resources/demo/demo-provinces.csv --region 江苏省 --format xlsx --out 江苏省报告.xlsx",
            "python -m core report resources/demo/demo-provinces.csv --region all --out 报告文件夹",
            "python -m desktop report resources/demo/demo-provinces.csv --region 江苏省 --format pdf --out 江苏省报告.pdf",
        ),
    )
    add_arguments(p)
    p.set_defaults(func=run)


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_data_options(p)
    p.add_argument("--region", default="all", type=region_arg, help="报告的地区名称；all（默认）为每个地区各写一个文件")
    p.add_argument(
        "--format", choices=FORMATS, default="docx", help="报告格式（默认 docx；pdf 需 python -m desktop report）"
    )
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        help="输出文件（带扩展名）或文件夹（已存在或无扩展名）；--region all 时为输出文件夹",
    )
    p.add_argument("--draws", type=int, default=1000, help="敏感性分析的随机权重抽样次数（0 = 不做随机抽样）")
    p.add_argument("--peers", default="all", help="比较（伙伴、同质化、排名）的地区：all（默认）或逗号分隔的名称")
    p.add_argument("--parent", type=region_arg, help="城市数据的上级省份（默认自动识别）")
    p.add_argument("--industries", type=Path, help="主导产业评分 CSV（列同 assess --industries）")
    p.add_argument("--adjacency", type=Path, help="城市毗邻关系 TOML（同 assess --adjacency）；省级毗邻关系已内置")
    p.add_argument("--config", type=Path, help="评估阈值与名称文件（TOML），默认为内置阈值")
    p.add_argument(
        "--scenario",
        type=Path,
        help="加入“六、目标情景”：python -m core whatif --json 写出的情景或目标方案文件（仅加入该情景所属地区的报告）",
    )


def prepare(args: argparse.Namespace) -> tuple[ReportInputs, list[str]]:
    """Load, compute the index and its sensitivity; the regions to report on."""
    inputs = load_inputs(args)
    framework, loaded, options = inputs.framework, inputs.loaded, inputs.options
    table = loaded.observations
    result = compute_index(table, framework, options)
    assessment = _assessment(args, framework, loaded, options)
    regions = list(result.regions)
    if args.region.strip().lower() != "all":
        if args.region not in regions:
            raise InputError([Problem("report.region_unknown", {"region": args.region, "regions": regions})])
        regions = [args.region]
    inputs = ReportInputs(
        result,
        regions[0],
        args.lang,
        one_at_a_time(table, framework, options),
        monte_carlo(table, framework, options, draws=args.draws) if args.draws > 0 else None,
        tuple(loaded.problems),
        table,
        __version__,
        assessment=assessment,
        scenario=_scenario(args, framework, table, options),
    )
    return inputs, regions


def _scenario(args: argparse.Namespace, framework, table, options: IndexOptions):
    """Section 六: the what-if file replayed on these data (the same verdicts the file shows)."""
    if not getattr(args, "scenario", None):
        return None
    from ..whatif import read_scenario_json, replay

    config = load_config(args.config, pillars=framework.pillars)
    return replay(read_scenario_json(args.scenario), table, framework, config=config, options=options,
                  name=args.scenario.stem)  # fmt: skip


def _assessment(args: argparse.Namespace, framework, loaded, options: IndexOptions) -> Assessment | None:
    """The assessment behind sections 三–五 (every region but the nation); None, with the reasons
    printed, when the data do not allow one (the report then says so in those sections)."""
    region = args.region.strip()
    if region == NATION:
        return None  # the nation is the reference: its report compares macro-regions, not verdicts
    config = load_config(args.config, pillars=framework.pillars)
    industries, _, problems = industry_rows(args, loaded, config)
    print_problems(problems, args.lang)
    targets = None if region.lower() == "all" else [region]
    try:
        a = assess(
            loaded.observations,
            framework,
            regions=targets,
            peers=split_names(args.peers),
            parent=args.parent,
            industries=industries,
            adjacency=read_adjacency(args.adjacency) if args.adjacency else None,
            config=config,
            options=options,
        )
    except InputError as exc:
        print_problems(list(exc.problems), args.lang)
        return None
    print_problems(list(a.problems), args.lang)
    return a


def _progress(lang: str):
    def show(done: int, total: int, message="") -> None:
        if message:
            print(render("report.progress", {"done": done + 1, "total": total, "name": message}, lang), file=sys.stderr)

    return show


_renderer_factory: Callable[[], Renderer] | None = None


def use_renderer(factory: Callable[[], Renderer] | None) -> None:
    """Injection point: `python -m desktop report` sets the Qt renderer (charts and PDF) here."""
    global _renderer_factory
    _renderer_factory = factory


def run(args: argparse.Namespace) -> int:
    inputs, regions = prepare(args)
    renderer = _renderer_factory() if _renderer_factory is not None else None
    sources = expand_paths(args.data)
    if args.region.strip().lower() == "all":
        for region in regions:
            refuse_inputs(args.out / report_file_name(region, args.format, args.lang), sources)
        paths = write_reports(inputs, regions, args.format, args.out, renderer, progress=_progress(args.lang))
    else:
        out = args.out / report_file_name(regions[0], args.format, args.lang) if args.out.is_dir() else args.out
        refuse_inputs(out, sources)
        paths = [write_report(inputs, args.format, out, renderer)]
    for path in paths:
        print(render("report.written", {"path": str(path)}, args.lang), file=sys.stderr)
    return 0
