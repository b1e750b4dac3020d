"""The index result as one long CSV table: region, code, name, year, index, growth, flag.

UTF-8 with a byte-order mark so that Excel and WPS open the Chinese names correctly; written
atomically (a reader never sees half a file).
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

from ..index import IndexResult
from ..kernel import atomic_write_text
from ..model import Framework

CSV_COLUMNS = ("region", "code", "name", "year", "index", "growth", "flag")


def _number(value: float) -> str:
    return "" if math.isnan(value) else f"{value:.4f}"


def index_csv_text(result: IndexResult, framework: Framework) -> str:
    """The CSV text (without the byte-order mark): one row per region, node and year."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    for r, region in enumerate(result.regions):
        for n, code in enumerate(result.codes):
            name = framework.nodes[code].name_zh
            for t, year in enumerate(result.years):
                flag = result.flag(region, code, year)
                w.writerow(
                    [
                        region,
                        code,
                        name,
                        year,
                        _number(float(result.index[r, n, t])),
                        _number(float(result.growth[r, n, t])),
                        flag.key if flag else "",
                    ]
                )
    return buf.getvalue()


def write_index_csv(path: str | Path, result: IndexResult, framework: Framework) -> Path:
    """Write the long CSV of `result` to `path` atomically; returns the path."""
    atomic_write_text(path, "\ufeff" + index_csv_text(result, framework))
    return Path(path)
