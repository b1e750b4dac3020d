"""Read filled-in templates (填报模板) into observations with cell-level provenance and problems.

The template is found by header text, codes and defined names rather than fixed cell
addresses, so inserted rows or moved columns still read correctly (and are reported). Every
conversion (全角→半角, “33.3%”→33.3, text→number) is listed as an INFO problem; anything the
importer cannot read without guessing is an ERROR on the exact cell; a suspicious value (5×
its neighbours) is a WARNING. Input files are opened read-only and never written.

One module per sheet: `info` (_meta marker and 填报信息), `data_sheet` (指标数据), `basic_data`
(基础数据), `industries` (主导产业); `reader` runs them in order over a shared `ReadContext`.
"""

from .reader import is_template_workbook, read_template_workbook

__all__ = ["is_template_workbook", "read_template_workbook"]
