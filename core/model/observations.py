"""The tidy table of observations every importer produces and the engine consumes.

One row per (region, indicator, year): the value, how it came to be (reported by the user,
or filled by the engine as an estimate or an interpolation), and where it came from (file,
sheet, cell or row). Keeping provenance on every value is what lets an analyst defend a
number in a meeting.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace

import numpy as np

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


@dataclass(frozen=True)
class Columns:
    """Observations as parallel arrays, one entry per observation: what long-format files produce.

    Provenance is stored once per origin (file, sheet, import time) with a row number (and, for
    workbooks, a cell) per value, instead of one Provenance object per value.
    """

    region: np.ndarray  # object: str
    indicator: np.ndarray  # object: str
    year: np.ndarray  # int64
    value: np.ndarray  # float64
    status: np.ndarray  # int8: CellStatus
    origins: tuple[Provenance | None, ...]  # file / sheet / imported_at of each origin (row and cell per value)
    origin: np.ndarray  # int32: index into `origins`
    row: np.ndarray  # int64: source row, -1 where none
    cell: np.ndarray | None = None  # object: workbook cell, None where none (None: no cells at all)
    unit: np.ndarray | None = None  # object: str or None (None: no units at all); likewise source and note
    source: np.ndarray | None = None
    note: np.ndarray | None = None
    cache: dict = field(default_factory=dict, compare=False, repr=False)  # name → (codes, distinct values)

    def __len__(self) -> int:
        return len(self.value)

    def codes(self, name: str) -> tuple[np.ndarray, list]:
        """(code per entry, distinct values) of an object column, computed once and kept through `take`.

        The distinct values may include some no entry uses any more (after `take`).
        """
        if name not in self.cache:
            self.cache[name] = codes_of(getattr(self, name))
        return self.cache[name]

    def provenance(self, i: int) -> Provenance | None:
        base = self.origins[self.origin[i]]
        row = int(self.row[i])
        cell = self.cell[i] if self.cell is not None else None
        if base is None and row < 0 and cell is None:
            return None
        return replace(base or Provenance(), row=None if row < 0 else row, cell=cell)

    def observation(self, i: int) -> Observation:
        def text(col: np.ndarray | None) -> str | None:
            return None if col is None else col[i]

        return Observation(
            str(self.region[i]),
            str(self.indicator[i]),
            int(self.year[i]),
            float(self.value[i]),
            CellStatus(int(self.status[i])),
            self.provenance(i),
            text(self.unit),
            text(self.source),
            text(self.note),
        )

    def observations(self) -> list[Observation]:
        return [self.observation(i) for i in range(len(self))]

    def take(self, idx: np.ndarray) -> Columns:
        """The entries at `idx` (indices or a boolean mask), in that order."""

        def pick(col: np.ndarray | None) -> np.ndarray | None:
            return None if col is None else col[idx]

        return Columns(
            self.region[idx],
            self.indicator[idx],
            self.year[idx],
            self.value[idx],
            self.status[idx],
            self.origins,
            self.origin[idx],
            self.row[idx],
            pick(self.cell),
            pick(self.unit),
            pick(self.source),
            pick(self.note),
            {name: (codes[idx], uniques) for name, (codes, uniques) in self.cache.items()},
        )

    def with_imported_at(self, imported_at: str) -> Columns:
        origins = tuple(replace(o or Provenance(), imported_at=imported_at) for o in self.origins)
        return replace(self, origins=origins)

    @staticmethod
    def concat(parts: Sequence[Columns]) -> Columns:
        """One table of all `parts` in order (origins renumbered)."""
        offsets = np.cumsum([0] + [len(p.origins) for p in parts])

        def cat(name: str) -> np.ndarray | None:
            cols = [getattr(p, name) for p in parts]
            if all(c is None for c in cols):
                return None
            return np.concatenate(
                [np.full(len(p), None, object) if c is None else c for p, c in zip(parts, cols, strict=True)]
            )

        return Columns(
            np.concatenate([p.region for p in parts]),
            np.concatenate([p.indicator for p in parts]),
            np.concatenate([p.year for p in parts]),
            np.concatenate([p.value for p in parts]),
            np.concatenate([p.status for p in parts]),
            tuple(o for p in parts for o in p.origins),
            np.concatenate([p.origin + off for p, off in zip(parts, offsets[:-1], strict=True)]).astype(np.int32),
            np.concatenate([p.row for p in parts]),
            cat("cell"),
            cat("unit"),
            cat("source"),
            cat("note"),
        )

    @staticmethod
    def from_rows(rows: Sequence[Observation]) -> Columns:
        origins: dict[Provenance | None, int] = {}
        origin = []
        for o in rows:
            p = o.provenance
            key = None if p is None else replace(p, row=None, cell=None)
            origin.append(origins.setdefault(key, len(origins)))
        prov = [o.provenance for o in rows]

        def objects(values: Iterable[object]) -> np.ndarray:
            out = np.empty(len(rows), dtype=object)
            out[:] = list(values)
            return out

        return Columns(
            objects(o.region for o in rows),
            objects(o.indicator for o in rows),
            np.array([o.year for o in rows], dtype=np.int64),
            np.array([o.value for o in rows], dtype=float),
            np.array([int(o.status) for o in rows], dtype=np.int8),
            tuple(origins) or (None,),
            np.array(origin, dtype=np.int32),
            np.array([-1 if p is None or p.row is None else p.row for p in prov], dtype=np.int64),
            objects(None if p is None else p.cell for p in prov),
            objects(o.unit for o in rows),
            objects(o.source for o in rows),
            objects(o.note for o in rows),
        )


class ObservationTable:
    """An ordered collection of observations, keyed by (region, indicator, year).

    Held either as Observation rows or as Columns (large long-format files); each form is made
    from the other on first use, so callers may use either.
    """

    def __init__(self, rows: Iterable[Observation] = (), *, columns: Columns | None = None):
        self._rows: list[Observation] | None = None if columns is not None else list(rows)
        self._columns = columns

    @property
    def rows(self) -> list[Observation]:
        if self._rows is None:
            self._rows = self._columns.observations() if self._columns is not None else []
        return self._rows

    @property
    def is_columnar(self) -> bool:
        """Held as columns and never turned into rows: column-wise code paths apply."""
        return self._rows is None

    def columns(self) -> Columns:
        if self._columns is None:
            self._columns = Columns.from_rows(self.rows)
        return self._columns

    @classmethod
    def of(cls, rows: Iterable[Observation]) -> ObservationTable:
        return cls(list(rows))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ObservationTable) and self.rows == other.rows

    def __repr__(self) -> str:
        return f"ObservationTable({len(self)} observations)"

    def __iter__(self) -> Iterator[Observation]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self._columns) if self._rows is None and self._columns is not None else len(self.rows)

    def add(self, obs: Observation) -> None:
        self.rows.append(obs)
        self._columns = None

    def extend(self, other: Iterable[Observation]) -> None:
        if isinstance(other, ObservationTable) and not len(other):
            return
        if (
            isinstance(other, ObservationTable)
            and (other.is_columnar or self.is_columnar)
            and (self.is_columnar or not self.rows)
        ):  # columns stay columns: a row table joining them is turned into columns (not the reverse)
            mine = [self._columns] if self._columns is not None and len(self._columns) else []
            parts = [*mine, other.columns()]
            # one part: kept as it is (its cached codes too); the arrays are never changed in place
            self._columns = parts[0] if len(parts) == 1 else Columns.concat(parts)
            self._rows = None
            return
        self.rows.extend(other)
        self._columns = None

    def filtered(
        self, region: Callable[[str], bool] | None = None, indicator: Callable[[str], bool] | None = None
    ) -> ObservationTable:
        """The observations whose region and indicator pass the tests (None: every one), in order. A columnar
        table stays columnar: each distinct name is tested once, no Observation is made."""
        if not self.is_columnar:
            return ObservationTable(
                o
                for o in self.rows
                if (region is None or region(o.region)) and (indicator is None or indicator(o.indicator))
            )
        c = self.columns()
        keep = np.ones(len(c), bool)
        for name, test in (("region", region), ("indicator", indicator)):
            if test is not None:
                codes, names = c.codes(name)
                keep &= np.fromiter((bool(test(n)) for n in names), bool, len(names))[codes]
        return ObservationTable(columns=c.take(keep))

    def regions(self) -> list[str]:
        """Regions in first-seen order (the order the user entered them)."""
        if self.is_columnar:
            return _first_seen(*self.columns().codes("region"))
        return list(dict.fromkeys(o.region for o in self.rows))

    def years(self) -> list[int]:
        if self.is_columnar:
            return [int(y) for y in np.unique(self.columns().year)]
        return sorted({o.year for o in self.rows})

    def indicators(self) -> list[str]:
        if self.is_columnar:
            return _first_seen(*self.columns().codes("indicator"))
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


class ColumnProvenance(Mapping):
    """(region, indicator, year) → Provenance of the entries selected from Columns, made on access
    (the engine keeps where each value came from without one object per value)."""

    def __init__(self, columns: Columns, selected: np.ndarray):
        self._columns = columns
        self._selected = selected
        self._index: dict[tuple[str, str, int], int] | None = None

    def _positions(self) -> dict[tuple[str, str, int], int]:
        if self._index is None:
            c, sel = self._columns, self._selected
            keys = zip(c.region[sel].tolist(), c.indicator[sel].tolist(), c.year[sel].tolist(), strict=True)
            self._index = dict(zip(keys, sel.tolist(), strict=True))
        return self._index

    def __getitem__(self, key: tuple[str, str, int]) -> Provenance:
        return self._columns.provenance(self._positions()[key])

    def __iter__(self) -> Iterator[tuple[str, str, int]]:
        return iter(self._positions())

    def __len__(self) -> int:
        return len(self._positions())


def _first_seen(codes: np.ndarray, uniques: list) -> list[str]:
    present, first = np.unique(codes, return_index=True)
    return [str(uniques[c]) for c in present[np.argsort(first)]]


def first_seen_codes(keys: np.ndarray) -> np.ndarray:
    """Codes 0, 1, … of integer `keys`, numbered in order of first appearance."""
    if not len(keys):
        return np.zeros(0, dtype=np.int64)
    runs = np.zeros(len(keys), dtype=np.int64)  # the runs of equal keys, numbered
    np.cumsum(keys[1:] != keys[:-1], out=runs[1:])
    if _one_run_per_key(keys, int(runs[-1]) + 1):  # rows grouped by key (as files usually are): no sort
        return runs
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    return rank[inverse.reshape(-1)]


def _one_run_per_key(keys: np.ndarray, runs: int) -> bool:
    """True when every distinct key forms one run of adjacent entries (counted in one pass for keys in a
    dense range; else only keys in ascending order are recognised): the runs are then numbered in order
    of first appearance."""
    low, high = int(keys.min()), int(keys.max())
    if high - low <= 4 * len(keys) + 1024:
        return int(np.count_nonzero(np.bincount(keys - low))) == runs
    return bool((keys[1:] >= keys[:-1]).all())


def codes_of(values: np.ndarray) -> tuple[np.ndarray, list]:
    """(code per entry, distinct values) in order of first appearance, for an object array of str.

    Strings shared between entries (as a parsed column's are) are grouped by identity first, then the
    few distinct objects by value, which is many times faster than hashing every entry's text.
    """
    ids = np.fromiter(map(id, values), dtype=np.int64, count=len(values))
    by_id = first_seen_codes(ids)
    objects = values[np.unique(by_id, return_index=True)[1]] if len(values) else values[:0]
    lookup: dict = {}
    remap = np.fromiter((lookup.setdefault(v, len(lookup)) for v in objects), dtype=np.int64, count=len(objects))
    return remap[by_id], list(lookup)


def key_codes(*columns: np.ndarray | tuple[np.ndarray, list]) -> np.ndarray:
    """One code per entry for the combination of `columns`, in order of first appearance.

    Each column: an integer array, an object array, or already (codes, distinct values).
    """
    first = columns[0]
    combined = np.zeros(len(first[0] if isinstance(first, tuple) else first), dtype=np.int64)
    for col in columns:
        if isinstance(col, tuple) or col.dtype == object:
            codes, uniques = col if isinstance(col, tuple) else codes_of(col)
            size = len(uniques)
        else:
            codes = col.astype(np.int64) - (int(col.min()) if len(col) else 0)
            size = int(codes.max()) + 1 if len(col) else 1
        combined = combined * max(size, 1) + codes
    return first_seen_codes(combined)
