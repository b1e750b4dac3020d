"""Colours and the style sheet: one place, so charts and widgets agree."""

PRIMARY = "#2f6fb5"
ACCENT = "#c0392b"
TEXT = "#1f2d3d"
MUTED = "#6b7a8c"
BORDER = "#dde3ea"
BG = "#f4f6f9"
ESTIMATE_BG = "#fff1d6"  # 预估 cells
INTERPOLATED_BG = "#e3f0ff"  # 插值 cells
EXCLUDED_BG = "#eeeeee"
ERROR = "#c0392b"
WARNING = "#d68910"
INFO = "#2e86c1"
DISABLED_TEXT = "#9aa3ad"  # a disabled control: grey text on a grey, dashed-bordered face
DISABLED_BG = "#eceff3"

# total + four pillars (图1), then a palette for regions / years
TOTAL_COLOR = "#c0392b"
PILLAR_COLORS = ("#2f6fb5", "#e07b39", "#3fa34d", "#8e5bb5")
SERIES_COLORS = (
    "#2f6fb5",
    "#e07b39",
    "#3fa34d",
    "#8e5bb5",
    "#c0392b",
    "#17a2b8",
    "#7f8c8d",
    "#b8860b",
    "#d35400",
    "#1abc9c",
)
NATION_COLOR = "#555555"
GRADE_COLORS = (
    "#c0392b",
    "#d35400",
    "#e67e22",
    "#f1c40f",
    "#c9d33c",
    "#8bc34a",
    "#4caf50",
    "#2e9e5b",
    "#1e8449",
    "#145a32",
)

STYLE_SHEET = f"""
QMainWindow, QWidget#content {{ background: {BG}; }}
QScrollArea#pageScroll, QScrollArea#pageScroll > QWidget#qt_scrollarea_viewport {{ background: {BG}; }}
QWidget#sidebar {{ background: #1d2b3a; }}
QLabel#appTitle {{ color: white; font-size: 16pt; font-weight: 600; }}
QLabel#appSubtitle {{ color: #8fa3b8; font-size: 9pt; }}
QLabel#workspaceLabel {{ color: #c9d3df; font-size: 9pt; }}
QListWidget#steps {{ background: transparent; border: none; color: #c9d3df; font-size: 11pt; outline: 0; }}
QListWidget#steps::item {{ padding: 10px 8px; border-radius: 6px; margin: 2px 8px; }}
QListWidget#steps::item:selected {{ background: {PRIMARY}; color: white; }}
QListWidget#steps::item:hover:!selected {{ background: #2a3d52; }}
QWidget#header {{ background: white; border-bottom: 1px solid {BORDER}; }}
QLabel#pageTitle {{ color: {TEXT}; font-size: 15pt; font-weight: 600; }}
QLabel#pageSubtitle {{ color: {MUTED}; }}
QFrame#card {{ background: white; border: 1px solid {BORDER}; border-radius: 6px; }}
QLabel#cardTitle {{ color: {TEXT}; font-size: 11pt; font-weight: 600; }}
QLabel#muted {{ color: {MUTED}; }}
QLabel#bigValue {{ color: {TEXT}; font-size: 20pt; font-weight: 600; }}
QLabel#verdict {{ color: {PRIMARY}; font-size: 12pt; font-weight: 600; }}
QLabel#note {{ background: #fff8e6; border: 1px solid #f3d9a4; border-radius: 4px; padding: 6px; color: #7a5a12; }}
QLabel#empty {{ color: {MUTED}; font-size: 11pt; padding: 24px; }}
QFrame#dropZone {{ background: white; border: 2px dashed #9fb4cc; border-radius: 10px; }}
QFrame#dropZone[active="true"] {{ background: #eaf2fc; border-color: {PRIMARY}; }}
QPushButton {{ padding: 5px 12px; border: 1px solid #c3ccd6; border-radius: 4px; background: white; }}
QPushButton:hover {{ background: #eef3f8; }}
QPushButton#primary {{ background: {PRIMARY}; color: white; border-color: {PRIMARY}; font-weight: 600; }}
QPushButton#primary:hover {{ background: #285f9c; }}
QPushButton:disabled, QPushButton#primary:disabled {{ color: {DISABLED_TEXT}; background: {DISABLED_BG}; border: 1px dashed #c8cfd8; font-weight: normal; }}
QToolButton:disabled, QComboBox:disabled, QLineEdit:disabled {{ color: {DISABLED_TEXT}; }}
QToolButton#chartTool {{ border: none; padding: 2px 6px; color: {MUTED}; }}
QToolButton#chartTool:hover {{ color: {PRIMARY}; background: #eef3f8; border-radius: 3px; }}
QTableView, QTreeView, QTableWidget, QTreeWidget {{ background: white; border: 1px solid {BORDER}; gridline-color: #edf0f4; selection-background-color: #cfe0f5; selection-color: {TEXT}; }}
QHeaderView::section {{ background: #f0f3f7; border: none; border-right: 1px solid {BORDER}; border-bottom: 1px solid {BORDER}; padding: 4px 6px; color: {TEXT}; font-weight: 600; }}
QTabWidget::pane {{ border: 1px solid {BORDER}; background: white; border-radius: 4px; }}
QTabBar::tab {{ padding: 6px 14px; background: #e8edf3; border: 1px solid {BORDER}; border-bottom: none; margin-right: 2px; border-top-left-radius: 4px; border-top-right-radius: 4px; }}
QTabBar::tab:selected {{ background: white; color: {PRIMARY}; font-weight: 600; }}
QStatusBar {{ background: white; border-top: 1px solid {BORDER}; }}
"""


def apply(app) -> None:
    if app.style().name().lower() != "fusion":  # re-setting the same style costs ~10 ms at start-up
        app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
