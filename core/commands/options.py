"""The options every data command shares (compute, assess, report, sensitivity, audit), defined once.

`add_data_options(parser)` adds DATA… and the recipe options; `add_json_options(parser)` adds
`--json PATH|-` and `--indent N` (every command that writes a JSON result: compact unless
`--indent` is given); `load_inputs(args)` reads the
framework and the data (files in a fixed order, so the same files given in any order give the
same result) and builds the IndexOptions. `RunRecord` is what a result's recipe records so
that `python -m core rerun` can repeat the command exactly.
"""

from __future__ import annotations

import argparse
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..index.engine import DEFAULT_CARRY_LIMIT, IndexOptions
from ..io.loading import ImportResult, expand_paths, load_data_strict
from ..kernel.problems import InputError, Problem, Severity
from ..kernel.resources import resource
from ..kernel.vocabulary import GAP_POLICIES
from ..model.framework import DEFAULT_FRAMEWORK, Framework, load_framework
from ..model.regions import canonical_region_name
from .output import print_problems

# Files other than DATA whose bytes a result depends on: hashed in the recipe, checked by rerun.
AUXILIARY_FILES = ("industries", "adjacency", "config", "effort")


def region_arg(text: str) -> str:
    """A region named on the command line as the data stores it: 湖北, Hubei → 湖北省 (as on import);
    any other name (a city, all) as typed."""
    name = text.strip()
    return canonical_region_name(name) or name


def split_names(text: str | None) -> list[str] | None:
    """'A,B' or 'A，B' → ['A', 'B'] (provinces as the data stores them); None, '' or 'all' → None (every region)."""
    if text is None or text.strip().lower() == "all":
        return None
    return [region_arg(n) for n in text.replace("，", ",").split(",") if n.strip()] or None


def add_data_options(p: argparse.ArgumentParser, *, end_help: str = "末年（默认：数据中最晚的年份）") -> None:
    p.add_argument("data", nargs="+", type=Path, help="数据文件或文件夹：长表格式 .csv/.xlsx，或填报模板 .xlsx")
    p.add_argument("--framework", type=Path, help="指标体系文件（TOML），默认为中国信通院 2025 年 4-12-27 体系")
    p.add_argument("--base-year", type=int, help="基期年份（默认：各地区都有数据的最早年份）")
    p.add_argument("--end-year", type=int, help=end_help)
    p.add_argument(
        "--gap-policy", choices=GAP_POLICIES, default=GAP_POLICIES[0], help="年份缺口：几何插值（默认）或沿用上年"
    )
    p.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="地区:代码[,代码][=理由]",
        help="为某地区排除无法填报的指标（同级指标权重重新归一），可注明理由，可重复；例如 某市:3.2.2=本市无算力中心统计",
    )
    p.add_argument(
        "--exclude-region",
        action="append",
        default=[],
        metavar="地区=理由",
        help="整个地区不参与测算并注明理由（例如 某市=统计口径调整，2019 年数据缺失），可重复；结果口径记录每个地区及其理由",
    )
    p.add_argument(
        "--carry-limit",
        type=_non_negative,
        default=DEFAULT_CARRY_LIMIT,
        metavar="N",
        help=f"一个数值最多可沿用几年（默认 {DEFAULT_CARRY_LIMIT}；超过则报错）",
    )


def add_json_options(p: argparse.ArgumentParser) -> None:
    """--json PATH|- and --indent N: the JSON result, compact by default (written by output.write_json)."""
    p.add_argument("--json", metavar="PATH|-", help="以 JSON 输出结果（- 表示标准输出）；默认紧凑格式")
    p.add_argument("--indent", type=_non_negative, metavar="N", help="JSON 缩进 N 个空格（默认不缩进，紧凑输出）")


FULL_SUMMARY_MAX = 10  # `--summary auto`: every region in full up to this many regions, one line each beyond


def add_summary_option(p: argparse.ArgumentParser, full: str, brief: str) -> None:
    """--summary auto|full|brief: what the screen shows (`full`, `brief`: what each choice prints)."""
    p.add_argument(
        "--summary",
        choices=("auto", "full", "brief"),
        default="auto",
        help=f"屏幕输出：full {full}，brief {brief}；auto（默认）不超过 {FULL_SUMMARY_MAX} 个地区时为 full",
    )


def brief_summary(args: argparse.Namespace, regions: int) -> bool:
    """Whether the screen gets one line per region (`--summary`, and how many regions there are)."""
    return args.summary == "brief" or (args.summary == "auto" and regions > FULL_SUMMARY_MAX)


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(text)
    return value


def _exclusion_items(items: list[str]):
    """(region, codes, reason) of each --exclude 地区:代码[,代码][=理由] (full-width ：，＝ accepted)."""
    for item in items:
        text = item.replace("：", ":").replace("，", ",").replace("＝", "=")
        region, sep, rest = text.partition(":")
        codes, _, reason = rest.partition("=")
        codes_list = [c.strip() for c in codes.split(",") if c.strip()]
        if not sep or not region.strip() or not codes_list:
            raise InputError([Problem("option_invalid.exclude", {"item": item})])
        yield region.strip(), codes_list, reason.strip()


