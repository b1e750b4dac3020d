"""Charts exported as the widget shows them; reports with charts and PDF through the Qt renderer."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest
from docx import Document as open_docx
from docx.shared import Cm
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from core.model.framework import ROOT as TOTAL
from core.report.export import write_report
from desktop.charts.plots import LineChart, Series
from desktop.report_renderer import QtRenderer
from tests.report_fixtures import demo_inputs

YEARS = [2019, 2020, 2021, 2022, 2023]


@pytest.fixture
def chart(qtbot):
    c = LineChart("总指数走势")
    qtbot.addWidget(c)
    c.set_data(
        [
            Series("江苏省", YEARS, [100, 110, 120, 125, 131], "#c0392b"),
            Series("全国", YEARS, [100, 105, 111, 118, 122], "#2f6fb5", dashed=True),
        ],
        x_ticks=YEARS,
    )
    c.resize(640, 360)
    c.show()
    qtbot.waitExposed(c)
    return c


def _gray(img: QImage, x: int, y: int) -> int:
    return QColor(img.pixel(x, y)).lightness()


def _mean_diff(a: QImage, b: QImage, rect) -> float:
    total, n = 0, 0
    for y in range(rect.top(), rect.bottom(), 3):
        for x in range(rect.left(), rect.right(), 3):
            total += abs(_gray(a, x, y) - _gray(b, x, y))
            n += 1
    return total / n


def _legend_rect(chart):
    """The legend's rectangle in the frame's logical coordinates."""
    legend = chart.legend
    scene_rect = legend.mapRectToScene(legend.boundingRect())
    view_rect = chart.view.mapFromScene(scene_rect).boundingRect()
    return view_rect.translated(chart.view.geometry().topLeft())


def test_png_export_is_the_whole_chart_as_shown(chart):
    shown = chart.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    size = chart.export_size()
    img = chart.image(scale=2.0)
    assert (img.width(), img.height()) == (2 * size.width(), 2 * size.height())
    small = img.scaled(
        size.width(), size.height(), Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    plot = chart.view.geometry()
    assert _mean_diff(small, shown, plot) < 8  # the plot, axes and lines where the widget has them
    legend = _legend_rect(chart)
    assert legend.width() > 50 and plot.contains(legend.center())
    dark = sum(
        _gray(img, 2 * x, 2 * y) < 200
        for x in range(legend.left(), legend.right(), 2)
        for y in range(legend.top(), legend.bottom(), 2)
    )
    assert dark > 20  # the legend's samples and names are there
    title = chart.title.geometry()
    assert any(_gray(img, 2 * x, 2 * title.center().y()) < 128 for x in range(title.left(), title.left() + 80))
    assert _gray(img, 2 * (plot.right() - 5), 2 * plot.center().y()) > 200  # not the old quarter-at-2× crop


def test_png_for_a_document_is_300_dpi_at_printed_width(chart):
    img = chart.image(width_px=1843)
    assert img.width() == 1843
    size = chart.export_size()
    assert abs(img.height() / img.width() - size.height() / size.width()) < 0.01


def test_svg_lines_align_with_the_axes(chart, tmp_path):
    path = tmp_path / "c.svg"
    chart.export_svg(str(path))
    size = chart.export_size()
    raster = QImage(size, QImage.Format.Format_ARGB32)
    raster.fill(Qt.GlobalColor.white)
    p = QPainter(raster)
    QSvgRenderer(str(path)).render(p, QRectF(0, 0, size.width(), size.height()))
    p.end()
    png = chart.image(scale=1.0)
    assert _mean_diff(raster, png, chart.view.geometry()) < 6


def test_docx_with_renderer_has_charts_at_text_width(tmp_path):
    path = write_report(demo_inputs(), "docx", tmp_path / "r.docx", QtRenderer())
    shapes = open_docx(str(path)).inline_shapes
    assert len(shapes) == 5  # trend, pillars, quadrant scatter, tile map, pillar-level radar
    assert all(abs(s.width - Cm(15.6)) < Cm(0.05) for s in shapes)


def test_report_charts_are_lossless_pngs_at_300_dpi_and_leave_no_widgets(qapp):
    """The renderer's PNG holds exactly the drawn pixels with 300 dpi recorded, and every chart it drew
    for the report is gone at once (batch exports and the command line run no event loop)."""
    from PySide6.QtWidgets import QApplication

    from core.report import build_document

    renderer = QtRenderer()
    before = len(QApplication.allWidgets())
    figures = build_document(demo_inputs()).figures
    for figure in figures:
        image = renderer.chart_image(figure, 1843, 300)
        decoded = QImage.fromData(renderer.png(image, 300))
        assert decoded.size() == image.size() and image.width() == 1843
        opaque = QImage.Format.Format_ARGB32
        assert decoded.convertToFormat(opaque) == image.convertToFormat(opaque)
        assert decoded.dotsPerMeterX() == decoded.dotsPerMeterY() == round(300 / 0.0254)
    assert len(QApplication.allWidgets()) == before
    with pytest.raises(OSError):
        renderer.png(QImage(), 300)  # nothing drawn: an error, never an empty picture in the report


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_has_headings_verdict_numbers_and_embedded_cjk_font(tmp_path):
    inputs = demo_inputs()
    path = write_report(inputs, "pdf", tmp_path / "r.pdf", QtRenderer())
    text = unicodedata.normalize(
        "NFKC", subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    )
    flat = "".join(text.split())
    headings = (
        "摘要",
        "一、总体情况",
        "二、分维度分析",
        "三、对标分析",
        "四、融合潜力与功能定位",
        "五、协同与路径建议",
    )
    for heading in (*headings, "附录一", "附录三", "附录四"):
        assert unicodedata.normalize("NFKC", heading) in flat, heading
    ra = inputs.assessment.regions["江苏省"]
    verdicts = [
        ra.role.reason,
        ra.coupling.reason,
        ra.potential.reason,
        ra.quadrants[TOTAL].reason,
        ra.levers[0].reason,
    ]
    for verdict in verdicts:  # every verdict sentence, with its numbers, as the assessment says it
        sentence = "".join(unicodedata.normalize("NFKC", verdict.text()).split())
        start = flat.find(sentence[:12])
        assert start >= 0, verdict.text()
        numbers = re.findall(r"\d+\.\d+", sentence)  # in order, after its start (a page number may fall between)
        for number in numbers:
            start = flat.find(number, start)
            assert start >= 0, (number, verdict.text())
    r = inputs.result
    assert f"总指数为 {r.value('江苏省', TOTAL, r.latest_year):.1f}" in text
    assert "图 1" in text and "表 1" in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    cjk = [line for line in fonts.splitlines() if "CJK" in line or "Hei" in line]
    assert cjk and all(" yes " in line for line in cjk)
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "(A4)" in pages
    page2 = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(path), "-"], capture_output=True, text=True).stdout
    assert page2.split()[-1] == "2"  # page numbers at the foot


def test_desktop_report_command_writes_pdf_with_charts(tmp_path):
    import os
    import sys

    from tests.report_fixtures import DEMO, ROOT

    out = tmp_path / "r.pdf"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "report",
            str(DEMO),
            "--region",
            "江苏省",
            "--format",
            "pdf",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes()[:5] == b"%PDF-" and b"/Image" in out.read_bytes()
