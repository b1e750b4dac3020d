"""What the pages read from the loaded observation table, each read once per table.

A table opened from a workspace or a long-format file is held as columns (arrays); reading it row by
row would make an Observation per value (150,000 at 300 regions) on the GUI thread. Here the
regions, the years and one region's values come from the columns; a table held as rows (small
imports, edits) is read as rows. The session makes a new `TableReads` when its table changes.
"""

from __future__ import annotations


class TableReads:
    """Read-only views of one ObservationTable, computed on first use and kept.

    `passes` counts the reads over the whole table (tests check that a page refresh reuses them).
    """

    def __init__(self, table):
        self.table = table
        self.passes = 0
        self._regions: list[str] | None = None
        self._years: list[int] | None = None
        self._positions: dict[str, object] | None = None  # region → entry positions (columns only)
        self._by_region: dict[str, dict] = {}
        self._for_workers = None

    def for_workers(self):
        """The table worker tasks read: the same table when held as rows, otherwise one table of the
        same columns (made once), so a row view core makes of it never lands on the session's table."""
        if self._for_workers is None:
            t = self.table
            self._for_workers = type(t)(columns=t.columns()) if t.is_columnar else t
        return self._for_workers

    def regions(self) -> list[str]:
        """Regions in first-seen order (as `ObservationTable.regions`)."""
        if self._regions is None:
            self.passes += 1
            self._regions = self.table.regions()
        return self._regions

    def years(self) -> list[int]:
        if self._years is None:
            self.passes += 1
            self._years = self.table.years()
        return self._years

    def region_values(self, region: str) -> dict[tuple[str, int], object]:
        """(indicator, year) → the Observation of `region` (the later one wins, as in `lookup`)."""
        if region not in self._by_region:
            t = self.table
            if t.is_columnar:
                c = t.columns()
                picked = self._region_positions().get(region, ())
                found = {(str(c.indicator[i]), int(c.year[i])): c.observation(i) for i in picked}
            else:
                self.passes += 1
                found = {(o.indicator, o.year): o for o in t if o.region == region}
            self._by_region[region] = found
        return self._by_region[region]

    def _region_positions(self) -> dict[str, list[int]]:
        """Region → positions of its entries, from the region column in one pass (columns only)."""
        if self._positions is None:
            import numpy as np

            self.passes += 1
            codes, uniques = self.table.columns().codes("region")
            order = np.argsort(codes, kind="stable")
            bounds = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
            self._positions = {str(name): order[bounds[k] : bounds[k + 1]].tolist() for k, name in enumerate(uniques)}
        return self._positions
