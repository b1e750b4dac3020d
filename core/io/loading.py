"""Load data files of any supported kind into one observation table with all their problems.

The one entry point the CLI, the workspace and the GUI use, so all accept the same files:
fill-in template workbooks (recognised by their hidden marker or 指标数据 sheet) and
long-format .csv/.xlsx files. Many files are read with progress and cancellation, then the
same region/indicator/year with two different values is reported with both locations.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ..kernel.problems import InputError, Problem, Severity
from ..kernel.progress import CancelCheck, ProgressCallback, check_cancel, report
from ..model.framework import Framework
from ..model.observations import Observation, ObservationTable, Provenance
from .longformat import read_long_format
from .template_reader import FileInfo, ImportResult, format_number, is_template_workbook, read_template_workbook
from .xlsx_safety import precheck_xlsx

SUPPORTED = (".csv", ".xlsx")
REFUSED = {
    ".xls": "旧版 Excel 97-2003 格式",
    ".xlsm": "含宏的工作簿",
    ".et": "WPS 表格专有格式",
    ".xlsb": "二进制工作簿",
}


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders expanded to their .xlsx/.csv files (sorted; Office lock files and hidden files skipped)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(
                sorted(
                    f
                    for f in p.iterdir()
                    if f.is_file() and f.suffix.lower() in SUPPORTED and not f.name.startswith(("~$", "."))
                )
            )
        else:
            out.append(p)
    return out


def read_file(path: Path, framework: Framework, imported_at: str | None = None) -> ImportResult:
    """One file → observations, problems, industries; never raises for bad content."""
    suffix = path.suffix.lower()
    if not path.exists():
        return ImportResult(problems=[Problem("file_missing", "找不到文件，请检查路径。", file=str(path))])
    if suffix in REFUSED:
        return ImportResult(
            problems=[
                Problem(
                    "file_type_refused",
                    f"不支持{REFUSED[suffix]}（{suffix}）。请在 Excel 或 WPS 中另存为 .xlsx 后再导入。",
                    file=path.name,
                )
            ]
        )
    if suffix not in SUPPORTED:
        return ImportResult(
            problems=[
                Problem(
                    "file_type_unknown",
                    f"不支持的文件类型 {suffix or '（无扩展名）'}。请使用填报模板（.xlsx）或长表格式（.csv/.xlsx）。",
                    file=path.name,
                )
            ]
        )
    if suffix == ".xlsx":  # untrusted zip: size, bomb, macro and DTD checks before any parser
        if is_template_workbook(path):
            return read_template_workbook(path, framework, imported_at=imported_at)
        safety = precheck_xlsx(path)
        if not safety.ok:
            return ImportResult(problems=list(safety.problems))
    try:
        table, problems = read_long_format(path, framework)
    except Exception as exc:  # a damaged file must become a problem, not a crash
        return ImportResult(
            problems=[
                Problem(
                    "file_unreadable",
                    f"无法读取文件（{exc.__class__.__name__}）。请确认文件未损坏，并在 Excel 或 WPS 中另存为 .xlsx 或 UTF-8 编码的 .csv 后重试。",
                    file=path.name,
                )
            ]
        )
    if imported_at:
        table = ObservationTable([_with_time(o, imported_at) for o in table])
    return ImportResult(
        observations=table,
        problems=list(problems),
        files=[FileInfo(path.name, "long", framework.id, framework.version)],
    )


def _with_time(o: Observation, imported_at: str) -> Observation:
    return replace(o, provenance=replace(o.provenance or Provenance(), imported_at=imported_at))


def find_conflicts(observations: Iterable[Observation]) -> list[Problem]:
    """Same region/indicator/year with different values (across files or within one) → one ERROR each."""
    first: dict[tuple[str, str, int], Observation] = {}
    out: list[Problem] = []
    for o in observations:
        key = (o.region, o.indicator, o.year)
        prev = first.get(key)
        if prev is None:
            first[key] = o
            continue
        if not math.isclose(prev.value, o.value, rel_tol=1e-12, abs_tol=0.0):
            pp = prev.provenance.describe() if prev.provenance else "（未知来源）"
            p = o.provenance or Provenance()
            out.append(
                Problem(
                    "conflict",
                    f"与 {pp} 的数值不一致（{format_number(prev.value)} 与 {format_number(o.value)}）。同一地区、指标、年份只能有一个数值：请确认哪个正确，更正或删除另一个文件中的数值。",
                    Severity.ERROR,
                    file=p.file,
                    sheet=p.sheet,
                    cell=p.cell,
                    row=p.row,
                    region=o.region,
                    indicator=o.indicator,
                    year=o.year,
                )
            )
    return out


def read_files(
    paths: Iterable[str | Path],
    framework: Framework,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    imported_at: str | None = None,
) -> ImportResult:
    """Read many files (folders expanded), then report cross-file conflicts.

    `progress(done, total, file name)` is called before each file and once at the end;
    `cancel()` returning True stops with Cancelled (nothing is kept).
    """
    files = expand_paths(paths)
    result = ImportResult()
    for i, f in enumerate(files):
        check_cancel(cancel)
        report(progress, i, len(files), f.name)
        result.merge(read_file(f, framework, imported_at))
    report(progress, len(files), len(files))
    result.problems.extend(find_conflicts(result.observations))
    return result


def load_result(
    paths: Iterable[str | Path],
    framework: Framework,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ImportResult:
    """read_files, keeping the first value where two conflict (the conflict stays in the problems)."""
    result = read_files(paths, framework, progress=progress, cancel=cancel)
    seen: set[tuple[str, str, int]] = set()
    table = ObservationTable()
    for o in result.observations:
        key = (o.region, o.indicator, o.year)
        if key not in seen:
            seen.add(key)
            table.add(o)
    result.observations = table
    return result


def load_data(
    paths: Iterable[str | Path],
    framework: Framework,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> tuple[ObservationTable, list[Problem]]:
    """Every file's observations (first value kept where two conflict) and all problems."""
    result = load_result(paths, framework, progress=progress, cancel=cancel)
    return result.observations, result.problems


def load_data_strict(paths: Iterable[str | Path], framework: Framework) -> ImportResult:
    """load_result, raising InputError when any problem is an error (for computing)."""
    result = load_result(paths, framework)
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    if errors:
        raise InputError(errors)
    return result
