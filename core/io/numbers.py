"""One cell → a number or missing, with every conversion listed (templates and long format share it).

Never guesses beyond these rules: full-width digits, thousands commas, a percent sign on a
percent indicator, numbers stored as text and missing marks (“—”, “无”…) are converted and
listed as notes; dates, logical values, Excel error values and free text are refused.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import reduce

from ..kernel.messages import Message, msg

MISSING_MARKS = frozenset(
    {"—", "——", "-", "--", "–", "―", "－", "无", "暂无", "空", "缺", "缺失", "不详", "/", "\\"}
    | {"NA", "N/A", "n/a", "na", "null", "NULL", "none", "None", "…", "..."}
)
EXCEL_ERRORS = frozenset(
    {"#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA", "#SPILL!", "#CALC!"}
)
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
MAX_MAGNITUDE = 1e15  # no statistic in the framework comes near this in any unit; beyond it is a typing error


@dataclass
class CellReading:
    value: float | None
    notes: list[Message] = field(default_factory=list)  # conversions made (INFO)
    error: Message | None = None  # why the cell was refused: the problem code and its arguments
    missing_mark: str | None = None  # "—" etc., read as missing


def format_number(v: float) -> str:
    return f"{v:.10g}"


def joined_notes(notes: list[Message]) -> Message:
    """The conversion notes as one message: “a；b；c”."""
    return reduce(lambda first, nxt: msg("value_note.join", first=first, next=nxt), notes)


def is_percent_format(number_format: str | None) -> bool:
    if not number_format or "%" not in number_format:
        return False
    stripped = re.sub(r'"[^"]*"|\\.', "", number_format)  # ignore literal text in the format
    return "%" in stripped


def bad(code: str, **args: object) -> CellReading:
    return CellReading(None, error=msg(code, **args))


def read_number(raw: object, unit: str, number_format: str | None = None, *, text_file: bool = False) -> CellReading:
    """One cell → number or missing, with every conversion listed; never guesses beyond those rules.

    `text_file`: the value comes from a text format (CSV) where every number is text, so
    "number stored as text" is not worth a note there.
    """
    if raw is None:
        return CellReading(None)
    if isinstance(raw, bool):
        return bad("value_bool", value="TRUE" if raw else "FALSE", unit=unit)
    if isinstance(raw, (datetime, date, time, timedelta)):
        return bad("value_date", value=str(raw), unit=unit)
    if isinstance(raw, (int, float)):
        if isinstance(raw, int) and abs(raw) > MAX_MAGNITUDE:  # float() of a huge int overflows
            return bad("value_too_large", value=str(raw)[:20] + "…", limit="1e15")
        return _read_stored_number(float(raw), unit, number_format)
    return _read_text(str(raw), unit, text_file)


def out_of_range(value: float) -> CellReading | None:
    """Infinity, NaN or a magnitude over 1e15 → the refusal; None for a usable number."""
    if not math.isfinite(value):
        return bad("value_not_finite")
    if abs(value) > MAX_MAGNITUDE:
        return bad("value_too_large", value=format_number(value), limit="1e15")
    return None


def _read_stored_number(value: float, unit: str, number_format: str | None) -> CellReading:
    refused = out_of_range(value)
    if refused:
        return refused
    notes: list[Message] = []
    if is_percent_format(number_format):
        if unit.strip() == "%":
            shown = value
            value = float(f"{value * 100:.12g}")
            notes.append(
                msg(
                    "value_note.percent_format",
                    shown=format_number(shown * 100),
                    stored=format_number(shown),
                    value=format_number(value),
                )
            )
        else:
            notes.append(msg("value_note.percent_format_unit", unit=unit, value=format_number(value)))
    return CellReading(value, notes)


def _read_text(text: str, unit: str, text_file: bool) -> CellReading:
    stripped = text.strip().strip("\u3000\xa0\u200b")
    if not stripped:
        return CellReading(None, [msg("value_note.blank")], missing_mark="")
    if stripped in EXCEL_ERRORS:
        return bad("value_excel_error", value=stripped)
    if stripped in MISSING_MARKS:
        return CellReading(None, [msg("value_note.missing_mark", mark=stripped)], missing_mark=stripped)
    notes: list[Message] = []
    s = unicodedata.normalize("NFKC", stripped).replace("\u2212", "-").replace("\u3002", ".").strip()
    if s != stripped:
        notes.append(msg("value_note.fullwidth"))
    if s in MISSING_MARKS:
        return CellReading(None, [*notes, msg("value_note.missing_mark", mark=stripped)], missing_mark=stripped)
    percent = s.endswith("%")
    if percent:
        s = s[:-1].strip()
    if "," in s:
        if not _THOUSANDS.fullmatch(s):
            return bad("value_comma", value=text)
        s = s.replace(",", "")
        notes.append(msg("value_note.thousands"))
    if not _NUMBER.fullmatch(s):
        return bad("value_text", value=text, unit=unit)
    value = float(s)
    refused = out_of_range(value)
    if refused:
        return refused
    if percent:
        if unit.strip() != "%":
            return bad("value_percent_sign", value=text, unit=unit)
        notes.append(msg("value_note.percent_sign", text=stripped, value=format_number(value)))
    if not text_file:
        notes.append(msg("value_note.number_as_text"))
    return CellReading(value, notes)
