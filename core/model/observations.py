"""The tidy table of observations every importer produces and the engine consumes.

One row per (region, indicator, year): the value, how it came to be (reported by the user,
or filled by the engine as an estimate or an interpolation), and where it came from (file,
sheet, cell or row). Keeping provenance on every value is what lets an analyst defend a
number in a meeting.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field

from ..kernel.messages import DEFAULT_LANG, render
from ..kernel.vocabulary import CellStatus

NATION = "全国"

# Reserved indicator codes for the assessment's basic data (spec 02 §2.1). They may appear in
# long-format files and in the templates' 基础数据 sheet; frameworks may not use codes starting with "_".
BASIS_GDP = "_gdp"  # 地区生产总值, 亿元
BASIS_POPULATION = "_population"  # 年末常住人口, 万人
BASIS_CODES = {
    BASIS_GDP: ("地区生产总值（GDP）", "GDP", "亿元"),
    BASIS_POPULATION: ("年末常住人口", "Population (year end)", "万人"),
}
_BASIS_UNITS_EN = {BASIS_GDP: "100 million yuan", BASIS_POPULATION: "10,000 people"}


def basis_unit(code: str, lang: str = "zh") -> str:
    """The unit of a scaling basis (GDP, population) as shown in `lang`."""
    return _BASIS_UNITS_EN[code] if lang == "en" else BASIS_CODES[code][2]


@dataclass(frozen=True)
class Provenance:
    """Where a value came from. `cell` for workbooks, `row` for long-format files."""

    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    row: int | None = None
    imported_at: str | None = None

    def describe(self, lang: str = DEFAULT_LANG) -> str:
        """file / sheet / cell (or row) — where the value was read, for messages."""
        parts = [p for p in (self.file, self.sheet, self.cell) if p]
        if self.row is not None:
            parts.append(render("location.row", {"value": self.row}, lang))
        return " / ".join(parts)

    def location(self) -> dict:
        """The Problem location fields this provenance fills (file, sheet, cell, row)."""
        return {"file": self.file, "sheet": self.sheet, "cell": self.cell, "row": self.row}


@dataclass(frozen=True)
class Observation:
    region: str
    indicator: str
    year: int
    value: float
    status: CellStatus = CellStatus.REPORTED
    provenance: Provenance | None = None
    unit: str | None = None
    source: str | None = None
    note: str | None = None

    def location(self) -> dict:
        """Every Problem location field of this value: where it came from and its key."""
        where = (self.provenance or Provenance()).location()
        return {**where, "region": self.region, "indicator": self.indicator, "year": self.year}

    def to_dict(self) -> dict:
        d = asdict(self)
        d["status"] = self.status.key
        return d


@dataclass
class ObservationTable:
    """An ordered collection of observations, keyed by (region, indicator, year)."""

    rows: list[Observation] = field(default_factory=list)

    @classmethod
    def of(cls, rows: Iterable[Observation]) -> ObservationTable:
        return cls(list(rows))

    def __iter__(self) -> Iterator[Observation]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def add(self, obs: Observation) -> None:
        self.rows.append(obs)

    def extend(self, other: Iterable[Observation]) -> None:
        self.rows.extend(other)

    def regions(self) -> list[str]:
        """Regions in first-seen order (the order the user entered them)."""
        return list(dict.fromkeys(o.region for o in self.rows))

    def years(self) -> list[int]:
        return sorted({o.year for o in self.rows})

    def indicators(self) -> list[str]:
        return list(dict.fromkeys(o.indicator for o in self.rows))

    def lookup(self) -> dict[tuple[str, str, int], Observation]:
        """(region, indicator, year) → observation; later rows win (callers check duplicates first)."""
        return {(o.region, o.indicator, o.year): o for o in self.rows}

    def value(self, region: str, indicator: str, year: int) -> float | None:
        for o in self.rows:
            if o.region == region and o.indicator == indicator and o.year == year:
                return o.value
        return None

    def series(self, region: str, indicator: str) -> dict[int, float]:
        return {o.year: o.value for o in self.rows if o.region == region and o.indicator == indicator}
