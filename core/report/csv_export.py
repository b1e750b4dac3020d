"""The index result as one long CSV table: 地区, 指标代码, 指标名称, 年份, 指数, 增速（%）, 标记.

Chinese headers (or English ones for an English report) and a UTF-8 byte-order mark, so that
Excel and WPS open the Chinese names correctly; every text from input (region names) goes
through `neutralise`, so a name like `=HYPERLINK(…)` stays text; written atomically (a reader
never sees half a file).
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

from ..index import IndexResult
from ..kernel import atomic_write_text
from ..kernel.messages import render
from ..model import Framework
from .neutral import neutralise

CSV_COLUMNS = ("region", "code", "name", "year", "index", "growth", "flag")  # keys of the headers (report.csv.*)


def csv_headers(lang: str = "zh") -> tuple[str, ...]:
    return tuple(render(f"report.csv.{key}", None, lang) for key in CSV_COLUMNS)


def _number(value: float) -> str:
    return "" if math.isnan(value) else f"{value:.4f}"


def index_csv_text(result: IndexResult, framework: Framework, lang: str = "zh") -> str:
    """The CSV text (without the byte-order mark): one row per region, node and year."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(csv_headers(lang))
    for r, region in enumerate(result.regions):
        for n, code in enumerate(result.codes):
            name = framework.nodes[code].name(lang)
            for t, year in enumerate(result.years):
                flag = result.flag(region, code, year)
                w.writerow(
                    [
                        neutralise(region),
                        code,
                        neutralise(name),
                        year,
                        _number(float(result.index[r, n, t])),
                        _number(float(result.growth[r, n, t])),
                        flag.label(lang) if flag else "",
                    ]
                )
    return buf.getvalue()


def write_index_csv(path: str | Path, result: IndexResult, framework: Framework, lang: str = "zh") -> Path:
    """Write the long CSV of `result` to `path` atomically; returns the path."""
    atomic_write_text(path, "\ufeff" + index_csv_text(result, framework, lang))
    return Path(path)
