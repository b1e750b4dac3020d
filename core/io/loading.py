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
from functools import reduce
from pathlib import Path

from ..kernel.messages import Message, msg
from ..kernel.problems import InputError, Problem, Severity
from ..kernel.progress import CancelCheck, ProgressCallback, check_cancel, report
from ..model.framework import Framework
from ..model.observations import Observation, ObservationTable, Provenance
from . import column_ops
from .longformat import read_long_format
from .numbers import format_number
from .results import FileInfo, ImportResult
from .row_sources import TEXT_SUFFIXES
from .template_reader import is_template_workbook, read_template_workbook
from .xlsx_safety import LEGACY_SUFFIXES, check_regular_file, check_suffix, part_problem, precheck_xlsx, readable_source
from .xml_scan import PartError

SUPPORTED = (".xlsx", *TEXT_SUFFIXES, *LEGACY_SUFFIXES)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders expanded to every file in them (sorted), so each is read or listed with the reason."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir() and p.suffix.lower() not in SUPPORTED:
            out.extend(sorted(f for f in p.iterdir() if not f.is_dir()))
        else:
            out.append(p)
    return out


def read_file(path: Path, framework: Framework, imported_at: str | None = None) -> ImportResult:
    """One file → observations, problems, industries; never raises for bad content."""
    if not path.exists() and not path.is_symlink():
        return ImportResult(problems=[Problem("file_missing", file=str(path))])
    if path.name.startswith(("~$", ".")):  # Office lock files, hidden files (._x.xlsx from macOS)
        kind = msg("file_skipped.lock" if path.name.startswith("~$") else "file_skipped.hidden")
        return ImportResult(problems=[Problem("file_skipped", {"kind": kind}, Severity.INFO, file=path.name)])
    refused = check_suffix(path, SUPPORTED) or check_regular_file(path, path.name)
    if refused:
        return ImportResult(problems=[refused])
    source = None
    if path.suffix.lower() == ".xlsx":  # untrusted zip: size, bomb, macro and DTD checks before any parser
        if is_template_workbook(path):
            return read_template_workbook(path, framework, imported_at=imported_at)
        safety = precheck_xlsx(path)
        if not safety.ok:
            return ImportResult(problems=list(safety.problems))
        try:
            source = readable_source(path, safety)
        except PartError as exc:
            return ImportResult(problems=[part_problem(exc, path.name, safety.sheet_parts)])
        safety_notes = [*safety.problems, *safety.cell_problems]
    else:
        safety_notes = []
    try:
        table, problems = read_long_format(path, framework, source)
    except Exception as exc:  # a damaged file must become a problem, not a crash
        detail = msg("file_unreadable.long", error=exc.__class__.__name__)
        return ImportResult(problems=[Problem("file_unreadable", {"detail": detail}, file=path.name)])
    if imported_at and table.is_columnar:
        table = ObservationTable(columns=table.columns().with_imported_at(imported_at))
    elif imported_at:
        table = ObservationTable([_with_time(o, imported_at) for o in table])
    return ImportResult(
        observations=table,
        problems=[*safety_notes, *problems],
        files=[FileInfo(path.name, "long", framework.id, framework.version)],
    )


def _with_time(o: Observation, imported_at: str) -> Observation:
    return replace(o, provenance=replace(o.provenance or Provenance(), imported_at=imported_at))


def same_value(a: float, b: float) -> bool:
    """Two values for one region/indicator/year agree (relative tolerance 1e-12: CSV round trips)."""
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=0.0)


def source_of(provenance: Provenance | None) -> Message | str:
    """Where a value came from: a.xlsx / 指标数据 / D7 / 第 7 行."""
    p = provenance or Provenance()
    parts: list[Message | str] = [x for x in (p.file, p.sheet, p.cell) if x]
    if p.row is not None:
        parts.append(msg("location.row", value=p.row))
    if not parts:
        return msg("conflict.unknown_source")
    return reduce(lambda first, nxt: msg("conflict.source", first=first, next=nxt), parts)


def find_conflicts(observations: Iterable[Observation]) -> list[Problem]:
    """Same region/indicator/year with different values (across files or within one) → one ERROR each."""
    if isinstance(observations, ObservationTable) and observations.is_columnar:
        return column_ops.conflicts(observations.columns(), _conflict)
    first: dict[tuple[str, str, int], Observation] = {}
    out: list[Problem] = []
    for o in observations:
        key = (o.region, o.indicator, o.year)
        prev = first.get(key)
        if prev is None:
            first[key] = o
            continue
        if not same_value(prev.value, o.value):
            out.append(_conflict(prev, o))
    return out


def _conflict(prev: Observation, o: Observation) -> Problem:
    args = {"where": source_of(prev.provenance), "first": format_number(prev.value), "second": format_number(o.value)}
    p = o.provenance or Provenance()
    loc = {"file": p.file, "sheet": p.sheet, "cell": p.cell, "row": p.row}
    return Problem("conflict", args, Severity.ERROR, region=o.region, indicator=o.indicator, year=o.year, **loc)


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
    files = sorted(expand_paths(paths), key=lambda f: (f.name, str(f)))  # the same result in any input order
    result = ImportResult()
    for i, f in enumerate(files):
        check_cancel(cancel)
        report(progress, i, len(files), f.name)
        result.merge(read_file(f, framework, imported_at))
    report(progress, len(files), len(files))
    result.problems.extend(find_conflicts(result.observations))
    if result.observations.is_columnar:
        result.observations = ObservationTable(columns=column_ops.sorted_columns(result.observations.columns()))
    else:
        result.observations = ObservationTable(sorted(result.observations, key=_order))
    return result


def _order(o: Observation) -> tuple:
    p = o.provenance or Provenance()
    return (o.region, o.indicator, o.year, p.file or "", p.sheet or "", p.row or 0)


def load_result(
    paths: Iterable[str | Path],
    framework: Framework,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ImportResult:
    """read_files, keeping the first value where two conflict (the conflict stays in the problems)."""
    result = read_files(paths, framework, progress=progress, cancel=cancel)
    if result.observations.is_columnar:
        result.observations = ObservationTable(columns=column_ops.first_per_key(result.observations.columns()))
        return result
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
