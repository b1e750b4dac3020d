"""The national benchmark: the report's published index figures and the raw national values.

Published figures are the headline and are never overwritten. Where the report states the raw
values, the same engine recomputes the national index, and the two are shown side by side with
the difference, so a gap between the report and our arithmetic is visible, never hidden.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..kernel.messages import Message, msg
from ..kernel.resources import read_resource_csv
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
    complete: bool  # recomputed from reported national values only (none interpolated or estimated)
    reason: Message | None = None  # why the row is not complete (no raw data, or filled inputs)

    @property
    def status(self) -> str:
        """complete (reported inputs), partial (recomputed from filled inputs) or missing (no raw data)."""
        return "complete" if self.complete else "missing" if self.computed is None else "partial"

    @property
    def difference(self) -> float | None:
        return None if self.computed is None else self.computed - self.published


def load_national_observations() -> ObservationTable:
    """Raw national values stated in the report (framework units, national definitions)."""
    table = ObservationTable()
    for i, row in enumerate(read_resource_csv(NATIONAL_FILE), start=2):
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
        for r in read_resource_csv(PUBLISHED_FILE)
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
        filled = _filled_inputs(result, framework, fig.node, fig.year) if computed is not None else []
        if computed is None:
            reason = msg("index.benchmark.no_raw_data", node=fig.node)
        elif filled:
            reason = msg("index.benchmark.filled_inputs", node=fig.node, year=fig.year, codes=filled)
        else:
            reason = None
        rows.append(BenchmarkRow(fig.node, fig.year, fig.value, computed, reason is None, reason))
    return rows


def _filled_inputs(result: IndexResult, framework: Framework, node: str, year: int) -> list[str]:
    """Indicators under `node` whose national value was interpolated or estimated in a year the figure
    depends on: an indicator's own index only on the base year and `year`, a parent's on every year."""
    filled = []
    years = (result.base_year, year) if framework.nodes[node].is_leaf else range(result.base_year, year + 1)
    for code in framework.leaves_under(node):
        statuses = {result.leaf_status(NATION, code, y) for y in years}
        if statuses & {CellStatus.INTERPOLATED, CellStatus.ESTIMATE}:
            filled.append(code)
    return filled
