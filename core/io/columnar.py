"""Long-format rows checked column-wise: the fast path from a parsed file to an observation table.

Every check of the row-by-row reader is kept, with the same problems in the same order:
- Names, codes, years, units and statuses are read once per DISTINCT value (a cache), not per row.
- Values are converted as whole arrays. A row that is not plainly clean (a converted region
  name, an unknown code, a bad year, any value that is not a plain non-negative number, a
  duplicate key) goes through the row reader itself, so its problems are the same ones, naming
  file, row and column.
- The series checks (outliers, percentages typed as fractions) find candidate series with array
  arithmetic (leave-one-out medians) and run the row reader's own check on those only.
Provenance is one origin (the file) plus a row number per value.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..model.observations import Columns, Provenance, codes_of, key_codes
from ..model.regions import canonical_region_name
from .column_ops import KEY
from .numbers import MAX_MAGNITUDE, format_number
from .plausibility import OUTLIER_FACTOR
from .template_reader.sheets import year_of

# pandas is imported only by the readers that parse with it (core.io.row_sources): importing core stays fast.
Column = tuple[np.ndarray, list[object]]  # codes (one per row) and the distinct raw values they index


def distinct(values: Any) -> Column:
    """Codes and distinct values of a column (categorical columns as parsed; types kept apart: 1 ≠ True ≠ "1")."""
    if getattr(values, "dtype", None) == "category":  # a pandas categorical column as parsed
        return np.asarray(values.cat.codes), list(values.cat.categories)  # int8/int16 codes: only indexed
    arr = np.asarray(values, dtype=object)
    if all(type(v) is str for v in arr[: min(len(arr), 1000)]) and all(isinstance(v, str) for v in arr):
        return codes_of(arr)
    seen: dict[tuple[type, object], int] = {}
    codes = np.fromiter((seen.setdefault((type(v), v), len(seen)) for v in arr), dtype=np.int64, count=len(arr))
    return codes, [v for _, v in seen]


def cell_text(v: object) -> str:
    """A cell as the row reader sees it: numbers printed, text stripped."""
    return format_number(v) if isinstance(v, float) else str(v).strip()


def per_value(column: Column, fn: Callable[[object], object], dtype: object = object) -> np.ndarray:
    """fn applied once per distinct value, spread to every row."""
    codes, uniques = column
    table = np.empty(len(uniques), dtype=dtype)
    table[:] = [fn(u) for u in uniques]
    return table[codes]


def plain_numbers(raw: np.ndarray, text_file: bool) -> tuple[np.ndarray, np.ndarray]:
    """(values, clean): `clean` where a cell is a plain number the row reader takes without any note."""
    n = len(raw)
    values = np.full(n, np.nan)
    clean = np.zeros(n, bool)
    if raw.dtype.kind == "f":  # parsed as numbers (core.io.row_sources: only plain numbers, read as float() does)
        values, clean = raw, np.ones(n, bool)
    elif text_file:  # every cell is text
        try:
            values = raw.astype(float)
            clean[:] = True
        except (ValueError, TypeError):
            for i, v in enumerate(raw):
                with contextlib.suppress(ValueError, TypeError):
                    values[i], clean[i] = float(v), isinstance(v, str)
        joined = "\x00".join(raw.tolist()) if n and clean.all() else None
        if joined is None or not (joined.isascii() and "_" not in joined):  # full-width digits, 1_000: row reader
            clean &= np.array([isinstance(v, str) and v.isascii() and "_" not in v for v in raw], bool)
    else:
        for i, v in enumerate(raw):
            if isinstance(v, (int, float)) and not isinstance(v, bool) and abs(v) <= MAX_MAGNITUDE:
                values[i], clean[i] = float(v), True
    with np.errstate(invalid="ignore"):
        clean &= np.isfinite(values) & (np.abs(values) <= MAX_MAGNITUDE) & (values >= 0)
    return values, clean


def read_columns(
    reader, data: Sequence[Any], first_row: int = 2, value_texts: Callable[[], Any] | None = None
) -> tuple[Columns, list[int]]:
    """The clean rows as Columns; every other row through `reader.read` (its problems, its observations).

    `data`: one array per file column (header excluded), all of one length. `value_texts`: the value
    column as text when `data` holds it as float64 (the row reader reads the cells as written). Returns
    the table in row order and the row numbers read by the row reader.
    """
    n = len(data[0]) if data else 0
    rownums = np.arange(first_row, first_row + n, dtype=np.int64)
    fields = {f: distinct(data[i]) for f, i in reader.cols.items() if f != "value"}
    texts = {f: per_value(fields[f], cell_text) for f in ("unit", "source", "note") if f in fields}
    names = [cell_text(v) for v in fields["region"][1]]  # each distinct name looked up once
    canonical = [canonical_region_name(t) for t in names]
    region_text, region_codes = text_codes((fields["region"][0], names), str)
    canon = [c or t for c, t in zip(canonical, names, strict=True)]
    same = canon == names  # no name converted: the same codes
    canon_codes = region_codes if same else text_codes((fields["region"][0], canon), str)[1]
    clean_names = [bool(t) and (c is None or c == t) for c, t in zip(canonical, names, strict=True)]
    region_ok = per_value((fields["region"][0], clean_names), bool, bool)
    indicator, indicator_codes = text_codes(fields["indicator"], cell_text)
    indicator_ok = per_value(fields["indicator"], lambda v: cell_text(v) in reader.known, bool)
    year = per_value(fields["year"], lambda v: _year(v), np.int64)
    year_ok = year > 0
    pct = per_value(
        fields["indicator"], lambda v: cell_text(v) in reader.known and reader.is_percent(cell_text(v)), bool
    )
    raw = np.asarray(data[reader.cols["value"]])
    values, value_ok = plain_numbers(raw if raw.dtype.kind == "f" else raw.astype(object), reader.text_file)
    with np.errstate(invalid="ignore"):
        value_ok &= ~(pct & (values > 100))
    keyed = (region_text != "") & indicator_ok & year_ok
    key, dup = _duplicated(canon_codes, indicator_codes, year, keyed)
    clean = region_ok & indicator_ok & year_ok & value_ok & ~dup
    slow = np.flatnonzero(~clean)
    if len(slow):
        arrays = [np.asarray(c, dtype=object) for c in data]
        if value_texts is not None and raw.dtype.kind == "f":
            arrays[reader.cols["value"]] = np.asarray(value_texts(), dtype=object)[:n]
        for i in slow:
            row = ["" if c[i] is None else c[i] for c in arrays]
            if any(str(c).strip() for c in row):
                reader.read(int(rownums[i]), row, None)
    status = np.zeros(n, np.int8)
    if "status" in fields:
        status = per_value(fields["status"], lambda v: int(reader.status_of(cell_text(v))), np.int8)
    ok = slice(None) if clean.all() else np.flatnonzero(clean)
    cache = {
        "region": (region_codes[0][ok], region_codes[1]),
        "indicator": (indicator_codes[0][ok], indicator_codes[1]),
    }
    if key is not None and isinstance(ok, slice):  # every row keyed and no key twice
        cache[KEY] = (key, [])
    fast = Columns(
        region=region_text[ok],
        indicator=indicator[ok],
        year=year[ok],
        value=values[ok],
        status=status[ok],
        origins=(Provenance(file=reader.name),),
        origin=np.zeros(len(values[ok]), np.int32),
        row=rownums[ok],
        unit=_optional(texts.get("unit"), ok),
        source=_optional(texts.get("source"), ok),
        note=_optional(texts.get("note"), ok),
        cache=cache,
    )
    read = Columns.from_rows(reader.rows) if reader.rows else None
    if read is None:
        return fast, []
    both = Columns.concat([fast, read])
    return both.take(np.argsort(both.row, kind="stable")), [int(r) for r in read.row]


def _year(v: object) -> int:
    y = year_of(v)
    return y if y is not None and 1900 <= y <= 2200 else 0


def _optional(texts: np.ndarray | None, ok: np.ndarray) -> np.ndarray | None:
    if texts is None:
        return None
    out = texts[ok]
    out[out == ""] = None
    return out


def text_codes(column: Column, fn: Callable[[object], str]) -> tuple[np.ndarray, tuple[np.ndarray, list]]:
    """fn per distinct value spread to every row, and (code per row, distinct texts): equal texts, equal codes."""
    codes, uniques = column
    lookup: dict[str, int] = {}
    texts = [fn(u) for u in uniques]
    remap = np.array([lookup.setdefault(t, len(lookup)) for t in texts], dtype=np.int64)
    table = np.empty(len(texts), dtype=object)
    table[:] = texts
    return table[codes], (remap[codes], list(lookup))


def _duplicated(
    region: tuple, indicator: tuple, year: np.ndarray, keyed: np.ndarray
) -> tuple[np.ndarray | None, np.ndarray]:
    """(key code per row when every row is keyed and none repeats, else None; rows whose (region,
    indicator, year) key occurs more than once among the keyed rows)."""
    out = np.zeros(len(year), bool)
    idx = slice(None) if keyed.all() else np.flatnonzero(keyed)  # every row keyed: no copies
    if not len(year[idx]):
        return None, out
    low, high = int(year[idx].min()), int(year[idx].max())
    size = max(len(region[1]), 1) * max(len(indicator[1]), 1) * (high - low + 1)
    if size <= 4 * len(year) + 1024:  # a dense key: counted in one pass
        codes = region[0][idx] * len(indicator[1])
        codes += indicator[0][idx]
        codes *= high - low + 1
        codes += year[idx]
        codes -= low
    else:
        codes = key_codes((region[0][idx], region[1]), (indicator[0][idx], indicator[1]), year[idx])
    counts = np.bincount(codes)
    out[idx] = counts[codes] > 1
    distinct_keys = isinstance(idx, slice) and not out.any()
    return (codes if distinct_keys else None), out


def series_ids(cols: Columns) -> np.ndarray:
    """Each entry's series (region, indicator) numbered in order of first appearance."""
    if not len(cols):
        return np.zeros(0, np.int64)
    return key_codes(cols.codes("region"), cols.codes("indicator"))


