"""Problems found in user input, named the way a statistician can act on them.

Every importer and check in `core` reports through `Problem`, so the GUI's problems panel,
the command line and the reports show the same Chinese message with the same location.
"""

from __future__ import annotations

from dataclasses import dataclass, asdict
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"      # blocks computation until fixed or excluded
    WARNING = "warning"  # shown, does not block
    INFO = "info"        # a conversion the importer made (全角→半角 …), listed so nothing is silent


@dataclass(frozen=True)
class Problem:
    """One problem with a location. `message` is Chinese and says what is wrong and how to fix it."""

    code: str
    message: str
    severity: Severity = Severity.ERROR
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    row: int | None = None
    column: str | None = None
    region: str | None = None
    indicator: str | None = None
    year: int | None = None

    def location(self) -> str:
        """Where the problem is, in Chinese, most specific last: 文件 a.xlsx，工作表 指标数据，单元格 D7."""
        parts: list[str] = []
        if self.file:
            parts.append(f"文件 {self.file}")
        if self.sheet:
            parts.append(f"工作表 {self.sheet}")
        if self.cell:
            parts.append(f"单元格 {self.cell}")
        if self.row is not None:
            parts.append(f"第 {self.row} 行")
        if self.column:
            parts.append(f"列 {self.column}")
        if self.region:
            parts.append(f"地区 {self.region}")
        if self.indicator:
            parts.append(f"指标 {self.indicator}")
        if self.year is not None:
            parts.append(f"{self.year} 年")
        return "，".join(parts)

    def one_line(self) -> str:
        """The one-line form the command line prints: 错误：<location>：<message>."""
        label = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "说明"}[self.severity]
        where = self.location()
        return f"{label}：{where}：{self.message}" if where else f"{label}：{self.message}"

    def to_dict(self) -> dict:
        d = asdict(self)
        d["severity"] = self.severity.value
        return {k: v for k, v in d.items() if v is not None}


class InputError(Exception):
    """Raised when input cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(p.one_line() for p in self.problems))
