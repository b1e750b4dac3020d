"""Load data files of any supported kind into one observation table with all their problems.

The one entry point the CLI and the GUI use, so both accept the same files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .framework import Framework
from .longformat import read_long_format
from .observations import ObservationTable
from .problems import InputError, Problem, Severity

SUPPORTED = (".csv", ".xlsx")
REFUSED = {".xls": "旧版 Excel 97-2003 格式", ".xlsm": "含宏的工作簿", ".et": "WPS 表格专有格式", ".xlsb": "二进制工作簿"}


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, folders expanded to their .csv/.xlsx files (sorted, Office lock files skipped)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.suffix.lower() in SUPPORTED and not f.name.startswith("~$")))
        else:
            out.append(p)
    return out


def load_file(path: Path, framework: Framework) -> tuple[ObservationTable, list[Problem]]:
    """One file → observations and problems; never raises for bad content."""
    suffix = path.suffix.lower()
    if not path.exists():
        return ObservationTable(), [Problem("file_missing", "找不到文件，请检查路径。", file=str(path))]
    if suffix in REFUSED:
        return ObservationTable(), [Problem("file_type_refused", f"不支持{REFUSED[suffix]}（{suffix}）。请在 Excel 或 WPS 中另存为 .xlsx 后再导入。", file=path.name)]
    if suffix not in SUPPORTED:
        return ObservationTable(), [Problem("file_type_unknown", f"不支持的文件类型 {suffix or '（无扩展名）'}。请使用填报模板（.xlsx）或长表格式（.csv/.xlsx）。", file=path.name)]
    if suffix == ".xlsx":  # untrusted zip: size, bomb, macro and DTD checks before any parser; templates by marker
        from .workbook_import import is_template_workbook, read_template_workbook
        from .xlsx_safety import precheck_xlsx

        if is_template_workbook(path):
            result = read_template_workbook(path, framework)
            return result.observations, result.problems
        safety = precheck_xlsx(path)
        if not safety.ok:
            return ObservationTable(), safety.problems
    try:
        return read_long_format(path, framework)
    except Exception as exc:  # a damaged file must become a problem, not a crash
        return ObservationTable(), [Problem("file_unreadable", f"无法读取文件（{exc.__class__.__name__}）。请确认文件未损坏，并在 Excel 或 WPS 中另存为 .xlsx 或 UTF-8 编码的 .csv 后重试。", file=path.name)]


def load_data(paths: Iterable[str | Path], framework: Framework) -> tuple[ObservationTable, list[Problem]]:
    """Load every file; conflicting values for the same region/indicator/year across files are errors."""
    table = ObservationTable()
    problems: list[Problem] = []
    seen: dict[tuple[str, str, int], tuple[float, str]] = {}
    for path in expand_paths(paths):
        part, found = load_file(path, framework)
        problems.extend(found)
        for obs in part:
            key = (obs.region, obs.indicator, obs.year)
            if key in seen:
                other_value, other_file = seen[key]
                if other_value != obs.value:
                    problems.append(Problem("conflict_across_files", f"与文件 {other_file} 中的数值不一致（{other_value:g} 与 {obs.value:g}）。请确认哪个正确，删除或更正另一个。", file=path.name, region=obs.region, indicator=obs.indicator, year=obs.year))
                continue
            seen[key] = (obs.value, path.name)
            table.add(obs)
    return table, problems


def load_data_strict(paths: Iterable[str | Path], framework: Framework) -> tuple[ObservationTable, list[Problem]]:
    """Like load_data, but raise InputError when any problem is an error (for computing)."""
    table, problems = load_data(paths, framework)
    if any(p.severity is Severity.ERROR for p in problems):
        raise InputError([p for p in problems if p.severity is Severity.ERROR])
    return table, problems