def parse_exclusions(items: list[str]) -> dict[str, frozenset[str]]:
    """--exclude 地区:代码[,代码][=理由] (repeatable) → region → codes. Unknown names are refused by the engine."""
    out: dict[str, set[str]] = {}
    for region, codes, _ in _exclusion_items(items):
        out.setdefault(region, set()).update(codes)
    return {r: frozenset(c) for r, c in out.items()}


def parse_exclusion_reasons(items: list[str]) -> dict[str, dict[str, str]]:
    """The reasons given with --exclude (地区:代码[,代码]=理由) → region → code → reason, sorted."""
    out: dict[str, dict[str, str]] = {}
    for region, codes, reason in _exclusion_items(items):
        if reason:
            out.setdefault(region, {}).update(dict.fromkeys(codes, reason))
    return {r: dict(sorted(c.items())) for r, c in sorted(out.items())}


def parse_region_exclusions(items: list[str]) -> dict[str, str]:
    """--exclude-region 地区=理由 (repeatable) → region → reason; a region named twice keeps the last reason."""
    out: dict[str, str] = {}
    for item in items:
        region, sep, reason = item.replace("＝", "=").partition("=")
        if not sep or not region.strip() or not reason.strip():
            raise InputError([Problem("option_invalid.exclude_region", {"item": item})])
        out[region.strip()] = reason.strip()
    return dict(sorted(out.items()))


def options_from_args(args: argparse.Namespace) -> IndexOptions:
    return IndexOptions(
        base_year=args.base_year,
        end_year=args.end_year,
        gap_policy=args.gap_policy,
        exclusions=parse_exclusions(args.exclude),
        exclusion_reasons=parse_exclusion_reasons(args.exclude),
        excluded_regions=parse_region_exclusions(args.exclude_region),
        carry_limit=args.carry_limit,
    )


@dataclass(frozen=True)
class Inputs:
    """What a data command reads: the framework, the data files (sorted) and the loaded data."""

    framework: Framework
    files: tuple[Path, ...]
    loaded: ImportResult
    options: IndexOptions


def load_inputs(args: argparse.Namespace) -> Inputs:
    """Framework, data and options from the shared arguments; warnings printed, errors raised."""
    framework = load_framework(args.framework)
    files = tuple(sorted(dict.fromkeys(expand_paths(args.data)), key=str))
    loaded = load_data_strict(files, framework)
    print_problems([p for p in loaded.problems if p.severity is Severity.WARNING], args.lang)
    return Inputs(framework, files, loaded, options_from_args(args))


def sha256_file(path: Path) -> str:
    """SHA-256 of a file's bytes, read in blocks (a large input is not held in memory a second time)."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def framework_sha256(path: Path | None) -> str:
    """SHA-256 of the framework file's bytes: the user's copy, or the shipped one."""
    data = resource(DEFAULT_FRAMEWORK).read_bytes() if path is None else path.read_bytes()
    return hashlib.sha256(data).hexdigest()


# Arguments that do not change the result (where it goes, how the table looks) or are not options.
NOT_RECORDED = frozenset(
    {"data", "json", "out", "lang", "func", "command", "depth", "exclude", "exclude_region", "summary"}
)


def recorded_options(args: argparse.Namespace) -> dict[str, Any]:
    """Every option of the command as it was used (paths as posix text, exclusions sorted), so that
    an option a command adds later is recorded and re-run without further code."""
    options: dict[str, Any] = {}
    for dest, value in sorted(vars(args).items()):
        if dest not in NOT_RECORDED:
            options[dest] = _posix(value) if isinstance(value, Path) else value
    options["exclude"] = {r: sorted(c) for r, c in sorted(parse_exclusions(args.exclude).items())}
    options["exclude_reason"] = parse_exclusion_reasons(args.exclude)
    options["exclude_region"] = parse_region_exclusions(args.exclude_region)
    return options


def run_record(command: str, args: argparse.Namespace, inputs: Inputs) -> dict:
    """The recipe's `run`: app version, framework (id, version, file, SHA-256), input files with
    their SHA-256, every option and seed. Paths as given (relative to the working directory)."""
    from .. import __version__

    files = [{"path": _posix(f), "sha256": sha256_file(f)} for f in inputs.files]
    for dest in AUXILIARY_FILES:
        if getattr(args, dest, None) is not None:
            files.append({"path": _posix(getattr(args, dest)), "sha256": sha256_file(getattr(args, dest))})
    options = recorded_options(args)
    fw = inputs.framework
    return {
        "command": command,
        "app_version": __version__,
        "framework": {
            "id": fw.id,
            "version": fw.version,
            "file": options["framework"],
            "sha256": framework_sha256(args.framework),
        },
        "inputs": files,
        "data": [_posix(f) for f in inputs.files],
        "options": options,
        "seeds": {dest: value for dest, value in options.items() if "seed" in dest},
        "lang": args.lang,
    }


def _posix(path: Path | str) -> str:
    return Path(path).as_posix()


def with_recipe(data: dict, record: dict) -> dict:
    """The output with the run record under `recipe.run` (added to an existing recipe, as compute's)."""
    recipe = dict(data.get("recipe") or {})
    recipe["run"] = record
    return {**data, "recipe": recipe}