def candidate_series(cols: Columns, sid: np.ndarray, is_percent: np.ndarray, formats_visible: bool) -> np.ndarray:
    """[S] series the row reader's series check could flag: a leave-one-out outlier, a percent fraction."""
    count = int(sid.max()) + 1 if len(sid) else 0
    v = cols.value
    cand = np.zeros(count, bool)
    if not count:
        return cand
    frac = np.bincount(sid, (v > 0) & (v < 1), count)
    big = np.bincount(sid, v >= 1, count)
    size = np.bincount(sid, minlength=count)
    pct = np.zeros(count, bool)
    pct[sid] = is_percent
    cand |= pct & (frac > 0) & (big > 0)
    if not formats_visible:
        cand |= pct & (size >= 2) & (frac == size)
    grouped = v if (sid[1:] >= sid[:-1]).all() else v[np.argsort(sid, kind="stable")]  # rows already grouped: no sort
    starts = np.concatenate([[0], np.cumsum(size)[:-1]])
    for length in np.unique(size[size >= 3]):
        groups = np.flatnonzero(size == length)
        values = np.sort(grouped[starts[groups][:, None] + np.arange(length)], axis=1)
        cand[groups[_loo_outliers(values)]] = True
    return cand


def _loo_outliers(s: np.ndarray) -> np.ndarray:
    """[G] rows of sorted series `s` [G, n] with a value over 5× (or under 1/5 of) the median of the others."""
    n = s.shape[1]
    k = np.arange(n)[None, :]  # the value left out (its position in sorted order)
    m = n - 1

    def kept(j: int) -> np.ndarray:  # the j-th smallest of the others
        return np.where(j < k, s[:, j : j + 1], s[:, j + 1 : j + 2])

    med = kept((m - 1) // 2) if m % 2 else (kept(m // 2 - 1) + kept(m // 2)) / 2
    hit = (med > 0) & ((s > OUTLIER_FACTOR * med) | ((s > 0) & (s < med / OUTLIER_FACTOR)))
    return hit.any(axis=1)


def checked_series(reader, cols: Columns, formats_visible: bool) -> Columns:
    """The row reader's series checks, run on the candidate series only; entries it drops are removed."""
    sid = series_ids(cols)
    is_percent = per_value(cols.codes("indicator"), reader.is_percent, bool)
    cand = candidate_series(cols, sid, is_percent, formats_visible)
    if not cand.any():
        return cols
    keep = np.ones(len(cols), bool)
    members = np.flatnonzero(cand[sid])
    by_series: dict[int, list[int]] = {}
    for i in members:
        by_series.setdefault(int(sid[i]), []).append(int(i))
    for s in sorted(by_series):
        idx = by_series[s]
        obs = [cols.observation(i) for i in idx]
        dropped = reader.check_series(obs[0].region, obs[0].indicator, obs, formats_visible)
        for i, o in zip(idx, obs, strict=True):
            if id(o) in dropped:
                keep[i] = False
    return cols if keep.all() else cols.take(keep)
