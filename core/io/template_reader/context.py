"""The state of reading one template workbook, shared by the per-sheet readers.

It holds the result being built and reports problems at a location in the file; the checks
every sheet makes on a cell (region names, formulas, numbers) live here so each sheet reader
only walks its own rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...kernel.problems import Problem, Severity
from ...model.framework import Framework
from ...model.observations import Provenance
from ...model.regions import canonical_region_name
from ..numbers import format_number, joined_notes, read_number
from ..results import ImportResult
from ..template_layout import LOCAL_REGION
from ..xlsx_safety import SafetyReport
from .sheets import norm


class ReadContext:
    """One workbook being read: framework, file name, safety report and the result so far."""

    def __init__(self, framework: Framework, name: str, safety: SafetyReport, imported_at: str | None):
        self.fw = framework
        self.name = name
        self.safety = safety
        self.imported_at = imported_at
        self.result = ImportResult(problems=[*safety.problems, *safety.cell_problems])
        self.leaves = set(framework.leaves)
        self.template_years: tuple[int, ...] = ()  # from the marker; a year column outside them is noted
        self._reported_regions: set = set()

    def problem(
        self, code: str, args: Mapping[str, Any] | None = None, severity: Severity = Severity.ERROR, **where
    ) -> None:
        self.result.problems.append(Problem(code, dict(args or {}), severity, file=self.name, **where))

    def prov(self, sheet: str, cell: str, row: int) -> Provenance:
        return Provenance(file=self.name, sheet=sheet, cell=cell, row=row, imported_at=self.imported_at)

    def region_of(self, text: object, sheet: str, cell: str, allow_local: str | None = None) -> str | None:
        """Canonical region for a name cell; short forms mapped (INFO), unknown names kept (WARNING)."""
        if text is None or not str(text).strip():
            return None
        raw = str(text).strip()
        if allow_local and norm(raw) == LOCAL_REGION:
            return allow_local
        where = {"sheet": sheet, "cell": cell}
        canon = canonical_region_name(raw)
        if canon is not None:
            if canon != raw and (sheet, raw) not in self._reported_regions:
                self._reported_regions.add((sheet, raw))
                self.problem("region_name_mapped", {"name": raw, "region": canon}, Severity.INFO, region=canon, **where)
            return canon
        cleaned = norm(raw)
        if cleaned != raw:
            self.problem(
                "region_name_cleaned", {"name": raw, "region": cleaned}, Severity.INFO, region=cleaned, **where
            )
        if cleaned not in self._reported_regions:
            self._reported_regions.add(cleaned)
            self.problem("region_unknown", {"region": cleaned}, Severity.WARNING, region=cleaned, **where)
        return cleaned

    def formula_ok(self, sheet: str, coord: str, value: object, **where) -> bool:
        """True when the cell may be used; formulas without cached values are errors."""
        f = self.safety.formulas.get(sheet, {}).get(coord)
        if f is None:
            return True
        if not f.has_cached_value or value is None:
            self.problem("formula_no_value", sheet=sheet, cell=coord, **where)
            return False
        self.problem("formula_cached", {"value": str(value)}, Severity.INFO, sheet=sheet, cell=coord, **where)
        return True

    def read_value(self, raw: object, unit: str, number_format: str | None, where: dict) -> float | None:
        """read_number with every refusal (ERROR) and conversion (INFO) reported at `where`; None = no usable value."""
        reading = read_number(raw, unit, number_format)
        if reading.error:
            self.problem(reading.error.code, reading.error.args, **where)
            return None
        if reading.missing_mark is not None:
            self.problem("value_missing_mark", {"notes": joined_notes(reading.notes)}, Severity.INFO, **where)
            return None
        if reading.value is not None and reading.notes:
            args = {"raw": str(raw), "value": format_number(reading.value), "notes": joined_notes(reading.notes)}
            self.problem("value_converted", args, Severity.INFO, **where)
        return reading.value

    def cell_usable(self, sheet: str, cell, unit: str, where: dict) -> float | None:
        """The value of one year cell after the formula and number checks, or None."""
        loc = {k: v for k, v in where.items() if k not in ("sheet", "cell")}
        if not self.formula_ok(sheet, cell.coordinate, cell.value, **loc):
            return None
        return self.read_value(cell.value, unit, cell.number_format, where)
