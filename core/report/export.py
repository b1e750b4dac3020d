"""Write reports: one region to one file, or every region into a folder, with progress and cancel.

Every file is written atomically; an input file is never overwritten; `.tmp` files left by a
killed export are removed on the next run into the same folder.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..kernel.atomic import atomic_write_bytes
from ..kernel.messages import msg, render
from ..kernel.problems import InputError, Problem
from ..kernel.progress import CancelCheck, ProgressCallback, check_cancel, report
from ..model.regions import region_label
from .builder import ReportInputs, build_document
from .docx_writer import write_docx
from .html import image_name, to_html
from .render import DPI, Renderer, chart_images, width_px
from .xlsx_writer import write_xlsx

FORMATS = ("docx", "pdf", "xlsx")
_UNSAFE = '\\/:*?"<>|\t\r\n'


def report_file_name(region: str, fmt: str, lang: str = "zh") -> str:
    return _safe_name(render("report.title", {"region": region}, lang)) + "." + fmt


def _safe_name(stem: str) -> str:
    return "".join("_" if ch in _UNSAFE else ch for ch in stem).strip(". ")


def clean_leftovers(folder: Path) -> list[Path]:
    """Remove temporary files of earlier, killed exports (`.NAME.xxxx.tmp` of a report format)."""
    removed = []
    if not folder.is_dir():
        return removed
    for entry in folder.glob(".*.tmp"):
        if any(f".{fmt}." in entry.name for fmt in (*FORMATS, "png")) and entry.is_file():
            try:
                entry.unlink()
                removed.append(entry)
            except OSError:
                pass
    return removed


def refuse_inputs(path: Path, inputs: Iterable[Path]) -> None:
    """An input file is never overwritten."""
    target = os.path.realpath(path)
    for source in inputs:
        if os.path.realpath(source) == target:
            raise InputError([Problem("report.output_is_input", {"path": str(path)})])


def write_report(
    inputs: ReportInputs,
    fmt: str,
    path: str | Path,
    renderer: Renderer | None = None,
    cancel: CancelCheck | None = None,
) -> Path:
    """Build the report of `inputs.region` and write it as docx, pdf or xlsx."""
    path = Path(path)
    if fmt not in FORMATS:
        raise InputError([Problem("report.format_unknown", {"format": fmt, "formats": list(FORMATS)})])
    if fmt == "pdf" and renderer is None:
        raise InputError([Problem("report.pdf_needs_renderer", {})])
    clean_leftovers(path.parent)
    document = build_document(inputs)
    check_cancel(cancel)
    images = {} if fmt == "xlsx" else chart_images(document, renderer, DPI, lambda: check_cancel(cancel), fmt == "docx")
    check_cancel(cancel)
    note = msg("report.figure.no_renderer").text(inputs.lang)
    if fmt == "docx":
        write_docx(document, path, images, note)
    elif fmt == "xlsx":
        write_xlsx(document, path)
    else:
        html = to_html(document, set(images), note)
        renderer.pdf(html, {image_name(f): images[f.number] for f in document.figures if f.number in images}, path)
    return path


def write_reports(
    inputs: ReportInputs,
    regions: Sequence[str],
    fmt: str,
    folder: str | Path,
    renderer: Renderer | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> list[Path]:
    """One file per region into `folder` (`inputs.region` is replaced by each region in turn)."""
    folder = Path(folder)
    written = []
    for i, region in enumerate(regions):
        check_cancel(cancel)
        path = folder / report_file_name(region, fmt, inputs.lang)
        report(progress, i, len(regions), path.name)
        written.append(write_report(dataclasses.replace(inputs, region=region), fmt, path, renderer, cancel))
    report(progress, len(regions), len(regions))
    return written


def export_figures(
    inputs: ReportInputs,
    folder: str | Path,
    renderer: Renderer,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> list[Path]:
    """The report's figures as PNG files for documents: the whole chart at its printed width, 300 dpi."""
    folder = Path(folder)
    clean_leftovers(folder)
    figures = build_document(inputs).figures
    written = []
    for i, figure in enumerate(figures):
        check_cancel(cancel)
        path = folder / (_safe_name(f"{region_label(inputs.region, inputs.lang)} {figure.caption}") + ".png")
        report(progress, i, len(figures), path.name)
        atomic_write_bytes(path, renderer.png(renderer.chart_image(figure, width_px(figure), DPI), DPI))
        written.append(path)
    report(progress, len(figures), len(figures))
    return written
