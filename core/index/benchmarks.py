"""The national benchmark: the report's published index figures and the raw national values.

Published figures are the headline and are never overwritten. Where the report states the raw
values, the same engine recomputes the national index, and the two are shown side by side with
the difference, so a gap between the report and our arithmetic is visible, never hidden.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..kernel.messages import msg
from ..kernel.resources import read_resource_text
from ..kernel.vocabulary import CellStatus
from ..model.framework import Framework
from ..model.observations import NATION, Observation, ObservationTable, Provenance
from .engine import IndexOptions, IndexResult, compute_index

NATIONAL_FILE = "benchmarks/national.csv"
PUBLISHED_FILE = "benchmarks/published.csv"
BASE_YEAR = 2019


@dataclass(frozen=True)
class PublishedFigure:
    node: str
    year: int
    value: float
    kind: str  # "published" (printed in the report) or "derived" (arithmetic on the report's text)
    section: str
    note: str


@dataclass(frozen=True)
class BenchmarkRow:
    """One node and year: the report's figure beside our recomputation from raw data."""

    node: str
    year: int
    published: float
    computed: float | None  # None: raw data for this node are incomplete
    complete: bool  # every indicator under the node has raw national data

    @property
    def difference(self) -> float | None:
        return None if self.computed is None else self.computed - self.published


def _csv_rows(relative: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(read_resource_text(relative))))


def load_national_observations() -> ObservationTable:
    """Raw national values stated in the report (framework units, national definitions)."""
    table = ObservationTable()
    for i, row in enumerate(_csv_rows(NATIONAL_FILE), start=2):
        table.add(
            Observation(
                region=row["region"] or NATION,
                indicator=row["indicator"],
                year=int(row["year"]),
                value=float(row["value"]),
                status=CellStatus.from_key(row.get("status") or "reported"),
                provenance=Provenance(file=NATIONAL_FILE, row=i),
                unit=row.get("unit") or None,
                source=row.get("source") or None,
                note=_national_note(row),
            )
        )
    return table


def _national_note(row: Mapping[str, str]) -> str | None:
    """The report section a national value comes from, and the file's own note (Chinese, stored as data)."""
    section = msg("index.note.report_section", section=row["section"]).text() if row.get("section") else ""
    return "；".join(x for x in (section, row.get("note", "")) if x) or None


@lru_cache(maxsize=1)
def load_published_index() -> tuple[PublishedFigure, ...]:
    """The report's own index figures (base 2019 = 100)."""
    return tuple(
        PublishedFigure(r["node"], int(r["year"]), float(r["value"]), r["kind"], r["section"], r.get("note", ""))
        for r in _csv_rows(PUBLISHED_FILE)
    )


def published_series(node: str) -> dict[int, float]:
    return {f.year: f.value for f in load_published_index() if f.node == node}


def national_coverage(
    framework: Framework, table: ObservationTable | None = None
) -> tuple[frozenset[str], frozenset[str]]:
    """(indicators usable from the base year, nodes whose every indicator is usable)."""
    table = table or load_national_observations()
    usable = frozenset(c for c in framework.leaves if table.series(NATION, c).get(BASE_YEAR) is not None)
    complete = frozenset(c for c in framework.codes if set(framework.leaves_under(c)) <= usable)
    return usable, complete


def compute_national_index(
    framework: Framework, table: ObservationTable | None = None
) -> tuple[IndexResult, frozenset[str]]:
    """The national index recomputed from raw values; returns the result and the complete nodes.

    Indicators without a base-year value are excluded (siblings renormalised); only complete
    nodes are comparable with the published figures.
    """
    table = table or load_national_observations()
    usable, complete = national_coverage(framework, table)
    excluded = frozenset(framework.leaves) - usable
    rows = ObservationTable([o for o in table if o.region == NATION and o.indicator in usable])
    result = compute_index(
        rows, framework, IndexOptions(base_year=BASE_YEAR, exclusions={NATION: excluded} if excluded else {})
    )
    return result, complete


def compare_with_published(framework: Framework, table: ObservationTable | None = None) -> list[BenchmarkRow]:
    """Every published figure with our recomputation beside it (None where data are incomplete)."""
    result, complete = compute_national_index(framework, table)
    rows = []
    for fig in load_published_index():
        if fig.node not in framework.nodes or fig.year not in result.years:
            continue
        value = result.value(NATION, fig.node, fig.year) if fig.node in complete else None
        computed = None if value is None or math.isnan(value) else value
        rows.append(BenchmarkRow(fig.node, fig.year, fig.value, computed, fig.node in complete))
    return rows
