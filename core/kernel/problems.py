"""Problems found in user input, named the way a statistician can act on them.

Every importer and check in `core` reports through `Problem`: a catalogue code with named
arguments, a severity and a location (file, sheet, cell, row, column, region, indicator,
year). The GUI's problems panel, the command line and the reports render the same problem in
the user's language from the message catalogue (`core.kernel.messages`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .messages import DEFAULT_LANG, Message, _from_jsonable, _jsonable, render


class Severity(StrEnum):
    ERROR = "error"  # blocks computation until fixed or excluded
    WARNING = "warning"  # shown, does not block
    INFO = "info"  # a conversion the importer made (全角→半角 …), listed so nothing is silent


_LOCATION_FIELDS = ("file", "sheet", "cell", "row", "column", "region", "indicator", "year")


@dataclass(frozen=True)
class Problem:
    """One problem with a location. Its text says what is wrong and how to fix it."""

    code: str
    args: Mapping[str, Any] = field(default_factory=dict, hash=False)
    severity: Severity = Severity.ERROR
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    row: int | None = None
    column: str | None = None
    region: str | None = None
    indicator: str | None = None
    year: int | None = None

    @property
    def as_message(self) -> Message:
        return Message(self.code, self.args)

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """What is wrong and how to fix it, in `lang`."""
        return render(self.code, self.args, lang)

    @property
    def message(self) -> str:
        """The Chinese text (the product's first language)."""
        return self.text(DEFAULT_LANG)

    def location(self, lang: str = DEFAULT_LANG) -> str:
        """Where the problem is, most specific last: 文件 a.xlsx，工作表 指标数据，单元格 D7."""
        parts = [
            render(f"location.{name}", {"value": getattr(self, name)}, lang)
            for name in _LOCATION_FIELDS
            if getattr(self, name) not in (None, "")
        ]
        return render("location.separator", None, lang).join(parts)

    def one_line(self, lang: str = DEFAULT_LANG) -> str:
        """The one-line form the command line prints: 错误：<location>：<text>."""
        args = {"severity": render(f"severity.{self.severity.value}", None, lang), "text": self.text(lang)}
        where = self.location(lang)
        if where:
            return render("problem.line_located", {**args, "location": where}, lang)
        return render("problem.line", args, lang)

    def to_dict(self) -> dict:
        out: dict[str, Any] = {
            "code": self.code,
            "message": self.message,
            "args": {k: _jsonable(v) for k, v in self.args.items()},
            "severity": self.severity.value,
        }
        out.update({name: getattr(self, name) for name in _LOCATION_FIELDS if getattr(self, name) is not None})
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Problem:
        """The inverse of to_dict (nested message arguments come back as Messages)."""
        kwargs = {name: data.get(name) for name in _LOCATION_FIELDS}
        args = {k: _from_jsonable(v) for k, v in (data.get("args") or {}).items()}
        return cls(data["code"], args, Severity(data.get("severity", "error")), **kwargs)


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


class InputError(Exception):
    """Raised when input cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(p.one_line() for p in self.problems))
