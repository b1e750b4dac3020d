"""CJK font choice: Chinese must never render as boxes, in widgets or in charts.

Windows offices have Microsoft YaHei (UI) or SimSun; Debian/Ubuntu have Noto Sans CJK (from
`fonts-noto-cjk`), whose `.ttc` also holds JP/KR/TC families — Qt's fallback in the C locale
is the **JP** one (Japanese glyph forms), so the SC family is chosen explicitly (spec 04).
A font file dropped into `resources/fonts/` is loaded first (e.g. an OFL CJK font).
"""

from __future__ import annotations

PREFERRED_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "Noto Sans SC",
    "SimHei",
    "SimSun",
)
LATIN_FALLBACKS = ("Segoe UI", "Noto Sans", "DejaVu Sans", "Arial")

_chosen: str | None = None


def _bundled_families() -> list[str]:
    """Families of fonts shipped in resources/fonts/ (SC first), registered with Qt."""
    from PySide6.QtGui import QFontDatabase

    from core.kernel import resource

    try:
        folder = resource("fonts")
        if not folder.is_dir():
            return []
        out: list[str] = []
        for entry in folder.iterdir():
            if entry.name.lower().endswith((".ttf", ".otf", ".ttc")):
                fid = QFontDatabase.addApplicationFontFromData(entry.read_bytes())
                fams = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
                out.extend(sorted(fams, key=lambda f: (" SC" not in f and "CN" not in f, f)))
        return out
    except Exception:  # a broken font file must not stop the app
        return []


def choose_family() -> str | None:
    """The CJK family the app uses, or None if the system has none (then Qt falls back)."""
    global _chosen
    if _chosen is not None:
        return _chosen or None
    from PySide6.QtGui import QFontDatabase

    bundled = _bundled_families()
    available = set(QFontDatabase.families())
    for fam in bundled + list(PREFERRED_FAMILIES):
        if fam in available:
            _chosen = fam
            return fam
    # any SC family at all (e.g. another Noto CJK packaging)
    for fam in sorted(available):
        if fam.endswith(" SC") or "CJK SC" in fam:
            _chosen = fam
            return fam
    _chosen = ""
    return None


def _has_bundled_fonts() -> bool:
    from pathlib import Path

    import resources  # the package of shipped files (tiny __init__), not core

    folder = Path(resources.__file__).parent / "fonts"
    return folder.is_dir() and any(folder.iterdir())


def apply(app, point_size: float = 10.0) -> list[str]:
    """Set the application font: the preferred CJK families in order, then Latin fallbacks.

    Qt takes the first installed family of the list, so the SC family is chosen explicitly
    without enumerating the font database at start-up (≈10 ms); `choose_family()` does the
    full check (bundled fonts, any SC family) when a bundled font folder exists.
    """
    from PySide6.QtGui import QFont

    families = list(PREFERRED_FAMILIES)
    if _has_bundled_fonts():
        fam = choose_family()
        if fam:
            families.insert(0, fam)
    font = QFont(app.font())
    font.setFamilies([*families, *LATIN_FALLBACKS])
    font.setPointSizeF(point_size)
    app.setFont(font)
    return families


def ui_font(point_size: float | None = None, bold: bool = False):
    """A QFont in the app's family (for charts, which do not always inherit the app font)."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    font = QFont(QApplication.font())
    if point_size:
        font.setPointSizeF(point_size)
    font.setBold(bold)
    return font
