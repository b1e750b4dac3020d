"""Workspace writes at scale keep their meaning; ranks never count the nation (全国)."""

from __future__ import annotations

import numpy as np

from core.index.ranking import ranked_mask, ranks
from core.store import Workspace


def _csv(path, rows):
    path.write_text("region,indicator,year,value\n" + "".join(f"{r},{c},{y},{v}\n" for r, c, y, v in rows), "utf-8")
    return path


def test_ranks_leave_the_nation_out_everywhere():
    regions = ["甲省", "全国", "乙省", "丙省"]
    values = np.array([[3.0, 9.0, 1.0, 2.0], [1.0, 9.0, 3.0, np.nan]])
    out = ranks(values, ranked_mask(regions))
    assert out.tolist() == [[1, 0, 3, 2], [2, 0, 1, 3]]  # the nation: rank 0, and nobody ranks below it


def test_one_transaction_import_merges_like_before(tmp_path, framework):
    """Bulk writing: new keys added, the same file corrected, a duplicate key in one file a conflict,
    and the values in use found for 1,000+ keys at once."""
    codes = framework.leaves[:3]
    base = [(f"地区{r}", c, y, 10 + r) for r in range(60) for c in codes for y in range(2019, 2025)]
    with Workspace.create(tmp_path / "w.lcws") as ws:
        first = ws.import_files([_csv(tmp_path / "a.csv", base)])
        assert first.added == len(base) and first.conflicts == 0
        changed = [(r, c, y, v + 1 if (r, c, y) == ("地区5", codes[0], 2020) else v) for r, c, y, v in base]
        again = ws.import_files([_csv(tmp_path / "a.csv", changed)])
        assert (again.unchanged, again.corrected, again.conflicts) == (len(base) - 1, 1, 0)
        assert ws.observations().value("地区5", codes[0], 2020) == 16.0
        assert ws.observations(revision=1).value("地区5", codes[0], 2020) == 15.0
        other = ws.import_files([_csv(tmp_path / "b.csv", [("地区7", codes[1], 2021, 99)])])
        assert other.conflicts == 1 and ws.observations().value("地区7", codes[1], 2021) == 17.0
        ids = [o.provenance.row for o in ws.observations() if o.region == "地区0"]
        assert ids == sorted(ids) and len(ws.observations()) == len(base)
