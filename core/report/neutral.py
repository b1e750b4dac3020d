"""Text from input must stay text in spreadsheets (OWASP CSV/formula injection).

A region name, source or 备注 starting with `=`, `+`, `-`, `@`, tab or CR would be a formula in
Excel: openpyxl even writes a string starting with `=` as a formula. In xlsx such text is
stored as a string with `quotePrefix`; in CSV it gets a leading `'`.
"""

from __future__ import annotations

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    return isinstance(text, str) and text.startswith(FORMULA_TRIGGERS)


def neutralise(text: str) -> str:
    """The CSV form: a leading `'` before text a spreadsheet would run as a formula."""
    return "'" + text if is_formula_like(text) else text


def set_text_cell(cell, text: str) -> None:
    """Put `text` into an openpyxl cell as a string, never a formula."""
    cell.value = text
    cell.data_type = "s"
    if is_formula_like(text):
        cell.quotePrefix = True
