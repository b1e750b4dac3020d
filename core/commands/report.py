"""`python -m core report DATA… --region NAME|all --format docx|xlsx --out PATH`: reports for officials.

PDF and chart images need Qt: `python -m desktop report …` takes the same arguments and injects
the desktop renderer; this command writes Word (charts as tables with a note) and Excel (native
charts) without it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from .. import __version__
from ..index.engine import compute_index
from ..index.sensitivity import monte_carlo, one_at_a_time
from ..io.loading import expand_paths
from ..kernel.messages import render
from ..kernel.problems import InputError, Problem
from ..report.builder import ReportInputs
from ..report.export import FORMATS, refuse_inputs, report_file_name, write_report, write_reports
from ..report.render import Renderer
from .options import add_data_options, load_inputs


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="生成评估报告（Word、Excel；PDF 与图表请用 python -m desktop report）",
        description="生成地区两创融合发展评估报告：摘要、总体情况、分维度分析和附录（数据、方法、敏感性、数据问题）。",
    )
    add_arguments(p)
    p.set_defaults(func=run)


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_data_options(p)
    p.add_argument("--region", default="all", help="报告的地区名称；all（默认）为每个地区各写一个文件")
    p.add_argument(
        "--format", choices=FORMATS, default="docx", help="报告格式（默认 docx；pdf 需 python -m desktop report）"
    )
    p.add_argument("--out", type=Path, required=True, help="输出文件；--region all 时为输出文件夹")
    p.add_argument("--draws", type=int, default=1000, help="敏感性分析的随机权重抽样次数（0 = 不做随机抽样）")


def prepare(args: argparse.Namespace) -> tuple[ReportInputs, list[str]]:
    """Load, compute the index and its sensitivity; the regions to report on."""
    inputs = load_inputs(args)
    framework, loaded, options = inputs.framework, inputs.loaded, inputs.options
    table = loaded.observations
    result = compute_index(table, framework, options)
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
    )
    return inputs, regions


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
