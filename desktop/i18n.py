"""Language: Chinese source strings, English from `resources/i18n/fusion_en.qm`.

Source strings in the code are Chinese (the product's first language), so the Chinese UI needs
no translation file; English comes from a Qt `.ts` (edited, committed) compiled to `.qm`.
Qt's own strings (file dialogs, message box buttons) come from Qt's `qtbase_*.qm`.
Regenerate with `python -m desktop.tools.update_translations` (lupdate + lrelease).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

QM_RESOURCE = "i18n/fusion_{lang}.qm"
_installed: list[QTranslator] = []
_current = "zh"


def current_language() -> str:
    return _current


def _qm_path(lang: str) -> str | None:
    from core.kernel import resource

    node = resource(QM_RESOURCE.format(lang=lang))
    return str(node) if node.is_file() else None


def install(app, lang: str) -> bool:
    """Install translators for `lang` ("zh" or "en"), removing the previous ones.

    Returns True if the app's own translation was found (always True for Chinese).
    """
    global _current
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    ok = True
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang == "en":
        path = _qm_path("en")
        tr = QTranslator(app)
        ok = bool(path) and tr.load(path)
        if ok:
            app.installTranslator(tr)
            _installed.append(tr)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        tr = QTranslator(app)
        if tr.load("qtbase_zh_CN", qt_dir):
            app.installTranslator(tr)
            _installed.append(tr)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    _current = lang if lang in ("zh", "en") else "zh"
    return ok


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def region_name(name: str) -> str:
    """A region's name in the UI language (known provinces, the nation and macro-regions in English
    in the English UI); the data keys stay Chinese."""
    from core.model import region_label

    return region_label(name, _current)


def separators(lang: str | None = None) -> tuple[str, str]:
    """(between clauses, between list items) as `lang` (default: the UI language) writes them: ；、 or ; ,"""
    return ("；", "、") if (lang or _current) == "zh" else ("; ", ", ")


def joined(items) -> str:
    """Items listed the way the UI language lists them (a、b or a, b)."""
    return separators()[1].join(str(i) for i in items)


def parenthesised(text: str, lang: str | None = None) -> str:
    """An aside after a word: （…） in Chinese, " (…)" in English."""
    return f"（{text}）" if (lang or _current) == "zh" else f" ({text})"
